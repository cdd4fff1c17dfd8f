//! `wortel import FILE`: a head-office leads bundle, verified (and its signature checked against
//! the pinned key) before the store is touched, then applied all or nothing.

use super::Context;
use anyhow::{Result, anyhow};
use std::path::{Path, PathBuf};
use wortel::ops::{
    ImportError, ImportFileError, Imported, import_file, import_sheet, read_bundle_file,
};
use wortel::store::Store;
use wortel_core::said;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The bundle (.zip) head office sent, or with --csv a spreadsheet of leads.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The file is a CSV of leads (columns in the README), not a bundle.
    #[arg(long)]
    pub csv: bool,
    /// With --csv: the sheet's dialect, standard (`,`) or excel-nl (`;`, as Dutch Excel saves
    /// it). Without it the header row decides; with it a sheet in the other one is refused.
    #[arg(long, value_name = "DIALECT", requires = "csv", value_parser = super::values::dialects())]
    pub dialect: Option<String>,
}

/// Reads a bundle file within the size cap, or says why not.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    read_bundle_file(path).map_err(|e| anyhow!(e))
}

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let store = ctx.open_store()?;
    // An import cut short earlier was rolled back at open: say so before this one starts.
    for notice in wortel::store::take_notices() {
        errln!("wortel: {notice}");
    }
    if args.csv {
        return run_csv(ctx, &store, args);
    }
    let name = args.file.display().to_string();
    let placing = ctx.said(&said!("import-placing-leads"));
    // Made at the first progress report, when the number of leads is known.
    let mut bar: Option<Option<indicatif::ProgressBar>> = None;
    let done = import_file(&store, &args.file, ctx.now, &mut |n, total| {
        let bar = bar.get_or_insert_with(|| progress_bar(total as u64, &placing));
        if let Some(b) = bar {
            if n % 256 == 0 || n == total {
                b.set_position(n as u64);
            }
        }
    });
    if let Some(Some(b)) = bar {
        b.finish_and_clear();
    }
    let done = done.map_err(|e| match e {
        ImportFileError::Unreadable(s) => anyhow!(s),
        ImportFileError::Import(ImportError::Bundle(b)) => {
            anyhow::Error::from(b).context(said!("file-named", file = &name))
        }
        ImportFileError::Import(ImportError::Store(s)) => anyhow::Error::from(s),
    })?;
    let m = &done.manifest;
    let report = match done.imported {
        Imported::AlreadyImported if m.kind == wortel::bundle::Kind::Benchmark => {
            tell!(ctx, "import-benchmark-again", file = &name, bundle = &m.id);
            return Ok(());
        }
        Imported::AlreadyImported => {
            tell!(
                ctx,
                "import-leads-again",
                file = &name,
                bundle = &m.id,
                sequence = m.sequence.to_string(),
                from = &m.from
            );
            return Ok(());
        }
        Imported::Benchmarks(n) => {
            tell!(
                ctx,
                "import-benchmarks",
                file = &name,
                figures = n,
                from = &m.from
            );
            return Ok(());
        }
        Imported::Leads(report) => report,
    };
    print_leads_report(ctx, &name, m, &report);
    let pending = store
        .meta_value(wortel::store::exchange::KEY_COMPACT_PENDING)?
        .is_some();
    if report.needs_compaction() || pending {
        drop(store);
        let backups = super::privacy::rewrite_store_and_backups(ctx)?;
        tell!(
            ctx,
            "import-rewritten",
            files = super::privacy::files_rewritten(ctx, "erased"),
            backups = super::privacy::backups_said(ctx, &backups, "erased")
        );
    }
    Ok(())
}

/// What a leads bundle did, line by line.
fn print_leads_report(
    ctx: &Context,
    name: &str,
    m: &wortel::bundle::Manifest,
    report: &wortel::ops::ImportReport,
) {
    tell!(
        ctx,
        "import-leads-bundle",
        file = &name,
        bundle = &m.id,
        sequence = m.sequence.to_string(),
        from = &m.from
    );
    tell!(
        ctx,
        "import-leads-counts",
        new = report.new_leads,
        matched = report.matched_accounts,
        accounts = report.new_accounts,
        updated = report.updated_leads,
        retracted = report.retracted
    );
    if report.unknown_retractions > 0 {
        tell!(
            ctx,
            "import-unknown-retractions",
            count = report.unknown_retractions
        );
    }
    let e = &report.erasures;
    if e.requests > 0 {
        tell!(
            ctx,
            "import-erasures",
            requests = e.requests,
            erased = e.contacts_erased,
            missing = e.not_found,
            before = e.done_before,
            ambiguous = e.ambiguous
        );
    }
}

/// `wortel import --csv FILE`: a spreadsheet of leads, checked whole, then written all or
/// nothing.
fn run_csv(ctx: &Context, store: &Store, args: &ImportArgs) -> Result<()> {
    let bytes = read_file(&args.file)?;
    let name = args.file.display().to_string();
    let placing = ctx.said(&said!("import-placing-leads"));
    if let Some(wanted) = &args.dialect {
        check_dialect(&bytes, &name, wanted)?;
    }
    let mut bar: Option<Option<indicatif::ProgressBar>> = None;
    let report = import_sheet(store, &name, &bytes, &ctx.tz, ctx.now, &mut |n, total| {
        let bar = bar.get_or_insert_with(|| progress_bar(total as u64, &placing));
        if let Some(b) = bar {
            if n % 256 == 0 || n == total {
                b.set_position(n as u64);
            }
        }
    });
    if let Some(Some(b)) = bar {
        b.finish_and_clear();
    }
    // The sentence already names the file and the row.
    let report = report.map_err(|e| anyhow!(e))?;
    tell!(
        ctx,
        "import-sheet",
        file = &name,
        new = report.new_leads,
        matched = report.matched_accounts,
        accounts = report.new_accounts,
        updated = report.updated_leads
    );
    Ok(())
}

/// A sheet saved in the other dialect than `--dialect` says is refused before anything is read,
/// naming what the file holds.
fn check_dialect(bytes: &[u8], name: &str, wanted: &str) -> Result<()> {
    use wortel_core::csv_dialect::{Dialect, delimiter_of, without_bom};
    let wanted = Dialect::parse(wanted).map_err(|e| anyhow!(e))?;
    let header = without_bom(bytes)
        .split(|b| *b == b'\n')
        .next()
        .unwrap_or(b"");
    let found = delimiter_of(header);
    if found != wanted.delimiter() {
        let other = match wanted {
            Dialect::ExcelNl => "standard",
            _ => "excel-nl",
        };
        anyhow::bail!(said!(
            "import-wrong-dialect",
            file = &name,
            found = char::from(found).to_string(),
            said = char::from(wanted.delimiter()).to_string(),
            dialect = wanted.name(),
            other = other
        ));
    }
    Ok(())
}

/// A progress bar on standard error for a large import, when that is a terminal; scripts and
/// pipes get plain output.
fn progress_bar(total: u64, what: &str) -> Option<indicatif::ProgressBar> {
    if total < 5_000 || !super::output::stderr_is_terminal() {
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
