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
use wortel_core::said;

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
        bail!(said!(
            "demo-out-of-range",
            flag = "leads",
            given = args.leads.to_string(),
            max = MAX_DEMO_LEADS.to_string()
        ));
    }
    if args.bundle_leads == 0 || args.bundle_leads > MAX_DEMO_LEADS {
        bail!(said!(
            "demo-out-of-range",
            flag = "bundle-leads",
            given = args.bundle_leads.to_string(),
            max = MAX_DEMO_LEADS.to_string()
        ));
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
        tell!(ctx, "demo-bundle-written", file = path.display());
    }
    let elapsed = started.elapsed();
    let store = Store::open(&ctx.store)?;
    tell!(
        ctx,
        "demo-built",
        store = ctx.store.display(),
        ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
        seed = args.seed.to_string()
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
    tell!(ctx, "demo-not-a-terminal", flag = &flag);
    tell!(ctx, "demo-from-scripts");
    for hint in [
        said!("demo-hint-leads", flag = &flag),
        said!("demo-hint-accounts", flag = &flag),
        said!("demo-hint-funnel", flag = &flag),
        said!("demo-hint-log-visit", flag = &flag),
    ] {
        outln!("{}", ctx.said(&hint));
    }
}

fn print_summary(store: &Store, ctx: &Context) -> Result<()> {
    let who = match store.identity()? {
        Some(i) => said!(
            "demo-who",
            dealer = &i.dealer_id,
            salesperson = &i.salesperson
        ),
        None => said!("demo-not-set-up"),
    };
    let who = ctx.said(&who);
    tell!(ctx, "demo-store", store = ctx.store.display(), who = who);
    let new = store.status_count(LeadStatus::New);
    let overdue = store.overdue_count(ctx.now)?;
    let open: usize = LeadStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| store.status_count(*s))
        .sum();
    tell!(
        ctx,
        "demo-leads",
        all = store.count(EntityKind::Lead),
        open = open,
        new = new,
        overdue = overdue
    );
    tell!(
        ctx,
        "demo-records",
        accounts = store.count(EntityKind::Account),
        contacts = store.count(EntityKind::Contact),
        activities = store.count(EntityKind::Activity),
        appointments = store.count(EntityKind::Appointment)
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
    tell!(
        ctx,
        "demo-funnel",
        deals = open_deals,
        forecast = summary.forecast.to_string()
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
            Some(id) if id.dealer_id != DEMO_DEALER => bail!(said!(
                "demo-real-store",
                path = path.display(),
                dealer = &id.dealer_id
            )),
            _ if store.count(EntityKind::Lead) > 0 && store.identity()?.is_none() => {
                bail!(said!("demo-store-without-dealer", path = path.display()))
            }
            _ => Ok(()),
        },
        Err(StoreError::Missing(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn sibling(path: &Path, what: &str) -> Result<PathBuf> {
    let name = path
        .file_name()
        .with_context(|| said!("demo-no-directory-name", path = path.display()))?;
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
            .with_context(|| said!("demo-cannot-remove", path = path.display()))?;
    }
    Ok(())
}

/// Moves the finished store into place: the old demo is renamed away first, so at no moment does
/// the path hold a half-built store.
fn swap_into_place(built: &Path, target: &Path) -> Result<()> {
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| said!("demo-cannot-create", path = parent.display()))?;
    }
    let old = sibling(target, "old")?;
    if target.exists() {
        std::fs::rename(target, &old)
            .with_context(|| said!("demo-cannot-move-aside", path = target.display()))?;
    }
    std::fs::rename(built, target)
        .with_context(|| said!("demo-cannot-move-in", path = target.display()))?;
    remove_dir_if_present(&old)?;
    Ok(())
}
