//! Keymaps: per context, chords bound to action names (`keymaps/*.toml`). The shipped ones are
//! built into the binary; a user picks one and lays single bindings over it from their config
//! directory. Every problem names the file, the line and what is wrong.

use super::action::{Action, Context};
use super::config_error::ConfigError;
use super::keys::Chord;
use std::collections::{BTreeMap, HashMap};
use toml::Spanned;

/// The keymaps that ship with wortel, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../keymaps/default.toml")),
    ("emacs", include_str!("../../keymaps/emacs.toml")),
];

/// Bindings per context. Lookup falls back from a pane's context to `list` and `global`.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub name: String,
    bindings: HashMap<(Context, Chord), Action>,
}

/// A keymap file as written: context tables of chord = action name, with their places.
type RawFile = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>;

impl Keymap {
    /// A shipped keymap by name.
    pub fn builtin(name: &str) -> Option<Keymap> {
        let (n, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Keymap::parse(&format!("keymaps/{n}.toml"), text).ok()
    }

    /// The names a user can pick from.
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    /// Parses a whole keymap; `file` is how errors name it.
    pub fn parse(file: &str, text: &str) -> Result<Keymap, ConfigError> {
        let mut map = Keymap {
            name: file.to_string(),
            bindings: HashMap::new(),
        };
        map.lay_over(file, text)?;
        Ok(map)
    }

    /// Lays a user's file over this keymap: its bindings replace those of the same chord;
    /// `"none"` unbinds a chord.
    pub fn lay_over(&mut self, file: &str, text: &str) -> Result<(), ConfigError> {
        let err =
            |offset: usize, problem: String| ConfigError::new(file, text, Some(offset), problem);
        // Parse the tables with spans, so every problem gets its line.
        let raw: RawFile =
            toml::from_str(text).map_err(|e| ConfigError::from_toml(file, text, &e))?;
        let mut staged: HashMap<(Context, Chord), (Option<Action>, usize, String)> = HashMap::new();
        for (ctx_name, table) in raw {
            let context = Context::from_name(ctx_name.get_ref()).ok_or_else(|| {
                err(
                    ctx_name.span().start,
                    format!(
                        "`{}` is not a context; use one of {}",
                        ctx_name.get_ref(),
                        Context::ALL.map(|c| c.name()).join(", ")
                    ),
                )
            })?;
            for (chord_text, value) in table {
                let at = chord_text.span().start;
                let chord = Chord::parse(chord_text.get_ref()).map_err(|p| err(at, p))?;
                let name = value.get_ref().as_str().ok_or_else(|| {
                    err(
                        value.span().start,
                        format!(
                            "the binding of `{}` must be an action name in quotes",
                            chord_text.get_ref()
                        ),
                    )
                })?;
                let action = bound_action(name, context, |p| err(value.span().start, p))?;
                let line = super::config_error::line_of(text, at);
                if let Some((_, other_line, other)) = staged.get(&(context, chord)) {
                    return Err(err(
                        at,
                        format!(
                            "`{}` is bound twice in [{}]: `{other}` on line {other_line} is the same key",
                            chord_text.get_ref(),
                            context.name()
                        ),
                    ));
                }
                staged.insert(
                    (context, chord),
                    (action, line, chord_text.get_ref().clone()),
                );
            }
        }
        for (key, (action, _, _)) in staged {
            match action {
                Some(a) => self.bindings.insert(key, a),
                None => self.bindings.remove(&key),
            };
        }
        Ok(())
    }

    /// The action `chord` triggers in `context` (only its own bindings, no fallback).
    pub fn action_in(&self, context: Context, chord: &Chord) -> Option<Action> {
        self.bindings.get(&(context, *chord)).copied()
    }

    /// The action for a chord in a pane: the pane's own binding, then `list`, then `global`.
    pub fn action_for_pane(&self, pane: Context, chord: &Chord) -> Option<Action> {
        [pane, Context::List, Context::Global]
            .into_iter()
            .find_map(|c| self.action_in(c, chord))
    }

    /// The chords that trigger `action` in `context`, in a stable order (shortest first).
    pub fn chords_for(&self, context: Context, action: Action) -> Vec<Chord> {
        let mut chords: Vec<Chord> = self
            .bindings
            .iter()
            .filter(|((c, _), a)| *c == context && **a == action)
            .map(|((_, k), _)| *k)
            .collect();
        chords.sort_by_key(|k| {
            let s = k.to_string();
            (s.chars().count(), s)
        });
        chords
    }

    /// The first chord for `action` wherever it is bound, for hints ("press r to reject").
    pub fn hint(&self, action: Action) -> Option<Chord> {
        action
            .contexts()
            .iter()
            .find_map(|c| self.chords_for(*c, action).into_iter().next())
    }

    /// Every binding of a context in help order (the order of `Action::ALL`).
    pub fn bindings(&self, context: Context) -> Vec<(Action, Vec<Chord>)> {
        Action::ALL
            .iter()
            .filter(|a| a.contexts().contains(&context))
            .map(|a| (*a, self.chords_for(context, *a)))
            .filter(|(_, chords)| !chords.is_empty())
            .collect()
    }

    /// Actions that have no binding anywhere.
    pub fn unbound(&self) -> Vec<Action> {
        Action::ALL
            .iter()
            .copied()
            .filter(|a| self.hint(*a).is_none())
            .collect()
    }
}

/// The action a binding names in `context` (`"none"` unbinds the key); `err` places a mistake
/// on the binding's line.
fn bound_action(
    name: &str,
    context: Context,
    err: impl Fn(String) -> ConfigError,
) -> Result<Option<Action>, ConfigError> {
    if name == "none" {
        return Ok(None);
    }
    let action = Action::from_name(name).ok_or_else(|| {
        err(format!(
            "`{name}` is not an action; `wortel` lists them in help (?)"
        ))
    })?;
    if !action.contexts().contains(&context) {
        return Err(err(format!(
            "`{name}` cannot be bound in [{}]; it belongs in [{}]",
            context.name(),
            action.contexts()[0].name()
        )));
    }
    Ok(Some(action))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_keymap_loads_and_binds_every_action() {
        for (name, text) in BUILTIN {
            let map = Keymap::parse(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                map.unbound().is_empty(),
                "{name} leaves {:?} unbound",
                map.unbound()
            );
        }
    }

    #[test]
    fn a_pane_binding_shadows_a_global_one() {
        let map = Keymap::parse("t", "[global]\nx = \"quit\"\n[inbox]\nx = \"accept\"\n").unwrap();
        let x = Chord::parse("x").unwrap();
        assert_eq!(
            map.action_for_pane(Context::Inbox, &x),
            Some(Action::Accept)
        );
        assert_eq!(map.action_for_pane(Context::Funnel, &x), Some(Action::Quit));
    }

    #[test]
    fn a_user_file_replaces_and_unbinds_single_chords() {
        let mut map = Keymap::builtin("default").unwrap();
        map.lay_over("keymap.toml", "[inbox]\nA = \"accept\"\na = \"none\"\n")
            .unwrap();
        assert_eq!(
            map.chords_for(Context::Inbox, Action::Accept),
            vec![Chord::parse("A").unwrap()]
        );
        assert_eq!(map.hint(Action::Reject), Some(Chord::parse("r").unwrap()));
    }
}
