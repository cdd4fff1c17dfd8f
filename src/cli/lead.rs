//! `wortel lead accept|reject|snooze|convert LEAD`: triage from a script, the same operations
//! the inbox calls. The lead is wortel's id or head office's (HQ-2026-000123).

use super::Context;
use super::log_visit::lead_id;
use anyhow::Result;
use wortel::domain::{Cents, parse_date_input};
use wortel::ops::{TriageResult, accept_lead, convert_lead_estimated, reject_lead, snooze_lead};
use wortel::store::Store;

#[derive(Debug, clap::Subcommand)]
pub enum LeadCommand {
    /// Accept a new (or snoozed) lead.
    Accept {
        #[arg(value_name = "LEAD")]
        lead: String,
    },
    /// Reject a lead with a reason from the store's list (e.g. duplicate).
    Reject {
        #[arg(value_name = "LEAD")]
        lead: String,
        #[arg(long, value_name = "REASON")]
        reason: String,
    },
    /// Put a lead aside until a date (tomorrow, +3d, 2026-12-01).
    Snooze {
        #[arg(value_name = "LEAD")]
        lead: String,
        #[arg(long, value_name = "DATE")]
        until: String,
    },
    /// Turn a lead into a deal, optionally with an estimated value in euros.
    Convert {
        #[arg(value_name = "LEAD")]
        lead: String,
        /// The deal's estimated value (95000, 95.000 or 95.000,50); without it the deal has none.
        #[arg(long, value_name = "EUROS")]
        value: Option<String>,
    },
}

pub fn run(ctx: &Context, cmd: &LeadCommand) -> Result<()> {
    let store = Store::open(&ctx.store)?;
    let done: TriageResult = match cmd {
        LeadCommand::Accept { lead } => accept_lead(&store, lead_id(&store, lead)?, ctx.now)?,
        LeadCommand::Reject { lead, reason } => {
            reject_lead(&store, lead_id(&store, lead)?, reason, ctx.now)?
        }
        LeadCommand::Snooze { lead, until } => {
            let day = parse_date_input(until, ctx.today())?;
            let until = day
                .to_zoned(ctx.tz.clone())
                .map_err(|e| anyhow::anyhow!("snooze date {day} cannot be used ({e})"))?
                .timestamp();
            snooze_lead(&store, lead_id(&store, lead)?, until, ctx.now)?
        }
        LeadCommand::Convert { lead, value } => {
            let value = value.as_deref().map(Cents::parse).transpose()?;
            convert_lead_estimated(&store, lead_id(&store, lead)?, value, ctx.now)?
        }
    };
    let label = done
        .lead
        .external_id
        .clone()
        .unwrap_or_else(|| done.lead.id.to_string());
    println!("lead {label} is now {}", done.lead.status);
    if let Some(o) = &done.opportunity {
        println!("  deal {} created: \"{}\"", o.id, o.title);
    }
    Ok(())
}
