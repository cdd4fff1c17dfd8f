//! `wortel backup FILE` and `wortel restore FILE`.

use super::Context;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::path::PathBuf;
use wortel::interop::atomic::write_atomically_with;
use wortel::ops::{reapply_erasures, tombstones};
use wortel::store::Store;
use wortel::store::backup::RestoreSteps;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the backup (a .zip).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn backup(ctx: &Context, args: &BackupArgs) -> Result<()> {
    let store = ctx.open_store()?;
    // The backup streams into its file; a store error met on the way is kept to report.
    let mut failed = None;
    write_atomically_with(&args.file, |f| {
        let out = std::io::BufWriter::new(f);
        match store.backup_to(out, ctx.now) {
            Ok(mut w) => w.flush(),
            Err(e) => {
                failed = Some(e);
                Err(std::io::Error::other("the backup stopped"))
            }
        }
    })
    .map_err(|e| match failed.take() {
        Some(store_error) => anyhow!(store_error),
        None => anyhow!(e),
    })?;
    let size = std::fs::metadata(&args.file).map_or(0, |m| m.len());
    tell!(
        ctx,
        "backup-written",
        file = args.file.display(),
        store = ctx.store.display(),
        kib = size / 1024
    );
    Ok(())
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup to restore (a .zip).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// When the backup's only faults are indexes out of step with its records, rebuild them
    /// while restoring.
    #[arg(long)]
    pub repair: bool,
}

pub fn restore(ctx: &Context, args: &RestoreArgs) -> Result<()> {
    // Erasures made since the backup was taken are applied to it again, tombstones kept.
    // A damaged store cannot say what was erased: the restore goes on, and says so.
    let mut unread = None;
    let tombstones = if ctx.store.exists() {
        match ctx.open_store().and_then(|s| tombstones(&s)) {
            Ok(t) => t,
            Err(e) if Store::open_elsewhere(&ctx.store) => return Err(e.into()),
            Err(e) => {
                unread = Some(e);
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    let erased = std::cell::Cell::new(0);
    let amend = |fresh: &Store| -> wortel::store::Result<()> {
        erased.set(reapply_erasures(fresh, &tombstones, ctx.now)?);
        Ok(())
    };
    let steps = RestoreSteps {
        amend: &amend,
        repair: args.repair,
        now: ctx.now,
    };
    Store::restore_with(&ctx.store, &args.file, steps)?;
    tell!(
        ctx,
        "restore-done",
        store = ctx.store.display(),
        file = args.file.display()
    );
    if erased.get() > 0 {
        tell!(ctx, "restore-erased-again", count = erased.get());
    }
    if let Some(e) = unread {
        let lang = ctx.lang().unwrap_or_else(|_| super::say::reader_language());
        let why = super::errors::link(&e, lang);
        tell!(ctx, "restore-old-store-unread", why = why);
    }
    Ok(())
}
