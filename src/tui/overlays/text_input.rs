//! The one-line text field every overlay shares (forms, the visit form, date input, pickers,
//! the palette, the `/` filter). A prefill starts selected, as in a browser: the first typed
//! character replaces it, Backspace clears it, and a cursor key keeps it and starts editing it
//! in place (Left/Right move by a character, line-start/line-end jump).

use crate::tui::action::Action;

/// Text typed into an overlay, with a cursor (a character index) and whether all of it is
/// selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    /// Characters before the cursor.
    pub cursor: usize,
    /// The whole text is selected (a prefill nobody has touched yet).
    pub selected: bool,
}

impl TextInput {
    /// A field prefilled with `text`, selected, the cursor at its end.
    pub fn new(text: &str) -> Self {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            selected: !text.is_empty(),
        }
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.byte_at(self.cursor))
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Types `c` at the cursor, replacing the selection.
    pub fn push(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        if self.selected {
            self.clear();
        }
        let at = self.byte_at(self.cursor.min(self.len()));
        self.text.insert(at, c);
        self.cursor = self.cursor.min(self.len() - 1) + 1;
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.selected = false;
    }

    /// Deletes the selection, else the character before the cursor; true when the text changed.
    fn delete_back(&mut self) -> bool {
        if self.selected {
            self.clear();
            return true;
        }
        let at = self.cursor.min(self.len());
        if at == 0 {
            return false;
        }
        let from = self.byte_at(at - 1);
        self.text.remove(from);
        self.cursor = at - 1;
        true
    }

    /// Moves the cursor; a selection collapses to the side moved towards.
    fn move_to(&mut self, action: Action) -> bool {
        let len = self.len();
        let at = self.cursor.min(len);
        self.cursor = match (action, self.selected) {
            (Action::CursorLeft, true) | (Action::LineStart, _) => 0,
            (Action::CursorRight, true) | (Action::LineEnd, _) => len,
            (Action::CursorLeft, false) => at.saturating_sub(1),
            (Action::CursorRight, false) => (at + 1).min(len),
            _ => return false,
        };
        self.selected = false;
        true
    }

    /// Applies an editing action; true when the text changed.
    pub fn on_action(&mut self, action: Action) -> bool {
        match action {
            Action::DeleteBack => self.delete_back(),
            Action::ClearInput => {
                let had = !self.text.is_empty();
                self.clear();
                had
            }
            a => {
                self.move_to(a);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(mut t: TextInput, s: &str) -> TextInput {
        s.chars().for_each(|c| t.push(c));
        t
    }

    #[test]
    fn a_prefill_is_replaced_by_typing_and_cleared_by_backspace() {
        assert_eq!(typed(TextInput::new("+3d"), "mon").text, "mon");
        let mut t = TextInput::new("+3d");
        assert!(t.on_action(Action::DeleteBack));
        assert_eq!(t.text, "");
        assert_eq!(typed(TextInput::default(), "ab").text, "ab");
    }

    #[test]
    fn the_cursor_edits_in_the_middle_of_multibyte_text() {
        let mut t = TextInput::new("€ 12");
        t.on_action(Action::LineStart);
        t.on_action(Action::CursorRight);
        let mut t = typed(t, "x");
        assert_eq!(t.text, "€x 12");
        assert_eq!(t.split(), ("€x", " 12"));
        t.on_action(Action::LineEnd);
        t.on_action(Action::DeleteBack);
        assert_eq!(t.text, "€x 1");
        t.on_action(Action::LineStart);
        assert!(!t.on_action(Action::DeleteBack), "nothing before the start");
        t.on_action(Action::CursorLeft);
        assert_eq!(t.cursor, 0);
    }
}
