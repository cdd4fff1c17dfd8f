//! Draws `?` help. No line is cut: a description too long for the box, or more keys than the
//! keys column holds, goes on under itself; the list scrolls by binding, and the footer says
//! which rows are in view.

use super::help::{Help, HelpLine};
use super::view::{boxed, input_line};
use crate::tui::format::wrap;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Characters for the keys and the action name (the longest is 18, "filter-close-month").
const KEYS: usize = 17;
const ACTION: usize = 19;

pub fn draw_help(frame: &mut Frame, area: Rect, help: &Help, theme: &Theme) {
    let inner = boxed(
        frame,
        area,
        100,
        area.height.saturating_sub(2),
        "Help — keys of this keymap",
        theme,
    );
    let visible = help.visible();
    let describe = (inner.width as usize).saturating_sub(2 + KEYS + 1 + ACTION);
    // The body's rows, and the row each binding starts on (for scrolling by binding).
    let mut body = Vec::new();
    let mut starts = Vec::with_capacity(visible.len());
    let mut section = "";
    for l in &visible {
        // The first binding of a section starts at its heading.
        starts.push(body.len());
        if l.section != section {
            section = l.section;
            body.push(Line::styled(section.to_string(), theme.style(Role::Header)));
        }
        body.extend(binding_rows(l, describe, theme));
    }
    if body.is_empty() {
        body.push(Line::styled("no key matches", theme.style(Role::Muted)));
    }
    let room = (inner.height as usize).saturating_sub(3);
    let top = starts.get(help.scroll).copied().unwrap_or(0);
    let start = top.min(body.len().saturating_sub(room));
    let total = body.len();
    let shown = total.min(start + room);
    let mut lines = vec![input_line("search: ", &help.input, theme), Line::raw("")];
    lines.extend(body.drain(..).skip(start).take(room));
    frame.render_widget(Paragraph::new(lines), inner);
    let foot = Rect {
        y: inner.y + inner.height.saturating_sub(1),
        height: 1,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "rows {}–{shown} of {total} · type to search · ↑↓ scroll · Esc closes",
                start + 1,
            ),
            theme.style(Role::Muted),
        )),
        foot,
    );
}

/// One binding's rows: keys, action and description, the keys and description wrapped.
fn binding_rows(l: &HelpLine, describe: usize, theme: &Theme) -> Vec<Line<'static>> {
    let keys = wrap(&l.keys, KEYS);
    let text = wrap(l.description, describe.max(12));
    let rows = keys.len().max(text.len());
    (0..rows)
        .map(|i| {
            let action = if i == 0 { l.action } else { "" };
            Line::from(vec![
                Span::styled(
                    format!(
                        "  {:<w$} ",
                        keys.get(i).map_or("", String::as_str),
                        w = KEYS
                    ),
                    theme.style(Role::Key),
                ),
                Span::styled(format!("{action:<ACTION$}"), theme.style(Role::Muted)),
                Span::styled(
                    text.get(i).cloned().unwrap_or_default(),
                    theme.style(Role::Text),
                ),
            ])
        })
        .collect()
}
