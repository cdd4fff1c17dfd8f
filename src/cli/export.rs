//! `wortel export`: files for spreadsheets, calendars and address books (§9). The weekly
//! feedback bundle for head office (§8) joins this command with the bundle work.

use super::Context;
use anyhow::Result;
use std::path::PathBuf;
use wortel::store::Store;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["csv", "ics", "vcf"])))]
pub struct ExportArgs {
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
    let store = Store::open(&ctx.store)?;
    let _ = (&store, args);
    anyhow::bail!("export is being built")
}
