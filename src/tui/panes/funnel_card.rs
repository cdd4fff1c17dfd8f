//! One card on the funnel board: the account (★ for a head-office lead with incentive), the
//! deal's title and value ("no value" rather than a € 0,00 order), and its days in stage with
//! the next step, or for a closed deal the lost reason or the day it closed.

use crate::domain::board::{DealSource, closed_day, days_in_stage};
use crate::domain::money::fitted;
use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::search_index::NextStep;
use crate::tui::theme::Role;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The card's four lines (the last one blank), for column `c`, row `i`, `w` characters wide.
pub fn card_lines<'a>(
    app: &App,
    c: usize,
    i: usize,
    w: usize,
    today: jiff::civil::Date,
) -> Vec<Line<'a>> {
    let Some(deal) = app.panes.funnel.deal_at(c, i) else {
        return Vec::new();
    };
    let t = &app.theme;
    let o = &deal.opportunity;
    let name = app.panes.funnel.cached_name(o.account_id);
    let base = if c == app.panes.funnel.column() && i == app.panes.funnel.selected_in(c) {
        t.style(Role::Selection)
    } else {
        Style::default()
    };
    let mark = if deal.source == DealSource::HeadOffice && o.incentive {
        " ★"
    } else {
        ""
    };
    let value = if o.value.0 > 0 {
        // Room for at least a few letters of the title beside it.
        fitted(o.value, w.saturating_sub(8))
    } else {
        "no value".to_string()
    };
    let third = third_line(app, o, today);
    vec![
        Line::from(vec![
            Span::styled(
                fit(name, w.saturating_sub(mark.chars().count())),
                t.style(Role::Text),
            ),
            Span::styled(mark, t.style(Role::Incentive)),
        ])
        .style(base),
        Line::from(vec![
            Span::styled(
                fit(&o.title, w.saturating_sub(value.chars().count() + 1)),
                t.style(Role::Muted),
            ),
            Span::raw(" "),
            Span::styled(value, t.style(Role::Text)),
        ])
        .style(base),
        Line::from(third).style(base),
        Line::raw(""),
    ]
}

/// Days in stage (and stale) with the next step for an open deal; the lost reason or the day
/// it closed for a closed one.
fn third_line<'a>(
    app: &App,
    o: &crate::domain::Opportunity,
    today: jiff::civil::Date,
) -> Vec<Span<'a>> {
    let (t, tz) = (&app.theme, &app.tz);
    if o.stage.is_open() {
        let days = days_in_stage(o, today, tz);
        let stale = app.panes.funnel.stale().is_stale(o, today, tz);
        let (text, role) = next_state(NextStep::of(&app.store, o.account_id).ok().flatten(), today);
        vec![
            Span::styled(
                format!("{days}d{} · ", if stale { " stale" } else { "" }),
                t.style(if stale { Role::Stale } else { Role::Muted }),
            ),
            Span::styled(text, t.style(role)),
        ]
    } else {
        let closed = o
            .lost_reason
            .clone()
            .unwrap_or_else(|| closed_day(o, tz).to_string());
        vec![Span::styled(closed, t.style(Role::Muted))]
    }
}

/// The state of a deal's next step: overdue, today, planned, or none.
fn next_state(step: Option<NextStep>, today: jiff::civil::Date) -> (String, Role) {
    match step.and_then(|s| s.date) {
        None => ("no next step".into(), Role::Overdue),
        Some(d) if d < today => (
            format!("next {}d late", (today - d).get_days()),
            Role::Overdue,
        ),
        Some(d) if d == today => ("next today".into(), Role::Ok),
        Some(d) => (format!("next {}", d.strftime("%-d %b")), Role::Muted),
    }
}
