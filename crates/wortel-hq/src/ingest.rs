//! `wortel-hq ingest FILE…`: a store's weekly feedback bundle into the database. The signature
//! must be the registered store's, the recipient `head-office`, the sequence the next one; the
//! same bundle again is "already ingested". Each bundle is one transaction: every record is kept
//! (`feedback_records`), lead status changes, deal stage changes and account states also in
//! their own tables, and the pool's leads take their reported status. A lead the dealer
//! rejected as out of area or a competitor's customer is taken back and routed again.

use crate::db::{Db, Val};
use crate::intake::{kvk_key, name_key, postcode_key};
use crate::route::take_back;
use anyhow::{Result, anyhow, bail};
use jiff::Timestamp;
use serde::Serialize;
use wortel_core::bundle::feedback::{
    AccountRecord, ErasureRecord, Feedback, InstalledItem, parse_feedback,
};
use wortel_core::bundle::read::Signature;
use wortel_core::bundle::{Bundle, Kind, PublicKey, read_bundle};
use wortel_core::domain::AccountKind;
use wortel_core::domain::text::one_line_text as printable;

/// How a replacement lead's signal begins (`wortel_core::bundle::feedback::replacement_signal`).
pub const REPLACEMENT_SIGNAL: &str = "replacement of ";

/// Reject reasons that mean "not for us": the lead goes to the next candidate.
pub const REROUTE_REASONS: [&str; 2] = ["out of area", "competitor's customer"];

#[derive(Debug, Serialize)]
pub struct Ingested {
    pub file: String,
    pub store: String,
    pub sequence: u64,
    /// False when this bundle was ingested before: nothing changed.
    pub new: bool,
    pub records: usize,
    pub rerouted: Vec<String>,
    /// Erasures the store reported that head office did (and forwarded) on ingesting it.
    pub erased: Vec<crate::erasure::Erased>,
}

pub fn ingest_file(db: &mut Db, path: &std::path::Path, now: Timestamp) -> Result<Ingested> {
    let file = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| anyhow!("{file} cannot be read ({e}); check the path"))?;
    let bundle = verified(db, &bytes, &file)?;
    let feedback = parse_feedback(&bundle).map_err(|e| anyhow!("{file}: {e}"))?;
    // The exchange is checked inside the locked transaction: two processes ingesting the same
    // bundle at once find it ingested, not both new.
    let done = db.in_tx_locking(Some("ingested_bundles"), |db| {
        if let Some(done) = already(db, &bundle, &file)? {
            return Ok(done);
        }
        apply(db, &bundle, &feedback, &file, now)
    })?;
    if done.erased.iter().any(|e| e.records > 0) {
        db.compact()?;
    }
    Ok(done)
}

/// `Some` when the bundle was ingested before; an error for a replay or a gap.
fn already(db: &Db, bundle: &Bundle, file: &str) -> Result<Option<Ingested>> {
    let file = file.to_string();
    let m = &bundle.manifest;
    let store = m.from.clone();
    let seq = m.sequence as i64;
    let done = db.rows(
        "SELECT bundle_id FROM ingested_bundles WHERE recipient = $1 AND sequence = $2",
        &[(&store).into(), seq.into()],
    )?;
    if let Some(r) = done.first() {
        if r.text(0) == m.id {
            return Ok(Some(Ingested {
                file,
                store,
                sequence: m.sequence,
                new: false,
                records: 0,
                rerouted: vec![],
                erased: vec![],
            }));
        }
        bail!(
            "{file} is a replay: {store} already sent sequence {seq} as {}; the bundle is refused",
            r.text(0)
        );
    }
    if !db
        .rows(
            "SELECT sequence FROM ingested_bundles WHERE recipient = $1 AND bundle_id = $2",
            &[(&store).into(), (&m.id).into()],
        )?
        .is_empty()
    {
        bail!(
            "{file} is a replay: bundle {} was ingested before with another sequence; the bundle is refused",
            m.id
        );
    }
    let last = db
        .rows(
            "SELECT MAX(sequence) FROM ingested_bundles WHERE recipient = $1",
            &[(&store).into()],
        )?
        .first()
        .and_then(|r| r.opt_int(0))
        .unwrap_or(0);
    if seq <= last {
        bail!(
            "{file} is a replay: its sequence {seq} is at or below {last}, the last ingested from {store}; the bundle is refused"
        );
    }
    if seq > last + 1 {
        bail!(
            "{file} is sequence {seq} from {store}, but sequence {} is missing; ingest that bundle first (ask {store} to export it again)",
            last + 1
        );
    }
    Ok(None)
}

/// Reads the bundle, checks it is a feedback bundle for head office, signed by its store.
fn verified(db: &Db, bytes: &[u8], file: &str) -> Result<Bundle> {
    let unchecked = read_bundle(bytes, None).map_err(|e| anyhow!("{file}: {e}"))?;
    let m = &unchecked.manifest;
    if m.kind != Kind::Feedback {
        bail!(
            "{file} is a {} bundle, not feedback; only stores' feedback bundles are ingested",
            m.kind.as_str()
        );
    }
    if m.to != "head-office" {
        bail!(
            "{file} is addressed to {}, not head-office; it is refused (was it meant for another system?)",
            wortel_core::bundle::printable(&m.to)
        );
    }
    let from = wortel_core::bundle::printable(&m.from);
    let key = db.rows(
        "SELECT public_key FROM stores WHERE recipient = $1",
        &[(&from).into()],
    )?;
    let Some(key) = key.first() else {
        bail!(
            "{file} comes from {from}, which is not a registered store; register it with `wortel-hq store add DEALER --recipient {from} --key FILE`"
        );
    };
    if unchecked.signature == Signature::Unsigned {
        bail!(
            "{file} is not signed; head office only ingests feedback signed by the store's key, export it again with `wortel export`"
        );
    }
    let key = PublicKey::parse(&key.text(0), "the registered store key")?;
    read_bundle(bytes, Some(&key)).map_err(|_| {
        anyhow!("{file}: the signature does not match the key registered for {from}; the bundle may have been altered, ask {from} to export it again")
    })
}

fn apply(db: &Db, bundle: &Bundle, fb: &Feedback, file: &str, now: Timestamp) -> Result<Ingested> {
    let m = &bundle.manifest;
    let store = m.from.as_str();
    let seq = m.sequence as i64;
    let dealer = db
        .rows(
            "SELECT dealer_id FROM stores WHERE recipient = $1",
            &[store.into()],
        )?
        .first()
        .map(|r| r.text(0))
        .unwrap_or_default();
    db.exec(
        "INSERT INTO ingested_bundles (recipient, sequence, bundle_id, period_from, period_to, ingested_at) VALUES ($1, $2, $3, $4, $5, $6)",
        &[store.into(), seq.into(), (&m.id).into(), Val::from(m.period.map(|p| p.from.to_string())), Val::from(m.period.map(|p| p.to.to_string())), now.to_string().into()],
    )?;
    let mut records = 0;
    for name in Kind::Feedback.files() {
        for (line, bytes) in bundle.lines(name) {
            db.exec(
                "INSERT INTO feedback_records (recipient, sequence, file, line, record) VALUES ($1, $2, $3, $4, $5)",
                &[store.into(), seq.into(), (*name).into(), (line as i64).into(), String::from_utf8_lossy(bytes).into_owned().into()],
            )?;
            records += 1;
        }
    }
    let mut rerouted = Vec::new();
    for (line, u) in fb.lead_updates.iter().enumerate() {
        let status = u.status.as_str();
        db.exec(
            "INSERT INTO lead_updates (recipient, sequence, line, lead_id, from_status, status, reason, at, response_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[store.into(), seq.into(), (line as i64 + 1).into(), (&u.lead_id).into(), u.from.as_str().into(), status.into(), Val::from(u.reason.clone()), u.at.to_string().into(), Val::from(u.response_minutes)],
        )?;
        let assigned = db.rows(
            "SELECT recipient FROM leads WHERE id = $1",
            &[(&u.lead_id).into()],
        )?;
        let Some(assigned) = assigned.first() else {
            continue;
        };
        db.exec(
            "UPDATE leads SET reported_status = $1, reported_reason = $2, reported_at = $3, response_minutes = $4 WHERE id = $5",
            &[status.into(), Val::from(u.reason.clone()), u.at.to_string().into(), Val::from(u.response_minutes), (&u.lead_id).into()],
        )?;
        let declined = status == "rejected"
            && u.reason
                .as_deref()
                .is_some_and(|r| REROUTE_REASONS.contains(&r));
        if declined && assigned.opt_text(0).as_deref() == Some(store) {
            let why = format!(
                "rejected by {store}: {}",
                u.reason.as_deref().unwrap_or_default()
            );
            take_back(db, &u.lead_id, &dealer, store, &why, now)?;
            rerouted.push(u.lead_id.clone());
        }
    }
    for (line, o) in fb.opportunities.iter().enumerate() {
        let stage = |s: wortel_core::domain::Stage| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        db.exec(
            "INSERT INTO deal_changes (recipient, sequence, line, deal_id, account_id, lead_id, from_stage, to_stage, value_cents, lost_reason, incentive, at, product) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[store.into(), seq.into(), (line as i64 + 1).into(), (&o.id).into(), (&o.account_id).into(), Val::from(o.lead_id.clone()), stage(o.from).into(), stage(o.to).into(), o.value_cents.into(), Val::from(o.lost_reason.as_deref().map(printable)), i64::from(o.incentive).into(), o.at.to_string().into(), Val::from(o.product.as_deref().map(printable).filter(|p| !p.trim().is_empty()))],
        )?;
    }
    for a in &fb.accounts {
        account(db, store, &dealer, a, now)?;
    }
    for l in &fb.leads {
        for signal in l
            .signals
            .iter()
            .filter(|s| s.starts_with(REPLACEMENT_SIGNAL))
        {
            db.exec(
                "INSERT INTO dealer_replacements (recipient, lead_id, account_id, signal) VALUES ($1, $2, $3, $4) ON CONFLICT (recipient, lead_id, signal) DO NOTHING",
                &[store.into(), (&l.id).into(), (&l.account_id).into(), printable(signal).to_lowercase().into()],
            )?;
        }
    }
    let erased = erasures(db, store, &fb.erasures, now)?;
    Ok(Ingested {
        file: file.into(),
        store: store.into(),
        sequence: m.sequence,
        new: true,
        records,
        rerouted,
        erased,
    })
}

fn account(db: &Db, store: &str, dealer: &str, a: &AccountRecord, now: Timestamp) -> Result<()> {
    match a {
        AccountRecord::Merge {
            id, merged_into, ..
        } => {
            db.exec(
                "UPDATE dealer_accounts SET merged_into = $1, updated_at = $2 WHERE recipient = $3 AND account_id = $4",
                &[merged_into.into(), now.to_string().into(), store.into(), id.into()],
            )?;
            // What it owned moved to `merged_into`, whose own state reports it.
            db.exec(
                "DELETE FROM installed_base WHERE recipient = $1 AND account_id = $2",
                &[store.into(), id.into()],
            )?;
        }
        AccountRecord::State(s) => {
            let lifecycle = serde_json::to_value(s.lifecycle)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            // The lifecycle is dated when it changes (or is first seen): by the dealer's last
            // change of the account, or, from an older store that does not say, by now.
            let since = s.changed_at.unwrap_or(now).to_string();
            let kind = match s.kind {
                Some(AccountKind::Person) => "person",
                _ => "company",
            };
            db.exec(
                "INSERT INTO dealer_accounts (recipient, account_id, dealer_id, name_key, kvk, postcode, lifecycle, updated_at, name, city, lifecycle_since, kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (recipient, account_id) DO UPDATE SET name_key = excluded.name_key, kvk = excluded.kvk, postcode = excluded.postcode, name = excluded.name, city = excluded.city, kind = excluded.kind, lifecycle_since = CASE WHEN dealer_accounts.lifecycle = excluded.lifecycle THEN COALESCE(dealer_accounts.lifecycle_since, excluded.lifecycle_since) ELSE excluded.lifecycle_since END, lifecycle = excluded.lifecycle, updated_at = excluded.updated_at",
                &[store.into(), (&s.id).into(), dealer.into(), name_key(&s.name).into(), Val::from(kvk_key(s.kvk.as_deref())), postcode_key(&s.postcode).into(), lifecycle.into(), now.to_string().into(), printable(&s.name).into(), printable(&s.city).into(), since.into(), kind.into()],
            )?;
            if let Some(items) = &s.installed_base {
                installed_base(db, store, &s.id, items)?;
            }
        }
    }
    Ok(())
}

/// The account's installed base as the store holds it now: the reported list replaces the last.
fn installed_base(db: &Db, store: &str, account: &str, items: &[InstalledItem]) -> Result<()> {
    db.exec(
        "DELETE FROM installed_base WHERE recipient = $1 AND account_id = $2",
        &[store.into(), account.into()],
    )?;
    for (line, p) in items.iter().enumerate() {
        db.exec(
            "INSERT INTO installed_base (recipient, account_id, line, product, purchased_on, replace_by) VALUES ($1, $2, $3, $4, $5, $6)",
            &[store.into(), account.into(), (line as i64 + 1).into(), printable(&p.product).into(), p.purchased_on.to_string().into(), Val::from(p.replace_by.map(|d| d.to_string()))],
        )?;
    }
    Ok(())
}

/// The people the store erased itself: erased at head office too, and asked of the other
/// stores that hold them. Head office's own requests, reported done, were erased already.
fn erasures(
    db: &Db,
    store: &str,
    records: &[ErasureRecord],
    now: Timestamp,
) -> Result<Vec<crate::erasure::Erased>> {
    let mut done = Vec::new();
    for r in records {
        let ErasureRecord::Person {
            contact_id,
            at,
            head_office_lead_ids,
            request_id,
        } = r
        else {
            continue;
        };
        if let Some(asked) = request_id {
            if crate::erasure::done_before(db, asked)? {
                continue;
            }
        }
        done.extend(crate::erasure::erase_reported(
            db,
            store,
            contact_id,
            head_office_lead_ids,
            *at,
            now,
        )?);
    }
    Ok(done)
}
