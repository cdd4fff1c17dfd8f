//! Draws a whole frame from the app state: the focused pane, the status bar and the open
//! overlay. Drawing only reads: [`App::prepare`] (in `prepare.rs`) runs before each frame with
//! its size and does what depends on the layout (scroll offsets, the page, the rows on screen
//! read into their caches), so every draw function here takes `&App`.

use super::app::{App, Pane, Tone};
use super::theme::Role;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The panes' area and the status bar's, for a frame of `area`: the status bar takes the
/// lines its message needs (one or two).
pub fn areas(app: &App, area: Rect) -> (Rect, Rect, StatusLine) {
    let status = StatusLine::lay_out(app, area.width);
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Min(3),
            Constraint::Length(status.lines.len() as u16),
        ])
        .split(area);
    (parts[0], parts[1], status)
}

/// Draws one frame of an app [`App::prepare`]d for it.
pub fn draw(frame: &mut Frame, app: &App) {
    let (panes, bar, status) = areas(app, frame.area());
    let parts = [panes, bar];
    match app.pane {
        Pane::Inbox => super::panes::inbox_view::draw(frame, parts[0], app),
        Pane::Accounts => super::panes::accounts_view::draw(frame, parts[0], app),
        Pane::Funnel => super::panes::funnel_view::draw(frame, parts[0], app),
    }
    frame.render_widget(
        Paragraph::new(status.lines).style(app.theme.style(Role::StatusBar)),
        parts[1],
    );
    if let Some(o) = &app.overlay {
        super::overlays::view::draw(frame, parts[0], o, &app.theme, &app.keymap);
    }
}

/// The status bar: the message first, whole where it can be. The store path (shown only on wide
/// screens), the pane hints and who is signed in yield their room to it, in that order; a message longer than the whole
/// width takes a second line, and only what does not fit on two is cut (the message log, which
/// the last part of the bar names, holds it whole).
pub struct StatusLine {
    pub lines: Vec<Line<'static>>,
}

impl StatusLine {
    pub fn lay_out(app: &App, width: u16) -> StatusLine {
        let width = width as usize;
        let status = app.status();
        let tone = app.theme.style(match status.tone {
            Tone::Info => Role::Info,
            Tone::Ok => Role::Ok,
            Tone::Error => Role::Error,
        });
        let text = status.text.as_str();
        let len = text.chars().count();
        for yielded in 0..=3 {
            let right = right_spans(app, yielded, width);
            if len + 1 + spans_width(&right) <= width {
                return StatusLine {
                    lines: vec![bar_line(text.to_string(), tone, right, width)],
                };
            }
        }
        // Two lines: the message wraps over the first and goes on on the second.
        let (first, rest) = split_line(text, width);
        let rest_len = rest.chars().count();
        let right = (0..=3)
            .map(|y| right_spans(app, y, width))
            .find(|r| rest_len + 1 + spans_width(r) <= width)
            .unwrap_or_else(|| right_spans(app, 3, width));
        let room = width.saturating_sub(spans_width(&right) + 1);
        let second = super::format::fit(&rest, room);
        StatusLine {
            lines: vec![
                Line::from(Span::styled(format!("{first:<width$}"), tone)),
                bar_line(second, tone, right, width),
            ],
        }
    }
}

/// The first `width` characters of `text` and the rest, broken at a space when there is one in
/// the last third of the line (a long path is broken where the line ends).
fn split_line(text: &str, width: usize) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= width {
        return (text.to_string(), String::new());
    }
    let at = chars[..=width.min(chars.len() - 1)]
        .iter()
        .rposition(|c| *c == ' ')
        .filter(|p| *p >= width * 2 / 3);
    match at {
        Some(p) => (chars[..p].iter().collect(), chars[p + 1..].iter().collect()),
        None => (
            chars[..width].iter().collect(),
            chars[width..].iter().collect(),
        ),
    }
}

/// The message padded to the room the right-hand part leaves, then that part.
fn bar_line(
    text: String,
    tone: ratatui::style::Style,
    right: Vec<Span<'static>>,
    width: usize,
) -> Line<'static> {
    let room = width.saturating_sub(spans_width(&right) + 1);
    let mut spans = vec![
        Span::styled(format!("{:<room$}", super::format::fit(&text, room)), tone),
        Span::raw(" "),
    ];
    spans.extend(right);
    Line::from(spans)
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| s.content.chars().count()).sum()
}

/// The right-hand part of the bar with the first `yielded` of (store path, pane hints, who)
/// left out; a due notice and "indexing…" always stay.
fn right_spans(app: &App, yielded: usize, width: usize) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mut right = vec![];
    if yielded < 2 {
        for (pane, key) in [
            (Pane::Inbox, "1"),
            (Pane::Accounts, "2"),
            (Pane::Funnel, "3"),
        ] {
            let role = if pane == app.pane {
                Role::FilterActive
            } else {
                Role::Muted
            };
            right.push(Span::styled(
                format!("{key} {} ", pane.title()),
                t.style(role),
            ));
        }
    }
    if let Some(notice) = &app.messages.notice {
        right.push(Span::styled(format!("{notice} "), t.style(Role::Error)));
    }
    let mut about = Vec::new();
    if yielded < 3 {
        about.push(app.dealer.who.clone());
    }
    if yielded < 1 && width >= 110 {
        about.push(shorten_path(&app.store.path().display().to_string(), 28));
    }
    if app.background.index.is_building() {
        about.push("indexing…".to_string());
    }
    if !about.is_empty() {
        right.push(Span::styled(
            format!("│ {} ", about.join(" · ")),
            t.style(Role::StatusBar),
        ));
    }
    right
}

/// Keeps the end of a long path: "…/wortel/store".
fn shorten_path(path: &str, max: usize) -> String {
    let n = path.chars().count();
    if n <= max {
        return path.to_string();
    }
    let tail: String = path.chars().skip(n - (max - 1)).collect();
    format!("…{tail}")
}
