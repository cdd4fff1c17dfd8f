//! Draws a picker. Every choice can be reached at 80×24: the box widens to its longest item (up
//! to the screen's width), and a list longer than the box scrolls with the selection and says
//! how many choices are above and below it.

use super::Picker;
use super::view::{boxed, input_line};
use crate::tui::format::fit;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Rows of the box that are not items: input, blank, the keys line and two borders.
const FRAME_ROWS: u16 = 5;

pub fn draw_picker(frame: &mut Frame, area: Rect, p: &Picker, theme: &Theme) {
    let visible = p.visible();
    let longest = visible
        .iter()
        .map(|i| p.items[*i].chars().count())
        .max()
        .unwrap_or(0);
    let w = (longest.min(400) as u16 + 6).max(48).min(area.width);
    let fits = visible.len() as u16 + FRAME_ROWS <= area.height;
    let h = if fits {
        (visible.len() as u16 + FRAME_ROWS).max(7)
    } else {
        area.height
    };
    let inner = boxed(frame, area, w, h, &p.title, theme);
    // Item rows: the box less input, blank and keys line, and the "more" line when it scrolls.
    let fixed = if fits { 3 } else { 4 };
    let room = (inner.height as usize).saturating_sub(fixed).max(1);
    let selected = p.selected.unwrap_or(0);
    let start = crate::tui::list_window::window_start(selected, 0, visible.len(), room);
    let mut lines = vec![
        input_line("type to narrow: ", &p.input, theme),
        Line::raw(""),
    ];
    let width = (inner.width as usize).saturating_sub(4);
    for (n, i) in visible.iter().enumerate().skip(start).take(room) {
        let key = if n < 9 {
            format!("{} ", n + 1)
        } else {
            "  ".into()
        };
        let mut line = Line::from(vec![
            Span::styled(format!(" {key}"), theme.style(Role::Key)),
            Span::styled(fit(&p.items[*i], width), theme.style(Role::Text)),
        ]);
        if p.selected == Some(n) {
            line = line.style(theme.style(Role::Selection));
        }
        lines.push(line);
    }
    if visible.is_empty() {
        lines.push(Line::styled("  nothing matches", theme.style(Role::Muted)));
    }
    let below = visible.len().saturating_sub(start + room);
    let more = match (start, below) {
        (0, 0) => String::new(),
        (0, b) => format!("  ↓ {b} more"),
        (a, 0) => format!("  ↑ {a} more"),
        (a, b) => format!("  ↑ {a} more · ↓ {b} more"),
    };
    if !fits {
        lines.push(Line::styled(more, theme.style(Role::Muted)));
    }
    lines.push(Line::styled(
        "↑↓ move · digit or Enter picks · Esc cancels",
        theme.style(Role::Muted),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
