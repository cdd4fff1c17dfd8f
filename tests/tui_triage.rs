//! Lead triage driven by keys through the default keymap, checked in the store — and on disk
//! after the app is gone, because a change the UI confirms must be durable.

mod tui_support;
use tui_support::*;
use wortel::domain::{LeadStatus, Stage};
use wortel::store::Store;
use wortel::tui::overlays::Overlay;

#[test]
fn accepting_a_lead_with_a_is_saved_before_the_message_says_so() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    assert_eq!(lead.status, LeadStatus::New);
    press(&mut app, "a");
    assert!(
        app.status().text.starts_with("accepted "),
        "{}",
        app.status().text
    );
    drop(app);
    assert_eq!(lead_on_disk(&path, lead.id).status, LeadStatus::Accepted);
}

#[test]
fn rejecting_asks_for_a_reason_by_digit_and_survives_a_restart() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "r");
    assert!(matches!(app.overlay(), Some(Overlay::Picker(_))));
    press(&mut app, "3");
    assert!(app.overlay().is_none());
    drop(app);
    let on_disk = lead_on_disk(&path, lead.id);
    assert_eq!(on_disk.status, LeadStatus::Rejected);
    assert_eq!(on_disk.reason.as_deref(), Some("no interest"));
}

#[test]
fn the_reject_picker_opens_with_no_reason_and_enter_alone_says_why() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "r enter");
    assert!(
        matches!(app.overlay(), Some(Overlay::Picker(_))),
        "Enter without a choice keeps the picker open"
    );
    assert!(
        app.status().text.contains("no reason chosen"),
        "{}",
        app.status().text
    );
    press(&mut app, "down enter");
    assert!(app.overlay().is_none());
    drop(app);
    let on_disk = lead_on_disk(&path, lead.id);
    assert_eq!(on_disk.status, LeadStatus::Rejected);
    assert_eq!(on_disk.reason.as_deref(), Some("duplicate"));
}

#[test]
fn a_reason_can_be_found_by_typing_and_enter() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "r");
    type_text(&mut app, "area");
    press(&mut app, "enter");
    drop(app);
    assert_eq!(
        lead_on_disk(&path, lead.id).reason.as_deref(),
        Some("out of area")
    );
}

#[test]
fn escape_from_the_reason_picker_changes_nothing() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "r down down esc");
    assert!(app.overlay().is_none());
    drop(app);
    assert_eq!(lead_on_disk(&path, lead.id), lead);
}

#[test]
fn snoozing_takes_a_date_in_the_words_of_section_4() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "s ctrl-u");
    type_text(&mut app, "+1w");
    press(&mut app, "enter");
    drop(app);
    let l = lead_on_disk(&path, lead.id);
    assert_eq!(l.status, LeadStatus::Snoozed);
    let until = l.snoozed_until.unwrap().to_zoned(tz());
    assert_eq!(until.date().to_string(), "2026-11-30");
    assert_eq!(until.hour(), 0);
}

/// The date text of the open snooze input.
fn snooze_text(app: &wortel::tui::app::App) -> String {
    match app.overlay() {
        Some(Overlay::DateInput(d)) => d.input.text.clone(),
        _ => panic!("the snooze date input is not open"),
    }
}

#[test]
fn typing_over_the_prefilled_snooze_date_replaces_it() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "s");
    assert_eq!(snooze_text(&app), "+3d");
    type_text(&mut app, "mon");
    assert_eq!(snooze_text(&app), "mon");
    press(&mut app, "enter");
    drop(app);
    let until = lead_on_disk(&path, lead.id).snoozed_until.unwrap();
    assert_eq!(until.to_zoned(tz()).date().to_string(), "2026-11-30");
}

#[test]
fn arrows_and_line_keys_edit_the_prefill_in_place() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "s right backspace");
    type_text(&mut app, "w");
    assert_eq!(
        snooze_text(&app),
        "+3w",
        "Right keeps the prefill, cursor at its end"
    );
    press(&mut app, "ctrl-a right");
    type_text(&mut app, "1");
    assert_eq!(snooze_text(&app), "+13w", "Ctrl-a goes to the start");
    press(&mut app, "ctrl-e left backspace");
    type_text(&mut app, "2");
    assert_eq!(
        snooze_text(&app),
        "+12w",
        "Ctrl-e to the end, Left one back"
    );
    press(&mut app, "esc s left");
    type_text(&mut app, "+");
    assert_eq!(
        snooze_text(&app),
        "++3d",
        "Left keeps the prefill, cursor at its start"
    );
}

#[test]
fn a_date_that_does_not_parse_is_refused_and_nothing_is_written() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "s ctrl-u");
    type_text(&mut app, "2026-11-01");
    press(&mut app, "enter");
    match app.overlay() {
        Some(Overlay::DateInput(d)) => {
            assert!(d.refusal.as_deref().unwrap().contains("in the past"))
        }
        _ => panic!("the date input must stay open"),
    }
    press(&mut app, "esc");
    drop(app);
    assert_eq!(lead_on_disk(&path, lead.id), lead);
}

#[test]
fn converting_creates_an_opportunity_at_qualify() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "c enter");
    drop(app);
    let l = lead_on_disk(&path, lead.id);
    assert_eq!(l.status, LeadStatus::Converted);
    let store = Store::open(&path).unwrap();
    let opp = store
        .opportunity(l.opportunity_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(opp.stage, Stage::Qualify);
    assert_eq!(opp.lead_id, Some(l.id));
}

#[test]
fn marked_leads_are_accepted_together_after_a_yes() {
    let (_d, path, mut app) = demo_app();
    let first = app.inbox().id_at(0).unwrap();
    let second = app.inbox().id_at(1).unwrap();
    let third = app.inbox().id_at(2).unwrap();
    press(&mut app, "space space a");
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    press(&mut app, "y");
    assert!((app.inbox().marked_count() == 0));
    assert!(
        app.status().text.starts_with("accepted 2 leads"),
        "{}",
        app.status().text
    );
    drop(app);
    assert_eq!(lead_on_disk(&path, first).status, LeadStatus::Accepted);
    assert_eq!(lead_on_disk(&path, second).status, LeadStatus::Accepted);
    assert_eq!(lead_on_disk(&path, third).status, LeadStatus::New);
}

#[test]
fn saying_no_to_a_bulk_change_writes_nothing() {
    let (_d, path, mut app) = demo_app();
    let first = selected_lead(&app);
    press(&mut app, "space space r 1 n");
    assert!(app.overlay().is_none());
    assert_eq!(app.inbox().marked_count(), 2, "marks stay for another try");
    drop(app);
    assert_eq!(lead_on_disk(&path, first.id), first);
}

#[test]
fn a_bulk_step_skips_leads_that_cannot_take_it_and_says_so() {
    let (_d, path, mut app) = demo_app();
    // Mark an accepted lead and a new one, then accept both.
    press(&mut app, "S");
    type_text(&mut app, "accepted");
    press(&mut app, "enter space");
    let accepted = app.inbox().id_at(0).unwrap();
    press(&mut app, "S");
    type_text(&mut app, "new");
    press(&mut app, "enter");
    // Marks survive a filter change only for listed leads: keep both lists in one view.
    press(&mut app, "F");
    assert!(app.select_lead(accepted));
    let new_one = (0..app.inbox().len())
        .filter_map(|i| app.inbox().id_at(i))
        .find(|id| app.store().lead(*id).unwrap().unwrap().status == LeadStatus::New)
        .unwrap();
    for id in [accepted, new_one] {
        assert!(app.select_lead(id));
        press(&mut app, "space");
    }
    press(&mut app, "a y");
    assert!(
        app.status()
            .text
            .starts_with("accepted 1 lead; 1 skipped: "),
        "{}",
        app.status().text
    );
    drop(app);
    assert_eq!(lead_on_disk(&path, new_one).status, LeadStatus::Accepted);
    assert_eq!(lead_on_disk(&path, accepted).status, LeadStatus::Accepted);
}

#[test]
fn undo_takes_back_the_last_change_even_a_bulk_one() {
    let (_d, path, mut app) = demo_app();
    let first = selected_lead(&app);
    let second = app
        .store()
        .lead(app.inbox().id_at(1).unwrap())
        .unwrap()
        .unwrap();
    press(&mut app, "space space r 2 y");
    press(&mut app, "u");
    assert!(
        app.status().text.starts_with("undone: rejected 2 leads"),
        "{}",
        app.status().text
    );
    press(&mut app, "u");
    assert_eq!(app.status().text, "nothing to undo");
    drop(app);
    assert_eq!(lead_on_disk(&path, first.id).status, LeadStatus::New);
    assert_eq!(lead_on_disk(&path, second.id).status, LeadStatus::New);
}

#[test]
fn converting_asks_an_estimated_value_that_may_be_skipped() {
    let (_d, path, mut app) = demo_app();
    let first = selected_lead(&app);
    press(&mut app, "c");
    assert!(
        matches!(app.overlay(), Some(Overlay::Form(_))),
        "c asks first"
    );
    type_text(&mut app, "0");
    press(&mut app, "enter");
    match app.overlay() {
        Some(Overlay::Form(f)) => {
            assert!(
                f.error.as_deref().unwrap().contains("says nothing"),
                "{:?}",
                f.error
            )
        }
        _ => panic!("an estimate of nothing is refused in the form"),
    }
    press(&mut app, "ctrl-u");
    type_text(&mut app, "45.000");
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "{}", app.status().text);
    assert!(
        app.status().text.contains("estimated at € 45.000,00"),
        "{}",
        app.status().text
    );
    let second = selected_lead(&app);
    assert_ne!(second.id, first.id, "the selection moves on");
    press(&mut app, "c enter");
    assert!(
        app.status().text.contains("no value yet"),
        "{}",
        app.status().text
    );
    drop(app);
    let store = Store::open(&path).unwrap();
    let value_of = |id| {
        let l = store.lead(id).unwrap().unwrap();
        assert_eq!(l.status, LeadStatus::Converted);
        store
            .opportunity(l.opportunity_id.unwrap())
            .unwrap()
            .unwrap()
            .value
    };
    assert_eq!(value_of(first.id), wortel::domain::Cents::euros(45_000));
    assert_eq!(value_of(second.id), wortel::domain::Cents(0));
}

#[test]
fn undoing_a_conversion_removes_the_opportunity() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "c enter");
    let opp = app
        .store()
        .lead(lead.id)
        .unwrap()
        .unwrap()
        .opportunity_id
        .unwrap();
    press(&mut app, "u");
    drop(app);
    let store = Store::open(&path).unwrap();
    assert!(store.opportunity(opp).unwrap().is_none());
    assert_eq!(
        store.lead(lead.id).unwrap().unwrap().status,
        LeadStatus::New
    );
}

#[test]
fn after_a_triage_the_selection_moves_to_the_next_lead() {
    let (_d, _p, mut app) = demo_app();
    let next = app.inbox().id_at(1).unwrap();
    press(&mut app, "r 1");
    assert_eq!(app.inbox().selected_id(), Some(next));
}

#[test]
fn moving_keys_walk_the_list() {
    let (_d, _p, mut app) = demo_app();
    let n = app.inbox().len();
    press(&mut app, "j j down");
    assert_eq!(app.inbox().selected(), 3);
    press(&mut app, "k");
    assert_eq!(app.inbox().selected(), 2);
    press(&mut app, "G");
    assert_eq!(app.inbox().selected(), n - 1);
    press(&mut app, "j");
    assert_eq!(app.inbox().selected(), n - 1, "the end is the end");
    press(&mut app, "g");
    assert_eq!(app.inbox().selected(), 0);
}

#[test]
fn the_status_filter_lists_only_that_status() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "S");
    type_text(&mut app, "snoozed");
    press(&mut app, "enter");
    assert_eq!(
        app.inbox().filters().status,
        Some(LeadStatus::Snoozed),
        "{}",
        app.status().text
    );
    assert!(!app.inbox().is_empty());
    for i in 0..app.inbox().len() {
        let id = app.inbox().id_at(i).unwrap();
        assert_eq!(
            app.store().lead(id).unwrap().unwrap().status,
            LeadStatus::Snoozed
        );
    }
    press(&mut app, "F");
    assert_eq!(app.inbox().filters(), &Default::default());
}

#[test]
fn the_tier_and_overdue_filters_combine() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "T 2 o");
    assert!(!app.inbox().is_empty());
    for i in 0..app.inbox().len() {
        let l = app
            .store()
            .lead(app.inbox().id_at(i).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(l.tier.number(), 2);
        assert!(l.is_overdue(now()), "{l:?}");
    }
}

#[test]
fn the_channel_filter_lists_only_that_channel() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "C");
    type_text(&mut app, "web");
    press(&mut app, "enter");
    assert!(!app.inbox().is_empty());
    for i in 0..app.inbox().len() {
        let l = app
            .store()
            .lead(app.inbox().id_at(i).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(l.source.channel.as_str(), "web");
    }
}

#[test]
fn the_slash_filter_narrows_as_you_type_and_esc_clears_it() {
    let (_d, _p, mut app) = demo_app();
    let all = app.inbox().len();
    press(&mut app, "/");
    type_text(&mut app, "jansen");
    let narrowed = app.inbox().len();
    assert!(narrowed > 0 && narrowed < all, "{narrowed} of {all}");
    // Every listed lead matches; close matches come first, and within them the inbox order
    // (tier first) is kept.
    let query = wortel::search::Query::new("jansen");
    let mut names = Vec::new();
    let mut tiers = Vec::new();
    for id in app.inbox().listed() {
        let l = app.store().lead(id).unwrap().unwrap();
        let a = app.store().account(l.account_id).unwrap().unwrap();
        let text = format!(
            "{} {} {} {}",
            a.name,
            a.address.city,
            l.interest,
            l.external_id.unwrap_or_default()
        );
        assert!(query.score(&text).is_some(), "{text}");
        names.push(a.name);
        let class = query.class(&text.to_lowercase());
        tiers.push((std::cmp::Reverse(class), l.tier.number()));
    }
    assert!(names[0].contains("Jansen"), "{names:?}");
    assert!(tiers.is_sorted(), "{tiers:?}");
    press(&mut app, "enter");
    assert_eq!(app.inbox().len(), narrowed, "Enter keeps the filter");
    press(&mut app, "/ esc");
    assert_eq!(app.inbox().len(), all);
}

#[test]
fn every_action_can_be_run_from_the_palette_by_name() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, ":");
    type_text(&mut app, ">accept");
    press(&mut app, "enter");
    drop(app);
    assert_eq!(lead_on_disk(&path, lead.id).status, LeadStatus::Accepted);
}

#[test]
fn the_palette_finds_a_lead_and_selects_it_in_the_inbox() {
    let (_d, _p, mut app) = demo_app();
    let target = app.inbox().id_at(app.inbox().len() - 1).unwrap();
    let ext = app.store().lead(target).unwrap().unwrap().external_id;
    let Some(ext) = ext else { return };
    press(&mut app, ":");
    type_text(&mut app, &format!("#{ext}"));
    press(&mut app, "enter");
    assert_eq!(app.inbox().selected_id(), Some(target));
}

#[test]
fn the_palette_opens_an_account() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, ":");
    type_text(&mut app, "@jansen");
    press(&mut app, "enter");
    assert_eq!(app.pane(), wortel::tui::app::Pane::Accounts);
    let a = &app.accounts().opened().unwrap().account;
    assert!(a.name.contains("Jansen"), "{}", a.name);
}

#[test]
fn panes_switch_by_number_and_tab() {
    use wortel::tui::app::Pane;
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "2");
    assert_eq!(app.pane(), Pane::Accounts);
    press(&mut app, "3");
    assert_eq!(app.pane(), Pane::Funnel);
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Inbox);
    press(&mut app, "2 a");
    assert_eq!(app.status().text, "a does nothing here; press ? for help");
}

#[test]
fn an_unbound_key_says_where_help_is() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "Z");
    assert_eq!(app.status().text, "Z does nothing here; press ? for help");
}

#[test]
fn q_quits() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "q");
    assert!(app.quitting());
}

#[test]
fn the_emacs_keymap_drives_the_same_actions() {
    use wortel::tui::keymap::Keymap;
    let (_d, path) = demo_store(60);
    let mut app = app_with_keymap(&path, Keymap::builtin("emacs").unwrap());
    let lead = selected_lead(&app);
    press(&mut app, "ctrl-n ctrl-p alt-r");
    type_text(&mut app, "dup");
    press(&mut app, "enter");
    drop(app);
    let l = lead_on_disk(&path, lead.id);
    assert_eq!(l.status, LeadStatus::Rejected);
    assert_eq!(l.reason.as_deref(), Some("duplicate"));
}

/// After any triage the list the app holds must equal a fresh read of the store, or the
/// incremental update has put a lead in the wrong place.
fn same_as_a_fresh_read(app: &mut wortel::tui::app::App) {
    let held = app.inbox().listed();
    let counts = app.inbox().counts();
    app.reload_inbox(None);
    assert_eq!(
        held,
        app.inbox().listed(),
        "the held list drifted from the store"
    );
    assert_eq!(counts, app.inbox().counts());
}

#[test]
fn the_list_after_each_change_equals_a_fresh_read() {
    let (_d, _p, mut app) = demo_app();
    for keys in [
        "a",
        "j j r 2",
        "s enter",
        "c",
        "u",
        "space space space a y",
        "u",
        "G k a",
        "T 3 a",
        "F o r 1",
        "F S 2 a",
        "u",
    ] {
        press(&mut app, keys);
        same_as_a_fresh_read(&mut app);
    }
    press(&mut app, "/");
    type_text(&mut app, "trans");
    press(&mut app, "enter a");
    same_as_a_fresh_read(&mut app);
}

#[test]
fn a_quick_start_shows_the_first_screenful_then_reads_the_rest() {
    let (_d, path) = demo_store(600);
    let full = app_on(&path).inbox().listed();
    assert!(full.len() > 200, "{}", full.len());
    let mut app = quick_app_on(&path);
    assert_eq!(app.inbox().listed(), full[..200].to_vec());
    assert!(render(&mut app, 80, 24).contains("1 of 200"));
    app.tick();
    assert_eq!(app.inbox().listed(), full);
    assert!(render(&mut app, 80, 24).contains(&format!("1 of {}", full.len())));
}

#[test]
fn a_key_pressed_before_the_rest_is_read_acts_on_the_whole_list() {
    let (_d, path) = demo_store(600);
    let full = app_on(&path).inbox().listed();
    let mut app = quick_app_on(&path);
    press(&mut app, "G");
    assert_eq!(app.inbox().selected_id(), full.last().copied());
}

/// Leads of the inbox still new, in list order.
fn new_leads(app: &wortel::tui::app::App, n: usize) -> Vec<wortel::domain::LeadId> {
    (0..app.inbox().len())
        .filter_map(|i| app.inbox().id_at(i))
        .filter(|id| app.store().lead(*id).unwrap().unwrap().status == LeadStatus::New)
        .take(n)
        .collect()
}

#[test]
fn fifty_five_steps_are_undone_one_by_one_and_redone_with_ctrl_r() {
    let (_d, path) = demo_store(400);
    let mut app = app_on(&path);
    let leads = new_leads(&app, 55);
    assert_eq!(leads.len(), 55, "the demo has enough new leads");
    for id in &leads {
        assert!(app.select_lead(*id));
        press(&mut app, "a");
        assert!(
            app.status().text.starts_with("accepted "),
            "{}",
            app.status().text
        );
    }
    for id in leads.iter().rev() {
        press(&mut app, "u");
        assert!(
            app.status().text.starts_with("undone: accepted "),
            "{}",
            app.status().text
        );
        assert_eq!(
            app.store().lead(*id).unwrap().unwrap().status,
            LeadStatus::New
        );
    }
    press(&mut app, "u");
    assert_eq!(app.status().text, "nothing to undo");
    // Redo goes forward again in the order the steps were made.
    press(&mut app, "ctrl-r ctrl-r");
    assert!(
        app.status().text.starts_with("redone: accepted "),
        "{}",
        app.status().text
    );
    for (i, id) in leads.iter().enumerate() {
        let want = if i < 2 {
            LeadStatus::Accepted
        } else {
            LeadStatus::New
        };
        assert_eq!(
            app.store().lead(*id).unwrap().unwrap().status,
            want,
            "lead {i}"
        );
    }
    // A new change ends what can be redone.
    assert!(app.select_lead(leads[10]));
    press(&mut app, "a ctrl-r");
    assert_eq!(app.status().text, "nothing to redo");
}

#[test]
fn undo_refuses_when_the_lead_was_changed_since() {
    let (_d, path, mut app) = demo_app();
    let lead = selected_lead(&app);
    press(&mut app, "a");
    // Another write (as another front end would) converts it meanwhile.
    wortel::ops::convert_lead(app.store(), lead.id, now()).unwrap();
    press(&mut app, "u");
    assert!(
        app.status().text.starts_with("cannot undo \"accepted ")
            && app
                .status()
                .text
                .ends_with(": the lead it changed was changed again since; that step is dropped"),
        "{}",
        app.status().text
    );
    press(&mut app, "u");
    assert_eq!(app.status().text, "nothing to undo");
    drop(app);
    assert_eq!(lead_on_disk(&path, lead.id).status, LeadStatus::Converted);
}

/// What the user does in the view, for the feedback model below.
enum Act {
    Accept(usize),
    Reject(usize),
    Undo,
    Redo,
    /// The weekly feedback bundle is exported (and recorded as sent).
    Export,
}

/// A lead (by its place in the script) moved from one status to another.
type Move = (usize, &'static str, &'static str);

/// Status moves head office should hear of, recomputed from the script alone: a step undone
/// before it was sent never happened; a step undone after is undone by a reported move back.
fn expected_bundles(script: &[Act]) -> Vec<Vec<Move>> {
    let (mut done, mut undone): (Vec<Move>, Vec<Move>) = (vec![], vec![]);
    let (mut unsent, mut bundles) = (Vec::new(), Vec::new());
    for act in script {
        let step = match act {
            Act::Accept(l) => Some((*l, "new", "accepted")),
            Act::Reject(l) => Some((*l, "new", "rejected")),
            Act::Undo => {
                let (l, from, to) = done.pop().unwrap();
                undone.push((l, from, to));
                match unsent.iter().position(|s| *s == (l, from, to)) {
                    Some(at) => {
                        unsent.remove(at);
                    }
                    None => unsent.push((l, to, from)),
                }
                None
            }
            Act::Redo => {
                let (l, from, to) = undone.pop().unwrap();
                done.push((l, from, to));
                match unsent.iter().position(|s| *s == (l, to, from)) {
                    Some(at) => {
                        unsent.remove(at);
                    }
                    None => unsent.push((l, from, to)),
                }
                None
            }
            Act::Export => {
                bundles.push(std::mem::take(&mut unsent));
                None
            }
        };
        if let Some(s) = step {
            undone.clear();
            done.push(s);
            unsent.push(s);
        }
    }
    bundles
}

#[test]
fn an_undone_step_never_reaches_head_office_and_a_sent_one_is_undone_by_a_reported_change() {
    let (_d, path) = demo_store(120);
    let mut app = app_on(&path);
    let leads = new_leads(&app, 4);
    let script = [
        Act::Accept(0),
        Act::Reject(1),
        Act::Accept(2),
        Act::Undo,
        Act::Undo,
        Act::Redo,
        Act::Export,
        Act::Undo,
        Act::Accept(3),
        Act::Undo,
        Act::Redo,
        Act::Undo,
        Act::Export,
    ];
    let mut got = Vec::new();
    let weeks = ["2026-W48", "2026-W49"];
    for act in &script {
        match act {
            Act::Accept(l) | Act::Reject(l) => {
                assert!(app.select_lead(leads[*l]));
                let keys = if matches!(act, Act::Accept(_)) {
                    "a"
                } else {
                    "r 1"
                };
                press(&mut app, keys);
                assert!(app.status().text.contains("ed "), "{}", app.status().text);
            }
            Act::Undo => press(&mut app, "u"),
            Act::Redo => press(&mut app, "ctrl-r"),
            Act::Export => {
                let week = weeks[got.len()];
                let export =
                    wortel::ops::export_feedback(app.store(), Some(week), now(), &tz()).unwrap();
                app.store()
                    .record_export(&export.week, export.through, export.sequence, &export.bytes)
                    .unwrap();
                let bundle = wortel::bundle::read_bundle(&export.bytes, None).unwrap();
                let moves: Vec<(String, String, String)> = bundle
                    .lines("lead_updates.ndjson")
                    .map(|(_, l)| {
                        let v: serde_json::Value = serde_json::from_slice(l).unwrap();
                        let s = |k: &str| v[k].as_str().unwrap().to_string();
                        (s("lead_id"), s("from"), s("status"))
                    })
                    .collect();
                got.push(moves);
            }
        }
    }
    let ext = |l: usize| {
        app.store()
            .lead(leads[l])
            .unwrap()
            .unwrap()
            .external_id
            .unwrap()
    };
    let want: Vec<Vec<(String, String, String)>> = expected_bundles(&script)
        .into_iter()
        .map(|b| {
            b.into_iter()
                .map(|(l, from, to)| (ext(l), from.to_string(), to.to_string()))
                .collect()
        })
        .collect();
    assert_eq!(got, want);
    // The script reports something in both weeks, so the test can tell them apart.
    assert!(!want[0].is_empty() && !want[1].is_empty(), "{want:?}");
}
