//! `wortel-hq incentives --period P`: every order won in the period from a head-office lead that
//! carries the incentive flag, per dealer and salesperson, with the incentive by head office's
//! rule (`wortel-hq config --incentive-percent 2 --incentive-cap 1500`, or `--incentive-fixed
//! 500`, euros). Listed but not paid, with the reason: an order won at € 0, a win on a lead
//! taken back from that dealer before the win, and a deal won again after its first win.

use crate::benchmark::Period;
use crate::db::Db;
use anyhow::{Result, anyhow, bail};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use wortel_core::bundle::leads::LeadIn;

/// Head office's incentive rule, kept in the database.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// `percent` of the won value, at most `cap_cents` an order.
    Percent { percent: f64, cap_cents: i64 },
    /// The same amount for every order.
    Fixed { cents: i64 },
}

impl Rule {
    pub fn incentive(&self, value_cents: i64) -> i64 {
        match *self {
            Rule::Percent { percent, cap_cents } => {
                ((value_cents as f64 * percent / 100.0).round() as i64).min(cap_cents)
            }
            Rule::Fixed { cents } => cents,
        }
    }
}

pub fn set_rule(
    db: &Db,
    percent: Option<f64>,
    cap_euros: Option<i64>,
    fixed_euros: Option<i64>,
) -> Result<Rule> {
    let rule = match (percent, cap_euros, fixed_euros) {
        (Some(p), cap, None) if (0.0..=100.0).contains(&p) => Rule::Percent {
            percent: p,
            cap_cents: cap.unwrap_or(i64::MAX / 100) * 100,
        },
        (Some(p), _, None) => bail!("--incentive-percent {p} is outside 0 to 100"),
        (None, None, Some(f)) if f >= 0 => Rule::Fixed { cents: f * 100 },
        (None, None, Some(f)) => bail!("--incentive-fixed {f} is negative"),
        _ => bail!(
            "give --incentive-percent (with --incentive-cap if any) or --incentive-fixed, not both"
        ),
    };
    db.set_meta("incentive_rule", &serde_json::to_string(&rule)?)?;
    Ok(rule)
}

pub fn rule(db: &Db) -> Result<Rule> {
    let text = db.meta("incentive_rule")?.ok_or_else(|| {
        anyhow!("no incentive rule is set; set one with `wortel-hq config --incentive-percent 2 --incentive-cap 1500` or `--incentive-fixed 500`")
    })?;
    Ok(serde_json::from_str(&text)?)
}

/// One won order.
#[derive(Debug, Serialize)]
pub struct Claim {
    pub dealer: String,
    pub store: String,
    pub salesperson: String,
    pub lead_id: String,
    pub account: String,
    pub deal_id: String,
    pub won_value_cents: i64,
    pub won_at: String,
    pub days_to_win: Option<i64>,
    /// Zero for an exception.
    pub incentive_cents: i64,
    /// Why it is not paid.
    pub exception: Option<String>,
}

pub fn incentives(db: &Db, period: &Period) -> Result<Vec<Claim>> {
    let rule = rule(db)?;
    let rows = db.rows(
        "SELECT s.dealer_id, d.recipient, s.salesperson, d.lead_id, d.deal_id, d.value_cents, d.at, l.record FROM deal_changes d JOIN stores s ON s.recipient = d.recipient LEFT JOIN leads l ON l.id = d.lead_id WHERE d.to_stage = 'won' AND d.incentive = 1 AND d.lead_id IS NOT NULL ORDER BY d.at, d.recipient, d.sequence, d.line",
        &[],
    )?;
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut out = Vec::new();
    for r in rows {
        let Ok(at) = r.text(6).parse::<Timestamp>() else {
            continue;
        };
        let first_win = seen.insert((r.text(1), r.text(4)));
        let day = at.to_zoned(jiff::tz::TimeZone::UTC).date();
        if day < period.from || day > period.to {
            continue;
        }
        let lead: Option<LeadIn> = r.opt_text(7).and_then(|t| serde_json::from_str(&t).ok());
        let value = r.int(5);
        let taken_back = db.rows(
            "SELECT at FROM declines WHERE lead_id = $1 AND dealer_id = $2",
            &[r.text(3).into(), r.text(0).into()],
        )?;
        let retracted = taken_back
            .iter()
            .any(|d| d.text(0).parse::<Timestamp>().is_ok_and(|t| t < at));
        let exception = if !first_win {
            Some("the deal was won before; a deal earns one incentive".to_string())
        } else if value <= 0 {
            Some("won at € 0".to_string())
        } else if retracted {
            Some("the lead was taken back from this dealer before the win".to_string())
        } else {
            None
        };
        out.push(Claim {
            dealer: r.text(0),
            store: r.text(1),
            salesperson: r.text(2),
            lead_id: r.text(3),
            account: lead
                .as_ref()
                .map(|l| l.account.name.clone())
                .unwrap_or_default(),
            deal_id: r.text(4),
            won_value_cents: value,
            won_at: at.to_string(),
            days_to_win: lead.map(|l| (at.as_second() - l.received_at.as_second()) / 86_400),
            incentive_cents: if exception.is_some() {
                0
            } else {
                rule.incentive(value)
            },
            exception,
        });
    }
    out.sort_by(|a, b| {
        (&a.dealer, &a.salesperson, &a.won_at).cmp(&(&b.dealer, &b.salesperson, &b.won_at))
    });
    Ok(out)
}

/// The claims as CSV, for the payroll spreadsheet.
pub fn to_csv(claims: &[Claim]) -> String {
    let cell = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from(
        "dealer,store,salesperson,lead_id,account,deal_id,won_value_euros,won_at,days_to_win,incentive_euros,exception\n",
    );
    for c in claims {
        let row = [
            cell(&c.dealer),
            cell(&c.store),
            cell(&c.salesperson),
            cell(&c.lead_id),
            cell(&c.account),
            cell(&c.deal_id),
            format!("{:.2}", c.won_value_cents as f64 / 100.0),
            c.won_at.clone(),
            c.days_to_win.map_or(String::new(), |d| d.to_string()),
            format!("{:.2}", c.incentive_cents as f64 / 100.0),
            cell(c.exception.as_deref().unwrap_or("")),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

pub fn print(claims: &[Claim]) {
    for c in claims {
        println!(
            "{} {} ({})  {}  {}  won € {:.2} on {}  incentive € {:.2}{}",
            c.dealer,
            c.store,
            if c.salesperson.is_empty() {
                "-"
            } else {
                &c.salesperson
            },
            c.lead_id,
            wortel_core::domain::text::displayable(&c.account),
            c.won_value_cents as f64 / 100.0,
            &c.won_at[..10.min(c.won_at.len())],
            c.incentive_cents as f64 / 100.0,
            c.exception
                .as_deref()
                .map_or(String::new(), |e| format!("  EXCEPTION: {e}"))
        );
    }
    let paid: i64 = claims.iter().map(|c| c.incentive_cents).sum();
    println!(
        "{} orders, incentives € {:.2}",
        claims.len(),
        paid as f64 / 100.0
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_is_capped_and_a_fixed_amount_is_fixed() {
        let r = Rule::Percent {
            percent: 2.0,
            cap_cents: 150_000,
        };
        assert_eq!(r.incentive(5_000_000), 100_000);
        assert_eq!(r.incentive(9_500_000), 150_000);
        assert_eq!(Rule::Fixed { cents: 50_000 }.incentive(1), 50_000);
    }
}
