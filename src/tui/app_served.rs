//! Changes made from another terminal (`crate::serve`): the view shows them at once and keeps
//! them for undo as the user's own — or, for an import or an erasure, drops the undo steps they
//! touched, as when the view imports.

use super::app::App;
use crate::serve::Served;
use crate::store::{EntityKind, Receipt};

impl App {
    /// Brings the screen up to date with what a command of another terminal committed.
    pub fn on_served(&mut self, served: Served) {
        let creates = served.import.is_some()
            || served.receipts.iter().any(|r| {
                r.before.iter().any(|(kind, _, before)| {
                    before.is_none() && matches!(kind, EntityKind::Lead | EntityKind::Account)
                })
            });
        let receipt = joined(served.receipts);
        if served.not_undoable {
            let mut touched = touched_by(&receipt);
            match served.import {
                // An import may have touched a hundred thousand records: every list is read again.
                Some(import) => {
                    touched.extend(import.touched);
                    super::import::after_import(self);
                }
                None => self.after_commit(&receipt, None),
            }
            let mut message = served.label;
            match self.undo.forget_touched(&touched) {
                0 => {}
                1 => message.push_str("; 1 undo step dropped (it changed its records)"),
                n => message.push_str(&format!(
                    "; {n} undo steps dropped (it changed their records)"
                )),
            }
            self.ok(&message);
        } else {
            self.committed(&served.label, receipt, None);
        }
        // New leads and accounts become searchable once the index is built again.
        if creates {
            self.rebuild_index();
        }
    }
}

/// Every record a receipt names, written or overwritten.
fn touched_by(receipt: &Receipt) -> std::collections::HashSet<(EntityKind, [u8; 16])> {
    let before = receipt.before.iter().map(|(k, id, _)| (*k, *id));
    let after = receipt.after.iter().map(|(k, id, _)| (*k, *id));
    before.chain(after).collect()
}

/// One command's commits as one step: undone together, the last first.
fn joined(receipts: Vec<Receipt>) -> Receipt {
    let mut all = Receipt::default();
    for r in receipts {
        all.changes.extend(r.changes);
        all.before.extend(r.before);
        all.after.extend(r.after);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Record;

    #[test]
    fn commits_join_in_order() {
        let key = |n: u8| [n; 16];
        let one = Receipt {
            changes: vec![],
            before: vec![(EntityKind::Lead, key(1), None)],
            after: vec![(EntityKind::Lead, key(1), None::<Record>)],
        };
        let two = Receipt {
            changes: vec![],
            before: vec![(EntityKind::Account, key(2), None)],
            after: vec![(EntityKind::Account, key(2), None)],
        };
        let all = joined(vec![one, two]);
        let keys: Vec<_> = all.before.iter().map(|(_, k, _)| k[0]).collect();
        assert_eq!(keys, [1, 2]);
        assert_eq!(all.after.len(), 2);
    }
}
