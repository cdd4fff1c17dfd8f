//! `wortel init`: give a store its dealer id and salesperson.

use super::Context;
use anyhow::{Result, bail};
use wortel::bundle::{PublicKey, SecretKey};
use wortel::store::{DEMO_DEALER, Identity, Store};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The dealer id head office knows this dealer by (letters, digits, - and _).
    #[arg(long, value_name = "ID")]
    pub dealer: String,
    /// The salesperson who uses this store.
    #[arg(long, value_name = "NAME")]
    pub salesperson: String,
    /// Head office's public key (a file of 64 hex characters): once pinned, bundles from head
    /// office must carry its signature.
    #[arg(long, value_name = "FILE")]
    pub head_office_key: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Context, args: &InitArgs) -> Result<()> {
    let dealer = args.dealer.trim();
    if dealer.is_empty()
        || dealer.len() > 32
        || !dealer
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        bail!("dealer id `{dealer}` is not valid; use 1–32 letters, digits, - or _ (e.g. NL-0421)");
    }
    if dealer.eq_ignore_ascii_case(DEMO_DEALER) {
        bail!("dealer id {DEMO_DEALER} is reserved for demo stores; use your own dealer id");
    }
    let salesperson = args.salesperson.trim();
    if salesperson.is_empty() || salesperson.chars().count() > 100 {
        bail!("salesperson name must be 1–100 characters; give your name as head office knows it");
    }
    // The key file is read before anything is created, so a bad one leaves no store behind.
    let pinned = match &args.head_office_key {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow::anyhow!(
                    "the head-office key file {} cannot be read ({e}); check the path",
                    path.display()
                )
            })?;
            Some(PublicKey::parse(
                &text,
                &format!("the file {}", path.display()),
            )?)
        }
        None => None,
    };
    let store = Store::open_or_create(&ctx.store)?;
    if let Some(existing) = store.identity()? {
        if existing.dealer_id == dealer && existing.salesperson == salesperson {
            outln!(
                "store {} is already set up for dealer {dealer}, salesperson {salesperson}",
                ctx.store.display()
            );
            keys(&store, pinned)?;
            return Ok(());
        }
        bail!(
            "the store at {} already belongs to dealer {} ({}); use another --store path for a new dealer",
            ctx.store.display(),
            existing.dealer_id,
            existing.salesperson
        );
    }
    store.set_identity(&Identity {
        dealer_id: dealer.to_string(),
        salesperson: salesperson.to_string(),
        created_at: ctx.now,
    })?;
    outln!(
        "store {} set up for dealer {dealer}, salesperson {salesperson}",
        ctx.store.display()
    );
    keys(&store, pinned)
}

/// Makes the store's key pair if it has none, prints the public key for head office, and pins
/// head office's key when given.
fn keys(store: &Store, pinned: Option<PublicKey>) -> Result<()> {
    let secret = match store.signing_key()? {
        Some(k) => SecretKey(k),
        None => {
            let k = SecretKey::generate();
            store.set_signing_key(&k.0)?;
            k
        }
    };
    outln!(
        "public key for head office (feedback bundles are signed with it): {}",
        secret.public().to_hex()
    );
    if let Some(key) = pinned {
        store.set_head_office_key(&key.0)?;
        outln!(
            "head office's key {} is pinned: bundles from head office must be signed with it",
            key.to_hex()
        );
    }
    Ok(())
}
