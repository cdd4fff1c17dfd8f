//! `wortel check`: verify the store and say exactly what is out of step.

use super::Context;
use anyhow::{Result, bail};
use wortel::store::Store;

pub fn run(ctx: &Context) -> Result<()> {
    let store = Store::open(&ctx.store)?;
    let report = store.check()?;
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
