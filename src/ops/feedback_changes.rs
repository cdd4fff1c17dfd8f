//! Which change-log entries a feedback bundle reports: everything since the last export, except
//! steps that were undone before head office heard of them — the step and its undo cancel out.
//! An undo of a step already sent is a change of its own and is reported; so is a redo of an
//! undo that was sent.

use crate::store::{Change, Store, StoreError};
use std::collections::{BTreeMap, HashSet};

/// The entries after `from` up to `through`, in order, without cancelled pairs.
pub fn unsent_changes(store: &Store, from: u64, through: u64) -> Result<Vec<Change>, StoreError> {
    let mut live: BTreeMap<u64, Change> = BTreeMap::new();
    // Writes taken back (by their first and last position) whose undo is dropped with them.
    let mut cancelled: HashSet<(u64, u64)> = HashSet::new();
    for change in store.changes_since(from) {
        let c = change?;
        if c.seq > through {
            break;
        }
        match c.reverts {
            Some(range) if cancelled.contains(&range) => {}
            Some((first, last)) if first > from && live.contains_key(&first) => {
                let taken_back: Vec<u64> = live.range(first..=last).map(|(s, _)| *s).collect();
                for seq in taken_back {
                    live.remove(&seq);
                }
                cancelled.insert((first, last));
            }
            _ => {
                live.insert(c.seq, c);
            }
        }
    }
    Ok(live.into_values().collect())
}
