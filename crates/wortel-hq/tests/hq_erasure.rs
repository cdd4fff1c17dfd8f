//! Erasure across the network (issue 19 item 4) with the real binaries: a person who is the
//! contact of two companies' leads, routed to two dealers' stores. Erased at one store, the
//! person is erased at head office when its feedback is ingested and the request reaches the
//! other store with the next send; that store's import applies it. Neither store's files nor
//! head office's SQLite file keep the name, e-mail or phone afterwards. `wortel-hq privacy
//! erase` does the same from head office's desk, refuses an ambiguous name and is idempotent.

mod support;

use std::path::{Path, PathBuf};
use support::*;
use wortel_core::bundle::read_bundle;

const MON: &str = "2026-11-23T09:00:00Z";
const WED: &str = "2026-11-25T10:00:00Z";
const NEXT_MON: &str = "2026-11-30T09:00:00Z";

const NAME: &str = "Ton Jansen";
const EMAIL: &str = "ton@jansen-transport.nl";
const PHONE: &str = "+31 6 1234 5678";

struct Net {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
    utrecht: PathBuf,
    amersfoort: PathBuf,
}

/// Two dealers with one store each; Ton Jansen is the contact of a lead for each (the second
/// writes his e-mail and phone another way), Eva de Vries of a third. All of it goes out and
/// is imported.
fn network_holding_ton() -> Net {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().to_path_buf();
    let db = new_db(&dir);
    let key_out = dir.join("hq.pub");
    hq_ok(
        &db,
        MON,
        &[
            "init",
            "--name",
            "Truck NL",
            "--key-out",
            key_out.to_str().unwrap(),
        ],
    );
    for (id, name, area) in [
        ("D042", "Utrecht Trucks", "3500-3599"),
        ("D043", "Amersfoort", "3800-3899"),
    ] {
        hq_ok(
            &db,
            MON,
            &["dealer", "add", id, "--name", name, "--postcodes", area],
        );
    }
    let utrecht = new_store(&dir, &db, MON, "D042", "D042", "Anna");
    let amersfoort = new_store(&dir, &db, MON, "D043", "D043", "Carla");
    let lead = |id: &str,
                company: &str,
                postcode: &str,
                contact: serde_json::Value,
                notes: &str| {
        serde_json::json!({"id": id, "received_at": "2026-11-20T08:00:00Z", "source": {"channel": "telemarketing"},
            "score": 70, "interest": "R 450 tractor", "incentive": true,
            "account": {"name": company, "address": {"postcode": postcode}}, "contact": contact, "notes": notes})
        .to_string()
    };
    let leads = [
        lead(
            "HQ-1",
            "Jansen Transport B.V.",
            "3542 AD",
            serde_json::json!({"name": NAME, "email": EMAIL, "phone": PHONE}),
            "Ton Jansen wants a demo; call after 5",
        ),
        lead(
            "HQ-2",
            "Veluwe Logistiek",
            "3802 AB",
            serde_json::json!({"name": NAME, "email": "TON@jansen-transport.nl", "phone": "06-12345678"}),
            "fleet of 12",
        ),
        lead(
            "HQ-3",
            "De Vries Bouw",
            "3545 AA",
            serde_json::json!({"name": "Eva de Vries", "email": "eva@devries.nl"}),
            "",
        ),
    ];
    std::fs::write(dir.join("leads.ndjson"), leads.join("\n") + "\n").unwrap();
    hq_ok(
        &db,
        MON,
        &["leads", "add", dir.join("leads.ndjson").to_str().unwrap()],
    );
    hq_ok(&db, MON, &["route"]);
    let out = dir.join("out1");
    hq_ok(&db, MON, &["send", "--out", out.to_str().unwrap()]);
    for (rid, store) in [("D042", &utrecht), ("D043", &amersfoort)] {
        dealer_ok(
            store,
            MON,
            &["import", out.join(format!("{rid}-1.zip")).to_str().unwrap()],
        );
    }
    Net {
        _dir: d,
        dir,
        db,
        utrecht,
        amersfoort,
    }
}

/// Ton's name, e-mail and phone, as either lead writes them.
const TON: [&str; 4] = [NAME, EMAIL, PHONE, "06-12345678"];

fn traces(path: &Path) -> Vec<String> {
    support::traces(path, &TON)
}

fn on_sqlite(db: &Path) -> bool {
    !db.to_str().unwrap().starts_with("postgres://")
}

/// A second Ton Jansen (another e-mail address), the contact of a lead not routed yet.
fn add_namesake(net: &Net) {
    let lead = serde_json::json!({"id": "HQ-4", "received_at": "2026-11-20T08:00:00Z", "source": {"channel": "web"},
        "score": 50, "account": {"name": "Ton's Garage"}, "contact": {"name": NAME, "email": "ton@garage.nl"}});
    let file = net.dir.join("more.ndjson");
    std::fs::write(&file, format!("{lead}\n")).unwrap();
    hq_ok(&net.db, MON, &["leads", "add", file.to_str().unwrap()]);
}

/// The text head office keeps about leads: the pool, the feedback records, the outbox.
fn kept(db: &Path) -> String {
    [
        "SELECT record FROM leads",
        "SELECT record FROM feedback_records",
        "SELECT payload FROM outbox",
    ]
    .iter()
    .flat_map(|sql| query(db, sql))
    .flatten()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n")
}

fn pool(db: &Path) -> serde_json::Value {
    hq_ok(db, NEXT_MON, &["leads", "list", "--json"]).json()
}

#[test]
fn an_erasure_at_one_store_reaches_the_other_store_that_holds_the_person() {
    let net = network_holding_ton();
    let db = &net.db;
    assert!(
        !traces(&net.amersfoort).is_empty(),
        "the stores hold Ton before"
    );
    dealer_ok(&net.utrecht, WED, &["privacy", "erase", NAME, "--yes"]);
    assert_eq!(
        traces(&net.utrecht),
        Vec::<String>::new(),
        "the erasing store keeps nothing"
    );

    let fb = net.dir.join("D042-W48.zip");
    dealer_ok(
        &net.utrecht,
        NEXT_MON,
        &[
            "export",
            "--week",
            "2026-W48",
            "--out",
            fb.to_str().unwrap(),
        ],
    );
    let ingest = hq_ok(db, NEXT_MON, &["ingest", fb.to_str().unwrap()]);
    assert!(
        ingest.stdout.contains("erasure ERASE-D042-") && ingest.stdout.contains("queued for D043"),
        "{}",
        ingest.stdout
    );
    if on_sqlite(db) {
        assert_eq!(
            traces(db),
            Vec::<String>::new(),
            "head office's file keeps nothing"
        );
    }
    let leads = pool(db);
    assert_eq!(
        leads.as_array().unwrap().len(),
        3,
        "the leads stay, anonymous"
    );
    let kept = kept(db);
    assert!(
        !kept.to_lowercase().contains("ton jansen") && !kept.contains("1234"),
        "head office keeps nothing of him: {kept}"
    );
    assert!(kept.contains("eva@devries.nl"), "Eva is not touched");

    let out = net.dir.join("out2");
    hq_ok(db, NEXT_MON, &["send", "--out", out.to_str().unwrap()]);
    let sent = read_bundle(&std::fs::read(out.join("D043-2.zip")).unwrap(), None).unwrap();
    let ask: serde_json::Value = serde_json::from_slice(&sent.files["erasures.ndjson"]).unwrap();
    assert_eq!(ask["lead_ids"], serde_json::json!(["HQ-2"]));
    assert!(
        !out.join("D042-2.zip").exists(),
        "the erasing store is not asked again"
    );
    dealer_ok(
        &net.amersfoort,
        NEXT_MON,
        &["import", out.join("D043-2.zip").to_str().unwrap()],
    );
    assert_eq!(
        traces(&net.amersfoort),
        Vec::<String>::new(),
        "the other store keeps nothing"
    );

    // The other store reports the request done: head office does not erase or ask again.
    let fb = net.dir.join("D043-W49.zip");
    dealer_ok(
        &net.amersfoort,
        "2026-12-07T09:00:00Z",
        &[
            "export",
            "--week",
            "2026-W49",
            "--out",
            fb.to_str().unwrap(),
        ],
    );
    let ingest = hq_ok(
        db,
        "2026-12-07T09:00:00Z",
        &["ingest", fb.to_str().unwrap()],
    );
    assert!(!ingest.stdout.contains("erasure"), "{}", ingest.stdout);
    let again = hq_ok(
        db,
        "2026-12-07T09:00:00Z",
        &["send", "--out", out.to_str().unwrap()],
    );
    assert!(
        again.stdout.starts_with("nothing to send"),
        "{}",
        again.stdout
    );
}

#[test]
fn head_office_erases_a_person_by_e_mail_or_phone_and_refuses_an_ambiguous_name() {
    let net = network_holding_ton();
    add_namesake(&net);
    let db = &net.db;
    let before = dump(db);
    let r = hq(db, WED, &["privacy", "erase", "ton jansen"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("names 2 different people")
            && r.stderr.contains(" on HQ-1, HQ-2; ")
            && r.stderr.contains("ton@garage.nl on HQ-4")
            && r.stderr
                .contains("erase one by e-mail address or phone number"),
        "{}",
        r.stderr
    );
    assert_eq!(dump(db), before, "the refusal changed nothing");

    let done = hq_ok(db, WED, &["privacy", "erase", "0612345678", "--json"]).json();
    assert_eq!(done["request_id"], "HQ-ERASE-000001");
    assert_eq!(done["lead_ids"], serde_json::json!(["HQ-1", "HQ-2"]));
    assert_eq!(done["queued_for"], serde_json::json!(["D042", "D043"]));
    if on_sqlite(db) {
        let left: Vec<String> = traces(db)
            .into_iter()
            .filter(|t| !t.starts_with("ton jansen in"))
            .collect();
        assert_eq!(
            left,
            Vec::<String>::new(),
            "head office's file keeps nothing of him"
        );
    }
    let after = dump(db);
    assert!(
        kept(db).contains("ton@garage.nl"),
        "the namesake is someone else, kept"
    );
    let again = hq_ok(db, WED, &["privacy", "erase", EMAIL]);
    assert!(
        again
            .stdout
            .starts_with("nobody in head office's database answers to"),
        "{}",
        again.stdout
    );
    assert_eq!(dump(db), after, "erasing again changes nothing");

    let out = net.dir.join("out2");
    hq_ok(db, WED, &["send", "--out", out.to_str().unwrap()]);
    for (rid, store) in [("D042", &net.utrecht), ("D043", &net.amersfoort)] {
        dealer_ok(
            store,
            WED,
            &["import", out.join(format!("{rid}-2.zip")).to_str().unwrap()],
        );
        assert_eq!(traces(store), Vec::<String>::new(), "{rid} keeps nothing");
    }
    let leads = pool(db);
    let first = leads
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "HQ-1")
        .unwrap();
    assert_eq!(
        first["account"], "Jansen Transport B.V.",
        "the company stays: {first}"
    );
}
