//! `wortel funnel`: per-stage counts, values, weighted values, forecast and win rate.

use super::Context;
use super::json_out::JsonArray;
use super::say::{Arg, counted, headers, say, say_with};
use super::table::table;
use anyhow::Result;
use serde::Serialize;
use std::collections::HashMap;
use wortel::domain::board::{DealFilter, DealSource, Period, board_summary, on_board};
use wortel::domain::{AccountId, Opportunity, Stage};
use wortel::ops::load_deals;

#[derive(Debug, clap::Args)]
pub struct FunnelArgs {
    /// Only these stages (comma-separated) in the --json listing.
    #[arg(long, value_delimiter = ',', value_name = "STAGE")]
    pub stage: Vec<String>,
    /// The period the deals are counted for: open deals expected to close in it (undated ones
    /// count in the current period), won and lost ones closed in it: 2026-11, 2026-Q4, 2026 or
    /// all. Default: the current quarter, as the board.
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Only deals of this owner.
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only deals from head-office leads (head-office) or the dealer's own (own).
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    /// Only open deals expected to close in this month (2026-12); the period is that month
    /// unless --period says otherwise.
    #[arg(long, value_name = "MONTH")]
    pub close: Option<String>,
    /// With --json: print the totals object instead of the list of opportunities.
    #[arg(long)]
    pub totals: bool,
    /// One JSON array of opportunities (or, with --totals, one totals object), for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct OppJson<'a> {
    id: String,
    stage: Stage,
    account: &'a str,
    account_id: String,
    title: &'a str,
    value_cents: i64,
    weighted_cents: i64,
    stage_entered_at: String,
    expected_close: Option<String>,
    lost_reason: Option<&'a str>,
    incentive: bool,
    lead_id: Option<String>,
    quantity: u32,
    product: &'a str,
    next_step: Option<String>,
    quote_value_cents: Option<i64>,
    quote_valid_until: Option<String>,
}

pub fn run(ctx: &Context, args: &FunnelArgs) -> Result<()> {
    let store = ctx.open_store()?;
    let stages: Vec<Stage> = if args.stage.is_empty() {
        Stage::ALL.to_vec()
    } else {
        args.stage
            .iter()
            .map(|s| Stage::parse(s))
            .collect::<Result<_, _>>()?
    };
    let today = ctx.today();
    let close_month = match args.close.as_deref() {
        None => None,
        Some(m) => match Period::parse(m)? {
            Period::Month { year, month } => Some((year, month)),
            _ => anyhow::bail!(wortel_core::said!("funnel-close-not-a-month", close = m)),
        },
    };
    // Without --period: the month --close names, else the current quarter (as the board).
    let period = match (&args.period, close_month) {
        (Some(p), _) => Period::parse(p)?,
        (None, Some((year, month))) => Period::Month { year, month },
        (None, None) => Period::quarter_of(today),
    };
    let filter = DealFilter {
        owner: args.owner.clone(),
        source: args.source.as_deref().map(DealSource::parse).transpose()?,
        close_month,
    };
    let deals = load_deals(&store)?;
    let summary = board_summary(&deals, &filter, period, today, &ctx.tz);
    let opps: Vec<&Opportunity> = deals
        .iter()
        .filter(|d| on_board(d, &filter, period, today, &ctx.tz))
        .map(|d| &d.opportunity)
        .collect();

    if args.json && args.totals {
        outln!("{}", serde_json::to_string(&summary)?);
        return Ok(());
    }
    if args.json {
        let mut names: HashMap<AccountId, String> = HashMap::new();
        let mut out = JsonArray::start()?;
        for o in opps.iter().filter(|o| stages.contains(&o.stage)) {
            if let std::collections::hash_map::Entry::Vacant(e) = names.entry(o.account_id) {
                e.insert(
                    store
                        .account(o.account_id)?
                        .map(|a| a.name)
                        .unwrap_or_default(),
                );
            }
            out.push(&OppJson {
                id: o.id.to_string(),
                stage: o.stage,
                account: names.get(&o.account_id).map_or("", String::as_str),
                account_id: o.account_id.to_string(),
                title: &o.title,
                value_cents: o.value.0,
                weighted_cents: o.weighted_value().0,
                stage_entered_at: o.stage_entered_at.to_string(),
                expected_close: o.expected_close.map(|d| d.to_string()),
                lost_reason: o.lost_reason.as_deref(),
                incentive: o.incentive,
                lead_id: o.lead_id.map(|l| l.to_string()),
                quantity: o.details.quantity,
                product: &o.details.product,
                next_step: o.details.next_step.map(|d| d.to_string()),
                quote_value_cents: o.details.quote_value.map(|v| v.0),
                quote_valid_until: o.details.quote_valid_until.map(|d| d.to_string()),
            })?;
        }
        return out.finish();
    }

    let lang = ctx.lang()?;
    let mut t = table(&headers(
        lang,
        &[
            "col-stage",
            "col-probability",
            "col-deals",
            "col-value",
            "col-weighted",
        ],
    ));
    for s in &summary.stages {
        let percent = Arg::from(s.stage.probability());
        t.add_row(vec![
            s.stage.label(lang),
            say_with(lang, "funnel-percent", &[("percent", percent)]),
            say_with(lang, "funnel-count", &[("count", Arg::from(s.count))]),
            s.value.to_string(),
            s.weighted.to_string(),
        ]);
    }
    outln!("{t}");
    if lang == wortel_core::lang::Language::En {
        let headline = summary.headline(&period.to_string());
        tell!(ctx, "funnel-headline", headline = headline);
        outln!("{}", summary.won_line(&period.to_string()));
    } else {
        // The Dutch lines leave out what counts as closing now.
        outln!("{}", forecast_line(lang, &summary, &period.to_string()));
        outln!("{}", won_line(lang, &summary, &period.to_string()));
    }
    match summary.win_rate {
        Some(w) => outln!(
            "{}",
            say_with(lang, "funnel-win-rate", &[("percent", Arg::from(w))])
        ),
        None => outln!("{}", say(lang, "funnel-no-win-rate")),
    }
    Ok(())
}

/// What the forecast sums, as the board's headline says it, in the reader's language.
fn forecast_line(
    lang: wortel_core::lang::Language,
    summary: &wortel::domain::funnel::FunnelSummary,
    period: &str,
) -> String {
    let scope = if period == "all" {
        say(lang, "funnel-scope-all")
    } else {
        say_with(lang, "funnel-scope-period", &[("period", period.into())])
    };
    say_with(
        lang,
        "funnel-forecast",
        &[
            ("scope", scope.into()),
            ("weighted", summary.forecast.to_string().into()),
            (
                "deals",
                counted(lang, "deals-count", summary.forecast_deals).into(),
            ),
            ("without", Arg::from(summary.forecast_without_value)),
        ],
    )
}

/// What was won in the period, in the reader's language: "gewonnen in 2026-Q4: € … uit 1 deal".
fn won_line(
    lang: wortel_core::lang::Language,
    summary: &wortel::domain::funnel::FunnelSummary,
    period: &str,
) -> String {
    let (count, value) = summary.won();
    let scope = if period == "all" {
        say(lang, "funnel-won-scope-all")
    } else {
        say_with(
            lang,
            "funnel-won-scope-period",
            &[("period", period.into())],
        )
    };
    say_with(
        lang,
        "funnel-won",
        &[
            ("scope", scope.into()),
            ("value", value.to_string().into()),
            ("deals", counted(lang, "deals-count", count).into()),
        ],
    )
}
