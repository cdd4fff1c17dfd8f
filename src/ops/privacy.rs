//! The rights of the people in the store (AVG/GDPR): access — everything held about a person as
//! one document — and erasure — their personal data removed from every record, a tombstone kept
//! for head office, aggregates (counts, values, outcomes) kept without them.

use crate::domain::error::invalid;
use crate::domain::text::normalise_name;
use crate::domain::*;
use crate::store::{EntityKind, Receipt, Record, Store, StoreError, WriteSet};
use jiff::Timestamp;
use serde_json::{Value, json};

/// The meta key of a person's erasure tombstone.
pub fn tombstone_key(contact: &str) -> Vec<u8> {
    [b"tombstone:".as_slice(), contact.as_bytes()].concat()
}

/// The meta key that says an owner-driver's account (a person-kind account) was erased, so a
/// backup's copy of it can be erased too; the value is the erasure's tombstone key. Kept out of
/// the tombstone itself, which goes to head office as it is.
pub fn erased_account_key(account: &str) -> Vec<u8> {
    [ERASED_ACCOUNT, account.as_bytes()].concat()
}

/// The prefix of [`erased_account_key`].
pub const ERASED_ACCOUNT: &[u8] = b"erased-account:";

/// The one person `query` names: a contact id, or a name (case, accents and punctuation
/// aside). No match, or several, is a sentence that says what to do.
pub fn find_person(store: &Store, query: &str) -> Result<Contact, StoreError> {
    if let Ok(u) = ulid::Ulid::from_string(query.trim()) {
        if let Some(c) = store.contact(ContactId::from_bytes(u.to_bytes()))? {
            return Ok(c);
        }
    }
    let wanted = normalise_name(query);
    if wanted.is_empty() {
        return Err(invalid("give a person's name or contact id").into());
    }
    let mut exact = Vec::new();
    for c in store.all_contacts() {
        let c = c?;
        if normalise_name(&c.name) == wanted {
            exact.push(c);
        }
    }
    match exact.len() {
        1 => Ok(exact.remove(0)),
        0 => Err(invalid(format!(
            "no person named \"{}\" is in the store; check the spelling or give the contact id",
            crate::bundle::printable(query)
        ))
        .into()),
        _ => {
            let list: Vec<String> = exact
                .iter()
                .map(|c| {
                    let account = store
                        .account(c.account_id)
                        .ok()
                        .flatten()
                        .map(|a| a.name)
                        .unwrap_or_default();
                    format!("{} at {} ({})", c.name, account, c.id)
                })
                .collect();
            Err(invalid(format!(
                "\"{}\" names {} people: {}; give the contact id of the one you mean",
                crate::bundle::printable(query),
                exact.len(),
                list.join("; ")
            ))
            .into())
        }
    }
}

/// Whether `text` mentions the person (their full name, any case).
fn mentions(text: &str, name: &str) -> bool {
    find_folded(text, name, 0).is_some()
}

/// The byte range of the first occurrence of `needle` (trimmed) in `text` at or after byte
/// `from`, ignoring case. Both are lower-cased character by character and a match counts only
/// where it begins and ends on whole characters of `text`, so the range is always one of
/// `text`'s own (lower-casing can change a text's length: `İ` becomes two characters).
fn find_folded(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let needle: String = needle.trim().chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    // (offset in `folded`, offset in `text`) of every character of `text`, and of the end.
    let mut starts = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        starts.push((folded.len(), i));
        folded.extend(c.to_lowercase());
    }
    starts.push((folded.len(), text.len()));
    let original = |f: usize| {
        starts
            .binary_search_by_key(&f, |(f, _)| *f)
            .ok()
            .map(|k| starts[k].1)
    };
    let mut at = starts.iter().find(|(_, o)| *o >= from)?.0;
    while let Some(k) = folded[at..].find(&needle) {
        let start = at + k;
        if let (Some(s), Some(e)) = (original(start), original(start + needle.len())) {
            return Some((s, e));
        }
        at = start + folded[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// What identifies the person in free text: their name, phone and e-mail.
fn marks(c: &Contact) -> Vec<&str> {
    [c.name.as_str(), c.phone.as_str(), c.email.as_str()]
        .into_iter()
        .filter(|m| !m.trim().is_empty())
        .collect()
}

fn mentions_any(text: &str, marks: &[&str]) -> bool {
    marks.iter().any(|m| mentions(text, m))
}

fn scrub_all(text: &str, marks: &[&str]) -> String {
    marks.iter().fold(text.to_string(), |t, m| scrub(&t, m))
}

/// Everything the store holds about a person, as one JSON document.
pub fn person_report(store: &Store, c: &Contact) -> Result<Value, StoreError> {
    let account = store.account(c.account_id)?;
    let leads: Vec<Lead> = store
        .leads_of(c.account_id)?
        .into_iter()
        .filter(|l| l.contact_id == Some(c.id) || mentions(&l.notes, &c.name))
        .collect();
    let activities: Vec<Activity> = store
        .activities_of(c.account_id, usize::MAX)?
        .into_iter()
        .filter(|a| a.contact_id == Some(c.id) || mentions(&a.note, &c.name))
        .collect();
    let nps: Vec<NpsResponse> = store
        .nps_of(c.account_id)?
        .into_iter()
        .filter(|n| n.contact_id == Some(c.id) || mentions(&n.comment, &c.name))
        .collect();
    Ok(json!({
        "person": {
            "contact_id": c.id.to_string(), "name": c.name, "role": c.role, "phone": c.phone,
            "email": c.email, "created_at": c.created_at, "updated_at": c.updated_at,
        },
        "consent": c.consent,
        "account": account.map(|a| json!({
            "id": a.id.to_string(), "name": a.name, "kind": a.kind, "address": a.address,
            "phone": a.phone, "email": a.email,
        })),
        "leads": leads,
        "activities": activities,
        "nps": nps,
    }))
}

/// What an erasure did.
#[derive(Debug)]
pub struct Erasure {
    pub contact: ContactId,
    pub name: String,
    pub records_changed: usize,
    pub receipt: Receipt,
}

/// Replaces every mention of `name` (or another mark of the person) in free text.
fn scrub(text: &str, name: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some((start, end)) = find_folded(text, name, i) {
        out.push_str(&text[i..start]);
        out.push_str("[erased]");
        i = end;
    }
    out.push_str(&text[i..]);
    out
}

/// Erases a person: the contact record goes; leads, activities and NPS answers keep their
/// facts but lose the link and any mention of the name, phone or e-mail (as do the titles of
/// the account's deals and appointments); an account that is the person
/// (an owner-driver) loses its personal fields. A tombstone (contact id, time, head office's
/// lead ids) is kept for the next feedback bundle. One atomic write; the caller then compacts.
pub fn erase_person(
    store: &Store,
    contact: ContactId,
    now: Timestamp,
) -> Result<Erasure, StoreError> {
    let c = store
        .contact(contact)?
        .ok_or_else(|| invalid("that person is no longer in the store"))?;
    let mut ws = WriteSet::new();
    let changed = erasure_writes(store, &c, now, None, &mut ws)?;
    let receipt = store.commit(&ws, now)?;
    Ok(Erasure {
        contact: c.id,
        name: c.name,
        records_changed: changed,
        receipt,
    })
}

/// The record `ws` will leave in place of `stored` (its own later version, if it writes one).
fn current<T: TryFrom<Record>>(
    ws: &WriteSet,
    kind: EntityKind,
    key: [u8; 16],
    stored: T,
) -> Option<T> {
    match ws.pending(kind, key) {
        None => Some(stored),
        Some(None) => None,
        Some(Some(r)) => T::try_from(r.clone()).ok(),
    }
}

/// Adds the erasure of `c` to `ws` (what [`erase_person`] commits), reading every record as `ws`
/// will leave it, so several erasures and an import can share one atomic write. `request` is
/// head office's erasure request id, when the erasure is theirs. Returns the records changed.
pub fn erasure_writes(
    store: &Store,
    c: &Contact,
    now: Timestamp,
    request: Option<&str>,
    ws: &mut WriteSet,
) -> Result<usize, StoreError> {
    let name = c.name.clone();
    let marks = marks(c);
    let mut changed = 0;
    let mut head_office_leads = Vec::new();
    // The account's leads as this write leaves them, new ones included.
    let mut leads: Vec<Lead> = Vec::new();
    for l in store.leads_of(c.account_id)? {
        if let Some(l) = current(ws, EntityKind::Lead, l.id.to_bytes(), l) {
            leads.push(l);
        }
    }
    let mut fresh: Vec<Lead> = Vec::new();
    for r in ws.records() {
        if let Record::Lead(l) = r {
            if l.account_id == c.account_id && !leads.iter().any(|x| x.id == l.id) {
                fresh.retain(|x| x.id != l.id);
                fresh.push(l.clone());
            }
        }
    }
    leads.extend(fresh);
    let mut puts: Vec<Record> = Vec::new();
    for mut l in leads {
        let linked = l.contact_id == Some(c.id);
        if linked || mentions_any(&l.notes, &marks) {
            if linked {
                l.contact_id = None;
                if let Some(ext) = &l.external_id {
                    head_office_leads.push(ext.clone());
                }
            }
            l.notes = scrub_all(&l.notes, &marks);
            puts.push(l.into());
        }
    }
    for a in store.activities_of(c.account_id, usize::MAX)? {
        let Some(mut a) = current(ws, EntityKind::Activity, a.id.to_bytes(), a) else {
            continue;
        };
        if a.contact_id == Some(c.id) || mentions_any(&a.note, &marks) {
            a.contact_id = a.contact_id.filter(|x| *x != c.id);
            a.note = scrub_all(&a.note, &marks);
            puts.push(a.into());
        }
    }
    for n in store.nps_of(c.account_id)? {
        let Some(mut n) = current(ws, EntityKind::Nps, n.id.to_bytes(), n) else {
            continue;
        };
        if n.contact_id == Some(c.id) || mentions_any(&n.comment, &marks) {
            n.contact_id = n.contact_id.filter(|x| *x != c.id);
            n.comment = scrub_all(&n.comment, &marks);
            puts.push(n.into());
        }
    }
    for o in store.opportunities_of(c.account_id)? {
        let Some(mut o) = current(ws, EntityKind::Opportunity, o.id.to_bytes(), o) else {
            continue;
        };
        if mentions_any(&o.title, &marks) {
            o.title = scrub_all(&o.title, &marks);
            puts.push(o.into());
        }
    }
    let account = match store.account(c.account_id)? {
        Some(a) => current(ws, EntityKind::Account, a.id.to_bytes(), a),
        None => None,
    };
    // An owner-driver's appointments carry their name in the title and their home as the
    // place; any appointment of the account may name them in its title.
    let person_account = account
        .as_ref()
        .is_some_and(|a| a.kind == AccountKind::Person && mentions(&a.name, &name));
    for ap in store.all_appointments() {
        let ap = ap?;
        let Some(mut ap) = current(ws, EntityKind::Appointment, ap.id.to_bytes(), ap) else {
            continue;
        };
        if ap.account_id == c.account_id
            && (mentions_any(&ap.title, &marks)
                || mentions_any(&ap.location, &marks)
                || (person_account && !ap.location.is_empty()))
        {
            ap.title = scrub_all(&ap.title, &marks);
            ap.location = scrub_all(&ap.location, &marks);
            if person_account {
                ap.location.clear();
            }
            puts.push(ap.into());
        }
    }
    if let Some(mut a) = account {
        if a.kind == AccountKind::Person && mentions(&a.name, &name) {
            a.name = format!("Erased person {}", &a.id.to_string()[20..]);
            a.phone.clear();
            a.email.clear();
            a.address.street.clear();
            a.updated_at = now;
            ws.put_meta(
                erased_account_key(&a.id.to_string()),
                tombstone_key(&c.id.to_string()),
            );
            puts.push(a.into());
        }
    }
    for r in puts {
        ws.put(r);
        changed += 1;
    }
    ws.delete(EntityKind::Contact, c.id.to_bytes());
    let mut tombstone = json!({"contact_id": c.id.to_string(), "at": now, "head_office_lead_ids": head_office_leads});
    if let Some(r) = request {
        tombstone["request_id"] = json!(r);
    }
    ws.put_meta(
        tombstone_key(&c.id.to_string()),
        serde_json::to_vec(&tombstone).unwrap_or_default(),
    );
    // Until a compaction rewrites the files, they hold the erased bytes: say so in the same
    // write, so a crash before the compaction leaves the reminder (compaction clears it).
    ws.put_meta(
        crate::store::exchange::KEY_COMPACT_PENDING.to_vec(),
        now.to_string().into_bytes(),
    );
    // The backups beside the store still hold the person until they are rewritten: the
    // pending-erasure mark, in the same write, says so until that is done.
    ws.put_meta(
        crate::store::exchange::KEY_BACKUPS_PENDING.to_vec(),
        now.to_string().into_bytes(),
    );
    // Kept copies of past feedback bundles may name the person: they go too.
    for key in store.export_keys()? {
        ws.delete_meta(key);
    }
    Ok(changed + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrub_replaces_every_mention_in_any_case() {
        assert_eq!(
            scrub("Jan de Vries belt; JAN DE VRIES zei ja", "Jan de Vries"),
            "[erased] belt; [erased] zei ja"
        );
        assert_eq!(scrub("niemand", "Jan"), "niemand");
        assert_eq!(scrub("Jan", "  "), "Jan");
    }

    #[test]
    fn scrub_survives_letters_that_change_length_when_lower_cased() {
        // `İ` lower-cases to two characters, so byte offsets in the lower-cased text are not
        // the original's: finding `öz` in `i̇ öz` once sliced `İ Öz` inside the `Ö` and panicked.
        assert_eq!(scrub("İ Öz belt", "Öz"), "İ [erased] belt");
        assert_eq!(scrub("İİİ Öz belt", "Öz"), "İİİ [erased] belt");
        assert_eq!(scrub("met i̇lker öz", "İlker Öz"), "met [erased]");
        assert_eq!(scrub("İlker Öz", "İLKER ÖZ"), "[erased]");
        assert!(!mentions("ẞtraße", "x"));
    }
}
