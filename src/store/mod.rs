//! The only module that knows sled. Front ends, tests and benchmarks go through [`Store`].
//!
//! Promises: a write returns only after one atomic transaction over the record, its index
//! entries and its change-log entries has been flushed to disk; one process at a time; files
//! readable by their owner only.

pub mod backup;
mod changelog;
mod check;
mod compact;
mod error;
pub mod exchange;
mod inbox;
mod keys;
mod meta;
mod migrate;
mod open;
mod packed_index;
mod pending_import;
mod read;
mod record;
mod recorded;
mod repair;
mod restore;
mod trees;
mod write;

pub use changelog::{Change, ChangeOp};
pub use check::CheckReport;
pub(crate) use compact::process_runs;
pub use error::{DiskProblem, Result, StoreError, disk_problem};
pub use inbox::{LeadOrder, inbox_rank};
pub use meta::{DEMO_DEALER, Identity, SCHEMA_VERSION};
pub use pending_import::{KEY_IMPORT_PENDING, take_notices};
pub use record::{EntityKind, Record};
pub use recorded::{ImportWrites, Recorded, record_receipts};
pub use write::{Receipt, WriteSet};

use std::fs::File;
use std::path::{Path, PathBuf};
use trees::TreeId;

/// An open store. Dropping it closes the store and releases the lock.
pub struct Store {
    db: sled::Db,
    trees: Vec<sled::Tree>,
    path: PathBuf,
    /// Kept open so every confirmed write can also `sync_all` the data file: sled 0.34's flush
    /// uses `sync_file_range`, which misses file growth and the disk cache.
    db_file: Option<File>,
    /// Tests of the crash harness switch durability off to prove the harness detects losses.
    flush_writes: bool,
    /// Set when this open migrated the store from an older schema (see `migrate`).
    migrated: std::sync::atomic::AtomicBool,
}

impl Store {
    /// The store's directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn tree(&self, id: TreeId) -> &sled::Tree {
        &self.trees[id.slot()]
    }

    fn io(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::Io {
            path: self.path.clone(),
            detail: e.to_string(),
        }
    }

    /// Turns durable flushing off (only for the crash harness's control run).
    #[doc(hidden)]
    pub fn set_flush_writes(&mut self, on: bool) {
        self.flush_writes = on;
    }

    /// Makes everything written so far durable: sled flush, then fsync of the data file.
    pub fn flush(&self) -> Result<()> {
        self.db.flush().map_err(|e| self.io(e))?;
        if let Some(f) = &self.db_file {
            f.sync_all().map_err(|e| self.io(e))?;
        }
        Ok(())
    }
}
