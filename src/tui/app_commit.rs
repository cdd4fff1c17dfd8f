//! The app's side of a write: an effect goes to the store through [`App::write`], the only
//! door; [`App::committed`] then brings what is on screen up to date with the receipt, keeps the
//! step for undo and says what was done.

use super::action::Action;
use super::app::App;
use super::effects::{Effect, WriteContext};
use crate::domain::{AccountId, LeadId};
use crate::store::{EntityKind, Receipt};

impl App {
    /// Brings what is on screen up to date with a committed change: the inbox list in place,
    /// the opened account re-read, cached account rows dropped.
    pub fn after_commit(&mut self, receipt: &Receipt, keep: Option<LeadId>) {
        let now = self.now();
        let index = self.background.index.ready().cloned();
        let store = self.store.clone();
        if let Err(e) = self
            .panes
            .inbox
            .apply_receipt(&store, now, index.as_deref(), receipt, keep)
        {
            self.error(&e.to_string());
        }
        if let Some(view) = self.panes.accounts.opened_mut() {
            if let Err(e) = view.refresh(&store) {
                self.error(&e.to_string());
            }
        }
        self.panes.accounts.forget_rows();
        let tz = self.tz.clone();
        if let Err(e) = self.panes.funnel.apply_receipt(&store, receipt, &tz) {
            self.error(&e.to_string());
        }
        // An account created or removed (a merge, or its undo) changes the list itself.
        let accounts_changed = receipt.before.iter().any(|(kind, key, before)| {
            *kind == EntityKind::Account
                && (before.is_none()
                    || store
                        .account(AccountId::from_bytes(*key))
                        .is_ok_and(|a| a.is_none()))
        });
        if accounts_changed {
            self.panes.accounts.invalidate();
        }
    }

    /// Hands `effect` to the store: the one door every write of the view goes through.
    pub fn write<E: Effect>(&self, effect: E) -> Result<E::Written, E::Error> {
        // Takes turns with the commands other terminals run in this process.
        #[cfg(unix)]
        let _turn = crate::serve::turn();
        let ctx = WriteContext {
            store: &self.store,
            now: self.now(),
            tz: &self.tz,
        };
        effect.write(&ctx)
    }

    /// After a confirmed change: the screen brought up to date, the step kept for undo, then
    /// the status line says what was done and which key undoes it.
    pub fn committed(&mut self, message: &str, receipt: Receipt, keep: Option<LeadId>) {
        self.after_commit(&receipt, keep);
        let undo_key = self
            .keymap
            .hint(Action::Undo)
            .map(|c| format!(" · {c} undoes"))
            .unwrap_or_default();
        self.ok(&format!("{message}{undo_key}"));
        self.undo.push(message.to_string(), receipt);
    }
}
