//! An import written in chunks, still all or nothing. Holding a 100,000-lead import in one
//! sled transaction took 9 GB of memory, so a big import is written a few thousand leads per
//! transaction under a *pending-import mark* in the meta tree. The mark names the import and the
//! change-log position it started after; each chunk keeps, in the same transaction, the stored
//! bytes of every record it overwrites (its before-image, once per record). The last chunk
//! clears the mark together with the bundle's ledger keys, so the import is done exactly when
//! the mark is gone.
//!
//! A mark found at [`Store::open`] means the process was killed (or failed) mid-import: the
//! import is rolled back — every record the change log names after the mark's position gets its
//! before-image back, or is removed when it had none (the import created it), with its index
//! entries; those change-log entries go and the sequence counter returns — and the user hears
//! one sentence saying so. The rollback runs in bounded batches and may itself be cut short:
//! the mark stays until the very end, so the next open simply carries on.
//!
//! Nobody sees a half-written import: sled lets one process hold a store, and the importing
//! process (the command line, or the view, whose import runs to its end before the next frame)
//! reads nothing else meanwhile. A backup taken in between carries the mark, and restoring it
//! rolls the import back on the first open.

use super::Store;
use super::changelog::Change;
use super::error::{Result, StoreError};
use super::meta;
use super::record::{EntityKind, Record};
use super::trees::TreeId;
use super::write::{Receipt, WriteSet};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use std::sync::Mutex;

/// The meta key of the pending-import mark.
pub const KEY_IMPORT_PENDING: &[u8] = b"import-pending";

/// The prefix of the before-images an unfinished import keeps: kind, then the record's key.
const BEFORE: &[u8] = b"import-before:";

/// Change-log entries (or before-images) taken back per rollback transaction.
const ROLLBACK_BATCH: usize = 2_000;

/// What the mark says.
#[derive(Debug, Serialize, Deserialize)]
struct Mark {
    /// The bundle id, or the spreadsheet's name and hash.
    import: String,
    /// The change-log position before the import's first chunk.
    from_seq: u64,
    started_at: Timestamp,
}

/// Sentences for the user about what opening a store did (an import rolled back), taken by
/// the front end once it can show them.
static NOTICES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The sentences opening stores produced since the last call.
pub fn take_notices() -> Vec<String> {
    NOTICES
        .lock()
        .map(|mut n| std::mem::take(&mut *n))
        .unwrap_or_default()
}

fn before_key(kind: EntityKind, key: &[u8; 16]) -> Vec<u8> {
    let tag = EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8;
    [BEFORE, &[tag], key.as_slice()].concat()
}

/// Keeps `bytes` as the before-image of a record a chunk overwrites, unless an earlier chunk
/// of the same import already kept one (that one is what the store held before the import).
pub(super) fn keep_before(
    meta_tree: &TransactionalTree,
    kind: EntityKind,
    key: &[u8; 16],
    bytes: &[u8],
) -> std::result::Result<(), ConflictableTransactionError<StoreError>> {
    let k = before_key(kind, key);
    if meta_tree.get(&k)?.is_none() {
        meta_tree.insert(k, bytes)?;
    }
    Ok(())
}

impl Store {
    /// Starts a chunked import named `import` (a bundle id, a file's name and hash). An
    /// unfinished one left by this process (a chunk failed) is rolled back first.
    pub fn begin_import(&self, import: &str, now: Timestamp) -> Result<()> {
        if self.pending_import()?.is_some() {
            self.roll_back_import()?;
        }
        self.clear_before_images()?;
        let mark = Mark {
            import: import.to_string(),
            from_seq: self.last_seq()?,
            started_at: now,
        };
        let bytes = serde_json::to_vec(&mark).unwrap_or_default();
        self.tree(TreeId::Meta)
            .insert(KEY_IMPORT_PENDING, bytes)
            .map_err(|e| self.io(e))?;
        self.flush()
    }

    /// Commits one chunk of the import begun with [`Store::begin_import`], keeping the
    /// before-image of every record it overwrites.
    pub fn commit_import_chunk(&self, mut writes: WriteSet, now: Timestamp) -> Result<Receipt> {
        writes.keep_before_images();
        self.commit(&writes, now)
    }

    /// Commits the import's last chunk, which clears the mark in the same transaction: from
    /// here on the import is done. The before-images are dropped afterwards.
    pub fn finish_import(&self, mut writes: WriteSet, now: Timestamp) -> Result<Receipt> {
        writes.keep_before_images();
        writes.delete_meta(KEY_IMPORT_PENDING.to_vec());
        let receipt = self.commit(&writes, now)?;
        self.clear_before_images()?;
        Ok(receipt)
    }

    /// The name of the import whose mark the store holds, if one is unfinished.
    pub fn pending_import(&self) -> Result<Option<String>> {
        Ok(self.read_mark()?.map(|m| m.import))
    }

    fn read_mark(&self) -> Result<Option<Mark>> {
        let Some(bytes) = self
            .tree(TreeId::Meta)
            .get(KEY_IMPORT_PENDING)
            .map_err(|e| self.io(e))?
        else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError::Corrupt {
                tree: "meta",
                id: "import-pending".into(),
                detail: e.to_string(),
            })
    }

    /// Takes back everything an unfinished import wrote (see the module's documentation);
    /// returns its name, or `None` when no import was pending.
    pub fn roll_back_import(&self) -> Result<Option<String>> {
        let Some(mark) = self.read_mark()? else {
            return Ok(None);
        };
        while self.roll_back_batch(mark.from_seq)? {}
        self.clear_before_images()?;
        let meta_tree = self.tree(TreeId::Meta);
        let mut batch = sled::Batch::default();
        batch.insert(meta::KEY_LAST_SEQ, &mark.from_seq.to_be_bytes());
        batch.remove(KEY_IMPORT_PENDING);
        meta_tree.apply_batch(batch).map_err(|e| self.io(e))?;
        self.flush()?;
        Ok(Some(mark.import))
    }

    /// At open: rolls back an import a killed process left, and tells the user.
    /// Before-images a finished import left (killed between its last chunk and dropping them)
    /// are dropped too: they may hold what an erasure removed since.
    pub(super) fn roll_back_on_open(&self) -> Result<()> {
        let stale = self.tree(TreeId::Meta).scan_prefix(BEFORE).next().is_some();
        if stale && self.read_mark()?.is_none() {
            self.clear_before_images()?;
            self.flush()?;
        }
        if let Some(name) = self.roll_back_import()? {
            let sentence = format!(
                "the import of {} was cut short before it finished; it was rolled back, so the store is as it was before it — import the file again",
                crate::bundle::printable(&name)
            );
            if let Ok(mut n) = NOTICES.lock() {
                n.push(sentence);
            }
        }
        Ok(())
    }

    /// Takes back the changes after `from_seq` of whole log entries, up to about
    /// [`ROLLBACK_BATCH`] changes, in one transaction; false when none were left. An entry that
    /// also holds changes up to `from_seq` (a migrated log groups changes regardless of
    /// commits) keeps those.
    fn roll_back_batch(&self, from_seq: u64) -> Result<bool> {
        let mut undone: Vec<(EntityKind, [u8; 16])> = Vec::new();
        // Each entry taken: its key, and the changes it keeps (empty: the entry goes).
        let mut entries: Vec<(sled::IVec, Vec<Change>)> = Vec::new();
        for item in self.log_from(from_seq + 1) {
            let key = item.as_ref().map(|(k, _)| k.clone()).ok();
            let mut kept = Vec::new();
            for change in self.log_entry(item) {
                let change = change?;
                if change.seq <= from_seq {
                    kept.push(change);
                    continue;
                }
                let id = ulid::Ulid::from_string(&change.id)
                    .map(|u| u.to_bytes())
                    .map_err(|e| StoreError::Corrupt {
                        tree: TreeId::Changes.name(),
                        id: change.id.clone(),
                        detail: e.to_string(),
                    })?;
                undone.push((change.entity, id));
            }
            if let Some(key) = key {
                entries.push((key, kept));
            }
            if undone.len() >= ROLLBACK_BATCH {
                break;
            }
        }
        if undone.is_empty() {
            return Ok(false);
        }
        self.trees
            .as_slice()
            .transaction(|tx| {
                for (kind, key) in &undone {
                    let before = tx[TreeId::Meta.slot()].get(before_key(*kind, key))?;
                    put_back(tx, *kind, key, before.as_deref())?;
                }
                let log = &tx[TreeId::Changes.slot()];
                for (key, kept) in &entries {
                    match kept.is_empty() {
                        true => log.remove(key)?,
                        false => log.insert(key, super::changelog::encode_entry(kept))?,
                    };
                }
                Ok(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Abort(e) => e,
                sled::transaction::TransactionError::Storage(e) => self.io(e),
            })?;
        Ok(true)
    }

    /// Drops every kept before-image, a batch at a time.
    fn clear_before_images(&self) -> Result<()> {
        let meta_tree = self.tree(TreeId::Meta);
        loop {
            let keys: Vec<sled::IVec> = meta_tree
                .scan_prefix(BEFORE)
                .keys()
                .take(ROLLBACK_BATCH)
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| self.io(e))?;
            if keys.is_empty() {
                return Ok(());
            }
            let mut batch = sled::Batch::default();
            for k in keys {
                batch.remove(k);
            }
            meta_tree.apply_batch(batch).map_err(|e| self.io(e))?;
        }
    }
}

/// Puts a record back as `before` held it (or removes it when `before` is `None`), moving its
/// index entries with it.
fn put_back(
    tx: &[TransactionalTree],
    kind: EntityKind,
    key: &[u8; 16],
    before: Option<&[u8]>,
) -> std::result::Result<(), ConflictableTransactionError<StoreError>> {
    let tree = &tx[kind.tree().slot()];
    let decode = |bytes: &[u8]| {
        Record::decode(kind, bytes)
            .map_err(|e| ConflictableTransactionError::Abort(super::read::corrupt(kind, key, e)))
    };
    if let Some(current) = tree.get(key)? {
        for entry in decode(&current)?.index_entries() {
            super::packed_index::tx_remove(tx, &entry)?;
        }
    }
    match before {
        Some(bytes) => {
            tree.insert(key, bytes)?;
            for entry in decode(bytes)?.index_entries() {
                super::packed_index::tx_insert(tx, &entry)?;
            }
        }
        None => {
            tree.remove(key)?;
        }
    }
    Ok(())
}
