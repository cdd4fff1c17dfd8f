//! The listings: `leads list` (the pool with assignments and last reported status) and
//! `status` (the network at a glance: per dealer and store, leads sent, open, answered,
//! overdue, the last feedback week and the weeks missing since the store was registered).

use crate::db::{Db, Val};
use anyhow::Result;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeSet;
use wortel_core::bundle::leads::LeadIn;
use wortel_core::domain::text::displayable;

#[derive(Debug, Serialize)]
pub struct PoolLead {
    pub id: String,
    pub account: String,
    pub postcode: String,
    pub channel: String,
    pub dealer: Option<String>,
    pub store: Option<String>,
    pub reason: Option<String>,
    pub status: Option<String>,
    pub status_reason: Option<String>,
}

pub fn pool(db: &Db, unrouted: bool, dealer: Option<&str>) -> Result<Vec<PoolLead>> {
    let rows = db.rows(
        "SELECT id, record, dealer_id, recipient, reason, reported_status, reported_reason FROM leads WHERE ($1 = 0 OR recipient IS NULL) AND ($2 = '' OR dealer_id = $2) ORDER BY id",
        &[i64::from(unrouted).into(), Val::from(dealer.unwrap_or(""))],
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            let lead: Option<LeadIn> = serde_json::from_str(&r.text(1)).ok();
            PoolLead {
                id: r.text(0),
                account: lead
                    .as_ref()
                    .map(|l| l.account.name.clone())
                    .unwrap_or_default(),
                postcode: lead
                    .as_ref()
                    .map(|l| l.account.address.postcode.clone())
                    .unwrap_or_default(),
                channel: lead
                    .as_ref()
                    .map(|l| l.source.channel.as_str().to_string())
                    .unwrap_or_default(),
                dealer: r.opt_text(2),
                store: r.opt_text(3),
                reason: r.opt_text(4),
                status: r.opt_text(5),
                status_reason: r.opt_text(6),
            }
        })
        .collect())
}

pub fn print_pool(leads: &[PoolLead]) {
    for l in leads {
        let to = l
            .store
            .as_deref()
            .map_or("unrouted".to_string(), |s| format!("→ {s}"));
        let status = match (&l.status, &l.status_reason) {
            (Some(s), Some(r)) => format!("{s} ({r})"),
            (Some(s), None) => s.clone(),
            _ => "not reported".into(),
        };
        println!(
            "{}  {}  {}  {}  {}  [{}]",
            displayable(&l.id),
            displayable(&l.account),
            displayable(&l.postcode),
            to,
            status,
            displayable(l.reason.as_deref().unwrap_or(""))
        );
    }
    println!(
        "{}",
        wortel_core::plural::counted(leads.len(), "lead", "leads")
    );
}

#[derive(Debug, Serialize)]
pub struct StoreStatus {
    pub dealer: String,
    pub store: String,
    pub salesperson: String,
    pub sent: i64,
    pub open: i64,
    pub answered: i64,
    pub overdue: i64,
    pub last_feedback_week: Option<String>,
    pub missing_weeks: Vec<String>,
}

fn week_of(day: Date) -> String {
    let w = day.iso_week_date();
    format!("{}-W{:02}", w.year(), w.week())
}

pub fn status(db: &Db, now: Timestamp) -> Result<Vec<StoreStatus>> {
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let mut out = Vec::new();
    for s in db.rows("SELECT s.dealer_id, s.recipient, s.salesperson, s.added_at FROM stores s ORDER BY s.dealer_id, s.recipient", &[])? {
        let store = s.text(1);
        let count = |sql: &str| -> Result<i64> {
            Ok(db.rows(sql, &[(&store).into()])?.first().map_or(0, |r| r.int(0)))
        };
        let sent = count("SELECT COUNT(*) FROM outbox WHERE recipient = $1 AND kind = 'lead' AND sent_sequence IS NOT NULL")?;
        let open = count("SELECT COUNT(*) FROM leads WHERE recipient = $1 AND (reported_status IS NULL OR reported_status IN ('new', 'accepted', 'snoozed', 'contacted', 'qualified'))")?;
        let answered = count("SELECT COUNT(*) FROM leads WHERE recipient = $1 AND reported_status IS NOT NULL AND reported_status <> 'new'")?;
        let overdue = db
            .rows("SELECT respond_by FROM leads WHERE recipient = $1 AND respond_by IS NOT NULL AND (reported_status IS NULL OR reported_status = 'new')", &[(&store).into()])?
            .iter()
            .filter(|r| r.text(0).parse::<Timestamp>().is_ok_and(|t| t < now))
            .count() as i64;
        let weeks: BTreeSet<String> = db
            .rows("SELECT period_from FROM ingested_bundles WHERE recipient = $1", &[(&store).into()])?
            .iter()
            .filter_map(|r| r.text(0).parse::<Date>().ok())
            .map(week_of)
            .collect();
        let added: Option<Date> = s.text(3).parse::<Timestamp>().ok().map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date());
        out.push(StoreStatus {
            dealer: s.text(0),
            store: store.clone(),
            salesperson: s.text(2),
            sent,
            open,
            answered,
            overdue,
            last_feedback_week: weeks.iter().next_back().cloned(),
            missing_weeks: added.map(|a| missing(a, today, &weeks)).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Every whole week from the one the store was registered in up to last week with no feedback.
fn missing(from: Date, today: Date, have: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let this_week = week_of(today);
    let mut day = from;
    while day < today && out.len() < 520 {
        let w = week_of(day);
        if w != this_week && !have.contains(&w) && out.last() != Some(&w) {
            out.push(w);
        }
        day = match day.checked_add(jiff::Span::new().days(7)) {
            Ok(d) => d,
            Err(_) => break,
        };
    }
    out
}

pub fn print_status(rows: &[StoreStatus]) {
    println!(
        "dealer  store  salesperson  sent  open  answered  overdue  last feedback  missing weeks"
    );
    for r in rows {
        println!(
            "{}  {}  {}  {}  {}  {}  {}  {}  {}",
            r.dealer,
            r.store,
            displayable(if r.salesperson.is_empty() {
                "-"
            } else {
                &r.salesperson
            }),
            r.sent,
            r.open,
            r.answered,
            r.overdue,
            r.last_feedback_week.as_deref().unwrap_or("none"),
            if r.missing_weeks.is_empty() {
                "none".to_string()
            } else {
                r.missing_weeks.join(",")
            }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_weeks_run_from_registration_to_last_week() {
        let have: BTreeSet<String> = ["2026-W46".to_string()].into();
        let from: Date = "2026-11-10".parse().unwrap(); // W46
        let today: Date = "2026-12-02".parse().unwrap(); // W49
        assert_eq!(missing(from, today, &have), vec!["2026-W47", "2026-W48"]);
    }
}
