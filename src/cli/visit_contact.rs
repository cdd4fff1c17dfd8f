//! `log-visit --contact`: who was visited, by id or by name among the account's contacts.

use anyhow::{Result, bail};
use wortel::domain::{AccountId, ContactId};
use wortel::ops::VisitTarget;
use wortel::store::Store;
use wortel_core::said;

/// The account `target` is about.
fn account_of(store: &Store, target: VisitTarget) -> Result<Option<AccountId>> {
    Ok(match target {
        VisitTarget::Account(a) => Some(a),
        VisitTarget::Lead(id) => store.lead(id)?.map(|l| l.account_id),
        VisitTarget::Opportunity(id) => store.opportunity(id)?.map(|o| o.account_id),
    })
}

/// The contact `text` names: its id, its whole name (any case), or the one name holding it.
pub fn resolve(store: &Store, target: VisitTarget, text: &str) -> Result<Option<ContactId>> {
    let Some(account) = account_of(store, target)? else {
        // The target does not exist; log_visit says so.
        return Ok(None);
    };
    let contacts = store.contacts_of(account)?;
    let wanted = text.trim().to_lowercase();
    if let Some(c) = contacts
        .iter()
        .find(|c| c.id.to_string() == text.trim() || c.name.to_lowercase() == wanted)
    {
        return Ok(Some(c.id));
    }
    let fits: Vec<_> = contacts
        .iter()
        .filter(|c| !wanted.is_empty() && c.name.to_lowercase().contains(&wanted))
        .collect();
    let names = |list: Vec<&wortel::domain::Contact>| {
        list.iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match fits.len() {
        1 => Ok(Some(fits[0].id)),
        0 if contacts.is_empty() => {
            bail!(said!("contact-none-on-account", contact = text))
        }
        0 => bail!(said!(
            "contact-not-on-account",
            contact = text,
            contacts = names(contacts.iter().collect())
        )),
        _ => bail!(said!(
            "contact-ambiguous",
            contact = text,
            contacts = names(fits)
        )),
    }
}
