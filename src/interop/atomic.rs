//! Writing a file whole or not at all: a temporary file beside the target, written, synced,
//! renamed over it, and the folder synced — so a crash or a full disk never leaves half a file
//! where a calendar or head office expects a whole one.

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

/// Removes the temporary files (`.NAME.PID.tmp`) that a writer of `name` killed midway left in
/// `dir`: never under the final name, but they may hold personal data.
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
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid {
            if pid != std::process::id() && !crate::store::process_runs(pid) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Why a file could not be written, as one sentence.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    check_target(path)?;
    let dir = folder_of(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    clear_stale_temporaries(dir, name);
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        cannot_write(path, &e)
    })
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
}
