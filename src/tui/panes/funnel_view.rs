//! Draws the funnel board: a title with the win rate and filters, a line saying what the
//! forecast sums (`FunnelSummary::headline`); a column per stage
//! with its count, total and weighted total; cards with account, title, value, days in stage
//! and the next step. Won and lost are folded to their totals unless focused. Narrow screens
//! show a window of columns around the focused one.

use crate::domain::Stage;
use crate::domain::board::{DealSource, Period, days_in_stage};
use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::search_index::NextStep;
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

const MIN_OPEN: u16 = 24;
const FOLDED: u16 = 11;
/// Lines per card, with the blank line after it.
const CARD: u16 = 4;

/// Draws the board into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    let today = app.now().to_zoned(app.tz.clone()).date();
    let store = app.store.clone();
    let tz = app.tz.clone();
    if let Err(e) = app.funnel.ensure_loaded(&store, today, &tz) {
        app.error(&e.to_string());
    }
    let t = app.theme.clone();
    let period = app.funnel.period.unwrap_or(Period::All);
    let summary = app
        .funnel
        .summary
        .clone()
        .unwrap_or_else(|| crate::domain::funnel::summarize([]));
    let mut title = vec![
        Span::styled(" Funnel ", t.style(Role::Title)),
        Span::styled(
            format!(
                "· win rate {} ",
                summary
                    .win_rate
                    .map(|w| format!("{w}%"))
                    .unwrap_or_else(|| "—".into())
            ),
            t.style(Role::Muted),
        ),
    ];
    for f in app.funnel.filter.describe() {
        title.push(Span::styled(format!("[{f}] "), t.style(Role::FilterActive)));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::BorderFocus))
        .title(Line::from(title));
    let framed = block.inner(area);
    frame.render_widget(block, area);
    if framed.width < 10 || framed.height < 5 {
        return;
    }
    // The forecast's own line says what it sums, so it is never read as the columns' total.
    let headline = summary.headline(&period.to_string());
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&headline, framed.width as usize),
            t.style(Role::Text),
        )),
        Rect {
            height: 1,
            ..framed
        },
    );
    let inner = Rect {
        y: framed.y + 1,
        height: framed.height - 1,
        ..framed
    };

    let focus = app.funnel.column;
    let widths: Vec<u16> = (0..Stage::ALL.len())
        .map(|c| {
            if Stage::ALL[c].is_open() || c == focus {
                MIN_OPEN
            } else {
                FOLDED
            }
        })
        .collect();
    let (start, end) = window(&widths, focus, inner.width);
    let used: u16 = widths[start..end].iter().sum();
    let spare = inner.width.saturating_sub(used);
    let unfolded = (start..end).filter(|c| widths[*c] == MIN_OPEN).count() as u16;
    let mut x = inner.x;
    for (c, width) in widths.iter().enumerate().take(end).skip(start) {
        let mut w = *width;
        if w == MIN_OPEN && unfolded > 0 {
            w += spare / unfolded;
        }
        let col = Rect {
            x,
            y: inner.y,
            width: w.min(inner.x + inner.width - x),
            height: inner.height,
        };
        draw_column(frame, col, app, c, today);
        x += w;
    }
    if start > 0 || end < Stage::ALL.len() {
        let hint = format!("◂ {} more ▸", Stage::ALL.len() - (end - start));
        let r = Rect {
            x: inner.x + inner.width.saturating_sub(hint.chars().count() as u16),
            y: area.y + area.height - 1,
            width: hint.chars().count() as u16,
            height: 1,
        };
        frame.render_widget(Paragraph::new(Span::styled(hint, t.style(Role::Muted))), r);
    }
}

/// The widest window of columns around `focus` that fits `width`.
fn window(widths: &[u16], focus: usize, width: u16) -> (usize, usize) {
    let (mut start, mut end) = (focus, focus + 1);
    let mut used = widths[focus];
    loop {
        let mut grew = false;
        if end < widths.len() && used + widths[end] <= width {
            used += widths[end];
            end += 1;
            grew = true;
        }
        if start > 0 && used + widths[start - 1] <= width {
            start -= 1;
            used += widths[start];
            grew = true;
        }
        if !grew {
            return (start, end);
        }
    }
}

fn draw_column(frame: &mut Frame, area: Rect, app: &mut App, c: usize, today: jiff::civil::Date) {
    let t = app.theme.clone();
    let stage = Stage::ALL[c];
    let focused = c == app.funnel.column;
    let totals = app
        .funnel
        .summary
        .as_ref()
        .and_then(|s| s.stages.iter().find(|x| x.stage == stage).cloned());
    let (count, value, weighted) = totals.map(|x| (x.count, x.value, x.weighted)).unwrap_or((
        0,
        crate::domain::Cents(0),
        crate::domain::Cents(0),
    ));
    let head_role = if focused { Role::Title } else { Role::Header };
    let w = area.width.saturating_sub(1) as usize;
    let folded = !stage.is_open() && !focused;
    let money = if folded {
        crate::domain::money::compact(value)
    } else {
        value.to_string()
    };
    let mut lines = vec![
        Line::styled(fit(&format!("{stage} {count}"), w), t.style(head_role)),
        Line::styled(fit(&money, w), t.style(Role::Text)),
        Line::styled(
            fit(
                &if stage.is_open() {
                    format!("w {weighted}")
                } else {
                    String::new()
                },
                w,
            ),
            t.style(Role::Muted),
        ),
    ];
    if !folded {
        let rows = ((area.height.saturating_sub(3)) / CARD) as usize;
        app.funnel.scroll_into_view(c, rows);
        let store = app.store.clone();
        let tz = app.tz.clone();
        let (offset, selected) = (app.funnel.offset[c], app.funnel.selected[c]);
        let len = app.funnel.columns.get(c).map_or(0, Vec::len);
        for i in offset..(offset + rows).min(len) {
            let Some(deal) = app.funnel.deal_at(c, i).cloned() else {
                break;
            };
            let o = &deal.opportunity;
            let name = app.funnel.name_of(&store, o.account_id);
            let days = days_in_stage(o, today, &tz);
            let stale = app.funnel.stale.is_stale(o, today, &tz);
            let base = if focused && i == selected {
                t.style(Role::Selection)
            } else {
                Style::default()
            };
            let mark = if deal.source == DealSource::HeadOffice && o.incentive {
                " ★"
            } else {
                ""
            };
            lines.push(
                Line::from(vec![
                    Span::styled(
                        fit(&name, w.saturating_sub(mark.chars().count())),
                        t.style(Role::Text),
                    ),
                    Span::styled(mark, t.style(Role::Incentive)),
                ])
                .style(base),
            );
            // A deal without a value says so, rather than looking like a € 0,00 order.
            let value = if o.value.0 > 0 {
                o.value.to_string()
            } else {
                "no value".to_string()
            };
            lines.push(
                Line::from(vec![
                    Span::styled(
                        fit(&o.title, w.saturating_sub(value.chars().count() + 1)),
                        t.style(Role::Muted),
                    ),
                    Span::raw(" "),
                    Span::styled(value, t.style(Role::Text)),
                ])
                .style(base),
            );
            let mut third = Vec::new();
            if stage.is_open() {
                third.push(Span::styled(
                    format!("{days}d{} · ", if stale { " stale" } else { "" }),
                    t.style(if stale { Role::Stale } else { Role::Muted }),
                ));
                let (text, role) =
                    next_state(NextStep::of(&store, o.account_id).ok().flatten(), today);
                third.push(Span::styled(text, t.style(role)));
            } else {
                third.push(Span::styled(
                    o.lost_reason.clone().unwrap_or_else(|| {
                        o.stage_entered_at.to_zoned(tz.clone()).date().to_string()
                    }),
                    t.style(Role::Muted),
                ));
            }
            lines.push(Line::from(third).style(base));
            lines.push(Line::raw(""));
        }
        if len == 0 {
            lines.push(Line::styled("no deals", t.style(Role::Muted)));
        }
    } else {
        lines.push(Line::styled("(folded)", t.style(Role::Muted)));
    }
    let border = Block::default()
        .borders(Borders::RIGHT)
        .border_style(t.style(if focused {
            Role::BorderFocus
        } else {
            Role::Border
        }));
    frame.render_widget(Paragraph::new(lines).block(border), area);
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
