//! Where the user has been: a jump list as in vim. Going somewhere else (a pane, an account, a
//! lead from the palette) records the place left; back returns to it with the list position and
//! the filters it had, and forward undoes a back. The places are plain data, so the list knows
//! nothing of the panes; `navigation.rs` reads and restores them.

use super::panes::inbox::InboxFilters;
use crate::domain::{AccountId, LeadId};

/// How many places back remembers.
pub const DEPTH: usize = 100;

/// A place in the view, with what it takes to show it again as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Inbox {
        filters: InboxFilters,
        query: String,
        lead: Option<LeadId>,
    },
    AccountList {
        query: String,
        selected: usize,
    },
    Account(AccountId),
    Funnel,
}

impl Place {
    /// True when `other` is the same place (another row of the same list is not a new place).
    pub fn same_spot(&self, other: &Place) -> bool {
        match (self, other) {
            (
                Place::Inbox { filters, query, .. },
                Place::Inbox {
                    filters: f,
                    query: q,
                    ..
                },
            ) => filters == f && query == q,
            (Place::AccountList { query, .. }, Place::AccountList { query: q, .. }) => query == q,
            (Place::Account(a), Place::Account(b)) => a == b,
            (Place::Funnel, Place::Funnel) => true,
            _ => false,
        }
    }
}

/// The places behind and ahead of the current one.
#[derive(Debug, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// Records that the user went from `left` to `now`; a new way forward starts.
    pub fn moved(&mut self, left: Place, now: &Place) {
        if left.same_spot(now) {
            return;
        }
        self.forward.clear();
        match self.back.last_mut() {
            Some(last) if last.same_spot(&left) => *last = left,
            _ => self.back.push(left),
        }
        if self.back.len() > DEPTH {
            self.back.remove(0);
        }
    }

    /// The place to go back to from `here`, which becomes the first place forward.
    pub fn back(&mut self, here: Place) -> Option<Place> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// The place to go forward to from `here`, which goes back on the back list.
    pub fn forward(&mut self, here: Place) -> Option<Place> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Forgets every place in an account that no longer exists (merged away, erased).
    pub fn forget_account(&mut self, id: AccountId) {
        self.back.retain(|p| *p != Place::Account(id));
        self.forward.retain(|p| *p != Place::Account(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inbox(query: &str) -> Place {
        Place::Inbox {
            filters: InboxFilters::default(),
            query: query.into(),
            lead: None,
        }
    }

    fn account(n: u128) -> Place {
        Place::Account(AccountId(ulid::Ulid(n)))
    }

    #[test]
    fn back_and_forward_walk_the_places_in_order() {
        let mut h = History::default();
        h.moved(inbox(""), &account(1));
        h.moved(account(1), &Place::Funnel);
        assert_eq!(h.back(Place::Funnel), Some(account(1)));
        assert_eq!(h.back(account(1)), Some(inbox("")));
        assert_eq!(h.back(inbox("")), None);
        assert_eq!(h.forward(inbox("")), Some(account(1)));
        assert_eq!(h.forward(account(1)), Some(Place::Funnel));
        assert_eq!(h.forward(Place::Funnel), None);
    }

    #[test]
    fn going_somewhere_new_after_back_drops_the_way_forward() {
        let mut h = History::default();
        h.moved(inbox(""), &account(1));
        assert_eq!(h.back(account(1)), Some(inbox("")));
        h.moved(inbox(""), &account(2));
        assert!(!h.can_go_forward());
        assert_eq!(h.back(account(2)), Some(inbox("")));
    }

    #[test]
    fn staying_in_place_records_nothing_and_depth_is_bounded() {
        let mut h = History::default();
        h.moved(inbox("a"), &inbox("a"));
        assert!(!h.can_go_back());
        for n in 0..(DEPTH as u128 + 20) {
            h.moved(account(n), &account(n + 1));
        }
        let mut steps = 0;
        let mut here = account(DEPTH as u128 + 20);
        while let Some(p) = h.back(here) {
            here = p;
            steps += 1;
        }
        assert_eq!(steps, DEPTH);
    }

    #[test]
    fn an_account_gone_is_forgotten() {
        let mut h = History::default();
        h.moved(account(1), &inbox(""));
        h.forget_account(AccountId(ulid::Ulid(1)));
        assert!(!h.can_go_back());
    }
}
