//! `wortel backup FILE` and `wortel restore FILE`.

use super::Context;
use anyhow::{Result, anyhow};
use std::path::PathBuf;
use wortel::interop::atomic::write_atomically;
use wortel::store::Store;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the backup (a .zip).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn backup(ctx: &Context, args: &BackupArgs) -> Result<()> {
    let store = Store::open(&ctx.store)?;
    let bytes = store.backup_bytes(ctx.now)?;
    write_atomically(&args.file, &bytes).map_err(|e| anyhow!(e))?;
    println!(
        "{}: a backup of {} ({} KiB); restore it with `wortel restore {}`",
        args.file.display(),
        ctx.store.display(),
        bytes.len() / 1024,
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
