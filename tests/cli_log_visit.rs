//! `wortel log-visit`: a salesperson logs what came of a visit in one line, by head office's
//! lead id or wortel's own, and the outcome moves the lead and the funnel (PRODUCT.md §3).
//! Every refusal leaves the store exactly as it was.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// Logs `outcome` (plus `extra` arguments) on `target` with `--json` and returns the result.
fn log(store: &Path, target: &str, outcome: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "log-visit",
        "--lead",
        target,
        "--outcome",
        outcome,
        "--json",
    ];
    args.extend_from_slice(extra);
    json(store, &args)
}

/// A fresh new head-office lead's external id, and the lead.
fn new_head_office_lead(store: &Path) -> (String, Value) {
    let lead = list(store, &["leads", "--status", "new", "--json"])
        .into_iter()
        .find(|l| l["external_id"].is_string())
        .expect("a new head-office lead");
    (s(&lead, "external_id").to_string(), lead)
}

/// Checks the lead became `converted` and is linked both ways to an opportunity in `stage`;
/// returns the opportunity.
fn converted_with(store: &Path, lead_id: &str, stage: &str) -> Value {
    let after = lead(store, lead_id);
    assert_eq!(after["status"], "converted", "{after}");
    let opp = opportunity(store, s(&after, "opportunity_id"));
    assert_eq!(opp["stage"], stage, "{opp}");
    assert_eq!(opp["lead_id"], lead_id, "{opp}");
    assert_eq!(opp["account_id"], after["account_id"], "{opp}");
    opp
}

#[test]
fn outcome_1_by_head_office_id_makes_an_appointment_on_friday_at_half_past_two() {
    let (_dir, store) = demo_store();
    let (ext, before) = new_head_office_lead(&store);
    let opps_before = list(&store, &["funnel", "--json", "--period", "all"]).len();
    let out = log(&store, &ext, "1", &["--next", "fri", "--time", "14:30"]);
    assert_eq!(out["outcome"], "appointment-made");
    assert_eq!(
        out["next_step"], "2026-11-27",
        "the Friday after Monday 23 November"
    );
    assert!(out["appointment_id"].is_string(), "{out}");
    assert!(
        out["effects"]
            .as_array()
            .unwrap()
            .contains(&Value::from("appointment on 2026-11-27 at 14:30")),
        "{out}"
    );
    converted_with(&store, s(&before, "id"), "appointment");
    assert_eq!(
        list(&store, &["funnel", "--json", "--period", "all"]).len(),
        opps_before + 1
    );
}

#[test]
fn outcome_2_by_wortel_id_converts_the_lead_and_puts_a_quote_on_the_funnel() {
    let (_dir, store) = demo_store();
    let before = a_new_lead(&store);
    let id = s(&before, "id");
    let out = log(&store, id, "2", &[]);
    assert_eq!(out["status"], "converted");
    assert_eq!(out["stage"], "quote");
    let opp = converted_with(&store, id, "quote");
    assert_eq!(out["opportunity_id"], opp["id"]);
    assert_eq!(
        out["next_step"], "2026-11-30",
        "a quote is followed up after 5 days, on a working day: Saturday 28 → Monday 30"
    );
}

#[test]
fn outcome_2_also_reads_quote_sent() {
    let (_dir, store) = demo_store();
    let before = a_new_lead(&store);
    log(&store, s(&before, "id"), "quote-sent", &[]);
    converted_with(&store, s(&before, "id"), "quote");
}

#[test]
fn outcome_3_with_a_value_wins_the_order_at_that_value_and_makes_a_customer() {
    let (_dir, store) = demo_store();
    let (ext, before) = new_head_office_lead(&store);
    let out = log(&store, &ext, "3", &["--value", "95000"]);
    assert_eq!(out["stage"], "won");
    let opp = converted_with(&store, s(&before, "id"), "won");
    assert_eq!(opp["value_cents"], 9_500_000);
    assert_eq!(opp["weighted_cents"], 9_500_000);
    let account = account(&store, s(&before, "account_id"));
    assert_eq!(account["lifecycle"], "customer");
    // A customer's leads are tier 1.
    assert_eq!(lead(&store, s(&before, "id"))["tier"], 1);
}

#[test]
fn the_won_value_may_be_written_the_dutch_way() {
    let (_dir, store) = demo_store();
    let before = a_new_lead(&store);
    log(
        &store,
        s(&before, "id"),
        "order-won",
        &["--value", "95.000,00"],
    );
    let opp = converted_with(&store, s(&before, "id"), "won");
    assert_eq!(opp["value_cents"], 9_500_000);
}

#[test]
fn outcome_4_without_a_reason_is_refused_and_nothing_changes() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["log-visit", "--lead", &id, "--outcome", "4"]),
        "order-lost needs a lost reason; give one from the list (e.g. price)",
    );
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "4",
            "--reason",
            " ",
        ]),
        "order-lost needs a lost reason; give one from the list (e.g. price)",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn outcome_4_with_a_reason_not_on_the_list_is_refused() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "4",
            "--reason",
            "weather",
        ]),
        "lost reason `weather` is not in the list; use one of: price, delivery time, competitor product, no budget, no decision, product fit, other",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn outcome_4_with_reason_price_loses_the_deal() {
    let (_dir, store) = demo_store();
    let before = a_new_lead(&store);
    let out = log(&store, s(&before, "id"), "4", &["--reason", "price"]);
    assert_eq!(out["stage"], "lost");
    let opp = converted_with(&store, s(&before, "id"), "lost");
    assert_eq!(opp["lost_reason"], "price");
    assert_eq!(opp["weighted_cents"], 0);
}

#[test]
fn outcome_5_follow_up_marks_the_lead_contacted() {
    let (_dir, store) = demo_store();
    let before = a_new_lead(&store);
    let out = log(&store, s(&before, "id"), "5", &[]);
    assert_eq!(out["status"], "contacted");
    assert_eq!(out["next_step"], "2026-12-07", "a follow-up in two weeks");
    let after = lead(&store, s(&before, "id"));
    assert_eq!(after["status"], "contacted");
    assert!(after["opportunity_id"].is_null());
}

#[test]
fn outcome_6_no_contact_accepts_the_lead_without_counting_as_contact() {
    let (_dir, store) = demo_store();
    let (ext, before) = new_head_office_lead(&store);
    let funnel_before = list(&store, &["funnel", "--json", "--period", "all"]);
    let out = log(&store, &ext, "6", &[]);
    assert_eq!(out["status"], "accepted");
    let after = lead(&store, s(&before, "id"));
    assert_eq!(after["status"], "accepted");
    assert_eq!(
        after["overdue"], false,
        "an accepted lead is no longer overdue"
    );
    assert_eq!(
        list(&store, &["funnel", "--json", "--period", "all"]),
        funnel_before
    );
}

#[test]
fn outcome_7_not_interested_disqualifies_the_lead() {
    let (_dir, store) = demo_store();
    let before = a_new_lead(&store);
    let out = log(&store, s(&before, "id"), "7", &[]);
    assert_eq!(out["status"], "disqualified");
    let after = lead(&store, s(&before, "id"));
    assert_eq!(after["status"], "disqualified");
    assert!(after["opportunity_id"].is_null());
    assert!(
        list(&store, &["leads", "--json"])
            .iter()
            .all(|l| l["id"] != before["id"]),
        "a disqualified lead leaves the inbox"
    );
}

#[test]
fn logging_prints_what_happened_for_a_person() {
    let (_dir, store) = demo_store();
    let before = a_new_lead(&store);
    let out = stdout_of(wortel(&store).args([
        "log-visit",
        "--lead",
        s(&before, "id"),
        "--outcome",
        "2",
        "--note",
        "sent the quote by mail",
    ]));
    assert!(
        out.starts_with(&format!(
            "logged visit (quote-sent) with {}\n",
            s(&before, "account")
        )),
        "{out}"
    );
    // Five days on is Saturday 28 November: the next working day.
    assert!(out.ends_with("  next step: 2026-11-30\n"), "{out}");
}

#[test]
fn a_log_visit_without_a_target_is_a_usage_error() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    usage_error(
        wortel(&store).args(["log-visit", "--outcome", "2"]),
        "--lead",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_unknown_lead_is_refused() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["log-visit", "--lead", "HQ-NOPE", "--outcome", "2"]),
        "lead HQ-NOPE does not exist; check the id (list them with `wortel leads`)",
    );
    // A well-formed wortel id that is no lead of this store.
    let account_id = s(&a_new_lead(&store), "account_id").to_string();
    refused(
        wortel(&store).args(["log-visit", "--lead", &account_id, "--outcome", "2"]),
        &format!("lead {account_id} does not exist; check the id (list them with `wortel leads`)"),
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_next_step_of_next_week_is_refused() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "5",
            "--next",
            "next week",
        ]),
        "date `next week` is not understood; use 2026-12-01, +3d, +2w, mon…sun, today or tomorrow",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_won_value_that_is_no_amount_is_refused() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "3",
            "--value",
            "abc",
        ]),
        "amount `abc` is not a number; write it as 95000, 95.000 or 95.000,50",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_unknown_outcome_kind_or_time_is_refused() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["log-visit", "--lead", &id, "--outcome", "9"]),
        "outcome `9` is unknown; use appointment-made, quote-sent, order-won, order-lost, follow-up, no-contact or not-interested (or 1–7)",
    );
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "2",
            "--kind",
            "fax",
        ]),
        "activity kind `fax` is unknown; use visit, call, email, meeting or note",
    );
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "1",
            "--time",
            "25:00",
        ]),
        "time `25:00` is not HH:MM; give e.g. 14:30",
    );
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "5",
            "--at",
            "yesterday",
        ]),
        "time `yesterday` is not RFC 3339; give e.g. 2026-11-23T14:30:00+01:00",
    );
    refused(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "5",
            "--at",
            "2026-11-24T09:00:00Z",
        ]),
        "the activity's time is in the future; log what happened, plan the rest as a next step",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_unknown_account_or_opportunity_is_refused() {
    let (_dir, store) = demo_store();
    let lead_id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["log-visit", "--account", "nope", "--outcome", "5"]),
        "`nope` is not a valid account id; ids are 26 characters such as 01JD2X7V9Q8W3M4N5P6R7S8T9V",
    );
    refused(
        wortel(&store).args(["log-visit", "--account", &lead_id, "--outcome", "5"]),
        &format!(
            "account {lead_id} does not exist; check the id (list them with `wortel accounts`)"
        ),
    );
    refused(
        wortel(&store).args(["log-visit", "--opportunity", &lead_id, "--outcome", "2"]),
        &format!(
            "opportunity {lead_id} does not exist; check the id (list them with `wortel funnel`)"
        ),
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_won_order_cannot_be_won_again() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    log(&store, &id, "3", &["--value", "95000"]);
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["log-visit", "--lead", &id, "--outcome", "2"]),
        "an opportunity in stage won cannot move to quote; it is closed; create a new opportunity for a new deal",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn logging_on_an_account_or_an_opportunity_works_too() {
    let (_dir, store) = demo_store();
    // An appointment made on a lead, then the quote logged on its opportunity.
    let first = a_new_lead(&store);
    let made = log(&store, s(&first, "id"), "1", &[]);
    let opp_id = s(&made, "opportunity_id").to_string();
    let out = json(
        &store,
        &[
            "log-visit",
            "--opportunity",
            &opp_id,
            "--outcome",
            "2",
            "--json",
        ],
    );
    assert_eq!(out["opportunity_id"], opp_id.as_str());
    assert_eq!(opportunity(&store, &opp_id)["stage"], "quote");
    assert_eq!(lead(&store, s(&first, "id"))["status"], "converted");
    let account_id = s(&a_new_lead(&store), "account_id").to_string();
    let out = json(
        &store,
        &[
            "log-visit",
            "--account",
            &account_id,
            "--kind",
            "call",
            "--outcome",
            "5",
            "--json",
        ],
    );
    assert!(out["lead_id"].is_null(), "{out}");
    stdout_of(wortel(&store).arg("check"));
}

#[test]
fn log_visit_on_a_path_without_a_store_creates_nothing() {
    let (_dir, store) = scratch();
    refused(
        wortel(&store).args(["log-visit", "--lead", "HQ-1", "--outcome", "2"]),
        &format!(
            "there is no wortel store at {}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`",
            store.display()
        ),
    );
    assert!(!store.exists());
}

/// Every opportunity that names a lead is that lead's opportunity: the link holds both ways
/// (PRODUCT.md §3: a lead is `converted` when an opportunity exists), so no lead has two deals.
fn deals_and_leads_link_both_ways(store: &Path) {
    let leads = all_leads(store);
    for o in list(store, &["funnel", "--json"]) {
        let Some(lead_id) = o["lead_id"].as_str() else {
            continue;
        };
        let l = leads
            .iter()
            .find(|l| l["id"] == lead_id)
            .unwrap_or_else(|| {
                panic!(
                    "opportunity {} names lead {lead_id}, which is not listed",
                    o["id"]
                )
            });
        assert_eq!(
            l["opportunity_id"], o["id"],
            "opportunity {} names lead {lead_id} ({}), which does not name it back",
            o["id"], l["status"]
        );
    }
}

#[test]
fn after_any_visit_deals_and_leads_link_both_ways() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    deals_and_leads_link_both_ways(&store);
    let outcomes: [(&str, &[&str]); 4] = [
        ("1", &[]),
        ("2", &[]),
        ("3", &["--value", "95.000"]),
        ("5", &[]),
    ];
    for (lead, (outcome, extra)) in new_leads(&store, 4).iter().zip(outcomes) {
        log(&store, s(lead, "id"), outcome, extra);
    }
    deals_and_leads_link_both_ways(&store);
}

#[test]
fn a_quote_logged_on_a_disqualified_lead_never_makes_a_deal_that_hangs_off_it() {
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    log(&store, &id, "7", &[]);
    // Logged twice, e.g. from a script that is re-run: at most one deal, linked both ways.
    for _ in 0..2 {
        let _ = wortel(&store)
            .args(["log-visit", "--lead", &id, "--outcome", "2"])
            .output()
            .unwrap();
    }
    let deals = list(&store, &["funnel", "--json", "--period", "all"])
        .into_iter()
        .filter(|o| o["lead_id"] == id.as_str())
        .count();
    assert!(
        deals <= 1,
        "{deals} opportunities hang off one disqualified lead"
    );
    deals_and_leads_link_both_ways(&store);
}

#[test]
fn an_appointment_at_a_time_the_clocks_skip_is_refused() {
    // 28 March 2027, 02:30 does not exist in Amsterdam: the clocks go from 02:00 to 03:00.
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let before = snapshot(&store);
    refused_starting(
        wortel(&store).args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "1",
            "--next",
            "2027-03-28",
            "--time",
            "02:30",
        ]),
        "the appointment time does not exist on 2027-03-28",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_appointment_in_the_hour_the_clocks_repeat_is_made() {
    // 31 October 2027, 02:30 happens twice in Amsterdam; either is a real time.
    let (_dir, store) = demo_store();
    let id = s(&a_new_lead(&store), "id").to_string();
    let out = log(
        &store,
        &id,
        "1",
        &["--next", "2027-10-31", "--time", "02:30"],
    );
    assert!(out["appointment_id"].is_string(), "{out}");
}
