//! vCard 4.0 (RFC 6350): one card per contact, with the account as organisation. With
//! `marketing_only`, only people whose marketing consent holds today (AVG: a contact without it
//! stays out of marketing exports). `X-WORTEL-MARKETING-CONSENT` says which each card is.

use super::text_lines::{escape, push_folded};
use crate::domain::{AccountId, ConsentPurpose, Contact};
use crate::store::{Store, StoreError};
use jiff::civil::Date;
use std::collections::HashMap;

/// The vCard text and how many cards it holds.
pub fn cards(
    store: &Store,
    today: Date,
    marketing_only: bool,
) -> Result<(String, usize), StoreError> {
    let names: HashMap<AccountId, String> = store
        .all_accounts()
        .map(|a| a.map(|a| (a.id, a.name)))
        .collect::<Result<_, _>>()?;
    let mut contacts: Vec<Contact> = store.all_contacts().collect::<Result<_, _>>()?;
    contacts.sort_by_key(|c| c.id);
    let mut out = String::new();
    let mut n = 0;
    for c in contacts {
        let marketing = c.has_consent(ConsentPurpose::Marketing, today);
        if marketing_only && !marketing {
            continue;
        }
        let (given, family) = split_name(&c.name);
        push_folded(&mut out, "BEGIN:VCARD");
        push_folded(&mut out, "VERSION:4.0");
        push_folded(&mut out, &format!("UID:urn:wortel:contact:{}", c.id));
        push_folded(&mut out, &format!("FN:{}", escape(&c.name)));
        push_folded(
            &mut out,
            &format!("N:{};{};;;", escape(family), escape(given)),
        );
        if let Some(org) = names.get(&c.account_id) {
            push_folded(&mut out, &format!("ORG:{}", escape(org)));
        }
        if !c.role.is_empty() {
            push_folded(&mut out, &format!("ROLE:{}", escape(&c.role)));
        }
        if !c.phone.is_empty() {
            push_folded(
                &mut out,
                &format!("TEL;VALUE=uri:tel:{}", c.phone.replace(' ', "")),
            );
        }
        if !c.email.is_empty() {
            push_folded(&mut out, &format!("EMAIL:{}", escape(&c.email)));
        }
        push_folded(
            &mut out,
            &format!("REV:{}", c.updated_at.strftime("%Y%m%dT%H%M%SZ")),
        );
        push_folded(
            &mut out,
            &format!(
                "X-WORTEL-MARKETING-CONSENT:{}",
                if marketing { "yes" } else { "no" }
            ),
        );
        push_folded(&mut out, "END:VCARD");
        n += 1;
    }
    Ok((out, n))
}

/// Given names and family name, Dutch style: the family name starts at the first lowercase
/// prefix after the first word (`Henk ter Bogaert` → `Henk`, `ter Bogaert`), else it is the last
/// word. Address books sort by it, so `van`/`de`/`ter` belong with the family name.
fn split_name(name: &str) -> (&str, &str) {
    let name = name.trim();
    let mut starts = name.match_indices(' ').map(|(i, _)| i + 1);
    let prefix = starts
        .clone()
        .find(|&i| name[i..].starts_with(|c: char| c.is_lowercase()));
    match prefix.or_else(|| starts.next_back()) {
        Some(i) => (name[..i].trim_end(), &name[i..]),
        None => ("", name),
    }
}

#[cfg(test)]
mod tests {
    use super::split_name;

    #[test]
    fn family_names_keep_their_dutch_prefixes() {
        assert_eq!(split_name("Henk ter Bogaert"), ("Henk", "ter Bogaert"));
        assert_eq!(
            split_name("Jan Willem van der Berg"),
            ("Jan Willem", "van der Berg")
        );
        assert_eq!(split_name("Anna Jansen"), ("Anna", "Jansen"));
        assert_eq!(split_name("Madonna"), ("", "Madonna"));
    }
}
