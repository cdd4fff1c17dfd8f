//! Opportunities and the funnel: stages, their probabilities and the weighted forecast.

use super::deal::DealDetails;
use super::error::{DomainError, invalid};
use super::ids::{AccountId, LeadId, OpportunityId};
use super::money::Cents;
use super::text::required;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Funnel stages, in order, each with the probability the forecast weighs it by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Qualify,
    Appointment,
    Quote,
    Negotiation,
    Won,
    Lost,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Qualify,
        Stage::Appointment,
        Stage::Quote,
        Stage::Negotiation,
        Stage::Won,
        Stage::Lost,
    ];
    /// The stages a deal can still move between.
    pub const OPEN: [Stage; 4] = [
        Stage::Qualify,
        Stage::Appointment,
        Stage::Quote,
        Stage::Negotiation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Qualify => "qualify",
            Stage::Appointment => "appointment",
            Stage::Quote => "quote",
            Stage::Negotiation => "negotiation",
            Stage::Won => "won",
            Stage::Lost => "lost",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim()).ok_or_else(|| {
            invalid(format!(
                "stage `{s}` is unknown; use one of qualify, appointment, quote, negotiation, won, lost"
            ))
        })
    }

    /// The chance of winning a deal in this stage, in percent.
    pub fn probability(self) -> u8 {
        match self {
            Stage::Qualify => 10,
            Stage::Appointment => 25,
            Stage::Quote => 50,
            Stage::Negotiation => 75,
            Stage::Won => 100,
            Stage::Lost => 0,
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Won | Stage::Lost)
    }

    /// A stable one-byte code for index keys (never reorder: stores depend on it).
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The next open stage, if any (`L` on the board).
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Qualify => Some(Stage::Appointment),
            Stage::Appointment => Some(Stage::Quote),
            Stage::Quote => Some(Stage::Negotiation),
            _ => None,
        }
    }

    /// The previous open stage, if any (`H` on the board).
    pub fn previous(self) -> Option<Stage> {
        match self {
            Stage::Appointment => Some(Stage::Qualify),
            Stage::Quote => Some(Stage::Appointment),
            Stage::Negotiation => Some(Stage::Quote),
            _ => None,
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An opportunity (a deal) on the funnel board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opportunity {
    pub id: OpportunityId,
    pub account_id: AccountId,
    #[serde(default)]
    pub lead_id: Option<LeadId>,
    pub title: String,
    pub value: Cents,
    pub stage: Stage,
    /// When the deal entered its current stage (days-in-stage, staleness, feedback).
    pub stage_entered_at: Timestamp,
    #[serde(default)]
    pub expected_close: Option<Date>,
    #[serde(default)]
    pub lost_reason: Option<String>,
    /// From a head-office lead with the incentive flag: winning it earns the incentive.
    #[serde(default)]
    pub incentive: bool,
    #[serde(default)]
    pub owner: String,
    /// Product, quantity, next step, note and quote (see `deal`).
    #[serde(flatten)]
    pub details: DealDetails,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Opportunity {
    /// A new deal that enters `stage` now; the caller sets the lead, close date and owner.
    pub fn new(
        id: OpportunityId,
        account_id: AccountId,
        title: &str,
        value: Cents,
        stage: Stage,
        now: Timestamp,
    ) -> Self {
        Opportunity {
            id,
            account_id,
            lead_id: None,
            title: title.to_string(),
            value,
            stage,
            stage_entered_at: now,
            expected_close: None,
            lost_reason: None,
            incentive: false,
            owner: String::new(),
            details: DealDetails::default(),
            created_at: now,
            updated_at: now,
        }
    }

    /// The value weighted by the stage's probability.
    pub fn weighted_value(&self) -> Cents {
        self.value.percent(self.stage.probability())
    }

    /// Checks the fields a user can get wrong.
    pub fn validate(&self) -> Result<(), DomainError> {
        required("opportunity title", &self.title)?;
        if self.value.0 < 0 {
            return Err(invalid(format!(
                "value {} is negative; give the deal's value in euros",
                self.value
            )));
        }
        Ok(())
    }

    /// Moves the deal to another open stage (any direction); closed deals stay closed.
    pub fn move_to(&mut self, to: Stage, now: Timestamp) -> Result<(), DomainError> {
        let from = self.stage;
        if !from.is_open() {
            return Err(DomainError::IllegalStageMove {
                from,
                to,
                hint: "it is closed; create a new opportunity for a new deal",
            });
        }
        if from == to {
            return Err(DomainError::IllegalStageMove {
                from,
                to,
                hint: "it is already there",
            });
        }
        if !to.is_open() {
            return Err(DomainError::IllegalStageMove {
                from,
                to,
                hint: "close it as won (with its value) or lost (with a reason)",
            });
        }
        self.enter(to, now);
        Ok(())
    }

    /// Closes the deal as won at its final value, which must be above zero: head office pays
    /// the incentive on it, so an order won at € 0,00 would report a zero incentive.
    pub fn win(&mut self, value: Cents, now: Timestamp) -> Result<(), DomainError> {
        let from = self.stage;
        if !from.is_open() {
            return Err(DomainError::IllegalStageMove {
                from,
                to: Stage::Won,
                hint: "it is closed; create a new opportunity for a new deal",
            });
        }
        if value.0 <= 0 {
            return Err(invalid(format!(
                "an order cannot be won at {value}; give the order's final value (e.g. 95.000)"
            )));
        }
        self.value = value;
        self.enter(Stage::Won, now);
        Ok(())
    }

    /// Closes the deal as lost, with the reason head office wants to learn from.
    pub fn lose(&mut self, reason: &str, now: Timestamp) -> Result<(), DomainError> {
        let from = self.stage;
        if !from.is_open() {
            return Err(DomainError::IllegalStageMove {
                from,
                to: Stage::Lost,
                hint: "it is closed; create a new opportunity for a new deal",
            });
        }
        if reason.trim().is_empty() {
            return Err(invalid(
                "a lost deal needs a reason; pick one from the list",
            ));
        }
        self.lost_reason = Some(reason.trim().to_string());
        self.enter(Stage::Lost, now);
        Ok(())
    }

    /// Advances to `to` only if that is further along; an outcome never drags a deal back.
    pub fn advance_to_at_least(&mut self, to: Stage, now: Timestamp) -> bool {
        if self.stage.is_open() && to.is_open() && to > self.stage {
            self.enter(to, now);
            true
        } else {
            false
        }
    }

    fn enter(&mut self, to: Stage, now: Timestamp) {
        self.stage = to;
        self.stage_entered_at = now;
        self.updated_at = now;
    }
}

/// Σ value × stage probability over the deals given: what the funnel is expected to bring in.
pub fn weighted_forecast<'a>(opps: impl IntoIterator<Item = &'a Opportunity>) -> Cents {
    opps.into_iter()
        .filter(|o| o.stage.is_open())
        .map(Opportunity::weighted_value)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn opp(stage: Stage, euros: i64) -> Opportunity {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        let now = ts("2026-11-01T10:00:00Z");
        Opportunity::new(
            OpportunityId::new_at(now, &mut rng),
            AccountId::new_at(now, &mut rng),
            "R 450",
            Cents::euros(euros),
            stage,
            now,
        )
    }

    #[test]
    fn stage_probabilities_follow_the_contract() {
        let p: Vec<u8> = Stage::ALL.iter().map(|s| s.probability()).collect();
        assert_eq!(p, vec![10, 25, 50, 75, 100, 0]);
    }

    #[test]
    fn forecast_is_value_times_probability_over_open_deals() {
        let deals = [
            opp(Stage::Qualify, 100_000),    // 10_000
            opp(Stage::Appointment, 80_000), // 20_000
            opp(Stage::Quote, 120_000),      // 60_000
            opp(Stage::Negotiation, 40_000), // 30_000
            opp(Stage::Won, 1_000_000),      // closed: not forecast
            opp(Stage::Lost, 1_000_000),
        ];
        assert_eq!(weighted_forecast(&deals), Cents::euros(120_000));
        assert_eq!(deals[2].weighted_value(), Cents::euros(60_000));
    }

    #[test]
    fn open_deals_move_between_open_stages_and_record_when() {
        let now = ts("2026-11-20T10:00:00Z");
        let mut o = opp(Stage::Qualify, 1);
        o.move_to(Stage::Quote, now).unwrap();
        assert_eq!((o.stage, o.stage_entered_at), (Stage::Quote, now));
        o.move_to(Stage::Appointment, now).unwrap();
        assert_eq!(o.stage, Stage::Appointment);
    }

    #[test]
    fn closed_deals_cannot_move_and_closing_needs_value_or_reason() {
        let now = ts("2026-11-20T10:00:00Z");
        let mut won = opp(Stage::Won, 1);
        let before = won.clone();
        assert!(won.move_to(Stage::Negotiation, now).is_err());
        assert!(won.win(Cents(5), now).is_err());
        assert!(won.lose("price", now).is_err());
        assert_eq!(won, before);

        let mut o = opp(Stage::Quote, 1);
        assert!(o.move_to(Stage::Won, now).is_err());
        assert!(o.move_to(Stage::Quote, now).is_err());
        assert!(o.lose("  ", now).is_err());
        o.lose("price", now).unwrap();
        assert_eq!(
            (o.stage, o.lost_reason.as_deref()),
            (Stage::Lost, Some("price"))
        );

        let mut o = opp(Stage::Negotiation, 1);
        o.win(Cents::euros(95_000), now).unwrap();
        assert_eq!((o.stage, o.value), (Stage::Won, Cents::euros(95_000)));
    }

    #[test]
    fn outcomes_only_move_deals_forward() {
        let now = ts("2026-11-20T10:00:00Z");
        let mut o = opp(Stage::Negotiation, 1);
        assert!(!o.advance_to_at_least(Stage::Quote, now));
        assert_eq!(o.stage, Stage::Negotiation);
        let mut o = opp(Stage::Qualify, 1);
        assert!(o.advance_to_at_least(Stage::Quote, now));
        assert_eq!(o.stage, Stage::Quote);
    }

    #[test]
    fn next_and_previous_stay_within_open_stages() {
        assert_eq!(Stage::Qualify.previous(), None);
        assert_eq!(Stage::Negotiation.next(), None);
        assert_eq!(Stage::Quote.next(), Some(Stage::Negotiation));
        assert_eq!(Stage::Won.previous(), None);
    }
}
