//! The weekly feedback bundle behind `wortel export [--week 2026-W47] [--out FILE]`: built from
//! the change log, written atomically (temporary file, fsync, rename), and only then recorded
//! as exported.

use super::Context;
use anyhow::{Result, anyhow};
use std::path::{Path, PathBuf};
use wortel::interop::atomic::write_atomically;
use wortel::ops::export_feedback;
use wortel_core::said;

/// Exports `week` (default: this week) to `out` (default: `feedback-<dealer>-<week>.zip` here).
pub fn run(ctx: &Context, week: Option<&str>, out: Option<&Path>) -> Result<()> {
    let store = ctx.open_store()?;
    let export = export_feedback(&store, week, ctx.now, &ctx.tz)?;
    let dealer = store.require_identity()?.dealer_id;
    let path: PathBuf = match out {
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(format!("feedback-{dealer}-{}.zip", export.week)),
    };
    write_atomically(&path, &export.bytes).map_err(|e| anyhow!(e))?;
    if export.reproduced {
        tell!(
            ctx,
            "feedback-again",
            file = path.display(),
            week = export.week.to_string()
        );
        return Ok(());
    }
    store.record_export(&export.week, export.through, export.sequence, &export.bytes)?;
    tell!(
        ctx,
        "feedback-written",
        file = path.display(),
        week = export.week.to_string(),
        sequence = export.sequence.to_string()
    );
    for (file, n) in &export.counts {
        let records = ctx.said(&said!("records-count", count = n));
        outln!("  {file:<22} {records:>14}");
    }
    Ok(())
}
