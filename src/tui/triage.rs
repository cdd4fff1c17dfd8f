//! The inbox's triage keys: `a`, `r` (with its reason picker), `s` (with its date), `c` (one
//! lead: `convert.rs` asks its estimate), the
//! status, tier and channel filters — and the triage write itself, one lead or many marked.

use super::app::App;
use super::effects::Triage;
use super::overlays::{Confirm, DateFor, DateInput, Overlay, Pending, Pick, Picker};
use crate::domain::{Channel, LeadId, LeadStatus, Tier};
use crate::ops::TriageStep;

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
    match app.panes.inbox.row(&store, id) {
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
    if app.panes.inbox.targets().is_empty() {
        app.info("no lead selected");
        return true;
    }
    false
}

pub fn triage(app: &mut App, step: TriageStep) {
    if nothing_selected(app) {
        return;
    }
    let ids = app.panes.inbox.targets();
    confirm_or_apply(app, Pending::Triage(ids, step));
}

/// A change to several leads asks first; a change to one is done at once (and undoable).
pub fn confirm_or_apply(app: &mut App, pending: Pending) {
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

pub fn ask_reject_reason(app: &mut App) {
    if nothing_selected(app) {
        return;
    }
    let reasons = match app.store.reasons() {
        Ok(r) => r.reject,
        Err(e) => return app.error(&e.to_string()),
    };
    let ids = app.panes.inbox.targets();
    let title = if ids.len() > 1 {
        format!("Reject {} leads: why?", ids.len())
    } else {
        "Reject: why?".to_string()
    };
    app.overlay = Some(Overlay::Picker(Picker::unchosen(
        &title,
        reasons.clone(),
        Pick::RejectReason(ids, reasons),
        "no reason chosen: move to one with the arrows, type to narrow, or press its digit",
    )));
}

pub fn ask_snooze_date(app: &mut App) {
    if nothing_selected(app) {
        return;
    }
    let ids = app.panes.inbox.targets();
    let today = app.now().to_zoned(app.tz.clone()).date();
    app.overlay = Some(Overlay::DateInput(DateInput::new(
        "Snooze until",
        "+3d",
        today,
        DateFor::Snooze(ids),
    )));
}

pub fn pick_status(app: &mut App) {
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
        .position(|o| *o == app.panes.inbox.filters().status)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Show status",
        labels,
        Pick::Status(options),
        at,
    )));
}

pub fn pick_tier(app: &mut App) {
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
        .position(|o| *o == app.panes.inbox.filters().tier)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Show tier",
        labels,
        Pick::Tier(options),
        at,
    )));
}

pub fn pick_channel(app: &mut App) {
    if app.background.index.ready().is_none() {
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
        .position(|o| *o == app.panes.inbox.filters().channel)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Show channel",
        labels,
        Pick::Channel(options),
        at,
    )));
}

pub fn apply_triage(app: &mut App, ids: Vec<LeadId>, step: TriageStep) {
    // Where the selection goes next: the first listed lead after the targets, so triage flows
    // down the list.
    let next = app.panes.inbox.next_after(&ids);
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
                app.panes.inbox.unmark(l.id);
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
