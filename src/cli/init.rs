//! `wortel init`: give a store its dealer id and salesperson.

use super::Context;
use anyhow::{Result, bail};
use wortel::bundle::{PublicKey, SecretKey};
use wortel::store::{DEMO_DEALER, Identity, Store};
use wortel_core::said;

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
        bail!(said!("init-bad-dealer", dealer = dealer));
    }
    if dealer.eq_ignore_ascii_case(DEMO_DEALER) {
        bail!(said!("init-demo-dealer", dealer = DEMO_DEALER));
    }
    let salesperson = args.salesperson.trim();
    if salesperson.is_empty() || salesperson.chars().count() > 100 {
        bail!(said!("init-bad-salesperson"));
    }
    // The key file is read before anything is created, so a bad one leaves no store behind.
    let pinned = match &args.head_office_key {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow::anyhow!(said!(
                    "init-key-unreadable",
                    file = path.display(),
                    why = e.to_string()
                ))
            })?;
            let named = ctx.said(&said!("the-file", file = path.display()));
            Some(PublicKey::parse(&text, &named)?)
        }
        None => None,
    };
    let store = Store::open_or_create(&ctx.store)?;
    if let Some(existing) = store.identity()? {
        if existing.dealer_id == dealer && existing.salesperson == salesperson {
            tell!(
                ctx,
                "init-already",
                store = ctx.store.display(),
                dealer = dealer,
                salesperson = salesperson
            );
            keys(ctx, &store, pinned)?;
            return Ok(());
        }
        bail!(said!(
            "init-other-dealer",
            store = ctx.store.display(),
            dealer = &existing.dealer_id,
            salesperson = &existing.salesperson
        ));
    }
    store.set_identity(&Identity {
        dealer_id: dealer.to_string(),
        salesperson: salesperson.to_string(),
        created_at: ctx.now,
    })?;
    tell!(
        ctx,
        "init-done",
        store = ctx.store.display(),
        dealer = dealer,
        salesperson = salesperson
    );
    keys(ctx, &store, pinned)
}

/// Makes the store's key pair if it has none, prints the public key for head office, and pins
/// head office's key when given.
fn keys(ctx: &Context, store: &Store, pinned: Option<PublicKey>) -> Result<()> {
    let secret = match store.signing_key()? {
        Some(k) => SecretKey(k),
        None => {
            let k = SecretKey::generate();
            store.set_signing_key(&k.0)?;
            k
        }
    };
    tell!(ctx, "init-public-key", key = secret.public().to_hex());
    if let Some(key) = pinned {
        store.set_head_office_key(&key.0)?;
        tell!(ctx, "init-key-pinned", key = key.to_hex());
    }
    Ok(())
}
