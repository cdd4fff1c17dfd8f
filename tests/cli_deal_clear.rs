//! `wortel deal edit --clear-value / --clear-close / --clear-next`: a deal's value and dates
//! can be taken away again (a wrong estimate, a close date that no longer holds), as one
//! logged change; an empty `--value ""` is refused with the flag that clears instead.

mod common;
use common::*;
use std::path::Path;

/// A new lead converted into a deal, given a value, a close date and a next step.
fn a_dated_deal(store: &Path) -> String {
    let id = s(&a_new_lead(store), "id").to_string();
    stdout_of(wortel(store).args(["leads", "convert", &id]));
    let deal = s(&lead(store, &id), "opportunity_id").to_string();
    stdout_of(wortel(store).args([
        "deal",
        "edit",
        &deal,
        "--value",
        "40.000",
        "--close",
        "2026-12-20",
        "--next",
        "2026-11-30",
    ]));
    deal
}

fn shown(store: &Path, deal: &str) -> serde_json::Value {
    json(store, &["deal", "show", deal, "--json"])
}

#[test]
fn clear_flags_take_the_value_and_the_dates_away_and_say_so() {
    let (_dir, store) = demo_store();
    let deal = a_dated_deal(&store);
    let before = shown(&store, &deal);
    assert_eq!(
        (
            &before["value_cents"],
            &before["expected_close"],
            &before["next_step"]
        ),
        (
            &4_000_000.into(),
            &"2026-12-20".into(),
            &"2026-11-30".into()
        )
    );
    let out = stdout_of(wortel(&store).args([
        "deal",
        "edit",
        &deal,
        "--clear-value",
        "--clear-close",
        "--clear-next",
    ]));
    for line in [
        "value € 40.000,00 → no value",
        "expected close 2026-12-20 → none",
        "next step 2026-11-30 → none",
    ] {
        assert!(out.contains(line), "{line} missing in: {out}");
    }
    let after = shown(&store, &deal);
    assert_eq!(after["value_cents"], 0);
    assert!(after["expected_close"].is_null(), "{after}");
    assert!(after["next_step"].is_null(), "{after}");
    // Clearing again changes nothing, and says so.
    let again = wortel(&store)
        .args(["deal", "edit", &deal, "--clear-value"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn an_empty_value_or_date_is_refused_with_the_flag_that_clears() {
    let (_dir, store) = demo_store();
    let deal = a_dated_deal(&store);
    let before = snapshot(&store);
    for (flag, clear) in [
        ("--value", "clear-value"),
        ("--close", "clear-close"),
        ("--next", "clear-next"),
    ] {
        let name = &flag[2..];
        refused(
            wortel(&store).args(["deal", "edit", &deal, flag, " "]),
            &format!("--{name} is empty; give a {name}, or use --{clear} to clear it"),
        );
    }
    usage_error(
        wortel(&store).args(["deal", "edit", &deal, "--value", "5", "--clear-value"]),
        "--clear-value",
    );
    assert_eq!(snapshot(&store), before, "nothing was written");
}
