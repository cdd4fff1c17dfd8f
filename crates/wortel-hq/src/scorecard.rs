//! `wortel-hq scorecard [--period P]`: one line per dealer — leads received, the share answered
//! within the respond-by, median response, conversion, win rate, NPS, weeks its stores sent no
//! feedback, and its rank in the network. Rank: conversion first, then the share answered in
//! time, then win rate (a dealer without a figure ranks below one with it), then dealer id.

use crate::benchmark::{Period, benchmark};
use crate::db::Db;
use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;
use std::cmp::Ordering;

#[derive(Debug, Serialize)]
pub struct Score {
    pub rank: usize,
    pub dealer: String,
    pub leads_received: i64,
    pub answered_in_time: Option<f64>,
    pub response_minutes_median: Option<i64>,
    pub conversion: Option<f64>,
    pub win_rate: Option<f64>,
    pub nps: Option<f64>,
    pub weeks_without_feedback: usize,
}

/// Everything, when no period is given.
pub fn all_time() -> Period {
    Period {
        name: "all time".into(),
        from: jiff::civil::date(1900, 1, 1),
        to: jiff::civil::date(9999, 12, 31),
    }
}

fn desc(a: Option<f64>, b: Option<f64>) -> Ordering {
    b.unwrap_or(-1.0)
        .partial_cmp(&a.unwrap_or(-1.0))
        .unwrap_or(Ordering::Equal)
}

pub fn scorecard(db: &Db, period: Period, now: Timestamp) -> Result<Vec<Score>> {
    let figures = benchmark(db, period, 1)?.dealers;
    let stores = crate::report::status(db, now)?;
    let mut scores: Vec<Score> = crate::network::dealers(db)?
        .into_iter()
        .map(|d| {
            let f = figures.get(&d.id);
            Score {
                rank: 0,
                leads_received: f.map_or(0, |f| f.leads_received),
                answered_in_time: f.and_then(|f| f.answered_in_time),
                response_minutes_median: f.and_then(|f| f.response_minutes_median),
                conversion: f.and_then(|f| f.conversion),
                win_rate: f.and_then(|f| f.win_rate),
                nps: f.and_then(|f| f.nps),
                weeks_without_feedback: stores
                    .iter()
                    .filter(|s| s.dealer == d.id)
                    .map(|s| s.missing_weeks.len())
                    .sum(),
                dealer: d.id,
            }
        })
        .collect();
    scores.sort_by(|a, b| {
        desc(a.conversion, b.conversion)
            .then(desc(a.answered_in_time, b.answered_in_time))
            .then(desc(a.win_rate, b.win_rate))
            .then(a.dealer.cmp(&b.dealer))
    });
    for (i, s) in scores.iter_mut().enumerate() {
        s.rank = i + 1;
    }
    Ok(scores)
}

pub fn print(scores: &[Score]) {
    let opt = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v} %"));
    println!(
        "rank  dealer  leads  in time  median response  conversion  win rate  NPS  weeks without feedback"
    );
    for s in scores {
        println!(
            "{}  {}  {}  {}  {}  {}  {}  {}  {}",
            s.rank,
            s.dealer,
            s.leads_received,
            opt(s.answered_in_time),
            s.response_minutes_median
                .map_or("-".into(), |m| format!("{m} min")),
            opt(s.conversion),
            opt(s.win_rate),
            s.nps.map_or("-".into(), |n| n.to_string()),
            s.weeks_without_feedback
        );
    }
}
