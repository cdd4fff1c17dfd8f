//! A read-only table in an overlay (the benchmarks): lines of text, scrolled with the movement
//! keys, closed with Esc or Enter.

use super::{Outcome, move_selection};
use crate::tui::action::Action;

/// The report's state.
pub struct Report {
    pub title: String,
    pub lines: Vec<String>,
    pub scroll: usize,
}

impl Report {
    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close | Action::Confirm => Outcome::Close,
            a => {
                self.scroll = move_selection(self.scroll, self.lines.len(), a, 10);
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
