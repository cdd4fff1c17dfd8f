//! What every command shares: `check` verifies a store; a store held by another process, a store
//! from a newer wortel and a clock setting that is no time each get one clear sentence.

mod common;
use common::*;
use std::path::Path;
use wortel::store::Store;

fn in_use(store: &Path) -> String {
    format!(
        "the store at {} is open in another wortel process; close that one first",
        store.display()
    )
}

fn too_new(store: &Path) -> String {
    format!(
        "the store at {} was written by a newer wortel (schema version 99, this wortel knows up to {}); upgrade wortel to open it",
        store.display(),
        wortel::store::SCHEMA_VERSION
    )
}

#[test]
fn check_finds_a_demo_store_consistent_after_a_series_of_visits() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let leads = new_leads(&store, 7);
    let id = |i: usize| s(&leads[i], "id").to_string();
    for (i, extra) in [
        vec!["--outcome", "1", "--next", "fri", "--time", "14:30"],
        vec!["--outcome", "2", "--value", "80.000"],
        vec!["--outcome", "3", "--value", "95000"],
        vec!["--outcome", "4", "--reason", "price"],
        vec!["--outcome", "5", "--kind", "call"],
        vec!["--outcome", "6", "--kind", "email"],
        vec!["--outcome", "7"],
    ]
    .into_iter()
    .enumerate()
    {
        let target = id(i);
        let mut args = vec!["log-visit", "--lead", target.as_str()];
        args.extend(extra);
        stdout_of(wortel(&store).args(&args));
    }
    // And a second visit on a converted lead's opportunity: won at the quoted value.
    let quoted = lead(&store, &id(1));
    stdout_of(wortel(&store).args([
        "log-visit",
        "--opportunity",
        s(&quoted, "opportunity_id"),
        "--outcome",
        "3",
    ]));
    let out = stdout_of(wortel(&store).arg("check"));
    assert!(
        out.starts_with(&format!("store {} is consistent: ", store.display())),
        "{out}"
    );
}

#[test]
fn check_finds_a_fresh_store_consistent() {
    let (_dir, store) = scratch();
    stdout_of(wortel(&store).args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"]));
    let out = stdout_of(wortel(&store).arg("check"));
    assert!(out.contains("is consistent"), "{out}");
}

#[test]
fn check_on_a_path_without_a_store_says_how_to_create_one() {
    let (_dir, store) = scratch();
    refused(
        wortel(&store).arg("check"),
        &format!(
            "there is no wortel store at {}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`",
            store.display()
        ),
    );
    assert!(!store.exists());
}

#[test]
fn bare_wortel_summarises_the_store_and_says_what_to_try() {
    let (_dir, store) = demo_store();
    let out = stdout_of(&mut wortel(&store));
    assert!(
        out.starts_with(&format!(
            "store {}: dealer DEMO, salesperson Demo Verkoper\n  leads: 20 in all,",
            store.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("  accounts: 11 "),
        "half the leads, plus the duplicate the demo enters twice: {out}"
    );
    let (_dir2, missing) = scratch();
    refused(
        &mut wortel(&missing),
        &format!(
            "there is no wortel store at {}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`",
            missing.display()
        ),
    );
}

#[test]
fn leads_is_refused_while_another_process_holds_the_store() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    let held = Store::open(&store).expect("the test opens the store");
    refused(wortel(&store).args(["leads", "--json"]), &in_use(&store));
    drop(held);
    assert_eq!(snapshot(&store), before);
}

#[test]
fn log_visit_is_refused_while_another_process_holds_the_store() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    let held = Store::open(&store).expect("the test opens the store");
    refused(
        wortel(&store).args(["log-visit", "--lead", &id, "--outcome", "2"]),
        &in_use(&store),
    );
    drop(held);
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_demo_is_refused_while_another_process_holds_the_store() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    let held = Store::open(&store).expect("the test opens the store");
    refused(
        wortel(&store).args(["demo", "--no-tui", "--leads", "10"]),
        &in_use(&store),
    );
    drop(held);
    assert_eq!(snapshot(&store), before);
    let parent: Vec<_> = std::fs::read_dir(store.parent().unwrap())
        .unwrap()
        .collect();
    assert_eq!(
        parent.len(),
        1,
        "no half-built demo is left next to the store"
    );
}

#[test]
fn init_and_check_are_refused_while_another_process_holds_the_store() {
    let (_dir, store) = scratch();
    stdout_of(wortel(&store).args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"]));
    let before = snapshot(&store);
    let held = Store::open(&store).expect("the test opens the store");
    refused(
        wortel(&store).args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"]),
        &in_use(&store),
    );
    refused(wortel(&store).arg("check"), &in_use(&store));
    drop(held);
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_store_closed_a_moment_ago_opens_again() {
    let (_dir, store) = demo_store();
    drop(Store::open(&store).expect("the test opens the store"));
    stdout_of(wortel(&store).arg("leads"));
}

#[test]
fn every_command_refuses_a_store_written_by_a_newer_wortel_and_leaves_it_alone() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    Store::open(&store)
        .unwrap()
        .force_schema_version(99)
        .unwrap();
    let commands: [&[&str]; 8] = [
        &["leads"],
        &["accounts", "--json"],
        &["funnel"],
        &["log-visit", "--lead", &id, "--outcome", "2"],
        &["check"],
        &["init", "--dealer", "NL-0421", "--salesperson", "Ton"],
        &["demo", "--no-tui", "--leads", "10"],
        &[],
    ];
    for args in commands {
        refused(wortel(&store).args(args), &too_new(&store));
    }
    // Back at version 1 the store holds exactly what it held.
    let reopened = Store::open(&store);
    assert!(reopened.is_err(), "the library refuses it too");
    drop(reopened);
    {
        let db = sled::open(&store).unwrap();
        let meta = db.open_tree("meta").unwrap();
        let key = meta
            .iter()
            .map(|kv| kv.unwrap())
            .find(|(_, v)| v.as_ref() == 99u32.to_be_bytes())
            .map(|(k, _)| k)
            .expect("the schema version entry");
        meta.insert(key, &1u32.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_clock_setting_that_is_no_time_is_refused_in_a_sentence() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    for args in [
        &["leads"][..],
        &["log-visit", "--lead", "HQ-1", "--outcome", "2"],
    ] {
        refused_starting(
            wortel(&store).args(args).env("WORTEL_NOW", "garbage"),
            "WORTEL_NOW `garbage` is not an RFC 3339 time such as 2026-11-23T09:00:00Z; fix or unset it",
        );
    }
    assert_eq!(snapshot(&store), before);
    let (_dir2, fresh) = scratch();
    refused_starting(
        wortel(&fresh)
            .args(["demo", "--no-tui", "--leads", "10"])
            .env("WORTEL_NOW", "garbage"),
        "WORTEL_NOW `garbage` is not an RFC 3339 time",
    );
    assert!(!fresh.exists());
}

#[test]
fn the_in_use_sentence_comes_at_once_while_a_live_process_holds_the_store() {
    let (_dir, store) = demo_store();
    let held = Store::open(&store).expect("the test opens the store");
    let started = std::time::Instant::now();
    refused(wortel(&store).args(["leads", "--json"]), &in_use(&store));
    let took = started.elapsed();
    drop(held);
    // It used to wait 1.5 s for a lock that a live process would not give up.
    assert!(
        took < std::time::Duration::from_millis(1000),
        "the refusal took {took:?}"
    );
}

#[test]
fn bundle_inspect_reads_a_bundle_while_the_store_is_open_elsewhere() {
    let (dir, store) = scratch();
    let bundle = dir.path().join("hq.zip");
    stdout_of(
        wortel(&store)
            .args(["demo", "--no-tui", "--leads", "20", "--bundle"])
            .arg(&bundle),
    );
    let held = Store::open(&store).expect("the test opens the store");
    let out = stdout_of(wortel(&store).args(["bundle", "inspect"]).arg(&bundle));
    drop(held);
    assert!(out.contains("a valid leads bundle"), "{out}");
    assert!(
        out.contains("present, not checked (the store is open in another wortel process"),
        "{out}"
    );
    let out = stdout_of(wortel(&store).args(["bundle", "inspect"]).arg(&bundle));
    assert!(out.contains("verified with the pinned key"), "{out}");
}
