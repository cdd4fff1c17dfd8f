//! `wortel demo`: build a realistic demo store and (for now) print what it holds; and the
//! summary bare `wortel` prints until the full-screen view exists.

use super::Context;
use anyhow::{Context as _, Result, bail};
use std::path::{Path, PathBuf};
use std::time::Instant;
use wortel::demo::{DemoConfig, load_into};
use wortel::domain::funnel::summarize;
use wortel::domain::{LeadStatus, Stage};
use wortel::store::{DEMO_DEALER, EntityKind, Store, StoreError};

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// How many leads to generate (accounts: half as many).
    #[arg(long, default_value_t = 300, value_name = "N")]
    pub leads: usize,
    /// The random seed; the same seed gives the same store.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Only build the store; do not open it.
    #[arg(long)]
    pub no_tui: bool,
    /// Also write a signed sample head-office leads bundle here (the demo store pins the demo
    /// head-office key), to try `wortel import FILE` at once.
    #[arg(long, value_name = "FILE")]
    pub bundle: Option<PathBuf>,
    /// How many leads that sample bundle holds (a big one measures an import).
    #[arg(long, default_value_t = 25, value_name = "N", requires = "bundle")]
    pub bundle_leads: usize,
}

/// The largest demo that still builds in seconds on a laptop.
const MAX_DEMO_LEADS: usize = 1_000_000;

pub fn run(ctx: &Context, args: &DemoArgs) -> Result<()> {
    if args.leads == 0 || args.leads > MAX_DEMO_LEADS {
        bail!(
            "--leads {} is out of range; give 1 to {MAX_DEMO_LEADS}",
            args.leads
        );
    }
    if args.bundle_leads == 0 || args.bundle_leads > MAX_DEMO_LEADS {
        bail!(
            "--bundle-leads {} is out of range; give 1 to {MAX_DEMO_LEADS}",
            args.bundle_leads
        );
    }
    refuse_to_replace_real_data(&ctx.store)?;
    let started = Instant::now();
    let building = sibling(&ctx.store, "building")?;
    remove_dir_if_present(&building)?;
    {
        let store = Store::open_or_create(&building)?;
        load_into(
            &store,
            &DemoConfig {
                seed: args.seed,
                leads: args.leads,
                now: ctx.now,
            },
        )?;
    }
    swap_into_place(&building, &ctx.store)?;
    if let Some(path) = &args.bundle {
        let store = Store::open(&ctx.store)?;
        store.set_head_office_key(&wortel::demo::bundle::head_office_key(args.seed).public().0)?;
        let bytes = wortel::demo::bundle::sample_leads_bundle(
            &store,
            args.seed,
            ctx.now,
            args.bundle_leads,
        )?;
        wortel::interop::atomic::write_atomically(path, &bytes).map_err(|e| anyhow::anyhow!(e))?;
        outln!(
            "wrote a signed head-office leads bundle to {}; try `wortel import {}`",
            path.display(),
            path.display()
        );
    }
    let elapsed = started.elapsed();
    let store = Store::open(&ctx.store)?;
    outln!(
        "built demo store {} in {} ms (seed {})",
        ctx.store.display(),
        elapsed.as_millis(),
        args.seed
    );
    if !args.no_tui && super::tui::can_open() {
        drop(store);
        return super::tui::open(ctx);
    }
    print_summary(&store, ctx)?;
    if !args.no_tui {
        print_next_steps(ctx);
    }
    Ok(())
}

/// What bare `wortel` shows when it is not run in a terminal.
pub fn summary_of_default(ctx: &Context) -> Result<()> {
    let store = ctx.open_store()?;
    print_summary(&store, ctx)?;
    print_next_steps(ctx);
    Ok(())
}

fn print_next_steps(ctx: &Context) {
    let flag = if ctx.explicit_store {
        format!(" --store {}", ctx.store.display())
    } else {
        String::new()
    };
    outln!();
    outln!(
        "This is not a terminal, so the full-screen view stays closed; run `wortel{flag}` in one."
    );
    outln!("From scripts:");
    outln!("  wortel leads{flag}            the inbox, most valuable first");
    outln!("  wortel accounts{flag} --search NAME");
    outln!("  wortel funnel{flag}           the pipeline and forecast");
    outln!("  wortel log-visit{flag} --lead ID --outcome 2");
}

fn print_summary(store: &Store, ctx: &Context) -> Result<()> {
    let who = store
        .identity()?
        .map(|i| format!("dealer {}, salesperson {}", i.dealer_id, i.salesperson))
        .unwrap_or_else(|| "not set up (run `wortel init`)".to_string());
    outln!("store {}: {who}", ctx.store.display());
    let new = store.status_count(LeadStatus::New);
    let overdue = store.overdue_count(ctx.now)?;
    let open: usize = LeadStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| store.status_count(*s))
        .sum();
    outln!(
        "  leads: {} in all, {open} open, {new} new, {overdue} overdue",
        store.count(EntityKind::Lead)
    );
    outln!(
        "  accounts: {}  contacts: {}  activities: {}  appointments: {}",
        store.count(EntityKind::Account),
        store.count(EntityKind::Contact),
        store.count(EntityKind::Activity),
        store.count(EntityKind::Appointment)
    );
    let mut opps = Vec::new();
    for s in Stage::ALL {
        opps.extend(store.opportunities_in(s)?);
    }
    let summary = summarize(&opps);
    let open_deals: usize = summary
        .stages
        .iter()
        .filter(|s| s.stage.is_open())
        .map(|s| s.count)
        .sum();
    outln!(
        "  funnel: {open_deals} open deals, weighted forecast {}",
        summary.forecast
    );
    Ok(())
}

/// A demo only ever replaces an empty location or another demo store.
fn refuse_to_replace_real_data(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    match Store::open(path) {
        Ok(store) => match store.identity()? {
            Some(id) if id.dealer_id != DEMO_DEALER => bail!(
                "{} holds the store of dealer {}; a demo never replaces real data, so pass --store PATH for the demo",
                path.display(),
                id.dealer_id
            ),
            _ if store.count(EntityKind::Lead) > 0 && store.identity()?.is_none() => bail!(
                "{} holds a store with data but no dealer id; a demo never replaces it, so pass --store PATH for the demo",
                path.display()
            ),
            _ => Ok(()),
        },
        Err(StoreError::Missing(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn sibling(path: &Path, what: &str) -> Result<PathBuf> {
    let name = path.file_name().with_context(|| {
        format!(
            "{} has no directory name; give a --store path such as ./demo-store",
            path.display()
        )
    })?;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(
        ".{}.{what}-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

fn remove_dir_if_present(path: &Path) -> Result<()> {
    if path.exists() {
        std::fs::remove_dir_all(path)
            .with_context(|| format!("could not remove the leftover {}", path.display()))?;
    }
    Ok(())
}

/// Moves the finished store into place: the old demo is renamed away first, so at no moment does
/// the path hold a half-built store.
fn swap_into_place(built: &Path, target: &Path) -> Result<()> {
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("could not create {}", parent.display()))?;
    }
    let old = sibling(target, "old")?;
    if target.exists() {
        std::fs::rename(target, &old).with_context(|| {
            format!(
                "could not move the previous demo at {} aside",
                target.display()
            )
        })?;
    }
    std::fs::rename(built, target)
        .with_context(|| format!("could not move the new demo to {}", target.display()))?;
    remove_dir_if_present(&old)?;
    Ok(())
}
