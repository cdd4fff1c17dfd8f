//! What the rest of the program (the start-up in `cli/tui.rs`, the tests) may read of the view,
//! and the few things it may ask of it. The view's own modules use the fields; nothing outside
//! `src/tui` changes a pane or the routing except through keys and these methods.

use super::app::{App, Pane};
use super::overlays::Overlay;
use super::panes::accounts::AccountsPane;
use super::panes::funnel::FunnelPane;
use super::panes::inbox::InboxPane;
use super::search_index::SearchIndexState;
use crate::domain::LeadId;
use crate::store::Store;
use std::sync::Arc;

impl App {
    /// The store the view works on.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// The pane on screen.
    pub fn pane(&self) -> Pane {
        self.pane
    }

    /// The open overlay, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn inbox(&self) -> &InboxPane {
        &self.panes.inbox
    }

    pub fn accounts(&self) -> &AccountsPane {
        &self.panes.accounts
    }

    pub fn funnel(&self) -> &FunnelPane {
        &self.panes.funnel
    }

    /// The search index: being built, built, or failed.
    pub fn index(&self) -> &SearchIndexState {
        &self.background.index
    }

    /// Text the last key put on its way to the clipboard (`y`).
    pub fn clipboard(&self) -> Option<&str> {
        self.requests.clipboard.as_deref()
    }

    /// The standing reminder on the status bar (a retention purge is due).
    pub fn notice(&self) -> Option<&str> {
        self.messages.notice.as_deref()
    }

    /// Whether the user asked to quit.
    pub fn quitting(&self) -> bool {
        self.requests.quit
    }

    /// Opens `overlay` over the pane (what a key that opens it does).
    pub fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
    }

    /// Selects lead `id` in the inbox if it is listed there (as the palette's lead search
    /// does when it is); false when it is not.
    pub fn select_lead(&mut self, id: LeadId) -> bool {
        self.panes.inbox.select(id)
    }
}
