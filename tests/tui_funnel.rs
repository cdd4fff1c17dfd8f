//! The funnel board by keys through the default keymap: every move, including the illegal
//! ones (a message, nothing changed), won with its value, lost with a reason, period and
//! filters — and `wortel funnel --json --totals` agreeing with the board on the same store.

mod tui_support;
use tui_support::*;
use wortel::domain::{Cents, Stage};
use wortel::store::{ChangeOp, Store};
use wortel::tui::app::{App, Pane};
use wortel::tui::overlays::Overlay;

/// The board of all periods with the cursor on the first card of `stage`.
fn on_stage(app: &mut App, stage: Stage) -> wortel::domain::Opportunity {
    press(app, "3");
    assert_eq!(app.pane(), Pane::Funnel);
    while app.funnel().period() != Some(wortel::domain::board::Period::All) {
        press(app, "p");
    }
    press(app, "h h h h h h");
    let col = Stage::ALL.iter().position(|s| *s == stage).unwrap();
    for _ in 0..col {
        press(app, "l");
    }
    press(app, "g");
    app.funnel()
        .selected_deal()
        .unwrap_or_else(|| panic!("the demo has a {stage} deal"))
        .opportunity
        .clone()
}

#[test]
fn l_and_h_move_a_deal_a_stage_on_and_back_and_the_log_says_when() {
    let (_d, path, mut app) = demo_app();
    let deal = on_stage(&mut app, Stage::Quote);
    let seq = app.store().last_seq().unwrap();
    press(&mut app, "L");
    assert!(
        app.status().text.starts_with("moved"),
        "{}",
        app.status().text
    );
    assert_eq!(
        app.funnel().selected_deal().unwrap().opportunity.id,
        deal.id,
        "the cursor follows"
    );
    assert_eq!(app.funnel().column(), 3);
    let changes: Vec<_> = app.store().changes_since(seq).map(|c| c.unwrap()).collect();
    assert!(changes.iter().any(|c| matches!(
        c.op,
        ChangeOp::Stage {
            from: Stage::Quote,
            to: Stage::Negotiation,
            ..
        }
    )));
    press(&mut app, "H");
    drop(app);
    let o = Store::open(&path)
        .unwrap()
        .opportunity(deal.id)
        .unwrap()
        .unwrap();
    assert_eq!(o.stage, Stage::Quote);
    assert_eq!(o.stage_entered_at, now(), "it entered the stage when moved");
}

#[test]
fn moving_past_the_ends_is_refused_and_changes_nothing() {
    let (_d, _p, mut app) = demo_app();
    let deal = on_stage(&mut app, Stage::Negotiation);
    let seq = app.store().last_seq().unwrap();
    press(&mut app, "L");
    assert!(
        app.status().text.contains("mark it won or lost instead"),
        "{}",
        app.status().text
    );
    on_stage(&mut app, Stage::Qualify);
    press(&mut app, "H");
    assert!(
        app.status().text.contains("first stage already"),
        "{}",
        app.status().text
    );
    let won = on_stage(&mut app, Stage::Won);
    for keys in ["L", "H"] {
        press(&mut app, keys);
        assert!(
            app.status().text.contains("a closed deal does not move"),
            "{}",
            app.status().text
        );
    }
    press(&mut app, "w");
    assert!(
        app.status().text.contains("cannot be won again"),
        "{}",
        app.status().text
    );
    press(&mut app, "x");
    assert!(
        app.status().text.contains("cannot be lost again"),
        "{}",
        app.status().text
    );
    assert!(app.overlay().is_none());
    assert_eq!(app.store().last_seq().unwrap(), seq, "nothing was written");
    assert_eq!(
        app.store().opportunity(deal.id).unwrap().unwrap().stage,
        Stage::Negotiation
    );
    assert_eq!(
        app.store().opportunity(won.id).unwrap().unwrap().stage,
        Stage::Won
    );
}

#[test]
fn quote_to_won_with_its_value_in_three_keys_and_the_forecast_follows_at_once() {
    let (_d, path, mut app) = demo_app();
    // All time, so the forecast counts every open deal.
    press(&mut app, "3 p p");
    assert_eq!(
        app.funnel().period(),
        Some(wortel::domain::board::Period::All)
    );
    let deal = on_stage(&mut app, Stage::Quote);
    let before = app.funnel().summary().cloned().unwrap().forecast;
    press(&mut app, "w");
    assert!(matches!(app.overlay(), Some(Overlay::Form(_))));
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    let after = app.funnel().summary().cloned().unwrap().forecast;
    assert_eq!(
        after,
        Cents(before.0 - deal.weighted_value().0),
        "the forecast drops by its weight"
    );
    drop(app);
    let o = Store::open(&path)
        .unwrap()
        .opportunity(deal.id)
        .unwrap()
        .unwrap();
    assert_eq!(o.stage, Stage::Won);
    assert_eq!(o.value, deal.value, "the prefilled value");
}

#[test]
fn won_takes_a_typed_final_value_and_refuses_nonsense() {
    let (_d, path, mut app) = demo_app();
    let deal = on_stage(&mut app, Stage::Negotiation);
    press(&mut app, "w ctrl-u");
    type_text(&mut app, "veel");
    press(&mut app, "enter");
    match app.overlay() {
        Some(Overlay::Form(f)) => assert!(f.error.as_deref().unwrap().contains("veel")),
        _ => panic!("the form stays open"),
    }
    for zero in ["", "0", "0,00"] {
        press(&mut app, "ctrl-u");
        type_text(&mut app, zero);
        press(&mut app, "enter");
        match app.overlay() {
            Some(Overlay::Form(f)) => assert!(
                f.error.as_deref().unwrap().contains("order"),
                "{zero:?}: {:?}",
                f.error
            ),
            _ => panic!("{zero:?} does not win the order"),
        }
    }
    press(&mut app, "ctrl-u");
    type_text(&mut app, "95.000");
    press(&mut app, "enter");
    drop(app);
    let o = Store::open(&path)
        .unwrap()
        .opportunity(deal.id)
        .unwrap()
        .unwrap();
    assert_eq!((o.stage, o.value), (Stage::Won, Cents::euros(95_000)));
}

#[test]
fn lost_asks_for_a_reason() {
    let (_d, path, mut app) = demo_app();
    let deal = on_stage(&mut app, Stage::Appointment);
    press(&mut app, "x 1");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    drop(app);
    let o = Store::open(&path)
        .unwrap()
        .opportunity(deal.id)
        .unwrap()
        .unwrap();
    assert_eq!(o.stage, Stage::Lost);
    assert_eq!(o.lost_reason.as_deref(), Some("price"));
}

#[test]
fn enter_opens_the_account_and_v_logs_on_the_deal() {
    let (_d, _p, mut app) = demo_app();
    let deal = on_stage(&mut app, Stage::Qualify);
    press(&mut app, "v 2 enter");
    assert_eq!(
        app.store().opportunity(deal.id).unwrap().unwrap().stage,
        Stage::Quote
    );
    press(&mut app, "enter");
    assert_eq!(app.pane(), Pane::Accounts);
    assert_eq!(app.accounts().opened().unwrap().account.id, deal.account_id);
}

#[test]
fn periods_and_filters_narrow_the_board() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "3");
    let month = app.funnel().period().unwrap();
    press(&mut app, "[");
    assert_eq!(app.funnel().period().unwrap(), month.step(-1));
    press(&mut app, "] ]");
    assert_eq!(app.funnel().period().unwrap(), month.step(1));
    press(&mut app, "S 1");
    assert_eq!(
        app.funnel().filter().source,
        Some(wortel::domain::board::DealSource::HeadOffice)
    );
    for c in 0..6 {
        for i in 0..app.funnel().column_len(c) {
            assert_eq!(
                app.funnel().deal_at(c, i).unwrap().source,
                wortel::domain::board::DealSource::HeadOffice
            );
        }
    }
    press(&mut app, "O 1");
    let owner = app.funnel().filter().owner.clone().unwrap();
    for c in 0..6 {
        for i in 0..app.funnel().column_len(c) {
            assert_eq!(app.funnel().deal_at(c, i).unwrap().opportunity.owner, owner);
        }
    }
    press(&mut app, "F");
    assert_eq!(app.funnel().filter(), &Default::default());
}

#[test]
fn the_cli_and_the_board_agree_on_the_same_store() {
    let (_d, path, mut app) = demo_app();
    press(&mut app, "3 S 1");
    let board = app.funnel().summary().cloned().unwrap();
    let period = app.funnel().period().unwrap().to_string();
    let screen = render(&mut app, 200, 50);
    assert!(screen.contains(&board.headline(&period)), "{screen}");
    drop(app);
    let out = assert_cmd::Command::cargo_bin("wortel")
        .unwrap()
        .env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .args(["--store"])
        .arg(&path)
        .args([
            "funnel",
            "--json",
            "--totals",
            "--period",
            &period,
            "--source",
            "head-office",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cli, serde_json::to_value(&board).unwrap());
}

#[test]
fn the_board_header_says_exactly_what_its_forecast_sums() {
    let (_d, path) = demo_store(200);
    let mut app = app_on(&path);
    press(&mut app, "3");
    let board = app.funnel().summary().cloned().unwrap();
    let screen = render(&mut app, 80, 24);
    let line = screen.lines().nth(1).unwrap_or_default();
    assert!(
        line.contains("open deals closing in 2026-Q4: weighted €"),
        "{screen}"
    );
    assert!(
        line.contains(&format!(
            "{} deals, {} without value",
            board.forecast_deals, board.forecast_without_value
        )),
        "{screen}"
    );
    assert!(
        !screen.contains("forecast €"),
        "the old, unexplained title: {screen}"
    );
}

#[test]
fn e_on_a_card_edits_the_deal_undoably_and_refuses_a_bad_quantity() {
    let (_d, path, mut app) = demo_app();
    let deal = on_stage(&mut app, Stage::Quote);
    press(&mut app, "e");
    match app.overlay() {
        Some(Overlay::Form(f)) => {
            assert_eq!(f.text("title"), deal.title);
            assert_eq!(f.text("value"), deal.value.to_string());
        }
        _ => panic!("e opens the deal form"),
    }
    press(&mut app, "tab tab");
    type_text(&mut app, "veel");
    press(&mut app, "enter");
    match app.overlay() {
        Some(Overlay::Form(f)) => {
            assert!(
                f.error.as_deref().unwrap().contains("veel"),
                "{:?}",
                f.error
            );
            assert_eq!(f.fields[f.focus].label, "quantity");
        }
        _ => panic!("the form stays open"),
    }
    press(&mut app, "ctrl-u");
    type_text(&mut app, "2");
    press(&mut app, "tab");
    type_text(&mut app, "120.000");
    press(&mut app, "tab tab");
    type_text(&mut app, "2026-12-04");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    assert!(app.status().text.contains("value"), "{}", app.status().text);
    let o = app.store().opportunity(deal.id).unwrap().unwrap();
    assert_eq!(o.value, Cents::euros(120_000));
    assert_eq!(o.details.quantity, 2);
    assert_eq!(o.details.next_step.unwrap().to_string(), "2026-12-04");
    press(&mut app, "u");
    drop(app);
    let o = Store::open(&path)
        .unwrap()
        .opportunity(deal.id)
        .unwrap()
        .unwrap();
    assert_eq!(
        (o.value, o.details.quantity),
        (deal.value, deal.details.quantity)
    );
}

#[test]
fn a_deal_converted_without_an_estimate_shows_no_value_on_its_card() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "c enter");
    assert!(
        app.status().text.contains("no value yet"),
        "{}",
        app.status().text
    );
    press(&mut app, "3");
    let screen = render(&mut app, 200, 50);
    let card = screen
        .lines()
        .flat_map(|l| l.split('│'))
        .find(|cell| cell.contains("no value"))
        .unwrap_or_default();
    assert!(!card.is_empty() && !card.contains('€'), "{screen}");
    // It has no close date either: it counts in the current quarter, and the header says so.
    assert!(
        screen.contains("1 without close date, counted now"),
        "{screen}"
    );
}
