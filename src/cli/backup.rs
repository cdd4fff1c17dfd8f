//! `wortel backup FILE` and `wortel restore FILE`.

use super::Context;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::path::PathBuf;
use wortel::interop::atomic::write_atomically_with;
use wortel::store::Store;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the backup (a .zip).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn backup(ctx: &Context, args: &BackupArgs) -> Result<()> {
    let store = Store::open(&ctx.store)?;
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
    println!(
        "{}: a backup of {} ({} KiB); restore it with `wortel restore {}`",
        args.file.display(),
        ctx.store.display(),
        size / 1024,
        args.file.display()
    );
    Ok(())
}

pub fn restore(ctx: &Context, args: &BackupArgs) -> Result<()> {
    Store::restore(&ctx.store, &args.file)?;
    println!(
        "restored {} from {}; the previous store was replaced only after the backup checked clean",
        ctx.store.display(),
        args.file.display()
    );
    Ok(())
}
