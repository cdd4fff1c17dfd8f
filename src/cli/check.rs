//! `wortel check`: verify the store and say exactly what is out of step.

use super::Context;
use anyhow::{Result, bail};
use wortel::store::Store;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// When indexes are out of step with the records, rebuild them from the records.
    #[arg(long)]
    pub repair: bool,
}

pub fn run(ctx: &Context, args: &CheckArgs) -> Result<()> {
    let store = Store::open(&ctx.store)?;
    let mut report = store.check()?;
    if args.repair && !report.is_ok() {
        let before = report.problem_count;
        let n = store.repair_indexes()?;
        report = store.check()?;
        println!(
            "repaired: rebuilt {n} index entries from the records ({before} problem(s) found, {} left)",
            report.problem_count
        );
    }
    let records: Vec<String> = report
        .records
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    if report.is_ok() {
        println!(
            "store {} is consistent: {}; {} index entries; {} changes logged",
            ctx.store.display(),
            records.join(", "),
            report.index_entries,
            report.changes
        );
        return Ok(());
    }
    for p in &report.problems {
        println!("problem: {p}");
    }
    if report.problem_count > report.problems.len() {
        println!(
            "… and {} more",
            report.problem_count - report.problems.len()
        );
    }
    bail!(
        "the store at {} has {} problem(s), listed above; keep a copy of the directory and restore your latest backup",
        ctx.store.display(),
        report.problem_count
    )
}
