//! `wortel leads accept|reject|snooze ID…` and `wortel leads convert ID [--value V]`: triage
//! from a script, through the same `ops` triage the view's inbox uses, in one commit. Leads that
//! cannot take the step are named and make the exit status 1; the others still take it.

use super::Context;
use super::plural::counted;
use anyhow::{Result, bail};
use wortel::domain::{Cents, LeadId};
use wortel::ops::{TriageStep, convert_lead_estimated, triage_leads};
use wortel::store::Store;

/// A triage step on the leads given by id (wortel's or head office's, e.g. HQ-2026-000210).
#[derive(Debug, clap::Subcommand)]
pub enum LeadsStep {
    /// Accept new (or snoozed) leads: you will contact them.
    Accept {
        /// Lead ids (wortel's or head office's).
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Reject leads, with a reason from the store's reject list.
    Reject {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// Why (one of the store's reject reasons, e.g. "no budget").
        #[arg(long, value_name = "REASON")]
        reason: String,
    },
    /// Snooze leads until a date (e.g. 2026-12-01, 4-12, 4 dec, +3d, mon/ma, morgen).
    Snooze {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// The day they come back to the inbox.
        #[arg(long, value_name = "DATE")]
        until: String,
    },
    /// Products of the installed base due for replacement; --create makes their leads.
    DueReplacements(super::leads_replacements::DueArgs),
    /// Turn a lead into a deal, optionally with an estimated value in euros.
    Convert {
        #[arg(value_name = "ID")]
        id: String,
        /// The deal's estimated value (95000, 95.000 or 95.000,50); without it the deal has none.
        #[arg(long, value_name = "EUROS")]
        value: Option<String>,
    },
}

pub fn run(ctx: &Context, step: &LeadsStep) -> Result<()> {
    if let LeadsStep::DueReplacements(args) = step {
        return super::leads_replacements::run(ctx, args);
    }
    let store = ctx.open_store()?;
    let (ids, step) = match step {
        LeadsStep::Accept { ids } => (ids, TriageStep::Accept),
        LeadsStep::Reject { ids, reason } => (ids, TriageStep::Reject(reason.clone())),
        LeadsStep::Snooze { ids, until } => (ids, TriageStep::Snooze(snooze_end(ctx, until)?)),
        LeadsStep::Convert { id, value } => return convert(&store, ctx, id, value.as_deref()),
        LeadsStep::DueReplacements(_) => unreachable!("dispatched before the store opens"),
    };
    let mut unknown = Vec::new();
    let mut found: Vec<(LeadId, &str)> = Vec::new();
    for given in ids {
        match lead_id(&store, given)? {
            Some(id) => found.push((id, given.as_str())),
            None => unknown.push(given.as_str()),
        }
    }
    let lead_ids: Vec<LeadId> = found.iter().map(|(id, _)| *id).collect();
    let result = triage_leads(&store, &lead_ids, &step, ctx.now)?;
    if !result.done.is_empty() {
        outln!(
            "{} {}",
            step.done_verb(),
            counted(result.done.len(), "lead", "leads")
        );
    }
    let mut failures: Vec<String> = unknown
        .iter()
        .map(|given| format!("{given} (no such lead)"))
        .collect();
    for (id, e) in &result.skipped {
        let given = found
            .iter()
            .find(|(f, _)| f == id)
            .map_or_else(|| id.to_string(), |(_, g)| g.to_string());
        failures.push(format!("{given} ({e})"));
    }
    if !failures.is_empty() {
        let others = if result.done.is_empty() {
            "nothing was changed"
        } else {
            "the others were"
        };
        bail!(
            "{} of {} not {}: {}; {others}",
            failures.len(),
            counted(ids.len(), "lead", "leads"),
            step.done_verb(),
            failures.join(", ")
        );
    }
    Ok(())
}

/// Converts one lead into a deal (with its estimated value, when given) and names the deal.
fn convert(store: &Store, ctx: &Context, given: &str, value: Option<&str>) -> Result<()> {
    let value = value.map(Cents::parse).transpose()?;
    let Some(id) = lead_id(store, given)? else {
        bail!("there is no lead {given} in this store; see `wortel leads --all` for the ids");
    };
    let done = convert_lead_estimated(store, id, value, ctx.now)?;
    let label = done
        .lead
        .external_id
        .clone()
        .unwrap_or_else(|| id.to_string());
    outln!("lead {label} is now {}", done.lead.status);
    if let Some(o) = &done.opportunity {
        outln!("  deal {} created: \"{}\"", o.id, o.title);
    }
    Ok(())
}

/// A lead by wortel's id or head office's.
fn lead_id(store: &Store, given: &str) -> Result<Option<LeadId>> {
    if let Ok(id) = given.parse::<LeadId>() {
        return Ok(store.lead(id)?.map(|l| l.id));
    }
    Ok(store.lead_by_external(given)?.map(|l| l.id))
}

/// The start of the given day in the local time zone, as the view's snooze picker gives it.
fn snooze_end(ctx: &Context, until: &str) -> Result<jiff::Timestamp> {
    let date = ctx.date(until)?;
    if date <= ctx.today() {
        bail!("--until {until} is not after today; give a later day, e.g. +3d");
    }
    Ok(date.to_zoned(ctx.tz.clone())?.timestamp())
}
