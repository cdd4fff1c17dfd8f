//! `wortel import FILE`: a head-office leads bundle, verified (and its signature checked against
//! the pinned key) before the store is touched, then applied all or nothing.

use super::Context;
use anyhow::{Result, anyhow};
use std::path::{Path, PathBuf};
use wortel::bundle::{PublicKey, caps::MAX_BUNDLE_BYTES, read_bundle};
use wortel::ops::{ImportError, apply_sheet_leads, import_benchmarks, import_leads};
use wortel::store::Store;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The bundle (.zip) head office sent, or with --csv a spreadsheet of leads.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The file is a CSV of leads (columns in the README), not a bundle.
    #[arg(long)]
    pub csv: bool,
}

/// Reads a bundle file within the size cap, or says why not.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path)
        .map_err(|e| anyhow!("{} cannot be read ({e}); check the path", path.display()))?;
    if !meta.is_file() {
        return Err(anyhow!(
            "{} is not a file; give the bundle's path",
            path.display()
        ));
    }
    if meta.len() > MAX_BUNDLE_BYTES {
        return Err(anyhow!(
            "{} is larger than {} MiB, more than any bundle may be; ask head office to split it",
            path.display(),
            MAX_BUNDLE_BYTES / 1024 / 1024
        ));
    }
    std::fs::read(path)
        .map_err(|e| anyhow!("{} cannot be read ({e}); check the path", path.display()))
}

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let store = Store::open(&ctx.store)?;
    let bytes = read_file(&args.file)?;
    if args.csv {
        let name = args.file.display().to_string();
        let rows = wortel::interop::csv_import::read_leads_csv_rows(&bytes, &name, &ctx.tz)
            .map_err(|e| anyhow!(e))?;
        let bar = progress_bar(rows.len() as u64, "placing leads");
        let report = apply_sheet_leads(&store, &name, &rows, ctx.now, &mut |n| {
            if let Some(b) = &bar {
                if n % 256 == 0 {
                    b.set_position(n as u64);
                }
            }
        });
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        // The sentence already names the file and the row.
        let report = report.map_err(|e| anyhow!(e))?;
        println!(
            "imported {name}: {} new leads ({} for accounts already here, {} new accounts), {} updated",
            report.new_leads, report.matched_accounts, report.new_accounts, report.updated_leads
        );
        return Ok(());
    }
    let key = store.head_office_key()?.map(PublicKey);
    let name = args.file.display();
    let bundle = read_bundle(&bytes, key.as_ref()).map_err(|e| anyhow!("{name}: {e}"))?;
    if bundle.manifest.kind == wortel::bundle::Kind::Benchmark {
        let m = &bundle.manifest;
        return match import_benchmarks(&store, &bundle, ctx.now).map_err(|e| match e {
            ImportError::Bundle(b) => anyhow!("{name}: {b}"),
            ImportError::Store(s) => anyhow!(s),
        })? {
            None => {
                println!(
                    "{name}: already imported (bundle {}); nothing changed",
                    m.id
                );
                Ok(())
            }
            Some(n) => {
                println!(
                    "imported {name}: {n} network figures from {}; see them with `wortel benchmark`",
                    m.from
                );
                Ok(())
            }
        };
    }
    let total = bundle.lines("leads.ndjson").count();
    let bar = progress_bar(total as u64, "placing leads");
    let report = import_leads(&store, &bundle, ctx.now, &mut |n| {
        if let Some(b) = &bar {
            if n % 256 == 0 || n == total {
                b.set_position(n as u64);
            }
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let report = report.map_err(|e| match e {
        ImportError::Bundle(b) => anyhow!("{name}: {b}"),
        ImportError::Store(s) => anyhow!(s),
    })?;
    let m = &bundle.manifest;
    if report.already_imported {
        println!(
            "{name}: already imported (bundle {}, sequence {} from {}); nothing changed",
            m.id, m.sequence, m.from
        );
        return Ok(());
    }
    println!(
        "imported {name}: bundle {}, sequence {} from {}",
        m.id, m.sequence, m.from
    );
    println!(
        "  {} new leads ({} for accounts already here, {} new accounts), {} updated, {} retracted",
        report.new_leads,
        report.matched_accounts,
        report.new_accounts,
        report.updated_leads,
        report.retracted
    );
    if report.unknown_retractions > 0 {
        println!(
            "  {} retractions were for leads this store never had",
            report.unknown_retractions
        );
    }
    if let Some(summary) = report.erasure_summary() {
        println!("  {summary}; head office learns it in the next feedback bundle");
    }
    let pending = store
        .meta_value(wortel::store::exchange::KEY_COMPACT_PENDING)?
        .is_some();
    if report.needs_compaction() || pending {
        drop(store);
        Store::compact_if_pending(&ctx.store)?;
        println!("  the store's files were rewritten without the erased data");
    }
    Ok(())
}

/// A progress bar on standard error for a large import, when that is a terminal; scripts and
/// pipes get plain output.
fn progress_bar(total: u64, what: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if total < 5_000 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})")
    {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    Some(bar)
}
