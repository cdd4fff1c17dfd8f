//! A scripted week at the dealer (issue 14, "Done when"): import head office's leads, triage
//! them, send quotes with values, win and lose orders, write notes, all through the CLI. The
//! feedback bundle's won values, lost reasons, response minutes and status changes must be
//! exactly those of the script: the expectations are computed from the script's own steps
//! and clock, never read back from the store.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use wortel::bundle::{SecretKey, read_bundle};
use wortel::store::Store;

const DEMO_DAY: &str = "2026-11-23T09:00:00Z";

fn wortel(store: &Path, now: &str) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("wortel").unwrap();
    c.env("WORTEL_NOW", now)
        .env("TZ", "Europe/Amsterdam")
        .env_remove("WORTEL_STORE")
        .arg("--store")
        .arg(store);
    c
}

fn ok(store: &Path, now: &str, args: &[&str]) -> String {
    let out = wortel(store, now).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn new_leads(store: &Path, now: &str) -> Vec<Value> {
    let text = ok(store, now, &["leads", "--json", "--status", "new"]);
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A demo store whose own history went out in a first feedback bundle, and head office's
/// leads bundle, not yet imported.
fn store_after_first_export() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let hq = dir.path().join("hq.zip");
    let hq_arg = hq.to_string_lossy().into_owned();
    ok(
        &store,
        DEMO_DAY,
        &[
            "demo", "--no-tui", "--leads", "40", "--seed", "9", "--bundle", &hq_arg,
        ],
    );
    let first = dir.path().join("w48.zip").to_string_lossy().into_owned();
    ok(&store, DEMO_DAY, &["export", "--out", &first]);
    (dir, store, hq)
}

fn bundle_files(store: &Path, file: &Path) -> BTreeMap<String, Vec<Value>> {
    let key = SecretKey(Store::open(store).unwrap().signing_key().unwrap().unwrap()).public();
    let bundle = read_bundle(&std::fs::read(file).unwrap(), Some(&key)).unwrap();
    bundle
        .files
        .keys()
        .map(|name| {
            let lines = bundle
                .lines(name)
                .map(|(_, l)| serde_json::from_slice(l).unwrap());
            (name.clone(), lines.collect())
        })
        .collect()
}

fn minutes_between(from: &str, to: &str) -> i64 {
    let (f, t): (jiff::Timestamp, jiff::Timestamp) = (from.parse().unwrap(), to.parse().unwrap());
    (t.as_second() - f.as_second()) / 60
}

/// What the script expects head office to learn, built step by step as the script runs.
#[derive(Default)]
struct Expected {
    won: BTreeMap<String, i64>,
    lost: BTreeMap<String, String>,
    /// Per lead: every status change (from, to) in order.
    changes: BTreeMap<String, Vec<(String, String)>>,
    first_response: BTreeMap<String, String>,
}

impl Expected {
    fn status(&mut self, lead: &str, from: &str, to: &str) {
        let list = self.changes.entry(lead.to_string()).or_default();
        list.push((from.into(), to.into()));
    }
    fn responded(&mut self, lead: &str, at: &str) {
        self.first_response
            .entry(lead.to_string())
            .or_insert(at.to_string());
    }
}

#[test]
fn the_feedback_of_a_scripted_week_reports_exactly_what_the_script_did() {
    let (dir, store, hq) = store_after_first_export();
    let before: Vec<String> = new_leads(&store, DEMO_DAY)
        .iter()
        .map(|l| l["id"].to_string())
        .collect();
    let mon = "2026-11-30T08:00:00Z";
    ok(&store, mon, &["import", &hq.to_string_lossy()]);
    let fresh: Vec<Value> = new_leads(&store, mon)
        .into_iter()
        .filter(|l| !before.contains(&l["id"].to_string()) && l["external_id"].is_string())
        .collect();
    assert!(fresh.len() >= 6, "the bundle brings six new leads");
    let ext = |i: usize| fresh[i]["external_id"].as_str().unwrap().to_string();
    let received: BTreeMap<String, String> = fresh
        .iter()
        .map(|l| {
            (
                l["external_id"].as_str().unwrap().into(),
                l["received_at"].as_str().unwrap().into(),
            )
        })
        .collect();
    let (l1, l2, l3, l4, l5, l6) = (ext(0), ext(1), ext(2), ext(3), ext(4), ext(5));
    let mut want = Expected::default();

    let at = "2026-11-30T09:00:00Z";
    ok(&store, at, &["leads", "accept", &l1]);
    want.status(&l1, "new", "accepted");
    want.responded(&l1, at);

    let at = "2026-11-30T09:30:00Z";
    ok(
        &store,
        at,
        &["leads", "reject", &l2, "--reason", "duplicate"],
    );
    want.status(&l2, "new", "rejected");
    want.responded(&l2, at);

    let at = "2026-11-30T10:00:00Z";
    ok(&store, at, &["leads", "convert", &l3, "--value", "120.000"]);
    want.status(&l3, "new", "converted");
    want.responded(&l3, at);

    let at = "2026-12-01T09:00:00Z";
    ok(
        &store,
        at,
        &[
            "log-visit",
            "--lead",
            &l4,
            "--kind",
            "call",
            "--outcome",
            "2",
            "--value",
            "80.000",
            "--valid-until",
            "2026-12-31",
        ],
    );
    want.status(&l4, "new", "converted");
    want.responded(&l4, at);

    // A note on an accepted lead: nothing moves, nothing is reported as a status change.
    let at = "2026-12-01T11:00:00Z";
    ok(
        &store,
        at,
        &[
            "log-visit",
            "--lead",
            &l1,
            "--kind",
            "note",
            "--note",
            "asked for a brochure",
        ],
    );

    // The quote is won at its quoted value, no --value needed.
    let at = "2026-12-02T10:00:00Z";
    ok(&store, at, &["log-visit", "--lead", &l4, "--outcome", "3"]);
    want.won.insert(l4.clone(), 8_000_000);

    let at = "2026-12-02T14:00:00Z";
    ok(
        &store,
        at,
        &[
            "log-visit",
            "--lead",
            &l3,
            "--outcome",
            "4",
            "--reason",
            "price",
        ],
    );
    want.lost.insert(l3.clone(), "price".into());

    let at = "2026-12-03T09:00:00Z";
    ok(
        &store,
        at,
        &[
            "log-visit",
            "--lead",
            &l5,
            "--outcome",
            "3",
            "--value",
            "95.000,50",
        ],
    );
    want.status(&l5, "new", "converted");
    want.responded(&l5, at);
    want.won.insert(l5.clone(), 9_500_050);

    // Snoozing is not a response; a note on the snoozed lead wakes nothing.
    let at = "2026-12-03T10:00:00Z";
    ok(&store, at, &["leads", "snooze", &l6, "--until", "+3d"]);
    want.status(&l6, "new", "snoozed");
    ok(
        &store,
        "2026-12-03T11:00:00Z",
        &[
            "log-visit",
            "--lead",
            &l6,
            "--kind",
            "note",
            "--note",
            "on holiday",
        ],
    );

    let file = dir.path().join("w49.zip");
    let out = ok(
        &store,
        "2026-12-04T16:00:00Z",
        &["export", "--out", &file.to_string_lossy()],
    );
    assert!(out.contains("2026-W49"), "{out}");
    let files = bundle_files(&store, &file);

    let mut changes: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for u in &files["lead_updates.ndjson"] {
        let lead = u["lead_id"].as_str().unwrap().to_string();
        let from = u["from"].as_str().unwrap().to_string();
        let to = u["status"].as_str().unwrap().to_string();
        changes.entry(lead.clone()).or_default().push((from, to));
        let expected = want
            .first_response
            .get(&lead)
            .map(|at| minutes_between(&received[&lead], at));
        assert_eq!(
            u["response_minutes"].as_i64(),
            expected,
            "response minutes of {lead}: {u}"
        );
    }
    assert_eq!(changes, want.changes, "status changes");

    let (mut won, mut lost) = (BTreeMap::new(), BTreeMap::new());
    for o in &files["opportunities.ndjson"] {
        let lead = o["lead_id"].as_str().unwrap_or_default().to_string();
        match o["to"].as_str() {
            Some("won") => {
                won.insert(lead, o["value_cents"].as_i64().unwrap());
            }
            Some("lost") => {
                lost.insert(lead, o["lost_reason"].as_str().unwrap().to_string());
            }
            _ => {}
        }
    }
    assert_eq!(won, want.won, "won values");
    assert_eq!(lost, want.lost, "lost reasons");
}
