//! Follow-ups: next-step dates become the due list (`D`), and an account without a next step
//! says so.

mod tui_support;
use std::collections::{BTreeSet, HashMap};
use tui_support::*;
use wortel::domain::AccountId;
use wortel::tui::app::{App, Pane};
use wortel::tui::overlays::Overlay;

fn due_accounts(app: &App) -> BTreeSet<AccountId> {
    match &app.overlay {
        Some(Overlay::Due(d)) => d.rows.iter().map(|r| r.account).collect(),
        _ => panic!("the due list is open"),
    }
}

/// Independently: accounts whose newest activity planned a step for today or earlier, and
/// accounts with an appointment today.
fn expected_due(app: &App) -> BTreeSet<AccountId> {
    let today = now().to_zoned(tz()).date();
    let mut newest: HashMap<AccountId, wortel::domain::Activity> = HashMap::new();
    for a in app.store.all_activities() {
        let a = a.unwrap();
        if newest.get(&a.account_id).is_none_or(|n| n.at <= a.at) {
            newest.insert(a.account_id, a);
        }
    }
    let mut due: BTreeSet<AccountId> = newest
        .values()
        .filter(|a| a.next_step.is_some_and(|d| d <= today))
        .map(|a| a.account_id)
        .collect();
    for a in app.store.all_appointments() {
        let a = a.unwrap();
        if a.starts_at.to_zoned(tz()).date() == today {
            due.insert(a.account_id);
        }
    }
    due
}

#[test]
fn d_lists_what_is_due_today_or_overdue() {
    let (_d, _p, mut app) = demo_app();
    let expected = expected_due(&app);
    assert!(!expected.is_empty(), "the demo has follow-ups due");
    press(&mut app, "D");
    assert_eq!(due_accounts(&app), expected);
    // Oldest first.
    let Some(Overlay::Due(d)) = &app.overlay else {
        unreachable!()
    };
    assert!(d.rows.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn a_visit_that_plans_for_today_joins_the_list_and_one_that_plans_later_leaves_it() {
    let (_d, _p, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "v 5 tab tab ctrl-u");
    type_text(&mut app, "today");
    press(&mut app, "enter");
    press(&mut app, "D");
    assert!(due_accounts(&app).contains(&lead.account_id));
    // A minute later (the clock is fixed in tests), a follow-up with the default: two weeks on.
    app.clock.fixed = Some(now() + jiff::SignedDuration::from_mins(1));
    press(&mut app, "esc v 5 enter");
    press(&mut app, "D");
    assert!(!due_accounts(&app).contains(&lead.account_id));
}

#[test]
fn enter_in_the_due_list_opens_the_account() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "D");
    let Some(Overlay::Due(d)) = &app.overlay else {
        unreachable!()
    };
    let first = d.rows[0].account;
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Accounts);
    assert_eq!(app.accounts.open.as_ref().unwrap().account.id, first);
}

#[test]
fn an_account_whose_last_visit_planned_nothing_says_so() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "enter v 7 enter");
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("no next step planned"), "{screen}");
}
