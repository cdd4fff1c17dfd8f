//! Visit capture and the account view, driven by keys through the default keymap and checked
//! in the store: each outcome's effect on the lead and the deal, the appointment, the lost
//! reason, the change log; the three-key path; refusals that write nothing.

mod tui_support;
use tui_support::*;
use wortel::domain::{Lead, LeadStatus, Outcome, Stage};
use wortel::store::{ChangeOp, EntityKind, Store};
use wortel::tui::app::{App, Pane};
use wortel::tui::overlays::Overlay;

/// A `new` lead without a deal, selected in the inbox.
fn on_a_new_lead(app: &mut App) -> Lead {
    for _ in 0..app.inbox().len() {
        let l = selected_lead(app);
        if l.status == LeadStatus::New && l.opportunity_id.is_none() {
            return l;
        }
        press(app, "j");
    }
    panic!("the demo has a new lead");
}

/// The lead as stored now, and the deal it led to.
fn lead_and_deal(store: &Store, lead: &Lead) -> (Lead, wortel::domain::Opportunity) {
    let l = store.lead(lead.id).unwrap().unwrap();
    let deal = store
        .opportunity(l.opportunity_id.expect("the lead has a deal"))
        .unwrap()
        .unwrap();
    (l, deal)
}

fn changes_after(store: &Store, seq: u64) -> Vec<ChangeOp> {
    store.changes_since(seq).map(|c| c.unwrap().op).collect()
}

#[test]
fn three_keys_log_a_quote_on_a_lead_and_move_everything_along() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    let seq = app.store().last_seq().unwrap();
    press(&mut app, "v 2 enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    assert!(
        app.status().text.starts_with("logged visit · quote-sent"),
        "{}",
        app.status().text
    );
    let changes = changes_after(app.store(), seq);
    drop(app);
    let store = Store::open(&path).unwrap();
    let (l, deal) = lead_and_deal(&store, &lead);
    assert_eq!(l.status, LeadStatus::Converted);
    assert_eq!(deal.stage, Stage::Quote);
    let visit = &store.activities_of(l.account_id, 1).unwrap()[0];
    assert_eq!(visit.outcome, Some(Outcome::QuoteSent));
    // 2026-11-23 is a Monday; five days on is a Saturday, so the follow-up moves to Monday.
    assert_eq!(visit.next_step.unwrap().to_string(), "2026-11-30");
    assert!(
        changes.iter().any(|c| matches!(
            c,
            ChangeOp::LeadStatus {
                to: LeadStatus::Converted,
                ..
            }
        )),
        "{changes:?}"
    );
    assert!(
        changes.iter().any(|c| matches!(c, ChangeOp::Created)),
        "{changes:?}"
    );
}

#[test]
fn appointment_made_puts_an_appointment_on_the_calendar_at_the_typed_time() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    press(&mut app, "v 1 tab tab ctrl-u");
    type_text(&mut app, "fri");
    press(&mut app, "tab ctrl-u");
    type_text(&mut app, "14:30");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    drop(app);
    let store = Store::open(&path).unwrap();
    let appointments: Vec<_> = store
        .all_appointments()
        .map(|a| a.unwrap())
        .filter(|a| a.lead_id == Some(lead.id))
        .collect();
    assert_eq!(appointments.len(), 1);
    let at = appointments[0].starts_at.to_zoned(tz());
    assert_eq!(at.date().to_string(), "2026-11-27");
    assert_eq!((at.hour(), at.minute()), (14, 30));
    let (_, deal) = lead_and_deal(&store, &lead);
    assert_eq!(deal.stage, Stage::Appointment);
}

#[test]
fn quote_sent_asks_the_quoted_value_and_an_optional_valid_until_date() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    press(&mut app, "v 2");
    match app.overlay() {
        Some(Overlay::Visit(f)) => {
            use wortel::tui::overlays::visit_form::Field;
            assert_eq!(f.fields()[1..3], [Field::Value, Field::ValidUntil]);
        }
        _ => panic!("the visit form is open"),
    }
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "enter");
    let refusal = visit_error(&app).expect("a quote of nothing is refused in the form");
    assert!(refusal.contains("quote"), "{refusal}");
    press(&mut app, "ctrl-u");
    type_text(&mut app, "88.500");
    press(&mut app, "tab");
    type_text(&mut app, "2026-12-31");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    drop(app);
    let store = Store::open(&path).unwrap();
    let (_, deal) = lead_and_deal(&store, &lead);
    assert_eq!(deal.stage, Stage::Quote);
    assert_eq!(deal.value, wortel::domain::Cents::euros(88_500));
    assert_eq!(deal.details.quote_value, Some(deal.value));
    assert_eq!(
        deal.details.quote_valid_until.map(|d| d.to_string()),
        Some("2026-12-31".to_string())
    );
}

#[test]
fn quote_sent_on_a_deal_prefills_its_value() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "3 l");
    let deal = app.funnel().selected_deal().unwrap().opportunity.clone();
    press(&mut app, "v 2");
    match app.overlay() {
        Some(Overlay::Visit(f)) if deal.value.0 > 0 => {
            assert_eq!(f.value.text, deal.value.to_string())
        }
        Some(Overlay::Visit(_)) => panic!("the demo's appointment deal has a value"),
        _ => panic!("the visit form is open"),
    }
}

#[test]
fn appointment_made_may_carry_an_estimated_value() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    press(&mut app, "v 1 tab tab tab tab");
    type_text(&mut app, "60.000");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    drop(app);
    let store = Store::open(&path).unwrap();
    let (_, deal) = lead_and_deal(&store, &lead);
    assert_eq!(deal.stage, Stage::Appointment);
    assert_eq!(deal.value, wortel::domain::Cents::euros(60_000));
}

#[test]
fn order_won_takes_the_final_value() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    press(&mut app, "v 3 tab ctrl-u");
    type_text(&mut app, "95.000");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    drop(app);
    let store = Store::open(&path).unwrap();
    let (l, deal) = lead_and_deal(&store, &lead);
    assert_eq!(deal.stage, Stage::Won);
    assert_eq!(
        deal.value.to_string(),
        wortel::domain::Cents::euros(95_000).to_string()
    );
    let account = store.account(l.account_id).unwrap().unwrap();
    assert_eq!(account.lifecycle, wortel::domain::Lifecycle::Customer);
}

/// The sentence the open visit form shows, if any.
fn visit_error(app: &App) -> Option<String> {
    match app.overlay() {
        Some(Overlay::Visit(f)) => f.error.clone(),
        _ => None,
    }
}

#[test]
fn order_won_without_a_value_is_refused_in_the_form_and_nothing_is_written() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    let seq = app.store().last_seq().unwrap();
    press(&mut app, "v 3 enter");
    let refusal = visit_error(&app).expect("the form stays open with a sentence");
    assert!(refusal.contains("needs the order's value"), "{refusal}");
    // The refusal puts the cursor in the value field.
    type_text(&mut app, "0");
    press(&mut app, "enter");
    let refusal = visit_error(&app).expect("zero is refused too");
    assert!(refusal.contains("more than € 0,00"), "{refusal}");
    assert_eq!(app.store().last_seq().unwrap(), seq, "nothing written");
    press(&mut app, "ctrl-u");
    type_text(&mut app, "12,5");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    drop(app);
    let store = Store::open(&path).unwrap();
    let (_, deal) = lead_and_deal(&store, &lead);
    assert_eq!(deal.stage, Stage::Won);
    assert_eq!(deal.value, wortel::domain::Cents(1250));
}

#[test]
fn order_lost_asks_for_a_reason_and_records_it_on_the_deal() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    let seq = app.store().last_seq().unwrap();
    press(&mut app, "v 4");
    match app.overlay() {
        Some(Overlay::Visit(f)) => {
            assert_eq!(f.focus, wortel::tui::overlays::visit_form::Field::Reason)
        }
        _ => panic!("the form stays open"),
    }
    type_text(&mut app, "deliv");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    let changes = changes_after(app.store(), seq);
    drop(app);
    let store = Store::open(&path).unwrap();
    let (_, deal) = lead_and_deal(&store, &lead);
    assert_eq!(deal.stage, Stage::Lost);
    assert_eq!(deal.lost_reason.as_deref(), Some("delivery time"));
    assert!(
        changes.iter().any(|c| matches!(c, ChangeOp::Stage { to: Stage::Lost, reason: Some(r), .. } if r == "delivery time")),
        "{changes:?}"
    );
}

#[test]
fn the_lost_reason_is_found_by_its_dutch_name_and_stored_by_its_machine_name() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    press(&mut app, "v 4");
    type_text(&mut app, "levertij");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    drop(app);
    let store = Store::open(&path).unwrap();
    let (_, deal) = lead_and_deal(&store, &lead);
    assert_eq!(deal.lost_reason.as_deref(), Some("delivery time"));
}

#[test]
fn follow_up_no_contact_and_not_interested_move_the_lead_as_section_3_says() {
    for (digit, status) in [
        ("5", LeadStatus::Contacted),
        ("6", LeadStatus::Accepted),
        ("7", LeadStatus::Disqualified),
    ] {
        let (_d, path, mut app) = demo_app();
        let lead = on_a_new_lead(&mut app);
        press(&mut app, &format!("v {digit} enter"));
        assert!(app.overlay().is_none(), "{digit}: {}", app.status().text);
        drop(app);
        assert_eq!(
            lead_on_disk(&path, lead.id).status,
            status,
            "outcome {digit}"
        );
    }
}

#[test]
fn a_call_without_outcome_is_logged_as_a_call() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    press(&mut app, "v c tab");
    type_text(&mut app, "left a voicemail");
    press(&mut app, "enter");
    drop(app);
    let store = Store::open(&path).unwrap();
    let a = &store.activities_of(lead.account_id, 1).unwrap()[0];
    assert_eq!(a.kind.as_str(), "call");
    assert_eq!(a.note, "left a voicemail");
    assert_eq!(a.outcome, None);
}

#[test]
fn bad_input_is_refused_in_the_form_and_nothing_is_written() {
    let (_d, _p, mut app) = demo_app();
    on_a_new_lead(&mut app);
    let seq = app.store().last_seq().unwrap();
    // A date that means nothing.
    press(&mut app, "v 2 tab tab ctrl-u");
    type_text(&mut app, "someday");
    press(&mut app, "enter");
    let Some(Overlay::Visit(f)) = app.overlay() else {
        panic!("the form stays open")
    };
    assert!(
        f.error.as_deref().unwrap().contains("someday"),
        "{:?}",
        f.error
    );
    press(&mut app, "esc");
    // order-lost without a reason.
    press(&mut app, "v 4 enter");
    let Some(Overlay::Visit(f)) = app.overlay() else {
        panic!("the form stays open")
    };
    assert_eq!(
        f.error.as_deref(),
        Some("order-lost needs a reason: type part of one or press its digit")
    );
    press(&mut app, "esc");
    // An appointment at a time that is not one.
    press(&mut app, "v 1 tab tab tab ctrl-u");
    type_text(&mut app, "25:99");
    press(&mut app, "enter");
    let Some(Overlay::Visit(f)) = app.overlay() else {
        panic!("the form stays open")
    };
    assert_eq!(
        f.error.as_deref(),
        Some("`25:99` is not a time; write it as 14:30")
    );
    press(&mut app, "esc");
    // A next step in the past.
    press(&mut app, "v 5 tab tab ctrl-u");
    type_text(&mut app, "2026-11-01");
    press(&mut app, "enter");
    let Some(Overlay::Visit(f)) = app.overlay() else {
        panic!("the form stays open")
    };
    assert!(
        f.error.as_deref().unwrap().contains("in the past"),
        "{:?}",
        f.error
    );
    press(&mut app, "esc");
    assert_eq!(app.store().last_seq().unwrap(), seq, "nothing was written");
}

#[test]
fn undo_takes_a_logged_visit_back() {
    let (_d, path, mut app) = demo_app();
    let lead = on_a_new_lead(&mut app);
    let before = app
        .store()
        .activities_of(lead.account_id, usize::MAX)
        .unwrap()
        .len();
    press(&mut app, "v 2 enter u");
    assert!(
        app.status().text.starts_with("undone: logged visit"),
        "{}",
        app.status().text
    );
    drop(app);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store
            .activities_of(lead.account_id, usize::MAX)
            .unwrap()
            .len(),
        before
    );
    let l = store.lead(lead.id).unwrap().unwrap();
    assert_eq!(l.status, LeadStatus::New);
    assert_eq!(l.opportunity_id, None);
}

#[test]
fn enter_on_a_lead_opens_its_account_and_v_there_logs_on_the_selected_deal() {
    let (_d, path, mut app) = demo_app();
    // Find a lead whose account has an open deal.
    let mut found = None;
    for i in 0..app.inbox().len() {
        let l = app
            .store()
            .lead(app.inbox().id_at(i).unwrap())
            .unwrap()
            .unwrap();
        let deals = app.store().opportunities_of(l.account_id).unwrap();
        if let Some(d) = deals
            .iter()
            .find(|d| d.stage.is_open() && d.stage < Stage::Negotiation)
        {
            found = Some((i, d.clone()));
            break;
        }
    }
    let (row, deal) = found.expect("the demo has an account with an open deal");
    press(&mut app, "g");
    for _ in 0..row {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    assert_eq!(app.pane(), Pane::Accounts);
    let view = app.accounts().opened().unwrap();
    let at = view
        .items
        .position_of(wortel::tui::panes::account::Item::Deal(deal.id))
        .unwrap();
    press(&mut app, "g");
    for _ in 0..at {
        press(&mut app, "j");
    }
    press(&mut app, "v 2 enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    assert!(
        app.accounts().opened().unwrap().activities[0].outcome == Some(Outcome::QuoteSent),
        "the account view shows the new visit at the top"
    );
    drop(app);
    let store = Store::open(&path).unwrap();
    assert!(store.opportunity(deal.id).unwrap().unwrap().stage >= Stage::Quote);
}

#[test]
fn the_account_list_filters_opens_and_goes_back() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "2");
    assert_eq!(app.pane(), Pane::Accounts);
    assert!(app.accounts().opened().is_none());
    let all = app.accounts().len();
    assert!(all > 10);
    press(&mut app, "/");
    type_text(&mut app, "jansen");
    press(&mut app, "enter");
    assert!(app.accounts().len() < all && !app.accounts().is_empty());
    press(&mut app, "enter");
    let name = app.accounts().opened().unwrap().account.name.clone();
    assert!(name.contains("Jansen"), "{name}");
    press(&mut app, "h");
    assert!(app.accounts().opened().is_none());
    let _ = EntityKind::Account;
}
