//! Schema migrations: the first open by a newer build rewrites an older store once, in place.
//!
//! Crash-safe by construction: the new trees are built beside the old ones (which nothing of
//! the old schema's data is taken from until the end), made durable, and only then does one
//! atomic write of the schema marker make them the store's. A kill before that write leaves
//! the old store (the next open throws the half-built trees away and starts again); a kill
//! after it leaves the new one (the next open drops what is left of the old trees). Nothing in
//! between is ever read as the store.
//!
//! Schema 1 → 2: the change log's one-change-per-entry tree (`changes`) becomes runs of up to
//! [`CHANGES_PER_ENTRY`] changes per entry (`log`), and the five by-account index trees become
//! one bucket per account (`idx:by-account`, see `packed_index`).

use super::Store;
use super::changelog::{self, CHANGES_PER_ENTRY, Change};
use super::error::Result;
use super::meta;
use super::packed_index::Packer;
use super::trees::TreeId;
use std::io::IsTerminal;

/// Schema 1's change-log tree (its by-account index trees kept the names of the logical
/// indexes, `TreeId::BY_ACCOUNT`).
const V1_CHANGES: &str = "changes";

impl Store {
    /// Brings a store of schema `found` up to this build's, one step at a time.
    pub(super) fn migrate(&self, found: u32) -> Result<()> {
        if found < 2 {
            self.migrate_to_v2()?;
        }
        self.migrated
            .store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Finishes a migration whose process was killed after the marker was written: the old
    /// trees it had not dropped yet go now.
    pub(super) fn drop_migrated_leftovers(&self) -> Result<()> {
        let names = self.db.tree_names();
        let old = std::iter::once(V1_CHANGES).chain(TreeId::BY_ACCOUNT.iter().map(|t| t.name()));
        let mut dropped = false;
        for name in old {
            if names.iter().any(|n| n.as_ref() == name.as_bytes()) {
                self.db.drop_tree(name).map_err(|e| self.io(e))?;
                dropped = true;
            }
        }
        if dropped {
            self.flush()?;
        }
        Ok(())
    }

    /// Schema 1 → 2, the indexes: each of the five by-account trees is read in key order (so by
    /// account) and merged into the buckets. An entry too short to name an account is left out
    /// (`check` then reports what the records miss, and `check --repair` rebuilds it).
    fn pack_account_indexes(&self) -> Result<()> {
        let packed = self.tree(TreeId::IdxByAccount);
        packed.clear().map_err(|e| self.io(e))?;
        for index in TreeId::BY_ACCOUNT {
            let old = self.db.open_tree(index.name()).map_err(|e| self.io(e))?;
            let bar = progress(if visible() { old.len() as u64 } else { 0 }, index.name());
            let mut packer = Packer::default();
            for (i, item) in old.iter().enumerate() {
                let (k, v) = item.map_err(|e| self.io(e))?;
                let _left_out = packer.take((index, k.to_vec(), v.to_vec()));
                if i % 20_000 == 19_999 {
                    packer.write(packed).map_err(|e| self.io(e))?;
                }
                bar.inc(1);
            }
            packer.write(packed).map_err(|e| self.io(e))?;
            bar.finish_and_clear();
        }
        Ok(())
    }

    /// Schema 1 → 2 (see the module's documentation). Entries that cannot be read as a change
    /// of their own number are carried over as they are, each alone, so `check` still names
    /// them after the migration exactly as before.
    fn migrate_to_v2(&self) -> Result<()> {
        let log = self.tree(TreeId::Changes);
        // What a killed migration had built so far.
        log.clear().map_err(|e| self.io(e))?;
        let old = self.db.open_tree(V1_CHANGES).map_err(|e| self.io(e))?;
        let bar = progress(self.last_seq()?, "the change log");
        let mut run: Vec<Change> = Vec::with_capacity(CHANGES_PER_ENTRY);
        let write_run = |run: &mut Vec<Change>| -> Result<()> {
            for (key, entry) in changelog::entries(run) {
                log.insert(key, entry).map_err(|e| self.io(e))?;
            }
            run.clear();
            Ok(())
        };
        for item in old.iter() {
            let (k, v) = item.map_err(|e| self.io(e))?;
            let seq = meta::read_u64(Some(&k));
            match serde_json::from_slice::<Change>(&v) {
                Ok(c) if c.seq == seq && run.last().is_none_or(|l| l.seq + 1 == seq) => run.push(c),
                Ok(c) if c.seq == seq => {
                    write_run(&mut run)?;
                    run.push(c);
                }
                _ => {
                    write_run(&mut run)?;
                    log.insert(k, v).map_err(|e| self.io(e))?;
                }
            }
            if run.len() == CHANGES_PER_ENTRY {
                write_run(&mut run)?;
            }
            bar.inc(1);
        }
        write_run(&mut run)?;
        bar.finish_and_clear();
        self.pack_account_indexes()?;
        // The new trees are durable before the marker says they are the store's.
        self.flush()?;
        self.tree(TreeId::Meta)
            .insert(meta::KEY_SCHEMA, &2u32.to_be_bytes())
            .map_err(|e| self.io(e))?;
        self.flush()?;
        self.drop_migrated_leftovers()
    }
}

/// Whether progress is shown: standard error is a terminal (not scripts, tests, pipes).
fn visible() -> bool {
    std::io::stderr().is_terminal()
}

/// A progress bar on standard error while a big store migrates, when that is a terminal;
/// silent otherwise.
fn progress(total: u64, what: &str) -> indicatif::ProgressBar {
    if total < 20_000 || !visible() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})")
    {
        bar.set_style(style);
    }
    bar.set_message(format!("updating the store to schema 2: {what}"));
    bar
}

/// A spinner on standard error while the migrated store's files are rewritten (the compaction
/// after a migration), when that is a terminal; silent otherwise.
pub(super) fn rewriting_files() -> indicatif::ProgressBar {
    if !visible() {
        return indicatif::ProgressBar::hidden();
    }
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.set_message("updating the store to schema 2: rewriting its files");
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
}
