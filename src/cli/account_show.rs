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
use wortel_core::said;

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
        bail!(said!("account-no-such-id", id = given));
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
        0 => bail!(said!(
            "account-no-such-name",
            name = given,
            quoted = format!("{given:?}")
        )),
        1 => Ok(candidates.remove(0)),
        n => {
            let listed: Vec<String> = candidates
                .iter()
                .take(LISTED)
                .map(|a| format!("{} ({}, {})", a.name, a.address.city, a.id))
                .collect();
            bail!(said!(
                "account-ambiguous",
                name = given,
                count = n,
                listed = listed.join("; "),
                more = n.saturating_sub(LISTED)
            ))
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
    let lang = ctx.lang()?;
    outln!("{} ({})", a.name, a.lifecycle.label(lang));
    let place = [&a.address.street, &a.address.postcode, &a.address.city]
        .map(|s| s.as_str())
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let fields = [
        (said!("account-address"), place),
        (
            said!("account-kvk"),
            a.kvk.as_deref().unwrap_or("-").to_string(),
        ),
        (said!("account-phone"), a.phone.clone()),
        (said!("account-email"), a.email.clone()),
        (said!("account-owner"), a.owner.clone()),
        (said!("account-id"), a.id.to_string()),
    ];
    let labels: Vec<String> = fields.iter().map(|(label, _)| label.say(lang)).collect();
    // At least as wide as the listing has always been, so its columns stay where scripts cut.
    let width = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(9);
    for (label, (_, value)) in labels.iter().zip(&fields) {
        outln!("  {label:<width$} {value}");
    }
    let section = |heading: said::Said, n: usize| {
        outln!("{}", ctx.said(&heading.arg("count", n)));
    };
    let contacts = store.contacts_of(a.id)?;
    section(said!("account-contacts"), contacts.len());
    for c in &contacts {
        outln!("  {} · {} · {} · {}", c.name, c.role, c.phone, c.email);
    }
    let leads = store.leads_of(a.id)?;
    section(said!("account-leads"), leads.len());
    for l in &leads {
        let id = l.external_id.clone().unwrap_or_else(|| l.id.to_string());
        outln!("  {id} · {} · {}", l.status.label(lang), l.interest);
    }
    let deals = store.opportunities_of(a.id)?;
    section(said!("account-deals"), deals.len());
    for o in &deals {
        outln!("  {} · {} · {}", o.title, o.stage.label(lang), o.value);
    }
    let activities = store.activities_of(a.id, LISTED)?;
    section(said!("account-activities"), activities.len());
    for act in &activities {
        let at = act.at.to_zoned(ctx.tz.clone()).strftime("%Y-%m-%d %H:%M");
        let outcome = act
            .outcome
            .map_or(String::new(), |o| format!(" ({})", o.label(lang)));
        outln!("  {at} · {}{outcome} · {}", act.kind.label(lang), act.note);
    }
    Ok(())
}
