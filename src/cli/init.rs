//! `wortel init`: give a store its dealer id and salesperson.

use super::Context;
use anyhow::{Result, bail};
use wortel::store::{DEMO_DEALER, Identity, Store};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The dealer id head office knows this dealer by (letters, digits, - and _).
    #[arg(long, value_name = "ID")]
    pub dealer: String,
    /// The salesperson who uses this store.
    #[arg(long, value_name = "NAME")]
    pub salesperson: String,
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
    let store = Store::open_or_create(&ctx.store)?;
    if let Some(existing) = store.identity()? {
        if existing.dealer_id == dealer && existing.salesperson == salesperson {
            println!(
                "store {} is already set up for dealer {dealer}, salesperson {salesperson}",
                ctx.store.display()
            );
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
    println!(
        "store {} set up for dealer {dealer}, salesperson {salesperson}",
        ctx.store.display()
    );
    Ok(())
}
