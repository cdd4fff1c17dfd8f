//! `wortel leads`: the inbox as a listing, for people (a table) and scripts (`--json`).

use super::Context;
use super::json_out::JsonArray;
use super::say::{Arg, counted, headers, say, say_with};
use super::table::{cut, table};
use anyhow::Result;
use serde::Serialize;
use std::collections::HashMap;
use wortel::domain::{Account, AccountId, Channel, Lead, LeadStatus, Tier};
use wortel::search::{Query, rank};
use wortel::store::{LeadOrder, Store};
use wortel_core::lang::Language;

#[derive(Debug, clap::Args)]
pub struct LeadsArgs {
    /// Only leads with these statuses (comma-separated; default: the open ones).
    #[arg(long, value_delimiter = ',', value_name = "STATUS", value_parser = super::values::lead_statuses())]
    pub status: Vec<String>,
    /// Every status, closed ones included.
    #[arg(long, conflicts_with = "status")]
    pub all: bool,
    /// Only these tiers (1 customers, 2 known prospects, 3 unknown prospects).
    #[arg(long, value_delimiter = ',', value_name = "TIER")]
    pub tier: Vec<u8>,
    /// Only leads from this channel.
    #[arg(long, value_name = "CHANNEL", value_parser = super::values::channels())]
    pub channel: Option<String>,
    /// Only new leads past their respond-by deadline.
    #[arg(long)]
    pub overdue: bool,
    /// Fuzzy search over account, city, interest and lead id; best matches first.
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,
    /// At most this many leads (default: 50 in a table, all with --json).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// One JSON array of lead objects, for scripts.
    #[arg(long)]
    pub json: bool,
    /// A triage step instead of the listing.
    #[command(subcommand)]
    pub step: Option<super::leads_triage::LeadsStep>,
}

/// A lead as scripts see it: a stable shape.
#[derive(Serialize)]
struct LeadJson<'a> {
    id: String,
    external_id: Option<&'a str>,
    status: LeadStatus,
    tier: Tier,
    overdue: bool,
    account: &'a str,
    account_id: String,
    city: &'a str,
    score: u8,
    interest: &'a str,
    channel: Channel,
    campaign: &'a str,
    incentive: bool,
    received_at: String,
    respond_by: Option<String>,
    reason: Option<&'a str>,
    snoozed_until: Option<String>,
    opportunity_id: Option<String>,
}

pub fn run(ctx: &Context, args: &LeadsArgs) -> Result<()> {
    if let Some(step) = &args.step {
        return super::leads_triage::run(ctx, step);
    }
    let store = ctx.open_store()?;
    let order = order_for(args)?;
    let channel = args.channel.as_deref().map(Channel::parse).transpose()?;
    let query = args
        .search
        .as_deref()
        .map(Query::new)
        .filter(|q| !q.is_empty());
    let limit = args
        .limit
        .unwrap_or(if args.json { usize::MAX } else { 50 });
    let mut accounts: HashMap<AccountId, Account> = HashMap::new();

    let mut selected: Vec<Lead> = Vec::new();
    let mut matched = 0usize;
    let mut more = false;
    let needs_record = channel.is_some() || args.overdue || query.is_some();
    for id in store.lead_ids_in_order(&order, ctx.now) {
        let id = id?;
        if !needs_record && selected.len() >= limit {
            // Past the page: that more match is all the footer needs to say.
            more = true;
            break;
        }
        let Some(lead) = store.lead(id)? else {
            continue;
        };
        if channel.is_some_and(|c| lead.source.channel != c)
            || (args.overdue && !lead.is_overdue(ctx.now))
        {
            continue;
        }
        matched += 1;
        if query.is_none() && selected.len() >= limit {
            continue;
        }
        account_of(&store, &mut accounts, lead.account_id)?;
        selected.push(lead);
    }
    if let Some(q) = &query {
        let items = selected.into_iter().map(|l| {
            let a = accounts.get(&l.account_id);
            let text = format!(
                "{} {} {} {}",
                a.map_or("", |a| a.name.as_str()),
                a.map_or("", |a| a.address.city.as_str()),
                l.interest,
                l.external_id.as_deref().unwrap_or("")
            );
            (l, text)
        });
        selected = rank(q, items).into_iter().map(|(l, _)| l).collect();
        matched = selected.len();
        selected.truncate(limit);
    }

    if args.json {
        let mut out = JsonArray::start()?;
        for l in &selected {
            out.push(&to_json(l, accounts.get(&l.account_id), ctx))?;
        }
        return out.finish();
    }
    let lang = ctx.lang()?;
    print_table(&selected, &accounts, ctx, lang);
    if more {
        let shown = counted(lang, "leads-count", selected.len());
        outln!(
            "{}",
            say_with(lang, "listing-first-shown", &[("shown", shown.into())])
        );
    } else if matched > selected.len() {
        let total = counted(lang, "leads-count", matched);
        outln!("{}", some_shown(lang, selected.len(), total));
    } else if selected.is_empty() {
        outln!("{}", say(lang, "leads-none"));
    }
    Ok(())
}

/// "… 50 of 7,118 leads shown" in the reader's language.
pub(super) fn some_shown(lang: Language, shown: usize, total: String) -> String {
    say_with(
        lang,
        "listing-some-shown",
        &[("shown", Arg::from(shown)), ("total", total.into())],
    )
}

fn order_for(args: &LeadsArgs) -> Result<LeadOrder> {
    let mut order = if args.all {
        LeadOrder::all()
    } else {
        LeadOrder::inbox()
    };
    if !args.status.is_empty() {
        order.statuses = args
            .status
            .iter()
            .map(|s| LeadStatus::parse(s))
            .collect::<Result<_, _>>()?;
    }
    if args.overdue {
        order.statuses = vec![LeadStatus::New];
    }
    order.tiers = args
        .tier
        .iter()
        .map(|t| {
            Tier::try_from(*t).map_err(|e| {
                anyhow::anyhow!(wortel_core::said!("leads-bad-tier", why = e.to_string()))
            })
        })
        .collect::<Result<_>>()?;
    Ok(order)
}

fn account_of<'a>(
    store: &Store,
    cache: &'a mut HashMap<AccountId, Account>,
    id: AccountId,
) -> Result<Option<&'a Account>> {
    if let std::collections::hash_map::Entry::Vacant(e) = cache.entry(id) {
        if let Some(a) = store.account(id)? {
            e.insert(a);
        }
    }
    Ok(cache.get(&id))
}

fn to_json<'a>(l: &'a Lead, a: Option<&'a Account>, ctx: &Context) -> LeadJson<'a> {
    LeadJson {
        id: l.id.to_string(),
        external_id: l.external_id.as_deref(),
        status: l.status,
        tier: l.tier,
        overdue: l.is_overdue(ctx.now),
        account: a.map_or("", |a| a.name.as_str()),
        account_id: l.account_id.to_string(),
        city: a.map_or("", |a| a.address.city.as_str()),
        score: l.score,
        interest: &l.interest,
        channel: l.source.channel,
        campaign: &l.source.campaign,
        incentive: l.incentive,
        received_at: l.received_at.to_string(),
        respond_by: l.respond_by.map(|t| t.to_string()),
        reason: l.reason.as_deref(),
        snoozed_until: l.snoozed_until.map(|t| t.to_string()),
        opportunity_id: l.opportunity_id.map(|o| o.to_string()),
    }
}

fn print_table(
    leads: &[Lead],
    accounts: &HashMap<AccountId, Account>,
    ctx: &Context,
    lang: Language,
) {
    let mut t = table(&headers(
        lang,
        &[
            "col-tier",
            "col-status",
            "col-account",
            "col-city",
            "col-interest",
            "col-score",
            "col-respond-by",
            "col-source",
            "col-id",
        ],
    ));
    for l in leads {
        let a = accounts.get(&l.account_id);
        let respond = match l.respond_by {
            Some(r) => r
                .to_zoned(ctx.tz.clone())
                .strftime("%d-%m %H:%M")
                .to_string(),
            None => "-".into(),
        };
        let status = if l.is_overdue(ctx.now) {
            say(lang, "status-overdue")
        } else {
            l.status.label(lang)
        };
        t.add_row(vec![
            l.tier.to_string(),
            status,
            cut(a.map_or("?", |a| a.name.as_str()), 30),
            cut(a.map_or("", |a| a.address.city.as_str()), 16),
            cut(&l.interest, 20),
            l.score.to_string(),
            respond,
            l.source.channel.label(lang),
            l.external_id.clone().unwrap_or_else(|| l.id.to_string()),
        ]);
    }
    if !leads.is_empty() {
        outln!("{t}");
    }
}
