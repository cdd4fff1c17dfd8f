//! The accounts pane: a list of every account in name order with a `/` fuzzy filter (name,
//! city, KvK), or only those due for a visit (most overdue first) or only likely duplicates,
//! and the opened account. The list holds ids only; rows are read when on screen (in
//! `prepare`, before a frame). The query and the modes change through the pane's methods.

use super::account::AccountView;
use crate::domain::{Account, AccountId};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::list_filter::ListFilter;
use crate::tui::list_state::ListState;
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
    mode: ListMode,
    /// Next step, open value and last contact of the rows shown, read when on screen.
    facts: HashMap<AccountId, crate::ops::AccountFacts>,
    /// Every account id in name order (or those of the mode); read the first time the list
    /// is shown.
    list: ListState<AccountId>,
    loaded: bool,
    query: String,
    filter: ListFilter,
    /// For each of the ids, its place in the search index (`u32::MAX`: not there).
    at: Vec<u32>,
    rows: HashMap<AccountId, Account>,
    /// The account on screen, when one is open.
    opened: Option<AccountView>,
}

impl AccountsPane {
    /// Reads the list the first time it is needed.
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if !self.loaded {
            let ids = store.account_ids_by_name().collect::<Result<_, _>>()?;
            self.list.set_ids(ids);
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
        self.list = ListState::default();
        self.filter.clear();
        self.at.clear();
        self.query.clear();
    }

    /// Drops cached rows, so changed accounts are read again.
    pub fn forget_rows(&mut self) {
        self.rows.clear();
        self.facts.clear();
    }

    /// Shows only `ids` (in that order) as `mode`; the `/` query applies within them.
    pub fn show_only(&mut self, mode: ListMode, ids: Vec<AccountId>, index: Option<&SearchIndex>) {
        self.mode = mode;
        self.list.set_ids(ids);
        self.list.to_top();
        self.loaded = true;
        self.filter.clear();
        self.at.clear();
        self.apply_query(index);
    }

    /// Every account again (the mode off), the `/` query kept.
    pub fn show_all(
        &mut self,
        store: &Store,
        index: Option<&SearchIndex>,
    ) -> Result<(), StoreError> {
        let query = std::mem::take(&mut self.query);
        self.invalidate();
        self.query = query;
        self.ensure_loaded(store)?;
        self.apply_query(index);
        Ok(())
    }

    /// The row's next step, open value and last contact, read on first use.
    fn facts(&mut self, store: &Store, id: AccountId) -> crate::ops::AccountFacts {
        *self
            .facts
            .entry(id)
            .or_insert_with(|| crate::ops::account_facts(store, id).unwrap_or_default())
    }

    /// Sets the `/` query and filters the list by it.
    pub fn set_query(&mut self, query: String, index: Option<&SearchIndex>) {
        self.query = query;
        self.apply_query(index);
    }

    /// Filters by the `/` query: close matches first, name order within.
    fn apply_query(&mut self, index: Option<&SearchIndex>) {
        self.list.to_top();
        let (false, Some(index)) = (self.query.trim().is_empty(), index) else {
            self.list.set_matches(None);
            self.filter.clear();
            return;
        };
        if self.at.len() != self.list.ids().len() {
            self.at = self
                .list
                .ids()
                .iter()
                .map(|id| index.account_position(*id).map_or(u32::MAX, |p| p as u32))
                .collect();
        }
        let matches = self.filter.apply(
            &self.query,
            &index.accounts_lower,
            |i| &index.accounts[i].text,
            &self.at,
        );
        self.list.set_matches(matches);
    }

    /// Drops the rows' places in the search index (a new index is being built).
    pub fn forget_index_positions(&mut self) {
        self.at.clear();
        self.filter.clear();
    }

    pub fn mode(&self) -> ListMode {
        self.mode
    }

    /// The `/` query in force.
    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn id_at(&self, i: usize) -> Option<AccountId> {
        self.list.id_at(i)
    }

    /// The row number of the selection.
    pub fn selected(&self) -> usize {
        self.list.selected()
    }

    pub fn selected_id(&self) -> Option<AccountId> {
        self.list.selected_id()
    }

    /// Selects row `i` (the last one when there are fewer).
    pub fn select_row(&mut self, i: usize) {
        self.list.select(i);
    }

    /// Moves the selection (`j`, `k`, page keys of `page` rows).
    pub fn move_by(&mut self, action: Action, page: usize) {
        self.list.move_by(action, page);
    }

    /// The first row on screen.
    pub fn offset(&self) -> usize {
        self.list.offset()
    }

    /// The rows a list `height` high shows.
    pub fn shown(&self, height: usize) -> std::ops::Range<usize> {
        self.list.shown(height)
    }

    /// The account on row `id`, read on first use.
    fn row(&mut self, store: &Store, id: AccountId) -> Option<&Account> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.rows.entry(id) {
            slot.insert(store.account(id).ok()??);
        }
        self.rows.get(&id)
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
        self.list.scroll(height);
        let ids: Vec<AccountId> = self
            .list
            .shown(height)
            .filter_map(|i| self.id_at(i))
            .collect();
        for id in ids {
            self.facts(store, id);
            self.row(store, id);
        }
    }

    /// Opens an account; false when it does not exist.
    pub fn open(&mut self, store: &Store, id: AccountId) -> Result<bool, StoreError> {
        self.opened = AccountView::load(store, id)?;
        Ok(self.opened.is_some())
    }

    /// The opened account, if one is.
    pub fn opened(&self) -> Option<&AccountView> {
        self.opened.as_ref()
    }

    /// The opened account, to move its selection or read it again.
    pub fn opened_mut(&mut self) -> Option<&mut AccountView> {
        self.opened.as_mut()
    }

    /// Back to the list.
    pub fn close(&mut self) {
        self.opened = None;
    }
}
