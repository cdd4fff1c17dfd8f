//! The weekly feedback bundle behind `wortel export [--week 2026-W47] [--out FILE]`: built from
//! the change log, written atomically (temporary file, fsync, rename), and only then recorded
//! as exported.

use super::Context;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::path::{Path, PathBuf};
use wortel::ops::export_feedback;
use wortel::store::Store;

/// Exports `week` (default: this week) to `out` (default: `feedback-<dealer>-<week>.zip` here).
pub fn run(ctx: &Context, week: Option<&str>, out: Option<&Path>) -> Result<()> {
    let store = Store::open(&ctx.store)?;
    let export = export_feedback(&store, week, ctx.now, &ctx.tz)?;
    let dealer = store.require_identity()?.dealer_id;
    let path: PathBuf = match out {
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(format!("feedback-{dealer}-{}.zip", export.week)),
    };
    write_atomically(&path, &export.bytes)?;
    if export.reproduced {
        println!(
            "{}: the feedback bundle for {} again, as exported before",
            path.display(),
            export.week
        );
        return Ok(());
    }
    store.record_export(&export.week, export.through, export.sequence, &export.bytes)?;
    println!(
        "{}: feedback for {} (sequence {}), signed with this store's key",
        path.display(),
        export.week,
        export.sequence
    );
    for (file, n) in &export.counts {
        println!("  {file:<22} {n:>6} records");
    }
    Ok(())
}

/// Whole or not at all: a temporary file beside the target, synced, then renamed over it.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(anyhow!(
            "the folder {} does not exist; create it or pick another --out path",
            dir.display()
        ));
    }
    if path.is_dir() {
        return Err(anyhow!(
            "{} is a folder; give a file name for the bundle",
            path.display()
        ));
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("bundle");
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
        anyhow!(
            "{} cannot be written ({e}); nothing was exported",
            path.display()
        )
    })
}
