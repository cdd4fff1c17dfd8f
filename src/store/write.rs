//! Writes: every change is one sled transaction over records, their index entries and the
//! change log (a commit's changes share log entries), flushed before the call returns.

use super::Store;
use super::changelog::{self, Change, ChangeOp};
use super::error::{Result, StoreError};
use super::meta;
use super::packed_index;
use super::record::{EntityKind, Record};
use super::trees::TreeId;
use jiff::Timestamp;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

/// The records to write (or delete) together, all or nothing.
#[derive(Clone, Debug, Default)]
pub struct WriteSet {
    ops: Vec<(EntityKind, [u8; 16], Option<Record>)>,
    /// Change-log entries that say more than old-versus-new can (a merge), by op index.
    said: Vec<(usize, ChangeOp)>,
    /// Meta values written (or, for `None`, removed) in the same transaction (e.g. that a
    /// bundle was imported).
    meta: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    /// The change-log positions (first, last) of the write this one takes back (an undo).
    reverts: Option<(u64, u64)>,
    /// A chunk of an unfinished import: the stored bytes of every record it overwrites are kept
    /// in the same transaction, so a rollback can put them back.
    before_images: bool,
}

impl WriteSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Inserts or replaces a record, its text cleaned of escape sequences and control
    /// characters (the one boundary every source passes: CLI, forms, bundles, sheets, restore).
    pub fn put(&mut self, record: impl Into<Record>) -> &mut Self {
        let r = record.into().cleaned();
        self.ops.push((r.kind(), r.key(), Some(r)));
        self
    }

    /// Removes a record (and its index entries).
    pub fn delete(&mut self, kind: EntityKind, key: [u8; 16]) -> &mut Self {
        self.ops.push((kind, key, None));
        self
    }

    /// Removes an account that was merged into `survivor`: the change log says so (instead
    /// of a plain deletion), so head office can merge its copy too.
    pub fn merge_account(&mut self, absorbed: [u8; 16], survivor: [u8; 16]) -> &mut Self {
        self.said.push((
            self.ops.len(),
            ChangeOp::Merged {
                into: ulid::Ulid::from_bytes(survivor).to_string(),
            },
        ));
        self.delete(EntityKind::Account, absorbed)
    }

    /// Sets a meta value in the same transaction as the records.
    pub fn put_meta(&mut self, key: Vec<u8>, value: Vec<u8>) -> &mut Self {
        self.meta.push((key, Some(value)));
        self
    }

    /// Removes a meta value in the same transaction as the records.
    pub fn delete_meta(&mut self, key: Vec<u8>) -> &mut Self {
        self.meta.push((key, None));
        self
    }

    /// Marks this write as a chunk of a pending import (see `pending_import`).
    pub(super) fn keep_before_images(&mut self) {
        self.before_images = true;
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty() && self.meta.is_empty()
    }

    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// What this write set leaves for a record: `Some(Some(r))` it writes `r`, `Some(None)` it
    /// deletes it, `None` it does not touch it (the last write to a record wins).
    pub fn pending(&self, kind: EntityKind, key: [u8; 16]) -> Option<Option<&Record>> {
        self.ops
            .iter()
            .rev()
            .find(|(k, id, _)| *k == kind && *id == key)
            .map(|(_, _, r)| r.as_ref())
    }

    /// Every record this write set puts, in order (a record put twice appears twice).
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.ops.iter().filter_map(|(_, _, r)| r.as_ref())
    }
}

/// What a committed write did: its change-log entries, the records as they were before (what
/// an undo writes back) and as it left them (what must still be there for an undo to be safe).
#[derive(Clone, Debug, Default)]
pub struct Receipt {
    pub changes: Vec<Change>,
    pub before: Vec<(EntityKind, [u8; 16], Option<Record>)>,
    /// Each op's record as written (`None`: deleted), in the order of `before`.
    pub after: Vec<(EntityKind, [u8; 16], Option<Record>)>,
}

impl Receipt {
    /// The write that puts every record back as it was before this one; its change-log entries
    /// say which write they take back.
    pub fn undo(&self) -> WriteSet {
        let mut ws = WriteSet::new();
        // Reverse order, so a record written twice ends as it was first found.
        for (kind, key, old) in self.before.iter().rev() {
            match old {
                Some(r) => ws.put(r.clone()),
                None => ws.delete(*kind, *key),
            };
        }
        if let (Some(first), Some(last)) = (self.changes.first(), self.changes.last()) {
            ws.reverts = Some((first.seq, last.seq));
        }
        ws
    }

    /// Every record this write touched, once each, as it left it (the last write wins).
    pub fn left(&self) -> Vec<(EntityKind, [u8; 16], Option<&Record>)> {
        let mut out: Vec<(EntityKind, [u8; 16], Option<&Record>)> = Vec::new();
        for (kind, key, new) in self.after.iter().rev() {
            if !out.iter().any(|(k, id, _)| k == kind && id == key) {
                out.push((*kind, *key, new.as_ref()));
            }
        }
        out
    }

    /// True when this write touched the record.
    pub fn touches(&self, kind: EntityKind, key: [u8; 16]) -> bool {
        self.after.iter().any(|(k, id, _)| *k == kind && *id == key)
    }

    /// The first record that is no longer as this write left it (another write, an import, an
    /// erasure changed it since), or `None` when an undo would take back only this write.
    pub fn changed_since(&self, store: &Store) -> Result<Option<(EntityKind, [u8; 16])>> {
        for (kind, key, left) in self.left() {
            if store.get(kind, key)?.as_ref() != left {
                return Ok(Some((kind, key)));
            }
        }
        Ok(None)
    }
}

impl Store {
    /// Writes the buffered entries tree by tree in key order. Plain inserts, not `Batch`: on a
    /// 100k-lead demo sled 0.34's batches took 18 s and 3.3 GB of memory, inserts 8.5 s and
    /// 0.36 GB (measured).
    /// The by-account index entries gathered in `packer` are merged into their buckets.
    fn write_sorted(
        &self,
        per_tree: &mut [Vec<(Vec<u8>, Vec<u8>)>],
        packer: &mut packed_index::Packer,
    ) -> Result<()> {
        for (slot, entries) in per_tree.iter_mut().enumerate() {
            entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for (k, v) in entries.drain(..) {
                self.trees[slot].insert(k, v).map_err(|e| self.io(e))?;
            }
        }
        packer
            .write(self.tree(TreeId::IdxByAccount))
            .map_err(|e| self.io(e))
    }
}

/// Records per bulk-load step: large enough to sort usefully, small enough to bound memory.
const LOAD_CHUNK: usize = 25_000;

type TxError = ConflictableTransactionError<StoreError>;

impl Store {
    /// Applies `writes` atomically, appends the change log, and flushes to disk before returning.
    /// Records are validated first; an invalid one rejects the whole write and changes nothing.
    pub fn commit(&self, writes: &WriteSet, now: Timestamp) -> Result<Receipt> {
        for (_, _, rec) in &writes.ops {
            if let Some(r) = rec {
                r.validate()?;
            }
        }
        let encoded: Vec<Option<Vec<u8>>> = writes
            .ops
            .iter()
            .map(|(_, _, r)| r.as_ref().map(Record::encode))
            .collect();
        let result = self.trees.as_slice().transaction(|tx| {
            let mut receipt = Receipt::default();
            let mut seq =
                meta::read_u64(tx[TreeId::Meta.slot()].get(meta::KEY_LAST_SEQ)?.as_deref());
            for (i, ((kind, key, new), bytes)) in writes.ops.iter().zip(&encoded).enumerate() {
                let tree = &tx[kind.tree().slot()];
                let stored = tree.get(key)?;
                let old = match &stored {
                    Some(b) => Some(decode_in_tx(*kind, key, b)?),
                    None => None,
                };
                if let (true, Some(b)) = (writes.before_images, &stored) {
                    super::pending_import::keep_before(&tx[TreeId::Meta.slot()], *kind, key, b)?;
                }
                if let Some(o) = &old {
                    for entry in o.index_entries() {
                        packed_index::tx_remove(tx, &entry)?;
                    }
                }
                match (new, bytes) {
                    (Some(n), Some(b)) => {
                        tree.insert(key, b.as_slice())?;
                        for entry in n.index_entries() {
                            packed_index::tx_insert(tx, &entry)?;
                        }
                    }
                    _ => {
                        tree.remove(key)?;
                    }
                }
                let ops = match writes.said.iter().find(|(at, _)| *at == i) {
                    Some((_, op)) => vec![op.clone()],
                    None => changelog::derive(old.as_ref(), new.as_ref()),
                };
                for op in ops {
                    seq += 1;
                    let change = Change {
                        seq,
                        at: now,
                        entity: *kind,
                        id: ulid::Ulid::from_bytes(*key).to_string(),
                        op,
                        reverts: writes.reverts,
                    };
                    receipt.changes.push(change);
                }
                receipt.before.push((*kind, *key, old));
                receipt.after.push((*kind, *key, new.clone()));
            }
            for (key, entry) in changelog::entries(&receipt.changes) {
                tx[TreeId::Changes.slot()].insert(&key, entry)?;
            }
            tx[TreeId::Meta.slot()].insert(meta::KEY_LAST_SEQ, &seq.to_be_bytes())?;
            for (k, v) in &writes.meta {
                match v {
                    Some(v) => tx[TreeId::Meta.slot()].insert(k.as_slice(), v.as_slice())?,
                    None => tx[TreeId::Meta.slot()].remove(k.as_slice())?,
                };
            }
            Ok(receipt)
        });
        let receipt = result.map_err(|e| match e {
            TransactionError::Abort(e) => e,
            TransactionError::Storage(e) => self.io(e),
        })?;
        if self.flush_writes {
            self.flush()?;
        }
        super::recorded::note(&receipt, writes.before_images);
        Ok(receipt)
    }

    /// Loads records into a store that nobody else can see yet (a demo being built in a scratch
    /// directory): not atomic across trees, so callers must build elsewhere and move the finished
    /// store into place. Every record still gets its index entries and a `created` change-log
    /// entry. Keys are written in sorted chunks, tree by tree. Flushes before returning.
    pub fn load_fresh(
        &self,
        records: impl IntoIterator<Item = Record>,
        now: Timestamp,
    ) -> Result<u64> {
        let mut seq = meta::read_u64(
            self.tree(TreeId::Meta)
                .get(meta::KEY_LAST_SEQ)
                .map_err(|e| self.io(e))?
                .as_deref(),
        );
        let mut per_tree: Vec<Vec<(Vec<u8>, Vec<u8>)>> =
            TreeId::ALL.iter().map(|_| Vec::new()).collect();
        let mut count = 0u64;
        let mut pending = 0usize;
        let mut log: Vec<Change> = Vec::with_capacity(changelog::CHANGES_PER_ENTRY);
        let mut packer = packed_index::Packer::default();
        for record in records {
            record.validate()?;
            let key = record.key();
            per_tree[record.kind().tree().slot()].push((key.to_vec(), record.encode()));
            for (t, k, v) in record
                .index_entries()
                .into_iter()
                .filter_map(|e| packer.take(e))
            {
                per_tree[t.slot()].push((k, v));
            }
            seq += 1;
            log.push(Change {
                seq,
                at: now,
                entity: record.kind(),
                id: ulid::Ulid::from_bytes(key).to_string(),
                op: ChangeOp::Created,
                reverts: None,
            });
            if log.len() == changelog::CHANGES_PER_ENTRY {
                fill_log(&mut per_tree, &mut log);
            }
            count += 1;
            pending += 1;
            if pending >= LOAD_CHUNK {
                self.write_sorted(&mut per_tree, &mut packer)?;
                pending = 0;
            }
        }
        fill_log(&mut per_tree, &mut log);
        per_tree[TreeId::Meta.slot()]
            .push((meta::KEY_LAST_SEQ.to_vec(), seq.to_be_bytes().to_vec()));
        self.write_sorted(&mut per_tree, &mut packer)?;
        self.flush()?;
        Ok(count)
    }
}

fn decode_in_tx(
    kind: EntityKind,
    key: &[u8; 16],
    bytes: &[u8],
) -> std::result::Result<Record, TxError> {
    Record::decode(kind, bytes).map_err(|e| {
        ConflictableTransactionError::Abort(StoreError::Corrupt {
            tree: kind.tree().name(),
            id: ulid::Ulid::from_bytes(*key).to_string(),
            detail: e.to_string(),
        })
    })
}

/// Moves the buffered changes of a bulk load into the change log's pending entries.
fn fill_log(per_tree: &mut [Vec<(Vec<u8>, Vec<u8>)>], log: &mut Vec<Change>) {
    for (key, entry) in changelog::entries(log) {
        per_tree[TreeId::Changes.slot()].push((key.to_vec(), entry));
    }
    log.clear();
}
