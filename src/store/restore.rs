//! Restoring a backup: everything verified and rebuilt in a fresh directory beside the store,
//! amended (the erasures made since the backup applied again) and repaired when asked, checked,
//! and only then swapped in — the previous store stays until the restore has succeeded. Also
//! the rewriting of a backup in place, which erasure needs.

use super::Store;
use super::backup::{BackupTrees, bad, io, read_backup};
use super::error::Result;
use super::write::WriteSet;
use std::path::Path;

impl Store {
    /// Replaces the store at `path` with the backup in `file`: everything verified and rebuilt
    /// beside it, checked, then swapped in; on any problem the store is left as it was.
    pub fn restore(path: &Path, file: &Path) -> Result<()> {
        let (_, trees) = read_backup(file)?;
        Self::restore_trees(path, file, trees, None)
    }
}

/// Writes a backup's trees into a new sled database at `fresh`, counting every tree's entries
/// against the manifest.
fn build_trees(fresh: &Path, file: &Path, trees: &BackupTrees) -> Result<()> {
    let db = sled::Config::new()
        .path(fresh)
        .open()
        .map_err(|e| io(fresh, e))?;
    for (name, entries, data) in trees {
        let tree = db.open_tree(name.as_bytes()).map_err(|e| io(fresh, e))?;
        let mut at = 0usize;
        let mut count = 0u64;
        let take = |at: &mut usize| -> Option<&[u8]> {
            let len = u32::from_be_bytes(data.get(*at..*at + 4)?.try_into().ok()?) as usize;
            let v = data.get(*at + 4..*at + 4 + len)?;
            *at += 4 + len;
            Some(v)
        };
        while at < data.len() {
            let (Some(k), Some(v)) = (take(&mut at), take(&mut at)) else {
                return Err(bad(file, &format!("tree {name} is cut short")));
            };
            tree.insert(k, v).map_err(|e| io(fresh, e))?;
            count += 1;
        }
        if count != *entries {
            return Err(bad(
                file,
                &format!("tree {name} holds {count} entries, not {entries}"),
            ));
        }
    }
    db.flush().map_err(|e| io(fresh, e))?;
    Ok(())
}

/// How a restore treats the backed-up store before it is checked: `amend` changes it (the
/// erasures made since the backup are applied again), `repair` repairs what `check` finds.
pub struct RestoreSteps<'a> {
    pub amend: &'a dyn Fn(&Store) -> Result<()>,
    pub repair: bool,
    /// When the restore's own changes (text cleaned, repairs) are dated.
    pub now: jiff::Timestamp,
}

impl Store {
    /// Like [`Store::restore`], with `steps` applied to the rebuilt store before it is checked
    /// and swapped in.
    pub fn restore_with(path: &Path, file: &Path, steps: RestoreSteps) -> Result<()> {
        let (_, trees) = read_backup(file)?;
        Self::restore_trees(path, file, trees, Some(steps))
    }

    fn restore_trees(
        path: &Path,
        file: &Path,
        trees: BackupTrees,
        steps: Option<RestoreSteps>,
    ) -> Result<()> {
        super::compact::clear_stale_work(path);
        let fresh = super::compact::sibling(path, "restore");
        if fresh.exists() {
            std::fs::remove_dir_all(&fresh).map_err(|e| io(&fresh, e))?;
        }
        super::open::create_private_dir_pub(&fresh)?;
        let built = (|| -> Result<()> {
            build_trees(&fresh, file, &trees)?;
            let store = Store::open(&fresh)?;
            let now = steps.as_ref().map_or_else(jiff::Timestamp::now, |s| s.now);
            // An old backup (or a tampered one) must not bring back what the store boundary
            // keeps out today: escape sequences and control characters.
            store.clean_every_record(now)?;
            if let Some(steps) = &steps {
                (steps.amend)(&store)?;
                if steps.repair {
                    store.repair(now)?;
                }
            }
            let check = store.check()?;
            if !check.is_ok() {
                return Err(bad(file, &not_clean_reason(&check)));
            }
            drop(store);
            // The amendments may have left erased bytes in the new files: rewrite them.
            if steps.is_some() {
                Store::compact_if_pending(&fresh)?;
            }
            Ok(())
        })();
        if let Err(e) = built {
            let _ = std::fs::remove_dir_all(&fresh);
            return Err(e);
        }
        if path.exists() {
            // Hold the lock: a store open in another process is refused, not replaced.
            drop(Store::open(path)?);
            super::compact::exchange_dirs(path, &fresh).map_err(|e| io(path, e))?;
            std::fs::remove_dir_all(&fresh).map_err(|e| io(&fresh, e))?;
        } else {
            std::fs::rename(&fresh, path).map_err(|e| io(path, e))?;
        }
        drop(Store::open(path)?);
        Ok(())
    }

    /// Rewrites the backup `file` after `amend` has changed the store it holds (true when it
    /// changed something), keeping the backup's date; the new file replaces the old one through
    /// a private temporary file, so the name always holds a whole backup. True if rewritten.
    pub fn rewrite_backup(file: &Path, amend: impl FnOnce(&Store) -> Result<bool>) -> Result<bool> {
        let (manifest, trees) = read_backup(file)?;
        let dir = match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        // Private (0700) and removed when dropped, with the erased bytes sled left in it.
        let work = tempfile::Builder::new()
            .prefix(".rewrite-")
            .tempdir_in(dir)
            .map_err(|e| io(dir, e))?;
        let fresh = work.path().join("store");
        build_trees(&fresh, file, &trees)?;
        let store = Store::open_dir(&fresh)?;
        if !amend(&store)? {
            return Ok(false);
        }
        let prefix = file
            .file_stem()
            .map_or("backup".into(), |s| s.to_string_lossy().into_owned());
        store.write_backup_file(&prefix, file, manifest.created_at)?;
        Ok(true)
    }
}

/// Records cleaned per transaction when a restore cleans a store.
const CLEAN_BATCH: usize = 2_000;

impl Store {
    /// Puts every record whose text holds what [`WriteSet::put`] cleans away (escape sequences,
    /// control characters) through that cleaning again, a batch per transaction; returns how
    /// many changed. Records that cannot be read are left for `check` to name.
    pub fn clean_every_record(&self, now: jiff::Timestamp) -> Result<usize> {
        let mut changed = 0;
        for kind in super::record::EntityKind::ALL {
            let mut ws = WriteSet::new();
            for record in self.scan(kind).flatten() {
                let cleaned = record.clone().cleaned();
                if cleaned != record {
                    ws.put(cleaned);
                    changed += 1;
                }
                if ws.len() == CLEAN_BATCH {
                    self.commit(&std::mem::take(&mut ws), now)?;
                }
            }
            if !ws.is_empty() {
                self.commit(&ws, now)?;
            }
        }
        Ok(changed)
    }
}

/// Why a rebuilt backup is refused: its first problem, and whether `--repair` would mend it.
fn not_clean_reason(check: &super::check::CheckReport) -> String {
    let first = check.problems.first().map_or("", |p| p.as_str());
    if check.repairable() {
        format!(
            "the restored store does not check clean ({first}); every problem is one `wortel restore --repair` mends"
        )
    } else {
        format!("the restored store does not check clean ({first})")
    }
}
