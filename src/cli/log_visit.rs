//! `wortel log-visit`: scriptable capture of an activity and its outcome, with the effects of
//! PRODUCT.md §3 (the same operation the TUI's visit form calls).

use super::Context;
use anyhow::{Result, bail};
use serde_json::json;
use wortel::domain::{ActivityKind, Cents, LeadId, Outcome};
use wortel::ops::{VisitInput, VisitTarget, log_visit};
use wortel::store::{Store, StoreError};
use wortel_core::said;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["lead", "account", "opportunity"])))]
pub struct LogVisitArgs {
    /// The lead: wortel's id or head office's id (e.g. HQ-2026-000123).
    #[arg(long, value_name = "ID")]
    pub lead: Option<String>,
    /// The account id.
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,
    /// The opportunity id.
    #[arg(long, value_name = "ID")]
    pub opportunity: Option<String>,
    /// visit, call, email, meeting or note.
    #[arg(long, default_value = "visit", value_name = "KIND", value_parser = super::values::activity_kinds())]
    pub kind: String,
    /// appointment-made, quote-sent, order-won, order-lost, follow-up, no-contact, not-interested (or 1–7).
    #[arg(long, value_name = "OUTCOME", value_parser = super::values::outcomes())]
    pub outcome: Option<String>,
    /// A note on what happened.
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub note: String,
    /// The next step's date (2026-12-01, 4-12, 4 dec, +3d, +2w, +1m, fri/vr, tomorrow/morgen); for appointment-made the appointment's date.
    #[arg(long, value_name = "DATE")]
    pub next: Option<String>,
    /// The appointment's time of day, HH:MM (default 10:00).
    #[arg(long, value_name = "HH:MM")]
    pub time: Option<String>,
    /// The lost reason, for order-lost (from the store's list, e.g. price).
    #[arg(long, value_name = "REASON")]
    pub reason: Option<String>,
    /// In euros (95000, 95.000 or 95.000,50): the final value for order-won (required when the
    /// deal has none), the quoted value for quote-sent, the estimate for appointment-made.
    #[arg(long, value_name = "EUROS")]
    pub value: Option<String>,
    /// Until when the quote holds, for quote-sent (2026-12-31, +30d, …).
    #[arg(long, value_name = "DATE")]
    pub valid_until: Option<String>,
    /// Who was visited or called: a contact of the account, by name (or part of it) or id
    /// (default: the lead's contact).
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
    /// When it happened (RFC 3339; default: now).
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &LogVisitArgs) -> Result<()> {
    let store = ctx.open_store()?;
    let target = target(&store, args)?;
    let mut input = VisitInput::new(
        target,
        args.outcome.as_deref().map(Outcome::parse).transpose()?,
    );
    input.kind = ActivityKind::parse(&args.kind)?;
    input.note = args.note.clone();
    input.next_step = args.next.as_deref().map(|d| ctx.date(d)).transpose()?;
    input.appointment_time = match args.time.as_deref() {
        Some(t) => Some(
            t.parse()
                .map_err(|_| anyhow::anyhow!(said!("visit-time-not-hhmm", time = t)))?,
        ),
        None => None,
    };
    input.lost_reason = args.reason.clone();
    let value = args.value.as_deref().map(Cents::parse).transpose()?;
    if input.outcome == Some(Outcome::OrderWon) {
        input.won_value = value;
    } else {
        input.deal_value = value;
    }
    input.quote_valid_until = args
        .valid_until
        .as_deref()
        .map(|d| ctx.date(d))
        .transpose()?;
    input.at = match args.at.as_deref() {
        Some(t) => Some(
            t.parse()
                .map_err(|_| anyhow::anyhow!(said!("visit-time-not-rfc3339", time = t)))?,
        ),
        None => None,
    };
    if let Some(c) = &args.contact {
        input.contact = super::visit_contact::resolve(&store, target, c)?;
    }
    let result = log_visit(&store, &input, ctx.now, &ctx.tz)?;
    if args.json {
        outln!(
            "{}",
            json!({
                "activity_id": result.activity.id.to_string(),
                "contact_id": result.activity.contact_id.map(|c| c.to_string()),
                "account": result.account.name,
                "outcome": result.activity.outcome,
                "next_step": result.activity.next_step.map(|d| d.to_string()),
                "lead_id": result.lead.as_ref().map(|l| l.id.to_string()),
                "status": result.lead.as_ref().map(|l| l.status),
                "opportunity_id": result.opportunity.as_ref().map(|o| o.id.to_string()),
                "stage": result.opportunity.as_ref().map(|o| o.stage),
                "appointment_id": result.appointment.as_ref().map(|a| a.id.to_string()),
                "effects": result.effects,
            })
        );
    } else {
        // English keeps the machine names its receipts have always had (the view's "from
        // another terminal" line and scripts read them); Dutch says the domain's words.
        let lang = ctx.lang()?;
        let dutch = lang == wortel_core::lang::Language::Nl;
        let kind = result.activity.kind;
        let kind = if dutch {
            kind.label(lang)
        } else {
            kind.to_string()
        };
        let account = &result.account.name;
        match result.activity.outcome {
            Some(o) => tell!(
                ctx,
                "visit-logged-outcome",
                kind = kind,
                outcome = if dutch { o.label(lang) } else { o.to_string() },
                account = account
            ),
            None => tell!(ctx, "visit-logged", kind = kind, account = account),
        }
        for e in &result.effects {
            outln!("  {e}");
        }
        if let Some(d) = result.activity.next_step {
            tell!(ctx, "visit-next-step", date = d.to_string());
        }
    }
    Ok(())
}

/// A lead by wortel's id or head office's (HQ-2026-000123).
pub(super) fn lead_id(store: &Store, l: &str) -> Result<LeadId> {
    if let Ok(id) = l.parse::<LeadId>() {
        return Ok(id);
    }
    match store.lead_by_external(l)? {
        Some(lead) => Ok(lead.id),
        None => Err(StoreError::NotFound {
            what: "lead",
            id: l.to_string(),
            list: "leads",
        }
        .into()),
    }
}

fn target(store: &Store, args: &LogVisitArgs) -> Result<VisitTarget> {
    if let Some(l) = &args.lead {
        return Ok(VisitTarget::Lead(lead_id(store, l)?));
    }
    if let Some(a) = &args.account {
        return Ok(VisitTarget::Account(a.parse()?));
    }
    if let Some(o) = &args.opportunity {
        return Ok(VisitTarget::Opportunity(o.parse()?));
    }
    bail!(said!("visit-about-what"))
}
