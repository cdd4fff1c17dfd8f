//! Erasure requests from head office (`erasures.ndjson` in a leads bundle): every contact the
//! request names — by head office's lead ids, e-mail address or phone number — is erased exactly
//! as `wortel privacy erase` does it ([`erasure_writes`]), in the import's one atomic write.
//! Each request is recorded, so a request seen again is not applied twice, and reported in the
//! next feedback bundle (also when nobody matched: then head office learns the dealer never had
//! the person).

use super::privacy::erasure_writes;
use crate::bundle::erasures::ErasureIn;
use crate::domain::{Contact, ContactId};
use crate::store::exchange::{ERASURE_REQUEST, UNSENT_ERASURE_REPORT};
use crate::store::{Store, StoreError, WriteSet};
use jiff::Timestamp;
use serde_json::json;
use std::collections::HashSet;

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

/// The contacts (already in the store) a request names.
fn matches(store: &Store, r: &ErasureIn, contacts: &[Contact]) -> Result<Vec<Contact>, StoreError> {
    let mut ids: Vec<ContactId> = Vec::new();
    for ext in &r.lead_ids {
        if let Some(lead) = store.lead_by_external(ext.trim())? {
            ids.extend(lead.contact_id);
        }
    }
    let email = email_key(&r.email);
    let phone = phone_key(&r.phone);
    let mut found: Vec<Contact> = Vec::new();
    for c in contacts {
        let by_email = !email.is_empty() && email_key(&c.email) == email;
        let by_phone = phone.len() >= 6 && phone_key(&c.phone) == phone;
        if by_email || by_phone || ids.contains(&c.id) {
            found.push(c.clone());
        }
    }
    Ok(found)
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
    let contacts: Vec<Contact> = store.all_contacts().collect::<Result<_, _>>()?;
    let mut erased: HashSet<ContactId> = HashSet::new();
    for r in requests {
        let key = [ERASURE_REQUEST, r.request_id.as_bytes()].concat();
        if store.meta_value(&key)?.is_some() {
            report.done_before += 1;
            continue;
        }
        let found = matches(store, r, &contacts)?;
        let mut ids = Vec::new();
        for c in &found {
            if erased.insert(c.id) {
                erasure_writes(store, c, now, Some(&r.request_id), ws)?;
                report.contacts_erased += 1;
            }
            ids.push(c.id.to_string());
        }
        if found.is_empty() {
            report.not_found += 1;
        }
        let done = json!({
            "request_id": r.request_id, "requested_at": r.requested_at, "done_at": now,
            "contacts_erased": ids.len(), "contact_ids": ids,
        });
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
