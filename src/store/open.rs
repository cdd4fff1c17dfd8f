//! Opening a store: locking, schema version, permissions.

use super::error::{Result, StoreError};
use super::meta::{self, SCHEMA_VERSION};
use super::trees::TreeId;
use super::{Identity, Store};
use std::path::Path;

/// sled's page cache; the 1 GiB default is far more than a salesperson's laptop should give.
/// Screens read a few dozen records at a time; whole-store scans (the search index, exports,
/// backups) stream through once and gain little from more. Measured on the 100,000-lead store:
/// 64 MiB cost ≈ 70 MB more peak memory in a scan than 16 MiB, for ≈ 20 % faster full reads.
const CACHE_BYTES: u64 = 16 * 1024 * 1024;

impl Store {
    /// Opens the store at `path`, creating an empty one if nothing is there.
    pub fn open_or_create(path: &Path) -> Result<Store> {
        if path.exists() && !path.is_dir() {
            return Err(StoreError::NotADirectory(path.to_path_buf()));
        }
        if path.is_dir() && !is_store_dir(path) && !dir_is_empty(path) {
            return Err(StoreError::NotAStore(path.to_path_buf()));
        }
        create_private_dir(path)?;
        Self::open_dir(path)
    }

    /// Opens an existing store; says how to create one when there is none. A compaction that an
    /// erasure's process could not finish (it was killed) is finished first.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() || (path.is_dir() && dir_is_empty(path)) {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        if !path.is_dir() {
            return Err(StoreError::NotADirectory(path.to_path_buf()));
        }
        if !is_store_dir(path) {
            return Err(match missing_store_file(path) {
                Some(what) => damaged(path, what),
                None => StoreError::NotAStore(path.to_path_buf()),
            });
        }
        let store = Self::open_dir(path)?;
        if store.migrated.load(std::sync::atomic::Ordering::Relaxed) {
            // The old schema's trees were dropped, but sled keeps their pages in its files
            // until it happens to rewrite them (a migrated 100,000-lead store grew from 599 to
            // 713 MB): rewrite the store once, as an erasure does. Crash-safe on its own; if
            // it fails (a full disk) the store is still whole and merely larger.
            drop(store);
            let spinner = super::migrate::rewriting_files();
            let _ = Self::compact(path);
            spinner.finish_and_clear();
            return Self::open(path);
        }
        // An import killed mid-way is taken back before anything reads the store.
        store.roll_back_on_open()?;
        let due = store
            .tree(TreeId::Meta)
            .get(super::exchange::KEY_COMPACT_PENDING)
            .map_err(|e| store.io(e))?
            .is_some();
        if !due {
            return Ok(store);
        }
        // An erasure's compaction was cut short (the process was killed): finish it now, so
        // the erased bytes leave the files. If it fails (a full disk), the store still opens
        // and the next open tries again.
        drop(store);
        let _ = Self::compact(path);
        Self::open_dir(path)
    }

    /// True when another running process (the full-screen view, say) has the store at `path`
    /// open: a command that only reads from it for convenience goes on without it.
    pub fn open_elsewhere(path: &Path) -> bool {
        held_by_another_live_process(path)
    }

    /// Opens the sled database at `path` (checked to be a store) and clears working copies
    /// that a killed compaction or restore left beside it.
    pub(super) fn open_dir(path: &Path) -> Result<Store> {
        let db = open_with_retry(path)?;
        let mut trees = Vec::with_capacity(TreeId::ALL.len());
        for t in TreeId::ALL {
            trees.push(db.open_tree(t.name()).map_err(|e| open_error(path, e))?);
        }
        let db_file = std::fs::OpenOptions::new()
            .read(true)
            .open(path.join("db"))
            .ok();
        let store = Store {
            db,
            trees,
            path: path.to_path_buf(),
            db_file,
            flush_writes: true,
            migrated: Default::default(),
        };
        store.check_schema()?;
        restrict_permissions(path);
        super::compact::clear_stale_work(path);
        Ok(store)
    }

    fn check_schema(&self) -> Result<()> {
        let meta_tree = self.tree(TreeId::Meta);
        match meta_tree.get(meta::KEY_SCHEMA).map_err(|e| self.io(e))? {
            Some(v) => {
                let found = meta::read_u32(&v).unwrap_or(u32::MAX);
                if found > SCHEMA_VERSION {
                    return Err(StoreError::TooNew {
                        path: self.path.clone(),
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
                if found < SCHEMA_VERSION {
                    // Once, in place, crash-safe: see `migrate`.
                    return self.migrate(found);
                }
                self.drop_migrated_leftovers()
            }
            None => {
                meta_tree
                    .insert(meta::KEY_SCHEMA, &SCHEMA_VERSION.to_be_bytes())
                    .map_err(|e| self.io(e))?;
                let reasons = serde_json::to_vec(&meta::default_reasons()).unwrap_or_default();
                meta_tree
                    .insert(meta::KEY_REASONS, reasons)
                    .map_err(|e| self.io(e))?;
                self.flush()
            }
        }
    }

    /// The store's dealer and salesperson, if `wortel init` (or demo) has set them.
    pub fn identity(&self) -> Result<Option<Identity>> {
        let Some(bytes) = self
            .tree(TreeId::Meta)
            .get(meta::KEY_IDENTITY)
            .map_err(|e| self.io(e))?
        else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError::Corrupt {
                tree: "meta",
                id: "identity".into(),
                detail: e.to_string(),
            })
    }

    /// The identity, or the sentence that says to run `wortel init`.
    pub fn require_identity(&self) -> Result<Identity> {
        self.identity()?.ok_or(StoreError::NoIdentity)
    }

    /// Sets who the store belongs to, durably.
    pub fn set_identity(&self, identity: &Identity) -> Result<()> {
        let bytes = serde_json::to_vec(identity).unwrap_or_default();
        self.tree(TreeId::Meta)
            .insert(meta::KEY_IDENTITY, bytes)
            .map_err(|e| self.io(e))?;
        self.flush()
    }

    /// The reject and lost reason lists of this store.
    pub fn reasons(&self) -> Result<crate::domain::Reasons> {
        let bytes = self
            .tree(TreeId::Meta)
            .get(meta::KEY_REASONS)
            .map_err(|e| self.io(e))?;
        Ok(bytes
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default())
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<u32> {
        let v = self
            .tree(TreeId::Meta)
            .get(meta::KEY_SCHEMA)
            .map_err(|e| self.io(e))?;
        Ok(v.and_then(|b| meta::read_u32(&b)).unwrap_or(0))
    }

    #[doc(hidden)]
    /// Writes a schema version (tests of the "newer store" refusal).
    pub fn force_schema_version(&self, v: u32) -> Result<()> {
        self.tree(TreeId::Meta)
            .insert(meta::KEY_SCHEMA, &v.to_be_bytes())
            .map_err(|e| self.io(e))?;
        self.flush()
    }
}

/// How long a lock held by another running process is given to be let go (it may be closing
/// the store right now) before the store is called in use.
const LIVE_HOLDER_GRACE: std::time::Duration = std::time::Duration::from_millis(200);

/// How long to wait for a lock that may be about to be released.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// Opens the sled database. sled releases its file lock from a background thread after the
/// last handle is dropped, so a store closed a moment ago (by this process or one that just
/// exited) can still look locked: retry briefly then. When another process that is alive
/// holds the lock (the full-screen view is open), it is "in use" at once, without waiting.
fn open_with_retry(path: &Path) -> Result<sled::Db> {
    let started = std::time::Instant::now();
    loop {
        // Checked on every try: the lock of a store closed a moment ago may still be held.
        let cleared = clear_unfinished_snapshots(path);
        match sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .open()
        {
            Ok(db) => return Ok(db),
            Err(e) => match open_error(path, e) {
                // A live holder may be closing its handle this very moment (sled lets go from
                // a background thread): a short grace, not the long wait.
                e @ StoreError::InUse(_)
                    if started.elapsed() >= LIVE_HOLDER_GRACE
                        && held_by_another_live_process(path) =>
                {
                    return Err(e);
                }
                StoreError::InUse(_) if started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                // Released between the check and the open: an unfinished snapshot may have
                // been read; clear it and try again.
                _ if !cleared && started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => return Err(other),
            },
        }
    }
}

/// Removes the `snap.*.generating` files a snapshot left when it was cut short (the disk filled
/// up, or the process was killed). sled 0.34 picks the newest `snap.*` file when it opens,
/// unfinished ones included, and then refuses the whole store as corrupt; the finished
/// snapshots and the log hold everything. Only done while no other process has the store
/// open (its lock is free), since that process may be writing such a file right now.
///
/// Returns false when the lock was taken, so nothing could be checked.
fn clear_unfinished_snapshots(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let Ok(db) = std::fs::File::open(path.join("db")) else {
            return true;
        };
        // SAFETY: flock on a file descriptor we own; released when `db` is closed below.
        if unsafe { libc::flock(db.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            return false;
        }
        if let Ok(entries) = std::fs::read_dir(path) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with("snap.") && name.ends_with(".generating") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        drop(db);
    }
    #[cfg(not(unix))]
    let _ = path;
    true
}

/// True when the kernel's lock table shows a process other than this one, still running,
/// holding a lock on the store's `db` file. Unknown (no lock table, not Linux) is false: the
/// caller then waits as before.
fn held_by_another_live_process(path: &Path) -> bool {
    lock_holders(&path.join("db"))
        .into_iter()
        .any(|pid| pid != std::process::id() && super::compact::process_runs(pid))
}

/// The processes holding a lock on `file`, from `/proc/locks` (`1: FLOCK ADVISORY WRITE PID
/// MAJ:MIN:INODE 0 EOF`; waiting requests, marked `->`, are skipped).
fn lock_holders(file: &Path) -> Vec<u32> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let (Ok(meta), Ok(table)) = (
            std::fs::metadata(file),
            std::fs::read_to_string("/proc/locks"),
        ) else {
            return Vec::new();
        };
        let inode = meta.ino().to_string();
        table
            .lines()
            .filter(|l| !l.contains("->"))
            .filter_map(|l| {
                let fields: Vec<&str> = l.split_whitespace().collect();
                let (pid, id) = (fields.get(4)?, fields.get(5)?);
                (id.rsplit(':').next() == Some(inode.as_str()))
                    .then(|| pid.parse().ok())
                    .flatten()
            })
            .collect()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        Vec::new()
    }
}

fn open_error(path: &Path, e: sled::Error) -> StoreError {
    let text = e.to_string();
    if text.contains("could not acquire lock") || text.contains("WouldBlock") {
        StoreError::InUse(path.to_path_buf())
    } else if matches!(e, sled::Error::Corruption { .. }) || text.contains("corrupt") {
        damaged(path, "its files cannot be read back".into())
    } else {
        StoreError::Io {
            path: path.to_path_buf(),
            detail: text,
        }
    }
}

/// What is missing from a directory that was a store (it holds one of sled's files but not
/// both `conf` and `db`); `None` when it never was one.
fn missing_store_file(path: &Path) -> Option<String> {
    let conf = path.join("conf").is_file();
    let db = path.join("db").is_file();
    let sled_files = std::fs::read_dir(path).ok()?.flatten().any(|e| {
        let n = e.file_name().to_string_lossy().into_owned();
        n.starts_with("snap.") || n == "blobs"
    });
    match (conf, db) {
        (false, true) => Some("its `conf` file is missing".into()),
        (true, false) => Some("its `db` file is missing".into()),
        (false, false) if sled_files => Some("its `conf` and `db` files are missing".into()),
        _ => None,
    }
}

/// The damaged-store error, pointing to the newest backup that reads back whole.
fn damaged(path: &Path, what: String) -> StoreError {
    let advice = match super::backup::newest_intact_backup(path) {
        Some((file, taken)) => format!(
            "restore the newest intact backup, {} (taken {}), with `wortel restore {}`",
            file.display(),
            taken.strftime("%Y-%m-%d %H:%M UTC"),
            file.display()
        ),
        None => format!(
            "no intact backup was found in {}; restore one you keep elsewhere with `wortel restore FILE`",
            super::backup::backups_dir(path).display()
        ),
    };
    StoreError::Damaged {
        path: path.to_path_buf(),
        what,
        advice,
    }
}

/// A sled store directory has a `conf` and a `db` file.
pub(crate) fn is_store_dir(path: &Path) -> bool {
    path.join("conf").is_file() && path.join("db").is_file()
}

fn dir_is_empty(path: &Path) -> bool {
    std::fs::read_dir(path)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false)
}

/// Creates a directory only its owner can enter (for the compaction's fresh store).
pub(super) fn create_private_dir_pub(path: &Path) -> Result<()> {
    create_private_dir(path)
}

fn create_private_dir(path: &Path) -> Result<()> {
    let io = |e: std::io::Error| StoreError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)
            .map_err(io)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(path).map_err(io)
    }
}

/// Directory 0700, files 0600: the store holds personal data of customers.
pub(crate) fn restrict_permissions(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700));
        let mut stack = vec![path.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let p = entry.path();
                let mode = if p.is_dir() {
                    stack.push(p.clone());
                    0o700
                } else {
                    0o600
                };
                let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_cut_short_does_not_make_the_store_unopenable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        {
            let s = Store::open_or_create(&path).unwrap();
            s.set_identity(&crate::store::Identity {
                dealer_id: "D1".into(),
                salesperson: "Sam".into(),
                created_at: "2026-11-23T09:00:00Z".parse().unwrap(),
            })
            .unwrap();
        }
        // What a full disk or a kill during sled's snapshot leaves: an empty, newer snapshot.
        std::fs::write(path.join("snap.7FFFFFFFFFFFFFFF.generating"), b"").unwrap();
        let s = Store::open(&path).expect("the store opens");
        assert_eq!(s.require_identity().unwrap().dealer_id, "D1");
        assert!(s.check().unwrap().is_ok());
    }
}
