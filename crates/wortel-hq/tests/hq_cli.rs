//! `wortel-hq`'s commands one by one: set-up, the network, intake with its validation and
//! duplicate matching, and refusals that are one sentence, exit 1 and change nothing.

mod support;

use std::path::{Path, PathBuf};
use support::*;
use wortel_core::bundle::SecretKey;
use wortel_core::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel_core::bundle::write::write_bundle;

const NOW: &str = "2026-11-23T09:00:00Z";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    hq_ok(&db, NOW, &["init", "--name", "Truck NL"]);
    (dir, db)
}

fn refused(db: &Path, args: &[&str], says: &str) {
    let before = dump(db);
    let r = hq(db, NOW, args);
    assert_eq!(r.code, 1, "{args:?} was not refused: {}", r.stdout);
    assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    assert_eq!(
        r.stderr.trim().lines().count(),
        1,
        "one sentence: {}",
        r.stderr
    );
    assert_eq!(dump(db), before, "{args:?} changed the database");
}

#[test]
fn postgres_is_tested_or_says_skipped() {
    if say_skipped_without_server() {
        return;
    }
    let (_dir, db) = setup();
    let r = hq_ok(&db, NOW, &["status", "--json"]);
    assert_eq!(r.json(), serde_json::json!([]));
    let versions = query(
        &db,
        "SELECT version FROM schema_migrations ORDER BY version",
    );
    assert_eq!(
        versions,
        (1..=3)
            .map(|v| vec![Some(v.to_string())])
            .collect::<Vec<_>>(),
        "the same migrations"
    );
    let bad = PathBuf::from("postgres://nobody@127.0.0.1:1/none");
    let r = hq(&bad, NOW, &["status"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("cannot be reached"), "{}", r.stderr);
}

/// SQLite only: the file and its directory are made by `init`, and by nothing else.
#[test]
fn init_makes_one_key_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub/hq.sqlite");
    let key = dir.path().join("hq.pub");
    let first = hq_ok(
        &db,
        NOW,
        &[
            "init",
            "--name",
            "Truck NL",
            "--key-out",
            key.to_str().unwrap(),
        ],
    );
    let public = std::fs::read_to_string(&key).unwrap();
    assert_eq!(public.trim().len(), 64);
    assert!(first.stdout.contains(public.trim()));
    let again = hq_ok(&db, NOW, &["init", "--name", "Truck NL"]);
    assert!(again.stdout.contains("already set up") && again.stdout.contains(public.trim()));
    let other = dir.path().join("none.sqlite");
    let r = hq(&other, NOW, &["dealer", "list"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("run `wortel-hq init --name NAME` first"),
        "{}",
        r.stderr
    );
    assert!(
        !other.exists(),
        "nothing is created by a command that needs a database"
    );
}

#[test]
fn the_database_is_found_through_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.sqlite");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wortel-hq"))
        .args(["init", "--name", "Env"])
        .env("WORTEL_HQ_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.exists());
}

#[test]
fn dealers_are_added_edited_and_listed_and_bad_ones_refused() {
    let (dir, db) = setup();
    hq_ok(
        &db,
        NOW,
        &[
            "dealer",
            "add",
            "D042",
            "--name",
            "Utrecht",
            "--postcodes",
            "3500-3599,4000",
        ],
    );
    hq_ok(
        &db,
        NOW,
        &[
            "dealer",
            "edit",
            "D042",
            "--weight",
            "5",
            "--postcodes",
            "3500-3549",
        ],
    );
    let list = hq_ok(&db, NOW, &["dealer", "list", "--json"]).json();
    assert_eq!(list[0]["postcodes"], "3500-3549");
    assert_eq!(list[0]["weight"], 5);
    refused(
        &db,
        &["dealer", "add", "D042", "--name", "again"],
        "dealer D042 exists already",
    );
    refused(
        &db,
        &[
            "dealer",
            "add",
            "D043",
            "--name",
            "x",
            "--postcodes",
            "35-36",
        ],
        "postcode area `35` is not four digits",
    );
    refused(
        &db,
        &["dealer", "add", "D 43", "--name", "x"],
        "dealer id `D 43` is not valid",
    );
    refused(
        &db,
        &["dealer", "edit", "D999", "--weight", "1"],
        "there is no dealer D999",
    );
    let bad_key = dir.path().join("bad.pub");
    std::fs::write(&bad_key, "abc\n").unwrap();
    refused(
        &db,
        &[
            "store",
            "add",
            "D042",
            "--recipient",
            "D042",
            "--key",
            bad_key.to_str().unwrap(),
        ],
        "is not a public key",
    );
    let key = dir.path().join("good.pub");
    std::fs::write(&key, SecretKey::generate().public().to_hex()).unwrap();
    refused(
        &db,
        &[
            "store",
            "add",
            "D777",
            "--recipient",
            "D777",
            "--key",
            key.to_str().unwrap(),
        ],
        "there is no dealer D777",
    );
    hq_ok(
        &db,
        NOW,
        &[
            "store",
            "add",
            "D042",
            "--recipient",
            "D042",
            "--key",
            key.to_str().unwrap(),
        ],
    );
    refused(
        &db,
        &[
            "store",
            "add",
            "D042",
            "--recipient",
            "D042",
            "--key",
            key.to_str().unwrap(),
        ],
        "is registered already",
    );
}

#[test]
fn a_bad_row_adds_nothing_from_any_file() {
    let (dir, db) = setup();
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "account_name,received_at,channel,score\nJansen,2026-11-16,web,50\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "account_name,received_at,channel,score\nJansen,2026-11-16,web,50\nPieters,2026-11-16,web,150\n").unwrap();
    refused(
        &db,
        &[
            "leads",
            "add",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        "bad.csv row 3, column score: 150 is outside 0 to 100",
    );
    let nd = dir.path().join("bad.ndjson");
    std::fs::write(&nd, "{\"id\":\"A\",\"received_at\":\"2026-11-16T08:00:00Z\",\"source\":{\"channel\":\"web\"},\"score\":5,\"account\":{\"name\":\"A\"}}\n{\"id\":\"B\"}\n").unwrap();
    refused(
        &db,
        &["leads", "add", nd.to_str().unwrap()],
        "bad.ndjson line 2: missing field",
    );
    refused(
        &db,
        &[
            "leads",
            "add",
            dir.path().join("none.csv").to_str().unwrap(),
        ],
        "none.csv cannot be read",
    );
    assert_eq!(
        hq_ok(&db, NOW, &["leads", "list", "--json"]).json(),
        serde_json::json!([])
    );
}

#[test]
fn the_same_company_with_the_same_interest_is_updated_not_duplicated() {
    let (dir, db) = setup();
    let first = dir.path().join("first.csv");
    std::fs::write(
        &first,
        "id,account_name,kvk,postcode,received_at,channel,score,interest\n\
         A1,Transport Jansen B.V.,12345678,3542 AD,2026-11-16,web,50,tractor\n\
         A2,Bakkerij Pieters,,3511 AA,2026-11-16,web,50,van\n",
    )
    .unwrap();
    hq_ok(&db, NOW, &["leads", "add", first.to_str().unwrap()]);
    let second = dir.path().join("second.csv");
    std::fs::write(
        &second,
        "id,account_name,kvk,postcode,received_at,channel,score,interest\n\
         B1,Jansen Transport,12345678,9999 ZZ,2026-11-17,telemarketing,80,tractor\n\
         B2,bakkerij pieters bv,,3511AA,2026-11-17,web,60,van\n\
         B3,Transport Jansen B.V.,12345678,3542 AD,2026-11-17,web,60,trailer\n",
    )
    .unwrap();
    let out = hq_ok(&db, NOW, &["leads", "add", second.to_str().unwrap()]);
    assert_eq!(out.stdout.trim(), "1 lead added, 2 updated");
    let pool = hq_ok(&db, NOW, &["leads", "list", "--json"]).json();
    let ids: Vec<&str> = pool
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["A1", "A2", "B3"]);
    assert_eq!(
        pool[0]["channel"], "telemarketing",
        "head office's newer facts"
    );
}

#[test]
fn feedback_from_an_unregistered_or_unsigned_store_is_refused() {
    let (dir, db) = setup();
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Feedback,
        id: "FB-D999-2026-W48".into(),
        from: "D999".into(),
        to: "head-office".into(),
        sequence: 1,
        created_at: NOW.parse().unwrap(),
        period: None,
        files: vec![],
    };
    let file = dir.path().join("fb.zip");
    std::fs::write(
        &file,
        write_bundle(manifest.clone(), &[], Some(&SecretKey::generate())).unwrap(),
    )
    .unwrap();
    refused(
        &db,
        &["ingest", file.to_str().unwrap()],
        "comes from D999, which is not a registered store",
    );
    hq_ok(&db, NOW, &["dealer", "add", "D999", "--name", "x"]);
    let key = dir.path().join("k.pub");
    std::fs::write(&key, SecretKey::generate().public().to_hex()).unwrap();
    hq_ok(
        &db,
        NOW,
        &[
            "store",
            "add",
            "D999",
            "--recipient",
            "D999",
            "--key",
            key.to_str().unwrap(),
        ],
    );
    std::fs::write(&file, write_bundle(manifest.clone(), &[], None).unwrap()).unwrap();
    refused(&db, &["ingest", file.to_str().unwrap()], "is not signed");
    let leads = Manifest {
        kind: Kind::Leads,
        ..manifest
    };
    std::fs::write(&file, write_bundle(leads, &[], None).unwrap()).unwrap();
    refused(
        &db,
        &["ingest", file.to_str().unwrap()],
        "is a leads bundle, not feedback",
    );
    refused(
        &db,
        &["route", "--escalate-after", "soon"],
        "is not a number of days",
    );
    let out = hq_ok(
        &db,
        NOW,
        &["send", "--out", dir.path().join("out").to_str().unwrap()],
    );
    assert!(out.stdout.starts_with("nothing to send"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        0
    );
}

/// A store's feedback bundle made here, signed with `key`.
fn feedback(key: &SecretKey, seq: u64, files: &[(&str, String)]) -> Vec<u8> {
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Feedback,
        id: format!("FB-S1-{seq}"),
        from: "S1".into(),
        to: "head-office".into(),
        sequence: seq,
        created_at: NOW.parse().unwrap(),
        period: None,
        files: vec![],
    };
    let files: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|(n, t)| (*n, t.clone().into_bytes()))
        .collect();
    write_bundle(manifest, &files, Some(key)).unwrap()
}

fn won(deal: &str, lead: &str, cents: i64, at: &str) -> String {
    format!(
        "{{\"id\":\"{deal}\",\"account_id\":\"A-{lead}\",\"lead_id\":\"{lead}\",\"from\":\"quote\",\"to\":\"won\",\"value_cents\":{cents},\"lost_reason\":null,\"incentive\":true,\"at\":\"{at}\"}}\n"
    )
}

#[test]
fn incentives_pay_by_the_rule_and_list_exceptions_unpaid() {
    let (dir, db) = setup();
    refused(
        &db,
        &["incentives", "--period", "2026-11"],
        "no incentive rule is set",
    );
    hq_ok(
        &db,
        NOW,
        &[
            "config",
            "--incentive-percent",
            "2",
            "--incentive-cap",
            "1500",
        ],
    );
    hq_ok(
        &db,
        NOW,
        &[
            "dealer",
            "add",
            "D1",
            "--name",
            "One",
            "--postcodes",
            "1000-9999",
        ],
    );
    let key = SecretKey::generate();
    let key_file = dir.path().join("s1.pub");
    std::fs::write(&key_file, key.public().to_hex()).unwrap();
    hq_ok(
        &db,
        NOW,
        &[
            "store",
            "add",
            "D1",
            "--recipient",
            "S1",
            "--key",
            key_file.to_str().unwrap(),
            "--salesperson",
            "Sam",
        ],
    );
    let mut leads = String::new();
    for l in ["L1", "L2", "L3"] {
        leads.push_str(&format!("{{\"id\":\"{l}\",\"received_at\":\"2026-11-16T08:00:00Z\",\"source\":{{\"channel\":\"web\"}},\"score\":50,\"incentive\":true,\"account\":{{\"name\":\"Firm {l}\",\"address\":{{\"postcode\":\"3500 AA\"}}}}}}\n"));
    }
    let file = dir.path().join("leads.ndjson");
    std::fs::write(&file, leads).unwrap();
    hq_ok(&db, NOW, &["leads", "add", file.to_str().unwrap()]);
    hq_ok(&db, NOW, &["route"]);
    hq_ok(
        &db,
        NOW,
        &["send", "--out", dir.path().join("out").to_str().unwrap()],
    );

    let at = "2026-11-24T10:00:00Z";
    let rejected = "{\"lead_id\":\"L3\",\"from\":\"new\",\"status\":\"rejected\",\"reason\":\"out of area\",\"at\":\"2026-11-23T08:00:00Z\",\"response_minutes\":null}\n";
    let deals = format!(
        "{}{}{}",
        won("O1", "L1", 9_500_000, at),
        won("O2", "L2", 0, at),
        won("O3", "L3", 500_000, at)
    );
    let fb1 = dir.path().join("fb1.zip");
    std::fs::write(
        &fb1,
        feedback(
            &key,
            1,
            &[
                ("lead_updates.ndjson", rejected.into()),
                ("opportunities.ndjson", deals),
            ],
        ),
    )
    .unwrap();
    hq_ok(&db, NOW, &["ingest", fb1.to_str().unwrap()]);
    let fb2 = dir.path().join("fb2.zip");
    std::fs::write(
        &fb2,
        feedback(
            &key,
            2,
            &[(
                "opportunities.ndjson",
                won("O1", "L1", 9_500_000, "2026-11-25T10:00:00Z"),
            )],
        ),
    )
    .unwrap();
    hq_ok(&db, NOW, &["ingest", fb2.to_str().unwrap()]);

    let claims = hq_ok(&db, NOW, &["incentives", "--period", "2026-11", "--json"]).json();
    let got: Vec<(String, i64, String)> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["deal_id"].as_str().unwrap().to_string(),
                c["incentive_cents"].as_i64().unwrap(),
                c["exception"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("O1".to_string(), 150_000, String::new()),
            ("O2".to_string(), 0, "won at € 0".to_string()),
            (
                "O3".to_string(),
                0,
                "the lead was taken back from this dealer before the win".to_string()
            ),
            (
                "O1".to_string(),
                0,
                "the deal was won before; a deal earns one incentive".to_string()
            ),
        ]
    );
    assert_eq!(claims[0]["salesperson"], "Sam");
    assert_eq!(claims[0]["account"], "Firm L1");
    assert_eq!(claims[0]["days_to_win"], 8);
    let csv = dir.path().join("incentives.csv");
    hq_ok(
        &db,
        NOW,
        &[
            "incentives",
            "--period",
            "2026-11",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 5);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("D1,S1,Sam,L1,Firm L1,O1,95000.00,2026-11-24T10:00:00Z,8,1500.00,")
    );
    let none = hq_ok(&db, NOW, &["incentives", "--period", "2026-10", "--json"]).json();
    assert_eq!(none, serde_json::json!([]));
}

/// Head office cleans what it takes in as the dealer's store does (wortel-core's one cleaner):
/// an escape sequence goes whole, not just its control byte, so no remnant such as `[2J` is
/// kept, shown, or sent to a store.
#[test]
fn escape_sequences_in_a_lead_file_are_removed_whole() {
    let (dir, db) = setup();
    let file = dir.path().join("evil.ndjson");
    let line = serde_json::json!({
        "id": "E\u{1b}[31m1",
        "received_at": "2026-11-16T08:00:00Z",
        "source": {"channel": "web", "campaign": "Show\u{1b}]0;pwned\u{7} 2026"},
        "score": 50,
        "interest": "R 450\u{9b}2J tractor",
        "signals": ["fleet\r\nold"],
        "account": {"name": "Evil\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7} B.V.", "address": {"postcode": "3542 AD"}},
        "notes": "line one\nline two\u{1b}[31m red"
    });
    std::fs::write(&file, format!("{line}\n")).unwrap();
    hq_ok(&db, NOW, &["leads", "add", file.to_str().unwrap()]);
    let record = query(&db, "SELECT record FROM leads");
    let lead: serde_json::Value = serde_json::from_str(record[0][0].as_deref().unwrap()).unwrap();
    assert_eq!(lead["id"], "E1");
    assert_eq!(lead["account"]["name"], "Evil B.V.");
    assert_eq!(lead["source"]["campaign"], "Show 2026");
    assert_eq!(lead["interest"], "R 450 tractor");
    assert_eq!(lead["signals"], serde_json::json!(["fleet old"]));
    assert_eq!(lead["notes"], "line one line two red");
}
