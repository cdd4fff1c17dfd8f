//! Draws the funnel board: a title with the win rate and filters; a line saying what the
//! forecast sums (`FunnelSummary::headline`) and one with what was won in the period and a
//! sparkline of it per week; a column per stage with its count, total and weighted total;
//! cards with account, title, value, days in stage and the next step, and "↑ 3 more" /
//! "↓ 5 more" where a column's cards do not all fit. Won and lost are folded to their totals
//! unless focused. Narrow screens show a window of columns around the focused one. Money is
//! in full unless a column is too narrow for it (`money::fitted`).

use super::funnel_card::card_lines;
use crate::domain::board::Period;
use crate::domain::funnel::{FunnelSummary, StageTotals};
use crate::domain::money::fitted;
use crate::domain::{Cents, Stage};
use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline};

const MIN_OPEN: u16 = 24;
const FOLDED: u16 = 11;
/// Lines per card, with the blank line after it.
const CARD: u16 = 4;
/// Lines above the cards: the stage and count, its value, its weighted value.
const HEAD: u16 = 3;

/// The board's border around `area`.
fn border() -> Block<'static> {
    Block::default().borders(Borders::ALL)
}

/// The empty summary, for a board not read yet.
fn no_summary() -> FunnelSummary {
    crate::domain::funnel::summarize([])
}

/// The lines the header takes over `width`: the headline (one or two) and the won line.
fn header_height(app: &App, s: &FunnelSummary, width: u16) -> u16 {
    let period = app.panes.funnel.period().unwrap_or(Period::All);
    s.headline_lines(&period.to_string(), width as usize).len() as u16 + 1
}

/// Where the columns go in a board drawn into `area`; `None` when it is too small to show them.
pub fn columns_area(app: &App, area: Rect) -> Option<Rect> {
    let framed = border().inner(area);
    if framed.width < 10 || framed.height < 7 {
        return None;
    }
    let summary = app
        .panes
        .funnel
        .summary()
        .cloned()
        .unwrap_or_else(no_summary);
    let head = header_height(app, &summary, framed.width);
    Some(Rect {
        y: framed.y + head,
        height: framed.height - head,
        ..framed
    })
}

/// Draws the board into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let today = app.now().to_zoned(app.tz.clone()).date();
    let t = &app.theme;
    let fallback = no_summary();
    let summary = app.panes.funnel.summary().unwrap_or(&fallback);
    let block = border()
        .border_style(t.style(Role::BorderFocus))
        .title(title(app, summary, t));
    let framed = block.inner(area);
    frame.render_widget(block, area);
    let Some(inner) = columns_area(app, area) else {
        return;
    };
    draw_header(frame, framed, app, summary, today);
    draw_columns(frame, inner, app, today);
}

/// " Funnel · win rate 77% [owner Ton] ".
fn title<'a>(app: &App, summary: &FunnelSummary, t: &Theme) -> Line<'a> {
    let rate = summary
        .win_rate
        .map(|w| format!("{w}%"))
        .unwrap_or_else(|| "—".into());
    let mut title = vec![
        Span::styled(" Funnel ", t.style(Role::Title)),
        Span::styled(format!("· win rate {rate} "), t.style(Role::Muted)),
    ];
    for f in app.panes.funnel.filter().describe() {
        title.push(Span::styled(format!("[{f}] "), t.style(Role::FilterActive)));
    }
    Line::from(title)
}

/// The header: what the forecast sums (its own line or two, so it is never read as the
/// columns' total), then what was won in the period with a bar per week; `header_height`
/// lines.
fn draw_header(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &FunnelSummary,
    today: jiff::civil::Date,
) {
    let t = &app.theme;
    let period = app.panes.funnel.period().unwrap_or(Period::All);
    let width = area.width as usize;
    let line = |y: u16, x: u16, w: u16| Rect {
        x: area.x + x,
        y: area.y + y,
        width: w.min(area.width.saturating_sub(x)),
        height: 1,
    };
    let headline = s.headline_lines(&period.to_string(), width);
    for (y, text) in headline.iter().enumerate() {
        let span = Span::styled(fit(text, width), t.style(Role::Text));
        frame.render_widget(Paragraph::new(span), line(y as u16, 0, area.width));
    }
    let y = headline.len() as u16;
    let weeks = &app.panes.funnel.won_weeks();
    let bars = if weeks.is_empty() {
        0
    } else {
        weeks.len() + 10
    };
    // The won value in full beside the sparkline; else shortened to keep the sparkline; else
    // (a year's 53 weeks on a narrow screen) in full without it.
    let mut text = s.won_line_in(&period.to_string(), width.saturating_sub(bars));
    let spark = bars > 0 && text.chars().count() + bars <= width;
    if !spark {
        text = s.won_line_in(&period.to_string(), width);
    }
    let text = fit(&text, width);
    let used = text.chars().count() as u16;
    let muted = t.style(Role::Muted);
    frame.render_widget(Paragraph::new(Span::styled(text, muted)), line(y, 0, used));
    if spark {
        // Reads as its own item after the sentence: "… from 12 deals · weekly ▁▄█··".
        let label = Paragraph::new(Span::styled(" · weekly ", muted));
        frame.render_widget(label, line(y, used, 10));
        let future = period.week_starts().into_iter().map(|w| w > today);
        let spark = line(y, used + 10, weeks.len() as u16);
        draw_sparkline(frame, spark, weeks, future, t);
    }
}

/// The sparkline's bars, with a week that won nothing drawn as `_` (not a blank, which
/// would read as "no data").
const WEEK_BARS: ratatui::symbols::bar::Set = ratatui::symbols::bar::Set {
    empty: "_",
    ..ratatui::symbols::bar::NINE_LEVELS
};

/// The won value per week as a sparkline, one cell a week: `_` for a week without a win,
/// "·" for weeks still to come.
fn draw_sparkline(
    frame: &mut Frame,
    area: Rect,
    weeks: &[Cents],
    future: impl Iterator<Item = bool>,
    t: &Theme,
) {
    let bars: Vec<Option<u64>> = weeks
        .iter()
        .zip(future)
        .map(|(c, later)| (!later).then(|| c.0.max(0).unsigned_abs() / 100))
        .collect();
    frame.render_widget(
        Sparkline::default()
            .data(&bars)
            .bar_set(WEEK_BARS)
            .absent_value_symbol("·")
            .absent_value_style(t.style(Role::Muted))
            .style(t.style(Role::Ok)),
        area,
    );
}

/// The columns shown for a board whose columns go in `inner`: each stage's place (the window
/// around the focused one, the spare width shared by the unfolded ones), and how many stages
/// did not fit.
pub fn column_rects(focus: usize, inner: Rect) -> (Vec<(usize, Rect)>, usize) {
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
    let mut rects = Vec::with_capacity(end - start);
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
        rects.push((c, col));
        x += w;
    }
    (rects, Stage::ALL.len() - (end - start))
}

/// Whether column `c` shows only its totals: closed stages unless focused.
pub fn folded(c: usize, focus: usize) -> bool {
    !Stage::ALL[c].is_open() && c != focus
}

/// How many cards of a column of `len` fit `height` lines (with the head, the "↑ n more"
/// line, and "↓ n more" when not all fit).
pub fn card_rows(height: u16, len: usize) -> usize {
    let room = height.saturating_sub(HEAD + 1);
    let rows = (room / CARD) as usize;
    if rows < len {
        (room.saturating_sub(1) / CARD).max(1) as usize
    } else {
        rows
    }
}

/// The columns that fit around the focused one and "◂ 3 more ▸" when some do not fit.
fn draw_columns(frame: &mut Frame, inner: Rect, app: &App, today: jiff::civil::Date) {
    let (rects, hidden) = column_rects(app.panes.funnel.column(), inner);
    for (c, col) in rects {
        draw_column(frame, col, app, c, today);
    }
    if hidden > 0 {
        let hint = format!("◂ {hidden} more ▸");
        let len = hint.chars().count() as u16;
        let r = Rect {
            x: inner.x + inner.width.saturating_sub(len),
            y: inner.y + inner.height,
            width: len,
            height: 1,
        };
        let style = app.theme.style(Role::Muted);
        frame.render_widget(Paragraph::new(Span::styled(hint, style)), r);
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

/// One stage: its totals, then its cards (or "(folded)").
fn draw_column(frame: &mut Frame, area: Rect, app: &App, c: usize, today: jiff::civil::Date) {
    let t = &app.theme;
    let stage = Stage::ALL[c];
    let focused = c == app.panes.funnel.column();
    let folded = folded(c, app.panes.funnel.column());
    let w = area.width.saturating_sub(1) as usize;
    let totals = app
        .panes
        .funnel
        .summary()
        .and_then(|s| s.stages.iter().find(|x| x.stage == stage).cloned());
    let mut lines = column_head(stage, totals, focused, w, t);
    if folded {
        lines.push(Line::styled("(folded)", t.style(Role::Muted)));
    } else {
        lines.extend(column_cards(app, area, c, today));
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

/// "quote 7", its value and its weighted value, each in full when the column is wide enough.
fn column_head<'a>(
    stage: Stage,
    totals: Option<StageTotals>,
    focused: bool,
    w: usize,
    t: &Theme,
) -> Vec<Line<'a>> {
    let (count, value, weighted) =
        totals.map_or((0, Cents(0), Cents(0)), |x| (x.count, x.value, x.weighted));
    let head_role = if focused { Role::Title } else { Role::Header };
    let weighted = if stage.is_open() {
        format!("w {}", fitted(weighted, w.saturating_sub(2)))
    } else {
        String::new()
    };
    vec![
        Line::styled(fit(&format!("{stage} {count}"), w), t.style(head_role)),
        Line::styled(fit(&fitted(value, w), w), t.style(Role::Text)),
        Line::styled(fit(&weighted, w), t.style(Role::Muted)),
    ]
}

/// The cards that fit below the head, with "↑ n more" / "↓ n more" when some do not.
fn column_cards<'a>(app: &App, area: Rect, c: usize, today: jiff::civil::Date) -> Vec<Line<'a>> {
    let muted = app.theme.style(Role::Muted);
    let len = app.panes.funnel.column_len(c);
    // Every column keeps its first line for "↑ n more" (blank when nothing is above), so
    // the cards of all columns stay level.
    if len == 0 {
        return vec![Line::raw(""), Line::styled("no deals", muted)];
    }
    let rows = card_rows(area.height, len);
    let offset = app.panes.funnel.offset_in(c);
    let end = (offset + rows).min(len);
    let w = area.width.saturating_sub(1) as usize;
    let mut lines = vec![more_line("↑", offset, w, muted)];
    for i in offset..end {
        lines.extend(card_lines(app, c, i, w, today));
    }
    if rows < len {
        lines.push(more_line("↓", len - end, w, muted));
    }
    lines
}

/// "↑ 3 more", or an empty line when nothing is hidden that way.
fn more_line<'a>(arrow: &str, hidden: usize, w: usize, style: ratatui::style::Style) -> Line<'a> {
    if hidden == 0 {
        return Line::raw("");
    }
    Line::styled(fit(&format!("{arrow} {hidden} more"), w), style)
}
