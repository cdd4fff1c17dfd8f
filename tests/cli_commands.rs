//! The binary end to end: every command's happy path and its error paths. Errors must be one
//! sentence on stderr with a non-zero exit, and must leave the store unchanged.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const NOW: &str = "2026-11-23T09:00:00Z";

fn wortel(store: &Path) -> Command {
    let mut c = Command::cargo_bin("wortel").expect("binary");
    c.arg("--store")
        .arg(store)
        .env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("WORTEL_STORE");
    c
}

fn demo(store: &Path, leads: usize) {
    wortel(store)
        .args([
            "demo",
            "--no-tui",
            "--seed",
            "7",
            "--leads",
            &leads.to_string(),
        ])
        .assert()
        .success();
}

fn json(store: &Path, args: &[&str]) -> Value {
    let out = wortel(store).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Everything a script can see of the store, to prove a failed command changed nothing.
fn dump(store: &Path) -> String {
    let mut s = String::new();
    for args in [
        &["leads", "--all", "--json"][..],
        &["accounts", "--json"],
        &["funnel", "--json", "--period", "all"],
    ] {
        let out = wortel(store).args(args).output().expect("run");
        s.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    s
}

/// Asserts a failure with one `wortel: …` line containing `needle`.
fn fails_with(cmd: &mut Command, needle: &str) {
    let out = cmd.output().expect("run");
    assert!(!out.status.success(), "expected failure");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line of error: {err}");
    assert!(err.starts_with("wortel: "), "{err}");
    assert!(err.contains(needle), "`{needle}` not in: {err}");
}

fn first_new_lead(store: &Path) -> Value {
    let leads = json(store, &["leads", "--status", "new", "--json"]);
    leads
        .as_array()
        .and_then(|a| a.first())
        .cloned()
        .expect("a new lead")
}

fn lead_by_id(store: &Path, id: &str) -> Value {
    let leads = json(store, &["leads", "--all", "--json"]);
    leads
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .cloned()
        .expect("lead present")
}

#[test]
fn a_demo_store_is_listed_by_leads_accounts_and_funnel() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 40);
    let leads = json(&store, &["leads", "--all", "--json"]);
    let leads = leads.as_array().unwrap();
    assert_eq!(leads.len(), 40);
    for l in leads {
        assert!(l["id"].is_string() && l["status"].is_string() && l["account"].is_string());
    }
    let accounts = json(&store, &["accounts", "--json"]);
    let n = accounts.as_array().unwrap().len();
    assert!(
        (20..=21).contains(&n),
        "half as many accounts as leads, plus a duplicate: {n}"
    );
    let table = wortel(&store).arg("leads").output().unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("RESPOND BY"));
    let opps = json(&store, &["funnel", "--json"]);
    for o in opps.as_array().unwrap() {
        assert!(o["id"].is_string() && o["stage"].is_string() && o["account"].is_string());
    }
    wortel(&store)
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::contains("consistent"));
}

#[test]
fn the_same_seed_builds_the_same_demo() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    demo(&a, 30);
    demo(&b, 30);
    assert_eq!(dump(&a), dump(&b));
}

#[test]
fn demo_rejects_silly_sizes_and_never_replaces_a_real_dealers_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    fails_with(
        wortel(&store).args(["demo", "--no-tui", "--leads", "0"]),
        "--leads 0 is out of range",
    );
    wortel(&store)
        .args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"])
        .assert()
        .success();
    let before = dump(&store);
    fails_with(
        wortel(&store).args(["demo", "--no-tui", "--leads", "10"]),
        "holds the store of dealer NL-0421",
    );
    assert_eq!(dump(&store), before);
    // A demo store, on the other hand, is rebuilt in place.
    let d = dir.path().join("d");
    demo(&d, 10);
    demo(&d, 20);
    assert_eq!(
        json(&d, &["leads", "--all", "--json"])
            .as_array()
            .unwrap()
            .len(),
        20
    );
}

#[test]
fn init_sets_up_a_store_once_and_refuses_bad_or_conflicting_ids() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    wortel(&store)
        .args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"])
        .assert()
        .success();
    wortel(&store)
        .args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"])
        .assert()
        .success();
    fails_with(
        wortel(&store).args(["init", "--dealer", "NL-9999", "--salesperson", "Ton"]),
        "already belongs to dealer NL-0421",
    );
    let other = dir.path().join("o");
    fails_with(
        wortel(&other).args(["init", "--dealer", "bad id!", "--salesperson", "Ton"]),
        "is not valid",
    );
    fails_with(
        wortel(&other).args(["init", "--dealer", "DEMO", "--salesperson", "Ton"]),
        "reserved for demo stores",
    );
    assert_eq!(json(&store, &["leads", "--json"]), serde_json::json!([]));
}

#[test]
fn lead_filters_narrow_the_listing_and_bad_filters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 60);
    let new = json(&store, &["leads", "--status", "new", "--json"]);
    assert!(new.as_array().unwrap().iter().all(|l| l["status"] == "new"));
    let t1 = json(&store, &["leads", "--all", "--tier", "1", "--json"]);
    assert!(t1.as_array().unwrap().iter().all(|l| l["tier"] == 1));
    let overdue = json(&store, &["leads", "--overdue", "--json"]);
    assert!(!overdue.as_array().unwrap().is_empty());
    assert!(
        overdue
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["overdue"] == true)
    );
    let web = json(&store, &["leads", "--all", "--channel", "web", "--json"]);
    assert!(
        web.as_array()
            .unwrap()
            .iter()
            .all(|l| l["channel"] == "web")
    );
    let some = json(&store, &["leads", "--all", "--json"]);
    let name = some[0]["account"].as_str().unwrap().to_string();
    let found = json(&store, &["leads", "--all", "--search", &name, "--json"]);
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["account"] == name.as_str())
    );
    let none = json(
        &store,
        &["leads", "--all", "--search", "zzzqqqxxx", "--json"],
    );
    assert_eq!(none, serde_json::json!([]));
    fails_with(
        wortel(&store).args(["leads", "--tier", "4"]),
        "tier 4 does not exist",
    );
    fails_with(
        wortel(&store).args(["leads", "--status", "bogus"]),
        "status `bogus` is unknown",
    );
    fails_with(
        wortel(&store).args(["leads", "--channel", "fax"]),
        "channel `fax` is unknown",
    );
}

#[test]
fn the_inbox_lists_tiers_in_order_and_overdue_first_within_a_tier() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 80);
    let leads = json(&store, &["leads", "--json"]);
    let leads = leads.as_array().unwrap();
    let key = |l: &Value| {
        (
            l["tier"].as_u64().unwrap(),
            if l["overdue"] == true { 0 } else { 1 },
        )
    };
    for w in leads.windows(2) {
        assert!(key(&w[0]) <= key(&w[1]), "{} then {}", w[0], w[1]);
        if key(&w[0]) == key(&w[1]) {
            assert!(w[0]["score"].as_u64() >= w[1]["score"].as_u64());
        }
    }
}

#[test]
fn accounts_search_and_lifecycle_filter() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 60);
    let customers = json(&store, &["accounts", "--lifecycle", "customer", "--json"]);
    assert!(
        customers
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["lifecycle"] == "customer")
    );
    let all = json(&store, &["accounts", "--json"]);
    let name = all[3]["name"].as_str().unwrap().to_string();
    let found = json(&store, &["accounts", "--search", &name, "--json"]);
    assert_eq!(
        found[0]["name"],
        name.as_str(),
        "the exact name ranks first"
    );
    fails_with(
        wortel(&store).args(["accounts", "--lifecycle", "bogus"]),
        "lifecycle `bogus` is unknown",
    );
}

#[test]
fn funnel_totals_agree_with_the_listing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 100);
    // The listing and the totals count the same deals, whatever the period.
    for period in ["all", "2026-Q4", "2026-12"] {
        let opps = json(&store, &["funnel", "--json", "--period", period]);
        let open = ["qualify", "appointment", "quote", "negotiation"];
        let sum: i64 = opps
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| open.contains(&o["stage"].as_str().unwrap()))
            .map(|o| o["weighted_cents"].as_i64().unwrap())
            .sum();
        let totals = json(
            &store,
            &["funnel", "--totals", "--json", "--period", period],
        );
        assert_eq!(totals["forecast"].as_i64().unwrap(), sum, "{period}");
    }
    let opps = json(&store, &["funnel", "--json"]);
    let open = ["qualify", "appointment", "quote", "negotiation"];
    let sum: i64 = opps
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| open.contains(&o["stage"].as_str().unwrap()))
        .map(|o| o["weighted_cents"].as_i64().unwrap())
        .sum();
    let totals = json(&store, &["funnel", "--totals", "--json"]);
    assert_eq!(totals["forecast"].as_i64().unwrap(), sum);
    let table = wortel(&store).arg("funnel").output().unwrap();
    assert!(
        String::from_utf8_lossy(&table.stdout)
            .contains("forecast, open deals closing in 2026-Q4: weighted")
    );
}

#[test]
fn every_outcome_has_its_effect_on_lead_and_funnel() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 120);
    let expect = [
        ("1", "converted", Some("appointment")),
        ("2", "converted", Some("quote")),
        ("5", "contacted", None),
        ("6", "accepted", None),
        ("7", "disqualified", None),
    ];
    for (digit, status, stage) in expect {
        let lead = first_new_lead(&store);
        let id = lead["id"].as_str().unwrap();
        wortel(&store)
            .args([
                "log-visit",
                "--lead",
                id,
                "--outcome",
                digit,
                "--next",
                "fri",
            ])
            .assert()
            .success();
        let after = lead_by_id(&store, id);
        assert_eq!(after["status"], status, "outcome {digit}");
        if let Some(stage) = stage {
            let opp = after["opportunity_id"].as_str().expect("an opportunity");
            let opps = json(&store, &["funnel", "--json"]);
            let o = opps
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["id"] == opp)
                .unwrap();
            assert_eq!(o["stage"], stage);
        }
    }
    // order won, by head office's id, with the final value
    let lead = first_new_lead(&store);
    let ext = lead["external_id"].as_str().map(str::to_string);
    let target = ext.unwrap_or_else(|| lead["id"].as_str().unwrap().to_string());
    let out = json(
        &store,
        &[
            "log-visit",
            "--lead",
            &target,
            "--outcome",
            "order-won",
            "--value",
            "95.000",
            "--json",
        ],
    );
    assert_eq!(out["stage"], "won");
    let opps = json(&store, &["funnel", "--json", "--stage", "won"]);
    assert!(
        opps.as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == out["opportunity_id"] && o["value_cents"] == 9_500_000)
    );
    // order lost needs a reason from the list
    let lead = first_new_lead(&store);
    let id = lead["id"].as_str().unwrap().to_string();
    let before = dump(&store);
    fails_with(
        wortel(&store).args(["log-visit", "--lead", &id, "--outcome", "4"]),
        "needs a lost reason",
    );
    fails_with(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "4",
            "--reason",
            "weather",
        ]),
        "is not in the list",
    );
    assert_eq!(dump(&store), before);
    let out = json(
        &store,
        &[
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "4",
            "--reason",
            "price",
            "--json",
        ],
    );
    assert_eq!(out["stage"], "lost");
    wortel(&store).arg("check").assert().success();
}

#[test]
fn log_visit_refuses_bad_input_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 30);
    let id = first_new_lead(&store)["id"].as_str().unwrap().to_string();
    let before = dump(&store);
    wortel(&store)
        .args(["log-visit", "--outcome", "2"])
        .assert()
        .failure();
    fails_with(
        wortel(&store).args(["log-visit", "--lead", "HQ-NOPE", "--outcome", "2"]),
        "lead HQ-NOPE does not exist",
    );
    fails_with(
        wortel(&store).args(["log-visit", "--lead", &id, "--outcome", "9"]),
        "outcome `9` is unknown",
    );
    fails_with(
        wortel(&store).args(["log-visit", "--lead", &id, "--next", "next week"]),
        "is not understood",
    );
    fails_with(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "3",
            "--value",
            "abc",
        ]),
        "is not a number; write it as 95000, 95.000 or 95.000,50",
    );
    fails_with(
        wortel(&store).args(["log-visit", "--lead", &id, "--kind", "fax"]),
        "activity kind `fax` is unknown",
    );
    fails_with(
        wortel(&store).args(["log-visit", "--lead", &id, "--at", "2030-01-01T00:00:00Z"]),
        "in the future",
    );
    assert_eq!(dump(&store), before);
}

#[test]
fn missing_or_foreign_store_paths_get_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    fails_with(wortel(&missing).arg("leads"), "there is no wortel store at");
    assert!(!missing.exists(), "listing does not create a store");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "hello").unwrap();
    fails_with(wortel(&file).arg("leads"), "is a file, not a wortel store");
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    fails_with(
        wortel(&other).args(["init", "--dealer", "X1", "--salesperson", "Y"]),
        "is not a wortel store",
    );
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_second_process_gets_a_clear_in_use_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 10);
    let held = wortel::store::Store::open(&store).unwrap();
    let out = wortel(&store).arg("leads").output().unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "wortel: the store at {} is open in another wortel process; close that one first",
            store.display()
        )
    );
    drop(held);
    wortel(&store).arg("leads").assert().success();
}

#[test]
fn a_store_from_a_newer_wortel_is_refused_naming_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 10);
    wortel::store::Store::open(&store)
        .unwrap()
        .force_schema_version(99)
        .unwrap();
    fails_with(
        wortel(&store).arg("leads"),
        &format!(
            "schema version 99, this wortel knows up to {}",
            wortel::store::SCHEMA_VERSION
        ),
    );
}

#[cfg(unix)]
#[test]
fn store_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 10);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store), 0o700);
    for entry in std::fs::read_dir(&store).unwrap() {
        let p = entry.unwrap().path();
        assert_eq!(mode(&p) & 0o077, 0, "{} is readable by others", p.display());
    }
}

#[test]
fn completions_man_and_a_bad_clock_setting() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    wortel(&store)
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicates::str::contains("wortel"));
    wortel(&store)
        .args(["completions", "klingon"])
        .assert()
        .failure();
    let man = wortel(&store).arg("man").output().unwrap();
    assert!(man.status.success());
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH"));
    fails_with(
        wortel(&store).arg("leads").env("WORTEL_NOW", "garbage"),
        "WORTEL_NOW `garbage` is not an RFC 3339 time",
    );
}

#[test]
fn check_names_what_is_out_of_step_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    demo(&store, 20);
    {
        // Damage the store behind wortel's back: drop one inbox index entry, add a stray one.
        let db = sled::open(&store).unwrap();
        let inbox = db.open_tree("idx:inbox").unwrap();
        let (first, _) = inbox.iter().next().unwrap().unwrap();
        inbox.remove(&first).unwrap();
        db.open_tree("idx:opportunity-stage")
            .unwrap()
            .insert([9u8; 17], vec![])
            .unwrap();
        db.flush().unwrap();
    }
    let out = wortel(&store).arg("check").output().unwrap();
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("problem: index idx:inbox lacks the entry for key"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("problem: index idx:opportunity-stage holds an entry no record accounts for"),
        "{stdout}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("wortel: the store at") && err.contains("has 2 problems,"),
        "{err}"
    );
    // --repair rebuilds the indexes from the records; check is clean afterwards.
    let out = wortel(&store).args(["check", "--repair"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("(2 problems found, 0 left)"), "{stdout}");
    wortel(&store).arg("check").assert().success();
}
