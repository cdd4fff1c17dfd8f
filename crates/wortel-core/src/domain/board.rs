//! What the funnel board shows, as rules: which deals a period and filters select, how long a
//! deal has sat in its stage, when that is stale. The board and `wortel funnel` both call
//! [`board_summary`], so their numbers are the same by construction.

use super::error::{DomainError, invalid};
use super::funnel::{FunnelSummary, summarize};
use super::money::Cents;
use super::opportunity::{Opportunity, Stage};
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use serde::Serialize;

/// Kept here too: the board's callers name it `board::Period`.
pub use super::period::Period;

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

/// The day an open deal is expected to close, for choosing its period: its expected close
/// date, or `today` when it has none yet or that date has passed. Such a deal is business of
/// now: it stays in sight on the current period's board (and in its forecast, which counts
/// it apart) until the salesperson gives it a date ahead, and never hides in a past period.
pub fn forecast_day(o: &Opportunity, today: Date) -> Date {
    o.expected_close.map_or(today, |d| d.max(today))
}

/// The day a closed deal was won or lost: the day it entered its final stage.
pub fn closed_day(o: &Opportunity, tz: &TimeZone) -> Date {
    o.stage_entered_at.to_zoned(tz.clone()).date()
}

/// Whether a deal is on the board for `period`: open deals expected to close in it (see
/// [`forecast_day`]), won and lost ones that closed in it. With a close-month filter only
/// open deals expected then. The columns and the header's forecast both come from this, so
/// the board never shows a deal its header does not count, nor the other way round.
pub fn on_board(
    deal: &Deal,
    filter: &DealFilter,
    period: Period,
    today: Date,
    tz: &TimeZone,
) -> bool {
    let o = &deal.opportunity;
    if !filter.admits(deal) {
        return false;
    }
    if o.stage.is_open() {
        period.contains(forecast_day(o, today))
    } else {
        filter.close_month.is_none() && period.contains(closed_day(o, tz))
    }
}

/// The board's numbers for the deals [`on_board`] admits: per stage (open deals expected in
/// the period, deals closed in it), the weighted forecast of those open deals with how many
/// lack a value or a close date, and the win rate of deals closed in the period.
pub fn board_summary<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    filter: &DealFilter,
    period: Period,
    today: Date,
    tz: &TimeZone,
) -> FunnelSummary {
    let shown: Vec<&Opportunity> = deals
        .into_iter()
        .filter(|d| on_board(d, filter, period, today, tz))
        .map(|d| &d.opportunity)
        .collect();
    let mut summary = summarize(shown.iter().copied());
    summary.forecast_overdue = shown
        .iter()
        .filter(|o| o.stage.is_open() && o.expected_close.is_some_and(|d| d < today))
        .count();
    summary
}

/// The value won per week of the period (one entry per [`Period::week_starts`]), over the
/// deals [`on_board`] admits: what the board's sparkline draws. Empty for `All`.
pub fn won_per_week<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    filter: &DealFilter,
    period: Period,
    today: Date,
    tz: &TimeZone,
) -> Vec<Cents> {
    let weeks = period.week_starts();
    let mut won = vec![Cents(0); weeks.len()];
    let Some(first) = weeks.first().copied() else {
        return won;
    };
    for d in deals {
        let o = &d.opportunity;
        if o.stage != Stage::Won || !on_board(d, filter, period, today, tz) {
            continue;
        }
        let week = ((closed_day(o, tz) - first).get_days() / 7) as usize;
        if let Some(slot) = won.get_mut(week) {
            *slot = *slot + o.value;
        }
    }
    won
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

    fn today() -> Date {
        date(2026, 11, 23)
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
        let s = board_summary(&deals, &DealFilter::default(), nov, today(), &utc());
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
        let s = board_summary(&deals, &hq_only, nov, today(), &utc());
        assert_eq!(s.forecast, Cents::euros(10_000));
        assert_eq!(s.win_rate, Some(50));
        // All time: every open deal counts: 10k + 40k + 30k = 80k; won 3 of 4.
        let s = board_summary(&deals, &DealFilter::default(), Period::All, today(), &utc());
        assert_eq!(s.forecast, Cents::euros(80_000));
        assert_eq!(s.win_rate, Some(75));
    }

    #[test]
    fn the_columns_hold_exactly_what_the_headline_counts_and_undated_deals_count_now() {
        let own = DealSource::Own;
        let deals = vec![
            deal(
                Stage::Quote,
                80_000,
                "2026-11-10T10:00:00Z",
                Some("2026-12-20"),
                own,
            ),
            deal(Stage::Qualify, 30_000, "2026-11-10T10:00:00Z", None, own),
            deal(
                Stage::Qualify,
                0,
                "2026-11-10T10:00:00Z",
                Some("2026-11-30"),
                own,
            ),
            // Expected in September, still open: counts now, not in the past quarter.
            deal(
                Stage::Appointment,
                40_000,
                "2026-08-10T10:00:00Z",
                Some("2026-09-15"),
                own,
            ),
            // Expected next year: not in 2026-Q4's columns nor its forecast.
            deal(
                Stage::Negotiation,
                50_000,
                "2026-11-10T10:00:00Z",
                Some("2027-01-15"),
                own,
            ),
            deal(Stage::Won, 95_000, "2026-11-17T10:00:00Z", None, own),
        ];
        let q4 = Period::parse("2026-Q4").unwrap();
        let f = DealFilter::default();
        let shown = deals
            .iter()
            .filter(|d| on_board(d, &f, q4, today(), &utc()))
            .count();
        assert_eq!(shown, 5, "the 2027 deal is left out");
        let s = board_summary(&deals, &f, q4, today(), &utc());
        // 80k × 50 % + 30k × 10 % + 0 + 40k × 25 % = 53k, over four open deals, one without
        // value, one without close date and one past it (both counted now, in this quarter).
        assert_eq!(s.forecast, Cents::euros(53_000));
        let column_weights: Cents = s
            .stages
            .iter()
            .filter(|t| t.stage.is_open())
            .map(|t| t.weighted)
            .sum();
        assert_eq!(column_weights, s.forecast, "columns add up to the header");
        assert_eq!(
            s.headline("2026-Q4"),
            "open deals closing in 2026-Q4: weighted € 53.000,00, 4 deals, 1 without value, \
             1 without close date and 1 past it, counted now"
        );
        assert_eq!(
            s.won_line("2026-Q4"),
            "won in 2026-Q4: € 95.000,00 from 1 deal"
        );
        assert_eq!(
            s.headline_lines("2026-Q4", 78),
            [
                "open deals closing in 2026-Q4: weighted € 53.000,00, 4 deals, 1 without value",
                "1 without close date and 1 past it: counted as closing now"
            ]
        );
        assert!(s.headline_lines("2026-Q4", 70)[0].contains("weighted € 53k,"));
        let q3 = board_summary(&deals, &f, q4.step(-1), today(), &utc());
        assert_eq!(
            q3.forecast_deals, 0,
            "an overdue deal never hides in the past"
        );
        // Next quarter: the undated deal stays in the present, the 2027 deal appears.
        let s = board_summary(&deals, &f, q4.step(1), today(), &utc());
        assert_eq!((s.forecast, s.forecast_deals), (Cents::euros(37_500), 1));
        assert_eq!(s.forecast_without_close, 0);
    }

    #[test]
    fn won_value_is_bucketed_per_week_of_the_period() {
        let own = DealSource::Own;
        let deals = vec![
            // Monday 2 Nov and Sunday 8 Nov: the same week (the second of November's six).
            deal(Stage::Won, 10_000, "2026-11-02T10:00:00Z", None, own),
            deal(Stage::Won, 5_000, "2026-11-08T10:00:00Z", None, own),
            deal(Stage::Won, 7_000, "2026-11-23T10:00:00Z", None, own),
            // Lost, or won in October: not in November's bars.
            deal(Stage::Lost, 99_000, "2026-11-03T10:00:00Z", None, own),
            deal(Stage::Won, 99_000, "2026-10-30T10:00:00Z", None, own),
        ];
        let nov = Period::parse("2026-11").unwrap();
        let weeks = won_per_week(&deals, &DealFilter::default(), nov, today(), &utc());
        let euros: Vec<i64> = weeks.iter().map(|c| c.0 / 100).collect();
        assert_eq!(euros, [0, 15_000, 0, 0, 7_000, 0]);
        assert!(
            won_per_week(&deals, &DealFilter::default(), Period::All, today(), &utc()).is_empty()
        );
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
