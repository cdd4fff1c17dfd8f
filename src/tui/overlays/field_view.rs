//! How a text field is drawn, and the key lines of the overlays that hold one: the cursor where
//! it is, and an untouched prefill in the selection style so it reads as "typing replaces this".

use super::TextInput;
use crate::tui::theme::{Role, Theme};
use ratatui::text::Span;

/// The footer of a form of several fields.
pub const FORM_KEYS: &str =
    "Enter saves · Tab next · ←→ ctrl-a/e move · ctrl-u clear · Esc cancels";

/// The footer of a single text input.
pub const INPUT_KEYS: &str = "Enter saves · ←→ ctrl-a/e move · ctrl-u clear · Esc cancels";

/// The field's text as spans; the cursor is drawn only in the focused field.
pub fn field_spans(input: &TextInput, focused: bool, theme: &Theme) -> Vec<Span<'static>> {
    let text = theme.style(Role::Input);
    if !focused {
        return vec![Span::styled(input.text.clone(), text)];
    }
    if input.selected {
        return vec![
            Span::styled(input.text.clone(), theme.style(Role::Selection)),
            Span::styled("▏", text),
        ];
    }
    let (before, after) = input.split();
    vec![
        Span::styled(before.to_string(), text),
        Span::styled("▏", text),
        Span::styled(after.to_string(), text),
    ]
}
