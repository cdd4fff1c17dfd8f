//! A one-line text field: typing appends, backspace deletes, the overlay keys edit.

use crate::tui::action::Action;

/// Text typed into an overlay.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
}

impl TextInput {
    pub fn new(text: &str) -> Self {
        TextInput {
            text: text.to_string(),
        }
    }

    pub fn push(&mut self, c: char) {
        if !c.is_control() {
            self.text.push(c);
        }
    }

    pub fn clear(&mut self) {
        self.text.clear();
    }

    /// Applies an editing action; true when the text changed.
    pub fn on_action(&mut self, action: Action) -> bool {
        match action {
            Action::DeleteBack => self.text.pop().is_some(),
            Action::ClearInput => {
                let had = !self.text.is_empty();
                self.text.clear();
                had
            }
            _ => false,
        }
    }
}
