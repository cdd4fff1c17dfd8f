//! Pick one item from a short list (reject reasons, status, tier, channel): move and Enter, type
//! to narrow, or press the item's digit.

use super::{Choice, Outcome, Pick, TextInput, move_selection};
use crate::search::Query;
use crate::tui::action::Action;

/// A list to pick from and what the pick is for.
pub struct Picker {
    pub title: String,
    pub items: Vec<String>,
    pub purpose: Pick,
    pub input: TextInput,
    /// Index into `visible()`.
    pub selected: usize,
}

impl Picker {
    pub fn new(title: &str, items: Vec<String>, purpose: Pick, selected: usize) -> Self {
        Picker {
            title: title.to_string(),
            items,
            purpose,
            input: TextInput::default(),
            selected,
        }
    }

    /// Indices of the items that match what was typed, best first (all, in order, when nothing
    /// was typed).
    pub fn visible(&self) -> Vec<usize> {
        let q = Query::new(&self.input.text);
        if q.is_empty() {
            return (0..self.items.len()).collect();
        }
        crate::search::rank(
            &q,
            self.items.iter().enumerate().map(|(i, s)| (i, s.clone())),
        )
        .into_iter()
        .map(|(i, _)| i)
        .collect()
    }

    fn choose(&self, visible_index: usize) -> Outcome {
        match self
            .visible()
            .get(visible_index)
            .and_then(|i| self.purpose.chosen(*i))
        {
            Some(chosen) => Outcome::Chosen(Choice::Picked(chosen)),
            None => Outcome::Stay,
        }
    }

    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            Action::Confirm => self.choose(self.selected),
            a => {
                if self.input.on_action(a) {
                    self.selected = 0;
                } else {
                    self.selected = move_selection(self.selected, self.visible().len(), a, 5);
                }
                Outcome::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        if let Some(d) = c.to_digit(10).filter(|d| *d >= 1) {
            return self.choose(d as usize - 1);
        }
        self.input.push(c);
        self.selected = 0;
        Outcome::Stay
    }
}
