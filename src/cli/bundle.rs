//! `wortel bundle inspect FILE`: what a bundle holds, verified, without touching the store.

use super::Context;
use anyhow::{Result, anyhow};
use std::path::PathBuf;
use wortel::bundle::read::Signature;
use wortel::bundle::{PublicKey, printable, read_bundle};
use wortel::store::Store;
use wortel_core::said;

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
                anyhow!(said!(
                    "bundle-key-unreadable",
                    file = path.display(),
                    why = e.to_string()
                ))
            })?;
            let named = ctx.said(&said!("the-file", file = path.display()));
            Some(PublicKey::parse(&text, &named)?)
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
    let bundle = read_bundle(&bytes, key.as_ref())
        .map_err(|e| anyhow::Error::from(e).context(said!("file-named", file = file.display())))?;
    let m = &bundle.manifest;
    let kind = m.kind.as_str();
    tell!(ctx, "bundle-valid", file = file.display(), kind = kind);
    let field = |label: said::Said, value: String| {
        outln!("  {:<9} {value}", ctx.said(&label));
    };
    field(said!("bundle-id"), printable(&m.id).to_string());
    field(said!("bundle-from"), printable(&m.from).to_string());
    field(said!("bundle-to"), printable(&m.to).to_string());
    field(said!("bundle-sequence"), m.sequence.to_string());
    field(said!("bundle-created"), m.created_at.to_string());
    if let Some(p) = &m.period {
        let span = said!(
            "bundle-span",
            from = p.from.to_string(),
            to = p.to.to_string()
        );
        field(said!("bundle-period"), ctx.said(&span));
    }
    for f in &m.files {
        let records = ctx.said(&said!("records-count", count = f.records));
        let row = said!(
            "bundle-file-checked",
            records = format!("{records:>16}"),
            blake3 = &f.blake3[..16.min(f.blake3.len())]
        );
        outln!("  {:<22} {}", f.name, ctx.said(&row));
    }
    let signature = match bundle.signature {
        Signature::Verified => said!("bundle-signature-verified"),
        Signature::Unchecked if store_busy => said!("bundle-signature-store-busy"),
        Signature::Unchecked => said!("bundle-signature-no-key"),
        Signature::Unsigned => said!("bundle-signature-none"),
    };
    field(said!("bundle-signature"), ctx.said(&signature));
    Ok(())
}
