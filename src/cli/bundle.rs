//! `wortel bundle inspect FILE`: what a bundle holds, verified, without touching the store.

use super::Context;
use anyhow::{Result, anyhow};
use std::path::PathBuf;
use wortel::bundle::read::Signature;
use wortel::bundle::{PublicKey, printable, read_bundle};
use wortel::store::Store;

#[derive(Debug, clap::Subcommand)]
pub enum BundleCommand {
    /// Print the manifest, verify checksums and (when a key is known) the signature, count records.
    Inspect {
        /// The bundle (.zip).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The sender's public key file (default: head office's key pinned in the store, if any).
        #[arg(long, value_name = "KEYFILE")]
        key: Option<PathBuf>,
    },
}

pub fn run(ctx: &Context, cmd: &BundleCommand) -> Result<()> {
    let BundleCommand::Inspect { file, key } = cmd;
    let store_busy = ctx.store.join("db").exists() && Store::open_elsewhere(&ctx.store);
    let key = match key {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow!(
                    "the key file {} cannot be read ({e}); check the path",
                    path.display()
                )
            })?;
            Some(PublicKey::parse(
                &text,
                &format!("the file {}", path.display()),
            )?)
        }
        // The store is only read for its pinned key, and only if it is there and free: while
        // the full-screen view has it open, the bundle is still read and verified, and the
        // signature reported as not checked.
        None if ctx.store.join("db").exists() && !store_busy => {
            ctx.open_store()?.head_office_key()?.map(PublicKey)
        }
        None => None,
    };
    let bytes = super::import::read_file(file)?;
    let bundle =
        read_bundle(&bytes, key.as_ref()).map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let m = &bundle.manifest;
    outln!("{}: a valid {} bundle", file.display(), m.kind.as_str());
    outln!("  id        {}", printable(&m.id));
    outln!("  from      {}", printable(&m.from));
    outln!("  to        {}", printable(&m.to));
    outln!("  sequence  {}", m.sequence);
    outln!("  created   {}", m.created_at);
    if let Some(p) = &m.period {
        outln!("  period    {} to {}", p.from, p.to);
    }
    for f in &m.files {
        outln!(
            "  {:<22} {:>8} records  blake3 {}…  ok",
            f.name,
            f.records,
            &f.blake3[..16.min(f.blake3.len())]
        );
    }
    outln!(
        "  signature {}",
        match bundle.signature {
            Signature::Verified => "verified with the pinned key",
            Signature::Unchecked if store_busy =>
                "present, not checked (the store is open in another wortel process; pass --key FILE)",
            Signature::Unchecked => "present, not checked (no key known; pass --key FILE)",
            Signature::Unsigned => "none",
        }
    );
    Ok(())
}
