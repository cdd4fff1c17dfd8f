//! `wortel leads accept|reject|snooze ID…`: scripts triage the inbox through the same triage
//! the view uses, in one commit; leads that cannot take the step are named, exit status 1.

mod common;
use common::*;

fn ids_of(leads: &[serde_json::Value]) -> Vec<String> {
    leads.iter().map(|l| s(l, "id").to_string()).collect()
}

#[test]
fn accepting_leads_by_id_and_head_office_id_accepts_each_in_one_step() {
    let (_dir, store) = demo_store();
    let new = new_leads(&store, 2);
    let by_hq = new[1]["external_id"]
        .as_str()
        .map_or_else(|| s(&new[1], "id").to_string(), str::to_string);
    let out = stdout_of(wortel(&store).args(["leads", "accept", s(&new[0], "id"), &by_hq]));
    assert_eq!(out, "accepted 2 leads\n");
    for id in ids_of(&new) {
        assert_eq!(s(&lead(&store, &id), "status"), "accepted");
    }
}

#[test]
fn one_lead_is_counted_in_the_singular() {
    let (_dir, store) = demo_store();
    let one = a_new_lead(&store);
    let out = stdout_of(wortel(&store).args(["leads", "accept", s(&one, "id")]));
    assert_eq!(out, "accepted 1 lead\n");
}

#[test]
fn rejecting_needs_a_reason_from_the_list_and_records_it() {
    let (_dir, store) = demo_store();
    let one = a_new_lead(&store);
    let id = s(&one, "id");
    usage_error(wortel(&store).args(["leads", "reject", id]), "--reason");
    let before = snapshot(&store);
    refused_starting(
        wortel(&store).args(["leads", "reject", id, "--reason", "too far away"]),
        "",
    );
    assert_eq!(snapshot(&store), before, "a bad reason changes nothing");
    let out = stdout_of(wortel(&store).args(["leads", "reject", id, "--reason", "out of area"]));
    assert_eq!(out, "rejected 1 lead\n");
    let after = lead(&store, id);
    assert_eq!(s(&after, "status"), "rejected");
    assert_eq!(s(&after, "reason"), "out of area");
}

#[test]
fn snoozing_until_a_day_takes_the_lead_out_of_the_inbox_until_then() {
    let (_dir, store) = demo_store();
    let one = a_new_lead(&store);
    let id = s(&one, "id");
    let out = stdout_of(wortel(&store).args(["leads", "snooze", id, "--until", "2026-11-30"]));
    assert_eq!(out, "snoozed 1 lead\n");
    let after = lead(&store, id);
    assert_eq!(s(&after, "status"), "snoozed");
    // Midnight of 30 November in Amsterdam.
    assert_eq!(s(&after, "snoozed_until"), "2026-11-29T23:00:00Z");
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["leads", "snooze", id, "--until", "2026-11-23"]),
        "--until 2026-11-23 is not after today; give a later day, e.g. +3d",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn leads_that_cannot_take_the_step_are_named_and_the_others_still_take_it() {
    let (_dir, store) = demo_store();
    let new = new_leads(&store, 2);
    let (first, second) = (s(&new[0], "id"), s(&new[1], "id"));
    stdout_of(wortel(&store).args(["leads", "reject", first, "--reason", "duplicate"]));
    let out = wortel(&store)
        .args(["leads", "accept", first, "HQ-NO-SUCH-LEAD", second])
        .output()
        .expect("wortel runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "accepted 1 lead\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("wortel: 2 of 3 leads not accepted: "),
        "{err}"
    );
    assert!(
        err.contains(first) && err.contains("HQ-NO-SUCH-LEAD (no such lead)"),
        "{err}"
    );
    assert!(err.trim_end().ends_with("; the others were"), "{err}");
    assert_eq!(s(&lead(&store, second), "status"), "accepted");
    assert_eq!(s(&lead(&store, first), "status"), "rejected");
}

#[test]
fn nothing_given_is_a_usage_error_and_the_listing_keeps_working() {
    let (_dir, store) = demo_store();
    usage_error(wortel(&store).args(["leads", "accept"]), "<ID>");
    let listed = list(&store, &["leads", "--status", "new", "--json"]);
    assert!(!listed.is_empty());
    let table = stdout_of(wortel(&store).args(["leads", "--limit", "1"]));
    assert!(table.contains("first 1 lead shown"), "{table}");
}
