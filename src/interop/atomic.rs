//! Writing a file whole or not at all: a temporary file beside the target, written, synced,
//! renamed over it, and the folder synced — so a crash or a full disk never leaves half a file
//! where a calendar or head office expects a whole one.
//!
//! The temporary file is created new (`O_EXCL`, which never follows a link planted under its
//! name), readable by its owner only, under a name no one can guess (`.NAME.PID.RANDOM.tmp`):
//! in a shared folder another local user can neither read the contacts through a link nor
//! make wortel overwrite a file of theirs choosing.

use std::io::Write;
use std::path::Path;

/// Why `path` cannot take a file, as one sentence: its folder is missing or it is a folder
/// itself. Callers writing several files check them all first, so a refusal writes nothing.
pub fn check_target(path: &Path) -> Result<(), String> {
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(format!(
            "the folder {} does not exist; create it or pick another path",
            dir.display()
        ));
    }
    if path.is_dir() {
        return Err(format!("{} is a folder; give a file name", path.display()));
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Removes the temporary files (`.NAME.PID.RANDOM.tmp`, or `.NAME.PID.tmp` from older
/// versions) that a writer of `name` killed midway left in `dir`: never under the final name,
/// but they may hold personal data.
fn clear_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        let pid = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split('.').next())
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid {
            if pid != std::process::id() && !crate::store::process_runs(pid) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// A new, private temporary file in `dir` named `.{name}.{pid}.{random}.tmp`.
pub fn new_temporary(dir: &Path, name: &str) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!(".{name}.{}.", std::process::id()))
        .suffix(".tmp")
        .rand_bytes(10)
        .tempfile_in(dir)
}

/// Writes `bytes` to `path` so the name only ever holds a whole file; the error is one sentence.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomically_with(path, |f| f.write_all(bytes))
}

/// Like [`write_atomically`], for content written piece by piece (a backup of a big store is
/// streamed into its file, never held in memory whole).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), String> {
    check_target(path)?;
    let dir = folder_of(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    clear_stale_temporaries(dir, name);
    // On failure the temporary file is removed when it is dropped.
    let written = (|| -> std::io::Result<()> {
        let mut tmp = new_temporary(dir, name)?;
        write(tmp.as_file_mut())?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    written.map_err(|e| cannot_write(path, &e))
}

/// Why `path` could not be written, as one sentence that names a full or read-only disk.
pub fn cannot_write(path: &Path, e: &std::io::Error) -> String {
    let p = path.display();
    match crate::store::disk_problem(&e.to_string()) {
        Some("the disk is full") => {
            format!(
                "{p} cannot be written: the disk is full; make room and try again (nothing was written)"
            )
        }
        Some(why) => format!(
            "{p} cannot be written: {why}; pick a folder you can write to (nothing was written)"
        ),
        None => format!("{p} cannot be written ({e}); nothing was written"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_writers_temporary_file_is_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("people.vcf");
        // No process has this id (it is above Linux's largest).
        let stale = dir.path().join(".people.vcf.999999999.tmp");
        let other = dir.path().join(".other.vcf.999999999.tmp");
        std::fs::write(&stale, b"half a card").unwrap();
        std::fs::write(&other, b"not ours").unwrap();
        write_atomically(&target, b"BEGIN:VCARD").unwrap();
        assert!(!stale.exists());
        assert!(
            other.exists(),
            "only temporaries of this file name are touched"
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"BEGIN:VCARD");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_under_the_old_temporary_name_is_neither_followed_nor_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victims-file");
        std::fs::write(&victim, b"keep me").unwrap();
        let target = dir.path().join("people.vcf");
        // The name the old writer used, and a later random-looking one: both links.
        let planted = dir
            .path()
            .join(format!(".people.vcf.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomically(&target, b"BEGIN:VCARD").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
        assert_eq!(std::fs::read(&target).unwrap(), b"BEGIN:VCARD");
        assert!(std::fs::symlink_metadata(&target).unwrap().is_file());
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner only: {mode:o}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert_eq!(left.len(), 1, "only the planted link is left: {left:?}");
    }
}
