//! `wortel export`: the weekly feedback bundle for head office (§8) by default; with `--csv`,
//! `--ics` or `--vcf`, files for spreadsheets, calendars and address books (§9).

use super::Context;
use anyhow::{Result, bail};
use std::path::PathBuf;

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
    /// Write appointments and follow-ups as an iCalendar file (RFC 5545).
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Write contacts as a vCard 4.0 file (RFC 6350).
    #[arg(long, value_name = "FILE")]
    pub vcf: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: &ExportArgs) -> Result<()> {
    if args.csv.is_none() && args.ics.is_none() && args.vcf.is_none() {
        return super::feedback::run(ctx, args.week.as_deref(), args.out.as_deref());
    }
    interop(ctx, args)
}

/// The §9 exports.
fn interop(_ctx: &Context, _args: &ExportArgs) -> Result<()> {
    bail!(
        "CSV, iCalendar and vCard export are not in this build yet; export the feedback bundle without --csv, --ics or --vcf"
    )
}
