//! Funnel board actions: moving between columns and cards, moving a deal a stage back or on,
//! marking it won (final value) or lost (reason), the period and the filters. Won and lost go
//! through `log_visit`, so the account's timeline records them and the account and lead follow.

use super::action::Action;
use super::app::{App, Pane};
use super::effects::StepDeal;
use super::overlays::{Form, FormField, FormFor, Overlay, Pick, Picker};
use crate::domain::board::{DealSource, Period};
use crate::domain::{ActivityKind, Cents, OpportunityId, Outcome, Stage};
use crate::ops::{VisitInput, VisitTarget};

/// Reads the board the first time it is shown.
pub fn show(app: &mut App) {
    let today = app.now().to_zoned(app.tz.clone()).date();
    let store = app.store.clone();
    let tz = app.tz.clone();
    if let Err(e) = app.panes.funnel.ensure_loaded(&store, today, &tz) {
        app.error(&e.to_string());
    }
}

fn in_funnel(app: &mut App) -> bool {
    if app.pane != Pane::Funnel {
        app.info("that works on the funnel board (press 3)");
        return false;
    }
    show(app);
    true
}

pub fn column(app: &mut App, by: i32) {
    if in_funnel(app) {
        app.panes.funnel.move_column(by);
    }
}

pub fn move_card(app: &mut App, action: Action) {
    app.panes.funnel.move_card(action, 5);
}

fn selected(app: &mut App) -> Option<(OpportunityId, String, Stage, Cents)> {
    let d = app.panes.funnel.selected_deal()?;
    let o = &d.opportunity;
    Some((o.id, o.title.clone(), o.stage, o.value))
}

/// `H` / `L`: a stage back or on.
pub fn step(app: &mut App, by: i32) {
    if !in_funnel(app) {
        return;
    }
    let Some((id, _, _, _)) = selected(app) else {
        return app.info("no deal selected");
    };
    match app.write(StepDeal(id, by)) {
        Ok((deal, receipt)) => {
            let message = format!("moved \"{}\" to {}", deal.title, deal.stage);
            app.committed(&message, receipt, None);
            app.panes.funnel.select(id);
        }
        Err(e) => app.error(&e.to_string()),
    }
}

/// `w`: the final value, prefilled with the deal's value; Enter wins it.
pub fn ask_won(app: &mut App) {
    if !in_funnel(app) {
        return;
    }
    let Some((id, title, stage, value)) = selected(app) else {
        return app.info("no deal selected");
    };
    if !stage.is_open() {
        return app.error(&format!(
            "\"{title}\" is {stage}; a closed deal cannot be won again"
        ));
    }
    app.overlay = Some(Overlay::Form(Form::new(
        &format!("Won: {title}"),
        FormFor::Won(id),
        vec![FormField::text(
            "final value",
            &value.to_string(),
            "the order's value, e.g. 95.000",
        )],
    )));
}

/// `e`: the selected deal's own fields in a form.
pub fn edit_deal(app: &mut App) {
    if !in_funnel(app) {
        return;
    }
    match app
        .panes
        .funnel
        .selected_deal()
        .map(|d| d.opportunity.clone())
    {
        Some(deal) => super::deal_form::open(app, &deal),
        None => app.info("no deal selected"),
    }
}

/// `x`: why it was lost.
pub fn ask_lost(app: &mut App) {
    if !in_funnel(app) {
        return;
    }
    let Some((id, title, stage, _)) = selected(app) else {
        return app.info("no deal selected");
    };
    if !stage.is_open() {
        return app.error(&format!(
            "\"{title}\" is {stage}; a closed deal cannot be lost again"
        ));
    }
    let reasons = match app.store.reasons() {
        Ok(r) => r.lost,
        Err(e) => return app.error(&e.to_string()),
    };
    app.overlay = Some(Overlay::Picker(Picker::new(
        &format!("Lost: {title} — why?"),
        reasons.clone(),
        Pick::LostReason(id, reasons),
        0,
    )));
}

/// Logs the won or lost outcome as a note on the deal, with all of its effects.
pub fn close_deal(
    app: &mut App,
    id: OpportunityId,
    outcome: Outcome,
    value: Option<Cents>,
    reason: Option<String>,
) {
    let mut input = VisitInput::new(VisitTarget::Opportunity(id), Some(outcome));
    input.kind = ActivityKind::Note;
    input.note = format!(
        "marked {} on the funnel board",
        if outcome == Outcome::OrderWon {
            "won"
        } else {
            "lost"
        }
    );
    input.won_value = value;
    input.lost_reason = reason;
    // The cursor stays in the column: the won or lost card leaves it and the next one (or
    // the previous, when it was the last) takes its place, as `FunnelPane::arrange` keeps it.
    super::visit::log(app, input);
}

/// Validates the won form's value and closes the deal.
pub fn save_won(app: &mut App, mut form: Form, id: OpportunityId) {
    let text = form.text("final value");
    match super::overlays::visit_form::order_value(&text) {
        Ok(v) => close_deal(app, id, Outcome::OrderWon, Some(v), None),
        Err(e) => {
            form.error = Some(e);
            app.overlay = Some(Overlay::Form(form));
        }
    }
}

pub fn period(app: &mut App, by: i32) {
    if !in_funnel(app) {
        return;
    }
    let today = app.now().to_zoned(app.tz.clone()).date();
    let p = app
        .panes
        .funnel
        .period()
        .unwrap_or(Period::quarter_of(today));
    let next = if by == 0 {
        p.next_kind(today)
    } else {
        p.step(by)
    };
    let tz = app.tz.clone();
    app.panes.funnel.set_period(next, &tz);
}

pub fn pick_owner(app: &mut App) {
    if !in_funnel(app) {
        return;
    }
    let mut options: Vec<Option<String>> =
        app.panes.funnel.owners().into_iter().map(Some).collect();
    options.push(None);
    let labels = options
        .iter()
        .map(|o| o.clone().unwrap_or_else(|| "every owner".into()))
        .collect();
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Deals of",
        labels,
        Pick::Owner(options),
        0,
    )));
}

pub fn pick_source(app: &mut App) {
    if !in_funnel(app) {
        return;
    }
    let options = vec![Some(DealSource::HeadOffice), Some(DealSource::Own), None];
    let labels = vec![
        "head-office leads".into(),
        "the dealer's own".into(),
        "every source".into(),
    ];
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Deals from",
        labels,
        Pick::Source(options),
        0,
    )));
}

pub fn pick_close_month(app: &mut App) {
    if !in_funnel(app) {
        return;
    }
    let mut options: Vec<Option<(i16, i8)>> = app
        .panes
        .funnel
        .close_months()
        .into_iter()
        .map(Some)
        .collect();
    options.push(None);
    let labels = options
        .iter()
        .map(|o| match o {
            Some((y, m)) => format!("{y}-{m:02}"),
            None => "any month".into(),
        })
        .collect();
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Expected to close in",
        labels,
        Pick::CloseMonth(options),
        0,
    )));
}

/// `E`: only open deals expected to close in `month`; the period becomes that month, so the
/// header ("open deals closing in 2026-12") and the columns say the same.
pub fn set_close_month(app: &mut App, month: Option<(i16, i8)>) {
    let tz = app.tz.clone();
    app.panes.funnel.set_close_month(month, &tz);
}

/// Changes the board's filters by `change`; the columns follow.
pub fn refilter(app: &mut App, change: impl FnOnce(&mut crate::domain::board::DealFilter)) {
    let tz = app.tz.clone();
    app.panes.funnel.change_filter(&tz, change);
}
