//! Crash safety: a child process performs confirmed writes (new leads, visit logs, triage and
//! account edits); we `kill -9` it at random moments,
//! reopen the store, and demand that every write it confirmed is there and `check` passes.
//! A control run without flushing must lose writes, which proves the harness can see losses.

mod common;

use rand::{Rng, SeedableRng};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wortel::domain::{AccountId, ActivityId, LeadId, LeadStatus};
use wortel::store::Store;

/// Kills in the main run (see `common::crash::kills` for the whole suite's count).
const KILLS: usize = common::crash::kills::EDITS;

#[derive(Default)]
struct Confirmed {
    leads: Vec<LeadId>,
    activities: Vec<(ActivityId, LeadId, String)>,
    /// Triage steps: the lead and the status it was moved to.
    triaged: Vec<(LeadId, String)>,
    /// Account edits: the account and its new city.
    accounts: Vec<(AccountId, String)>,
}

impl Confirmed {
    fn len(&self) -> usize {
        self.leads.len() + self.activities.len() + self.triaged.len() + self.accounts.len()
    }
}

/// Runs the writer for `ms` milliseconds after its first confirmation, then SIGKILLs it.
fn run_and_kill(store: &Path, ms: u64, no_flush: bool) -> Confirmed {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wortel"));
    cmd.arg("--store").arg(store).arg("debug-write-loop");
    if no_flush {
        cmd.arg("--no-flush");
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            match line {
                Ok(l) => {
                    if tx.send(l).is_err() {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
    });
    // Wait for the first confirmation (the store is open), then let it run a random while.
    let mut lines = Vec::new();
    if let Ok(first) = rx.recv_timeout(Duration::from_secs(20)) {
        lines.push(first);
    }
    let deadline = Instant::now() + Duration::from_millis(ms);
    while Instant::now() < deadline {
        if let Ok(l) = rx.recv_timeout(Duration::from_millis(1)) {
            lines.push(l);
        }
    }
    child.kill().expect("SIGKILL the writer");
    child.wait().expect("reap the writer");
    reader.join().expect("reader thread");
    lines.extend(rx.try_iter());

    let mut confirmed = Confirmed::default();
    for l in lines {
        let parts: Vec<&str> = l.split_whitespace().collect();
        match parts.as_slice() {
            ["confirmed", "lead", id] => confirmed.leads.push(id.parse().expect("lead id")),
            ["confirmed", "activity", a, "lead", id, status] => confirmed.activities.push((
                a.parse().expect("activity id"),
                id.parse().expect("lead id"),
                status.to_string(),
            )),
            ["confirmed", "triage", "lead", id, status] => confirmed
                .triaged
                .push((id.parse().expect("lead id"), status.to_string())),
            ["confirmed", "account", id, "city", city] => confirmed
                .accounts
                .push((id.parse().expect("account id"), city.to_string())),
            _ => {}
        }
    }
    confirmed
}

/// How many confirmed writes are missing after reopening; panics if `check` finds a problem.
fn missing_after_reopen(store_path: &Path, confirmed: &Confirmed) -> usize {
    let store = Store::open(store_path).expect("the store reopens after kill -9");
    let mut missing = 0;
    for id in &confirmed.leads {
        if store.lead(*id).expect("read lead").is_none() {
            missing += 1;
        }
    }
    for (activity, lead, status) in &confirmed.activities {
        let has_activity = store.activity(*activity).expect("read activity").is_some();
        let lead_moved = store
            .lead(*lead)
            .expect("read lead")
            .is_some_and(|l| l.status == LeadStatus::parse(status).expect("status"));
        if !(has_activity && lead_moved) {
            missing += 1;
        }
    }
    // Each triaged lead has the status its triage step confirmed; each edited account its city.
    for (lead, status) in &confirmed.triaged {
        let at = store.lead(*lead).expect("read lead").map(|l| l.status);
        if at != Some(LeadStatus::parse(status).expect("status")) {
            missing += 1;
        }
    }
    for (account, city) in &confirmed.accounts {
        let at = store
            .account(*account)
            .expect("read account")
            .map(|a| a.address.city);
        if at.as_deref() != Some(city.as_str()) {
            missing += 1;
        }
    }
    let report = store.check().expect("check runs");
    assert!(
        report.is_ok(),
        "check after kill -9 found problems: {:?}",
        report.problems
    );
    missing
}

#[test]
fn every_confirmed_write_survives_kill_dash_nine() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let seed: u64 = rand::random();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut total = 0usize;
    for kill in 0..KILLS {
        let ms = rng.gen_range(5..120);
        let confirmed = run_and_kill(&store, ms, false);
        total += confirmed.len();
        let missing = missing_after_reopen(&store, &confirmed);
        assert_eq!(
            missing, 0,
            "kill {kill} (seed {seed}, after {ms} ms) lost {missing} confirmed writes"
        );
    }
    assert!(
        total > KILLS,
        "the writer confirmed only {total} writes in {KILLS} runs; the harness did not exercise it"
    );
}

#[test]
fn without_flushing_kill_dash_nine_loses_writes_so_the_harness_can_see_losses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let mut lost = 0;
    for _ in 0..10 {
        let confirmed = run_and_kill(&store, 150, true);
        lost += missing_after_reopen(&store, &confirmed);
        if lost > 0 {
            break;
        }
    }
    assert!(
        lost > 0,
        "with flushing disabled no confirmed write was lost; the harness would not notice losses"
    );
}
