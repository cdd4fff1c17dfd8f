//! Erasure requests from head office (`erasures.ndjson` in a leads bundle): every contact the
//! request names — by head office's lead ids, e-mail address or phone number — is erased exactly
//! as `wortel privacy erase` does it ([`erasure_writes`]), in the import's one atomic write.
//! Each request is recorded, so a request seen again is not applied twice, and reported in the
//! next feedback bundle (also when nobody matched: then head office learns the dealer never had
//! the person).

use super::privacy::erasure_writes;
use crate::bundle::erasures::ErasureIn;
use crate::domain::{Account, AccountId, AccountKind, Contact, ContactId};
use crate::store::exchange::{ERASURE_REQUEST, UNSENT_ERASURE_REPORT};
use crate::store::{Store, StoreError, WriteSet};
use jiff::Timestamp;
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// What a bundle's erasure requests did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HqErasureReport {
    /// Requests in the bundle.
    pub requests: usize,
    /// Contacts erased.
    pub contacts_erased: usize,
    /// Requests that matched nobody in the store.
    pub not_found: usize,
    /// Requests done by an earlier bundle (same request id): nothing to do.
    pub done_before: usize,
    /// Requests that fit several people and did not say which: nobody erased, head office told.
    pub ambiguous: usize,
}

/// A phone number's digits, with the Dutch country code written as a leading 0
/// (`+31 6 1234 5678`, `0031 6…` and `06-1234 5678` are the same number).
fn phone_key(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.strip_prefix("00").unwrap_or(&digits).to_string();
    match digits.strip_prefix("31") {
        Some(rest) if text.trim_start().starts_with('+') || text.trim_start().starts_with("00") => {
            format!("0{rest}")
        }
        _ => digits,
    }
}

fn email_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// A person a request may name: a contact, or an owner-driver's account (kind person) that has
/// no contact record of its own, standing in as one. Its e-mail addresses and phone numbers
/// include the account's when the account is the person.
struct Person {
    contact: Contact,
    emails: Vec<String>,
    phones: Vec<String>,
}

/// Everyone an erasure request could name: every contact, and every person-kind account
/// without contacts.
fn people(store: &Store, now: Timestamp) -> Result<Vec<Person>, StoreError> {
    let contacts: Vec<Contact> = store.all_contacts().collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(contacts.len());
    let mut persons: HashMap<AccountId, Account> = HashMap::new();
    for a in store.all_accounts() {
        let a = a?;
        if a.kind == AccountKind::Person {
            persons.insert(a.id, a);
        }
    }
    for c in &contacts {
        let mut emails = vec![email_key(&c.email)];
        let mut phones = vec![phone_key(&c.phone)];
        if let Some(a) = persons.get(&c.account_id) {
            emails.push(email_key(&a.email));
            phones.push(phone_key(&a.phone));
        }
        out.push(Person {
            contact: c.clone(),
            emails,
            phones,
        });
    }
    for a in persons.values() {
        if contacts.iter().any(|c| c.account_id == a.id) {
            continue;
        }
        let contact = Contact::standing_in_for(a, ContactId::generate(now));
        out.push(Person {
            emails: vec![email_key(&a.email)],
            phones: vec![phone_key(&a.phone)],
            contact,
        });
    }
    Ok(out)
}

/// Whom a request names.
enum Named {
    Nobody,
    One(Contact),
    /// Several people fit (a shared company address or phone) and the other fields the
    /// request gives do not single one out: nobody is erased, head office is told.
    Ambiguous(usize),
}

/// The one person a request names, decided on every field it gives: anyone matching one field
/// is a candidate; with several, only one that agrees on every given field is erased.
fn named(store: &Store, r: &ErasureIn, people: &[Person]) -> Result<Named, StoreError> {
    let mut ids: Vec<ContactId> = Vec::new();
    for ext in &r.lead_ids {
        if let Some(lead) = store.lead_by_external(ext.trim())? {
            ids.extend(lead.contact_id);
        }
    }
    let email = email_key(&r.email);
    let phone = phone_key(&r.phone);
    let by_email = |p: &Person| !email.is_empty() && p.emails.contains(&email);
    let by_phone = |p: &Person| phone.len() >= 6 && p.phones.contains(&phone);
    let by_lead = |p: &Person| ids.contains(&p.contact.id);
    let candidates: Vec<&Person> = people
        .iter()
        .filter(|p| by_email(p) || by_phone(p) || by_lead(p))
        .collect();
    if candidates.len() <= 1 {
        return Ok(candidates
            .first()
            .map_or(Named::Nobody, |p| Named::One(p.contact.clone())));
    }
    let agreeing: Vec<&&Person> = candidates
        .iter()
        .filter(|p| {
            (email.is_empty() || by_email(p))
                && (phone.len() < 6 || by_phone(p))
                && (r.lead_ids.is_empty() || by_lead(p))
        })
        .collect();
    Ok(match agreeing.as_slice() {
        [one] => Named::One(one.contact.clone()),
        _ => Named::Ambiguous(candidates.len()),
    })
}

/// Adds the erasures `requests` ask for to `ws` (reading records as `ws` leaves them), with the
/// request records; the caller commits and then compacts the store when contacts were erased.
pub fn plan_hq_erasures(
    store: &Store,
    requests: &[ErasureIn],
    now: Timestamp,
    ws: &mut WriteSet,
) -> Result<HqErasureReport, StoreError> {
    let mut report = HqErasureReport {
        requests: requests.len(),
        ..Default::default()
    };
    if requests.is_empty() {
        return Ok(report);
    }
    let people = people(store, now)?;
    let mut erased: HashSet<ContactId> = HashSet::new();
    for r in requests {
        let key = [ERASURE_REQUEST, r.request_id.as_bytes()].concat();
        if store.meta_value(&key)?.is_some() {
            report.done_before += 1;
            continue;
        }
        let mut ids = Vec::new();
        let mut candidates = 0;
        match named(store, r, &people)? {
            Named::Nobody => report.not_found += 1,
            Named::One(c) => {
                if erased.insert(c.id) {
                    erasure_writes(store, &c, now, Some(&r.request_id), ws)?;
                    report.contacts_erased += 1;
                }
                ids.push(c.id.to_string());
            }
            Named::Ambiguous(n) => {
                report.ambiguous += 1;
                candidates = n;
            }
        }
        let mut done = json!({
            "request_id": r.request_id, "requested_at": r.requested_at, "done_at": now,
            "contacts_erased": ids.len(), "contact_ids": ids,
        });
        if candidates > 0 {
            done["ambiguous"] = json!(true);
            done["people_matching"] = json!(candidates);
        }
        let bytes = serde_json::to_vec(&done).unwrap_or_default();
        ws.put_meta(key, bytes.clone());
        ws.put_meta(
            [UNSENT_ERASURE_REPORT, r.request_id.as_bytes()].concat(),
            bytes,
        );
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::phone_key;

    #[test]
    fn phone_numbers_match_whatever_way_they_are_written() {
        let k = phone_key("06-2336 1457");
        assert_eq!(phone_key("+31 6 23361457"), k);
        assert_eq!(phone_key("0031 6 2336 1457"), k);
        assert_eq!(phone_key("(06) 23 36 14 57"), k);
        assert_ne!(phone_key("06 2336 1458"), k);
    }
}
