//! The lead inbox's state: which leads (filters), in what order (the store's inbox order, or
//! fuzzy rank while `/` is typed), which one is selected, which are marked. Filters and the
//! query change through the pane's methods, which read the list again themselves.
//!
//! The ordered id list comes from the store's indexes (ids only, no records); records are read
//! for the visible rows alone (in `prepare`, before a frame) and cached until the next write,
//! so a frame never reads the store beyond one screenful.

mod filters;
mod receipt;

pub use filters::InboxFilters;

use crate::domain::{Account, Contact, Lead, LeadId, LeadStatus};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::list_filter::ListFilter;
use crate::tui::list_state::ListState;
use crate::tui::search_index::SearchIndex;
use jiff::Timestamp;
use std::collections::{HashMap, HashSet};

/// Where the inbox reads its list from: the store, the time, and the search index when built.
pub struct Reading<'a> {
    pub store: &'a Store,
    pub now: Timestamp,
    pub index: Option<&'a SearchIndex>,
}

/// What a row shows, read once per lead until the next write.
#[derive(Clone, Debug)]
pub struct LeadRow {
    pub lead: Lead,
    pub account: Option<Account>,
    pub contact: Option<Contact>,
    /// The account's current next step (from its newest activity).
    pub next: Option<crate::tui::search_index::NextStep>,
}

/// Counts for the title.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InboxCounts {
    pub new: usize,
    pub overdue: usize,
}

/// The inbox pane.
#[derive(Default)]
pub struct InboxPane {
    filters: InboxFilters,
    /// The `/` query in force.
    query: String,
    /// Leads under the filters, in inbox order; with a query, the matches best first.
    list: ListState<LeadId>,
    /// For each listed id (all of them, whatever matched), its place in the search index
    /// (filled when the index is there), so a keystroke in the `/` filter needs no lookup by id.
    facts: Vec<u32>,
    filter: ListFilter,
    marked: HashSet<LeadId>,
    counts: InboxCounts,
    rows: HashMap<LeadId, LeadRow>,
    /// Why the list is empty or partial (e.g. the search index is still being built).
    note: Option<String>,
    /// False while only the first screenful is read (start-up shows it at once and reads the
    /// rest right after the first frame).
    complete: bool,
}

impl InboxPane {
    /// Re-reads the ordered ids and counts after a filter change or a write; keeps the
    /// selection on `keep` when it is still listed, else on the same row number.
    pub fn reload(&mut self, from: &Reading, keep: Option<LeadId>) -> Result<(), StoreError> {
        self.read(from, keep, None)
    }

    /// Reads only the first `rows` leads of the list, lazily from the indexes, for a first
    /// frame that never waits for a big store; [`InboxPane::reload`] completes it.
    pub fn read_first(
        &mut self,
        store: &Store,
        now: Timestamp,
        rows: usize,
    ) -> Result<(), StoreError> {
        let from = Reading {
            store,
            now,
            index: None,
        };
        self.read(&from, None, Some(rows))
    }

    /// Sets the filters and the query and reads the list under them, on `keep` when listed.
    pub fn set_filters(
        &mut self,
        filters: InboxFilters,
        query: String,
        from: &Reading,
        keep: Option<LeadId>,
    ) -> Result<(), StoreError> {
        self.filters = filters;
        self.query = query;
        self.reload(from, keep)
    }

    /// Changes the filters by `change` and reads the list under them.
    pub fn change_filters(
        &mut self,
        from: &Reading,
        change: impl FnOnce(&mut InboxFilters),
    ) -> Result<(), StoreError> {
        change(&mut self.filters);
        self.reload(from, None)
    }

    fn read(
        &mut self,
        from: &Reading,
        keep: Option<LeadId>,
        first: Option<usize>,
    ) -> Result<(), StoreError> {
        let (store, now) = (from.store, from.now);
        let keep = keep.or_else(|| self.selected_id());
        self.rows.clear();
        self.note = None;
        let order = self.filters.order();
        let mut ids: Vec<LeadId> = if self.filters.overdue_only {
            if order.statuses.contains(&LeadStatus::New) {
                store.overdue_lead_ids(&order.tiers, now)?
            } else {
                Vec::new()
            }
        } else {
            store
                .lead_ids_in_order(&order, now)
                .take(first.unwrap_or(usize::MAX))
                .collect::<Result<_, _>>()?
        };
        self.complete = first.is_none();
        if let Some(channel) = self.filters.channel {
            match from.index {
                Some(x) => ids.retain(|id| x.get(*id).is_some_and(|f| f.channel == channel)),
                None => {
                    self.note =
                        Some("the channel filter waits for the search index; a moment".into())
                }
            }
        }
        self.marked.retain(|id| ids.contains(id));
        self.list.set_ids(ids);
        self.facts.clear();
        if self.complete {
            self.counts = InboxCounts {
                new: store.status_count(LeadStatus::New),
                overdue: store.overdue_count(now)?,
            };
        }
        self.apply_query(from.index);
        let row = self.list.selected();
        self.list.keep(keep, row);
        Ok(())
    }

    /// The listed lead ids in order (for tests that compare with a fresh read).
    pub fn listed(&self) -> Vec<LeadId> {
        self.list.listed()
    }

    /// Sets the `/` query and filters the list by it.
    pub fn set_query(&mut self, query: String, index: Option<&SearchIndex>) {
        self.query = query;
        self.apply_query(index);
    }

    /// Filters by the `/` query (fuzzy over account, city, interest and id). Close matches come
    /// before loose ones; within each, the inbox order (the priorities) is kept.
    fn apply_query(&mut self, index: Option<&SearchIndex>) {
        if self.query.trim().is_empty() {
            self.list.set_matches(None);
            self.filter.clear();
            return;
        }
        let Some(index) = index else {
            self.note = Some(
                "the search index is still being built; the filter applies when it is ready".into(),
            );
            self.list.set_matches(None);
            return;
        };
        if self.facts.len() != self.list.ids().len() {
            self.facts = self
                .list
                .ids()
                .iter()
                .map(|id| index.position(*id).map_or(u32::MAX, |p| p as u32))
                .collect();
        }
        let matches = self.filter.apply(
            &self.query,
            &index.leads_lower,
            |i| &index.leads[i].text,
            &self.facts,
        );
        self.list.set_matches(matches);
        self.list.to_top();
    }

    /// Drops the rows' places in the search index (a new index is being built).
    pub fn forget_index_positions(&mut self) {
        self.facts.clear();
        self.filter.clear();
    }

    pub fn filters(&self) -> &InboxFilters {
        &self.filters
    }

    /// The `/` query in force.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether a filter or query waits for the search index (applies when it is built).
    pub fn waits_for_index(&self) -> bool {
        self.filters.channel.is_some() || !self.query.is_empty()
    }

    /// Why the list is empty or partial, if it says.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    pub fn counts(&self) -> InboxCounts {
        self.counts
    }

    /// False while only the first screenful is read.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// How many rows are listed.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The lead on row `i`.
    pub fn id_at(&self, i: usize) -> Option<LeadId> {
        self.list.id_at(i)
    }

    /// The row number of the selection.
    pub fn selected(&self) -> usize {
        self.list.selected()
    }

    pub fn selected_id(&self) -> Option<LeadId> {
        self.list.selected_id()
    }

    /// The first row on screen.
    pub fn offset(&self) -> usize {
        self.list.offset()
    }

    /// The rows a list `height` high shows.
    pub fn shown(&self, height: usize) -> std::ops::Range<usize> {
        self.list.shown(height)
    }

    /// The row after the last of `ids` listed: where the selection goes once they are done,
    /// so triage flows down the list.
    pub fn next_after(&self, ids: &[LeadId]) -> Option<LeadId> {
        let last = ids.iter().filter_map(|id| self.list.position_of(*id)).max();
        last.and_then(|i| self.id_at(i + 1))
    }

    /// Moves the selection (`j`, `k`, page keys of `page` rows).
    pub fn move_by(&mut self, action: Action, page: usize) {
        self.list.move_by(action, page);
    }

    /// The leads an action applies to: the marked ones, else the selected one.
    pub fn targets(&self) -> Vec<LeadId> {
        if self.marked.is_empty() {
            return self.selected_id().into_iter().collect();
        }
        // In list order, so messages and undo follow what the user saw.
        (0..self.len())
            .filter_map(|i| self.id_at(i))
            .filter(|id| self.marked.contains(id))
            .collect()
    }

    /// Marks or unmarks the selected lead and moves on, as file managers do.
    pub fn toggle_mark(&mut self) {
        if let Some(id) = self.selected_id() {
            if !self.marked.remove(&id) {
                self.marked.insert(id);
            }
            self.list.move_by(Action::Down, 1);
        }
    }

    pub fn is_marked(&self, id: LeadId) -> bool {
        self.marked.contains(&id)
    }

    /// How many leads are marked.
    pub fn marked_count(&self) -> usize {
        self.marked.len()
    }

    /// Unmarks every lead; how many were marked.
    pub fn clear_marks(&mut self) -> usize {
        std::mem::take(&mut self.marked).len()
    }

    /// Unmarks `id` (an action on it is done).
    pub fn unmark(&mut self, id: LeadId) {
        self.marked.remove(&id);
    }

    /// Selects `id`, if listed.
    pub fn select(&mut self, id: LeadId) -> bool {
        self.list.select_id(id)
    }

    /// The row for `id`, read from the store on first use.
    pub fn row(&mut self, store: &Store, id: LeadId) -> Option<&LeadRow> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.rows.entry(id) {
            let lead = store.lead(id).ok()??;
            let account = store.account(lead.account_id).ok().flatten();
            let contact = lead
                .contact_id
                .and_then(|c| store.contact(c).ok().flatten());
            let next = crate::tui::search_index::NextStep::of(store, lead.account_id)
                .ok()
                .flatten();
            slot.insert(LeadRow {
                lead,
                account,
                contact,
                next,
            });
        }
        self.rows.get(&id)
    }

    /// The row for `id` if it has been read (every row on screen has, after `prepare`).
    pub fn cached_row(&self, id: LeadId) -> Option<&LeadRow> {
        self.rows.get(&id)
    }

    /// Before a frame: scrolls the selection into a list `height` rows high and reads the rows
    /// it shows (and the selected one, for the preview), so drawing needs no store writes.
    pub fn prepare(&mut self, store: &Store, height: usize) {
        self.list.scroll(height);
        let ids: Vec<LeadId> = self
            .list
            .shown(height)
            .filter_map(|i| self.id_at(i))
            .chain(self.selected_id())
            .collect();
        for id in ids {
            self.row(store, id);
        }
    }
}
