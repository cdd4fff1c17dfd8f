//! `wortel-hq leads add FILE…`: leads from data mining, telemarketing or the web into the pool.
//! A file is CSV (the columns of `wortel import --csv`), NDJSON (lines as in a bundle's
//! `leads.ndjson`) or ADF 1.0 XML, told by its extension or its first character. Every file is
//! read and checked before one transaction adds them; a lead already in the pool (same id, or
//! the same company by KvK or by name and postcode, with the same interest) is updated.

use crate::db::{Db, Val};
use anyhow::{Result, anyhow, bail};
use jiff::Timestamp;
use std::path::Path;
use wortel_core::bundle::caps::{MAX_FIELD_CHARS, MAX_LINE_BYTES, MAX_RECORDS};
use wortel_core::bundle::leads::LeadIn;
use wortel_core::domain::text::{normalise_kvk, normalise_name, one_line_text};

/// A lead file may be at most this large.
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// What one `leads add` did.
#[derive(Debug, Default, serde::Serialize)]
pub struct Added {
    pub added: usize,
    pub updated: usize,
}

/// Reads one file into leads, or says what is wrong with it.
pub fn read_file(path: &Path) -> Result<Vec<LeadIn>> {
    let name = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|e| anyhow!("{name} cannot be read ({e}); check the path"))?
        .len();
    if size > MAX_FILE_BYTES {
        bail!("{name} is larger than 512 MiB; split it into smaller files");
    }
    let bytes =
        std::fs::read(path).map_err(|e| anyhow!("{name} cannot be read ({e}); check the path"))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let leads = match (ext.as_str(), first) {
        ("xml" | "adf", _) | (_, Some(b'<')) => crate::adf::read_adf(&bytes, &name)?,
        ("ndjson" | "jsonl", _) | (_, Some(b'{')) => read_ndjson(&bytes, &name)?,
        _ => wortel_core::csv_leads::read_leads_csv(&bytes, &name, &jiff::tz::TimeZone::system())
            .map_err(|e| anyhow!(e))?,
    };
    if leads.len() > MAX_RECORDS {
        bail!(
            "{name} holds {} leads, more than {MAX_RECORDS}; split it",
            leads.len()
        );
    }
    Ok(leads)
}

fn read_ndjson(bytes: &[u8], file: &str) -> Result<Vec<LeadIn>> {
    let mut leads = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let n = i + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if line.len() > MAX_LINE_BYTES {
            bail!("{file} line {n} is longer than 256 KiB; no lead needs that much");
        }
        let lead: LeadIn = serde_json::from_slice(line).map_err(|e| {
            let what = e.to_string();
            let what = what.split(" at line").next().unwrap_or(&what).to_string();
            anyhow!(
                "{file} line {n}: {}; fix the line and add the file again",
                wortel_core::bundle::printable(&what)
            )
        })?;
        check_lead(&lead)
            .map_err(|m| anyhow!("{file} line {n}: {m}; fix the line and add the file again"))?;
        leads.push(lead);
    }
    if leads.is_empty() {
        bail!("{file} holds no leads");
    }
    Ok(leads)
}

/// The checks a dealer's import makes on a lead.
fn check_lead(l: &LeadIn) -> std::result::Result<(), String> {
    if l.id.trim().is_empty() {
        return Err("the lead id is empty".into());
    }
    if l.account.name.trim().is_empty() {
        return Err("the account name is empty".into());
    }
    if !(0..=100).contains(&l.score) {
        return Err(format!("score {} is outside 0 to 100", l.score));
    }
    let texts = [
        &l.id,
        &l.interest,
        &l.notes,
        &l.source.campaign,
        &l.account.name,
        &l.account.address.street,
    ];
    if texts.iter().any(|t| t.chars().count() > MAX_FIELD_CHARS) {
        return Err(format!(
            "a field is longer than {MAX_FIELD_CHARS} characters"
        ));
    }
    Ok(())
}

/// The lead with every text cleaned as the dealer's store cleans it (escape sequences removed
/// whole, other control characters dropped, one line each): what a file says never reaches a
/// terminal as a command, at head office or at the store it is sent to.
pub fn cleaned(lead: &LeadIn) -> LeadIn {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => *s = one_line_text(s),
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            serde_json::Value::Object(map) => map.values_mut().for_each(walk),
            _ => {}
        }
    }
    let Ok(mut v) = serde_json::to_value(lead) else {
        return lead.printable();
    };
    walk(&mut v);
    serde_json::from_value(v).unwrap_or_else(|_| lead.printable())
}

/// The name key two records of one company share: legal form, case, accents and word order aside.
pub fn name_key(name: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    let n = normalise_name(name);
    words.extend(n.split_whitespace());
    words.sort_unstable();
    words.join(" ")
}

pub use wortel_core::domain::text::postcode_key;

pub fn kvk_key(kvk: Option<&str>) -> Option<String> {
    kvk.and_then(|k| normalise_kvk(k).ok())
}

/// Adds or updates every lead in one transaction.
pub fn add_leads(db: &mut Db, leads: Vec<LeadIn>, now: Timestamp) -> Result<Added> {
    db.in_tx(|db| {
        let mut done = Added::default();
        for lead in &leads {
            let lead = cleaned(lead);
            let kvk = kvk_key(lead.account.kvk.as_deref());
            let name = name_key(&lead.account.name);
            let postcode = postcode_key(&lead.account.address.postcode);
            let existing = find_existing(db, &lead.id, kvk.as_deref(), &name, &postcode, &lead.interest)?;
            let id = existing.clone().unwrap_or_else(|| lead.id.clone());
            let record = serde_json::to_string(&LeadIn { id: id.clone(), ..lead.clone() })?;
            let respond_by = lead.respond_by.map(|t| t.to_string());
            if existing.is_some() {
                db.exec(
                    "UPDATE leads SET record = $1, kvk = $2, name_key = $3, postcode = $4, respond_by = $5, updated_at = $6 WHERE id = $7",
                    &[record.clone().into(), kvk.into(), name.into(), postcode.into(), respond_by.into(), now.to_string().into(), (&id).into()],
                )?;
                requeue_if_sent(db, &id, &record, now)?;
                done.updated += 1;
            } else {
                insert_lead(db, &lead, now)?;
                done.added += 1;
            }
        }
        Ok(done)
    })
}

/// Puts a new lead (already [`cleaned`]) in the pool, unrouted: `leads add` and the programmes.
pub fn insert_lead(db: &Db, lead: &LeadIn, now: Timestamp) -> Result<()> {
    db.exec(
        "INSERT INTO leads (id, record, kvk, name_key, postcode, interest, respond_by, added_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
        &[
            (&lead.id).into(),
            serde_json::to_string(lead)?.into(),
            kvk_key(lead.account.kvk.as_deref()).into(),
            name_key(&lead.account.name).into(),
            postcode_key(&lead.account.address.postcode).into(),
            (&lead.interest).into(),
            lead.respond_by.map(|t| t.to_string()).into(),
            now.to_string().into(),
        ],
    )?;
    Ok(())
}

/// The pool's lead for the same id, or the same company (KvK, else name and postcode) with the
/// same interest.
pub fn find_existing(
    db: &Db,
    id: &str,
    kvk: Option<&str>,
    name: &str,
    postcode: &str,
    interest: &str,
) -> Result<Option<String>> {
    if let Some(r) = db
        .rows("SELECT id FROM leads WHERE id = $1", &[id.into()])?
        .first()
    {
        return Ok(Some(r.text(0)));
    }
    if let Some(kvk) = kvk {
        let rows = db.rows(
            "SELECT id FROM leads WHERE kvk = $1 AND interest = $2 ORDER BY id",
            &[kvk.into(), interest.into()],
        )?;
        if let Some(r) = rows.first() {
            return Ok(Some(r.text(0)));
        }
    }
    if postcode.is_empty() {
        return Ok(None);
    }
    let rows = db.rows(
        "SELECT id FROM leads WHERE name_key = $1 AND postcode = $2 AND interest = $3 ORDER BY id",
        &[name.into(), postcode.into(), interest.into()],
    )?;
    Ok(rows.first().map(|r| r.text(0)))
}

/// A lead updated after it went to a store goes to that store again, with head office's new facts.
fn requeue_if_sent(db: &Db, id: &str, record: &str, now: Timestamp) -> Result<()> {
    db.exec(
        "UPDATE outbox SET payload = $1, queued_at = $2, sent_sequence = NULL WHERE kind = 'lead' AND item_id = $3 AND recipient IN (SELECT recipient FROM leads WHERE id = $3 AND recipient IS NOT NULL)",
        &[record.into(), now.to_string().into(), Val::from(id)],
    )?;
    Ok(())
}
