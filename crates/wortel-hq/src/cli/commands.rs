//! What each command does beyond a call into its module: reading the files it names and
//! printing its result (`--json`, or lines for a person).

use super::{DealerCommand, print_json};
use crate::db::Db;
use crate::{benchmark, ingest, intake, network, route, send};
use anyhow::{Result, anyhow, bail};
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use wortel_core::plural::counted;

pub fn store_add(
    db: &mut Db,
    dealer: &str,
    recipient: &str,
    key: &Path,
    salesperson: Option<&str>,
    now: Timestamp,
) -> Result<()> {
    let text = std::fs::read_to_string(key).map_err(|e| {
        anyhow!(
            "the key file {} cannot be read ({e}); check the path",
            key.display()
        )
    })?;
    let shown = key.display().to_string();
    network::store_add(db, dealer, recipient, &text, &shown, salesperson, now)?;
    println!("store {recipient} added to dealer {dealer}");
    Ok(())
}

pub fn leads_add(db: &mut Db, files: &[PathBuf], now: Timestamp) -> Result<()> {
    let mut leads = Vec::new();
    for f in files {
        leads.extend(intake::read_file(f)?);
    }
    let done = intake::add_leads(db, leads, now)?;
    println!(
        "{} added, {} updated",
        counted(done.added, "lead", "leads"),
        done.updated
    );
    Ok(())
}

pub fn route(
    db: &mut Db,
    dry_run: bool,
    json: bool,
    days: Option<i64>,
    now: Timestamp,
) -> Result<()> {
    let routing = if dry_run {
        db.rolled_back(|db| route::route(db, days, now))?
    } else {
        db.in_tx_locking(Some("leads"), |db| route::route(db, days, now))?
    };
    if json {
        return print_json(&routing);
    }
    for e in &routing.escalated {
        println!("{} taken back from {}: {}", e.lead_id, e.store, e.reason);
    }
    for d in &routing.decisions {
        println!(
            "{} → {}: {}",
            d.lead_id,
            d.store.as_deref().unwrap_or("unrouted"),
            d.reason
        );
    }
    let routed = routing
        .decisions
        .iter()
        .filter(|d| d.store.is_some())
        .count();
    let verb = if dry_run {
        "would be routed (dry run: nothing changed)"
    } else {
        "routed"
    };
    let unrouted = routing.decisions.len() - routed;
    let stay = if unrouted == 1 { "stays" } else { "stay" };
    println!(
        "{} {verb}, {unrouted} {stay} unrouted",
        counted(routed, "lead", "leads")
    );
    Ok(())
}

pub fn send(db: &mut Db, out: &Path, json: bool, now: Timestamp) -> Result<()> {
    let sent = send::send(db, out, now)?;
    if json {
        return print_json(&sent);
    }
    if sent.is_empty() {
        println!("nothing to send: no store has new leads, retractions or erasure requests");
    }
    for s in &sent {
        println!(
            "{}: {}, {}, {}",
            s.file.display(),
            counted(s.leads, "lead", "leads"),
            counted(s.retractions, "retraction", "retractions"),
            counted(s.erasures, "erasure request", "erasure requests")
        );
    }
    Ok(())
}

pub fn ingest(db: &mut Db, files: &[PathBuf], json: bool, now: Timestamp) -> Result<()> {
    let mut done = Vec::new();
    for f in files {
        let i = ingest::ingest_file(db, f, now)?;
        if json {
        } else if i.new {
            println!(
                "{}: feedback {} from {} ingested ({}, {} to route again)",
                i.file,
                i.sequence,
                i.store,
                counted(i.records, "record", "records"),
                counted(i.rerouted.len(), "lead", "leads")
            );
            for e in &i.erased {
                erased_line(e);
            }
        } else {
            println!(
                "{}: already ingested (feedback {} from {}); nothing changed",
                i.file, i.sequence, i.store
            );
        }
        done.push(i);
    }
    if json { print_json(&done) } else { Ok(()) }
}

pub fn benchmark(
    db: &mut Db,
    period: &str,
    out: Option<&Path>,
    min_dealers: usize,
    json: bool,
    now: Timestamp,
) -> Result<()> {
    let b = benchmark::benchmark(db, benchmark::parse_period(period)?, min_dealers)?;
    let sent = match (out, &b.network) {
        (Some(dir), Some(n)) => send::send_benchmarks(db, dir, &benchmark::bundle_figures(n), now)?,
        (Some(_), None) => bail!(
            "no benchmark bundles written: {}",
            b.network_left_out.as_deref().unwrap_or("")
        ),
        _ => Vec::new(),
    };
    if json {
        return print_json(&b);
    }
    benchmark::print(&b);
    for s in &sent {
        println!("{}: benchmark bundle", s.file.display());
    }
    Ok(())
}

pub fn dealer(db: &mut Db, c: DealerCommand) -> Result<()> {
    match c {
        DealerCommand::Add {
            id,
            name,
            postcodes,
            weight,
        } => {
            network::dealer_add(db, &id, &name, &postcodes, weight)?;
            println!("dealer {id} added");
        }
        DealerCommand::Edit {
            id,
            name,
            postcodes,
            weight,
        } => {
            network::dealer_edit(db, &id, name.as_deref(), postcodes.as_deref(), weight)?;
            println!("dealer {id} changed");
        }
        DealerCommand::List { json } => {
            let dealers = network::dealers(db)?;
            if json {
                return print_json(&dealers);
            }
            for d in &dealers {
                let stores: Vec<&str> = d.stores.iter().map(|s| s.recipient.as_str()).collect();
                println!(
                    "{}  {}  postcodes {}  weight {}  stores {}",
                    d.id,
                    d.name,
                    if d.postcodes.is_empty() {
                        "-"
                    } else {
                        &d.postcodes
                    },
                    d.weight,
                    if stores.is_empty() {
                        "none".into()
                    } else {
                        stores.join(",")
                    }
                );
            }
        }
    }
    Ok(())
}

/// `wortel-hq privacy erase PERSON`.
pub fn privacy_erase(db: &mut Db, person: &str, json: bool, now: Timestamp) -> Result<()> {
    let erased = crate::erasure::erase_by_query(db, person, now)?;
    if erased.as_ref().is_some_and(|e| e.records > 0) {
        db.compact()?;
    }
    match (&erased, json) {
        (_, true) => print_json(&erased),
        (None, false) => {
            println!(
                "nobody in head office's database answers to \"{}\"; nothing erased",
                wortel_core::bundle::printable(person)
            );
            Ok(())
        }
        (Some(e), false) => {
            erased_line(e);
            Ok(())
        }
    }
}

fn erased_line(e: &crate::erasure::Erased) {
    let queued = if e.queued_for.is_empty() {
        "no other store holds the person".to_string()
    } else {
        format!(
            "the request is queued for {} (carried by the next send)",
            e.queued_for.join(", ")
        )
    };
    println!(
        "erasure {}: {} records made anonymous ({} leads kept without the person); {queued}",
        e.request_id,
        e.records,
        e.lead_ids.len()
    );
}
