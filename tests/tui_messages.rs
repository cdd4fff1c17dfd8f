//! Status messages (issue 17, item 1): a receipt stays on the status line until another
//! message replaces it, it gets the width it needs (the pane hints and the rest yield, a
//! second line if even the whole width is too little), and `Ctrl-l` shows the message log:
//! the last 100 messages, whole, with their time.

mod tui_support;
use tui_support::*;
use wortel::tui::overlays::Overlay;

fn snap(name: &str, text: &str) {
    snapshot_settings().bind(|| insta::assert_snapshot!(name, text));
}

/// The last `n` rows of a frame (the status bar), top to bottom.
fn bar(frame: &str, n: usize) -> Vec<String> {
    let rows: Vec<&str> = frame.lines().collect();
    rows[rows.len() - n..]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn a_receipt_stays_while_the_user_moves_and_the_log_has_it_with_its_time() {
    let (_d, _p, mut app) = demo_app();
    let name = selected_lead(&app).external_id.unwrap();
    press(&mut app, "a");
    let receipt = app.status().text.clone();
    assert!(
        receipt.starts_with(&format!("accepted {name}")),
        "{receipt}"
    );
    press(&mut app, "j j k 2 1");
    assert_eq!(
        app.status().text,
        receipt,
        "moving does not wipe the receipt"
    );
    press(&mut app, "ctrl-l");
    let Some(Overlay::Messages(log)) = app.overlay() else {
        panic!("ctrl-l opens the message log");
    };
    assert_eq!(log.rows[0].text, receipt);
    assert_eq!(
        log.rows[0].time, "10:00:00",
        "09:00 UTC is 10:00 in Amsterdam"
    );
    assert_eq!(log.rows.last().unwrap().text, "press ? for help");
}

#[test]
fn the_log_keeps_the_last_hundred_messages_newest_first() {
    let (_d, _p, mut app) = demo_app();
    // 130 messages: each unbound key says so, and a mark/unmark pair in between.
    for i in 0..130 {
        let key = if i % 2 == 0 { "z" } else { "Z" };
        press(&mut app, key);
    }
    press(&mut app, "M");
    press(&mut app, "ctrl-l");
    let Some(Overlay::Messages(log)) = app.overlay() else {
        panic!("ctrl-l opens the message log");
    };
    assert_eq!(log.rows.len(), 100);
    assert_eq!(log.rows[0].text, "unmarked 0");
    assert!(log.rows[1].text.starts_with("Z does nothing here"));
    assert!(log.rows[2].text.starts_with("z does nothing here"));
    assert!(
        log.rows.iter().all(|r| r.text != "press ? for help"),
        "the oldest messages are gone"
    );
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
}

#[test]
fn at_80_columns_a_receipt_is_whole_and_the_pane_hints_give_way() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "a");
    let receipt = app.status().text.clone();
    assert!(
        receipt.chars().count() > 56,
        "longer than the old room: {receipt}"
    );
    let frame = render(&mut app, 80, 24);
    let last = bar(&frame, 1).remove(0);
    assert!(last.starts_with(&receipt), "{frame}");
    assert!(!last.contains("1 Inbox"), "the hints yield: {last}");
    snap("status_receipt_80x24", &frame);
    // At 120 columns there is room for the hints too.
    let wide = render(&mut app, 120, 30);
    let last = bar(&wide, 1).remove(0);
    assert!(
        last.starts_with(&receipt) && last.contains("1 Inbox 2 Accounts 3 Funnel"),
        "{last}"
    );
}

#[test]
fn a_message_longer_than_the_screen_takes_a_second_line() {
    let (dir, _p, mut app) = demo_app();
    let missing = dir
        .path()
        .join("a-folder-with-a-long-name-for-the-bundles")
        .join("hq-leads-2026-week-48.zip");
    // As a handler reports a file it could not read (the message is built the same way).
    let long = format!(
        "could not read {}: no such file or directory",
        missing.display()
    );
    assert!(long.chars().count() > 80);
    app.error(&long);
    let frame = render(&mut app, 80, 24);
    let rows = bar(&frame, 2);
    assert_eq!(
        rows[0].chars().count(),
        80,
        "the first line is used to its end: {frame}"
    );
    let shown = format!("{}{}", rows[0], rows[1]);
    assert!(shown.starts_with(&long), "{frame}");
    assert!(rows[1].ends_with("│ DEMO · Demo Verkoper"), "{frame}");
    // The panes lose a row to it; the log has it whole.
    assert!(frame.lines().nth(21).unwrap().starts_with('└'), "{frame}");
    press(&mut app, "ctrl-l");
    let Some(Overlay::Messages(log)) = app.overlay() else {
        panic!("ctrl-l opens the message log");
    };
    assert_eq!(log.rows[0].text, long);
}

#[test]
fn the_message_log_at_80x24_and_160x48() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "a j s");
    type_text(&mut app, "+3d");
    press(&mut app, "enter j z");
    press(&mut app, "ctrl-l");
    snap("message_log_80x24", &render(&mut app, 80, 24));
    snap("message_log_160x48", &render(&mut app, 160, 48));
    // It scrolls: Down shows from the second message on.
    press(&mut app, "down");
    let frame = render(&mut app, 80, 24);
    assert!(frame.contains("2 of 4"), "{frame}");
}

#[test]
fn a_huge_message_or_a_tiny_terminal_breaks_nothing() {
    let (_d, _p, mut app) = demo_app();
    let huge = "Wassink\u{1b}[31m Distributie ".repeat(500);
    app.error(&huge);
    assert!(
        !app.status().text.contains('\u{1b}'),
        "no escape reaches the screen"
    );
    let frame = render(&mut app, 80, 24);
    let rows = bar(&frame, 2);
    assert!(
        rows[1].contains('…'),
        "two lines at most, then cut: {frame}"
    );
    assert!(frame.lines().nth(21).unwrap().starts_with('└'), "{frame}");
    for (w, h) in [(30, 8), (12, 5), (80, 4)] {
        for keys in ["", "ctrl-l", "?", "S"] {
            press(&mut app, keys);
            let _ = render(&mut app, w, h);
            press(&mut app, "esc");
        }
    }
    press(&mut app, "ctrl-l");
    let Some(Overlay::Messages(log)) = app.overlay() else {
        panic!("ctrl-l opens the message log");
    };
    assert_eq!(
        log.rows[0].text.chars().count(),
        app.status().text.chars().count()
    );
}

#[test]
fn a_key_pressed_again_and_again_is_one_log_row_with_a_count() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "z z z ctrl-l");
    let Some(Overlay::Messages(log)) = app.overlay() else {
        panic!("ctrl-l opens the message log");
    };
    assert_eq!(log.rows.len(), 2, "{:?}", log.rows);
    assert!(
        log.rows[0].text.starts_with("z does nothing here") && log.rows[0].text.ends_with(" (×3)"),
        "{:?}",
        log.rows[0]
    );
}
