//! Funnel totals: what the board's headers and `wortel funnel` both show, from one function so
//! the two can never disagree.

use super::money::{Cents, compact};
use super::opportunity::{Opportunity, Stage};
use crate::plural::counted;
use serde::Serialize;

/// Totals of one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageTotals {
    pub stage: Stage,
    pub count: usize,
    pub value: Cents,
    pub weighted: Cents,
}

/// Totals of the whole funnel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FunnelSummary {
    pub stages: Vec<StageTotals>,
    /// Σ value × probability over the open deals the forecast counts.
    pub forecast: Cents,
    /// How many open deals the forecast counts, and how many of them have no value yet (they
    /// add nothing, so the forecast says so rather than looking smaller for no reason).
    pub forecast_deals: usize,
    pub forecast_without_value: usize,
    /// How many of those open deals have no expected close date: they count as closing now
    /// (see `board::forecast_day`), and the headline says so.
    pub forecast_without_close: usize,
    /// How many are past their expected close date and still open: they count as closing
    /// now too (set by `board::board_summary`, which knows the day).
    pub forecast_overdue: usize,
    /// Won deals as a share of closed deals, in whole percent; `None` before any deal closed.
    pub win_rate: Option<u32>,
}

/// Sums opportunities per stage.
pub fn summarize<'a>(opps: impl IntoIterator<Item = &'a Opportunity>) -> FunnelSummary {
    let mut stages: Vec<StageTotals> = Stage::ALL
        .iter()
        .map(|s| StageTotals {
            stage: *s,
            count: 0,
            value: Cents(0),
            weighted: Cents(0),
        })
        .collect();
    let mut open = Vec::new();
    for o in opps {
        if o.stage.is_open() {
            open.push(o);
        }
        if let Some(t) = stages.iter_mut().find(|t| t.stage == o.stage) {
            t.count += 1;
            t.value = t.value + o.value;
            t.weighted = t.weighted + o.weighted_value();
        }
    }
    let forecast = stages
        .iter()
        .filter(|t| t.stage.is_open())
        .map(|t| t.weighted)
        .sum();
    let count = |s: Stage| stages.iter().find(|t| t.stage == s).map_or(0, |t| t.count);
    let (won, lost) = (count(Stage::Won), count(Stage::Lost));
    let win_rate =
        (won + lost > 0).then(|| ((won * 200 + (won + lost)) / (2 * (won + lost))) as u32);
    let mut summary = FunnelSummary {
        stages,
        forecast,
        forecast_deals: 0,
        forecast_without_value: 0,
        forecast_without_close: 0,
        forecast_overdue: 0,
        win_rate,
    };
    summary.count_forecast(open);
    summary
}

impl FunnelSummary {
    /// Sets the forecast to the weighted sum over `deals` (open ones), with their counts.
    pub fn count_forecast<'a>(&mut self, deals: impl IntoIterator<Item = &'a Opportunity>) {
        let open: Vec<&Opportunity> = deals.into_iter().filter(|o| o.stage.is_open()).collect();
        self.forecast = open.iter().map(|o| o.weighted_value()).sum();
        self.forecast_deals = open.len();
        self.forecast_without_value = open.iter().filter(|o| o.value.0 <= 0).count();
        self.forecast_without_close = open.iter().filter(|o| o.expected_close.is_none()).count();
    }

    /// Exactly what the forecast sums, e.g. "open deals closing in 2026-Q4: weighted
    /// € 1.234,00, 23 deals, 4 without value" (and ", 2 without close date and 1 past it,
    /// counted now" when some are undated or overdue). Amounts in full.
    pub fn headline(&self, period: &str) -> String {
        self.headline_with(period, &self.forecast.to_string())
    }

    /// The headline for lines `width` characters wide: one line in full when it fits; else
    /// the forecast (in its short form `€ 203k` if need be, the one place a header may
    /// shorten money) and, on a second line, what counts as closing now, so nothing is cut.
    pub fn headline_lines(&self, period: &str, width: usize) -> Vec<String> {
        let full = self.headline(period);
        if full.chars().count() <= width {
            return vec![full];
        }
        let mut first = self.forecast_line(period, &self.forecast.to_string());
        if first.chars().count() > width {
            first = self.forecast_line(period, &compact(self.forecast));
        }
        let mut lines = vec![first];
        lines.extend(self.counted_now().map(|now| match period {
            // Every open deal counts under `all`: nothing is moved to now.
            "all" => now,
            _ => format!("{now}: counted as closing now"),
        }));
        lines
    }

    fn headline_with(&self, period: &str, forecast: &str) -> String {
        let mut line = self.forecast_line(period, forecast);
        if let Some(now) = self.counted_now() {
            line.push_str(&format!(", {now}"));
            if period != "all" {
                line.push_str(", counted now");
            }
        }
        line
    }

    /// "open deals closing in 2026-Q4: weighted € 1.234,00, 23 deals, 4 without value".
    fn forecast_line(&self, period: &str, forecast: &str) -> String {
        let scope = if period == "all" {
            "all open deals".to_string()
        } else {
            format!("open deals closing in {period}")
        };
        let deals = counted(self.forecast_deals, "deal", "deals");
        format!(
            "{scope}: weighted {forecast}, {deals}, {} without value",
            self.forecast_without_value
        )
    }

    /// "2 without close date and 1 past it": the open deals counted as closing now.
    fn counted_now(&self) -> Option<String> {
        match (self.forecast_without_close, self.forecast_overdue) {
            (0, 0) => None,
            (u, 0) => Some(format!("{u} without close date")),
            (0, o) => Some(format!("{o} past close date")),
            (u, o) => Some(format!("{u} without close date and {o} past it")),
        }
    }

    /// What was won in the period, apart from the forecast (a won deal leaves "open", so the
    /// forecast drops and this rises): "won in 2026-Q4: € 95.000,00 from 1 deal".
    pub fn won_line(&self, period: &str) -> String {
        self.won_line_with(period, &self.won().1.to_string())
    }

    /// The won line for `width` characters: in full when it fits, else the value short.
    pub fn won_line_in(&self, period: &str, width: usize) -> String {
        let full = self.won_line(period);
        if full.chars().count() <= width {
            return full;
        }
        self.won_line_with(period, &compact(self.won().1))
    }

    /// How many deals were won, and their value.
    pub fn won(&self) -> (usize, Cents) {
        let won = self.stages.iter().find(|t| t.stage == Stage::Won);
        won.map_or((0, Cents(0)), |t| (t.count, t.value))
    }

    fn won_line_with(&self, period: &str, value: &str) -> String {
        let count = self.won().0;
        let scope = if period == "all" {
            "won all time".to_string()
        } else {
            format!("won in {period}")
        };
        format!("{scope}: {value} from {}", counted(count, "deal", "deals"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{AccountId, OpportunityId};
    use jiff::Timestamp;

    fn opp(stage: Stage, euros: i64) -> Opportunity {
        let now = Timestamp::UNIX_EPOCH;
        Opportunity::new(
            OpportunityId::generate(now),
            AccountId::generate(now),
            "x",
            Cents::euros(euros),
            stage,
            now,
        )
    }

    #[test]
    fn totals_forecast_and_win_rate_on_a_hand_computed_funnel() {
        let deals = vec![
            opp(Stage::Qualify, 50_000),
            opp(Stage::Qualify, 50_000),
            opp(Stage::Quote, 200_000),
            opp(Stage::Won, 90_000),
            opp(Stage::Won, 10_000),
            opp(Stage::Lost, 70_000),
        ];
        let s = summarize(&deals);
        let q = &s.stages[0];
        assert_eq!(
            (q.count, q.value, q.weighted),
            (2, Cents::euros(100_000), Cents::euros(10_000))
        );
        assert_eq!(s.stages[2].weighted, Cents::euros(100_000));
        assert_eq!(s.forecast, Cents::euros(110_000));
        assert_eq!(s.win_rate, Some(67));
        assert_eq!(summarize(&[]).win_rate, None);
    }

    #[test]
    fn the_headline_says_what_the_forecast_sums_and_how_many_lack_a_value() {
        let deals = vec![
            opp(Stage::Quote, 200_000),
            opp(Stage::Qualify, 0),
            opp(Stage::Won, 90_000),
        ];
        let s = summarize(&deals);
        assert_eq!(
            s.headline("2026-Q4"),
            "open deals closing in 2026-Q4: weighted € 100.000,00, 2 deals, 1 without value, \
             2 without close date, counted now"
        );
        assert_eq!(
            s.headline("all"),
            "all open deals: weighted € 100.000,00, 2 deals, 1 without value, \
             2 without close date"
        );
        assert_eq!(
            summarize(&[]).headline("all"),
            "all open deals: weighted € 0,00, 0 deals, 0 without value"
        );
    }
}
