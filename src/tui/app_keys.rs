//! Keys on their way: a key becomes a chord, the keymap names the action, the open overlay or
//! the pane on screen handles it; what an overlay returns (a choice, a refusal, a changed `/`
//! query) comes back here.

use super::action::{Action, Context};
use super::app::{App, Pane};
use super::keys::Chord;
use super::overlays::{Choice, Outcome, Overlay, Pending};
use crate::domain::AccountId;
use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

impl App {
    /// Handles one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.complete_inbox();
        let chord = Chord::from_event(&key);
        if self.overlay.is_some() {
            self.on_overlay_key(chord, key);
            return;
        }
        match self.keymap.action_for_pane(self.pane.context(), &chord) {
            Some(action) => self.run(action),
            None => self.info(&format!(
                "{chord} does nothing here; press {} for help",
                self.keymap
                    .hint(Action::Help)
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "the help key".into())
            )),
        }
    }

    fn on_overlay_key(&mut self, chord: Chord, key: KeyEvent) {
        let Some(overlay) = self.overlay.as_mut() else {
            return;
        };
        let outcome = match self.keymap.action_in(Context::Overlay, &chord) {
            Some(action) => overlay.on_action(action),
            None => match key.code {
                ratatui::crossterm::event::KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    overlay.on_char(c)
                }
                _ => Outcome::Stay,
            },
        };
        self.after_overlay(outcome);
    }

    fn after_overlay(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Refused(why) => self.error(&why),
            Outcome::Changed => {
                if let Some(Overlay::Filter(t)) = &self.overlay {
                    let text = t.text.clone();
                    self.set_filter(text);
                }
            }
            Outcome::Close => {
                // Esc on the `/` filter drops the query too.
                if let Some(Overlay::Filter(_)) = self.overlay.take() {
                    self.set_filter(String::new());
                }
            }
            Outcome::Chosen(choice) => {
                self.overlay = None;
                self.on_choice(choice);
            }
        }
    }

    /// Applies the `/` query to the list on screen.
    fn set_filter(&mut self, text: String) {
        let index = self.background.index.ready().cloned();
        match self.pane {
            Pane::Accounts => {
                self.panes.accounts.set_query(text, index.as_deref());
            }
            _ => {
                self.panes.inbox.set_query(text, index.as_deref());
            }
        }
    }

    /// Opens an account in the accounts pane; back returns to where it was opened from.
    pub fn open_account(&mut self, id: AccountId) {
        super::navigation::moving(self, |app| {
            let store = app.store.clone();
            match app.panes.accounts.open(&store, id) {
                Ok(true) => app.pane = Pane::Accounts,
                Ok(false) => app.error("that account no longer exists"),
                Err(e) => app.error(&e.to_string()),
            }
        });
    }

    fn on_choice(&mut self, choice: Choice) {
        super::handlers::on_choice(self, choice);
    }

    /// Runs an action outside overlays.
    pub fn run(&mut self, action: Action) {
        super::handlers::run(self, action);
    }

    /// Applies a confirmed change through the store; the message comes after the commit.
    pub fn apply(&mut self, pending: Pending) {
        super::handlers::apply(self, pending);
    }
}
