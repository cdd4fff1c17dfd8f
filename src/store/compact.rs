//! Compaction: the store rewritten into a fresh directory holding only live data, then swapped
//! in. sled keeps deleted bytes in its files until it happens to rewrite them; after an erasure
//! the law wants them gone now, so the whole store is rebuilt from what is current.

use super::Store;
use super::error::{Result, StoreError};
use std::path::{Path, PathBuf};

/// A hidden working directory beside the store, unique to this process.
pub(super) fn sibling(path: &Path, what: &str) -> PathBuf {
    let (parent, name) = parent_and_name(path);
    parent.join(format!(".{name}.{what}-{}", std::process::id()))
}

/// The folder holding the store at `path` (`.` for a bare name) and the store's own name.
pub(super) fn parent_and_name(path: &Path) -> (&Path, String) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    (parent, name)
}

fn io(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Removes the working directories (`.NAME.compact-PID`, `.NAME.restore-PID`) that a killed
/// compaction or restore left beside the store at `path`: a half-built copy, or the old store
/// with the bytes an erasure removed. Those of a process that is still running are left alone.
pub(super) fn clear_stale_work(path: &Path) {
    let (parent, name) = parent_and_name(path);
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        let pid = ["compact", "restore"].iter().find_map(|what| {
            file_name
                .strip_prefix(&format!(".{name}.{what}-"))
                .and_then(|pid| pid.parse::<u32>().ok())
        });
        if let Some(pid) = pid {
            if pid != std::process::id() && !process_runs(pid) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Whether a process with this id exists (where that cannot be known: assume it does).
pub(crate) fn process_runs(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Exchanges two directories in one step where the system can (Linux), so the store path
/// always holds a whole store.
pub(super) fn exchange_dirs(a: &Path, b: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let ca = CString::new(a.as_os_str().as_bytes())?;
        let cb = CString::new(b.as_os_str().as_bytes())?;
        // SAFETY: two valid NUL-terminated paths; RENAME_EXCHANGE swaps them atomically.
        let r = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                ca.as_ptr(),
                libc::AT_FDCWD,
                cb.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if r == 0 {
            return Ok(());
        }
    }
    // Elsewhere: two renames (a crash between them leaves the old store beside the path).
    let tmp = a.with_extension("swap");
    std::fs::rename(a, &tmp)?;
    std::fs::rename(b, a)?;
    std::fs::rename(&tmp, b)
}

impl Store {
    /// Rebuilds the store at `path` from its live data and swaps the result in; the old files,
    /// with whatever deleted bytes they held, are removed. The store must not be open.
    pub fn compact(path: &Path) -> Result<()> {
        if !super::open::is_store_dir(path) {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let fresh = sibling(path, "compact");
        if fresh.exists() {
            std::fs::remove_dir_all(&fresh).map_err(|e| io(&fresh, e))?;
        }
        let built = (|| -> Result<()> {
            {
                // Not `open`: that would start this compaction again for a store marked for one.
                let old = Store::open_dir(path)?;
                old.flush()?;
                super::open::create_private_dir_pub(&fresh)?;
                let new = sled::Config::new()
                    .path(&fresh)
                    .open()
                    .map_err(|e| io(&fresh, e))?;
                for name in old.db.tree_names() {
                    let src = old.db.open_tree(&name).map_err(|e| io(path, e))?;
                    let dst = new.open_tree(&name).map_err(|e| io(&fresh, e))?;
                    let meta = name.as_ref() == super::trees::TreeId::Meta.name().as_bytes();
                    for kv in src.iter() {
                        let (k, v) = kv.map_err(|e| io(path, e))?;
                        if meta && &*k == super::exchange::KEY_COMPACT_PENDING {
                            continue;
                        }
                        dst.insert(k, v).map_err(|e| io(&fresh, e))?;
                    }
                }
                new.flush().map_err(|e| io(&fresh, e))?;
            }
            // The fresh store must open and check clean before it replaces the old one.
            {
                let check = Store::open_dir(&fresh)?;
                let report = check.check()?;
                if !report.is_ok() {
                    return Err(io(
                        &fresh,
                        "the compacted store does not check clean; the original was kept",
                    ));
                }
            }
            Ok(())
        })();
        if let Err(e) = built {
            // Nothing was swapped: give back the room the copy took (it matters on a full disk).
            let _ = std::fs::remove_dir_all(&fresh);
            return Err(e);
        }
        exchange_dirs(path, &fresh).map_err(|e| io(path, e))?;
        std::fs::remove_dir_all(&fresh).map_err(|e| io(&fresh, e))?;
        // Reopen once: this also tightens file permissions on what sled created.
        drop(Store::open_dir(path)?);
        Ok(())
    }

    /// Compacts the store at `path` if a write left erased bytes for a compaction to remove
    /// (an erasure applied while the store was open, e.g. in the full-screen view); true if it
    /// did. The store must not be open.
    pub fn compact_if_pending(path: &Path) -> Result<bool> {
        if !super::open::is_store_dir(path) {
            return Store::open(path).map(|_| false);
        }
        // Not `open`, which would finish the compaction itself and leave nothing pending.
        let pending = Store::open_dir(path)?
            .meta_value(super::exchange::KEY_COMPACT_PENDING)?
            .is_some();
        if pending {
            Store::compact(path)?;
        }
        Ok(pending)
    }
}
