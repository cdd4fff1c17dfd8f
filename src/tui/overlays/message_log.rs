//! The message log (`Ctrl-l`): the last 100 status messages, newest first, each whole and with
//! its time — for a receipt the status line had to cut, or one the next message replaced.

use super::view::boxed;
use super::{Outcome, move_selection};
use crate::tui::action::Action;
use crate::tui::format::wrap;
use crate::tui::messages::{Messages, Tone};
use crate::tui::theme::{Role, Theme};
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One message as the log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogRow {
    /// "14:05:07" in the local zone.
    pub time: String,
    pub text: String,
    pub tone: Tone,
}

/// The overlay's state: the log as it was when opened, and the first message shown.
pub struct MessageLog {
    pub rows: Vec<LogRow>,
    pub scroll: usize,
}

impl MessageLog {
    pub fn new(messages: &Messages, tz: &TimeZone) -> MessageLog {
        let rows = messages
            .newest_first()
            .map(|m| LogRow {
                time: m.at.to_zoned(tz.clone()).strftime("%H:%M:%S").to_string(),
                text: match m.times {
                    1 => m.text.clone(),
                    n => format!("{} (×{n})", m.text),
                },
                tone: m.tone,
            })
            .collect();
        MessageLog { rows, scroll: 0 }
    }

    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close | Action::Confirm => Outcome::Close,
            a => {
                self.scroll = move_selection(self.scroll, self.rows.len(), a, 10);
                Outcome::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        match c {
            'j' => self.on_action(Action::Down),
            'k' => self.on_action(Action::Up),
            'q' => Outcome::Close,
            _ => Outcome::Stay,
        }
    }
}

/// Draws the log: each message wrapped under its time, from the scrolled-to one down.
pub fn draw(frame: &mut Frame, area: Rect, log: &MessageLog, theme: &Theme) {
    let title = format!("Messages — the last {}, newest first", log.rows.len());
    let inner = boxed(frame, area, 100, area.height, &title, theme);
    let room = (inner.height as usize).saturating_sub(1);
    let text_width = (inner.width as usize).saturating_sub(10).max(10);
    let mut lines = Vec::with_capacity(room + 1);
    if log.rows.is_empty() {
        lines.push(Line::styled("no messages yet", theme.style(Role::Muted)));
    }
    let start = log.scroll.min(log.rows.len().saturating_sub(1));
    for row in log.rows.iter().skip(start) {
        let role = match row.tone {
            Tone::Info => Role::Text,
            Tone::Ok => Role::Ok,
            Tone::Error => Role::Error,
        };
        for (i, part) in wrap(&row.text, text_width).into_iter().enumerate() {
            let time = if i == 0 { row.time.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{time:<9} "), theme.style(Role::Muted)),
                Span::styled(part, theme.style(role)),
            ]));
        }
        if lines.len() >= room {
            break;
        }
    }
    lines.truncate(room);
    while lines.len() < room {
        lines.push(Line::raw(""));
    }
    let position = if log.rows.is_empty() {
        String::new()
    } else {
        format!("{} of {} · ", start + 1, log.rows.len())
    };
    lines.push(Line::styled(
        format!("{position}↑↓ j k scroll · Esc closes"),
        theme.style(Role::Muted),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
