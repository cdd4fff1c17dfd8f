//! Property test of the right to erasure (issue 7, PRODUCT.md §10): for random small stores —
//! demo data of any seed, the person sometimes renamed to a name with letters that change
//! length when lower-cased, notes that mention their name, phone or e-mail in any case, a
//! feedback bundle exported before or not — erasing one person leaves their name, phone and
//! e-mail in no record, no index, no change-log entry, no file of the store and no export
//! (feedback bundle, CSV, vCard, iCalendar), keeps every change-log entry, and leaves every
//! other record exactly as it was apart from the fields that held the person.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use wortel::demo::{DemoConfig, generate};
use wortel::domain::text::normalise_name;
use wortel::domain::*;
use wortel::store::{DEMO_DEALER, EntityKind, Identity, Record, Store, WriteSet};

const NOW: &str = "2026-11-23T09:00:00Z";

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

/// One random store and what to do to the person before erasing them.
#[derive(Clone, Debug)]
struct Case {
    seed: u64,
    leads: usize,
    pick: prop::sample::Index,
    /// Pick an owner-driver (an account that is the person) when the demo has one.
    owner_driver: bool,
    rename: Option<String>,
    /// Notes to add on the person's account: which mark (0 name, 1 phone, 2 e-mail) and how to
    /// case it (0 as is, 1 lower, 2 upper).
    mentions: Vec<(u8, u8)>,
    exported_before: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0u64..1_000_000,
        4usize..14,
        any::<prop::sample::Index>(),
        any::<bool>(),
        prop::option::of(prop_oneof![
            "[A-Z][a-z]{2,7} (van |de |)[A-Z][a-z]{3,9}",
            "(İ|Ö|Ä|É|Ø)[a-zçşğıöü]{2,6} (Ö|Ş|Ç|İ)[a-zçşğıöü]{3,8}",
            Just("Jan de Vries".to_string()),
        ]),
        prop::collection::vec((0u8..3, 0u8..3), 0..4),
        any::<bool>(),
    )
        .prop_map(
            |(seed, leads, pick, owner_driver, rename, mentions, exported_before)| Case {
                seed,
                leads,
                pick,
                owner_driver,
                rename,
                mentions,
                exported_before,
            },
        )
}

/// Every string inside `v`, with `from` replaced by `to`.
fn replace_in(v: &mut Value, from: &str, to: &str) {
    match v {
        Value::String(s) => *s = s.replace(from, to),
        Value::Array(items) => items.iter_mut().for_each(|i| replace_in(i, from, to)),
        Value::Object(m) => m.values_mut().for_each(|i| replace_in(i, from, to)),
        _ => {}
    }
}

fn renamed<T: serde::Serialize + serde::de::DeserializeOwned>(t: &T, from: &str, to: &str) -> T {
    let mut v = serde_json::to_value(t).unwrap();
    replace_in(&mut v, from, to);
    serde_json::from_value(v).unwrap()
}

fn json(r: &Record) -> Value {
    serde_json::from_slice(&r.encode()).unwrap()
}

/// Every record of the store by kind and key, as JSON.
fn dump(store: &Store) -> BTreeMap<(EntityKind, [u8; 16]), Value> {
    let mut out = BTreeMap::new();
    for kind in EntityKind::ALL {
        for r in store.scan(kind) {
            let r = r.unwrap();
            out.insert((kind, r.key()), json(&r));
        }
    }
    out
}

fn contains_folded(text: &str, mark: &str) -> bool {
    text.to_lowercase().contains(&mark.to_lowercase())
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The byte strings no trace of the person may contain (as stored, lower-cased, normalised).
fn needles(c: &Contact) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for m in [&c.name, &c.phone, &c.email] {
        if !m.trim().is_empty() {
            out.push(m.as_bytes().to_vec());
            out.push(m.to_lowercase().into_bytes());
        }
    }
    out.push(normalise_name(&c.name).into_bytes());
    out
}

fn assert_clean(what: &str, bytes: &[u8], needles: &[Vec<u8>]) {
    for n in needles {
        assert!(
            !find(bytes, n),
            "{what} still holds {:?}",
            String::from_utf8_lossy(n)
        );
    }
}

/// Builds the store for `case`; returns the person to erase, or `None` when the demo has no
/// one whose name, phone and e-mail are theirs alone (then nothing can be proven).
fn build(case: &Case, path: &Path) -> Option<Contact> {
    let mut data = generate(&DemoConfig {
        seed: case.seed,
        leads: case.leads,
        now: now(),
    });
    // Everyone's text but the person's own account: the person's marks must not occur there.
    let unique = |c: &Contact, data: &wortel::demo::DemoData| {
        let elsewhere: Vec<String> = data
            .contacts
            .iter()
            .filter(|o| o.id != c.id)
            .map(|o| format!("{}\n{}\n{}", o.name, o.phone, o.email))
            .chain(
                data.accounts
                    .iter()
                    .filter(|a| a.id != c.account_id)
                    .map(|a| serde_json::to_string(a).unwrap()),
            )
            .collect();
        [&c.name, &c.phone, &c.email].iter().all(|m| {
            !elsewhere.iter().any(|t| contains_folded(t, m))
                && normalise_name(&c.name).len() > 3
                && !elsewhere
                    .iter()
                    .any(|t| normalise_name(t).contains(&normalise_name(&c.name)))
        })
    };
    let owner_drivers: Vec<usize> = (0..data.contacts.len())
        .filter(|i| {
            let c = &data.contacts[*i];
            data.accounts
                .iter()
                .any(|a| a.id == c.account_id && a.kind == AccountKind::Person)
        })
        .collect();
    let index = if case.owner_driver && !owner_drivers.is_empty() {
        owner_drivers[case.pick.index(owner_drivers.len())]
    } else {
        case.pick.index(data.contacts.len())
    };
    let mut person = data.contacts[index].clone();
    if let Some(new) = &case.rename {
        let old = person.name.clone();
        let account = person.account_id;
        for a in data.accounts.iter_mut().filter(|a| a.id == account) {
            *a = renamed(a, &old, new);
        }
        for c in data.contacts.iter_mut().filter(|c| c.id == person.id) {
            *c = renamed(c, &old, new);
        }
        for a in data
            .appointments
            .iter_mut()
            .filter(|a| a.account_id == account)
        {
            *a = renamed(a, &old, new);
        }
        person = data.contacts[index].clone();
    }
    if !unique(&person, &data) {
        return None;
    }
    let records: Vec<Record> = data.into_records().collect();
    let store = Store::open_or_create(path).unwrap();
    store.load_fresh(records, now()).unwrap();
    store
        .set_identity(&Identity {
            dealer_id: DEMO_DEALER.to_string(),
            salesperson: "Demo Verkoper".to_string(),
            created_at: now(),
        })
        .unwrap();
    store
        .set_exported_through(store.last_seq().unwrap())
        .unwrap();

    // Notes that mention the person, written the ordinary way (so they are in the change log).
    let mut ws = WriteSet::new();
    let mut notes: Vec<Record> = store
        .leads_of(person.account_id)
        .unwrap()
        .into_iter()
        .map(Record::from)
        .chain(
            store
                .activities_of(person.account_id, usize::MAX)
                .unwrap()
                .into_iter()
                .map(Record::from),
        )
        .chain(
            store
                .nps_of(person.account_id)
                .unwrap()
                .into_iter()
                .map(Record::from),
        )
        .collect();
    for (i, (mark, casing)) in case.mentions.iter().enumerate() {
        let Some(record) = notes.get_mut(i) else {
            break;
        };
        let mark = [&person.name, &person.phone, &person.email][*mark as usize];
        let mark = match casing {
            0 => mark.clone(),
            1 => mark.to_lowercase(),
            _ => mark.to_uppercase(),
        };
        let text = match record {
            Record::Lead(l) => &mut l.notes,
            Record::Activity(a) => &mut a.note,
            Record::Nps(n) => &mut n.comment,
            _ => unreachable!(),
        };
        text.push_str(&format!(" Gesproken met {mark}, belt terug."));
        ws.put(record.clone());
    }
    if !ws.is_empty() {
        store.commit(&ws, now()).unwrap();
    }
    if case.exported_before {
        let export = wortel::ops::export_feedback(&store, None, now(), &TimeZone::UTC).unwrap();
        store
            .record_export(&export.week, export.through, export.sequence, &export.bytes)
            .unwrap();
    }
    Some(person)
}

/// The fields of a record that may change because they held the person, and what the rest of
/// the record must keep.
fn may_change(kind: EntityKind) -> &'static [&'static str] {
    match kind {
        EntityKind::Lead => &["contact_id", "notes"],
        EntityKind::Activity => &["contact_id", "note"],
        EntityKind::Nps => &["contact_id", "comment"],
        EntityKind::Opportunity => &["title"],
        EntityKind::Appointment => &["title", "location"],
        EntityKind::Account => &["name", "phone", "email", "address", "updated_at"],
        EntityKind::Contact => &[],
    }
}

/// `before` and `after` of a record on the person's account: equal except in the fields that
/// held the person, which lose exactly the person. An owner-driver's appointments also lose
/// their place (the person's home).
fn compare_touched(
    kind: EntityKind,
    before: &Value,
    after: &Value,
    c: &Contact,
    owner_driver: bool,
) {
    let marks: Vec<&str> = [&c.name, &c.phone, &c.email]
        .into_iter()
        .map(String::as_str)
        .filter(|m| !m.is_empty())
        .collect();
    let (mut b, mut a) = (before.clone(), after.clone());
    for field in may_change(kind) {
        let (old, new) = (b[field].take(), a[field].take());
        match *field {
            "contact_id" => {
                let expected = if old == c.id.to_string() {
                    Value::Null
                } else {
                    old
                };
                assert_eq!(new, expected, "{kind} contact link");
            }
            "address" => {
                let (mut old, mut new) = (old, new);
                old["street"].take();
                new["street"].take();
                assert_eq!(new, old, "{kind} address beyond the street");
            }
            _ => {
                let (old_s, new_s) = (old.as_str().unwrap_or(""), new.as_str().unwrap_or(""));
                if marks.iter().any(|m| contains_folded(old_s, m)) {
                    for m in &marks {
                        assert!(
                            !contains_folded(new_s, m),
                            "{kind} {field} keeps {m}: {new_s}"
                        );
                    }
                } else if kind == EntityKind::Appointment && *field == "location" && owner_driver {
                    assert_eq!(new_s, "", "an owner-driver's appointment keeps its place");
                } else if kind != EntityKind::Account {
                    assert_eq!(new, old, "{kind} {field} did not mention the person");
                }
            }
        }
    }
    assert_eq!(
        a, b,
        "{kind} changed beyond the fields that held the person"
    );
}

fn run(case: Case) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let Some(person) = build(&case, &path) else {
        return Err(TestCaseError::reject("no person with unique marks"));
    };
    let needles = needles(&person);
    let store = Store::open(&path).unwrap();
    let before = dump(&store);
    let changes_before: Vec<_> = store.changes_since(0).map(|c| c.unwrap()).collect();
    let erasure = wortel::ops::erase_person(&store, person.id, now()).unwrap();
    prop_assert_eq!(erasure.contact, person.id);
    drop(store);
    Store::compact(&path).unwrap();

    // Every key and value of every tree: records, indexes, change log, meta.
    {
        let db = sled::Config::new().path(&path).open().unwrap();
        for name in db.tree_names() {
            let tree = db.open_tree(&name).unwrap();
            for kv in tree.iter() {
                let (k, v) = kv.unwrap();
                let what = format!("tree {}", String::from_utf8_lossy(&name));
                assert_clean(&what, &k, &needles);
                assert_clean(&what, &v, &needles);
            }
        }
    }
    // Every byte of the store's files (the name, phone and e-mail as stored).
    for entry in std::fs::read_dir(&path).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            assert_clean(
                &p.display().to_string(),
                &std::fs::read(&p).unwrap(),
                &needles,
            );
        }
    }

    let store = Store::open(&path).unwrap();
    prop_assert!(store.check().unwrap().is_ok());
    if case.exported_before {
        prop_assert!(
            store.export_keys().unwrap().is_empty(),
            "kept bundles are removed"
        );
    }

    // Exports: the feedback bundle (next week's if this one was exported), CSV, vCard, iCal.
    let week = case.exported_before.then_some("2026-W49");
    let feedback = wortel::ops::export_feedback(&store, week, now(), &TimeZone::UTC).unwrap();
    let bundle = wortel::bundle::read_bundle(&feedback.bytes, None).unwrap();
    for (name, bytes) in &bundle.files {
        assert_clean(&format!("feedback {name}"), bytes, &needles);
    }
    let tombstones: Vec<Value> = bundle
        .lines("erasures.ndjson")
        .map(|(_, l)| serde_json::from_slice(l).unwrap())
        .collect();
    prop_assert_eq!(tombstones.len(), 1);
    prop_assert_eq!(&tombstones[0]["contact_id"], &person.id.to_string());
    let csv = dir.path().join("csv");
    for (file, _) in wortel::interop::csv_export::write_csv_dir(&store, &csv, None).unwrap() {
        assert_clean(
            &file.display().to_string(),
            &std::fs::read(&file).unwrap(),
            &needles,
        );
    }
    let today = jiff::civil::date(2026, 11, 23);
    let (vcard, _) = wortel::interop::vcard::cards(&store, today, false).unwrap();
    assert_clean("vCard", vcard.as_bytes(), &needles);
    let (ics, _) =
        wortel::interop::ics::calendar(&store, now(), wortel_core::lang::Language::En).unwrap();
    assert_clean("iCalendar", ics.as_bytes(), &needles);

    // The change log keeps every entry it had (aggregates survive), and gains no trace.
    let changes_after: Vec<_> = store.changes_since(0).map(|c| c.unwrap()).collect();
    prop_assert_eq!(&changes_after[..changes_before.len()], &changes_before[..]);

    // Everyone else is as they were; the person's account loses only the person.
    let after = dump(&store);
    let owner_driver = before.values().any(|v| {
        v["id"] == person.account_id.to_string()
            && v["kind"] == serde_json::to_value(AccountKind::Person).unwrap()
            && contains_folded(v["name"].as_str().unwrap_or(""), &person.name)
    });
    for (key, old) in &before {
        let (kind, id) = *key;
        if kind == EntityKind::Contact && id == person.id.to_bytes() {
            prop_assert!(!after.contains_key(key), "the contact record is gone");
            continue;
        }
        let new = after
            .get(key)
            .unwrap_or_else(|| panic!("{kind} {old} was lost"));
        let on_account = kind != EntityKind::Contact
            && (old["account_id"] == person.account_id.to_string()
                || (kind == EntityKind::Account && old["id"] == person.account_id.to_string()));
        let company = kind == EntityKind::Account
            && old["kind"] != serde_json::to_value(AccountKind::Person).unwrap();
        if on_account && !company {
            compare_touched(kind, old, new, &person, owner_driver);
        } else {
            prop_assert_eq!(new, old, "{} of someone else changed", kind);
        }
    }
    prop_assert_eq!(after.len(), before.len() - 1, "no record appeared");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        max_global_rejects: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn erasing_a_person_leaves_no_trace_and_everyone_else_as_they_were(case in case()) {
        run(case)?;
    }
}
