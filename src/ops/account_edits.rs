//! Edits from the account view: the account's details, contacts and their consent, NPS
//! responses, and a follow-up lead for a product due for replacement. Each validates with the
//! domain's rules and commits one atomic, flushed write whose receipt undoes it.

use super::load_account;
use super::tiers::tier_of;
use crate::domain::error::invalid;
use crate::domain::*;
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;
use jiff::civil::Date;

/// Saves changed account details (name, KvK, address, phone, e-mail, segment, owner).
pub fn update_account(
    store: &Store,
    mut account: Account,
    now: Timestamp,
) -> Result<Receipt, StoreError> {
    load_account(store, account.id)?;
    account.updated_at = now;
    account.validate()?;
    let mut ws = WriteSet::new();
    ws.put(account);
    store.commit(&ws, now)
}

/// What a contact form says about consent: may this person be approached for sales, for
/// marketing?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConsentChoice {
    pub sales_contact: bool,
    pub marketing: bool,
}

/// Brings a contact's consent records in line with `choice` on `today`: consent newly given is
/// recorded with its source; consent taken away is withdrawn (kept, with the date), never
/// deleted, so the history of what the person agreed to stays.
pub fn apply_consent(contact: &mut Contact, choice: ConsentChoice, today: Date, source: &str) {
    for (purpose, wanted) in [
        (ConsentPurpose::SalesContact, choice.sales_contact),
        (ConsentPurpose::Marketing, choice.marketing),
    ] {
        let has = contact.has_consent(purpose, today);
        if wanted && !has {
            contact.consent.push(Consent {
                purpose,
                given_at: today,
                source: source.to_string(),
                expires: None,
                withdrawn_at: None,
            });
        } else if !wanted && has {
            for c in contact.consent.iter_mut() {
                if c.purpose == purpose && c.is_valid_on(today) {
                    c.withdrawn_at = Some(today);
                }
            }
        }
    }
}

/// Saves a new or changed contact.
pub fn save_contact(
    store: &Store,
    mut contact: Contact,
    now: Timestamp,
) -> Result<Receipt, StoreError> {
    load_account(store, contact.account_id)?;
    contact.updated_at = now;
    contact.validate()?;
    let mut ws = WriteSet::new();
    ws.put(contact);
    store.commit(&ws, now)
}

/// Records an NPS answer (0–10) for an account, optionally from one of its contacts.
pub fn record_nps(
    store: &Store,
    account: AccountId,
    contact: Option<ContactId>,
    score: i64,
    comment: &str,
    date: Date,
    now: Timestamp,
) -> Result<(NpsResponse, Receipt), StoreError> {
    load_account(store, account)?;
    let response = NpsResponse {
        id: NpsId::generate(now),
        account_id: account,
        contact_id: contact,
        score: nps::validate_nps(score)?,
        date,
        comment: comment.trim().to_string(),
        created_at: now,
    };
    let mut ws = WriteSet::new();
    ws.put(response.clone());
    Ok((response, store.commit(&ws, now)?))
}

/// A new lead from the installed base: the product at `index` is due for replacement, and an
/// existing customer is a future lead. It enters the inbox as a dealer lead.
pub fn follow_up_lead(
    store: &Store,
    account: AccountId,
    index: usize,
    now: Timestamp,
) -> Result<(Lead, Receipt), StoreError> {
    let a = load_account(store, account)?;
    let product = a.installed_base.get(index).ok_or_else(|| {
        invalid(format!(
            "{} has no installed product number {}; pick one from its installed base",
            a.name,
            index + 1
        ))
    })?;
    let mut lead = Lead::new(LeadId::generate(now), account, Channel::Dealer, 50, now);
    lead.interest = format!("replacement of {}", product.product);
    lead.source.campaign = "installed base".to_string();
    if let Some(by) = product.replace_by {
        lead.notes = format!(
            "{} bought {}, due for replacement by {by}",
            product.product, product.purchased_on
        );
    }
    lead.owner = a.owner.clone();
    lead.tier = tier_of(&lead, &a);
    lead.validate()?;
    let mut ws = WriteSet::new();
    ws.put(lead.clone());
    Ok((lead, store.commit(&ws, now)?))
}
