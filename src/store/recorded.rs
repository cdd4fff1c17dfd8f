//! What a stretch of code committed, for the full-screen view to follow a command it ran for
//! another terminal ([`record_receipts`]) and for an import to name what it wrote
//! ([`ImportWrites`]) — both bounded: an import's chunks are named by the records they touched,
//! never kept whole (a 100,000-lead import's receipts hold every record twice, gigabytes).

use super::record::EntityKind;
use super::write::Receipt;
use std::collections::HashSet;

/// What an import wrote, named without the records themselves. The view drops the undo steps
/// whose records are in `touched`; the change log (`changes`, first and last position) is what
/// the feedback export reads. An import is not undone step by step: a failed or cut-short one
/// is rolled back whole by the store.
#[derive(Clone, Debug, Default)]
pub struct ImportWrites {
    pub touched: HashSet<(EntityKind, [u8; 16])>,
    pub changes: Option<(u64, u64)>,
    /// Leads the import created (not there before it).
    pub new_leads: usize,
}

impl ImportWrites {
    /// Remembers which records a chunk touched (not what it wrote).
    pub fn take_in(&mut self, receipt: &Receipt) {
        for (kind, key, before) in &receipt.before {
            if self.touched.insert((*kind, *key)) && *kind == EntityKind::Lead && before.is_none() {
                self.new_leads += 1;
            }
        }
        if let (Some(first), Some(last)) = (receipt.changes.first(), receipt.changes.last()) {
            self.changes = Some(match self.changes {
                Some((a, _)) => (a, last.seq),
                None => (first.seq, last.seq),
            });
        }
    }
}

/// The commits [`record_receipts`] saw: every receipt whole, except an import's chunks, which
/// are summed up in `import`.
#[derive(Debug, Default)]
pub struct Recorded {
    pub receipts: Vec<Receipt>,
    pub import: Option<ImportWrites>,
}

thread_local! {
    /// What the commits made on this thread while [`record_receipts`] runs left.
    static RECORDED: std::cell::RefCell<Option<Recorded>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` and returns, beside its result, what every commit it made on this thread left: the
/// full-screen view learns what a command run for another terminal changed (to show it and to
/// undo it) without that command knowing it was asked from elsewhere.
pub fn record_receipts<T>(f: impl FnOnce() -> T) -> (T, Recorded) {
    RECORDED.with(|r| *r.borrow_mut() = Some(Recorded::default()));
    let result = f();
    let recorded = RECORDED.with(|r| r.borrow_mut().take()).unwrap_or_default();
    (result, recorded)
}

/// Called by every commit: its receipt is kept while [`record_receipts`] runs — as the records
/// it touched when it is a chunk of an import (`import_chunk`).
pub(super) fn note(receipt: &Receipt, import_chunk: bool) {
    RECORDED.with(|r| {
        if let Some(recorded) = r.borrow_mut().as_mut() {
            if import_chunk {
                recorded
                    .import
                    .get_or_insert_with(ImportWrites::default)
                    .take_in(receipt);
            } else {
                recorded.receipts.push(receipt.clone());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_touched_twice_is_one_new_lead() {
        let lead = |n: u8| (EntityKind::Lead, [n; 16], None);
        let mut writes = ImportWrites::default();
        writes.take_in(&Receipt {
            changes: vec![],
            before: vec![lead(1), lead(2)],
            after: vec![],
        });
        writes.take_in(&Receipt {
            changes: vec![],
            before: vec![lead(2), (EntityKind::Account, [3; 16], None)],
            after: vec![],
        });
        assert_eq!(writes.new_leads, 2);
        assert_eq!(writes.touched.len(), 3);
    }
}
