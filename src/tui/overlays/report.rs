//! `B`, the benchmarks: the network's figures beside the dealer's own, drawn as bars (see
//! `report_view`), scrolled with the movement keys, closed with Esc or Enter.

use super::{Outcome, move_selection};
use crate::ops::Comparison;
use crate::tui::action::Action;

/// The overlay's state.
pub struct Report {
    pub title: String,
    /// One figure a row, the network's and the dealer's, in the order `ops::compare` gives.
    pub rows: Vec<Comparison>,
    /// Where the network's figures come from, or how to get them.
    pub source: String,
    /// The first row shown.
    pub scroll: usize,
}

impl Report {
    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close | Action::Confirm => Outcome::Close,
            a => {
                self.scroll = move_selection(self.scroll, self.rows.len(), a, 5);
                Outcome::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        match c {
            'j' => self.on_action(Action::Down),
            'k' => self.on_action(Action::Up),
            'g' => self.on_action(Action::Top),
            'G' => self.on_action(Action::Bottom),
            'q' => Outcome::Close,
            _ => Outcome::Stay,
        }
    }
}
