//! The funnel pane until the board lands: switching to it works and it shows real data (the
//! funnel's totals, as `wortel funnel` prints them), with a plain note of what is to come.

use crate::domain::funnel::summarize;
use crate::domain::{Opportunity, Stage};
use crate::tui::app::App;
use crate::tui::format::thousands;
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

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
