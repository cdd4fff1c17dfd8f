//! `?`: the keys of the active keymap, grouped by where they work. Generated from the keymap
//! itself, so it is never out of date; typing narrows it.

use super::{Outcome, TextInput, move_selection};
use crate::tui::action::Context;
use crate::tui::keymap::Keymap;

/// One binding as help shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpLine {
    pub section: &'static str,
    pub keys: String,
    pub action: &'static str,
    pub description: &'static str,
}

/// The help overlay.
pub struct Help {
    pub lines: Vec<HelpLine>,
    pub input: TextInput,
    /// First visible line of `visible()`.
    pub scroll: usize,
}

/// Help's sections, in the order a new user needs them.
const SECTIONS: [(Context, &str); 6] = [
    (Context::Inbox, "Inbox"),
    (Context::List, "Lists"),
    (Context::Global, "Everywhere"),
    (Context::Accounts, "Accounts"),
    (Context::Funnel, "Funnel"),
    (
        Context::Overlay,
        "In overlays (palette, pickers, dates, help)",
    ),
];

impl Help {
    pub fn from_keymap(keymap: &Keymap) -> Self {
        let mut lines = Vec::new();
        for (context, section) in SECTIONS {
            for (action, chords) in keymap.bindings(context) {
                lines.push(HelpLine {
                    section,
                    keys: chords
                        .iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                    action: action.name(),
                    description: action.description(),
                });
            }
        }
        Help {
            lines,
            input: TextInput::default(),
            scroll: 0,
        }
    }

    /// The lines matching what was typed (keys, action name or description).
    pub fn visible(&self) -> Vec<&HelpLine> {
        let q = self.input.text.to_lowercase();
        self.lines
            .iter()
            .filter(|l| {
                q.is_empty()
                    || l.keys.to_lowercase().contains(&q)
                    || l.action.contains(&q)
                    || l.description.to_lowercase().contains(&q)
            })
            .collect()
    }

    pub fn on_action(&mut self, action: crate::tui::action::Action) -> Outcome {
        use crate::tui::action::Action;
        match action {
            Action::Close | Action::Confirm => Outcome::Close,
            a => {
                if self.input.on_action(a) {
                    self.scroll = 0;
                } else {
                    self.scroll = move_selection(self.scroll, self.visible().len(), a, 10);
                }
                Outcome::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        self.input.push(c);
        self.scroll = 0;
        Outcome::Stay
    }
}
