//! `wortel agenda`: the day's or the week's agenda as text or JSON; what users typed (notes,
//! names) never reaches the terminal as control sequences.

mod common;
use common::*;
use serde_json::Value;

#[test]
fn a_note_with_escape_sequences_is_shown_harmless_and_kept_exact_in_json() {
    let (_dir, store) = demo_store();
    let account = s(&list(&store, &["accounts", "--json"])[0], "id").to_string();
    let note = "bel terug\x1b[2J\x1b]52;c;ZXZpbA==\x07\nmorgen";
    stdout_of(wortel(&store).args([
        "log-visit",
        "--account",
        &account,
        "--kind",
        "call",
        "--outcome",
        "follow-up",
        "--next",
        "today",
        "--note",
        note,
    ]));
    let text = stdout_of(wortel(&store).arg("agenda"));
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    assert!(text.contains("bel terug"), "{text}");
    let stored =
        json(&store, &["account", "show", &account, "--json"])["activities"][0]["note"].clone();
    let rows: Vec<Value> =
        serde_json::from_str(&stdout_of(wortel(&store).args(["agenda", "--json"]))).unwrap();
    let row = rows
        .iter()
        .find(|r| r["account_id"] == account.as_str())
        .unwrap();
    assert_eq!(row["note"], stored, "JSON keeps the note as stored");
    assert_eq!(row["kind"], "follow-up");
    assert_eq!(row["date"], "2026-11-23");
    assert_eq!(row["late_days"], 0);
}

#[test]
fn the_text_agenda_has_a_heading_per_section_and_counts_its_items() {
    let (_dir, store) = demo_store();
    let rows: Vec<Value> = serde_json::from_str(&stdout_of(
        wortel(&store).args(["agenda", "--week", "--json"]),
    ))
    .unwrap();
    let text = stdout_of(wortel(&store).args(["agenda", "--week"]));
    // The replacements line, when the installed base has some due, comes after the count.
    let text = match text.rsplit_once("on the agenda\n") {
        Some((head, tail)) if tail.contains("due-replacements") => format!("{head}on the agenda\n"),
        _ => text,
    };
    assert!(
        text.ends_with(&format!(
            "{} on the agenda\n",
            if rows.len() == 1 {
                "1 item".to_string()
            } else {
                format!("{} items", rows.len())
            }
        )),
        "{text}"
    );
    // One line per row under its heading: indented lines are the rows.
    assert_eq!(
        text.lines().filter(|l| l.starts_with("  ")).count(),
        rows.len()
    );
    // Each day that has rows has its heading, Monday to Sunday.
    let mut days: Vec<&str> = rows
        .iter()
        .filter(|r| r["section"] == "day")
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    days.dedup();
    let mut at = 0;
    for d in days {
        let found = text[at..]
            .find(d)
            .unwrap_or_else(|| panic!("{d} heading in order:\n{text}"));
        at += found;
    }
}

#[test]
fn a_store_that_does_not_exist_is_refused_in_one_sentence() {
    let (_dir, store) = scratch();
    let out = wortel(&store).arg("agenda").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("wortel: ") && err.lines().count() == 1,
        "{err}"
    );
}
