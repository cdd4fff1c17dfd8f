//! `wortel leads accept|reject|snooze ID…` and `wortel leads convert ID [--value V]`: triage
//! from a script, through the same `ops` triage the view's inbox uses, in one commit. Leads that
//! cannot take the step are named and make the exit status 1; the others still take it.

use super::Context;
use anyhow::{Result, bail};
use wortel::domain::{Cents, LeadId};
use wortel::ops::{TriageStep, convert_lead_estimated, triage_leads};
use wortel::store::Store;
use wortel_core::said;

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
    let verb = step.done_verb();
    if !result.done.is_empty() {
        tell!(ctx, "triage-done", step = verb, count = result.done.len());
    }
    let lang = ctx.lang().unwrap_or_else(|_| super::say::reader_language());
    let mut failures: Vec<String> = unknown
        .iter()
        .map(|given| ctx.said(&said!("triage-no-such-lead", lead = *given)))
        .collect();
    for (id, e) in &result.skipped {
        let given = found
            .iter()
            .find(|(f, _)| f == id)
            .map_or_else(|| id.to_string(), |(_, g)| g.to_string());
        let why = super::errors::link(e, lang);
        failures.push(format!("{given} ({why})"));
    }
    if !failures.is_empty() {
        let others = if result.done.is_empty() {
            "none"
        } else {
            "some"
        };
        bail!(said!(
            "triage-refused",
            refused = failures.len(),
            count = ids.len(),
            step = verb,
            leads = failures.join(", "),
            others = others
        ));
    }
    Ok(())
}

/// Converts one lead into a deal (with its estimated value, when given) and names the deal.
fn convert(store: &Store, ctx: &Context, given: &str, value: Option<&str>) -> Result<()> {
    let value = value.map(Cents::parse).transpose()?;
    let Some(id) = lead_id(store, given)? else {
        bail!(said!("triage-unknown-lead", lead = given));
    };
    let done = convert_lead_estimated(store, id, value, ctx.now)?;
    let label = done
        .lead
        .external_id
        .clone()
        .unwrap_or_else(|| id.to_string());
    let lang = ctx.lang()?;
    tell!(
        ctx,
        "triage-converted",
        lead = label,
        status = done.lead.status.label(lang)
    );
    if let Some(o) = &done.opportunity {
        tell!(
            ctx,
            "triage-deal-created",
            deal = o.id.to_string(),
            title = &o.title
        );
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
        bail!(said!("triage-until-not-after-today", until = until));
    }
    Ok(date.to_zoned(ctx.tz.clone())?.timestamp())
}
