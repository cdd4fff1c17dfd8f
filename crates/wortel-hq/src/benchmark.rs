//! `wortel-hq benchmark --period P`: per dealer and for the network, what the stores' feedback
//! says about the period — leads received, conversion by channel, response minutes (median,
//! p90), the share answered within the respond-by, win rate, won value, lost reasons, NPS. The
//! network's figures are computed only over at least `--min-dealers` dealers (5 by default), so
//! no dealer's own figures can be read off them; `--out` writes them as one signed benchmark
//! bundle per store, which `wortel import` shows beside the dealer's own.
//!
//! A lead counts in the period of its `received_at`, a deal stage change and an NPS answer in
//! the period of their date.

use crate::db::{Db, Val};
use anyhow::{Result, bail};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;
use wortel_core::bundle::benchmarks::Figure;
use wortel_core::bundle::feedback::NpsRecord;
use wortel_core::bundle::leads::LeadIn;

/// `2026-Q4`, `2026-11`, `2026-W49` or `2026`, as its first and last day.
#[derive(Clone, Debug, Serialize)]
pub struct Period {
    pub name: String,
    pub from: Date,
    pub to: Date,
}

pub fn parse_period(text: &str) -> Result<Period> {
    let t = text.trim();
    let bad = || {
        anyhow::anyhow!("period `{t}` is not understood; write 2026-Q4, 2026-11, 2026-W49 or 2026")
    };
    let year = |y: &str| {
        y.parse::<i16>()
            .ok()
            .filter(|y| (1900..=9999).contains(y))
            .ok_or_else(bad)
    };
    let day = |y: i16, m: i8| Date::new(y, m, 1).map_err(|_| bad());
    let (from, to) = if let Some((y, w)) = t.split_once("-W") {
        let week: i8 = w.parse().map_err(|_| bad())?;
        let monday = jiff::civil::ISOWeekDate::new(year(y)?, week, jiff::civil::Weekday::Monday)
            .map_err(|_| bad())?
            .date();
        (
            monday,
            monday
                .checked_add(jiff::Span::new().days(6))
                .map_err(|_| bad())?,
        )
    } else if let Some((y, q)) = t.split_once("-Q") {
        let q: i8 = q
            .parse()
            .ok()
            .filter(|q| (1..=4).contains(q))
            .ok_or_else(bad)?;
        let first = day(year(y)?, (q - 1) * 3 + 1)?;
        (
            first,
            first
                .checked_add(jiff::Span::new().months(3))
                .map_err(|_| bad())?
                .yesterday()
                .map_err(|_| bad())?,
        )
    } else if let Some((y, m)) = t.split_once('-') {
        let m: i8 = m
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?;
        let first = day(year(y)?, m)?;
        (first, first.last_of_month())
    } else {
        let y = year(t)?;
        (day(y, 1)?, Date::new(y, 12, 31).map_err(|_| bad())?)
    };
    Ok(Period {
        name: t.to_string(),
        from,
        to,
    })
}

/// The raw facts of one dealer (or the network) in the period.
#[derive(Default)]
struct Facts {
    received: i64,
    channels: BTreeMap<String, (i64, i64)>,
    response: Vec<i64>,
    with_deadline: i64,
    in_time: i64,
    won: i64,
    lost: i64,
    won_value: i64,
    lost_reasons: BTreeMap<String, i64>,
    nps: Vec<u8>,
}

/// One dealer's figures, or the network's.
#[derive(Debug, Serialize)]
pub struct Figures {
    pub leads_received: i64,
    /// % of the leads received converted.
    pub conversion: Option<f64>,
    /// Per channel: % of its leads converted.
    pub conversion_by_channel: BTreeMap<String, f64>,
    pub response_minutes_median: Option<i64>,
    pub response_minutes_p90: Option<i64>,
    /// % of the leads with a respond-by answered before it.
    pub answered_in_time: Option<f64>,
    /// % of closed deals won.
    pub win_rate: Option<f64>,
    pub won_value_cents: i64,
    /// Per reason: % of lost deals.
    pub lost_reasons: BTreeMap<String, f64>,
    pub nps: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Benchmark {
    pub period: Period,
    pub dealers: BTreeMap<String, Figures>,
    pub network: Option<Figures>,
    /// Why the network's figures are left out, when they are.
    pub network_left_out: Option<String>,
}

fn pct(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    (!sorted.is_empty()).then(|| sorted[((sorted.len() - 1) as f64 * p).round() as usize])
}

impl Facts {
    fn figures(&self) -> Figures {
        let mut response = self.response.clone();
        response.sort_unstable();
        let closed = self.won + self.lost;
        let promoters = self.nps.iter().filter(|s| **s >= 9).count() as i64;
        let detractors = self.nps.iter().filter(|s| **s <= 6).count() as i64;
        Figures {
            leads_received: self.received,
            conversion: pct(self.channels.values().map(|c| c.1).sum(), self.received),
            conversion_by_channel: self
                .channels
                .iter()
                .filter_map(|(c, (n, conv))| pct(*conv, *n).map(|p| (c.clone(), p)))
                .collect(),
            response_minutes_median: percentile(&response, 0.5),
            response_minutes_p90: percentile(&response, 0.9),
            answered_in_time: pct(self.in_time, self.with_deadline),
            win_rate: pct(self.won, closed),
            won_value_cents: self.won_value,
            lost_reasons: self
                .lost_reasons
                .iter()
                .filter_map(|(r, n)| pct(*n, self.lost).map(|p| (r.clone(), p)))
                .collect(),
            nps: pct(promoters - detractors, self.nps.len() as i64),
        }
    }
}

fn within(p: &Period, t: Timestamp) -> bool {
    let d = t.to_zoned(jiff::tz::TimeZone::UTC).date();
    p.from <= d && d <= p.to
}

fn gather(db: &Db, p: &Period) -> Result<BTreeMap<String, Facts>> {
    let mut facts: BTreeMap<String, Facts> = BTreeMap::new();
    for r in db.rows("SELECT dealer_id, record, reported_status, response_minutes FROM leads WHERE dealer_id IS NOT NULL", &[])? {
        let Ok(lead) = serde_json::from_str::<LeadIn>(&r.text(1)) else { continue };
        if !within(p, lead.received_at) {
            continue;
        }
        let f = facts.entry(r.text(0)).or_default();
        f.received += 1;
        let converted = r.opt_text(2).as_deref() == Some("converted");
        let ch = f.channels.entry(lead.source.channel.as_str().to_string()).or_default();
        ch.0 += 1;
        ch.1 += i64::from(converted);
        let minutes = r.opt_int(3);
        if let Some(m) = minutes {
            f.response.push(m);
        }
        if let Some(due) = lead.respond_by {
            f.with_deadline += 1;
            let answered = minutes.map(|m| lead.received_at + jiff::SignedDuration::from_mins(m));
            f.in_time += i64::from(answered.is_some_and(|a| a <= due));
        }
    }
    for r in db.rows("SELECT s.dealer_id, d.to_stage, d.value_cents, d.lost_reason, d.at FROM deal_changes d JOIN stores s ON s.recipient = d.recipient", &[])? {
        let Ok(at) = r.text(4).parse::<Timestamp>() else { continue };
        if !within(p, at) {
            continue;
        }
        let f = facts.entry(r.text(0)).or_default();
        match r.text(1).as_str() {
            "won" => {
                f.won += 1;
                f.won_value += r.int(2);
            }
            "lost" => {
                f.lost += 1;
                *f.lost_reasons.entry(r.opt_text(3).unwrap_or_else(|| "none given".into())).or_default() += 1;
            }
            _ => {}
        }
    }
    for r in db.rows("SELECT s.dealer_id, f.record FROM feedback_records f JOIN stores s ON s.recipient = f.recipient WHERE f.file = $1", &[Val::from("nps.ndjson")])? {
        let Ok(n) = serde_json::from_str::<NpsRecord>(&r.text(1)) else { continue };
        if p.from <= n.date && n.date <= p.to {
            facts.entry(r.text(0)).or_default().nps.push(n.score);
        }
    }
    Ok(facts)
}

pub fn benchmark(db: &Db, period: Period, min_dealers: usize) -> Result<Benchmark> {
    if min_dealers == 0 {
        bail!("--min-dealers must be at least 1");
    }
    let facts = gather(db, &period)?;
    let dealers: BTreeMap<String, Figures> = facts
        .iter()
        .map(|(d, f)| (d.clone(), f.figures()))
        .collect();
    let (network, network_left_out) = if facts.len() >= min_dealers {
        let mut all = Facts::default();
        for f in facts.values() {
            all.received += f.received;
            for (c, (n, conv)) in &f.channels {
                let e = all.channels.entry(c.clone()).or_default();
                e.0 += n;
                e.1 += conv;
            }
            all.response.extend(&f.response);
            all.with_deadline += f.with_deadline;
            all.in_time += f.in_time;
            all.won += f.won;
            all.lost += f.lost;
            all.won_value += f.won_value;
            for (r, n) in &f.lost_reasons {
                *all.lost_reasons.entry(r.clone()).or_default() += n;
            }
            all.nps.extend(&f.nps);
        }
        (Some(all.figures()), None)
    } else {
        let why = format!(
            "{} dealers have figures for {}, and network figures need at least {min_dealers} so that no dealer's own can be read off them",
            facts.len(),
            period.name
        );
        (None, Some(why))
    };
    Ok(Benchmark {
        period,
        dealers,
        network,
        network_left_out,
    })
}

pub fn print(b: &Benchmark) {
    let opt = |v: Option<f64>, unit: &str| v.map_or("-".to_string(), |v| format!("{v}{unit}"));
    let show = |who: &str, f: &Figures| {
        println!(
            "{who}: {} leads; response median {} min, p90 {} min; answered in time {}; win rate {}; won € {:.2}; NPS {}",
            f.leads_received,
            f.response_minutes_median
                .map_or("-".into(), |m| m.to_string()),
            f.response_minutes_p90.map_or("-".into(), |m| m.to_string()),
            opt(f.answered_in_time, " %"),
            opt(f.win_rate, " %"),
            f.won_value_cents as f64 / 100.0,
            opt(f.nps, ""),
        );
    };
    println!("{} ({} to {})", b.period.name, b.period.from, b.period.to);
    for (d, f) in &b.dealers {
        show(d, f);
    }
    match (&b.network, &b.network_left_out) {
        (Some(n), _) => show("network", n),
        (None, Some(why)) => println!("network: left out ({why})"),
        _ => {}
    }
}

/// The network's figures as a benchmark bundle's lines.
pub fn bundle_figures(n: &Figures) -> Vec<Figure> {
    let fig = |measure: &str, channel: Option<&str>, reason: Option<&str>, value: f64| Figure {
        measure: measure.into(),
        channel: channel.map(str::to_string),
        reason: reason.map(str::to_string),
        value,
    };
    let mut out: Vec<Figure> = n
        .conversion_by_channel
        .iter()
        .map(|(c, v)| fig("conversion_rate", Some(c), None, *v))
        .collect();
    if let Some(m) = n.response_minutes_median {
        out.push(fig(
            "response_hours",
            None,
            None,
            (m as f64 / 6.0).round() / 10.0,
        ));
    }
    if let Some(w) = n.win_rate {
        out.push(fig("win_rate", None, None, w));
    }
    out.extend(
        n.lost_reasons
            .iter()
            .map(|(r, v)| fig("lost_reason", None, Some(r), *v)),
    );
    if let Some(s) = n.nps {
        out.push(fig("nps", None, None, s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_weeks_months_quarters_and_years() {
        let p = |t: &str| {
            parse_period(t)
                .map(|p| format!("{} {}", p.from, p.to))
                .unwrap()
        };
        assert_eq!(p("2026-Q4"), "2026-10-01 2026-12-31");
        assert_eq!(p("2026-11"), "2026-11-01 2026-11-30");
        assert_eq!(p("2026-W49"), "2026-11-30 2026-12-06");
        assert_eq!(p("2026"), "2026-01-01 2026-12-31");
        assert!(parse_period("2026-Q5").is_err());
        assert!(parse_period("november").is_err());
    }

    #[test]
    fn shares_round_to_a_tenth_and_percentiles_pick_a_value() {
        assert_eq!(pct(1, 3), Some(33.3));
        assert_eq!(pct(0, 0), None);
        assert_eq!(
            percentile(&[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9),
            Some(90)
        );
        assert_eq!(percentile(&[5], 0.5), Some(5));
    }
}
