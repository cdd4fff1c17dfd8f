//! `wortel leads due-replacements [--months 6] [--create] [--json]`: the installed base's
//! products due for replacement, for a store without head office (the rule of head office's
//! `replacement` programme, `wortel::ops::due_replacements`). `--create` makes a dealer lead for
//! each one no lead covers yet, in one write; a lead head office sent for the same product and
//! date covers it.

use super::Context;
use super::json_out::JsonArray;
use super::say::headers;
use super::table::table;
use anyhow::{Result, bail};
use wortel::ops::{DueReplacement, create_replacement_leads, due_replacements};
use wortel_core::said;

#[derive(Debug, clap::Args)]
pub struct DueArgs {
    /// Replacement dates up to this many months ahead (overdue ones too).
    #[arg(long, default_value_t = 6, value_name = "N")]
    pub months: i64,
    /// Make a lead for each replacement no lead covers yet.
    #[arg(long)]
    pub create: bool,
    /// One JSON array, for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct DueJson<'a> {
    account: &'a str,
    account_id: String,
    product: &'a str,
    purchased_on: String,
    replace_by: String,
    /// The lead that covers it: one that existed, or the one `--create` made.
    lead_id: Option<String>,
    created: bool,
}

pub fn run(ctx: &Context, args: &DueArgs) -> Result<()> {
    if !(0..=120).contains(&args.months) {
        bail!(said!(
            "replacements-months",
            months = args.months.to_string()
        ));
    }
    let store = ctx.open_store()?;
    let today = ctx.now.to_zoned(ctx.tz.clone()).date();
    let due = due_replacements(&store, args.months, today)?;
    let made = if args.create {
        create_replacement_leads(&store, &due, ctx.now)?.0
    } else {
        Vec::new()
    };
    let mut made_ids = made.iter().map(|l| l.id.to_string());
    let rows: Vec<(&DueReplacement, Option<String>, bool)> = due
        .iter()
        .map(|d| match &d.covered_by {
            Some(id) => (d, Some(id.clone()), false),
            None => {
                let id = made_ids.next();
                let created = id.is_some();
                (d, id, created)
            }
        })
        .collect();
    if args.json {
        let mut out = JsonArray::start()?;
        for (d, lead_id, created) in &rows {
            out.push(&DueJson {
                account: &d.account,
                account_id: d.account_id.to_string(),
                product: &d.product,
                purchased_on: d.purchased_on.to_string(),
                replace_by: d.replace_by.to_string(),
                lead_id: lead_id.clone(),
                created: *created,
            })?;
        }
        return out.finish();
    }
    print(ctx, &rows, args, made.len())
}

fn print(
    ctx: &Context,
    rows: &[(&DueReplacement, Option<String>, bool)],
    args: &DueArgs,
    made: usize,
) -> Result<()> {
    if rows.is_empty() {
        tell!(ctx, "replacements-none", months = args.months);
        return Ok(());
    }
    let cols = headers(
        ctx.lang()?,
        &["col-replace-by", "col-account", "col-product", "col-lead"],
    );
    let mut t = table(&cols.iter().map(String::as_str).collect::<Vec<_>>());
    for (d, lead, created) in rows {
        let lead = match (lead, created) {
            (Some(id), true) => ctx.said(&said!("replacements-new-lead", lead = id)),
            (Some(id), false) => id.clone(),
            (None, _) => "-".into(),
        };
        t.add_row(vec![
            d.replace_by.to_string(),
            d.account.clone(),
            d.product.clone(),
            lead,
        ]);
    }
    outln!("{t}");
    let open = rows.iter().filter(|r| r.1.is_none()).count();
    if args.create {
        tell!(ctx, "replacements-made", count = made);
    } else if open > 0 {
        tell!(ctx, "replacements-open", count = open);
    }
    Ok(())
}
