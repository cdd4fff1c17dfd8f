//! Back and forward through the places a user went (issue 17, item 2): Esc, Backspace, `h`
//! and `Ctrl-o` return to where the user came from with the row and filters as they were;
//! Tab (which a terminal sends for `Ctrl-i`) goes forward again, or to the next pane.

mod tui_support;
use tui_support::*;
use wortel::tui::app::Pane;

/// The inbox filtered to overdue leads, on its third row: the place the tests leave.
fn overdue_inbox_on_third_row() -> (tempfile::TempDir, std::path::PathBuf, wortel::tui::app::App) {
    let (d, p, mut app) = demo_app();
    press(&mut app, "o j j");
    assert!(app.inbox().filters().overdue_only);
    assert_eq!(app.inbox().selected(), 2);
    (d, p, app)
}

#[test]
fn each_back_key_returns_from_the_account_to_the_same_inbox_row_and_filter() {
    for key in ["esc", "backspace", "h", "ctrl-o"] {
        let (_d, _p, mut app) = overdue_inbox_on_third_row();
        let lead = app.inbox().selected_id().unwrap();
        let account = selected_lead(&app).account_id;
        press(&mut app, "enter");
        assert_eq!(app.pane(), Pane::Accounts, "{key}");
        assert_eq!(app.accounts().opened().unwrap().account.id, account);
        press(&mut app, key);
        assert_eq!(app.pane(), Pane::Inbox, "{key} goes back to the inbox");
        assert_eq!(app.inbox().selected_id(), Some(lead), "{key}: the same row");
        assert!(app.inbox().filters().overdue_only, "{key}: the same filter");
        assert!(
            !app.status().text.contains("does nothing"),
            "{key}: {}",
            app.status().text
        );
    }
}

#[test]
fn tab_goes_forward_after_back_and_to_the_next_pane_with_nothing_ahead() {
    let (_d, _p, mut app) = overdue_inbox_on_third_row();
    let account = selected_lead(&app).account_id;
    press(&mut app, "enter 3");
    assert_eq!(app.pane(), Pane::Funnel);
    // Back twice: the account, then the inbox.
    press(&mut app, "ctrl-o");
    assert_eq!(app.pane(), Pane::Accounts);
    assert_eq!(app.accounts().opened().unwrap().account.id, account);
    press(&mut app, "ctrl-o");
    assert_eq!(app.pane(), Pane::Inbox);
    // Forward twice: the account, then the funnel; then nothing ahead, so the next pane.
    press(&mut app, "tab");
    assert_eq!(app.accounts().opened().unwrap().account.id, account);
    assert_eq!(app.pane(), Pane::Accounts);
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Funnel);
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Inbox, "the next pane after the funnel");
    assert!(
        app.inbox().filters().overdue_only,
        "the inbox kept its filter"
    );
}

#[test]
fn going_somewhere_new_after_back_drops_the_way_forward() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "enter esc 3");
    assert_eq!(app.pane(), Pane::Funnel);
    press(&mut app, "tab");
    assert_eq!(
        app.pane(),
        Pane::Inbox,
        "Tab is the next pane again, not the account"
    );
    press(&mut app, "esc");
    assert_eq!(
        app.pane(),
        Pane::Funnel,
        "back from the inbox is the funnel it came from"
    );
}

#[test]
fn back_to_the_account_list_keeps_its_query_and_row() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "2 /");
    type_text(&mut app, "transport");
    press(&mut app, "enter j");
    let listed = app.accounts().len();
    let row = app.accounts().selected();
    assert!(listed > 2 && row == 1, "{listed} {row}");
    press(&mut app, "enter");
    assert!(app.accounts().opened().is_some());
    press(&mut app, "esc");
    assert!(app.accounts().opened().is_none());
    assert_eq!(app.accounts().query(), "transport");
    assert_eq!(
        (app.accounts().len(), app.accounts().selected()),
        (listed, row)
    );
}

#[test]
fn a_lead_from_the_palette_and_back_restores_the_filters_it_widened() {
    let (_d, _p, mut app) = overdue_inbox_on_third_row();
    let lead = app.inbox().selected_id().unwrap();
    // A lead that is not overdue: the palette jump drops the overdue filter to show it.
    let other = app
        .store()
        .all_leads()
        .map(|l| l.unwrap())
        .find(|l| l.status.is_open() && !l.is_overdue(now()))
        .unwrap();
    press(&mut app, ":");
    type_text(
        &mut app,
        &format!("#{}", other.external_id.clone().unwrap()),
    );
    press(&mut app, "enter");
    assert_eq!(app.inbox().selected_id(), Some(other.id));
    assert!(!app.inbox().filters().overdue_only);
    press(&mut app, "esc");
    assert!(
        app.inbox().filters().overdue_only,
        "the overdue filter is back"
    );
    assert_eq!(app.inbox().selected_id(), Some(lead));
}

#[test]
fn esc_with_nowhere_to_go_back_changes_nothing_and_says_nothing() {
    let (_d, _p, mut app) = demo_app();
    let before = app.status().text.clone();
    press(&mut app, "j esc backspace ctrl-o");
    assert_eq!(app.pane(), Pane::Inbox);
    assert_eq!(app.inbox().selected(), 1);
    assert_eq!(app.status().text, before);
    // Back walks up the way it came: account, account list, inbox, and then stays there.
    press(&mut app, "2 enter");
    assert!(app.accounts().opened().is_some());
    press(&mut app, "esc");
    assert!(app.accounts().opened().is_none());
    assert_eq!(app.pane(), Pane::Accounts);
    press(&mut app, "esc esc esc");
    assert_eq!(app.pane(), Pane::Inbox);
    assert_eq!(app.status().text, before);
}

#[test]
fn both_shipped_keymaps_bind_back_forward_and_the_message_log() {
    use wortel::tui::action::{Action, Context};
    use wortel::tui::keymap::Keymap;
    use wortel::tui::keys::Chord;
    let on = |map: &Keymap, key: &str| map.action_in(Context::Global, &Chord::parse(key).unwrap());
    let default = Keymap::builtin("default").unwrap();
    for key in ["esc", "backspace", "ctrl-o"] {
        assert_eq!(on(&default, key), Some(Action::Back), "{key}");
    }
    assert_eq!(on(&default, "tab"), Some(Action::NextPane));
    assert_eq!(on(&default, "ctrl-l"), Some(Action::Messages));
    let emacs = Keymap::builtin("emacs").unwrap();
    assert_eq!(on(&emacs, "alt-,"), Some(Action::Back));
    assert_eq!(on(&emacs, "alt-."), Some(Action::NextPane));
    assert_eq!(on(&emacs, "alt-h"), Some(Action::Messages));
    // Help lists them, as the palette does (both are generated from the keymap).
    let help = wortel::tui::overlays::Help::from_keymap(&default);
    for action in ["back", "messages", "next-pane"] {
        assert!(help.lines.iter().any(|l| l.action == action), "{action}");
    }
}
