//! What the store remembers of its exchange with head office: its own signing key, head
//! office's pinned public key, and which bundles it imported (by id, and the last sequence per
//! sender), so a bundle is never applied twice and a missing one is noticed.

use super::Store;
use super::error::Result;
use super::trees::TreeId;

const KEY_SECRET: &[u8] = b"signing_key";
const KEY_EXPORTED_THROUGH: &[u8] = b"exported_through";
const KEY_FEEDBACK_SEQUENCE: &[u8] = b"feedback_sequence";
const KEY_HEAD_OFFICE: &[u8] = b"head_office_key";

/// The meta key recording that bundle `id` was imported.
pub fn imported_key(id: &str) -> Vec<u8> {
    [b"imported:".as_slice(), id.as_bytes()].concat()
}

/// The meta key holding the last sequence imported from `sender`.
pub fn sequence_key(sender: &str) -> Vec<u8> {
    [b"sequence:".as_slice(), sender.as_bytes()].concat()
}

/// The prefix of meta keys holding head office's erasure requests done here but not yet
/// reported in a feedback bundle.
pub const UNSENT_ERASURE_REPORT: &[u8] = b"hq-erasure-unsent:";

/// The prefix of meta keys recording every head-office erasure request done here.
pub const ERASURE_REQUEST: &[u8] = b"hq-erasure:";

/// The meta key saying the store holds erased bytes that a compaction must still remove.
pub const KEY_COMPACT_PENDING: &[u8] = b"compact-pending";

/// The pending-erasure mark: the meta key saying that a person was erased and the backups
/// beside the store may still hold them. Written in the erasure's own transaction, kept through
/// the compaction, removed once every backup is rewritten; an open that finds it (the erasing
/// process was killed in between) finishes the rewrite. A backup never carries it.
pub const KEY_BACKUPS_PENDING: &[u8] = b"erasure-backups-pending";

/// The meta key saying `week` was exported (kept when an erasure drops the bytes).
fn exported_marker(week: &str) -> Vec<u8> {
    [b"exported-week:".as_slice(), week.as_bytes()].concat()
}

/// The meta key keeping the exact bytes of the feedback bundle exported for `week`.
fn export_key(week: &str) -> Vec<u8> {
    [b"export:".as_slice(), week.as_bytes()].concat()
}

impl Store {
    /// The change-log sequence the last feedback export covered (0: none yet).
    pub fn exported_through(&self) -> Result<u64> {
        Ok(super::meta::read_u64(
            self.meta_get(KEY_EXPORTED_THROUGH)?.as_deref(),
        ))
    }

    /// Marks everything up to `seq` as exported without a bundle: a demo store's own history
    /// is not news for head office.
    pub fn set_exported_through(&self, seq: u64) -> Result<()> {
        self.meta_put(KEY_EXPORTED_THROUGH, &seq.to_be_bytes())
    }

    /// The sequence of the last feedback bundle sent to head office (0: none yet).
    pub fn feedback_sequence(&self) -> Result<u64> {
        Ok(super::meta::read_u64(
            self.meta_get(KEY_FEEDBACK_SEQUENCE)?.as_deref(),
        ))
    }

    /// The meta keys of every kept feedback export (an erasure drops them: they may name the
    /// person).
    pub fn export_keys(&self) -> Result<Vec<Vec<u8>>> {
        self.tree(TreeId::Meta)
            .scan_prefix(b"export:")
            .keys()
            .map(|k| k.map(|k| k.to_vec()).map_err(|e| self.io(e)))
            .collect()
    }

    /// Every meta entry whose key starts with `prefix`, in key order.
    pub fn meta_with_prefix(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.tree(TreeId::Meta)
            .scan_prefix(prefix)
            .map(|kv| {
                kv.map(|(k, v)| (k.to_vec(), v.to_vec()))
                    .map_err(|e| self.io(e))
            })
            .collect()
    }

    /// Whether `week` was exported (even if its kept copy is gone).
    pub fn was_exported(&self, week: &str) -> Result<bool> {
        Ok(self.meta_get(&exported_marker(week))?.is_some())
    }

    /// The bundle exported for `week` (e.g. `2026-W47`), exactly as written then.
    pub fn exported_week(&self, week: &str) -> Result<Option<Vec<u8>>> {
        self.meta_get(&export_key(week))
    }

    /// Records a feedback export once its file is safely on disk: the change-log position it
    /// covers, its sequence, and its bytes (so re-exporting the week gives the same file).
    pub fn record_export(
        &self,
        week: &str,
        through: u64,
        sequence: u64,
        bytes: &[u8],
    ) -> Result<()> {
        let meta = self.tree(TreeId::Meta);
        let mut batch = sled::Batch::default();
        batch.insert(export_key(week), bytes);
        batch.insert(exported_marker(week), &sequence.to_be_bytes());
        batch.insert(KEY_EXPORTED_THROUGH, &through.to_be_bytes());
        batch.insert(KEY_FEEDBACK_SEQUENCE, &sequence.to_be_bytes());
        // Head office's erasure requests reported in this bundle are not reported again.
        for (key, _) in self.meta_with_prefix(UNSENT_ERASURE_REPORT)? {
            batch.remove(key);
        }
        meta.apply_batch(batch).map_err(|e| self.io(e))?;
        self.flush()
    }

    fn meta_get(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self
            .tree(TreeId::Meta)
            .get(key)
            .map_err(|e| self.io(e))?
            .map(|v| v.to_vec()))
    }

    fn meta_put(&self, key: &[u8], value: &[u8]) -> Result<()> {
        self.tree(TreeId::Meta)
            .insert(key, value)
            .map_err(|e| self.io(e))?;
        self.flush()
    }

    /// True while the pending-erasure mark ([`KEY_BACKUPS_PENDING`]) is set.
    pub fn backups_pending(&self) -> Result<bool> {
        Ok(self.meta_get(KEY_BACKUPS_PENDING)?.is_some())
    }

    /// Removes the pending-erasure mark, once every backup is rewritten.
    pub fn clear_backups_pending(&self) -> Result<()> {
        self.tree(TreeId::Meta)
            .remove(KEY_BACKUPS_PENDING)
            .map_err(|e| self.io(e))?;
        self.flush()
    }

    /// A meta value by key (for records the store keeps whole, such as network benchmarks).
    pub fn meta_value(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.meta_get(key)
    }

    /// The store's own ed25519 secret key (32 bytes), if `init` or `demo` made one.
    pub fn signing_key(&self) -> Result<Option<[u8; 32]>> {
        Ok(self.meta_get(KEY_SECRET)?.and_then(|v| v.try_into().ok()))
    }

    pub fn set_signing_key(&self, key: &[u8; 32]) -> Result<()> {
        self.meta_put(KEY_SECRET, key)
    }

    /// Head office's pinned public key (32 bytes).
    pub fn head_office_key(&self) -> Result<Option<[u8; 32]>> {
        Ok(self
            .meta_get(KEY_HEAD_OFFICE)?
            .and_then(|v| v.try_into().ok()))
    }

    pub fn set_head_office_key(&self, key: &[u8; 32]) -> Result<()> {
        self.meta_put(KEY_HEAD_OFFICE, key)
    }

    /// The sequence bundle `id` had when it was imported, if it was.
    pub fn imported(&self, id: &str) -> Result<Option<u64>> {
        Ok(self
            .meta_get(&imported_key(id))?
            .map(|v| super::meta::read_u64(Some(&v))))
    }

    /// The last sequence imported from `sender` (0: none yet).
    pub fn last_sequence(&self, sender: &str) -> Result<u64> {
        Ok(super::meta::read_u64(
            self.meta_get(&sequence_key(sender))?.as_deref(),
        ))
    }
}
