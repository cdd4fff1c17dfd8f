//! Key chords as keymap files write them (`ctrl-p`, `G`, `space`, `shift-tab`) and as the
//! terminal reports them, normalised so both meet: a shifted letter is the upper-case letter,
//! never `shift-g`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// One key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

impl Chord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Chord {
        Chord { code, mods }.normalised()
    }

    /// A plain key without modifiers.
    pub fn key(code: KeyCode) -> Chord {
        Chord::new(code, KeyModifiers::NONE)
    }

    /// Parses `a`, `A`, `?`, `ctrl-p`, `alt-x`, `shift-tab`, `f5`, `enter`, `space`, `pagedown`.
    /// The error says what is wrong with the chord, for a message that also names file and line.
    pub fn parse(text: &str) -> Result<Chord, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, m) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                break; // "ctrl-" alone is not a prefix followed by a key
            }
            mods |= m;
            rest = &rest[prefix.len()..];
        }
        let code = if rest.chars().count() == 1 {
            let c = rest.chars().next().unwrap_or(' ');
            if c.is_control() {
                return Err(format!("`{text}` is a control character, not a key name"));
            }
            KeyCode::Char(c)
        } else if let Some((_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest)) {
            *code
        } else if let Some(n) = rest
            .strip_prefix(['f', 'F'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            KeyCode::F(n)
        } else if rest.is_empty() {
            return Err(format!("`{text}` names no key"));
        } else {
            return Err(format!(
                "`{text}` is not a key; write one character, a name such as enter, esc, tab, space, up, pagedown or f1, with ctrl-, alt- or shift- in front if needed"
            ));
        };
        Ok(Chord::new(code, mods))
    }

    /// The chord a terminal key event stands for.
    pub fn from_event(event: &KeyEvent) -> Chord {
        Chord::new(event.code, event.modifiers)
    }

    /// One spelling per chord, so `G` and `shift-g` are the same binding and `ctrl-P` is
    /// `ctrl-p`.
    fn normalised(mut self) -> Chord {
        self.mods &= KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
        if let KeyCode::Char(c) = self.code {
            if self.mods.contains(KeyModifiers::CONTROL) && c.is_ascii_alphabetic() {
                // Terminals cannot tell ctrl-p from ctrl-shift-p.
                self.code = KeyCode::Char(c.to_ascii_lowercase());
                self.mods.remove(KeyModifiers::SHIFT);
            } else if self.mods.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                self.code = KeyCode::Char(c.to_ascii_uppercase());
                self.mods.remove(KeyModifiers::SHIFT);
            }
            // Shift on a symbol (`?`, `:`) is already in the character itself.
            if !c.is_ascii_alphabetic() {
                self.mods.remove(KeyModifiers::SHIFT);
            }
        }
        if self.code == KeyCode::Tab && self.mods.contains(KeyModifiers::SHIFT) {
            self.code = KeyCode::BackTab;
        }
        if self.code == KeyCode::BackTab {
            self.mods.remove(KeyModifiers::SHIFT);
        }
        self
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMED.iter().find(|(_, k)| *k == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Chord {
        Chord::parse(s).unwrap()
    }

    #[test]
    fn spellings_of_one_chord_are_equal() {
        assert_eq!(p("G"), p("shift-g"));
        assert_eq!(p("ctrl-p"), p("CTRL-P"));
        assert_eq!(p("ctrl-p"), p("ctrl-shift-p"));
        assert_ne!(p("alt-s"), p("alt-S"));
        assert_eq!(p("alt-S"), p("alt-shift-s"));
        assert_eq!(p("shift-tab"), p("backtab"));
        assert_eq!(p("space"), p(" "));
        assert_eq!(p("Enter"), Chord::key(KeyCode::Enter));
    }

    #[test]
    fn terminal_events_meet_parsed_chords() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Chord::from_event(&shifted), p("G"));
        let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(Chord::from_event(&question), p("?"));
        let ctrl = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(Chord::from_event(&ctrl), p("ctrl-p"));
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "a", "G", "?", "ctrl-p", "alt-x", "space", "enter", "f5", "backtab", "-",
        ] {
            assert_eq!(p(&p(s).to_string()), p(s), "{s}");
        }
        assert_eq!(p("ctrl--").to_string(), "ctrl--");
    }

    #[test]
    fn nonsense_is_refused_with_a_reason() {
        for s in ["", "ctrl-", "hyper-x", "f13", "enterr"] {
            let e = Chord::parse(s);
            assert!(e.is_err(), "{s} parsed as {e:?}");
        }
    }
}
