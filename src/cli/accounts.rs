//! `wortel accounts`: accounts by name, with fuzzy search over names.

use super::Context;
use super::json_out::JsonArray;
use super::say::{counted, headers, say};
use super::table::{cut, table};
use anyhow::Result;
use serde::Serialize;
use wortel::domain::text::normalise_name;
use wortel::domain::{Account, Lifecycle};
use wortel::search::{Query, rank};

#[derive(Debug, clap::Args)]
pub struct AccountsArgs {
    /// Search over account names, ranked as fzf ranks: whole words, then word starts, then
    /// the rest (loose matches only when no name has every word).
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,
    /// Only accounts in this lifecycle (prospect, customer, ex-customer).
    #[arg(long, value_name = "LIFECYCLE", value_parser = super::values::lifecycles())]
    pub lifecycle: Option<String>,
    /// At most this many accounts (default: 50 in a table, all with --json).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only accounts due or overdue for a visit by their tier's cadence (`[cadence]` in
    /// config.toml), most overdue first within each tier.
    #[arg(long, conflicts_with_all = ["search", "lifecycle"])]
    pub due_visit: bool,
    /// One JSON array of account objects, for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct AccountJson<'a> {
    id: String,
    name: &'a str,
    lifecycle: Lifecycle,
    kvk: Option<&'a str>,
    street: &'a str,
    postcode: &'a str,
    city: &'a str,
    phone: &'a str,
    email: &'a str,
    segment: &'a str,
    owner: &'a str,
    origin: wortel::domain::Origin,
    /// When a person last logged a visit, call, e-mail, meeting or note here.
    last_activity_at: Option<String>,
}

pub fn run(ctx: &Context, args: &AccountsArgs) -> Result<()> {
    if args.due_visit {
        return super::accounts_due::run(ctx, args.json, args.limit);
    }
    let store = ctx.open_store()?;
    let lifecycle = args
        .lifecycle
        .as_deref()
        .map(Lifecycle::parse)
        .transpose()?;
    let limit = args
        .limit
        .unwrap_or(if args.json { usize::MAX } else { 50 });
    // The index holds normalised names, so the query is normalised the same way.
    let query = args
        .search
        .as_deref()
        .map(|q| Query::new(&normalise_name(q)))
        .filter(|q| !q.is_empty());

    // Names come from the index, so a search decodes only the accounts it shows.
    let ids: Vec<wortel::domain::AccountId> = match &query {
        Some(q) => {
            let names = store.account_names().collect::<Result<Vec<_>, _>>()?;
            rank(q, names.into_iter().map(|(n, id)| (id, n)))
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        }
        None => store
            .account_names()
            .map(|r| r.map(|(_, id)| id))
            .collect::<Result<_, _>>()?,
    };
    let total_candidates = ids.len();
    let mut shown: Vec<Account> = Vec::new();
    let mut matched = 0usize;
    for id in ids {
        if lifecycle.is_none() && shown.len() >= limit {
            matched = total_candidates;
            break;
        }
        let Some(a) = store.account(id)? else {
            continue;
        };
        if lifecycle.is_some_and(|l| a.lifecycle != l) {
            continue;
        }
        matched += 1;
        if shown.len() < limit {
            shown.push(a);
        }
    }

    if args.json {
        let mut out = JsonArray::start()?;
        for a in &shown {
            out.push(&AccountJson {
                id: a.id.to_string(),
                name: &a.name,
                lifecycle: a.lifecycle,
                kvk: a.kvk.as_deref(),
                street: &a.address.street,
                postcode: &a.address.postcode,
                city: &a.address.city,
                phone: &a.phone,
                email: &a.email,
                segment: &a.segment,
                owner: &a.owner,
                origin: a.origin,
                last_activity_at: a.last_activity_at.map(|t| t.to_string()),
            })?;
        }
        return out.finish();
    }
    let lang = ctx.lang()?;
    let mut t = table(&headers(
        lang,
        &[
            "col-name",
            "col-lifecycle",
            "col-city",
            "col-kvk",
            "col-phone",
            "col-owner",
            "col-id",
        ],
    ));
    for a in &shown {
        t.add_row(vec![
            cut(&a.name, 36),
            a.lifecycle.label(lang),
            cut(&a.address.city, 18),
            a.kvk.clone().unwrap_or_default(),
            a.phone.clone(),
            cut(&a.owner, 16),
            a.id.to_string(),
        ]);
    }
    if shown.is_empty() {
        outln!("{}", say(lang, "accounts-none"));
    } else {
        outln!("{t}");
    }
    if matched > shown.len() {
        let total = counted(lang, "accounts-count", matched);
        outln!("{}", super::leads::some_shown(lang, shown.len(), total));
    }
    Ok(())
}
