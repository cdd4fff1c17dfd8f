//! Funnel totals: what the board's headers and `wortel funnel` both show, from one function so
//! the two can never disagree.

use super::money::Cents;
use super::opportunity::{Opportunity, Stage};
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
    }

    /// Exactly what the forecast sums, e.g. "open deals closing in 2026-Q4: weighted
    /// € 1.234,00, 23 deals, 4 without value".
    pub fn headline(&self, period: &str) -> String {
        let scope = if period == "all" {
            "all open deals".to_string()
        } else {
            format!("open deals closing in {period}")
        };
        let deals = match self.forecast_deals {
            1 => "1 deal".to_string(),
            n => format!("{n} deals"),
        };
        format!(
            "{scope}: weighted {}, {deals}, {} without value",
            self.forecast, self.forecast_without_value
        )
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
            "open deals closing in 2026-Q4: weighted € 100.000,00, 2 deals, 1 without value"
        );
        assert_eq!(
            summarize(&[]).headline("all"),
            "all open deals: weighted € 0,00, 0 deals, 0 without value"
        );
    }
}
