//! Screens rendered into ratatui's `TestBackend` and compared with reviewed snapshots
//! (tests/snapshots/). A change to a layout shows up as a snapshot diff to review.

mod tui_support;
use tui_support::*;

fn snap(name: &str, text: &str) {
    snapshot_settings().bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn inbox_at_80x24() {
    let (_d, _p, mut app) = demo_app();
    snap("inbox_80x24", &render(&mut app, 80, 24));
}

#[test]
fn inbox_at_160x48_with_a_mark_and_a_filter() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "j space");
    snap("inbox_160x48", &render(&mut app, 160, 48));
}

#[test]
fn inbox_with_a_fuzzy_query() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "/");
    type_text(&mut app, "trans");
    snap("inbox_query_100x30", &render(&mut app, 100, 30));
}

#[test]
fn help_overlay() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "?");
    snap("help_100x50", &render(&mut app, 100, 50));
}

#[test]
fn help_narrowed_by_typing() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "?");
    type_text(&mut app, "reject");
    snap("help_search_80x24", &render(&mut app, 80, 24));
}

#[test]
fn palette_with_a_query() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, ":");
    type_text(&mut app, "jans");
    snap("palette_jans_100x30", &render(&mut app, 100, 30));
}

#[test]
fn palette_lists_commands_when_empty() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "ctrl-p");
    snap("palette_empty_80x24", &render(&mut app, 80, 24));
}

#[test]
fn reject_reason_picker() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "r");
    snap("picker_reject_80x24", &render(&mut app, 80, 24));
}

#[test]
fn status_picker() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "S");
    snap("picker_status_80x24", &render(&mut app, 80, 24));
}

#[test]
fn tier_picker() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "T");
    snap("picker_tier_80x24", &render(&mut app, 80, 24));
}

#[test]
fn channel_picker() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "C");
    snap("picker_channel_80x24", &render(&mut app, 80, 24));
}

#[test]
fn snooze_date_input_shows_what_the_text_means() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "s");
    snap("date_snooze_80x24", &render(&mut app, 80, 24));
}

#[test]
fn snooze_date_input_refusing_a_bad_date() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "s ctrl-u");
    type_text(&mut app, "someday");
    press(&mut app, "enter");
    snap("date_snooze_refused_80x24", &render(&mut app, 80, 24));
}

#[test]
fn bulk_confirmation() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "space space space a");
    snap("confirm_bulk_80x24", &render(&mut app, 80, 24));
}

#[test]
fn an_account_opened_from_a_lead() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "enter");
    snap("accounts_from_lead_80x24", &render(&mut app, 80, 24));
}

#[test]
fn every_size_from_tiny_to_wide_renders_without_panicking() {
    let (_d, _p, mut app) = demo_app();
    for (w, h) in [(1, 1), (10, 3), (40, 10), (80, 24), (120, 40), (250, 80)] {
        render(&mut app, w, h);
        press(&mut app, "?");
        render(&mut app, w, h);
        press(&mut app, "esc : ");
        render(&mut app, w, h);
        press(&mut app, "esc");
    }
}

#[test]
fn a_rich_account_at_80x24_and_160x48() {
    let (_d, _p, mut app) = demo_app();
    let id = rich_account(&app);
    app.open_account(id);
    snap("account_rich_80x24", &render(&mut app, 80, 24));
    snap("account_rich_160x48", &render(&mut app, 160, 48));
}

#[test]
fn an_empty_account_at_80x24_and_160x48() {
    use wortel::domain::{Account, AccountId, Lifecycle};
    let (_d, _p, mut app) = demo_app();
    let account = Account::new(
        AccountId::generate(now()),
        "Nieuw Transport B.V.",
        Lifecycle::Prospect,
        now(),
    );
    let mut ws = wortel::store::WriteSet::new();
    ws.put(account.clone());
    app.store().commit(&ws, now()).unwrap();
    app.open_account(account.id);
    snap("account_empty_80x24", &render(&mut app, 80, 24));
    snap("account_empty_160x48", &render(&mut app, 160, 48));
}

#[test]
fn the_account_list() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "2");
    snap("accounts_list_80x24", &render(&mut app, 80, 24));
}

#[test]
fn the_visit_form_in_each_state() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "v");
    snap("visit_empty_80x24", &render(&mut app, 80, 24));
    press(&mut app, "2");
    snap("visit_quote_80x24", &render(&mut app, 80, 24));
    press(&mut app, "1");
    snap("visit_appointment_80x24", &render(&mut app, 80, 24));
    press(&mut app, "3");
    snap("visit_won_80x24", &render(&mut app, 80, 24));
    press(&mut app, "4");
    snap("visit_lost_needs_reason_80x24", &render(&mut app, 80, 24));
    type_text(&mut app, "pri");
    snap("visit_lost_price_80x24", &render(&mut app, 80, 24));
    press(&mut app, "backtab c 5 tab");
    type_text(&mut app, "belde over de levertijd");
    snap("visit_call_with_note_80x24", &render(&mut app, 80, 24));
    press(&mut app, "tab ctrl-u");
    type_text(&mut app, "someday");
    press(&mut app, "enter");
    snap("visit_refused_80x24", &render(&mut app, 80, 24));
}

#[test]
fn the_edit_contact_and_nps_forms() {
    let (_d, _p, mut app) = demo_app();
    let id = rich_account(&app);
    app.open_account(id);
    press(&mut app, "e tab ctrl-u");
    type_text(&mut app, "123");
    press(&mut app, "enter");
    snap("form_edit_refused_80x24", &render(&mut app, 80, 24));
    press(&mut app, "esc c 1");
    snap("form_new_contact_80x24", &render(&mut app, 80, 24));
    press(&mut app, "esc N");
    snap("picker_nps_contact_80x24", &render(&mut app, 80, 24));
    press(&mut app, "1");
    snap("form_nps_80x24", &render(&mut app, 80, 24));
}

#[test]
fn the_due_list() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "D");
    snap("due_100x30", &render(&mut app, 100, 30));
}

#[test]
fn a_likely_duplicate_in_the_list_and_in_its_account() {
    let (_d, _p, mut app) = demo_app();
    let keep = {
        let index = app.index().ready().unwrap();
        *index
            .duplicates
            .keys()
            .min()
            .expect("the demo has a duplicate")
    };
    let name = app.store().account(keep).unwrap().unwrap().name;
    press(&mut app, "2 /");
    type_text(&mut app, name.trim_end_matches(" B.V."));
    press(&mut app, "enter");
    snap("accounts_duplicates_80x24", &render(&mut app, 80, 24));
    app.open_account(keep);
    snap(
        "account_duplicate_header_100x30",
        &render(&mut app, 100, 30),
    );
    press(&mut app, "m");
    snap("picker_merge_100x30", &render(&mut app, 100, 30));
    press(&mut app, "1");
    snap("confirm_merge_100x30", &render(&mut app, 100, 30));
}

#[test]
fn the_funnel_board_at_80x24_and_200x50_with_stale_and_incentive_cards() {
    let (_d, path) = demo_store(200);
    let mut app = app_on(&path);
    press(&mut app, "3");
    let wide = render(&mut app, 200, 50);
    assert!(wide.contains("stale"), "the demo has stale deals:\n{wide}");
    assert!(
        wide.contains('★'),
        "the demo has head-office deals with incentive:\n{wide}"
    );
    snap("funnel_200x50", &wide);
    snap("funnel_80x24", &render(&mut app, 80, 24));
    press(&mut app, "l l l l");
    snap("funnel_won_focused_80x24", &render(&mut app, 80, 24));
    press(&mut app, "h h w");
    snap("funnel_won_form_80x24", &render(&mut app, 80, 24));
    press(&mut app, "esc e");
    snap("funnel_deal_form_80x24", &render(&mut app, 80, 24));
}

#[test]
fn the_benchmarks_beside_the_dealers_own() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "B");
    snap("benchmarks_80x24", &render(&mut app, 80, 24));
}

/// Scrolled to the bottom of a short window, then the terminal grows: every list starts its
/// window so that all rows that fit are shown (only the inbox did; the account list and the
/// board's columns kept showing blank lines below a window started too low).
#[test]
fn every_list_shows_all_the_rows_that_fit_after_the_terminal_grows() {
    let (_d, path) = demo_store(400);
    let mut app = app_on(&path);
    render(&mut app, 120, 12);
    press(&mut app, "G");
    render(&mut app, 120, 12);
    assert!(app.inbox().offset() > 0, "the inbox scrolled");
    render(&mut app, 120, 1000);
    assert_eq!(app.inbox().offset(), 0, "the inbox");

    press(&mut app, "2");
    render(&mut app, 120, 12);
    press(&mut app, "G");
    render(&mut app, 120, 12);
    assert!(app.accounts().offset() > 0, "the account list scrolled");
    render(&mut app, 120, 1000);
    assert_eq!(app.accounts().offset(), 0, "the account list");

    press(&mut app, "3");
    render(&mut app, 160, 14);
    let longest = (0..6).max_by_key(|c| app.funnel().column_len(*c)).unwrap();
    while app.funnel().column() != longest {
        press(&mut app, "l");
    }
    press(&mut app, "G");
    render(&mut app, 160, 14);
    assert!(
        app.funnel().offset_in(longest) > 0,
        "the column scrolled: {:?}",
        (0..6)
            .map(|c| app.funnel().column_len(c))
            .collect::<Vec<_>>()
    );
    render(&mut app, 160, 1000);
    assert_eq!(app.funnel().offset_in(longest), 0, "the board's column");
}
