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
//! [`CHANGES_PER_ENTRY`] changes per entry (`log`).

use super::Store;
use super::changelog::{self, CHANGES_PER_ENTRY, Change};
use super::error::Result;
use super::meta;
use super::trees::TreeId;
use std::io::IsTerminal;

/// Schema 1's change-log tree.
const V1_CHANGES: &str = "changes";

impl Store {
    /// Brings a store of schema `found` up to this build's, one step at a time.
    pub(super) fn migrate(&self, found: u32) -> Result<()> {
        if found < 2 {
            self.migrate_log_to_v2()?;
        }
        Ok(())
    }

    /// Finishes a migration whose process was killed after the marker was written: the old
    /// trees it had not dropped yet go now.
    pub(super) fn drop_migrated_leftovers(&self) -> Result<()> {
        let left = self
            .db
            .tree_names()
            .iter()
            .any(|n| n.as_ref() == V1_CHANGES.as_bytes());
        if left {
            self.db.drop_tree(V1_CHANGES).map_err(|e| self.io(e))?;
            self.flush()?;
        }
        Ok(())
    }

    /// Schema 1 → 2 (see the module's documentation). Entries that cannot be read as a change
    /// of their own number are carried over as they are, each alone, so `check` still names
    /// them after the migration exactly as before.
    fn migrate_log_to_v2(&self) -> Result<()> {
        let log = self.tree(TreeId::Changes);
        // What a killed migration had built so far.
        log.clear().map_err(|e| self.io(e))?;
        let old = self.db.open_tree(V1_CHANGES).map_err(|e| self.io(e))?;
        let bar = progress(self.last_seq()?);
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
        // The new log is durable before the marker says it is the store's.
        self.flush()?;
        self.tree(TreeId::Meta)
            .insert(meta::KEY_SCHEMA, &2u32.to_be_bytes())
            .map_err(|e| self.io(e))?;
        self.flush()?;
        bar.finish_and_clear();
        self.drop_migrated_leftovers()
    }
}

/// A progress bar on standard error while a big store migrates, when that is a terminal;
/// silent otherwise (scripts, tests, the view's socket).
fn progress(total: u64) -> indicatif::ProgressBar {
    if total < 20_000 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})")
    {
        bar.set_style(style);
    }
    bar.set_message("updating the store to schema 2");
    bar
}
