//! `wortel-hq programme run [NAME] [--dry-run]`: every new cause becomes a lead in the pool,
//! unrouted, with the programme's campaign; the cause is recorded with the store whose
//! feedback showed it, and `route` sends the lead to that store's dealer. A company that already
//! has a lead for the same interest in the pool gets no second one: the cause is recorded
//! against that lead. All of one run is one transaction (`--dry-run`: rolled back).

use super::causes::{Cause, find};
use super::{Programme, list};
use crate::db::Db;
use crate::intake::{cleaned, find_existing, insert_lead, kvk_key, name_key, postcode_key};
use anyhow::{Result, bail};
use jiff::Timestamp;
use serde::Serialize;
use wortel_core::bundle::leads::{AccountIn, AddressIn, LeadIn, SourceIn};
use wortel_core::domain::Channel;

/// One cause a run acted on (or, dry, would act on).
#[derive(Debug, Serialize)]
pub struct Made {
    pub programme: String,
    pub cause: String,
    pub lead_id: String,
    /// False when the pool already held a lead for it (`lead_id` is that lead).
    pub new_lead: bool,
    pub dealer: String,
    pub store: String,
    pub account: String,
    pub interest: String,
    pub why: String,
}

/// Runs `only` (or every programme) at `now`; the caller's transaction makes it all or nothing.
pub fn run(db: &Db, only: Option<&str>, now: Timestamp) -> Result<Vec<Made>> {
    let programmes: Vec<Programme> = list(db)?
        .into_iter()
        .filter(|p| only.is_none_or(|n| n == p.name))
        .collect();
    if let (Some(name), true) = (only, programmes.is_empty()) {
        bail!(
            "there is no programme {}; `wortel-hq programme list` shows them",
            wortel_core::bundle::printable(name)
        );
    }
    let today = now.to_zoned(jiff::tz::TimeZone::system()).date();
    let mut made = Vec::new();
    for p in &programmes {
        let mut number = numbers_taken(db, &p.name)?;
        for cause in find(db, p, today)? {
            if recorded(db, &cause.key)? {
                continue;
            }
            number += 1;
            made.push(make(db, p, cause, number, now)?);
        }
    }
    Ok(made)
}

fn recorded(db: &Db, key: &str) -> Result<bool> {
    Ok(!db
        .rows(
            "SELECT lead_id FROM programme_leads WHERE cause = $1",
            &[key.into()],
        )?
        .is_empty())
}

/// The lead for one cause (or the pool's lead that already covers it), and the cause recorded.
fn make(db: &Db, p: &Programme, c: Cause, number: i64, now: Timestamp) -> Result<Made> {
    let id = format!("PRG-{}-{number:06}", p.name.to_uppercase());
    let lead = cleaned(&lead(p, &c, &id, now));
    let existing = find_existing(
        db,
        &id,
        kvk_key(lead.account.kvk.as_deref()).as_deref(),
        &name_key(&lead.account.name),
        &postcode_key(&lead.account.address.postcode),
        &lead.interest,
    )?;
    let lead_id = match &existing {
        Some(other) => other.clone(),
        None => {
            insert_lead(db, &lead, now)?;
            id
        }
    };
    db.exec(
        "INSERT INTO programme_leads (cause, programme, lead_id, recipient, dealer_id, made_at) VALUES ($1, $2, $3, $4, $5, $6)",
        &[(&c.key).into(), (&p.name).into(), (&lead_id).into(), (&c.store).into(), (&c.dealer).into(), now.to_string().into()],
    )?;
    Ok(Made {
        programme: p.name.clone(),
        cause: c.key,
        lead_id,
        new_lead: existing.is_none(),
        dealer: c.dealer,
        store: c.store,
        account: c.company.name,
        interest: lead.interest,
        why: c.why,
    })
}

/// How many causes the programme has recorded: its leads are `PRG-NAME-000001` on from there
/// (each cause takes a number, also one covered by a lead already in the pool).
fn numbers_taken(db: &Db, programme: &str) -> Result<i64> {
    Ok(db
        .rows(
            "SELECT COUNT(*) FROM programme_leads WHERE programme = $1",
            &[programme.into()],
        )?
        .first()
        .map_or(0, |r| r.int(0)))
}

fn lead(p: &Programme, c: &Cause, id: &str, now: Timestamp) -> LeadIn {
    LeadIn {
        id: id.to_string(),
        received_at: now,
        respond_by: None,
        source: SourceIn {
            channel: Channel::DataMining,
            campaign: p.campaign.clone(),
        },
        score: c.score,
        interest: c.interest.clone(),
        signals: c.signals.clone(),
        incentive: false,
        account: AccountIn {
            name: c.company.name.clone(),
            kind: Some(c.company.kind.clone()),
            kvk: c.company.kvk.clone(),
            address: AddressIn {
                postcode: c.company.postcode.clone(),
                city: c.company.city.clone(),
                ..AddressIn::default()
            },
            phone: String::new(),
            email: String::new(),
            lifecycle: wortel_core::domain::Lifecycle::parse(&c.company.lifecycle).ok(),
        },
        contact: None,
        notes: c.notes.clone(),
    }
}

/// Prints a run for a person.
pub fn print(made: &[Made], dry_run: bool) {
    for m in made {
        let verb = match (dry_run, m.new_lead) {
            (true, true) => "would make",
            (false, true) => "made",
            (true, false) => "would count as covered by",
            (false, false) => "covered by",
        };
        println!(
            "{}: {verb} {} for {} ({}): {}",
            m.programme, m.lead_id, m.account, m.store, m.why
        );
    }
    let new = made.iter().filter(|m| m.new_lead).count();
    let tail = if dry_run {
        " (dry run: nothing changed)"
    } else {
        "; `wortel-hq route` sends them to their dealers"
    };
    println!(
        "{} {}{tail}",
        wortel_core::plural::counted(new, "new lead", "new leads"),
        if dry_run { "would be made" } else { "made" }
    );
}
