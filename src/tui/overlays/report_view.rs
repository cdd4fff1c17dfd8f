//! Draws `B`, the benchmarks: per figure two bars, the network's above the dealer's own,
//! each ratatui `BarChart` on its own scale (rates and shares out of 100 %, response time out
//! of the longer of the two, NPS out of 100), with the number and whose it is written beside
//! the bars so the chart reads without colour too.

use super::Report;
use super::view::boxed;
use crate::ops::Comparison;
use crate::tui::format::fit;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

/// The label column's width, and the number column's ("  23.5 % network").
const LABEL: u16 = 25;
const NUMBER: u16 = 17;

/// Draws the overlay over `area`.
pub fn draw(frame: &mut Frame, area: Rect, r: &Report, theme: &Theme) {
    let h = (r.rows.len() as u16 * 2 + 6).min(area.height);
    let inner = boxed(frame, area, 76, h, &r.title, theme);
    if inner.height < 5 || inner.width < LABEL + NUMBER + 4 {
        return;
    }
    let muted = theme.style(Role::Muted);
    let legend = "per figure: the network's bar above, yours below";
    let line = |y: u16| Rect {
        y: inner.y + y,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(Span::styled(legend, muted)), line(0));
    let room = ((inner.height - 4) / 2) as usize;
    let start = r.scroll.min(r.rows.len().saturating_sub(room));
    for (i, row) in r.rows.iter().skip(start).take(room).enumerate() {
        let at = Rect {
            y: inner.y + 1 + 2 * i as u16,
            height: 2,
            ..inner
        };
        draw_figure(frame, at, row, theme);
    }
    let end = (start + room).min(r.rows.len());
    let more = match (start, r.rows.len() - end) {
        (0, 0) => String::new(),
        (0, below) => format!("↓ {below} more"),
        (above, 0) => format!("↑ {above} more"),
        (above, below) => format!("↑ {above} more · ↓ {below} more"),
    };
    let foot = inner.height - 3;
    frame.render_widget(Paragraph::new(Span::styled(more, muted)), line(foot));
    let source = fit(&r.source, inner.width as usize);
    frame.render_widget(Paragraph::new(Span::styled(source, muted)), line(foot + 1));
    let keys = "j/k scroll · g/G first/last · Esc closes";
    frame.render_widget(Paragraph::new(Span::styled(keys, muted)), line(foot + 2));
}

/// One figure in two lines: its name, the two bars, and the two numbers.
fn draw_figure(frame: &mut Frame, area: Rect, row: &Comparison, theme: &Theme) {
    let scale = Scale::of(row);
    let name = Line::styled(
        fit(&scale.name, LABEL as usize - 1),
        theme.style(Role::Text),
    );
    frame.render_widget(
        Paragraph::new(name),
        Rect {
            width: LABEL,
            height: 1,
            ..area
        },
    );
    let bars = Rect {
        x: area.x + LABEL,
        width: area.width - LABEL - NUMBER,
        ..area
    };
    let (network, yours) = (theme.style(Role::Muted), theme.style(Role::Ok));
    let bar = |v: Option<f64>, style| {
        Bar::default()
            .value(scale.ticks(v))
            .text_value(String::new())
            .style(style)
    };
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .group_gap(0)
        .max(scale.max_ticks())
        .data(BarGroup::default().bars(&[bar(row.network, network), bar(row.own, yours)]));
    frame.render_widget(chart, bars);
    let numbers = Rect {
        x: area.x + area.width - NUMBER,
        width: NUMBER,
        ..area
    };
    let text = vec![
        Line::styled(scale.number(row.network, "network"), network),
        Line::styled(scale.number(row.own, "yours"), yours),
    ];
    frame.render_widget(Paragraph::new(text), numbers);
}

/// How a figure is named and measured.
struct Scale {
    name: String,
    unit: &'static str,
    /// The bar's full length in the figure's unit.
    max: f64,
}

impl Scale {
    fn of(row: &Comparison) -> Scale {
        let (measure, key) = row.label.split_once(' ').unwrap_or((&row.label, ""));
        let longest = row
            .network
            .unwrap_or(0.0)
            .max(row.own.unwrap_or(0.0))
            .max(1.0);
        let (name, unit, max) = match measure {
            "conversion_rate" => (format!("conversion {key}"), "%", 100.0),
            "win_rate" => ("win rate".to_string(), "%", 100.0),
            "lost_reason" => (format!("lost: {key}"), "%", 100.0),
            "response_hours" => ("response time".to_string(), "h", longest),
            "nps" => ("NPS".to_string(), "", 100.0),
            _ => (row.label.clone(), "", longest),
        };
        Scale { name, unit, max }
    }

    /// Tenths of the unit, so one decimal shows in the bar's length; nothing below zero (a
    /// negative NPS has no bar, its number says it).
    fn ticks(&self, v: Option<f64>) -> u64 {
        let v = v.unwrap_or(0.0).clamp(0.0, self.max);
        (v * 10.0).round() as u64
    }

    fn max_ticks(&self) -> u64 {
        (self.max * 10.0).round().max(1.0) as u64
    }

    /// "23.5 % network", "— yours" when there is no figure.
    fn number(&self, v: Option<f64>, whose: &str) -> String {
        match v {
            None => format!("{:>7} {whose}", "—"),
            Some(v) if self.unit.is_empty() => format!("{v:>7} {whose}"),
            Some(v) => format!("{:>7} {whose}", format!("{v} {}", self.unit)),
        }
    }
}
