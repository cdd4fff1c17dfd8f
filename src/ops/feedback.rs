//! The weekly feedback bundle for head office (PRODUCT.md §8): everything that changed since the
//! last export, read from the change log — lead status changes with reasons and response times,
//! new and changed accounts and merges, activities with outcomes, deal stage changes (won with
//! value, lost with reason), NPS answers, leads the dealer found — signed with the store's key.
//! Recording the export is the caller's last step, after the file is safely on disk; exporting
//! the same week again gives the same bytes.

use crate::bundle::SecretKey;
use crate::bundle::manifest::{FORMAT, Kind, Manifest, Period, VERSION};
use crate::bundle::write::{ndjson, write_bundle};
use crate::domain::error::invalid;
use crate::domain::*;
use crate::store::{Change, ChangeOp, EntityKind, Store, StoreError};
use jiff::Timestamp;
use jiff::civil::{Date, ISOWeekDate, Weekday};
use jiff::tz::TimeZone;
use serde_json::{Value, json};
use std::collections::HashSet;

/// A feedback bundle ready to be written.
pub struct FeedbackExport {
    /// `2026-W47`.
    pub week: String,
    pub bytes: Vec<u8>,
    /// Records per payload file.
    pub counts: Vec<(&'static str, usize)>,
    /// True when this week was exported before: the same bytes again, nothing to record.
    pub reproduced: bool,
    pub sequence: u64,
    /// The change-log position this export covers.
    pub through: u64,
}

/// `2026-W47` → its Monday and Sunday.
pub fn parse_week(text: &str) -> Result<(String, Date, Date), DomainError> {
    let bad = || {
        invalid(format!(
            "week `{text}` is not understood; write it as 2026-W47"
        ))
    };
    let (y, w) = text
        .trim()
        .split_once("-W")
        .or_else(|| text.trim().split_once("-w"))
        .ok_or_else(bad)?;
    let year: i16 = y.parse().map_err(|_| bad())?;
    let week: i8 = w.parse().map_err(|_| bad())?;
    let monday = ISOWeekDate::new(year, week, Weekday::Monday)
        .map_err(|_| bad())?
        .date();
    let sunday = monday
        .checked_add(jiff::Span::new().days(6))
        .map_err(|_| bad())?;
    Ok((format!("{year}-W{week:02}"), monday, sunday))
}

/// The ISO week `day` falls in, as `2026-W47`.
pub fn week_of(day: Date) -> String {
    let w = day.iso_week_date();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Builds the feedback bundle for `week` (default: the current week).
pub fn export_feedback(
    store: &Store,
    week: Option<&str>,
    now: Timestamp,
    tz: &TimeZone,
) -> Result<FeedbackExport, StoreError> {
    let me = store.require_identity()?;
    let week = week
        .map(str::to_string)
        .unwrap_or_else(|| week_of(now.to_zoned(tz.clone()).date()));
    let (week, monday, sunday) = parse_week(&week)?;
    if let Some(bytes) = store.exported_week(&week)? {
        return Ok(FeedbackExport {
            week,
            bytes,
            counts: Vec::new(),
            reproduced: true,
            sequence: 0,
            through: 0,
        });
    }
    if store.was_exported(&week)? {
        return Err(invalid(format!(
            "{week} was exported, and the kept copy was removed by a privacy erasure; head office has that bundle, or export the current week"
        ))
        .into());
    }
    let from = store.exported_through()?;
    let through = store.last_seq()?;
    let mut files: Vec<(&'static str, Vec<Value>)> = Kind::Feedback
        .files()
        .iter()
        .map(|n| (*n, Vec::new()))
        .collect();
    let mut push = |file: &str, v: Value| {
        if let Some((_, list)) = files.iter_mut().find(|(n, _)| *n == file) {
            list.push(v);
        }
    };
    let mut accounts_done = HashSet::new();
    let external = |id: Option<LeadId>| -> Option<String> {
        id.and_then(|l| store.lead(l).ok().flatten())
            .and_then(|l| l.external_id)
    };
    for c in super::feedback_changes::unsent_changes(store, from, through)? {
        let key = ulid::Ulid::from_string(&c.id)
            .map(|u| u.to_bytes())
            .unwrap_or([0; 16]);
        match (c.entity, &c.op) {
            (EntityKind::Lead, ChangeOp::LeadStatus { from, to, reason }) => {
                let Some(lead) = store.lead(LeadId::from_bytes(key))? else {
                    continue;
                };
                let Some(ext) = lead.external_id.clone() else {
                    continue;
                };
                let response = lead
                    .first_response_at
                    .or(lead.first_contact_at)
                    .map(|f| (f.as_second() - lead.received_at.as_second()) / 60);
                push(
                    "lead_updates.ndjson",
                    json!({
                        "lead_id": ext, "from": from, "status": to, "reason": reason,
                        "at": c.at, "response_minutes": response,
                    }),
                );
            }
            (EntityKind::Lead, ChangeOp::Created) => {
                let Some(lead) = store.lead(LeadId::from_bytes(key))? else {
                    continue;
                };
                if lead.external_id.is_none() {
                    push(
                        "leads.ndjson",
                        json!({
                            "id": lead.id.to_string(), "account_id": lead.account_id.to_string(),
                            "received_at": lead.received_at, "channel": lead.source.channel,
                            "campaign": lead.source.campaign, "interest": lead.interest,
                            "score": lead.score, "status": lead.status, "signals": lead.signals,
                        }),
                    );
                }
            }
            (EntityKind::Account, ChangeOp::Merged { into }) => {
                push(
                    "accounts.ndjson",
                    json!({"id": c.id, "merged_into": into, "at": c.at}),
                );
            }
            (EntityKind::Account, ChangeOp::Created | ChangeOp::Updated) => {
                if !accounts_done.insert(c.id.clone()) {
                    continue;
                }
                let Some(a) = store.account(AccountId::from_bytes(key))? else {
                    continue;
                };
                push(
                    "accounts.ndjson",
                    json!({
                        "id": c.id, "name": a.name, "kvk": a.kvk, "postcode": a.address.postcode,
                        "city": a.address.city, "lifecycle": a.lifecycle, "origin": a.origin,
                        "kind": a.kind, "changed_at": a.updated_at, "installed_base": a.installed_base,
                    }),
                );
            }
            (EntityKind::Activity, ChangeOp::Created) => {
                let Some(a) = store.activity(ActivityId::from_bytes(key))? else {
                    continue;
                };
                push(
                    "activities.ndjson",
                    json!({
                        "id": c.id, "account_id": a.account_id.to_string(), "lead_id": external(a.lead_id),
                        "kind": a.kind, "at": a.at, "outcome": a.outcome, "lost_reason": a.lost_reason,
                        "next_step": a.next_step,
                    }),
                );
            }
            (
                EntityKind::Opportunity,
                ChangeOp::Stage {
                    from,
                    to,
                    value,
                    reason,
                },
            ) => {
                let Some(o) = store.opportunity(OpportunityId::from_bytes(key))? else {
                    continue;
                };
                push(
                    "opportunities.ndjson",
                    json!({
                        "id": c.id, "account_id": o.account_id.to_string(), "lead_id": external(o.lead_id),
                        "from": from, "to": to, "value_cents": value.0, "lost_reason": reason,
                        "incentive": o.incentive, "at": c.at, "product": o.details.product,
                    }),
                );
            }
            (EntityKind::Opportunity, ChangeOp::Updated) => {
                let Some(o) = store.opportunity(OpportunityId::from_bytes(key))? else {
                    continue;
                };
                push(
                    "opportunities.ndjson",
                    deal_edited(&o, external(o.lead_id), &c),
                );
            }
            (EntityKind::Contact, ChangeOp::Deleted) => {
                let key = super::privacy::tombstone_key(&c.id);
                if let Some(bytes) = store.meta_value(&key)? {
                    if let Ok(t) = serde_json::from_slice::<Value>(&bytes) {
                        push("erasures.ndjson", t);
                    }
                }
            }
            (EntityKind::Nps, ChangeOp::Created) => {
                let Some(n) = store.nps_response(NpsId::from_bytes(key))? else {
                    continue;
                };
                push(
                    "nps.ndjson",
                    json!({
                        "id": c.id, "account_id": n.account_id.to_string(), "score": n.score, "date": n.date,
                    }),
                );
            }
            _ => {}
        }
    }
    // Head office's erasure requests done since the last export, found or not.
    for (_, bytes) in store.meta_with_prefix(crate::store::exchange::UNSENT_ERASURE_REPORT)? {
        if let Ok(v) = serde_json::from_slice::<Value>(&bytes) {
            push("erasures.ndjson", v);
        }
    }
    let key = match store.signing_key()? {
        Some(k) => SecretKey(k),
        None => {
            let k = SecretKey::generate();
            store.set_signing_key(&k.0)?;
            k
        }
    };
    let sequence = store.feedback_sequence()? + 1;
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Feedback,
        id: format!("FB-{}-{week}", me.dealer_id),
        from: me.dealer_id.clone(),
        to: "head-office".into(),
        sequence,
        created_at: now,
        period: Some(Period {
            from: monday,
            to: sunday,
        }),
        files: vec![],
    };
    let counts = files.iter().map(|(n, v)| (*n, v.len())).collect();
    let payload: Vec<(&str, Vec<u8>)> = files.into_iter().map(|(n, v)| (n, ndjson(v))).collect();
    let bytes = write_bundle(manifest, &payload, Some(&key)).map_err(|e| StoreError::Io {
        path: store.path().to_path_buf(),
        detail: e.to_string(),
    })?;
    Ok(FeedbackExport {
        week,
        bytes,
        counts,
        reproduced: false,
        sequence,
        through,
    })
}

/// A deal's fields after an edit or a recorded quote (no stage change): head office sees the
/// value, quantity and dates the dealer now works with.
fn deal_edited(o: &crate::domain::Opportunity, lead: Option<String>, c: &Change) -> Value {
    json!({
        "id": c.id, "account_id": o.account_id.to_string(), "lead_id": lead,
        "edited": true, "stage": o.stage, "value_cents": o.value.0,
        "quantity": o.details.quantity, "product": o.details.product,
        "expected_close": o.expected_close, "next_step": o.details.next_step,
        "quote_value_cents": o.details.quote_value.map(|v| v.0),
        "quote_valid_until": o.details.quote_valid_until,
        "incentive": o.incentive, "at": c.at,
    })
}
