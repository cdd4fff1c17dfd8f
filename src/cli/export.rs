//! `wortel export`: the weekly feedback bundle for head office (§8) by default; with `--csv`,
//! `--ics` or `--vcf`, files for spreadsheets, calendars and address books (§9).

use super::Context;
use anyhow::{Result, anyhow};
use std::path::PathBuf;
use wortel::interop::atomic::{check_target, write_atomically};
use wortel::interop::csv_export::{self, Headers, write_csv_dir_with};
use wortel::interop::{ics, marketing, vcard};
use wortel_core::csv_dialect::Dialect;
use wortel_core::said;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The ISO week of the feedback bundle, e.g. 2026-W47 (default: this week). Exporting a week
    /// again gives the same file.
    #[arg(long, value_name = "WEEK", conflicts_with_all = ["csv", "ics", "vcf"])]
    pub week: Option<String>,
    /// Where to write the feedback bundle (default: feedback-<dealer>-<week>.zip here).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["csv", "ics", "vcf"])]
    pub out: Option<PathBuf>,
    /// Write accounts.csv, leads.csv, opportunities.csv and activities.csv into this directory.
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
    /// With --csv: standard (UTF-8, `,`, 95000.00; the default) or excel-nl (UTF-8 with BOM,
    /// `;`, 95000,00), which Excel with Dutch settings opens into the right columns.
    #[arg(long, value_name = "DIALECT", default_value = "standard", requires = "csv", value_parser = super::values::dialects())]
    pub dialect: String,
    /// With --csv: the header row's names, machine (stable snake_case names, the default) or nl
    /// (Dutch column titles for a person reading the sheet).
    #[arg(long, value_name = "NAMES", default_value = "machine", requires = "csv", value_parser = ["machine", "nl"])]
    pub headers: String,
    /// Write appointments and follow-ups as an iCalendar file (RFC 5545).
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Write contacts as a vCard 4.0 file (RFC 6350).
    #[arg(long, value_name = "FILE")]
    pub vcf: Option<PathBuf>,
    /// With --vcf or --csv: only contacts whose marketing consent holds today, and only the
    /// accounts (with their leads, opportunities and activities) that have such a contact.
    #[arg(long)]
    pub marketing: bool,
}

pub fn run(ctx: &Context, args: &ExportArgs) -> Result<()> {
    if args.marketing && args.csv.is_none() && args.vcf.is_none() {
        anyhow::bail!(said!("export-marketing-alone"));
    }
    if args.csv.is_none() && args.ics.is_none() && args.vcf.is_none() {
        return super::feedback::run(ctx, args.week.as_deref(), args.out.as_deref());
    }
    interop(ctx, args)
}

/// The §9 exports: each file whole or not at all, one line per file written.
fn interop(ctx: &Context, args: &ExportArgs) -> Result<()> {
    // Every target is checked before anything is written, so a refusal leaves no files.
    if let Some(dir) = &args.csv {
        csv_export::check_dir(dir).map_err(|e| anyhow!(e))?;
    }
    for path in [&args.ics, &args.vcf].into_iter().flatten() {
        check_target(path).map_err(|e| anyhow!(e))?;
    }
    let store = ctx.open_store()?;
    let which = if args.marketing { "marketing" } else { "all" };
    if let Some(dir) = &args.csv {
        let only = if args.marketing {
            Some(marketing::consenting_accounts(&store, ctx.today())?)
        } else {
            None
        };
        let dialect = Dialect::parse(&args.dialect).map_err(|e| anyhow!(e))?;
        let headers = Headers::parse(&args.headers).map_err(|e| anyhow!(e))?;
        let written = write_csv_dir_with(&store, dir, only.as_ref(), dialect, headers)
            .map_err(|e| anyhow!(e))?;
        for (path, n) in written {
            tell!(
                ctx,
                "export-rows",
                file = path.display(),
                count = n,
                which = which
            );
        }
    }
    if let Some(path) = &args.ics {
        let (text, n) = ics::calendar(&store, ctx.now, ctx.lang()?)?;
        write_atomically(path, text.as_bytes()).map_err(|e| anyhow!(e))?;
        tell!(ctx, "export-events", file = path.display(), count = n);
    }
    if let Some(path) = &args.vcf {
        let (text, n) = vcard::cards(&store, ctx.today(), args.marketing)?;
        write_atomically(path, text.as_bytes()).map_err(|e| anyhow!(e))?;
        tell!(
            ctx,
            "export-contacts",
            file = path.display(),
            count = n,
            which = which
        );
    }
    Ok(())
}
