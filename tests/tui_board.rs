//! The funnel board on a store of deals written by this test: the header's figures are
//! recomputed from the script below (not read back from the store), the columns agree with
//! them, winning a deal moves value from the forecast to "won", the cursor stays in its
//! column after `w`/`x`, and a column too long for the screen says how many cards it hides.

mod tui_support;
use jiff::Timestamp;
use tui_support::*;
use wortel::domain::board::Period;
use wortel::domain::{Account, AccountId, Cents, Lifecycle, Opportunity, OpportunityId, Stage};
use wortel::store::{Store, WriteSet};
use wortel::tui::app::App;

/// One scripted deal: account, stage, euros, expected close, when it entered its stage.
struct Scripted {
    account: &'static str,
    stage: Stage,
    euros: i64,
    close: Option<&'static str>,
    entered: &'static str,
}

const fn deal(
    account: &'static str,
    stage: Stage,
    euros: i64,
    close: Option<&'static str>,
    entered: &'static str,
) -> Scripted {
    Scripted {
        account,
        stage,
        euros,
        close,
        entered,
    }
}

/// Today is Monday 23 November 2026 (tui_support's clock): the board opens on 2026-Q4.
const SCRIPT: [Scripted; 13] = [
    deal(
        "Transport Alfa",
        Stage::Quote,
        60_000,
        Some("2026-12-04"),
        "2026-11-02T10:00:00Z",
    ),
    deal(
        "Transport Bravo",
        Stage::Quote,
        50_000,
        Some("2026-12-11"),
        "2026-11-03T10:00:00Z",
    ),
    deal(
        "Transport Charlie",
        Stage::Quote,
        40_000,
        Some("2026-12-18"),
        "2026-11-04T10:00:00Z",
    ),
    deal(
        "Transport Delta",
        Stage::Quote,
        30_000,
        Some("2026-11-30"),
        "2026-11-05T10:00:00Z",
    ),
    deal(
        "Transport Echo",
        Stage::Quote,
        20_000,
        Some("2026-12-01"),
        "2026-11-06T10:00:00Z",
    ),
    deal(
        "Transport Foxtrot",
        Stage::Quote,
        10_000,
        Some("2026-12-02"),
        "2026-11-09T10:00:00Z",
    ),
    // Undated, and without a value: both count now.
    deal(
        "Bouw Golf",
        Stage::Qualify,
        20_000,
        None,
        "2026-11-16T10:00:00Z",
    ),
    deal(
        "Bouw Hotel",
        Stage::Qualify,
        0,
        Some("2026-12-01"),
        "2026-11-16T10:00:00Z",
    ),
    // Expected in October, still open: counts now too.
    deal(
        "Bouw India",
        Stage::Appointment,
        40_000,
        Some("2026-10-05"),
        "2026-09-20T10:00:00Z",
    ),
    // Expected next year: not in 2026-Q4.
    deal(
        "Bouw Juliet",
        Stage::Negotiation,
        90_000,
        Some("2027-01-10"),
        "2026-11-10T10:00:00Z",
    ),
    deal(
        "Bouw Kilo",
        Stage::Won,
        50_000,
        None,
        "2026-11-10T10:00:00Z",
    ),
    deal(
        "Bouw Lima",
        Stage::Won,
        30_000,
        None,
        "2026-11-17T10:00:00Z",
    ),
    // Won in September: not in 2026-Q4.
    deal(
        "Bouw Mike",
        Stage::Won,
        70_000,
        None,
        "2026-09-15T10:00:00Z",
    ),
];

/// A store holding the script's deals, each on its own account.
fn scripted_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("store");
    let store = Store::open_or_create(&path).unwrap();
    let mut ws = WriteSet::new();
    for d in &SCRIPT {
        let at: Timestamp = d.entered.parse().unwrap();
        let account = Account::new(AccountId::generate(at), d.account, Lifecycle::Prospect, at);
        let mut o = Opportunity::new(
            OpportunityId::generate(at),
            account.id,
            "R 450 tractor",
            Cents::euros(d.euros),
            d.stage,
            at,
        );
        o.expected_close = d.close.map(|c| c.parse().unwrap());
        ws.put(account);
        ws.put(o);
    }
    store.commit(&ws, now()).unwrap();
    drop(store);
    (dir, path)
}

/// Whether a scripted deal is in 2026-Q4 as the header counts it: open ones by their
/// expected close (undated or past: today), closed ones by the day they closed.
fn in_q4(d: &Scripted) -> bool {
    let q4 = |day: &str| ("2026-10-01"..="2026-12-31").contains(&day);
    if d.stage.is_open() {
        q4(d.close.map_or("2026-11-23", |c| c.max("2026-11-23")))
    } else {
        q4(&d.entered[..10])
    }
}

/// The header's lines, recomputed from `script`.
fn expected_header(script: &[&Scripted]) -> [String; 3] {
    let open: Vec<&&Scripted> = script
        .iter()
        .filter(|d| d.stage.is_open() && in_q4(d))
        .collect();
    let weighted: i64 = open
        .iter()
        .map(|d| Cents::euros(d.euros).percent(d.stage.probability()).0)
        .sum();
    let without_value = open.iter().filter(|d| d.euros == 0).count();
    let undated = open.iter().filter(|d| d.close.is_none()).count();
    let past = open
        .iter()
        .filter(|d| d.close.is_some_and(|c| c < "2026-11-23"))
        .count();
    let won: Vec<&&Scripted> = script
        .iter()
        .filter(|d| d.stage == Stage::Won && in_q4(d))
        .collect();
    let won_value: i64 = won.iter().map(|d| d.euros * 100).sum();
    [
        format!(
            "open deals closing in 2026-Q4: weighted {}, {} deals, {without_value} without value",
            Cents(weighted),
            open.len()
        ),
        format!("{undated} without close date and {past} past it: counted as closing now"),
        format!(
            "won in 2026-Q4: {} from {} deals",
            Cents(won_value),
            won.len()
        ),
    ]
}

/// The frame's lines inside the board's border.
fn framed_lines(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| {
            let inner = l.trim_start_matches('│').trim_end_matches('│');
            inner.trim_end().to_string()
        })
        .collect()
}

fn board(path: &std::path::Path) -> App {
    let mut app = app_on(path);
    press(&mut app, "3");
    assert_eq!(
        app.funnel().period(),
        Some(Period::parse("2026-Q4").unwrap())
    );
    app
}

/// The quote column (the third) focused, on row `row`.
fn on_quote_row(app: &mut App, row: usize) {
    press(app, "h h h h h h l l g");
    for _ in 0..row {
        press(app, "j");
    }
}

#[test]
fn the_header_says_what_the_script_adds_up_to_and_the_columns_agree() {
    let (_d, path) = scripted_store();
    let mut app = board(&path);
    let screen = render(&mut app, 80, 24);
    let lines = framed_lines(&screen);
    let script: Vec<&Scripted> = SCRIPT.iter().collect();
    let expected = expected_header(&script);
    assert_eq!(lines[1], expected[0], "{screen}");
    assert_eq!(lines[2], expected[1], "{screen}");
    assert!(lines[3].starts_with(&expected[2]), "{screen}");
    // Every open deal of 2026-Q4 is in a column, and no other.
    let shown: usize = (0..4).map(|c| app.funnel().column_len(c)).sum();
    let open_q4 = SCRIPT
        .iter()
        .filter(|d| d.stage.is_open() && in_q4(d))
        .count();
    assert_eq!(shown, open_q4);
    assert!(
        !screen.contains("Bouw Juliet"),
        "expected in 2027: {screen}"
    );
    // The CLI, without --period, says the same.
    drop(app);
    let out = assert_cmd::Command::cargo_bin("wortel")
        .unwrap()
        .env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .arg("--store")
        .arg(&path)
        .arg("funnel")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains(&format!("forecast, {}", expected[0])),
        "{text}"
    );
    assert!(text.contains(&expected[2]), "{text}");
}

#[test]
fn winning_a_deal_moves_its_value_from_the_forecast_to_won_and_the_cursor_stays() {
    let (_d, path) = scripted_store();
    let mut app = board(&path);
    // Quote column, second card: Transport Bravo (50k); the next is Transport Charlie.
    on_quote_row(&mut app, 1);
    let next = app.funnel().deal_at(2, 2).unwrap().opportunity.id;
    press(&mut app, "w enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    assert_eq!(
        app.funnel().column(),
        2,
        "the cursor stays in the quote column"
    );
    assert_eq!(app.funnel().selected_in(2), 1);
    assert_eq!(app.funnel().selected_deal().unwrap().opportunity.id, next);
    let mut script: Vec<&Scripted> = SCRIPT.iter().collect();
    script.retain(|d| d.account != "Transport Bravo");
    let won_now = deal(
        "Transport Bravo",
        Stage::Won,
        50_000,
        None,
        "2026-11-23T09:00:00Z",
    );
    script.push(&won_now);
    let lines = framed_lines(&render(&mut app, 80, 24));
    let expected = expected_header(&script);
    assert_eq!(lines[1], expected[0]);
    assert!(lines[3].starts_with(&expected[2]), "{}", lines[3]);
    // The last card lost: the cursor goes to the one before it, still in the column.
    press(&mut app, "G");
    let last = app.funnel().selected_in(2);
    let before = app.funnel().deal_at(2, last - 1).unwrap().opportunity.id;
    press(&mut app, "x 1");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    assert_eq!(
        (app.funnel().column(), app.funnel().selected_in(2)),
        (2, last - 1)
    );
    assert_eq!(app.funnel().selected_deal().unwrap().opportunity.id, before);
}

#[test]
fn a_column_too_long_for_the_screen_says_how_many_cards_are_above_and_below() {
    let (_d, path) = scripted_store();
    let mut app = board(&path);
    on_quote_row(&mut app, 0);
    let top = render(&mut app, 80, 24);
    // Six quotes, three fit at 80×24.
    assert!(top.contains("↓ 3 more"), "{top}");
    assert!(!top.contains("↑"), "{top}");
    snapshot_settings().bind(|| insta::assert_snapshot!("board_scripted_80x24", top));
    press(&mut app, "G");
    let bottom = render(&mut app, 80, 24);
    assert!(bottom.contains("↑ 3 more"), "{bottom}");
    assert!(!bottom.contains("↓"), "{bottom}");
    // Back to the top, then down to the fourth: the window follows one card at a time.
    press(&mut app, "g");
    render(&mut app, 80, 24);
    press(&mut app, "j j j");
    let middle = render(&mut app, 80, 24);
    assert!(
        middle.contains("↑ 1 more") && middle.contains("↓ 2 more"),
        "{middle}"
    );
    let wide = render(&mut app, 160, 48);
    assert!(!wide.contains("more"), "all fit at 160×48: {wide}");
    snapshot_settings().bind(|| insta::assert_snapshot!("board_scripted_160x48", wide));
}

#[test]
fn emptying_the_value_and_close_date_in_the_deal_form_clears_them() {
    let (_d, path) = scripted_store();
    let mut app = board(&path);
    on_quote_row(&mut app, 0);
    let alfa = app.funnel().selected_deal().unwrap().opportunity.clone();
    assert_eq!(alfa.value, Cents::euros(60_000));
    // Title, product, quantity, then the value; the expected close after it.
    press(&mut app, "e tab tab tab ctrl-u tab ctrl-u enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    assert!(
        app.status().text.contains("value € 60.000,00 → no value"),
        "{}",
        app.status().text
    );
    let o = app.store().opportunity(alfa.id).unwrap().unwrap();
    assert_eq!((o.value, o.expected_close), (Cents(0), None));
    // The header counts it as the script now says: no value, no close date.
    let mut script: Vec<&Scripted> = SCRIPT.iter().collect();
    script.retain(|d| d.account != "Transport Alfa");
    let cleared = deal(
        "Transport Alfa",
        Stage::Quote,
        0,
        None,
        "2026-11-02T10:00:00Z",
    );
    script.push(&cleared);
    let screen = render(&mut app, 160, 48);
    let expected = expected_header(&script);
    assert!(screen.contains(&expected[0]), "{screen}");
    assert!(
        screen.contains("2 without close date and 1 past it, counted now"),
        "{screen}"
    );
}

#[test]
fn choosing_a_close_month_makes_it_the_period_so_the_header_still_says_what_it_sums() {
    let (_d, path) = scripted_store();
    let mut app = board(&path);
    // The months open deals are expected in: 2026-10, 2026-11, 2026-12, 2027-01.
    for (key, month) in [("3", "2026-12"), ("4", "2027-01")] {
        press(&mut app, &format!("E {key}"));
        assert_eq!(app.funnel().period().unwrap().to_string(), month);
        let open: Vec<&Scripted> = SCRIPT
            .iter()
            .filter(|d| d.stage.is_open() && d.close.is_some_and(|c| c.starts_with(month)))
            .collect();
        let weighted: Cents = open
            .iter()
            .map(|d| Cents::euros(d.euros).percent(d.stage.probability()))
            .sum();
        let without_value = open.iter().filter(|d| d.euros == 0).count();
        let deals = match open.len() {
            1 => "1 deal".to_string(),
            n => format!("{n} deals"),
        };
        let expected = format!(
            "open deals closing in {month}: weighted {weighted}, {deals}, {without_value} without value"
        );
        let lines = framed_lines(&render(&mut app, 160, 48));
        assert_eq!(lines[1], expected);
        let shown: usize = (0..4).map(|c| app.funnel().column_len(c)).sum();
        assert_eq!(shown, open.len(), "{month}");
    }
}

#[test]
fn a_years_won_line_keeps_its_full_amount_and_shows_its_weeks_where_they_fit() {
    let (_d, path) = scripted_store();
    let mut app = board(&path);
    press(&mut app, "p");
    assert_eq!(app.funnel().period().unwrap().to_string(), "2026");
    let won: Vec<&Scripted> = SCRIPT
        .iter()
        .filter(|d| d.stage == Stage::Won && d.entered.starts_with("2026"))
        .collect();
    let value: Cents = won.iter().map(|d| Cents::euros(d.euros)).sum();
    let line = format!("won in 2026: {value} from {} deals", won.len());
    let small = render(&mut app, 80, 24);
    assert!(small.contains(&line), "{small}");
    assert!(!small.contains("· weekly"), "53 weeks do not fit: {small}");
    let wide = render(&mut app, 160, 48);
    assert!(wide.contains(&format!("{line} · weekly ")), "{wide}");
    drop(app);
    // `wortel funnel --close MONTH` counts for that month, as `E` on the board.
    let out = assert_cmd::Command::cargo_bin("wortel")
        .unwrap()
        .env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .arg("--store")
        .arg(&path)
        .args(["funnel", "--close", "2027-01"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let january: Cents = SCRIPT
        .iter()
        .filter(|d| d.stage.is_open() && d.close.is_some_and(|c| c.starts_with("2027-01")))
        .map(|d| Cents::euros(d.euros).percent(d.stage.probability()))
        .sum();
    let expected = format!("forecast, open deals closing in 2027-01: weighted {january}, 1 deal,");
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn the_board_and_b_render_at_every_size_without_panicking() {
    let (_d, path) = scripted_store();
    let mut app = board(&path);
    for (w, h) in [
        (1, 1),
        (10, 3),
        (20, 6),
        (30, 7),
        (40, 10),
        (80, 24),
        (250, 80),
    ] {
        render(&mut app, w, h);
        press(&mut app, "p");
        render(&mut app, w, h);
        press(&mut app, "B");
        render(&mut app, w, h);
        press(&mut app, "G");
        render(&mut app, w, h);
        press(&mut app, "esc");
    }
}
