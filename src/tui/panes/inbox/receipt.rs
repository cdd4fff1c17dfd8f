//! The inbox kept up to date from a commit's receipt, without re-reading the whole list.

use super::InboxPane;
use crate::domain::{Lead, LeadId, LeadStatus};
use crate::store::{EntityKind, LeadOrder, Receipt, Record, Store, StoreError, inbox_rank};
use crate::tui::search_index::SearchIndex;
use jiff::Timestamp;

impl InboxPane {
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
        let selected_before = self.list.selected();
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
            self.count_change(before.as_ref(), after.as_ref(), now);
            self.rows.remove(&id);
            let ids = self.list.ids_mut();
            if let Some(at) = ids.iter().position(|x| *x == id) {
                ids.remove(at);
            }
            let Some(after) = after else { continue };
            if !self.passes(&order, &after, now, index) {
                self.marked.remove(&id);
                continue;
            }
            let at = self.place_for(store, &after, now);
            self.list.ids_mut().insert(at, id);
        }
        self.facts.clear();
        self.apply_query(index);
        self.list.keep(keep, selected_before);
        Ok(())
    }

    /// The title's counts less `before` and plus `after`.
    fn count_change(&mut self, before: Option<&Lead>, after: Option<&Lead>, now: Timestamp) {
        for (lead, sign) in [(before, -1i64), (after, 1)] {
            if let Some(l) = lead {
                if l.status == LeadStatus::New {
                    self.counts.new = (self.counts.new as i64 + sign).max(0) as usize;
                }
                if l.is_overdue(now) {
                    self.counts.overdue = (self.counts.overdue as i64 + sign).max(0) as usize;
                }
            }
        }
    }

    /// Where the inbox order puts `lead` among the listed ids: a binary search by rank.
    fn place_for(&mut self, store: &Store, lead: &Lead, now: Timestamp) -> usize {
        let rank = inbox_rank(lead, now);
        let mut lo = 0;
        let mut hi = self.list.ids().len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            let other = self.list.ids()[mid];
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
        lo
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
}
