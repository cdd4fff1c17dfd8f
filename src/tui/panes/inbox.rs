//! The lead inbox's state: which leads (filters), in what order (the store's inbox order, or
//! fuzzy rank while `/` is typed), which one is selected, which are marked.
//!
//! The ordered id list comes from the store's indexes (ids only, no records); records are read
//! for the visible rows alone and cached until the next write, so a frame never reads the store
//! beyond one screenful.

use crate::domain::{Account, Channel, Contact, Lead, LeadId, LeadStatus, Tier};
use crate::store::{EntityKind, LeadOrder, Receipt, Record, Store, StoreError, inbox_rank};
use crate::tui::list_filter::ListFilter;
use crate::tui::list_window::window_start;
use crate::tui::search_index::SearchIndex;
use jiff::Timestamp;
use std::collections::{HashMap, HashSet};

/// The inbox filters; all off shows the open leads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxFilters {
    pub status: Option<LeadStatus>,
    pub tier: Option<Tier>,
    pub channel: Option<Channel>,
    pub overdue_only: bool,
}

impl InboxFilters {
    /// "status new · tier 1 · overdue", or empty when no filter is on.
    pub fn describe(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status {s}"));
        }
        if let Some(t) = self.tier {
            parts.push(format!("tier {}", t.number()));
        }
        if let Some(c) = self.channel {
            parts.push(format!("channel {}", c.as_str()));
        }
        if self.overdue_only {
            parts.push("overdue".to_string());
        }
        parts
    }

    fn order(&self) -> LeadOrder {
        let mut order = match self.status {
            Some(s) => LeadOrder {
                statuses: vec![s],
                tiers: vec![],
            },
            None => LeadOrder::inbox(),
        };
        if let Some(t) = self.tier {
            order.tiers = vec![t];
        }
        order
    }
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
    pub filters: InboxFilters,
    /// The `/` query in force.
    pub query: String,
    /// Leads under the filters, in inbox order.
    ids: Vec<LeadId>,
    /// For each of `ids`, its place in the search index (filled when the index is there), so
    /// a keystroke in the `/` filter needs no lookup by id.
    facts: Vec<u32>,
    /// With a query: positions in `ids` of the matches, best first.
    matches: Option<Vec<u32>>,
    filter: ListFilter,
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    pub marked: HashSet<LeadId>,
    pub counts: InboxCounts,
    rows: HashMap<LeadId, LeadRow>,
    /// Why the list is empty or partial (e.g. the search index is still being built).
    pub note: Option<String>,
    /// False while only the first screenful is read (start-up shows it at once and reads the
    /// rest right after the first frame).
    pub complete: bool,
}

impl InboxPane {
    /// Re-reads the ordered ids and counts after a filter change or a write; keeps the
    /// selection on `keep` when it is still listed, else on the same row number.
    pub fn reload(
        &mut self,
        store: &Store,
        now: Timestamp,
        index: Option<&SearchIndex>,
        keep: Option<LeadId>,
    ) -> Result<(), StoreError> {
        self.read(store, now, index, keep, None)
    }

    /// Reads only the first `rows` leads of the list, lazily from the indexes, for a first
    /// frame that never waits for a big store; [`InboxPane::reload`] completes it.
    pub fn read_first(
        &mut self,
        store: &Store,
        now: Timestamp,
        rows: usize,
    ) -> Result<(), StoreError> {
        self.read(store, now, None, None, Some(rows))
    }

    fn read(
        &mut self,
        store: &Store,
        now: Timestamp,
        index: Option<&SearchIndex>,
        keep: Option<LeadId>,
        first: Option<usize>,
    ) -> Result<(), StoreError> {
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
            match index {
                Some(x) => ids.retain(|id| x.get(*id).is_some_and(|f| f.channel == channel)),
                None => {
                    self.note =
                        Some("the channel filter waits for the search index; a moment".into())
                }
            }
        }
        self.ids = ids;
        self.facts.clear();
        if self.complete {
            self.counts = InboxCounts {
                new: store.status_count(LeadStatus::New),
                overdue: store.overdue_count(now)?,
            };
        }
        self.marked.retain(|id| self.ids.contains(id));
        self.matches = None;
        self.apply_query(index);
        let shown = self.len();
        self.selected = match keep.and_then(|k| self.position_of(k)) {
            Some(i) => i,
            None => self.selected.min(shown.saturating_sub(1)),
        };
        Ok(())
    }

    /// Brings the list up to date with a change just committed, without re-reading the whole
    /// list: each changed lead leaves its old place and, if it still passes the filters, is
    /// put where the inbox order puts it (a binary search reading a dozen records). Counts move
    /// by the same change. Keeps the selection on `keep` when listed.
    pub fn apply_receipt(
        &mut self,
        store: &Store,
        now: Timestamp,
        index: Option<&SearchIndex>,
        receipt: &Receipt,
        keep: Option<LeadId>,
    ) -> Result<(), StoreError> {
        let keep = keep.or_else(|| self.selected_id());
        let selected_before = self.selected;
        let order = self.filters.order();
        for (kind, key, before) in &receipt.before {
            if *kind != EntityKind::Lead {
                continue;
            }
            let id = LeadId::from_bytes(*key);
            let before = match before {
                Some(Record::Lead(l)) => Some(l.clone()),
                _ => None,
            };
            let after = store.lead(id)?;
            for (lead, sign) in [(&before, -1i64), (&after, 1)] {
                if let Some(l) = lead {
                    if l.status == LeadStatus::New {
                        self.counts.new = (self.counts.new as i64 + sign).max(0) as usize;
                    }
                    if l.is_overdue(now) {
                        self.counts.overdue = (self.counts.overdue as i64 + sign).max(0) as usize;
                    }
                }
            }
            self.rows.remove(&id);
            if let Some(at) = self.ids.iter().position(|x| *x == id) {
                self.ids.remove(at);
            }
            let Some(after) = after else { continue };
            if !self.passes(&order, &after, now, index) {
                self.marked.remove(&id);
                continue;
            }
            let rank = inbox_rank(&after, now);
            let mut lo = 0;
            let mut hi = self.ids.len();
            while lo < hi {
                let mid = (lo + hi) / 2;
                let other = self.ids[mid];
                let other_rank = match self.row(store, other) {
                    Some(r) => inbox_rank(&r.lead, now),
                    None => break,
                };
                if other_rank < rank {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            self.ids.insert(lo, id);
        }
        self.facts.clear();
        self.matches = None;
        self.apply_query(index);
        self.selected = match keep.and_then(|k| self.position_of(k)) {
            Some(i) => i,
            None => selected_before.min(self.len().saturating_sub(1)),
        };
        Ok(())
    }

    /// Whether a lead belongs in the list under the current filters.
    fn passes(
        &self,
        order: &LeadOrder,
        lead: &Lead,
        now: Timestamp,
        index: Option<&SearchIndex>,
    ) -> bool {
        order.statuses.contains(&lead.status)
            && (order.tiers.is_empty() || order.tiers.contains(&lead.tier))
            && (!self.filters.overdue_only || lead.is_overdue(now))
            && self.filters.channel.is_none_or(|c| {
                index
                    .and_then(|x| x.get(lead.id))
                    .is_none_or(|f| f.channel == c)
            })
    }

    /// The listed lead ids in order (for tests that compare with a fresh read).
    pub fn listed(&self) -> Vec<LeadId> {
        (0..self.len()).filter_map(|i| self.id_at(i)).collect()
    }

    /// Filters by the `/` query (fuzzy over account, city, interest and id). Close matches come
    /// before loose ones; within each, the inbox order (the priorities) is kept.
    pub fn apply_query(&mut self, index: Option<&SearchIndex>) {
        if self.query.trim().is_empty() {
            self.matches = None;
            self.filter.clear();
            return;
        }
        let Some(index) = index else {
            self.note = Some(
                "the search index is still being built; the filter applies when it is ready".into(),
            );
            self.matches = None;
            return;
        };
        if self.facts.len() != self.ids.len() {
            self.facts = self
                .ids
                .iter()
                .map(|id| index.position(*id).map_or(u32::MAX, |p| p as u32))
                .collect();
        }
        self.matches = self.filter.apply(
            &self.query,
            &index.leads_lower,
            |i| &index.leads[i].text,
            &self.facts,
        );
        self.selected = 0;
        self.offset = 0;
    }

    /// Drops the rows' places in the search index (a new index is being built).
    pub fn forget_index_positions(&mut self) {
        self.facts.clear();
        self.filter.clear();
    }

    /// How many rows are listed.
    pub fn len(&self) -> usize {
        match &self.matches {
            Some(m) => m.len(),
            None => self.ids.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lead on row `i`.
    pub fn id_at(&self, i: usize) -> Option<LeadId> {
        match &self.matches {
            Some(m) => m.get(i).map(|p| self.ids[*p as usize]),
            None => self.ids.get(i).copied(),
        }
    }

    pub fn selected_id(&self) -> Option<LeadId> {
        self.id_at(self.selected)
    }

    fn position_of(&self, id: LeadId) -> Option<usize> {
        match &self.matches {
            Some(m) => m.iter().position(|p| self.ids[*p as usize] == id),
            None => self.ids.iter().position(|x| *x == id),
        }
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
            self.selected = (self.selected + 1).min(self.len().saturating_sub(1));
        }
    }

    /// Selects `id`, if listed.
    pub fn select(&mut self, id: LeadId) -> bool {
        match self.position_of(id) {
            Some(i) => {
                self.selected = i;
                true
            }
            None => false,
        }
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

    /// Keeps the selected row on screen for a list `height` rows high.
    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = window_start(self.selected, self.offset, self.len(), height);
    }

    /// Before a frame: scrolls the selection into a list `height` rows high and reads the rows
    /// it shows (and the selected one, for the preview), so drawing needs no store writes.
    pub fn prepare(&mut self, store: &Store, height: usize) {
        self.scroll_into_view(height);
        let shown = self.offset..(self.offset + height).min(self.len());
        let ids: Vec<LeadId> = shown
            .filter_map(|i| self.id_at(i))
            .chain(self.selected_id())
            .collect();
        for id in ids {
            self.row(store, id);
        }
    }
}
