//! Shared by the `cli_*` end-to-end tests: run the real `wortel` binary against a throwaway store
//! with a fixed clock and time zone, read its `--json` listings, and prove that a refused command
//! printed one `wortel: …` sentence and left the store exactly as it was.
#![allow(dead_code)] // each test binary uses its own share of these helpers

pub mod beside;
pub mod crash;
pub mod mount;
pub mod store_files;
pub mod tmux;

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The fixed clock of every test: a Monday morning (10:00 in Amsterdam).
pub const NOW: &str = "2026-11-23T09:00:00Z";

/// The lead statuses the default inbox shows.
pub const OPEN_STATUSES: [&str; 5] = ["new", "accepted", "snoozed", "contacted", "qualified"];

/// The funnel stages that count towards the forecast.
pub const OPEN_STAGES: [&str; 4] = ["qualify", "appointment", "quote", "negotiation"];

/// `wortel --store STORE` with the fixed clock and time zone and no store from the environment.
pub fn wortel(store: &Path) -> Command {
    let mut c = bare();
    c.arg("--store").arg(store);
    c
}

/// `wortel` with the fixed clock and time zone but no `--store`, in English whatever the
/// shell's locale (a test of the Dutch text sets `LANG` itself).
pub fn bare() -> Command {
    let mut c = Command::cargo_bin("wortel").expect("the wortel binary is built");
    c.env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("WORTEL_STORE");
    c
}

/// A temporary directory and the (not yet existing) store path `store` inside it.
pub fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    (dir, store)
}

/// Builds a demo store of `leads` leads from `seed` at `store`.
pub fn demo(store: &Path, leads: usize, seed: u64) {
    let out = wortel(store)
        .args(["demo", "--no-tui", "--leads", &leads.to_string()])
        .args(["--seed", &seed.to_string()])
        .output()
        .expect("wortel runs");
    assert!(
        out.status.success(),
        "demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A scratch directory holding a 20-lead demo store (seed 7).
pub fn demo_store() -> (tempfile::TempDir, PathBuf) {
    let (dir, store) = scratch();
    demo(&store, 20, 7);
    (dir, store)
}

/// Runs a command that must succeed and returns its standard output.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("wortel runs");
    assert!(
        out.status.success(),
        "expected success, got {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `wortel --store STORE ARGS…`, which must succeed and print one JSON value.
pub fn json(store: &Path, args: &[&str]) -> Value {
    let text = stdout_of(wortel(store).args(args));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}"))
}

/// Like [`json`], for a listing: the one JSON array's elements.
pub fn list(store: &Path, args: &[&str]) -> Vec<Value> {
    match json(store, args) {
        Value::Array(items) => items,
        other => panic!("{args:?} printed {other}, not one JSON array"),
    }
}

/// Every lead, closed ones included.
pub fn all_leads(store: &Path) -> Vec<Value> {
    list(store, &["leads", "--all", "--json"])
}

/// The lead with wortel id `id`, from `leads --all --json`.
pub fn lead(store: &Path, id: &str) -> Value {
    all_leads(store)
        .into_iter()
        .find(|l| l["id"] == id)
        .unwrap_or_else(|| panic!("lead {id} is listed"))
}

/// The `n` first new leads of the inbox (there must be that many).
pub fn new_leads(store: &Path, n: usize) -> Vec<Value> {
    let new = list(store, &["leads", "--status", "new", "--json"]);
    assert!(
        new.len() >= n,
        "the demo has {} new leads, the test needs {n}",
        new.len()
    );
    new.into_iter().take(n).collect()
}

/// The first new lead of the inbox.
pub fn a_new_lead(store: &Path) -> Value {
    new_leads(store, 1).remove(0)
}

/// The opportunity with id `id`, from `funnel --json --period all` (every deal).
pub fn opportunity(store: &Path, id: &str) -> Value {
    list(store, &["funnel", "--json", "--period", "all"])
        .into_iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("opportunity {id} is listed"))
}

/// The account with id `id`, from `accounts --json`.
pub fn account(store: &Path, id: &str) -> Value {
    list(store, &["accounts", "--json"])
        .into_iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("account {id} is listed"))
}

/// Everything a script can see of a store, to prove a refused command changed nothing:
/// `leads --all --json`, `accounts --json`, `funnel --json --period all` and the summary bare `wortel` prints
/// (which names the dealer and counts contacts, activities and appointments). For a path that
/// holds no store, what lies at the path.
pub fn snapshot(store: &Path) -> String {
    if !store.exists() {
        return format!("nothing at {}", store.display());
    }
    if store.is_file() {
        return format!("file: {:?}", std::fs::read(store).expect("readable"));
    }
    let mut s = String::new();
    for args in [
        &["leads", "--all", "--json"][..],
        &["accounts", "--json"],
        &["funnel", "--json", "--period", "all"],
        &[],
    ] {
        s.push_str(&stdout_of(wortel(store).args(args)));
        s.push_str("\n--\n");
    }
    s
}

/// Runs a command that must be refused: exit code 1 (not a panic's 101), nothing on standard
/// output, and exactly `wortel: SENTENCE` as the one line on standard error.
pub fn refused(cmd: &mut Command, sentence: &str) {
    let out = cmd.output().expect("wortel runs");
    let err = assert_one_sentence(&out);
    assert_eq!(err, format!("wortel: {sentence}"));
}

/// Like [`refused`], when only the sentence's start is fixed (it ends with a detail from a
/// library).
pub fn refused_starting(cmd: &mut Command, start: &str) {
    let out = cmd.output().expect("wortel runs");
    let err = assert_one_sentence(&out);
    assert!(
        err.starts_with(&format!("wortel: {start}")),
        "`{err}` does not start with `wortel: {start}`"
    );
}

fn assert_one_sentence(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected a refusal (exit 1); stderr: {err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "a refused command prints nothing on stdout"
    );
    assert!(err.ends_with('\n'), "stderr ends its line: {err:?}");
    assert_eq!(err.lines().count(), 1, "exactly one line on stderr: {err}");
    assert!(err.starts_with("wortel: "), "{err}");
    err.trim_end().to_string()
}

/// Runs a command clap must refuse as a usage error: non-zero exit (2), no panic, a message
/// naming `what` on standard error and nothing on standard output.
pub fn usage_error(cmd: &mut Command, what: &str) {
    let out = cmd.output().expect("wortel runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "a usage error: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(what), "`{what}` not in: {err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}

/// A string field of a JSON object.
pub fn s<'a>(v: &'a Value, field: &str) -> &'a str {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("`{field}` is not a string in {v}"))
}

/// True when `query`'s characters occur in `text` in order, ignoring case: what any fuzzy match
/// at least needs.
pub fn fuzzy_contains(text: &str, query: &str) -> bool {
    let mut chars = text.chars().flat_map(char::to_lowercase);
    query
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .all(|q| chars.any(|t| t == q))
}
