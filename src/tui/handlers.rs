//! One short function per action, yazi-style: the app routes here, each handler opens an
//! overlay, moves the selection or turns a finished choice into a change for the store.

use super::action::Action;
use super::app::{App, Pane};
use super::overlays::{
    Choice, Chosen, DateFor, Help, Overlay, Palette, PaletteItem, Pending, TextInput,
    move_selection,
};
use crate::ops::TriageStep;

/// Runs an action outside overlays. Every action is named here (the compiler checks none is
/// forgotten); the groups that belong to one pane go on to their own function.
pub fn run(app: &mut App, action: Action) {
    use Action as A;
    match action {
        A::Help | A::Palette | A::Messages | A::Filter => open_overlay(app, action),
        A::PaneInbox => switch(app, Pane::Inbox),
        A::PaneAccounts => switch(app, Pane::Accounts),
        A::PaneFunnel => switch(app, Pane::Funnel),
        A::NextPane => super::navigation::forward(app),
        A::Back => super::navigation::back(app),
        A::Undo => super::undo_keys::undo(app),
        A::Redo => super::undo_keys::redo(app),
        A::Due => super::reports::open_agenda(app, crate::ops::Span::Day),
        A::Import => super::import::ask(app),
        A::BackupNow => app.backup_now(),
        A::Benchmark => super::reports::show_benchmarks(app),
        A::Quit => app.requests.quit = true,
        A::Suspend => app.requests.leave = Some(super::outside::Leave::Suspend),
        A::Shell => app.requests.leave = Some(super::outside::Leave::Shell),
        A::Down | A::Up | A::Top | A::Bottom | A::PageDown | A::PageUp => move_in_list(app, action),
        A::Open => open_account(app),
        A::Copy => super::copy::pick(app),
        A::LogVisit => super::visit::open_form(app),
        A::ClearFilters => clear_filters(app),
        A::Mark
        | A::ClearMarks
        | A::Accept
        | A::Convert
        | A::Reject
        | A::Snooze
        | A::FilterStatus
        | A::FilterTier
        | A::FilterChannel
        | A::ToggleOverdue => in_inbox(app, |app| inbox_action(app, action)),
        A::DueVisitsOnly
        | A::DuplicatesOnly
        | A::Edit
        | A::EditDeal
        | A::Note
        | A::Nps
        | A::Contacts
        | A::FollowUpLead
        | A::Merge => account_action(app, action),
        A::ColumnLeft
        | A::ColumnRight
        | A::MoveBack
        | A::MoveOn
        | A::Won
        | A::Lost
        | A::PeriodPrevious
        | A::PeriodNext
        | A::PeriodKind
        | A::FilterOwner
        | A::FilterSource
        | A::FilterCloseMonth => funnel_action(app, action),
        A::Close
        | A::Confirm
        | A::DeleteBack
        | A::ClearInput
        | A::CursorLeft
        | A::CursorRight
        | A::LineStart
        | A::LineEnd => app.info(&format!("{action} works inside an overlay")),
    }
}

/// Help, the palette, the message log and the `/` filter.
fn open_overlay(app: &mut App, action: Action) {
    match action {
        Action::Help => app.overlay = Some(Overlay::Help(Help::from_keymap(&app.keymap))),
        Action::Palette => {
            app.overlay = Some(Overlay::Palette(Palette::new(
                app.background.index.ready().cloned(),
            )));
            if app.background.index.is_building() {
                app.info("accounts and leads join the palette once the search index is built");
            }
        }
        Action::Messages => {
            let log = super::overlays::MessageLog::new(&app.messages, &app.tz);
            app.overlay = Some(Overlay::Messages(log));
        }
        Action::Filter => open_filter(app),
        _ => {}
    }
}

/// The inbox's actions: marks, triage, its filters.
fn inbox_action(app: &mut App, action: Action) {
    match action {
        Action::Mark => app.panes.inbox.toggle_mark(),
        Action::ClearMarks => {
            let n = app.panes.inbox.clear_marks();
            app.info(&format!("unmarked {n}"));
        }
        Action::Accept => super::triage::triage(app, TriageStep::Accept),
        Action::Convert => super::convert::ask_convert(app),
        Action::Reject => super::triage::ask_reject_reason(app),
        Action::Snooze => super::triage::ask_snooze_date(app),
        Action::FilterStatus => super::triage::pick_status(app),
        Action::FilterTier => super::triage::pick_tier(app),
        Action::FilterChannel => super::triage::pick_channel(app),
        Action::ToggleOverdue => app.with_inbox(|inbox, from| {
            inbox.change_filters(from, |f| f.overdue_only = !f.overdue_only)
        }),
        _ => {}
    }
}

/// `c`: every deal on the board, or the open leads in the inbox.
fn clear_filters(app: &mut App) {
    if app.pane == Pane::Funnel {
        super::funnel::refilter(app, |f| *f = Default::default());
        return app.info("filters cleared: every deal");
    }
    in_inbox(app, |app| {
        app.with_inbox(|inbox, from| {
            inbox.set_filters(Default::default(), String::new(), from, None)
        });
        app.info("filters cleared: the open leads");
    })
}

/// The account list's and an account's actions (`e` on the board edits the deal).
fn account_action(app: &mut App, action: Action) {
    match action {
        Action::DueVisitsOnly => super::accounts_filter::toggle_due_visits(app),
        Action::DuplicatesOnly => super::accounts_filter::toggle_duplicates(app),
        Action::Edit if app.pane == Pane::Funnel => super::funnel::edit_deal(app),
        Action::Edit => super::account_edits::edit_account(app),
        Action::EditDeal => super::deal_form::edit_selected_in_account(app),
        Action::Note => super::account_edits::add_note(app),
        Action::Nps => super::account_edits::ask_nps(app),
        Action::Contacts => super::account_edits::pick_contact(app),
        Action::FollowUpLead => super::account_edits::pick_product(app),
        Action::Merge => super::merge::pick_duplicate(app),
        _ => {}
    }
}

/// The board's actions.
fn funnel_action(app: &mut App, action: Action) {
    use super::funnel as f;
    match action {
        Action::ColumnLeft => f::column(app, -1),
        Action::ColumnRight => f::column(app, 1),
        Action::MoveBack => f::step(app, -1),
        Action::MoveOn => f::step(app, 1),
        Action::Won => f::ask_won(app),
        Action::Lost => f::ask_lost(app),
        Action::PeriodPrevious => f::period(app, -1),
        Action::PeriodNext => f::period(app, 1),
        Action::PeriodKind => f::period(app, 0),
        Action::FilterOwner => f::pick_owner(app),
        Action::FilterSource => f::pick_source(app),
        Action::FilterCloseMonth => f::pick_close_month(app),
        _ => {}
    }
}

fn switch(app: &mut App, pane: Pane) {
    super::navigation::show_pane(app, pane);
}

/// Inbox actions do nothing elsewhere, with a message saying where they work.
fn in_inbox(app: &mut App, f: impl FnOnce(&mut App)) {
    if app.pane == Pane::Inbox {
        f(app);
    } else {
        app.info("that works in the inbox (press 1)");
    }
}

fn move_in_list(app: &mut App, action: Action) {
    match app.pane {
        Pane::Inbox => {
            let page = app.panes.page;
            app.panes.inbox.move_by(action, page);
        }
        Pane::Accounts => match app.panes.accounts.opened_mut() {
            // In an account, j/k pick the lead or deal; page keys scroll the timeline.
            Some(view) => match action {
                Action::PageDown | Action::PageUp => {
                    let len = view.activities.len();
                    view.timeline_offset = move_selection(view.timeline_offset, len, action, 10);
                }
                a => view.items.move_by(a, 5),
            },
            None => {
                let page = app.panes.page;
                app.panes.accounts.move_by(action, page);
            }
        },
        Pane::Funnel => super::funnel::move_card(app, action),
    }
}

fn open_filter(app: &mut App) {
    let query = match (app.pane, app.panes.accounts.opened()) {
        (Pane::Inbox, _) => app.panes.inbox.query().to_string(),
        (Pane::Accounts, None) => app.panes.accounts.query().to_string(),
        _ => {
            app.info("the / filter works in lists: the inbox and the account list");
            return;
        }
    };
    app.overlay = Some(Overlay::Filter(TextInput::new(&query)));
    if app.background.index.is_building() {
        app.info("the search index is still being built; the filter applies when it is ready");
    }
}

fn open_account(app: &mut App) {
    let account = match app.pane {
        Pane::Inbox => {
            let Some(id) = app.panes.inbox.selected_id() else {
                return;
            };
            let store = app.store.clone();
            app.panes.inbox.row(&store, id).map(|r| r.lead.account_id)
        }
        Pane::Accounts if app.panes.accounts.opened().is_none() => app.panes.accounts.selected_id(),
        Pane::Funnel => app
            .panes
            .funnel
            .selected_deal()
            .map(|d| d.opportunity.account_id),
        _ => None,
    };
    if let Some(id) = account {
        app.open_account(id);
    }
}

/// Acts on what a finished overlay chose.
pub fn on_choice(app: &mut App, choice: Choice) {
    match choice {
        Choice::Picked(chosen) => on_picked(app, chosen),
        Choice::Date(DateFor::Snooze(ids), date) => match date.to_zoned(app.tz.clone()) {
            Ok(z) => super::triage::confirm_or_apply(
                app,
                Pending::Triage(ids, TriageStep::Snooze(z.timestamp())),
            ),
            Err(e) => app.error(&format!("{date} cannot be used here ({e})")),
        },
        Choice::Confirmed(pending) => app.apply(pending),
        Choice::Palette(item) => on_palette(app, item),
        Choice::FilterKept => {}
        Choice::OpenAccount(id) => app.open_account(id),
        Choice::Visit(input) => super::visit::log(app, *input),
        Choice::VisitFromAgenda(row, place) => {
            super::visit::open_form_from_agenda(app, &row, place)
        }
        Choice::VisitThenAgenda(input, place) => {
            super::visit::log(app, *input);
            super::reports::reopen_agenda(app, place);
        }
        Choice::Agenda(place) => super::reports::open_agenda_at(app, place),
        Choice::CreateReplacementLeads(place, n, by) => {
            super::reports::confirm_replacement_leads(app, place, n, by)
        }
        Choice::Form(form) => super::account_edits::save(app, *form),
    }
}

/// Acts on what a picker chose.
fn on_picked(app: &mut App, chosen: Chosen) {
    match chosen {
        Chosen::RejectReason(ids, reason) => {
            super::triage::confirm_or_apply(app, Pending::Triage(ids, TriageStep::Reject(reason)));
        }
        Chosen::Contact(account, contact) => {
            super::account_edits::open_contact_form(app, account, contact)
        }
        Chosen::NpsContact(account, contact) => {
            let who = contact
                .and_then(|c| app.store.contact(c).ok().flatten())
                .map(|c| c.name)
                .unwrap_or_else(|| "the account".into());
            super::account_edits::open_nps_form(app, account, contact, &who)
        }
        Chosen::MergeFrom(survivor, absorbed) => super::merge::confirm(app, survivor, absorbed),
        Chosen::LostReason(id, reason) => super::funnel::close_deal(
            app,
            id,
            crate::domain::Outcome::OrderLost,
            None,
            Some(reason),
        ),
        Chosen::Owner(owner) => super::funnel::refilter(app, |f| f.owner = owner),
        Chosen::Source(source) => super::funnel::refilter(app, |f| f.source = source),
        Chosen::CloseMonth(month) => super::funnel::set_close_month(app, month),
        Chosen::Copy(text, what) => super::copy::copy(app, text, &what),
        Chosen::Product(account, i) => super::account_edits::create_follow_up(app, account, i),
        Chosen::Status(status) => {
            app.with_inbox(|inbox, from| inbox.change_filters(from, |f| f.status = status))
        }
        Chosen::Tier(tier) => {
            app.with_inbox(|inbox, from| inbox.change_filters(from, |f| f.tier = tier))
        }
        Chosen::Channel(channel) => {
            app.with_inbox(|inbox, from| inbox.change_filters(from, |f| f.channel = channel))
        }
    }
}

fn on_palette(app: &mut App, item: PaletteItem) {
    match item {
        PaletteItem::Command(action) => run(app, action),
        PaletteItem::Account(id) => app.open_account(id),
        PaletteItem::Lead(id) => super::navigation::moving(app, |app| show_lead(app, id)),
    }
}

/// The inbox on lead `id`, with the filters widened if it is not listed under them.
fn show_lead(app: &mut App, id: crate::domain::LeadId) {
    app.pane = Pane::Inbox;
    if !app.panes.inbox.select(id) {
        // Not under the current filters: show every status so it is there.
        let mut filters = super::panes::inbox::InboxFilters::default();
        if let Ok(Some(l)) = app.store.lead(id) {
            if !l.status.is_open() {
                filters.status = Some(l.status);
            }
        }
        app.with_inbox(|inbox, from| inbox.set_filters(filters, String::new(), from, Some(id)));
    }
}

/// Writes a change through the store; the status line reports it only after the commit.
pub fn apply(app: &mut App, pending: Pending) {
    match pending {
        Pending::Triage(ids, step) => super::triage::apply_triage(app, ids, step),
        Pending::Merge { survivor, absorbed } => super::merge::apply(app, survivor, absorbed),
        Pending::ReplacementLeads(place) => super::reports::create_replacement_leads(app, place),
    }
}
