//! Erasure requests from head office (`erasures.ndjson` in a signed leads bundle): on import
//! every person a request names is erased as `privacy erase` does it — name, phone and e-mail in
//! no store file afterwards, everyone else unchanged — the next feedback bundle reports each
//! request, a request is never applied twice, and a malformed request file refuses the whole
//! bundle with one sentence and an unchanged store.

mod common;
use common::store_files::{dump, exported_erasures, files_contain, import};
use common::{NOW, wortel};

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel::bundle::write::write_bundle;
use wortel::domain::Contact;
use wortel::store::Store;

const SEED: &str = "9";

/// A demo store (dealer DEMO) that pins the demo head office's key.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = wortel(&store)
        .args([
            "demo", "--no-tui", "--leads", "80", "--seed", SEED, "--bundle",
        ])
        .arg(dir.path().join("sample.zip"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, store)
}

fn lines(values: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in values {
        out.extend(serde_json::to_vec(v).unwrap());
        out.push(b'\n');
    }
    out
}

/// A signed leads bundle from head office with the given payload files.
fn bundle(id: &str, sequence: u64, files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: id.into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence,
        created_at: NOW.parse().unwrap(),
        period: None,
        files: vec![],
    };
    let key = wortel::demo::bundle::head_office_key(SEED.parse().unwrap());
    write_bundle(manifest, files, Some(&key)).unwrap()
}

fn new_lead() -> Value {
    json!({
        "id": "HQ-E-0001", "received_at": "2026-11-22T08:00:00Z",
        "source": {"channel": "web"}, "score": 55,
        "account": {"name": "Erasmus Transport B.V.", "kvk": "55123456",
                    "address": {"postcode": "1234 AB", "city": "Utrecht"}},
    })
}

/// Two people: one head office knows by e-mail (with a unique name, phone and e-mail), and
/// one it knows by the lead it sent about them.
fn two_people(store: &Path) -> (Contact, Contact, String) {
    let s = Store::open(store).unwrap();
    let all: Vec<Contact> = s.all_contacts().map(|c| c.unwrap()).collect();
    let unique = |c: &&Contact| {
        !c.phone.is_empty()
            && !c.email.is_empty()
            && all.iter().filter(|o| o.name == c.name).count() == 1
    };
    let a = all.iter().find(unique).unwrap().clone();
    let (b, lead) = s
        .all_leads()
        .map(|l| l.unwrap())
        .filter(|l| l.external_id.is_some() && l.account_id != a.account_id)
        .find_map(|l| {
            let c = s.contact(l.contact_id?).unwrap()?;
            unique(&&c).then(|| (c, l.external_id.unwrap()))
        })
        .unwrap();
    (a, b, lead)
}

#[test]
fn erasures_from_head_office_leave_no_trace_and_are_reported_once() {
    let (dir, store) = setup();
    let (a, b, b_lead) = two_people(&store);
    for needle in [&a.name, &a.phone, &a.email, &b.name, &b.email] {
        assert!(
            files_contain(&store, needle.as_bytes()),
            "{needle} is there before"
        );
    }
    let others_before: Vec<Contact> = {
        let s = Store::open(&store).unwrap();
        s.all_contacts()
            .map(|x| x.unwrap())
            .filter(|x| x.id != a.id && x.id != b.id)
            .collect()
    };
    let erasures = [
        // By e-mail, written differently from the store.
        json!({"request_id": "ER-1", "requested_at": "2026-11-20", "email": a.email.to_uppercase()}),
        json!({"request_id": "ER-2", "requested_at": "2026-11-21", "lead_ids": [b_lead]}),
        json!({"request_id": "ER-3", "requested_at": "2026-11-21", "email": "nobody@nowhere.example", "phone": "+31 6 00000001"}),
    ];
    let bytes = bundle(
        "HQ-ERASE-1",
        1,
        &[
            ("leads.ndjson", lines(&[new_lead()])),
            ("erasures.ndjson", lines(&erasures)),
        ],
    );
    let out = import(&store, &bytes, "erase.zip");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("  3 erasure requests applied (2 contacts erased, 1 not found); head office learns it in the next feedback bundle\n"),
        "{stdout}"
    );
    assert!(stdout.contains("1 new lead ("), "{stdout}");

    for needle in [&a.name, &a.phone, &a.email, &b.name, &b.phone, &b.email] {
        assert!(
            !files_contain(&store, needle.as_bytes()),
            "{needle} is still in the store's files"
        );
    }
    let s = Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    assert!(s.contact(a.id).unwrap().is_none());
    assert!(s.contact(b.id).unwrap().is_none());
    let others_after: Vec<Contact> = s.all_contacts().map(|x| x.unwrap()).collect();
    assert_eq!(others_after, others_before, "everyone else is as they were");
    let lead = s.lead_by_external(&b_lead).unwrap().unwrap();
    assert_eq!(lead.contact_id, None, "the lead stays, without the person");
    assert!(s.lead_by_external("HQ-E-0001").unwrap().is_some());
    drop(s);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(
        leftovers, 3,
        "store, sample.zip and erase.zip; no old store copy"
    );

    // The same bundle again: already imported, nothing changes.
    let before = dump(&store);
    let out = import(&store, &bytes, "erase.zip");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("already imported"));
    assert_eq!(dump(&store), before);

    // The next feedback bundle carries the tombstones and every request, found or not.
    let reported = exported_erasures(&store, &dir.path().join("fb.zip"));
    let tombstone = |id: &str| reported.iter().find(|v| v["contact_id"] == id).cloned();
    let ta = tombstone(&a.id.to_string()).expect("a tombstone for the first person");
    assert_eq!(ta["request_id"], "ER-1");
    let tb = tombstone(&b.id.to_string()).expect("a tombstone for the second person");
    assert_eq!(tb["request_id"], "ER-2");
    assert!(
        tb["head_office_lead_ids"]
            .as_array()
            .unwrap()
            .contains(&json!(b_lead))
    );
    let done = |rid: &str| {
        reported
            .iter()
            .find(|v| v["request_id"] == rid && v.get("done_at").is_some())
            .cloned()
            .unwrap_or_else(|| panic!("{rid} is reported: {reported:?}"))
    };
    assert_eq!(done("ER-1")["contacts_erased"], 1);
    assert_eq!(done("ER-2")["contacts_erased"], 1);
    assert_eq!(done("ER-3")["contacts_erased"], 0);
    assert_eq!(done("ER-3")["requested_at"], "2026-11-21");
    let text = serde_json::to_string(&reported).unwrap();
    for needle in [&a.name, &a.phone, &a.email, &b.name, &b.email] {
        assert!(!text.contains(needle.as_str()), "feedback names {needle}");
    }

    // A later bundle repeating a request: done before, not applied or reported again.
    let before = dump(&store);
    let again = bundle(
        "HQ-ERASE-2",
        2,
        &[("erasures.ndjson", lines(&erasures[..1]))],
    );
    let out = import(&store, &again, "again.zip");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout
            .contains("1 erasure request applied (0 contacts erased, 0 not found, 1 done before)"),
        "{stdout}"
    );
    let mut after = dump(&store);
    assert_eq!(after.remove("sequence").as_deref(), Some("2"));
    let mut before = before;
    before.remove("sequence");
    assert_eq!(after, before, "only the ledger moved");
    let s = Store::open(&store).unwrap();
    assert!(
        s.meta_with_prefix(wortel::store::exchange::UNSENT_ERASURE_REPORT)
            .unwrap()
            .is_empty(),
        "nothing left to report"
    );
}

#[test]
fn a_malformed_erasure_file_refuses_the_whole_bundle_and_changes_nothing() {
    let (_d, store) = setup();
    let (a, _, _) = two_people(&store);
    let good = json!({"request_id": "ER-1", "requested_at": "2026-11-20", "email": a.email});
    let cases: Vec<(Vec<u8>, String)> = vec![
        (
            lines(&[good.clone(), json!({"request_id": "ER-2", "requested_at": "2026-11-20"})]),
            "erasures.ndjson line 2: the request names no lead_ids, email or phone to find the person by; ask head office for a corrected bundle".into(),
        ),
        (
            lines(&[json!({"requested_at": "2026-11-20", "email": a.email})]),
            "erasures.ndjson line 1: missing field `request_id`; ask head office for a corrected bundle".into(),
        ),
        (
            [lines(std::slice::from_ref(&good)), b"{not json\n".to_vec()].concat(),
            "erasures.ndjson line 2: key must be a string; ask head office for a corrected bundle".into(),
        ),
        (
            lines(&[good.clone(), good.clone()]),
            "erasures.ndjson line 2: request_id \"ER-1\" occurs twice in the bundle; ask head office for a corrected bundle".into(),
        ),
        (
            lines(&[json!({"request_id": "ER-1", "requested_at": "20 November", "email": a.email})]),
            "erasures.ndjson line 1: requested_at \"20 November\" is not a date written as 2026-11-20; ask head office for a corrected bundle".into(),
        ),
    ];
    let before = dump(&store);
    for (erasures, sentence) in cases {
        let bytes = bundle(
            "HQ-BAD-1",
            1,
            &[
                ("leads.ndjson", lines(&[new_lead()])),
                ("erasures.ndjson", erasures),
            ],
        );
        let file = store.parent().unwrap().join("bad.zip");
        let out = import(&store, &bytes, "bad.zip");
        assert!(
            !out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!("wortel: {}: ", file.display()))
                && stderr.lines().count() == 1,
            "{stderr}"
        );
        assert!(stderr.contains(&sentence), "{stderr}\nwanted: {sentence}");
        assert_eq!(dump(&store), before, "a refused bundle changed the store");
    }
    assert!(files_contain(&store, a.email.as_bytes()));
}

fn contact_names(store: &Path) -> Vec<String> {
    let s = Store::open(store).unwrap();
    s.all_contacts().map(|c| c.unwrap().name).collect()
}

#[test]
fn a_request_names_exactly_one_person_owner_drivers_included_and_shared_addresses_are_reported() {
    let (_dir, store) = setup();
    let lead = |id: &str, account: Value, contact: Value| {
        json!({
            "id": id, "received_at": "2026-11-22T08:00:00Z", "source": {"channel": "web"},
            "score": 50, "account": account, "contact": contact,
        })
    };
    let shared = json!({"name": "Gedeeld Transport B.V.", "kvk": "55999111",
                        "address": {"postcode": "9999 ZZ", "city": "Assen"}});
    let leads = [
        // An owner-driver known only as a person-kind account, no contact record.
        json!({"id": "HQ-OD-1", "received_at": "2026-11-22T08:00:00Z",
               "source": {"channel": "web"}, "score": 50,
               "account": {"name": "Henk Zelfrijder", "kind": "person",
                           "phone": "+31 6 4444 1111", "email": "henk@zelfrijder.example"}}),
        lead(
            "HQ-SH-1",
            shared.clone(),
            json!({"name": "Anna Gedeeld", "email": "info@gedeeld.example", "phone": "+31 6 5555 0001"}),
        ),
        lead(
            "HQ-SH-2",
            shared,
            json!({"name": "Bert Gedeeld", "email": "info@gedeeld.example", "phone": "+31 6 5555 0002"}),
        ),
    ];
    let out = import(
        &store,
        &bundle("HQ-PEOPLE", 1, &[("leads.ndjson", lines(&leads))]),
        "p.zip",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(contact_names(&store).contains(&"Anna Gedeeld".to_string()));

    let erasures = [
        json!({"request_id": "ER-OD", "requested_at": "2026-11-20", "email": "HENK@zelfrijder.example"}),
        json!({"request_id": "ER-SHARED", "requested_at": "2026-11-20", "email": "info@gedeeld.example"}),
    ];
    let out = import(
        &store,
        &bundle("HQ-ER-2", 2, &[("erasures.ndjson", lines(&erasures))]),
        "e.zip",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("2 erasure requests applied (1 contacts erased, 0 not found, 1 fitting several people and left for head office to make precise)"),
        "{stdout}"
    );
    for needle in ["Henk Zelfrijder", "henk@zelfrijder.example", "4444 1111"] {
        assert!(
            !files_contain(&store, needle.as_bytes()),
            "{needle} is still stored"
        );
    }
    let names = contact_names(&store);
    assert!(
        names.contains(&"Anna Gedeeld".to_string()) && names.contains(&"Bert Gedeeld".to_string())
    );

    // With the phone too, the request singles Anna out: she goes, Bert stays.
    let precise = [
        json!({"request_id": "ER-ANNA", "requested_at": "2026-11-21",
                          "email": "info@gedeeld.example", "phone": "06-5555 0001"}),
    ];
    let out = import(
        &store,
        &bundle("HQ-ER-3", 3, &[("erasures.ndjson", lines(&precise))]),
        "e3.zip",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names = contact_names(&store);
    assert!(!names.contains(&"Anna Gedeeld".to_string()), "{names:?}");
    assert!(names.contains(&"Bert Gedeeld".to_string()), "{names:?}");
    let reported = exported_erasures(&store, &store.with_file_name("fb.zip"));
    let shared = reported
        .iter()
        .find(|r| r["request_id"] == "ER-SHARED")
        .unwrap();
    assert_eq!(shared["ambiguous"], true, "{shared}");
    assert_eq!(shared["people_matching"], 2, "{shared}");
}
