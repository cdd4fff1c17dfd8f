//! Erasure across the network (issue 19): a person erased at one store (the tombstone in its
//! feedback's `erasures.ndjson`), or named to `wortel-hq privacy erase`, is erased from head
//! office's database: the lead pool, the feedback records, the outbox and the free-text reasons
//! lose their name, e-mail and phone; leads, counts and values stay, anonymous. Every other
//! store that was sent a lead for the person gets the same request (lead ids only, so the
//! request itself keeps no personal data) with the next `send`. A request is done once.

pub mod scrub;

use crate::db::{Db, Val};
use crate::intake::name_key;
use anyhow::{Result, bail};
use jiff::Timestamp;
use scrub::{ERASED, Person, Terms, scrub};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use wortel_core::bundle::erasures::ErasureIn;

/// One erasure done at head office.
#[derive(Debug, Serialize)]
pub struct Erased {
    pub request_id: String,
    /// Head office's leads that named the person (kept, anonymous).
    pub lead_ids: Vec<String>,
    /// Records rewritten without the person.
    pub records: usize,
    /// Stores the request is queued for, carried by the next `send`.
    pub queued_for: Vec<String>,
}

/// A lead of the pool with the people it names.
struct PoolLead {
    id: String,
    record: Value,
    people: Vec<Person>,
}

/// Where a request came from: head office's desk, or a store that erased the person itself
/// (which is not asked again for the leads it reported).
struct Request<'a> {
    id: String,
    requested_at: jiff::civil::Date,
    origin: Option<(&'a str, &'a [String])>,
}

/// `wortel-hq privacy erase PERSON`: `None` when nobody in the database answers to `query`.
pub fn erase_by_query(db: &mut Db, query: &str, now: Timestamp) -> Result<Option<Erased>> {
    db.in_tx_locking(Some("erasures"), |db| {
        let pool = pool(db)?;
        let seeds = pool
            .iter()
            .flat_map(|l| l.people.iter().filter(|p| p.answers_to(query)).cloned())
            .collect();
        let groups = clusters(seeds);
        if groups.len() > 1 {
            bail!(
                "\"{}\" names {} different people in head office's database ({}); erase one by e-mail address or phone number",
                wortel_core::bundle::printable(query),
                groups.len(),
                candidates(&pool, &groups)
            );
        }
        let Some(people) = groups.into_iter().next() else {
            return Ok(None);
        };
        let lead_ids = leads_of(&pool, &people);
        let request = Request {
            id: next_request_id(db)?,
            requested_at: utc_date(now),
            origin: None,
        };
        erase(db, &pool, &people, &lead_ids, &request, now).map(Some)
    })
}

/// A store's tombstone, inside its feedback's transaction: `None` when it names no head-office
/// lead or was done before (or is head office's own request, done).
pub fn erase_reported(
    db: &Db,
    store: &str,
    contact_id: &str,
    reported: &[String],
    at: Timestamp,
    now: Timestamp,
) -> Result<Option<Erased>> {
    let id = format!("ERASE-{store}-{contact_id}");
    if reported.is_empty() || done_before(db, &id)? {
        return Ok(None);
    }
    let pool = pool(db)?;
    let seeds = pool
        .iter()
        .filter(|l| reported.contains(&l.id))
        .flat_map(|l| l.people.clone())
        .collect();
    let people: Vec<Person> = clusters(seeds).into_iter().flatten().collect();
    let mut lead_ids = leads_of(&pool, &people);
    lead_ids.extend(reported.iter().cloned());
    let request = Request {
        id,
        requested_at: utc_date(at),
        origin: Some((store, reported)),
    };
    erase(db, &pool, &people, &lead_ids, &request, now).map(Some)
}

/// Whether head office recorded the request `id` as done.
pub fn done_before(db: &Db, id: &str) -> Result<bool> {
    Ok(!db
        .rows(
            "SELECT request_id FROM erasures WHERE request_id = $1",
            &[id.into()],
        )?
        .is_empty())
}

fn erase(
    db: &Db,
    pool: &[PoolLead],
    people: &[Person],
    lead_ids: &BTreeSet<String>,
    request: &Request,
    now: Timestamp,
) -> Result<Erased> {
    let terms = Terms::of(people);
    let mut records = 0;
    for l in pool {
        let mut record = l.record.clone();
        if scrub(&mut record, &terms) {
            let name = record["account"]["name"].as_str().unwrap_or(ERASED);
            db.exec(
                "UPDATE leads SET record = $1, name_key = $2 WHERE id = $3",
                &[
                    record.to_string().into(),
                    name_key(name).into(),
                    (&l.id).into(),
                ],
            )?;
            records += 1;
        }
    }
    records += scrub_feedback(db, &terms)?;
    records += scrub_outbox(db, &terms)?;
    records += scrub_reasons(db, people, &terms)?;
    let queued_for = queue(db, lead_ids, request, now)?;
    let lead_ids: Vec<String> = lead_ids.iter().cloned().collect();
    db.exec(
        "INSERT INTO erasures (request_id, requested_at, source, lead_ids, done_at) VALUES ($1, $2, $3, $4, $5)",
        &[(&request.id).into(), request.requested_at.to_string().into(), request.origin.map_or("head office", |o| o.0).into(), serde_json::to_string(&lead_ids)?.into(), now.to_string().into()],
    )?;
    Ok(Erased {
        request_id: request.id.clone(),
        lead_ids,
        records,
        queued_for,
    })
}

fn pool(db: &Db) -> Result<Vec<PoolLead>> {
    Ok(db
        .rows("SELECT id, record FROM leads ORDER BY id", &[])?
        .into_iter()
        .filter_map(|r| {
            let record: Value = serde_json::from_str(&r.text(1)).ok()?;
            let people = Person::of_lead(&record);
            Some(PoolLead {
                id: r.text(0),
                record,
                people,
            })
        })
        .collect())
}

/// The people found, grouped into persons: the same e-mail address or phone number is one
/// person; someone known only by name is one person per name.
fn clusters(seeds: Vec<Person>) -> Vec<Vec<Person>> {
    let mut groups: Vec<Vec<Person>> = Vec::new();
    for p in seeds {
        let same = |q: &Person| {
            (p.email_key().is_some() && p.email_key() == q.email_key())
                || (p.phone_key().is_some() && p.phone_key() == q.phone_key())
                || (p.email_key().is_none()
                    && p.phone_key().is_none()
                    && q.email_key().is_none()
                    && q.phone_key().is_none()
                    && p.name_key() == q.name_key())
        };
        let (mut joined, rest): (Vec<_>, Vec<_>) =
            groups.into_iter().partition(|g| g.iter().any(same));
        let mut merged: Vec<Person> = joined.drain(..).flatten().collect();
        merged.push(p);
        merged.sort();
        merged.dedup();
        groups = rest;
        groups.push(merged);
    }
    groups
}

/// Every lead that names one of `people` by e-mail or phone, or names exactly one of them.
fn leads_of(pool: &[PoolLead], people: &[Person]) -> BTreeSet<String> {
    let emails: BTreeSet<String> = people.iter().filter_map(Person::email_key).collect();
    let phones: BTreeSet<String> = people.iter().filter_map(Person::phone_key).collect();
    pool.iter()
        .filter(|l| {
            l.people.iter().any(|p| {
                people.contains(p)
                    || p.email_key().is_some_and(|e| emails.contains(&e))
                    || p.phone_key().is_some_and(|t| phones.contains(&t))
            })
        })
        .map(|l| l.id.clone())
        .collect()
}

/// The candidates of an ambiguous name, each with its leads.
fn candidates(pool: &[PoolLead], groups: &[Vec<Person>]) -> String {
    groups
        .iter()
        .map(|g| {
            let p = &g[0];
            let leads: Vec<String> = leads_of(pool, g).into_iter().collect();
            let mut who = p.name.clone();
            for detail in [&p.email, &p.phone].into_iter().filter(|d| !d.is_empty()) {
                who.push_str(&format!(" {detail}"));
            }
            format!("{} on {}", who.trim(), leads.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Feedback records that mention the people, rewritten.
fn scrub_feedback(db: &Db, terms: &Terms) -> Result<usize> {
    let mut found = BTreeMap::new();
    for word in &terms.words {
        for r in db.rows(
            "SELECT recipient, sequence, file, line, record FROM feedback_records WHERE LOWER(record) LIKE $1",
            &[format!("%{word}%").into()],
        )? {
            found.insert((r.text(0), r.int(1), r.text(2), r.int(3)), r.text(4));
        }
    }
    let mut n = 0;
    for ((recipient, sequence, file, line), text) in found {
        if let Some(text) = scrubbed(&text, terms) {
            db.exec(
                "UPDATE feedback_records SET record = $1 WHERE recipient = $2 AND sequence = $3 AND file = $4 AND line = $5",
                &[text.into(), recipient.into(), sequence.into(), file.into(), line.into()],
            )?;
            n += 1;
        }
    }
    Ok(n)
}

/// Bundles queued or sent (their payloads are kept), rewritten.
fn scrub_outbox(db: &Db, terms: &Terms) -> Result<usize> {
    let mut found = BTreeMap::new();
    for word in &terms.words {
        for r in db.rows(
            "SELECT recipient, kind, item_id, payload FROM outbox WHERE LOWER(payload) LIKE $1",
            &[format!("%{word}%").into()],
        )? {
            found.insert((r.text(0), r.text(1), r.text(2)), r.text(3));
        }
    }
    let mut n = 0;
    for ((recipient, kind, item), text) in found {
        if let Some(text) = scrubbed(&text, terms) {
            db.exec(
                "UPDATE outbox SET payload = $1 WHERE recipient = $2 AND kind = $3 AND item_id = $4",
                &[text.into(), recipient.into(), kind.into(), item.into()],
            )?;
            n += 1;
        }
    }
    Ok(n)
}

/// One stored JSON line without the people, or `None` when it did not name them.
fn scrubbed(text: &str, terms: &Terms) -> Option<String> {
    let mut v = serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.into()));
    if !scrub(&mut v, terms) {
        return None;
    }
    Some(match v {
        Value::String(s) => s,
        other => other.to_string(),
    })
}

/// Free-text reasons that name them, and the name keys of dealers' accounts that are them.
fn scrub_reasons(db: &Db, people: &[Person], terms: &Terms) -> Result<usize> {
    let mut n = 0;
    for word in &terms.words {
        let like: Val = format!("%{word}%").into();
        for sql in [
            "UPDATE deal_changes SET lost_reason = $1 WHERE LOWER(lost_reason) LIKE $2",
            "UPDATE lead_updates SET reason = $1 WHERE LOWER(reason) LIKE $2",
            "UPDATE leads SET reported_reason = $1 WHERE LOWER(reported_reason) LIKE $2",
        ] {
            n += db.exec(sql, &[ERASED.into(), like.clone()])?;
        }
    }
    for p in people.iter().filter(|p| p.name_key().is_some()) {
        n += db.exec(
            "UPDATE dealer_accounts SET name_key = $1, name = $2 WHERE name_key = $3",
            &[
                name_key(ERASED).into(),
                ERASED.into(),
                name_key(&p.name).into(),
            ],
        )?;
    }
    Ok(n)
}

/// Queues the request for every store that was sent one of `lead_ids` (the store that erased
/// the person itself only for leads it did not report).
fn queue(
    db: &Db,
    lead_ids: &BTreeSet<String>,
    request: &Request,
    now: Timestamp,
) -> Result<Vec<String>> {
    let mut per_store: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for id in lead_ids {
        for r in db.rows(
            "SELECT DISTINCT recipient FROM outbox WHERE kind = 'lead' AND item_id = $1 AND sent_sequence IS NOT NULL",
            &[id.into()],
        )? {
            let store = r.text(0);
            let reported = request
                .origin
                .is_some_and(|(o, ids)| o == store && ids.contains(id));
            if !reported {
                per_store.entry(store).or_default().push(id.clone());
            }
        }
    }
    for (store, ids) in &per_store {
        let ask = ErasureIn {
            request_id: request.id.clone(),
            requested_at: request.requested_at,
            lead_ids: ids.clone(),
            email: String::new(),
            phone: String::new(),
        };
        db.exec(
            "INSERT INTO outbox (recipient, kind, item_id, payload, queued_at) VALUES ($1, 'erasure', $2, $3, $4) ON CONFLICT (recipient, kind, item_id) DO NOTHING",
            &[store.into(), (&request.id).into(), serde_json::to_string(&ask)?.into(), now.to_string().into()],
        )?;
    }
    Ok(per_store.into_keys().collect())
}

fn next_request_id(db: &Db) -> Result<String> {
    let n = db
        .rows(
            "SELECT COUNT(*) FROM erasures WHERE source = 'head office'",
            &[],
        )?
        .first()
        .map_or(0, |r| r.int(0));
    Ok(format!("HQ-ERASE-{:06}", n + 1))
}

fn utc_date(at: Timestamp) -> jiff::civil::Date {
    at.to_zoned(jiff::tz::TimeZone::UTC).date()
}
