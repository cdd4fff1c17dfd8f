//! `wortel account show ID|NAME [--json]`: one account with its contacts, leads, deals and
//! latest activities. A name must pick one account: an ambiguous one is refused with the
//! candidates listed, so a script never acts on the wrong company.

use super::Context;
use anyhow::{Result, bail};
use serde_json::json;
use wortel::domain::text::normalise_name;
use wortel::domain::{Account, AccountId};
use wortel::search::{PREFIX_RANK, Query, rank};
use wortel::store::Store;

/// How many candidates an ambiguous name lists, and how many activities are shown.
const LISTED: usize = 10;

#[derive(Debug, clap::Subcommand)]
pub enum AccountCommand {
    /// One account with its contacts, leads, deals and latest activities.
    Show {
        /// The account's id, or its name (or the start of each word of it, e.g. "brouwer til").
        #[arg(value_name = "ID|NAME")]
        account: String,
        /// One JSON object, for scripts.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: &AccountCommand) -> Result<()> {
    let AccountCommand::Show { account, json } = cmd;
    let store = ctx.open_store()?;
    let account = find(&store, account)?;
    if *json {
        print_json(&store, &account)
    } else {
        print_text(&store, &account, ctx)
    }
}

/// The one account `given` names: an id, an exact name, or the only account every word of
/// `given` starts a word of.
fn find(store: &Store, given: &str) -> Result<Account> {
    if let Ok(id) = given.parse::<AccountId>() {
        if let Some(a) = store.account(id)? {
            return Ok(a);
        }
        bail!("no account has id {given}; `wortel accounts` lists them");
    }
    let normalised = normalise_name(given);
    let mut exact = store.accounts_by_normalised_name(&normalised)?;
    if exact.len() == 1 {
        if let Some(a) = exact.pop() {
            return Ok(a);
        }
    }
    let mut candidates = exact;
    if candidates.is_empty() {
        let names = store.account_names().collect::<Result<Vec<_>, _>>()?;
        for (id, r) in rank(
            &Query::new(&normalised),
            names.into_iter().map(|(n, id)| (id, n)),
        ) {
            if r < i64::from(PREFIX_RANK) {
                break;
            }
            if let Some(a) = store.account(id)? {
                candidates.push(a);
            }
        }
    }
    match candidates.len() {
        0 => bail!(
            "no account is named `{given}`; `wortel accounts --search {given:?}` finds similar names"
        ),
        1 => Ok(candidates.remove(0)),
        n => {
            let listed: Vec<String> = candidates
                .iter()
                .take(LISTED)
                .map(|a| format!("{} ({}, {})", a.name, a.address.city, a.id))
                .collect();
            let more = if n > LISTED {
                format!(" and {} more", n - LISTED)
            } else {
                String::new()
            };
            bail!(
                "`{given}` names {n} accounts: {}{more}; give one's id or more of its name",
                listed.join("; ")
            )
        }
    }
}

fn print_json(store: &Store, a: &Account) -> Result<()> {
    let value = json!({
        "account": a,
        "contacts": store.contacts_of(a.id)?,
        "leads": store.leads_of(a.id)?,
        "opportunities": store.opportunities_of(a.id)?,
        "activities": store.activities_of(a.id, LISTED)?,
    });
    outln!("{}", serde_json::to_string_pretty(&value)?);
    Ok(())
}

fn print_text(store: &Store, a: &Account, ctx: &Context) -> Result<()> {
    outln!("{} ({})", a.name, a.lifecycle);
    let place = [&a.address.street, &a.address.postcode, &a.address.city]
        .map(|s| s.as_str())
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    outln!("  address   {place}");
    outln!("  kvk       {}", a.kvk.as_deref().unwrap_or("-"));
    outln!("  phone     {}", a.phone);
    outln!("  email     {}", a.email);
    outln!("  owner     {}", a.owner);
    outln!("  id        {}", a.id);
    let contacts = store.contacts_of(a.id)?;
    outln!("contacts ({})", contacts.len());
    for c in &contacts {
        outln!("  {} · {} · {} · {}", c.name, c.role, c.phone, c.email);
    }
    let leads = store.leads_of(a.id)?;
    outln!("leads ({})", leads.len());
    for l in &leads {
        let id = l.external_id.clone().unwrap_or_else(|| l.id.to_string());
        outln!("  {id} · {} · {}", l.status, l.interest);
    }
    let deals = store.opportunities_of(a.id)?;
    outln!("deals ({})", deals.len());
    for o in &deals {
        outln!("  {} · {} · {}", o.title, o.stage, o.value);
    }
    let activities = store.activities_of(a.id, LISTED)?;
    outln!("latest activities ({})", activities.len());
    for act in &activities {
        let at = act.at.to_zoned(ctx.tz.clone()).strftime("%Y-%m-%d %H:%M");
        let outcome = act.outcome.map_or(String::new(), |o| format!(" ({o})"));
        outln!("  {at} · {}{outcome} · {}", act.kind, act.note);
    }
    Ok(())
}
