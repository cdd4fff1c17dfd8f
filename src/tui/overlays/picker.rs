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
    /// Index into `visible()`; `None` until the user moves or types, for pickers whose first
    /// item must not be a default (a reject reason is a claim sent to head office).
    pub selected: Option<usize>,
    /// What Enter says while nothing is chosen.
    pub unchosen: String,
}

impl Picker {
    pub fn new(title: &str, items: Vec<String>, purpose: Pick, selected: usize) -> Self {
        Picker {
            title: title.to_string(),
            items,
            purpose,
            input: TextInput::default(),
            selected: Some(selected),
            unchosen: String::new(),
        }
    }

    /// A picker with nothing chosen: Enter alone refuses with `why` until an item is moved to,
    /// typed for, or picked by its digit.
    pub fn unchosen(title: &str, items: Vec<String>, purpose: Pick, why: &str) -> Self {
        Picker {
            selected: None,
            unchosen: why.to_string(),
            ..Picker::new(title, items, purpose, 0)
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
            Action::Confirm => match self.selected {
                Some(at) => self.choose(at),
                None => Outcome::Refused(self.unchosen.clone()),
            },
            a => {
                if self.input.on_action(a) {
                    self.selected = Some(0);
                } else {
                    self.selected = self.moved(a);
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
        self.selected = Some(0);
        Outcome::Stay
    }

    /// Where a movement key lands; from nothing chosen, a move lands on the first item
    /// (`Bottom` on the last) and any other key leaves nothing chosen.
    fn moved(&self, action: Action) -> Option<usize> {
        let len = self.visible().len();
        match (self.selected, action) {
            (Some(at), a) => Some(move_selection(at, len, a, 5)),
            (None, Action::Bottom) => Some(len.saturating_sub(1)),
            (None, Action::Down | Action::Up | Action::Top | Action::PageDown | Action::PageUp) => {
                Some(0)
            }
            (None, _) => None,
        }
    }
}
