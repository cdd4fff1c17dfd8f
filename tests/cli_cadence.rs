//! Visit cadence per tier (`[cadence]` in config.toml): `wortel accounts --due-visit` and the
//! agenda's "due for a visit" list, checked against a table worked out by hand from the script
//! of visits below, with the clock fixed at Monday 2026-11-23.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// Six accounts, each from a lead (received 2026-06-01, so every account arrived with its
/// lead: a prospect is unknown until someone reaches it).
const SHEET: &str = "account_name,received_at,channel,score,lifecycle\n\
Klant Nooit,2026-06-01,web,50,customer\n\
Klant Onlangs,2026-06-01,web,50,customer\n\
Klant Lang,2026-06-01,web,50,customer\n\
Klant Notitie,2026-06-01,web,50,customer\n\
Oud Klant,2026-06-01,web,50,ex-customer\n\
Prospect Gezien,2026-06-01,web,50,prospect\n\
Prospect Onbekend,2026-06-01,web,50,prospect\n";

/// What was logged: (account, kind, outcome, when).
const SCRIPT: &[(&str, &str, Option<&str>, &str)] = &[
    ("Klant Onlangs", "visit", None, "2026-11-10T10:00:00Z"),
    (
        "Klant Lang",
        "call",
        Some("follow-up"),
        "2026-10-01T10:00:00Z",
    ),
    ("Klant Notitie", "visit", None, "2026-10-20T10:00:00Z"),
    // A note and a call that reached nobody are not contact: the visit of 10-20 counts.
    ("Klant Notitie", "note", None, "2026-11-20T10:00:00Z"),
    (
        "Klant Notitie",
        "call",
        Some("no-contact"),
        "2026-11-21T10:00:00Z",
    ),
    ("Oud Klant", "meeting", None, "2026-09-01T10:00:00Z"),
    ("Prospect Gezien", "visit", None, "2026-10-01T10:00:00Z"),
];

fn cmd(store: &Path, config: &Path) -> assert_cmd::Command {
    let mut c = wortel(store);
    c.env("WORTEL_CONFIG", config);
    c
}

fn due(store: &Path, config: &Path) -> Vec<Value> {
    let text = stdout_of(cmd(store, config).args(["accounts", "--due-visit", "--json"]));
    serde_json::from_str::<Vec<Value>>(&text).unwrap()
}

/// (name, tier, due, overdue days, last contact's day) per listed account.
fn table(rows: &[Value]) -> Vec<(String, u64, String, i64, Option<String>)> {
    rows.iter()
        .map(|r| {
            (
                s(r, "name").to_string(),
                r["tier"].as_u64().unwrap(),
                s(r, "due").to_string(),
                r["overdue_days"].as_i64().unwrap(),
                r["last_contact_at"].as_str().map(|t| t[..10].to_string()),
            )
        })
        .collect()
}

fn store_with_history() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let (dir, store) = scratch();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    stdout_of(cmd(&store, &config).args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"]));
    let sheet = dir.path().join("leads.csv");
    std::fs::write(&sheet, SHEET).unwrap();
    stdout_of(cmd(&store, &config).args(["import", "--csv"]).arg(&sheet));
    let accounts = list(&store, &["accounts", "--json"]);
    let id_of = |name: &str| {
        accounts
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| s(a, "id").to_string())
            .unwrap_or_else(|| panic!("{name} was imported"))
    };
    for (name, kind, outcome, at) in SCRIPT {
        let mut c = cmd(&store, &config);
        c.args([
            "log-visit",
            "--account",
            &id_of(name),
            "--kind",
            kind,
            "--at",
            at,
        ]);
        if let Some(o) = outcome {
            c.args(["--outcome", o]);
        }
        // The follow-up call planned its next step two weeks on.
        if *outcome == Some("follow-up") {
            c.args(["--next", "2026-10-15"]);
        }
        stdout_of(&mut c);
    }
    (dir, store, config)
}

fn row(
    name: &str,
    tier: u64,
    due: &str,
    late: i64,
    last: Option<&str>,
) -> (String, u64, String, i64, Option<String>) {
    (name.into(), tier, due.into(), late, last.map(String::from))
}

#[test]
fn the_default_cadence_lists_customers_after_four_weeks_and_known_prospects_after_eight() {
    let (_dir, store, config) = store_with_history();
    // By hand, today 2026-11-23: tier 1 every 28 days, tier 2 every 56, tier 3 never.
    // Klant Nooit: never contacted → due today. Klant Onlangs: 11-10 + 28 = 12-08, not yet.
    // Klant Lang: 10-01 + 28 = 10-29, 25 days late. Klant Notitie: 10-20 + 28 = 11-17, 6 late.
    // Oud Klant (ex-customer, tier 2): 09-01 + 56 = 10-27, 27 late.
    // Prospect Gezien (known since the visit, tier 2): 10-01 + 56 = 11-26, not yet.
    // Prospect Onbekend: tier 3, no cadence.
    // Order: tier, never contacted first, then the longest overdue.
    assert_eq!(
        table(&due(&store, &config)),
        vec![
            row("Klant Nooit", 1, "2026-11-23", 0, None),
            row("Klant Lang", 1, "2026-10-29", 25, Some("2026-10-01")),
            row("Klant Notitie", 1, "2026-11-17", 6, Some("2026-10-20")),
            row("Oud Klant", 2, "2026-10-27", 27, Some("2026-09-01")),
        ]
    );
}

#[test]
fn the_cadence_section_of_config_changes_the_list() {
    let (_dir, store, config) = store_with_history();
    std::fs::write(
        config.join("config.toml"),
        "[cadence]\ntier-1 = \"none\"\ntier-2 = 7\ntier-3 = 2\n",
    )
    .unwrap();
    // Tier 2 every 49 days: Oud Klant 09-01 → 10-20 (34 late); Prospect Gezien 10-01 → 11-19
    // (4 late). Tier 3 every 14 days: Prospect Onbekend, never contacted, due today.
    assert_eq!(
        table(&due(&store, &config)),
        vec![
            row("Oud Klant", 2, "2026-10-20", 34, Some("2026-09-01")),
            row("Prospect Gezien", 2, "2026-11-19", 4, Some("2026-10-01")),
            row("Prospect Onbekend", 3, "2026-11-23", 0, None),
        ]
    );
}

#[test]
fn a_bad_cadence_is_refused_with_the_file_and_the_key() {
    let (_dir, store, config) = store_with_history();
    let file = config.join("config.toml");
    std::fs::write(&file, "[cadence]\ntier-1 = 0\n").unwrap();
    refused(
        cmd(&store, &config).args(["accounts", "--due-visit"]),
        &format!(
            "{}: cadence `tier-1` must be a whole number of weeks from 1 to 520, or \"none\"",
            file.display()
        ),
    );
    refused(
        cmd(&store, &config).args(["agenda"]),
        &format!(
            "{}: cadence `tier-1` must be a whole number of weeks from 1 to 520, or \"none\"",
            file.display()
        ),
    );
}

#[test]
fn the_agenda_lists_the_same_accounts_due_for_a_visit_in_the_same_order() {
    let (_dir, store, config) = store_with_history();
    let due: Vec<String> = due(&store, &config)
        .iter()
        .map(|r| s(r, "id").to_string())
        .collect();
    let text = stdout_of(cmd(&store, &config).args(["agenda", "--json"]));
    let agenda: Vec<Value> = serde_json::from_str(&text).unwrap();
    // Klant Lang's follow-up call planned a next step for 10-15, overdue: it is on the agenda
    // as a follow-up, so not again as a visit due.
    let follow_ups: Vec<&str> = agenda
        .iter()
        .filter(|r| r["kind"] == "follow-up")
        .map(|r| s(r, "account"))
        .collect();
    assert_eq!(follow_ups, ["Klant Lang"]);
    let lang = &agenda.iter().find(|r| r["kind"] == "follow-up").unwrap();
    let visits: Vec<String> = agenda
        .iter()
        .filter(|r| r["kind"] == "visit-due")
        .map(|r| s(r, "account_id").to_string())
        .collect();
    let expected: Vec<String> = due
        .into_iter()
        .filter(|id| id != s(lang, "account_id"))
        .collect();
    assert_eq!(visits, expected);
    assert!(
        agenda
            .iter()
            .all(|r| r["kind"] != "visit-due" || r["section"] == "visits-due")
    );
}
