//! `wortel deal show|edit DEAL_ID`: one deal's fields, and changing them from a script. An edit
//! is one logged write that the next feedback bundle reports.

use super::Context;
use anyhow::Result;
use jiff::civil::Date;
use serde_json::{Value, json};
use wortel::domain::{Cents, DealEdit, Opportunity, OpportunityId};
use wortel::ops::edit_deal;
use wortel::store::{Store, StoreError};
use wortel_core::said;

#[derive(Debug, clap::Subcommand)]
pub enum DealCommand {
    /// Print one deal: stage, value, quantity, product, dates, quote and note.
    Show {
        /// The deal's id (as `wortel funnel --json` lists it).
        #[arg(value_name = "DEAL_ID")]
        id: String,
        /// Print it as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Change an open deal's fields; only those given change (--clear-value, --clear-close
    /// and --clear-next clear one).
    Edit(DealEditArgs),
}

#[derive(Debug, clap::Args)]
pub struct DealEditArgs {
    /// The deal's id.
    #[arg(value_name = "DEAL_ID")]
    pub id: String,
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The deal's value in euros (95000, 95.000 or 95.000,50).
    #[arg(long, value_name = "EUROS", conflicts_with = "clear_value")]
    pub value: Option<String>,
    /// Clear the deal's value: it has no value yet (the forecast counts it apart).
    #[arg(long)]
    pub clear_value: bool,
    /// How many of the product (at least 1).
    #[arg(long, value_name = "N")]
    pub quantity: Option<u32>,
    /// The expected close date (2026-12-15, +30d, fri).
    #[arg(long, value_name = "DATE", conflicts_with = "clear_close")]
    pub close: Option<String>,
    /// Clear the expected close date (the board then counts the deal as closing now).
    #[arg(long)]
    pub clear_close: bool,
    /// The deal's next step (2026-12-01, 4-12, 4 dec, +3d, fri/vr, tomorrow/morgen).
    #[arg(long, value_name = "DATE", conflicts_with = "clear_next")]
    pub next: Option<String>,
    /// Clear the deal's next step.
    #[arg(long)]
    pub clear_next: bool,
    /// What is sold, e.g. "R 450 tractor unit".
    #[arg(long, value_name = "TEXT")]
    pub product: Option<String>,
    /// A note on the deal.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(ctx: &Context, cmd: &DealCommand) -> Result<()> {
    let store = ctx.open_store()?;
    match cmd {
        DealCommand::Show { id, json } => {
            let deal = load(&store, id)?;
            let shown = deal_json(&store, &deal)?;
            if *json {
                outln!("{shown}");
            } else {
                print_deal(ctx, &deal, &shown)?;
            }
        }
        DealCommand::Edit(args) => {
            let id: OpportunityId = args.id.parse()?;
            let edit = edit_of(ctx, args)?;
            let done = edit_deal(&store, id, &edit, ctx.now)?;
            tell!(ctx, "deal-changed", title = &done.deal.title);
            for c in &done.changes {
                outln!("  {c}");
            }
        }
    }
    Ok(())
}

/// The edit the flags ask for; `--clear-…` clears a field, an empty `--value ""` or
/// `--close ""` is refused with the flag that clears it.
fn edit_of(ctx: &Context, args: &DealEditArgs) -> Result<DealEdit> {
    let empty = |given: &Option<String>, flag: &str, clear: &str| {
        if given.as_deref().is_some_and(|v| v.trim().is_empty()) {
            anyhow::bail!(said!("deal-flag-empty", flag = flag, clear = clear));
        }
        Ok(())
    };
    empty(&args.value, "value", "clear-value")?;
    empty(&args.close, "close", "clear-close")?;
    empty(&args.next, "next", "clear-next")?;
    let date = |d: &Option<String>, clear: bool| -> Result<Option<Option<Date>>> {
        if clear {
            return Ok(Some(None));
        }
        Ok(d.as_deref().map(|d| ctx.date(d)).transpose()?.map(Some))
    };
    let value = match (&args.value, args.clear_value) {
        (_, true) => Some(None),
        (Some(v), false) => Some(Some(Cents::parse(v)?)),
        (None, false) => None,
    };
    Ok(DealEdit {
        title: args.title.clone(),
        product: args.product.clone(),
        quantity: args.quantity,
        value,
        expected_close: date(&args.close, args.clear_close)?,
        next_step: date(&args.next, args.clear_next)?,
        note: args.note.clone(),
    })
}

fn load(store: &Store, id: &str) -> Result<Opportunity> {
    let oid: OpportunityId = id.parse()?;
    Ok(store
        .opportunity(oid)?
        .ok_or_else(|| StoreError::NotFound {
            what: "opportunity",
            id: id.to_string(),
            list: "funnel",
        })?)
}

/// The deal as scripts see it; `value_cents` 0 means the deal has no value yet.
fn deal_json(store: &Store, d: &Opportunity) -> Result<Value> {
    let account = store.account(d.account_id)?.map(|a| a.name);
    Ok(json!({
        "id": d.id.to_string(),
        "account_id": d.account_id.to_string(),
        "account": account,
        "lead_id": d.lead_id.map(|l| l.to_string()),
        "title": d.title,
        "product": d.details.product,
        "quantity": d.details.quantity,
        "stage": d.stage,
        "value_cents": d.value.0,
        "weighted_cents": d.weighted_value().0,
        "expected_close": d.expected_close.map(|x| x.to_string()),
        "next_step": d.details.next_step.map(|x| x.to_string()),
        "note": d.details.note,
        "quote_value_cents": d.details.quote_value.map(|v| v.0),
        "quote_valid_until": d.details.quote_valid_until.map(|x| x.to_string()),
        "lost_reason": d.lost_reason,
        "incentive": d.incentive,
    }))
}

fn print_deal(ctx: &Context, d: &Opportunity, shown: &Value) -> Result<()> {
    let lang = ctx.lang()?;
    let text = |k: &str| shown[k].as_str().unwrap_or("—").to_string();
    // Money is written the Dutch way in every listing (the funnel's too): € 285.000,00.
    let money = |c: Cents| c.to_string();
    let value = if d.value.0 > 0 {
        money(d.value)
    } else {
        ctx.said(&said!("deal-no-value"))
    };
    outln!(
        "{}  ({}, {})",
        d.title,
        text("account"),
        d.stage.label(lang)
    );
    let mut rows = vec![
        (said!("deal-value"), value),
        (said!("deal-quantity"), d.details.quantity.to_string()),
        (
            said!("deal-product"),
            or_dash(&d.details.product).to_string(),
        ),
        (said!("deal-expected-close"), text("expected_close")),
        (said!("deal-next-step"), text("next_step")),
    ];
    if let Some(q) = d.details.quote_value {
        let until = text("quote_valid_until");
        let quote = said!("deal-quote-valid-until", quote = money(q), until = until);
        rows.push((said!("deal-quote"), ctx.said(&quote)));
    }
    rows.push((said!("deal-note"), or_dash(&d.details.note).to_string()));
    let labels: Vec<String> = rows
        .iter()
        .map(|(label, _)| ctx.said(label) + ":")
        .collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (label, (_, value)) in labels.iter().zip(&rows) {
        outln!("  {label:<width$} {value}");
    }
    Ok(())
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "—" } else { s }
}
