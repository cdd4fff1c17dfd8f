//! One short function per action, yazi-style: the app routes here, each handler opens an
//! overlay, moves the selection or turns a finished choice into a change for the store.

use super::action::Action;
use super::app::{App, Pane};
use super::effects::Triage;
use super::overlays::{
    Choice, Chosen, Confirm, DateFor, DateInput, Due, DueRow, Help, Overlay, Palette, PaletteItem,
    Pending, Pick, Picker, TextInput, move_selection,
};
use crate::domain::{Channel, LeadId, LeadStatus, Tier};
use crate::ops::TriageStep;

/// Runs an action outside overlays.
pub fn run(app: &mut App, action: Action) {
    match action {
        Action::Help => app.overlay = Some(Overlay::Help(Help::from_keymap(&app.keymap))),
        Action::Palette => {
            app.overlay = Some(Overlay::Palette(Palette::new(app.index.ready().cloned())));
            if app.index.is_building() {
                app.info("accounts and leads join the palette once the search index is built");
            }
        }
        Action::Filter => open_filter(app),
        Action::PaneInbox => switch(app, Pane::Inbox),
        Action::PaneAccounts => switch(app, Pane::Accounts),
        Action::PaneFunnel => switch(app, Pane::Funnel),
        Action::NextPane => switch(
            app,
            match app.pane {
                Pane::Inbox => Pane::Accounts,
                Pane::Accounts => Pane::Funnel,
                Pane::Funnel => Pane::Inbox,
            },
        ),
        Action::Undo => super::undo_keys::undo(app),
        Action::Redo => super::undo_keys::redo(app),
        Action::Due => open_due(app),
        Action::Import => super::import::ask(app),
        Action::BackupNow => app.backup_now(),
        Action::Benchmark => show_benchmarks(app),
        Action::Quit => app.quit = true,
        Action::Down
        | Action::Up
        | Action::Top
        | Action::Bottom
        | Action::PageDown
        | Action::PageUp => move_in_list(app, action),
        Action::Open => open_account(app),
        Action::Mark => in_inbox(app, |app| app.inbox.toggle_mark()),
        Action::ClearMarks => in_inbox(app, |app| {
            let n = app.inbox.marked.len();
            app.inbox.marked.clear();
            app.info(&format!("unmarked {n}"));
        }),
        Action::Accept => in_inbox(app, |app| triage(app, TriageStep::Accept)),
        Action::Convert => in_inbox(app, |app| triage(app, TriageStep::Convert)),
        Action::Reject => in_inbox(app, ask_reject_reason),
        Action::Snooze => in_inbox(app, ask_snooze_date),
        Action::FilterStatus => in_inbox(app, pick_status),
        Action::FilterTier => in_inbox(app, pick_tier),
        Action::FilterChannel => in_inbox(app, pick_channel),
        Action::ToggleOverdue => in_inbox(app, |app| {
            app.inbox.filters.overdue_only = !app.inbox.filters.overdue_only;
            app.reload_inbox(None);
        }),
        Action::ClearFilters if app.pane == Pane::Funnel => {
            app.funnel.filter = Default::default();
            super::funnel::refilter(app);
            app.info("filters cleared: every deal");
        }
        Action::ClearFilters => in_inbox(app, |app| {
            app.inbox.filters = Default::default();
            app.inbox.query.clear();
            app.reload_inbox(None);
            app.info("filters cleared: the open leads");
        }),
        Action::Back => back(app),
        Action::Edit => super::account_edits::edit_account(app),
        Action::Note => super::account_edits::add_note(app),
        Action::Nps => super::account_edits::ask_nps(app),
        Action::Contacts => super::account_edits::pick_contact(app),
        Action::FollowUpLead => super::account_edits::pick_product(app),
        Action::Merge => super::merge::pick_duplicate(app),
        Action::ColumnLeft => super::funnel::column(app, -1),
        Action::ColumnRight => super::funnel::column(app, 1),
        Action::MoveBack => super::funnel::step(app, -1),
        Action::MoveOn => super::funnel::step(app, 1),
        Action::Won => super::funnel::ask_won(app),
        Action::Lost => super::funnel::ask_lost(app),
        Action::PeriodPrevious => super::funnel::period(app, -1),
        Action::PeriodNext => super::funnel::period(app, 1),
        Action::PeriodKind => super::funnel::period(app, 0),
        Action::FilterOwner => super::funnel::pick_owner(app),
        Action::FilterSource => super::funnel::pick_source(app),
        Action::FilterCloseMonth => super::funnel::pick_close_month(app),
        Action::LogVisit => super::visit::open_form(app),
        Action::Close | Action::Confirm | Action::DeleteBack | Action::ClearInput => {
            app.info(&format!("{action} works inside an overlay"))
        }
    }
}

fn switch(app: &mut App, pane: Pane) {
    app.pane = pane;
    if pane == Pane::Funnel {
        super::funnel::show(app);
    }
    if pane == Pane::Accounts {
        let store = app.store.clone();
        if let Err(e) = app.accounts.ensure_loaded(&store) {
            app.error(&e.to_string());
        }
    }
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
            let len = app.inbox.len();
            app.inbox.selected = move_selection(app.inbox.selected, len, action, app.page);
        }
        Pane::Accounts => match app.accounts.open.as_mut() {
            // In an account, j/k pick the lead or deal; page keys scroll the timeline.
            Some(view) => match action {
                Action::PageDown | Action::PageUp => {
                    let len = view.activities.len();
                    view.timeline_offset = move_selection(view.timeline_offset, len, action, 10);
                }
                a => view.selected = move_selection(view.selected, view.items.len(), a, 5),
            },
            None => {
                let len = app.accounts.len();
                app.accounts.selected =
                    move_selection(app.accounts.selected, len, action, app.page);
            }
        },
        Pane::Funnel => super::funnel::move_card(app, action),
    }
}

fn open_filter(app: &mut App) {
    let query = match (app.pane, &app.accounts.open) {
        (Pane::Inbox, _) => app.inbox.query.clone(),
        (Pane::Accounts, None) => app.accounts.query.clone(),
        _ => {
            app.info("the / filter works in lists: the inbox and the account list");
            return;
        }
    };
    app.overlay = Some(Overlay::Filter(TextInput::new(&query)));
    if app.index.is_building() {
        app.info("the search index is still being built; the filter applies when it is ready");
    }
}

fn open_account(app: &mut App) {
    let account = match app.pane {
        Pane::Inbox => {
            let Some(id) = app.inbox.selected_id() else {
                return;
            };
            let store = app.store.clone();
            app.inbox.row(&store, id).map(|r| r.lead.account_id)
        }
        Pane::Accounts if app.accounts.open.is_none() => app.accounts.id_at(app.accounts.selected),
        Pane::Funnel => app.funnel.selected_deal().map(|d| d.opportunity.account_id),
        _ => None,
    };
    if let Some(id) = account {
        app.open_account(id);
    }
}

fn back(app: &mut App) {
    if app.pane == Pane::Accounts && app.accounts.open.take().is_some() {
        return;
    }
    app.info("back goes from an account to the account list");
}

/// "1 lead", "3 leads".
fn leads(n: usize) -> String {
    if n == 1 {
        "1 lead".to_string()
    } else {
        format!("{n} leads")
    }
}

/// What a message calls a lead: head office's id and the account.
pub fn lead_label(app: &mut App, id: LeadId) -> String {
    let store = app.store.clone();
    match app.inbox.row(&store, id) {
        Some(row) => {
            let name = row.account.as_ref().map(|a| a.name.as_str()).unwrap_or("?");
            match &row.lead.external_id {
                Some(ext) => format!("{ext} ({name})"),
                None => format!("the lead of {name}"),
            }
        }
        None => format!("lead {id}"),
    }
}

fn nothing_selected(app: &mut App) -> bool {
    if app.inbox.targets().is_empty() {
        app.info("no lead selected");
        return true;
    }
    false
}

fn triage(app: &mut App, step: TriageStep) {
    if nothing_selected(app) {
        return;
    }
    let ids = app.inbox.targets();
    confirm_or_apply(app, Pending::Triage(ids, step));
}

/// A change to several leads asks first; a change to one is done at once (and undoable).
fn confirm_or_apply(app: &mut App, pending: Pending) {
    let Pending::Triage(ids, step) = &pending else {
        return app.apply(pending);
    };
    if ids.len() > 1 {
        let verb = match step {
            TriageStep::Accept => "Accept".to_string(),
            TriageStep::Reject(r) => format!("Reject ({r})"),
            TriageStep::Snooze(_) => "Snooze".to_string(),
            TriageStep::Wake => "Wake".to_string(),
            TriageStep::Convert => "Convert".to_string(),
        };
        app.overlay = Some(Overlay::Confirm(Confirm {
            question: format!("{verb} {} marked leads?", ids.len()),
            pending,
        }));
    } else {
        app.apply(pending);
    }
}

fn ask_reject_reason(app: &mut App) {
    if nothing_selected(app) {
        return;
    }
    let reasons = match app.store.reasons() {
        Ok(r) => r.reject,
        Err(e) => return app.error(&e.to_string()),
    };
    let ids = app.inbox.targets();
    let title = if ids.len() > 1 {
        format!("Reject {} leads: why?", ids.len())
    } else {
        "Reject: why?".to_string()
    };
    app.overlay = Some(Overlay::Picker(Picker::new(
        &title,
        reasons.clone(),
        Pick::RejectReason(ids, reasons),
        0,
    )));
}

fn ask_snooze_date(app: &mut App) {
    if nothing_selected(app) {
        return;
    }
    let ids = app.inbox.targets();
    let today = app.now().to_zoned(app.tz.clone()).date();
    app.overlay = Some(Overlay::DateInput(DateInput::new(
        "Snooze until",
        "+3d",
        today,
        DateFor::Snooze(ids),
    )));
}

fn pick_status(app: &mut App) {
    // "All" last, so the digits 1–9 pick the statuses.
    let mut options: Vec<Option<LeadStatus>> = LeadStatus::ALL.into_iter().map(Some).collect();
    options.push(None);
    let labels = options
        .iter()
        .map(|o| match o {
            None => "all open leads".to_string(),
            Some(s) => s.to_string(),
        })
        .collect();
    let at = options
        .iter()
        .position(|o| *o == app.inbox.filters.status)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Show status",
        labels,
        Pick::Status(options),
        at,
    )));
}

fn pick_tier(app: &mut App) {
    // In tier order, so the digit is the tier.
    let options = vec![
        Some(Tier::Customer),
        Some(Tier::KnownProspect),
        Some(Tier::UnknownProspect),
        None,
    ];
    let labels = vec![
        "tier 1: customers".to_string(),
        "tier 2: known prospects".to_string(),
        "tier 3: unknown prospects".to_string(),
        "all tiers".to_string(),
    ];
    let at = options
        .iter()
        .position(|o| *o == app.inbox.filters.tier)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Show tier",
        labels,
        Pick::Tier(options),
        at,
    )));
}

fn pick_channel(app: &mut App) {
    if app.index.ready().is_none() {
        app.info("the channel filter needs the search index, which is still being built; try again in a moment");
        return;
    }
    let mut options: Vec<Option<Channel>> = Channel::ALL.into_iter().map(Some).collect();
    options.push(None);
    let labels = options
        .iter()
        .map(|o| match o {
            None => "all channels".to_string(),
            Some(c) => c.as_str().to_string(),
        })
        .collect();
    let at = options
        .iter()
        .position(|o| *o == app.inbox.filters.channel)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Show channel",
        labels,
        Pick::Channel(options),
        at,
    )));
}

/// Acts on what a finished overlay chose.
pub fn on_choice(app: &mut App, choice: Choice) {
    match choice {
        Choice::Picked(chosen) => on_picked(app, chosen),
        Choice::Date(DateFor::Snooze(ids), date) => match date.to_zoned(app.tz.clone()) {
            Ok(z) => confirm_or_apply(app, Pending::Triage(ids, TriageStep::Snooze(z.timestamp()))),
            Err(e) => app.error(&format!("{date} cannot be used here ({e})")),
        },
        Choice::Confirmed(pending) => app.apply(pending),
        Choice::Palette(item) => on_palette(app, item),
        Choice::FilterKept => {}
        Choice::OpenAccount(id) => app.open_account(id),
        Choice::Visit(input) => super::visit::log(app, *input),
        Choice::Form(form) => super::account_edits::save(app, *form),
    }
}

/// Acts on what a picker chose.
fn on_picked(app: &mut App, chosen: Chosen) {
    match chosen {
        Chosen::RejectReason(ids, reason) => {
            confirm_or_apply(app, Pending::Triage(ids, TriageStep::Reject(reason)));
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
        Chosen::Owner(owner) => {
            app.funnel.filter.owner = owner;
            super::funnel::refilter(app)
        }
        Chosen::Source(source) => {
            app.funnel.filter.source = source;
            super::funnel::refilter(app)
        }
        Chosen::CloseMonth(month) => {
            app.funnel.filter.close_month = month;
            super::funnel::refilter(app)
        }
        Chosen::Product(account, i) => super::account_edits::create_follow_up(app, account, i),
        Chosen::Status(status) => {
            app.inbox.filters.status = status;
            app.reload_inbox(None);
        }
        Chosen::Tier(tier) => {
            app.inbox.filters.tier = tier;
            app.reload_inbox(None);
        }
        Chosen::Channel(channel) => {
            app.inbox.filters.channel = channel;
            app.reload_inbox(None);
        }
    }
}

fn on_palette(app: &mut App, item: PaletteItem) {
    match item {
        PaletteItem::Command(action) => run(app, action),
        PaletteItem::Account(id) => app.open_account(id),
        PaletteItem::Lead(id) => {
            app.pane = Pane::Inbox;
            if !app.inbox.select(id) {
                // Not under the current filters: show every status so it is there.
                app.inbox.filters = Default::default();
                app.inbox.query.clear();
                if let Ok(Some(l)) = app.store.lead(id) {
                    if !l.status.is_open() {
                        app.inbox.filters.status = Some(l.status);
                    }
                }
                app.reload_inbox(Some(id));
            }
        }
    }
}

/// Writes a change through the store; the status line reports it only after the commit.
pub fn apply(app: &mut App, pending: Pending) {
    match pending {
        Pending::Triage(ids, step) => apply_triage(app, ids, step),
        Pending::Merge { survivor, absorbed } => super::merge::apply(app, survivor, absorbed),
    }
}

fn apply_triage(app: &mut App, ids: Vec<LeadId>, step: TriageStep) {
    // Where the selection goes next: the first listed lead after the targets, so triage flows
    // down the list.
    let last = ids
        .iter()
        .filter_map(|id| (0..app.inbox.len()).find(|i| app.inbox.id_at(*i) == Some(*id)))
        .max();
    let next = last.and_then(|i| app.inbox.id_at(i + 1));
    let label = if ids.len() == 1 {
        lead_label(app, ids[0])
    } else {
        format!("{} leads", ids.len())
    };
    match app.write(Triage(ids.clone(), step.clone())) {
        Ok(result) => {
            let done = result.done.len();
            let mut message = if ids.len() == 1 {
                format!("{} {label}", step.done_verb())
            } else {
                format!("{} {}", step.done_verb(), leads(done))
            };
            if let TriageStep::Reject(reason) = &step {
                message.push_str(&format!(" ({reason})"));
            }
            if !result.opportunities.is_empty() {
                message.push_str(&format!(
                    "; {} opportunit{} at qualify",
                    result.opportunities.len(),
                    if result.opportunities.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    }
                ));
            }
            for l in &result.done {
                app.inbox.marked.remove(&l.id);
            }
            let skipped = result.skipped.len();
            match (result.receipt, result.skipped.into_iter().next()) {
                (None, Some((_, e))) => app.error(&e.to_string()),
                (None, None) => app.info("nothing to do"),
                (Some(receipt), first_skip) => {
                    if let Some((_, e)) = first_skip {
                        message.push_str(&format!("; {skipped} skipped: {e}"));
                    }
                    app.committed(&message, receipt, next);
                }
            }
        }
        Err(e) => app.error(&e.to_string()),
    }
}

/// `B`: the network's figures beside the dealer's own.
fn show_benchmarks(app: &mut App) {
    let network = match crate::ops::network_figures(&app.store) {
        Ok(n) => n,
        Err(e) => return app.error(&e.to_string()),
    };
    let own = match crate::ops::own_figures(&app.store) {
        Ok(o) => o,
        Err(e) => return app.error(&e.to_string()),
    };
    let rows = crate::ops::compare(network.as_ref().map_or(&[][..], |n| &n.figures), &own);
    let show = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v}"));
    let mut lines = vec![format!(
        "{:<34} {:>12} {:>12}",
        "measure", "network", "yours"
    )];
    lines.extend(rows.iter().map(|r| {
        format!(
            "{:<34} {:>12} {:>12}",
            r.label,
            show(r.network),
            show(r.own)
        )
    }));
    lines.push(String::new());
    lines.push(match &network {
        Some(n) => format!(
            "network figures from {} ({})",
            n.bundle_id,
            n.created_at.strftime("%Y-%m-%d")
        ),
        None => "no network figures yet: import a benchmark bundle (I)".to_string(),
    });
    app.overlay = Some(Overlay::Report(super::overlays::Report {
        title: "Benchmarks (rates in %, response in hours)".into(),
        lines,
        scroll: 0,
    }));
}

/// `D`: what is due today or overdue.
fn open_due(app: &mut App) {
    let Some(steps) = app.next_steps() else {
        return app
            .info("the due list waits for the search index, which is still being built; a moment");
    };
    let now = app.now();
    let today = now.to_zoned(app.tz.clone()).date();
    let names: std::collections::HashMap<crate::domain::AccountId, String> = app
        .index
        .ready()
        .map(|x| x.accounts.iter().map(|a| (a.id, a.name.clone())).collect())
        .unwrap_or_default();
    let name_of = |id| names.get(&id).cloned().unwrap_or_else(|| "?".into());
    let mut rows: Vec<DueRow> = steps
        .into_iter()
        .filter_map(|(account, step)| {
            let date = step.date.filter(|d| *d <= today)?;
            Some(DueRow {
                date,
                account,
                name: name_of(account),
                what: "follow-up".into(),
            })
        })
        .collect();
    let start = today.to_zoned(app.tz.clone()).map(|z| z.timestamp());
    let end = today
        .tomorrow()
        .ok()
        .and_then(|d| d.to_zoned(app.tz.clone()).ok())
        .map(|z| z.timestamp());
    if let (Ok(start), Some(end)) = (start, end) {
        match app.store.appointments_between(start, end) {
            Ok(list) => rows.extend(list.into_iter().map(|a| DueRow {
                date: today,
                account: a.account_id,
                name: name_of(a.account_id),
                what: format!(
                    "appointment {}",
                    a.starts_at.to_zoned(app.tz.clone()).strftime("%H:%M")
                ),
            })),
            Err(e) => return app.error(&e.to_string()),
        }
    }
    rows.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
    app.overlay = Some(Overlay::Due(Due {
        rows,
        today,
        selected: 0,
    }));
}
