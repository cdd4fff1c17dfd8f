//! The accounts and funnel panes until their own issues land: switching to them works and they
//! show real data (the account opened from a lead or the palette; the funnel's totals), with a
//! plain note of what is still to come.

use crate::domain::funnel::summarize;
use crate::domain::{Opportunity, Stage};
use crate::tui::app::App;
use crate::tui::format::thousands;
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// The account opened last, with its leads and deals.
pub fn draw_accounts(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::BorderFocus))
        .title(Span::styled(" Accounts ", t.style(Role::Title)));
    let mut lines = Vec::new();
    let account = app
        .account
        .and_then(|id| app.store.account(id).ok().flatten());
    match account {
        None => {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Open an account with Enter on a lead, or find one by name in the palette.",
                t.style(Role::Muted),
            ));
        }
        Some(a) => {
            lines.push(Line::styled(a.name.clone(), t.style(Role::Title)));
            let place = [
                a.address.street.as_str(),
                a.address.postcode.as_str(),
                a.address.city.as_str(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
            lines.push(Line::raw(format!("{} · {}", a.lifecycle, place)));
            let reach = [a.phone.as_str(), a.email.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            if !reach.is_empty() {
                lines.push(Line::raw(reach));
            }
            if let Some(kvk) = &a.kvk {
                lines.push(Line::styled(format!("KvK {kvk}"), t.style(Role::Muted)));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled("Leads", t.style(Role::Header)));
            for l in app.store.leads_of(a.id).unwrap_or_default() {
                lines.push(Line::raw(format!(
                    "  {:<10} {:>3}  {}  {}",
                    l.status.to_string(),
                    l.score,
                    l.external_id.clone().unwrap_or_else(|| "own lead".into()),
                    l.interest
                )));
            }
            lines.push(Line::styled("Opportunities", t.style(Role::Header)));
            for o in app.store.opportunities_of(a.id).unwrap_or_default() {
                lines.push(Line::raw(format!(
                    "  {:<12} {:>14}  {}",
                    o.stage.to_string(),
                    o.value.to_string(),
                    o.title
                )));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "The full account view (contacts, consent, installed base, timeline, visit capture) comes with the account-view issue.",
        t.style(Role::Muted),
    ));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}

/// The funnel's totals per stage and its forecast.
pub fn draw_funnel(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::BorderFocus))
        .title(Span::styled(" Funnel ", t.style(Role::Title)));
    let mut opps: Vec<Opportunity> = Vec::new();
    for s in Stage::ALL {
        opps.extend(app.store.opportunities_in(s).unwrap_or_default());
    }
    let summary = summarize(&opps);
    let mut lines = vec![Line::styled(
        format!(
            "{:<12} {:>7} {:>16} {:>16}",
            "stage", "deals", "value", "weighted"
        ),
        t.style(Role::Header),
    )];
    for s in &summary.stages {
        lines.push(Line::raw(format!(
            "{:<12} {:>7} {:>16} {:>16}",
            s.stage.to_string(),
            thousands(s.count),
            s.value.to_string(),
            s.weighted.to_string()
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(format!(
        "forecast {} · win rate {}",
        summary.forecast,
        summary
            .win_rate
            .map(|w| format!("{w}%"))
            .unwrap_or_else(|| "—".into())
    )));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "The board with cards and moves comes with the funnel-board issue; these totals are the same as `wortel funnel`.",
        t.style(Role::Muted),
    ));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
