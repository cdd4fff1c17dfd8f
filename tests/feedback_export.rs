//! The weekly feedback bundle (`wortel export`): what changed since the last export, read back
//! with the bundle reader and the store's own public key; the same week twice gives the same
//! file; the next week only what is new; a failed write records nothing.

use serde_json::Value;
use std::path::{Path, PathBuf};
use wortel::bundle::read::Signature;
use wortel::bundle::{SecretKey, read_bundle};
use wortel::store::Store;

fn wortel(store: &Path, now: &str) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("wortel").unwrap();
    c.env("WORTEL_NOW", now)
        .env("TZ", "Europe/Amsterdam")
        .arg("--store")
        .arg(store);
    c
}

const MON: &str = "2026-11-23T09:00:00Z";
const NEXT_MON: &str = "2026-11-30T09:00:00Z";

fn ok(mut c: assert_cmd::Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut c = wortel(&store, MON);
    c.args([
        "demo", "--no-tui", "--leads", "60", "--seed", "5", "--bundle",
    ])
    .arg(dir.path().join("hq.zip"));
    ok(c);
    let mut c = wortel(&store, MON);
    c.arg("import").arg(dir.path().join("hq.zip"));
    ok(c);
    (dir, store)
}

fn leads(store: &Path) -> Vec<Value> {
    let mut c = wortel(store, MON);
    c.args(["leads", "--json", "--status", "new"]);
    serde_json::from_str::<Value>(&ok(c))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Reads a bundle file with the store's own public key; returns each file's records.
fn read(
    store: &Path,
    file: &Path,
) -> (
    wortel::bundle::Manifest,
    std::collections::BTreeMap<String, Vec<Value>>,
) {
    let key = SecretKey(Store::open(store).unwrap().signing_key().unwrap().unwrap()).public();
    let bundle = read_bundle(&std::fs::read(file).unwrap(), Some(&key)).unwrap();
    assert_eq!(bundle.signature, Signature::Verified);
    let mut files = std::collections::BTreeMap::new();
    for name in bundle.files.keys() {
        files.insert(
            name.clone(),
            bundle
                .lines(name)
                .map(|(_, l)| serde_json::from_slice::<Value>(l).unwrap())
                .collect(),
        );
    }
    (bundle.manifest, files)
}

#[test]
fn a_week_of_work_goes_back_signed_and_the_same_week_gives_the_same_file() {
    let (dir, store) = setup();
    // The imported head-office leads are new; work three of them.
    let new: Vec<String> = leads(&store)
        .iter()
        .filter(|l| {
            l["external_id"]
                .as_str()
                .is_some_and(|e| e.starts_with("HQ-DEMO"))
        })
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    let mut c = wortel(&store, MON);
    c.args([
        "log-visit",
        "--lead",
        &new[0],
        "--outcome",
        "2",
        "--value",
        "95000",
    ]);
    ok(c);
    let mut c = wortel(&store, MON);
    c.args([
        "log-visit",
        "--lead",
        &new[1],
        "--outcome",
        "order-lost",
        "--reason",
        "price",
    ]);
    ok(c);
    let mut c = wortel(&store, MON);
    c.args([
        "log-visit",
        "--lead",
        &new[2],
        "--outcome",
        "3",
        "--value",
        "120000",
    ]);
    ok(c);

    let file = dir.path().join("w48.zip");
    let mut c = wortel(&store, MON);
    c.args(["export", "--out"]).arg(&file);
    let out = ok(c);
    assert!(out.contains("feedback for 2026-W48 (sequence 1)"), "{out}");
    let (m, files) = read(&store, &file);
    assert_eq!(
        (m.from.as_str(), m.to.as_str(), m.sequence),
        ("DEMO", "head-office", 1)
    );
    assert_eq!(m.period.unwrap().from.to_string(), "2026-11-23");
    let updates = &files["lead_updates.ndjson"];
    assert_eq!(updates.len(), 3, "{updates:?}");
    assert!(
        updates
            .iter()
            .all(|u| u["lead_id"].as_str().unwrap().starts_with("HQ-DEMO-"))
    );
    assert!(
        updates
            .iter()
            .all(|u| u["response_minutes"].as_i64().is_some()),
        "{updates:?}"
    );
    let deals = &files["opportunities.ndjson"];
    assert!(
        deals
            .iter()
            .any(|d| d["to"] == "won" && d["value_cents"] == 12_000_000),
        "{deals:?}"
    );
    assert!(
        deals
            .iter()
            .any(|d| d["to"] == "lost" && d["lost_reason"] == "price"),
        "{deals:?}"
    );
    assert_eq!(files["activities.ndjson"].len(), 3);
    assert!(
        files["activities.ndjson"]
            .iter()
            .all(|a| a["outcome"].is_string())
    );

    // The same week again: the same bytes.
    let again = dir.path().join("again.zip");
    let mut c = wortel(&store, NEXT_MON);
    c.args(["export", "--week", "2026-W48", "--out"])
        .arg(&again);
    assert!(ok(c).contains("again, as exported before"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap()
    );

    // Next week: only what is new, sequence 2.
    let mut c = wortel(&store, NEXT_MON);
    c.args(["log-visit", "--lead", &new[3], "--outcome", "follow-up"]);
    ok(c);
    let next = dir.path().join("w49.zip");
    let mut c = wortel(&store, NEXT_MON);
    c.args(["export", "--out"]).arg(&next);
    ok(c);
    let (m, files) = read(&store, &next);
    assert_eq!(m.sequence, 2);
    assert_eq!(m.period.unwrap().from.to_string(), "2026-11-30");
    assert_eq!(files["activities.ndjson"].len(), 1);
    assert_eq!(files["lead_updates.ndjson"].len(), 1);
}

#[test]
fn a_failed_write_records_nothing() {
    let (dir, store) = setup();
    let mut c = wortel(&store, MON);
    c.args(["export", "--out"])
        .arg(dir.path().join("missing/feedback.zip"));
    let out = c.output().unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "wortel: the folder {} does not exist; create it or pick another path\n",
            dir.path().join("missing").display()
        )
    );
    let file = dir.path().join("fb.zip");
    let mut c = wortel(&store, MON);
    c.args(["export", "--out"]).arg(&file);
    assert!(
        ok(c).contains("(sequence 1)"),
        "nothing was recorded by the failed attempt"
    );
}

#[test]
fn a_week_that_is_not_a_week_is_refused() {
    let (_dir, store) = setup();
    let mut c = wortel(&store, MON);
    c.args(["export", "--week", "2026-47"]);
    let out = c.output().unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wortel: week `2026-47` is not understood; write it as 2026-W47\n"
    );
}
