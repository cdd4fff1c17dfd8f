//! Deals that mean something (issue 14): amounts read one way, no order won at € 0,00, deal
//! fields edited and shown, quotes with their value, next steps that belong to one deal, and a
//! note that moves nothing. Every refusal leaves the store exactly as it was.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn log(store: &Path, args: &[&str]) -> Value {
    let mut all = vec!["log-visit", "--json"];
    all.extend_from_slice(args);
    json(store, &all)
}

fn deal(store: &Path, id: &str) -> Value {
    json(store, &["deal", "show", id, "--json"])
}

/// A new lead converted into a deal without a value; returns (lead id, deal id).
fn converted(store: &Path) -> (String, String) {
    let id = s(&a_new_lead(store), "id").to_string();
    stdout_of(wortel(store).args(["leads", "convert", &id]));
    let deal = s(&lead(store, &id), "opportunity_id").to_string();
    (id, deal)
}

#[test]
fn the_amounts_the_issue_lists_are_read_as_written() {
    let (_dir, store) = demo_store();
    for (text, cents) in [
        ("12,5", 1_250),
        ("95000", 9_500_000),
        ("95.000", 9_500_000),
        ("95.000,50", 9_500_050),
        ("95000,50", 9_500_050),
        ("€ 95.000", 9_500_000),
    ] {
        let id = s(&a_new_lead(&store), "id").to_string();
        let out = log(&store, &["--lead", &id, "--outcome", "3", "--value", text]);
        let won = opportunity(&store, s(&out, "opportunity_id"));
        assert_eq!(won["value_cents"], cents, "{text}: {won}");
    }
}

#[test]
fn ambiguous_or_malformed_amounts_are_refused_and_nothing_is_written() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    for (text, why) in [
        (
            "1.5.5",
            "has a dot that does not group thousands (the cents come after a comma)",
        ),
        (
            "95000.5",
            "has a dot that does not group thousands (the cents come after a comma)",
        ),
        (
            "95,000",
            "has more than two digits after the comma (the comma starts the cents)",
        ),
        ("1,2,3", "is not a number"),
        ("--5", "is not a number"),
    ] {
        refused(
            wortel(&store)
                .args(["log-visit", "--lead", &id, "--outcome", "3"])
                .arg(format!("--value={text}")),
            &format!("amount `{text}` {why}; write it as 95000, 95.000 or 95.000,50"),
        );
    }
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_order_is_not_won_at_zero_when_the_deal_has_no_value() {
    let (_dir, store) = demo_store();
    let (lead_id, deal_id) = converted(&store);
    let title = s(&deal(&store, &deal_id), "title").to_string();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["log-visit", "--lead", &lead_id, "--outcome", "3"]),
        &format!(
            "deal \"{title}\" has no value, so order-won needs the order's final value; \
             give that value (e.g. 95.000)"
        ),
    );
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &lead_id,
            "--outcome",
            "3",
            "--value",
            "0",
        ]),
        "an order cannot be won at € 0,00; give the order's final value (e.g. 95.000)",
    );
    assert_eq!(snapshot(&store), before);
    // With a value on the deal, the win takes it.
    stdout_of(wortel(&store).args(["deal", "edit", &deal_id, "--value", "80.000"]));
    log(&store, &["--opportunity", &deal_id, "--outcome", "3"]);
    let won = deal(&store, &deal_id);
    assert_eq!(
        (won["stage"].as_str(), won["value_cents"].as_i64()),
        (Some("won"), Some(8_000_000))
    );
}

#[test]
fn a_deal_is_edited_field_by_field_and_shown_as_edited() {
    let (_dir, store) = demo_store();
    let (_, id) = converted(&store);
    let out = stdout_of(wortel(&store).args([
        "deal",
        "edit",
        &id,
        "--title",
        "3× R 450",
        "--value",
        "285.000",
        "--quantity",
        "3",
        "--close",
        "2026-12-18",
        "--next",
        "2026-11-30",
        "--product",
        "R 450 tractor unit",
    ]));
    assert!(out.contains("value no value → € 285.000,00"), "{out}");
    assert!(out.contains("quantity 1 → 3"), "{out}");
    let d = deal(&store, &id);
    assert_eq!(d["title"], "3× R 450");
    assert_eq!(d["value_cents"], 28_500_000);
    assert_eq!(d["quantity"], 3);
    assert_eq!(d["expected_close"], "2026-12-18");
    assert_eq!(d["next_step"], "2026-11-30");
    assert_eq!(d["product"], "R 450 tractor unit");
    let listed = list(&store, &["funnel", "--json"])
        .into_iter()
        .find(|o| o["id"] == id.as_str())
        .expect("the deal is on the funnel");
    for field in ["value_cents", "quantity", "expected_close", "next_step"] {
        assert_eq!(listed[field], d[field], "{field}: {listed}");
    }
    let text = stdout_of(wortel(&store).args(["deal", "show", &id]));
    assert!(text.contains("value:          € 285.000,00"), "{text}");
}

#[test]
fn deal_edits_that_make_no_sense_are_refused_and_nothing_changes() {
    let (_dir, store) = demo_store();
    let (_, id) = converted(&store);
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["deal", "edit", &id, "--quantity", "0"]),
        "quantity 0 is not a deal; give how many (at least 1)",
    );
    refused(
        wortel(&store).args(["deal", "edit", &id]),
        "nothing to change; give at least one field (e.g. --value 95.000)",
    );
    refused(
        wortel(&store).args(["deal", "edit", &id, "--title", "  "]),
        "deal title is required; give a non-empty deal title",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_quote_carries_its_value_and_how_long_it_holds() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let out = log(
        &store,
        &[
            "--lead",
            &id,
            "--outcome",
            "2",
            "--value",
            "80.000",
            "--valid-until",
            "2026-12-31",
        ],
    );
    let d = deal(&store, s(&out, "opportunity_id"));
    assert_eq!(d["stage"], "quote");
    assert_eq!(d["value_cents"], 8_000_000);
    assert_eq!(d["quote_value_cents"], 8_000_000);
    assert_eq!(d["quote_valid_until"], "2026-12-31");
    assert_eq!(
        d["next_step"], "2026-11-30",
        "a quote is followed up after 5 days, on a working day: Saturday 28 → Monday 30"
    );
}

#[test]
fn convert_and_appointment_may_carry_an_estimate() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    stdout_of(wortel(&store).args(["leads", "convert", &id, "--value", "120.000"]));
    let d = deal(&store, s(&lead(&store, &id), "opportunity_id"));
    assert_eq!(d["value_cents"], 12_000_000);
    let other = s(&a_new_lead(&store), "id").to_string();
    let out = log(
        &store,
        &[
            "--lead",
            &other,
            "--outcome",
            "1",
            "--next",
            "fri",
            "--value",
            "60.000",
        ],
    );
    assert_eq!(
        deal(&store, s(&out, "opportunity_id"))["value_cents"],
        6_000_000
    );
}

#[test]
fn a_note_never_moves_a_snoozed_lead() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    stdout_of(wortel(&store).args(["leads", "snooze", &id, "--until", "+3d"]));
    log(
        &store,
        &[
            "--lead",
            &id,
            "--kind",
            "note",
            "--note",
            "called back later",
        ],
    );
    assert_eq!(lead(&store, &id)["status"], "snoozed");
}

#[test]
fn a_note_keeps_the_deal_next_step_and_winning_one_deal_keeps_the_others() {
    let (_dir, store) = demo_store();
    let account = s(&a_new_lead(&store), "account_id").to_string();
    let first = log(
        &store,
        &[
            "--account",
            &account,
            "--outcome",
            "2",
            "--next",
            "2026-12-10",
        ],
    );
    let second = log(
        &store,
        &[
            "--account",
            &account,
            "--outcome",
            "2",
            "--next",
            "2026-12-20",
        ],
    );
    let (first, second) = (s(&first, "opportunity_id"), s(&second, "opportunity_id"));
    log(
        &store,
        &[
            "--opportunity",
            second,
            "--kind",
            "note",
            "--note",
            "price list sent",
        ],
    );
    assert_eq!(
        deal(&store, second)["next_step"],
        "2026-12-20",
        "a note wipes nothing"
    );
    log(
        &store,
        &[
            "--opportunity",
            first,
            "--outcome",
            "3",
            "--value",
            "50.000",
        ],
    );
    assert_eq!(
        deal(&store, first)["next_step"],
        Value::Null,
        "a won deal has no next step"
    );
    assert_eq!(
        deal(&store, second)["next_step"],
        "2026-12-20",
        "the other deal keeps its own"
    );
}
