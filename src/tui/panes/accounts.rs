//! The accounts pane: a list of every account in name order with a `/` fuzzy filter (name,
//! city, KvK), or only those due for a visit (most overdue first) or only likely duplicates,
//! and the opened account. The list holds ids only; rows are read when on screen.

use super::account::AccountView;
use crate::domain::{Account, AccountId};
use crate::store::{Store, StoreError};
use crate::tui::list_filter::ListFilter;
use crate::tui::list_window::window_start;
use crate::tui::search_index::SearchIndex;
use std::collections::HashMap;

/// Which accounts the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListMode {
    #[default]
    All,
    /// Due or overdue for a visit by the cadence, in the agenda's order.
    DueVisit,
    /// Likely duplicates of another account, in name order.
    Duplicates,
}

/// The accounts pane's state.
#[derive(Default)]
pub struct AccountsPane {
    pub mode: ListMode,
    /// Next step, open value and last contact of the rows shown, read when on screen.
    facts: HashMap<AccountId, crate::ops::AccountFacts>,
    /// Every account id in name order; read the first time the list is shown.
    ids: Vec<AccountId>,
    loaded: bool,
    pub query: String,
    matches: Option<Vec<u32>>,
    filter: ListFilter,
    /// For each of `ids`, its place in the search index (`u32::MAX`: not there).
    at: Vec<u32>,
    pub selected: usize,
    pub offset: usize,
    rows: HashMap<AccountId, Account>,
    /// The account on screen, when one is open.
    pub open: Option<AccountView>,
}

impl AccountsPane {
    /// Reads the list the first time it is needed.
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if !self.loaded {
            self.ids = store.account_ids_by_name().collect::<Result<_, _>>()?;
            self.loaded = true;
        }
        Ok(())
    }

    /// Forgets cached rows and the list (after a change that adds or removes accounts); the
    /// list is read again when next shown, unfiltered.
    pub fn invalidate(&mut self) {
        self.rows.clear();
        self.facts.clear();
        self.mode = ListMode::All;
        self.loaded = false;
        self.matches = None;
        self.filter.clear();
        self.at.clear();
        self.query.clear();
        self.selected = 0;
        self.offset = 0;
    }

    /// Drops cached rows, so changed accounts are read again.
    pub fn forget_rows(&mut self) {
        self.rows.clear();
        self.facts.clear();
    }

    /// Shows only `ids` (in that order) as `mode`; the `/` query applies within them.
    pub fn show_only(&mut self, mode: ListMode, ids: Vec<AccountId>) {
        self.mode = mode;
        self.ids = ids;
        self.loaded = true;
        self.matches = None;
        self.filter.clear();
        self.at.clear();
        self.selected = 0;
        self.offset = 0;
    }

    /// The row's next step, open value and last contact, read on first use.
    pub fn facts(&mut self, store: &Store, id: AccountId) -> crate::ops::AccountFacts {
        *self
            .facts
            .entry(id)
            .or_insert_with(|| crate::ops::account_facts(store, id).unwrap_or_default())
    }

    /// Filters by the `/` query: close matches first, name order within.
    pub fn apply_query(&mut self, index: Option<&SearchIndex>) {
        self.selected = 0;
        self.offset = 0;
        let (false, Some(index)) = (self.query.trim().is_empty(), index) else {
            self.matches = None;
            self.filter.clear();
            return;
        };
        if self.at.len() != self.ids.len() {
            self.at = self
                .ids
                .iter()
                .map(|id| index.account_position(*id).map_or(u32::MAX, |p| p as u32))
                .collect();
        }
        self.matches = self.filter.apply(
            &self.query,
            &index.accounts_lower,
            |i| &index.accounts[i].text,
            &self.at,
        );
    }

    /// Drops the rows' places in the search index (a new index is being built).
    pub fn forget_index_positions(&mut self) {
        self.at.clear();
        self.filter.clear();
    }

    pub fn len(&self) -> usize {
        self.matches.as_ref().map_or(self.ids.len(), Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn id_at(&self, i: usize) -> Option<AccountId> {
        match &self.matches {
            Some(m) => m.get(i).map(|p| self.ids[*p as usize]),
            None => self.ids.get(i).copied(),
        }
    }

    /// The account on row `i`, read on first use.
    pub fn row(&mut self, store: &Store, id: AccountId) -> Option<&Account> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.rows.entry(id) {
            slot.insert(store.account(id).ok()??);
        }
        self.rows.get(&id)
    }

    /// Keeps the selected row on screen for a list `height` rows high.
    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = window_start(self.selected, self.offset, self.len(), height);
    }

    /// The account on row `id` if it has been read (every row on screen has, after `prepare`).
    pub fn cached_row(&self, id: AccountId) -> Option<&Account> {
        self.rows.get(&id)
    }

    /// The row's next step, open value and last contact as read for the screen.
    pub fn cached_facts(&self, id: AccountId) -> crate::ops::AccountFacts {
        self.facts.get(&id).copied().unwrap_or_default()
    }

    /// Before a frame: scrolls the selection into a list `height` rows high and reads the rows
    /// it shows and their facts.
    pub fn prepare(&mut self, store: &Store, height: usize) {
        self.scroll_into_view(height);
        let shown = self.offset..(self.offset + height).min(self.len());
        let ids: Vec<AccountId> = shown.filter_map(|i| self.id_at(i)).collect();
        for id in ids {
            self.facts(store, id);
            self.row(store, id);
        }
    }

    /// Opens an account; false when it does not exist.
    pub fn open(&mut self, store: &Store, id: AccountId) -> Result<bool, StoreError> {
        self.open = AccountView::load(store, id)?;
        Ok(self.open.is_some())
    }
}
