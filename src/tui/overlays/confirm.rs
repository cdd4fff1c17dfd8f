//! "Are you sure?" for changes to many leads at once: `y` or Enter does it, `n` or Esc does not.

use super::{Choice, Outcome, Pending};
use crate::tui::action::Action;

/// A question and the change it guards.
pub struct Confirm {
    pub question: String,
    pub pending: Pending,
}

impl Confirm {
    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Confirm => Outcome::Chosen(Choice::Confirmed(self.pending.clone())),
            Action::Close => Outcome::Close,
            _ => Outcome::Stay,
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        match c {
            'y' | 'Y' | 'j' | 'J' => Outcome::Chosen(Choice::Confirmed(self.pending.clone())),
            'n' | 'N' => Outcome::Close,
            _ => Outcome::Stay,
        }
    }
}
