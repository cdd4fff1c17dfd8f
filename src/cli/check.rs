//! `wortel check`: verify the store and say exactly what is out of step.

use super::Context;
use super::plural::counted;
use anyhow::{Result, bail};

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
        outln!(
            "repaired: rebuilt {} from the records ({} found, {} left)",
            counted(n, "index entry", "index entries"),
            counted(before, "problem", "problems"),
            report.problem_count
        );
    }
    let records: Vec<String> = report
        .records
        .iter()
        .map(|(k, n)| counted(*n, k.as_str(), &plural_of(*k)))
        .collect();
    if report.is_ok() {
        outln!(
            "store {} is consistent: {}; {}; {} logged",
            ctx.store.display(),
            records.join(", "),
            counted(report.index_entries, "index entry", "index entries"),
            counted(report.changes, "change", "changes")
        );
        return Ok(());
    }
    for p in &report.problems {
        outln!("problem: {p}");
    }
    if report.problem_count > report.problems.len() {
        outln!(
            "… and {} more",
            report.problem_count - report.problems.len()
        );
    }
    if report.repairable() {
        bail!(
            "the store at {} has {}, listed above, which `wortel check --repair` mends",
            ctx.store.display(),
            counted(report.problem_count, "problem", "problems")
        )
    }
    bail!(
        "the store at {} has {}, listed above, that a repair cannot mend; keep a copy of the directory and restore your latest backup",
        ctx.store.display(),
        counted(report.problem_count, "problem", "problems")
    )
}

/// The plural a count of records of `kind` takes ("2 opportunities").
fn plural_of(kind: wortel::store::EntityKind) -> String {
    match kind.as_str() {
        "opportunity" => "opportunities".into(),
        "activity" => "activities".into(),
        "nps" => "nps responses".into(),
        one => format!("{one}s"),
    }
}
