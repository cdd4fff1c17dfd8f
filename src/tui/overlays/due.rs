//! The due list: follow-ups planned for today or earlier, and today's appointments, oldest
//! first — so nothing promised is forgotten. Enter opens the account.

use super::{Choice, Outcome, move_selection};
use crate::domain::AccountId;
use crate::tui::action::Action;
use jiff::civil::Date;

/// One thing due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueRow {
    pub date: Date,
    pub account: AccountId,
    pub name: String,
    /// "follow-up" or "appointment 14:30".
    pub what: String,
}

/// The due list's state.
pub struct Due {
    pub rows: Vec<DueRow>,
    pub today: Date,
    pub selected: usize,
}

impl Due {
    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            Action::Confirm => match self.rows.get(self.selected) {
                Some(r) => Outcome::Chosen(Choice::OpenAccount(r.account)),
                None => Outcome::Close,
            },
            a => {
                self.selected = move_selection(self.selected, self.rows.len(), a, 10);
                Outcome::Stay
            }
        }
    }

    /// j and k move here too: nothing is typed in this list.
    pub fn on_char(&mut self, c: char) -> Outcome {
        match c {
            'j' => self.on_action(Action::Down),
            'k' => self.on_action(Action::Up),
            _ => Outcome::Stay,
        }
    }
}
