//! Every overlay at 80×24 shows all of its choices (issue 17, item 4): help is not cut and
//! scrolls to its last key, pickers widen and scroll ("↓ 3 more"), the lost reasons are all
//! listed; the inbox preview keeps the contact and a snoozed lead's date; a cut account name
//! keeps its city. Each screen is a reviewed snapshot at 80×24 (and 160×48 where it differs).

mod tui_support;
use tui_support::*;
use wortel::domain::{LeadStatus, Stage};
use wortel::tui::overlays::{Overlay, Pick, Picker};

fn snap(name: &str, text: &str) {
    snapshot_settings().bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn help_at_80x24_cuts_no_line_and_scrolls_to_the_last_key() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "?");
    let top = render(&mut app, 80, 24);
    snap("help_80x24", &top);
    assert!(!top.contains('…'), "no help line is cut:\n{top}");
    press(&mut app, "end");
    let bottom = render(&mut app, 80, 24);
    snap("help_end_80x24", &bottom);
    // The overlay section's last binding is the last line of the keymap.
    assert!(bottom.contains("line-end"), "{bottom}");
    assert!(
        bottom.contains("move the cursor to the end of the text"),
        "{bottom}"
    );
}

#[test]
fn the_lost_reasons_picker_on_the_board_at_80x24() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "3");
    // Every period: the demo's quotes do not all close this quarter.
    while app.funnel().period() != Some(wortel::domain::board::Period::All) {
        press(&mut app, "p");
    }
    press(&mut app, "h h h h h h l l g");
    let deal = app.funnel().selected_deal().unwrap().opportunity.clone();
    assert_eq!(deal.stage, Stage::Quote);
    press(&mut app, "x");
    let frame = render(&mut app, 80, 24);
    snap("picker_lost_80x24", &frame);
    let reasons = app.store().reasons().unwrap().lost;
    assert!(reasons.len() >= 7);
    for (i, r) in reasons.iter().enumerate() {
        assert!(frame.contains(&format!("{} {r}", i + 1)), "{r}:\n{frame}");
    }
}

#[test]
fn a_picker_longer_than_the_screen_scrolls_and_says_how_many_more() {
    let (_d, _p, mut app) = demo_app();
    let owners: Vec<Option<String>> = (1..=30).map(|n| Some(format!("Verkoper {n:02}"))).collect();
    let items: Vec<String> = owners.iter().map(|o| o.clone().unwrap()).collect();
    app.open_overlay(Overlay::Picker(Picker::new(
        "Show the deals of",
        items,
        Pick::Owner(owners),
        0,
    )));
    let top = render(&mut app, 80, 24);
    snap("picker_long_80x24", &top);
    // 23 rows above the status bar, less borders, input, blank, "more" and keys: 17 shown.
    assert!(
        top.contains("Verkoper 01") && top.contains("↓ 13 more"),
        "{top}"
    );
    press(&mut app, "end");
    let bottom = render(&mut app, 80, 24);
    assert!(
        bottom.contains("Verkoper 30") && bottom.contains("↑ 13 more"),
        "{bottom}"
    );
    assert!(!bottom.contains("Verkoper 01"), "{bottom}");
}

#[test]
fn the_merge_picker_at_80x24() {
    let (_d, _p, mut app) = demo_app();
    let keep = {
        let index = app.index().ready().unwrap().clone();
        *index
            .duplicates
            .keys()
            .min()
            .expect("the demo has a duplicate")
    };
    app.open_account(keep);
    press(&mut app, "m");
    snap("picker_merge_80x24", &render(&mut app, 80, 24));
}

#[test]
fn a_snoozed_lead_shows_its_date_as_the_list_counts_down_to_it() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "S 4");
    assert_eq!(app.inbox().filters().status, Some(LeadStatus::Snoozed));
    let lead = selected_lead(&app);
    let until = lead.snoozed_until.expect("a snoozed lead has a date");
    let days = (until.as_second() - now().as_second()) / 86_400;
    let date = until.to_zoned(tz()).strftime("%Y-%m-%d %H:%M").to_string();
    for (w, h) in [(80, 24), (160, 48)] {
        let frame = render(&mut app, w, h);
        snap(&format!("inbox_snoozed_{w}x{h}"), &frame);
        let row = frame.lines().nth(2).unwrap();
        assert!(row.contains(&format!("in {days}d")), "the list: {row}");
        assert!(
            frame.contains(&format!("snoozed until {date} (in {days}d)")),
            "the preview:\n{frame}"
        );
        assert!(!frame.contains("respond by"), "{frame}");
        if let Some(c) = lead.contact_id {
            let name = app.store().contact(c).unwrap().unwrap().name;
            assert!(frame.contains(&format!("contact {name}")), "{frame}");
        }
    }
}

#[test]
fn without_a_city_column_a_cut_name_keeps_its_city() {
    let (_d, _p, mut app) = demo_app();
    let frame = render(&mut app, 50, 20);
    snap("inbox_50x20", &frame);
    assert!(
        !frame.lines().nth(1).unwrap().contains("city"),
        "no city column at 50"
    );
    let first = selected_lead(&app);
    let city = app
        .store()
        .account(first.account_id)
        .unwrap()
        .unwrap()
        .address
        .city;
    assert!(frame.lines().nth(2).unwrap().contains(&city), "{frame}");
}

#[test]
fn a_long_question_makes_the_confirmation_taller_never_cut() {
    use wortel::ops::TriageStep;
    use wortel::tui::overlays::{Confirm, Pending};
    let (_d, _p, mut app) = demo_app();
    let names: Vec<String> = (1..=12)
        .map(|n| format!("Wassink Distributie B.V. {n}"))
        .collect();
    let question = format!("Accept the leads of {}? End of question.", names.join(", "));
    app.open_overlay(Overlay::Confirm(Confirm {
        question,
        pending: Pending::Triage(Vec::new(), TriageStep::Accept),
    }));
    let frame = render(&mut app, 80, 24);
    assert!(frame.contains("End of question."), "{frame}");
    assert!(frame.contains("y or enter: yes · n or Esc: no"), "{frame}");
}
