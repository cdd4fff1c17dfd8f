//! `wortel check`: verify the store and say exactly what is out of step.

use super::Context;
use anyhow::{Result, bail};
use wortel_core::said;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Mend what can be mended: indexes rebuilt from the records, a head-office id two leads
    /// carry kept on the first.
    #[arg(long)]
    pub repair: bool,
}

pub fn run(ctx: &Context, args: &CheckArgs) -> Result<()> {
    let store = ctx.open_store()?;
    let mut report = store.check()?;
    if args.repair && !report.is_ok() {
        let before = report.problem_count;
        let n = store.repair(ctx.now)?;
        report = store.check()?;
        tell!(
            ctx,
            "check-repaired",
            entries = n,
            problems = before,
            left = report.problem_count
        );
    }
    let store_path = ctx.store.display().to_string();
    if report.is_ok() {
        let records: Vec<String> = report
            .records
            .iter()
            .map(|(k, n)| ctx.said(&said!("check-records", kind = k.as_str(), count = n)))
            .collect();
        tell!(
            ctx,
            "check-consistent",
            store = &store_path,
            records = records.join(", "),
            entries = report.index_entries,
            changes = report.changes
        );
        return Ok(());
    }
    for p in &report.problems {
        tell!(ctx, "check-problem", problem = p);
    }
    if report.problem_count > report.problems.len() {
        tell!(
            ctx,
            "check-more",
            count = report.problem_count - report.problems.len()
        );
    }
    let problems = report.problem_count;
    if report.repairable() {
        bail!(said!(
            "check-repairable",
            store = &store_path,
            problems = problems
        ))
    }
    bail!(said!(
        "check-not-repairable",
        store = &store_path,
        problems = problems
    ))
}
