//! `wortel-hq send --out DIR`: one signed leads bundle per store with something queued (new
//! assignments, retractions of leads taken back, erasure requests to forward), named
//! `DIR/RID-SEQUENCE.zip`, the sequence counting that store's bundles from 1. The file is written
//! to a temporary name, synced and renamed inside the transaction that records it, so a bundle
//! is on disk exactly when the database says it was sent.

use crate::db::Db;
use anyhow::{Context, Result, anyhow};
use jiff::Timestamp;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use wortel_core::bundle::SecretKey;
use wortel_core::bundle::keys::from_hex;
use wortel_core::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel_core::bundle::write::write_bundle;

#[derive(Debug, Serialize)]
pub struct Sent {
    pub store: String,
    pub sequence: i64,
    pub file: PathBuf,
    pub leads: usize,
    pub retractions: usize,
    pub erasures: usize,
}

/// Head office's signing key, kept in the database by `init`.
pub fn secret_key(db: &Db) -> Result<SecretKey> {
    let hex = db.meta("secret_key")?.ok_or_else(|| {
        anyhow!("the database has no head-office key; run `wortel-hq init --name NAME` first")
    })?;
    let bytes = from_hex(&hex).filter(|b| b.len() == 32).ok_or_else(|| {
        anyhow!(
            "the head-office key in the database is damaged; restore the database from a backup"
        )
    })?;
    let mut key = [0u8; 32];
    key.copy_from_slice(&bytes);
    Ok(SecretKey(key))
}

pub fn send(db: &mut Db, out: &Path, now: Timestamp) -> Result<Vec<Sent>> {
    let key = secret_key(db)?;
    std::fs::create_dir_all(out)
        .with_context(|| format!("the directory {} cannot be created", out.display()))?;
    let stores: Vec<String> = db
        .rows(
            "SELECT DISTINCT recipient FROM outbox WHERE sent_sequence IS NULL ORDER BY recipient",
            &[],
        )?
        .iter()
        .map(|r| r.text(0))
        .collect();
    let mut sent = Vec::new();
    for store in stores {
        let one = db.in_tx_locking(Some("sent_bundles"), |db| {
            send_one(db, &store, out, &key, now)
        })?;
        sent.extend(one);
    }
    Ok(sent)
}

/// The store's bundle, or nothing when another process sent its items first.
fn send_one(
    db: &Db,
    store: &str,
    out: &Path,
    key: &SecretKey,
    now: Timestamp,
) -> Result<Option<Sent>> {
    let items = db.rows(
        "SELECT kind, payload FROM outbox WHERE recipient = $1 AND sent_sequence IS NULL ORDER BY kind, item_id",
        &[store.into()],
    )?;
    if items.is_empty() {
        return Ok(None);
    }
    let lines = |kind: &str| -> Vec<u8> {
        let mut out = Vec::new();
        for r in items.iter().filter(|r| r.text(0) == kind) {
            out.extend_from_slice(r.text(1).as_bytes());
            out.push(b'\n');
        }
        out
    };
    let files: Vec<(&str, Vec<u8>)> = [
        ("leads.ndjson", lines("lead")),
        ("retractions.ndjson", lines("retraction")),
        ("erasures.ndjson", lines("erasure")),
    ]
    .into_iter()
    .filter(|(_, b)| !b.is_empty())
    .collect();
    let count = |k: &str| items.iter().filter(|r| r.text(0) == k).count();
    let sequence = next_sequence(db, store)?;
    let bytes = write_bundle(
        manifest(Kind::Leads, store, sequence, now),
        &files,
        Some(key),
    )?;
    let path = out.join(format!("{store}-{sequence}.zip"));
    record(db, store, sequence, now)?;
    db.exec(
        "UPDATE outbox SET sent_sequence = $1 WHERE recipient = $2 AND sent_sequence IS NULL",
        &[sequence.into(), store.into()],
    )?;
    write_atomically(&path, &bytes)?;
    Ok(Some(Sent {
        store: store.into(),
        sequence,
        file: path,
        leads: count("lead"),
        retractions: count("retraction"),
        erasures: count("erasure"),
    }))
}

/// One signed benchmark bundle of `figures` per registered store; its sequence follows the
/// store's leads bundles (one sequence counts every bundle head office sends a store).
pub fn send_benchmarks(
    db: &mut Db,
    out: &Path,
    figures: &[wortel_core::bundle::benchmarks::Figure],
    now: Timestamp,
) -> Result<Vec<Sent>> {
    let key = secret_key(db)?;
    std::fs::create_dir_all(out)
        .with_context(|| format!("the directory {} cannot be created", out.display()))?;
    let payload = wortel_core::bundle::write::ndjson(figures);
    let stores: Vec<String> = db
        .rows("SELECT recipient FROM stores ORDER BY recipient", &[])?
        .iter()
        .map(|r| r.text(0))
        .collect();
    let mut sent = Vec::new();
    for store in stores {
        let one = db.in_tx_locking(Some("sent_bundles"), |db| {
            let sequence = next_sequence(db, &store)?;
            let path = out.join(format!("{store}-{sequence}.zip"));
            let manifest = manifest(Kind::Benchmark, &store, sequence, now);
            let bytes = write_bundle(
                manifest,
                &[("benchmarks.ndjson", payload.clone())],
                Some(&key),
            )?;
            record(db, &store, sequence, now)?;
            write_atomically(&path, &bytes)?;
            Ok(Sent {
                store: store.clone(),
                sequence,
                file: path,
                leads: 0,
                retractions: 0,
                erasures: 0,
            })
        })?;
        sent.push(one);
    }
    Ok(sent)
}

fn next_sequence(db: &Db, store: &str) -> Result<i64> {
    Ok(db
        .rows(
            "SELECT MAX(sequence) FROM sent_bundles WHERE recipient = $1",
            &[store.into()],
        )?
        .first()
        .and_then(|r| r.opt_int(0))
        .unwrap_or(0)
        + 1)
}

fn manifest(kind: Kind, store: &str, sequence: i64, now: Timestamp) -> Manifest {
    Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind,
        id: format!("HQ-{store}-{sequence}"),
        from: "head-office".into(),
        to: store.into(),
        sequence: sequence as u64,
        created_at: now,
        period: None,
        files: Vec::new(),
    }
}

fn record(db: &Db, store: &str, sequence: i64, now: Timestamp) -> Result<()> {
    db.exec(
        "INSERT INTO sent_bundles (recipient, sequence, bundle_id, file_name, created_at) VALUES ($1, $2, $3, $4, $5)",
        &[store.into(), sequence.into(), format!("HQ-{store}-{sequence}").into(), format!("{store}-{sequence}.zip").into(), now.to_string().into()],
    )?;
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("zip.tmp");
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent() {
            std::fs::File::open(dir)?.sync_all()?;
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow!(
            "{} cannot be written ({e}); nothing was sent, free space or choose another --out",
            path.display()
        )
    })
}
