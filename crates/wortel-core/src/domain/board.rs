//! What the funnel board shows, as rules: which deals a period and filters select, how long a
//! deal has sat in its stage, when that is stale. The board and `wortel funnel` both call
//! [`board_summary`], so their numbers are the same by construction.

use super::error::{DomainError, invalid};
use super::funnel::{FunnelSummary, summarize};
use super::opportunity::{Opportunity, Stage};
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use serde::Serialize;
use std::fmt;

/// The period won and lost deals and the forecast are counted for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Period {
    /// Everything, whenever it closed or is expected to.
    All,
    Month {
        year: i16,
        month: i8,
    },
    Quarter {
        year: i16,
        quarter: i8,
    },
    Year {
        year: i16,
    },
}

impl Period {
    /// The month `day` falls in.
    pub fn month_of(day: Date) -> Period {
        Period::Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// The quarter `day` falls in: the board's default, long enough for a forecast to mean
    /// something.
    pub fn quarter_of(day: Date) -> Period {
        Period::Quarter {
            year: day.year(),
            quarter: (day.month() - 1) / 3 + 1,
        }
    }

    /// Whether `day` falls in the period.
    pub fn contains(self, day: Date) -> bool {
        match self {
            Period::All => true,
            Period::Month { year, month } => day.year() == year && day.month() == month,
            Period::Quarter { year, quarter } => {
                day.year() == year && (day.month() - 1) / 3 + 1 == quarter
            }
            Period::Year { year } => day.year() == year,
        }
    }

    /// The period before (`-1`) or after (`+1`) this one, of the same kind.
    pub fn step(self, by: i32) -> Period {
        match self {
            Period::All => Period::All,
            Period::Month { year, month } => {
                let n = i32::from(year) * 12 + i32::from(month) - 1 + by;
                Period::Month {
                    year: (n.div_euclid(12)) as i16,
                    month: (n.rem_euclid(12) + 1) as i8,
                }
            }
            Period::Quarter { year, quarter } => {
                let n = i32::from(year) * 4 + i32::from(quarter) - 1 + by;
                Period::Quarter {
                    year: (n.div_euclid(4)) as i16,
                    quarter: (n.rem_euclid(4) + 1) as i8,
                }
            }
            Period::Year { year } => Period::Year {
                year: (i32::from(year) + by) as i16,
            },
        }
    }

    /// The next kind, around `today`: month → quarter → year → all → month.
    pub fn next_kind(self, today: Date) -> Period {
        match self {
            Period::Month { .. } => Period::Quarter {
                year: today.year(),
                quarter: (today.month() - 1) / 3 + 1,
            },
            Period::Quarter { .. } => Period::Year { year: today.year() },
            Period::Year { .. } => Period::All,
            Period::All => Period::month_of(today),
        }
    }

    /// Parses `2026-11`, `2026-Q4`, `2026` or `all`.
    pub fn parse(text: &str) -> Result<Period, DomainError> {
        let t = text.trim();
        let bad = || {
            invalid(format!(
                "period `{t}` is not understood; write 2026-11, 2026-Q4, 2026 or all"
            ))
        };
        if t.eq_ignore_ascii_case("all") {
            return Ok(Period::All);
        }
        let (year, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        let year: i16 = year.parse().map_err(|_| bad())?;
        if !(1900..=2999).contains(&year) {
            return Err(bad());
        }
        match rest {
            None => Ok(Period::Year { year }),
            Some(r) if r.starts_with(['Q', 'q']) => {
                let quarter: i8 = r[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&quarter) {
                    return Err(bad());
                }
                Ok(Period::Quarter { year, quarter })
            }
            Some(r) => {
                let month: i8 = r.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Ok(Period::Month { year, month })
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::All => f.write_str("all"),
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            Period::Year { year } => write!(f, "{year}"),
        }
    }
}

/// Where a deal came from: a head-office lead, or the dealer's own work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DealSource {
    HeadOffice,
    Own,
}

impl DealSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DealSource::HeadOffice => "head-office",
            DealSource::Own => "own",
        }
    }

    pub fn parse(text: &str) -> Result<DealSource, DomainError> {
        match text.trim() {
            "head-office" | "hq" => Ok(DealSource::HeadOffice),
            "own" | "dealer" => Ok(DealSource::Own),
            t => Err(invalid(format!(
                "source `{t}` is not known; use head-office or own"
            ))),
        }
    }
}

/// A deal with what the board needs beside the record: where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    pub opportunity: Opportunity,
    pub source: DealSource,
}

/// Which deals the board shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealFilter {
    pub owner: Option<String>,
    pub source: Option<DealSource>,
    /// Only open deals expected to close in this month.
    pub close_month: Option<(i16, i8)>,
}

impl DealFilter {
    pub fn admits(&self, deal: &Deal) -> bool {
        let o = &deal.opportunity;
        self.owner.as_ref().is_none_or(|w| &o.owner == w)
            && self.source.is_none_or(|s| deal.source == s)
            && self.close_month.is_none_or(|(y, m)| {
                o.expected_close
                    .is_some_and(|d| d.year() == y && d.month() == m)
            })
    }

    /// "owner Ton · head-office · closing 2026-12", empty when nothing filters.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(o) = &self.owner {
            out.push(format!("owner {o}"));
        }
        if let Some(s) = self.source {
            out.push(s.as_str().to_string());
        }
        if let Some((y, m)) = self.close_month {
            out.push(format!("closing {y}-{m:02}"));
        }
        out
    }
}

/// Whether a deal is on the board for `period`: open deals always (the pipeline is now); won
/// and lost ones when they closed in the period. With a close-month filter only open deals
/// expected then.
pub fn on_board(deal: &Deal, filter: &DealFilter, period: Period, tz: &TimeZone) -> bool {
    let o = &deal.opportunity;
    if !filter.admits(deal) {
        return false;
    }
    if o.stage.is_open() {
        true
    } else {
        filter.close_month.is_none()
            && period.contains(o.stage_entered_at.to_zoned(tz.clone()).date())
    }
}

/// The board's numbers: per stage (open deals, and deals closed in the period), the weighted
/// forecast of open deals expected to close in the period (all open deals for `All`), and the
/// win rate of deals closed in the period.
pub fn board_summary<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    filter: &DealFilter,
    period: Period,
    tz: &TimeZone,
) -> FunnelSummary {
    let shown: Vec<&Opportunity> = deals
        .into_iter()
        .filter(|d| on_board(d, filter, period, tz))
        .map(|d| &d.opportunity)
        .collect();
    let mut summary = summarize(shown.iter().copied());
    summary.count_forecast(
        shown.iter().copied().filter(|o| {
            period == Period::All || o.expected_close.is_some_and(|d| period.contains(d))
        }),
    );
    summary
}

/// Whole days a deal has been in its stage on `today`.
pub fn days_in_stage(o: &Opportunity, today: Date, tz: &TimeZone) -> i64 {
    let entered = o.stage_entered_at.to_zoned(tz.clone()).date();
    (today - entered).get_days().max(0) as i64
}

/// How many days in a stage make a deal stale, per open stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaleDays {
    pub qualify: i64,
    pub appointment: i64,
    pub quote: i64,
    pub negotiation: i64,
}

impl Default for StaleDays {
    /// A lead should be qualified within two weeks, an appointment made within ten days, a
    /// quote followed up within two weeks, a negotiation closed within three.
    fn default() -> Self {
        StaleDays {
            qualify: 14,
            appointment: 10,
            quote: 14,
            negotiation: 21,
        }
    }
}

impl StaleDays {
    /// The limit for `stage`; closed stages are never stale.
    pub fn limit(&self, stage: Stage) -> Option<i64> {
        match stage {
            Stage::Qualify => Some(self.qualify),
            Stage::Appointment => Some(self.appointment),
            Stage::Quote => Some(self.quote),
            Stage::Negotiation => Some(self.negotiation),
            Stage::Won | Stage::Lost => None,
        }
    }

    /// Whether a deal has sat in its stage longer than the limit.
    pub fn is_stale(&self, o: &Opportunity, today: Date, tz: &TimeZone) -> bool {
        self.limit(o.stage)
            .is_some_and(|limit| days_in_stage(o, today, tz) > limit)
    }
}

/// The first day of the month after `day`'s (for expected-close pickers).
pub fn next_month(day: Date) -> Date {
    let first = date(day.year(), day.month(), 1);
    first
        .checked_add(jiff::Span::new().months(1))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{AccountId, OpportunityId};
    use crate::domain::money::Cents;
    use jiff::Timestamp;

    fn utc() -> TimeZone {
        TimeZone::UTC
    }

    fn deal(
        stage: Stage,
        euros: i64,
        entered: &str,
        close: Option<&str>,
        source: DealSource,
    ) -> Deal {
        let at: Timestamp = entered.parse().unwrap();
        let mut o = Opportunity::new(
            OpportunityId::generate(at),
            AccountId::generate(at),
            "x",
            Cents::euros(euros),
            stage,
            at,
        );
        o.expected_close = close.map(|c| c.parse().unwrap());
        o.owner = "Ton".into();
        Deal {
            opportunity: o,
            source,
        }
    }

    #[test]
    fn periods_parse_step_and_contain() {
        let nov = Period::parse("2026-11").unwrap();
        assert_eq!(
            nov,
            Period::Month {
                year: 2026,
                month: 11
            }
        );
        assert_eq!(nov.step(2).to_string(), "2027-01");
        assert_eq!(nov.step(-11).to_string(), "2025-12");
        assert_eq!(
            Period::parse("2026-Q4").unwrap().step(1).to_string(),
            "2027-Q1"
        );
        assert!(
            Period::parse("2026-Q4")
                .unwrap()
                .contains(date(2026, 12, 31))
        );
        assert!(
            !Period::parse("2026-Q4")
                .unwrap()
                .contains(date(2026, 9, 30))
        );
        assert_eq!(Period::parse("all").unwrap(), Period::All);
        for bad in ["2026-13", "2026-Q5", "next", "26-11", ""] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
        let today = date(2026, 11, 23);
        let p = Period::month_of(today).next_kind(today);
        assert_eq!(p.to_string(), "2026-Q4");
        assert_eq!(p.next_kind(today).next_kind(today), Period::All);
    }

    #[test]
    fn forecast_and_win_rate_for_a_period_on_hand_computed_deals() {
        let hq = DealSource::HeadOffice;
        let deals = vec![
            // Open: qualify 10 %, quote 50 %, negotiation 75 %.
            deal(
                Stage::Qualify,
                100_000,
                "2026-11-01T10:00:00Z",
                Some("2026-11-30"),
                hq,
            ),
            deal(
                Stage::Quote,
                80_000,
                "2026-11-10T10:00:00Z",
                Some("2026-11-20"),
                DealSource::Own,
            ),
            deal(
                Stage::Negotiation,
                40_000,
                "2026-10-01T10:00:00Z",
                Some("2026-12-15"),
                hq,
            ),
            // Closed in November: two won, one lost; one won in October.
            deal(Stage::Won, 90_000, "2026-11-05T10:00:00Z", None, hq),
            deal(
                Stage::Won,
                10_000,
                "2026-11-15T10:00:00Z",
                None,
                DealSource::Own,
            ),
            deal(Stage::Lost, 70_000, "2026-11-16T10:00:00Z", None, hq),
            deal(Stage::Won, 55_000, "2026-10-15T10:00:00Z", None, hq),
        ];
        let nov = Period::parse("2026-11").unwrap();
        let s = board_summary(&deals, &DealFilter::default(), nov, &utc());
        // Forecast: only open deals expected in November: 100k × 10 % + 80k × 50 % = 50k.
        assert_eq!(s.forecast, Cents::euros(50_000));
        // Win rate: 2 won of 3 closed in November.
        assert_eq!(s.win_rate, Some(67));
        assert_eq!(
            s.stages
                .iter()
                .find(|t| t.stage == Stage::Won)
                .unwrap()
                .count,
            2
        );
        // Head-office only: open 100k (Nov) → 10k; closed: 1 won, 1 lost → 50 %.
        let hq_only = DealFilter {
            source: Some(hq),
            ..Default::default()
        };
        let s = board_summary(&deals, &hq_only, nov, &utc());
        assert_eq!(s.forecast, Cents::euros(10_000));
        assert_eq!(s.win_rate, Some(50));
        // All time: every open deal counts: 10k + 40k + 30k = 80k; won 3 of 4.
        let s = board_summary(&deals, &DealFilter::default(), Period::All, &utc());
        assert_eq!(s.forecast, Cents::euros(80_000));
        assert_eq!(s.win_rate, Some(75));
    }

    #[test]
    fn days_in_stage_and_staleness() {
        let d = deal(
            Stage::Quote,
            1,
            "2026-11-01T10:00:00Z",
            None,
            DealSource::Own,
        );
        let today = date(2026, 11, 23);
        assert_eq!(days_in_stage(&d.opportunity, today, &utc()), 22);
        let limits = StaleDays::default();
        assert!(
            limits.is_stale(&d.opportunity, today, &utc()),
            "22 days > 14 for a quote"
        );
        assert!(
            !limits.is_stale(&d.opportunity, date(2026, 11, 15), &utc()),
            "14 days is not more than 14"
        );
        let won = deal(Stage::Won, 1, "2025-01-01T10:00:00Z", None, DealSource::Own);
        assert!(
            !limits.is_stale(&won.opportunity, today, &utc()),
            "closed deals are never stale"
        );
    }

    #[test]
    fn filters_by_owner_source_and_close_month() {
        let mut a = deal(
            Stage::Quote,
            1,
            "2026-11-01T10:00:00Z",
            Some("2026-12-10"),
            DealSource::Own,
        );
        a.opportunity.owner = "Ton".into();
        let f = DealFilter {
            owner: Some("Ton".into()),
            source: Some(DealSource::Own),
            close_month: Some((2026, 12)),
        };
        assert!(f.admits(&a));
        a.opportunity.owner = "Eva".into();
        assert!(!f.admits(&a));
        assert_eq!(f.describe(), ["owner Ton", "own", "closing 2026-12"]);
    }
}
