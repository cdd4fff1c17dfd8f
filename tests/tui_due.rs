//! The agenda (`D`): today's appointments in time order, then the follow-ups overdue or due
//! today with their contact, phone and note, then the accounts due for a visit by cadence; `v`
//! logs a visit from a row, `w` switches to the week (Monday to Sunday, per day). The view and
//! `wortel agenda` print the same rows.

mod tui_support;
use std::collections::{BTreeSet, HashMap};
use tui_support::*;
use wortel::domain::Outcome;
use wortel::domain::{AccountId, Activity, ActivityKind, VisitTarget};
use wortel::ops::{AgendaRow, ItemKind, Section, VisitInput, log_visit};
use wortel::tui::app::{App, Pane};
use wortel::tui::overlays::Overlay;

fn rows(app: &App) -> Vec<AgendaRow> {
    match app.overlay() {
        Some(Overlay::Agenda(d)) => d.agenda.rows.clone(),
        _ => panic!("the agenda is open"),
    }
}

fn snap(name: &str, text: &str) {
    snapshot_settings().bind(|| insta::assert_snapshot!(name, text));
}

/// Each account's newest activity, read independently of the agenda.
fn newest(app: &App) -> HashMap<AccountId, Activity> {
    let mut newest: HashMap<AccountId, Activity> = HashMap::new();
    for a in app.store().all_activities() {
        let a = a.unwrap();
        if newest.get(&a.account_id).is_none_or(|n| n.at <= a.at) {
            newest.insert(a.account_id, a);
        }
    }
    newest
}

/// Makes two appointments for today, 14:30 first and 09:15 second, on the first two leads.
fn two_appointments_today(app: &mut App) {
    let today = now().to_zoned(tz()).date();
    let leads: Vec<_> = app
        .store()
        .all_leads()
        .map(|l| l.unwrap())
        .filter(|l| l.status.is_open())
        .take(2)
        .map(|l| l.id)
        .collect();
    for (lead, time) in leads.into_iter().zip([(14, 30), (9, 15)]) {
        let mut input = VisitInput::new(VisitTarget::Lead(lead), Some(Outcome::AppointmentMade));
        input.kind = ActivityKind::Call;
        input.next_step = Some(today);
        input.appointment_time = Some(jiff::civil::time(time.0, time.1, 0, 0));
        input.at = Some(now() - jiff::SignedDuration::from_hours(1));
        log_visit(app.store(), &input, now(), &tz()).unwrap();
    }
}

#[test]
fn d_is_the_days_agenda_appointments_by_time_then_follow_ups_then_visits_due() {
    let (_d, _p, mut app) = demo_app();
    two_appointments_today(&mut app);
    let today = now().to_zoned(tz()).date();
    // Today's appointments, earliest first, straight from the store.
    let mut appointments: Vec<_> = app
        .store()
        .all_appointments()
        .map(|a| a.unwrap())
        .filter(|a| a.starts_at.to_zoned(tz()).date() == today)
        .collect();
    appointments.sort_by_key(|a| a.starts_at);
    let listed: BTreeSet<_> = appointments.iter().filter_map(|a| a.activity_id).collect();
    // Follow-ups: the next step an account's newest activity planned, today or earlier.
    let follow_ups: BTreeSet<AccountId> = newest(&app)
        .values()
        .filter(|a| !listed.contains(&a.id) && a.next_step.is_some_and(|d| d <= today))
        .map(|a| a.account_id)
        .collect();
    assert!(
        !appointments.is_empty() && !follow_ups.is_empty(),
        "the demo has both today"
    );

    press(&mut app, "D");
    let rows = rows(&app);
    let sections: Vec<Section> = rows.iter().map(|r| r.section).collect();
    assert!(
        sections.is_sorted(),
        "appointments, then follow-ups, then visits due"
    );
    let appts: Vec<_> = rows
        .iter()
        .filter(|r| r.section == Section::Appointments)
        .map(|r| (r.account, r.time.unwrap()))
        .collect();
    let expected: Vec<_> = appointments
        .iter()
        .map(|a| (a.account_id, a.starts_at.to_zoned(tz()).time()))
        .collect();
    assert_eq!(appts, expected);
    assert!(
        appts.len() >= 2 && appts.is_sorted_by_key(|a| a.1),
        "in time order"
    );
    let fu: Vec<&AgendaRow> = rows
        .iter()
        .filter(|r| r.section == Section::FollowUps)
        .collect();
    assert_eq!(
        fu.iter().map(|r| r.account).collect::<BTreeSet<_>>(),
        follow_ups
    );
    assert!(
        fu.windows(2).all(|w| w[0].date <= w[1].date),
        "oldest first"
    );
    // Each follow-up carries the note of the activity that set it, and who to call.
    let newest = newest(&app);
    for r in &fu {
        assert_eq!(r.note, newest[&r.account].note, "{}", r.account_name);
        assert_eq!(r.late_days, (today - r.date).get_days() as i64);
    }
    assert!(
        fu.iter()
            .any(|r| !r.contact.is_empty() && !r.phone.is_empty())
    );
    // Visits due never repeat an account already on the agenda.
    let on_agenda: BTreeSet<_> = rows
        .iter()
        .filter(|r| r.section != Section::VisitsDue)
        .map(|r| r.account)
        .collect();
    assert!(rows
        .iter()
        .filter(|r| r.section == Section::VisitsDue)
        .all(|r| !on_agenda.contains(&r.account) && matches!(r.kind, ItemKind::VisitDue { .. })));
}

#[test]
fn w_switches_to_the_week_monday_to_sunday_and_back() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "D w");
    let week = rows(&app);
    // 2026-11-23 is a Monday.
    let monday = jiff::civil::date(2026, 11, 23);
    let sunday = jiff::civil::date(2026, 11, 29);
    let mut days = Vec::new();
    for r in &week {
        match r.section {
            Section::Day(d) => {
                assert!((monday..=sunday).contains(&d), "{d}");
                assert_eq!(r.date, d, "a row sits on its own day");
                days.push(d);
            }
            Section::Overdue => assert!(r.date < monday, "overdue means before today"),
            Section::VisitsDue => {}
            s => panic!("{s:?} is not a week's section"),
        }
    }
    assert!(days.is_sorted(), "day by day");
    assert!(
        days.iter().collect::<BTreeSet<_>>().len() > 1,
        "more than one day"
    );
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("Agenda · week of 2026-11-23 to 2026-11-29"),
        "{screen}"
    );
    press(&mut app, "w");
    assert!(rows(&app).iter().all(|r| r.section != Section::Overdue));
}

#[test]
fn v_on_a_row_logs_a_visit_for_what_it_is_about() {
    let (_d, path, mut app) = demo_app();
    press(&mut app, "D");
    let first = rows(&app)[0].clone();
    press(&mut app, "v");
    let Some(Overlay::Visit(form)) = app.overlay() else {
        panic!("v opens the visit form");
    };
    assert_eq!(form.target, first.target);
    press(&mut app, "5 enter");
    assert!(
        app.status().text.starts_with("logged visit · follow-up"),
        "{}",
        app.status().text
    );
    drop(app);
    let store = wortel::store::Store::open(&path).unwrap();
    let logged = &store.activities_of(first.account, 1).unwrap()[0];
    assert_eq!(logged.kind, ActivityKind::Visit);
    assert_eq!(logged.at, now());
    match first.target {
        VisitTarget::Opportunity(o) => assert_eq!(logged.opportunity_id, Some(o)),
        VisitTarget::Lead(l) => assert_eq!(logged.lead_id, Some(l)),
        VisitTarget::Account(_) => assert_eq!(logged.lead_id, None),
    }
}

#[test]
fn a_visit_that_plans_later_takes_the_account_off_todays_follow_ups() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "D");
    let row = rows(&app)
        .into_iter()
        .find(|r| r.section == Section::FollowUps)
        .unwrap();
    let at = rows(&app).iter().position(|r| *r == row).unwrap();
    press(&mut app, &"j ".repeat(at));
    // A follow-up with the default next step: two weeks on; the agenda comes back fresh.
    press(&mut app, "v 5 enter");
    assert!(
        rows(&app)
            .iter()
            .all(|r| !(r.section == Section::FollowUps && r.account == row.account))
    );
}

#[test]
fn after_a_visit_or_esc_in_its_form_the_agenda_is_back_at_the_row() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "D j j");
    let third = rows(&app)[2].clone();
    press(&mut app, "v esc");
    let Some(Overlay::Agenda(a)) = app.overlay() else {
        panic!("Esc in the form goes back to the agenda");
    };
    assert_eq!(a.selected, 2);
    press(&mut app, "v 7 enter");
    assert!(
        app.status()
            .text
            .starts_with("logged visit · not-interested"),
        "{}",
        app.status().text
    );
    let Some(Overlay::Agenda(a)) = app.overlay() else {
        panic!("after the visit the agenda is back");
    };
    assert_eq!(a.selected, 2);
    // Not interested plans nothing: the row's follow-up is gone from the fresh agenda.
    if third.section == Section::FollowUps {
        assert!(
            !a.agenda
                .rows
                .iter()
                .any(|r| r.section == Section::FollowUps && r.account == third.account)
        );
    }
}

#[test]
fn enter_in_the_agenda_opens_the_account() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "D");
    let first = rows(&app)[0].account;
    press(&mut app, "enter");
    assert_eq!(app.pane(), Pane::Accounts);
    assert_eq!(app.accounts().opened().unwrap().account.id, first);
}

#[test]
fn the_view_and_wortel_agenda_list_the_same_rows() {
    let (dir, path, mut app) = demo_app();
    let key = |r: &AgendaRow| {
        (
            r.section.name().to_string(),
            r.kind.name().to_string(),
            r.date.to_string(),
            r.account.to_string(),
        )
    };
    press(&mut app, "D");
    let day: Vec<_> = rows(&app).iter().map(key).collect();
    press(&mut app, "w");
    let week: Vec<_> = rows(&app).iter().map(key).collect();
    drop(app);
    let config = dir.path().join("no-config");
    std::fs::create_dir(&config).unwrap();
    let cli = |args: &[&str]| -> Vec<(String, String, String, String)> {
        let out = assert_cmd::Command::cargo_bin("wortel")
            .unwrap()
            .env("WORTEL_NOW", NOW)
            .env("TZ", "Europe/Amsterdam")
            .env("WORTEL_CONFIG", &config)
            .arg("--store")
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        v.iter()
            .map(|r| {
                let f = |k: &str| r[k].as_str().unwrap().to_string();
                (f("section"), f("kind"), f("date"), f("account_id"))
            })
            .collect()
    };
    assert_eq!(cli(&["agenda", "--json"]), day);
    assert_eq!(cli(&["agenda", "--week", "--json"]), week);
}

#[test]
fn the_agenda_at_80x24_and_160x48() {
    let (_d, _p, mut app) = demo_app();
    two_appointments_today(&mut app);
    press(&mut app, "D");
    snap("agenda_day_80x24", &render(&mut app, 80, 24));
    snap("agenda_day_160x48", &render(&mut app, 160, 48));
    press(&mut app, "w");
    snap("agenda_week_80x24", &render(&mut app, 80, 24));
    snap("agenda_week_160x48", &render(&mut app, 160, 48));
}

#[test]
fn an_account_whose_last_visit_planned_nothing_says_so() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "enter v 7 enter");
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("no next step planned"), "{screen}");
}
