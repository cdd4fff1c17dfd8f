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

/// Why a file could not be written, as one sentence.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    check_target(path)?;
    let dir = folder_of(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
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
