//! Activities (what a salesperson did), their outcomes, and appointments on the calendar.

use super::error::{DomainError, invalid};
use super::ids::{AccountId, ActivityId, AppointmentId, ContactId, LeadId, OpportunityId};
use super::opportunity::Stage;
use super::text::{MAX_NOTE_LEN, max_len};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of contact it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ActivityKind {
    #[default]
    Visit,
    Call,
    Email,
    Meeting,
    Note,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 5] = [
        ActivityKind::Visit,
        ActivityKind::Call,
        ActivityKind::Email,
        ActivityKind::Meeting,
        ActivityKind::Note,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Visit => "visit",
            ActivityKind::Call => "call",
            ActivityKind::Email => "email",
            ActivityKind::Meeting => "meeting",
            ActivityKind::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or_else(|| {
                invalid(format!(
                    "activity kind `{s}` is unknown; use visit, call, email, meeting or note"
                ))
            })
    }

    /// A note records something; the other kinds are contact with a person.
    pub fn is_contact(self) -> bool {
        self != ActivityKind::Note
    }
}

impl fmt::Display for ActivityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What came of an activity; the digit is the visit form's key (PRODUCT.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    AppointmentMade,
    QuoteSent,
    OrderWon,
    OrderLost,
    FollowUp,
    NoContact,
    NotInterested,
}

impl Outcome {
    pub const ALL: [Outcome; 7] = [
        Outcome::AppointmentMade,
        Outcome::QuoteSent,
        Outcome::OrderWon,
        Outcome::OrderLost,
        Outcome::FollowUp,
        Outcome::NoContact,
        Outcome::NotInterested,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::AppointmentMade => "appointment-made",
            Outcome::QuoteSent => "quote-sent",
            Outcome::OrderWon => "order-won",
            Outcome::OrderLost => "order-lost",
            Outcome::FollowUp => "follow-up",
            Outcome::NoContact => "no-contact",
            Outcome::NotInterested => "not-interested",
        }
    }

    /// Accepts the name or the visit form's digit (`1`–`7`).
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let s = s.trim();
        if let Ok(d) = s.parse::<usize>() {
            if (1..=7).contains(&d) {
                return Ok(Self::ALL[d - 1]);
            }
        }
        Self::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| {
            invalid(format!(
                "outcome `{s}` is unknown; use appointment-made, quote-sent, order-won, order-lost, follow-up, no-contact or not-interested (or 1–7)"
            ))
        })
    }

    /// The digit that picks this outcome in the visit form.
    pub fn digit(self) -> u8 {
        Self::ALL
            .iter()
            .position(|o| *o == self)
            .map_or(0, |i| i as u8 + 1)
    }

    /// Whether a person actually reached the customer (counts as first contact for a lead).
    pub fn is_contact(self) -> bool {
        self != Outcome::NoContact
    }

    /// The stage a linked opportunity must reach (or the closing), if the outcome moves one.
    pub fn target_stage(self) -> Option<Stage> {
        match self {
            Outcome::AppointmentMade => Some(Stage::Appointment),
            Outcome::QuoteSent => Some(Stage::Quote),
            Outcome::OrderWon => Some(Stage::Won),
            Outcome::OrderLost => Some(Stage::Lost),
            _ => None,
        }
    }

    /// Days until the natural next step, used to prefill the next-step date.
    pub fn default_next_step_days(self) -> Option<i64> {
        match self {
            Outcome::AppointmentMade => Some(7),
            Outcome::QuoteSent => Some(5),
            Outcome::FollowUp => Some(14),
            Outcome::NoContact => Some(2),
            Outcome::OrderWon => Some(90),
            Outcome::OrderLost | Outcome::NotInterested => None,
        }
    }

    /// The natural next step counted from `today`, moved to the first working day when it
    /// falls on a weekend or a Dutch public holiday (`+1m` from 1 December is New Year's
    /// Day: the step lands on the Monday after instead).
    pub fn default_next_step(self, today: jiff::civil::Date) -> Option<jiff::civil::Date> {
        let days = self.default_next_step_days()?;
        let day = today.checked_add(jiff::Span::new().days(days)).ok()?;
        Some(super::holidays::next_working_day(day))
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A logged activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: ActivityId,
    pub account_id: AccountId,
    #[serde(default)]
    pub lead_id: Option<LeadId>,
    #[serde(default)]
    pub opportunity_id: Option<OpportunityId>,
    #[serde(default)]
    pub contact_id: Option<ContactId>,
    pub kind: ActivityKind,
    /// When it happened.
    pub at: Timestamp,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub lost_reason: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub next_step: Option<Date>,
    pub created_at: Timestamp,
}

impl Activity {
    /// Checks the fields a user can get wrong.
    pub fn validate(&self) -> Result<(), DomainError> {
        max_len("note", &self.note, MAX_NOTE_LEN)?;
        if self.outcome == Some(Outcome::OrderLost)
            && self
                .lost_reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            return Err(invalid(
                "order-lost needs a lost reason; pick one from the list",
            ));
        }
        if self.outcome == Some(Outcome::AppointmentMade) && self.next_step.is_none() {
            return Err(invalid(
                "appointment-made needs the appointment's date; give a next-step date",
            ));
        }
        Ok(())
    }
}

/// An appointment on the calendar (from an `appointment-made` outcome).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub id: AppointmentId,
    pub account_id: AccountId,
    #[serde(default)]
    pub lead_id: Option<LeadId>,
    #[serde(default)]
    pub opportunity_id: Option<OpportunityId>,
    #[serde(default)]
    pub activity_id: Option<ActivityId>,
    pub starts_at: Timestamp,
    pub minutes: u32,
    pub title: String,
    #[serde(default)]
    pub location: String,
    pub created_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_are_picked_by_digit_or_name() {
        assert_eq!(Outcome::parse("1").unwrap(), Outcome::AppointmentMade);
        assert_eq!(Outcome::parse("7").unwrap(), Outcome::NotInterested);
        assert_eq!(Outcome::parse("order-lost").unwrap(), Outcome::OrderLost);
        assert!(Outcome::parse("8").is_err());
        assert!(Outcome::parse("won").is_err());
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(&o.digit().to_string()).unwrap(), o);
        }
    }

    #[test]
    fn outcomes_move_deals_as_the_contract_says() {
        assert_eq!(Outcome::QuoteSent.target_stage(), Some(Stage::Quote));
        assert_eq!(Outcome::OrderWon.target_stage(), Some(Stage::Won));
        assert_eq!(Outcome::OrderLost.target_stage(), Some(Stage::Lost));
        assert_eq!(
            Outcome::AppointmentMade.target_stage(),
            Some(Stage::Appointment)
        );
        assert_eq!(Outcome::FollowUp.target_stage(), None);
        assert!(!Outcome::NoContact.is_contact());
    }
}
