//! Leads ("de wortel") and their status machine.

use super::error::{DomainError, invalid};
use super::ids::{AccountId, ContactId, LeadId, OpportunityId};
use super::text::{MAX_FIELD_LEN, MAX_NOTE_LEN, max_len};
use super::tier::Tier;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where head office (or the dealer) found the lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    DataMining,
    Telemarketing,
    Web,
    Event,
    Dealer,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::DataMining,
        Channel::Telemarketing,
        Channel::Web,
        Channel::Event,
        Channel::Dealer,
        Channel::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::DataMining => "data-mining",
            Channel::Telemarketing => "telemarketing",
            Channel::Web => "web",
            Channel::Event => "event",
            Channel::Dealer => "dealer",
            Channel::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim()).ok_or_else(|| {
            invalid(format!(
                "channel `{s}` is unknown; use one of data-mining, telemarketing, web, event, dealer, other"
            ))
        })
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Channel and campaign of a lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub channel: Channel,
    #[serde(default)]
    pub campaign: String,
}

/// The states a lead moves through (PRODUCT.md §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum LeadStatus {
    New,
    Accepted,
    Rejected,
    Snoozed,
    Contacted,
    Qualified,
    Converted,
    Disqualified,
    Retracted,
}

impl LeadStatus {
    pub const ALL: [LeadStatus; 9] = [
        LeadStatus::New,
        LeadStatus::Accepted,
        LeadStatus::Rejected,
        LeadStatus::Snoozed,
        LeadStatus::Contacted,
        LeadStatus::Qualified,
        LeadStatus::Converted,
        LeadStatus::Disqualified,
        LeadStatus::Retracted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LeadStatus::New => "new",
            LeadStatus::Accepted => "accepted",
            LeadStatus::Rejected => "rejected",
            LeadStatus::Snoozed => "snoozed",
            LeadStatus::Contacted => "contacted",
            LeadStatus::Qualified => "qualified",
            LeadStatus::Converted => "converted",
            LeadStatus::Disqualified => "disqualified",
            LeadStatus::Retracted => "retracted",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim()).ok_or_else(|| {
            invalid(format!(
                "status `{s}` is unknown; use one of new, accepted, rejected, snoozed, contacted, qualified, converted, disqualified, retracted"
            ))
        })
    }

    /// A stable one-byte code for index keys (never reorder: stores depend on it).
    pub fn code(self) -> u8 {
        self as u8
    }

    /// Whether the lead still asks for work (shown in the inbox by default).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            LeadStatus::New
                | LeadStatus::Accepted
                | LeadStatus::Snoozed
                | LeadStatus::Contacted
                | LeadStatus::Qualified
        )
    }
}

impl fmt::Display for LeadStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A step in the lead's life; the data a step needs travels with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeadStep {
    Accept,
    Reject {
        reason: String,
    },
    Snooze {
        until: Timestamp,
    },
    /// A snoozed lead comes back to the inbox as new.
    Wake,
    Contact,
    Qualify,
    Convert {
        opportunity: OpportunityId,
    },
    Disqualify {
        reason: String,
    },
    /// Head office took the lead back.
    Retract,
}

impl LeadStep {
    /// The status the step leads to.
    pub fn target(&self) -> LeadStatus {
        match self {
            LeadStep::Accept => LeadStatus::Accepted,
            LeadStep::Reject { .. } => LeadStatus::Rejected,
            LeadStep::Snooze { .. } => LeadStatus::Snoozed,
            LeadStep::Wake => LeadStatus::New,
            LeadStep::Contact => LeadStatus::Contacted,
            LeadStep::Qualify => LeadStatus::Qualified,
            LeadStep::Convert { .. } => LeadStatus::Converted,
            LeadStep::Disqualify { .. } => LeadStatus::Disqualified,
            LeadStep::Retract => LeadStatus::Retracted,
        }
    }

    /// A response to the lead by the dealer, the kind head office times (snoozing is not).
    pub fn is_response(&self) -> bool {
        matches!(
            self,
            LeadStep::Accept
                | LeadStep::Reject { .. }
                | LeadStep::Contact
                | LeadStep::Convert { .. }
        )
    }
}

/// A lead record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lead {
    pub id: LeadId,
    /// Head office's id (e.g. `HQ-2026-000123`); none for leads the dealer found.
    #[serde(default)]
    pub external_id: Option<String>,
    pub account_id: AccountId,
    #[serde(default)]
    pub contact_id: Option<ContactId>,
    pub source: Source,
    pub score: u8,
    #[serde(default)]
    pub interest: String,
    #[serde(default)]
    pub signals: Vec<String>,
    /// Orders won from this lead earn head office's incentive.
    #[serde(default)]
    pub incentive: bool,
    pub received_at: Timestamp,
    /// The SLA deadline for a first response.
    #[serde(default)]
    pub respond_by: Option<Timestamp>,
    pub status: LeadStatus,
    /// Why it was rejected or disqualified.
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub snoozed_until: Option<Timestamp>,
    pub status_changed_at: Timestamp,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub notes: String,
    /// Cached derivation of `Tier::derive`, kept current by the store so the inbox index can
    /// sort by it.
    pub tier: Tier,
    #[serde(default)]
    pub opportunity_id: Option<OpportunityId>,
    /// When a person first logged contact.
    #[serde(default)]
    pub first_contact_at: Option<Timestamp>,
    /// The first response to the lead (accept, reject, convert or a logged contact): the end of
    /// the response time head office measures. Set once; undoing that response restores `None`.
    #[serde(default)]
    pub first_response_at: Option<Timestamp>,
    /// The next step while the lead has no deal; once converted, the deal's counts.
    #[serde(default)]
    pub next_step: Option<Date>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Lead {
    /// A new lead with only what every lead has; the caller fills in the rest and sets the tier
    /// from its account (`ops::tier_of`).
    pub fn new(
        id: LeadId,
        account_id: AccountId,
        channel: Channel,
        score: u8,
        received_at: Timestamp,
    ) -> Lead {
        Lead {
            id,
            external_id: None,
            account_id,
            contact_id: None,
            source: Source {
                channel,
                campaign: String::new(),
            },
            score,
            interest: String::new(),
            signals: vec![],
            incentive: false,
            received_at,
            respond_by: None,
            status: LeadStatus::New,
            reason: None,
            snoozed_until: None,
            status_changed_at: received_at,
            owner: String::new(),
            notes: String::new(),
            tier: Tier::UnknownProspect,
            opportunity_id: None,
            first_contact_at: None,
            first_response_at: None,
            next_step: None,
            created_at: received_at,
            updated_at: received_at,
        }
    }

    /// A `new` lead past its respond-by deadline.
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        self.status == LeadStatus::New && self.respond_by.is_some_and(|d| d < now)
    }

    /// Checks the fields a user or a file can get wrong.
    pub fn validate(&self) -> Result<(), DomainError> {
        validate_score(i64::from(self.score))?;
        max_len("interest", &self.interest, MAX_FIELD_LEN)?;
        max_len("campaign", &self.source.campaign, MAX_FIELD_LEN)?;
        max_len("notes", &self.notes, MAX_NOTE_LEN)?;
        if let Some(id) = &self.external_id {
            super::text::required("lead id", id)?;
        }
        if let Some(r) = self.respond_by {
            if r < self.received_at {
                return Err(invalid(format!(
                    "respond-by {r} is before the lead was received ({}); give a later deadline",
                    self.received_at
                )));
            }
        }
        Ok(())
    }

    /// Moves the lead one step, or says why it may not: illegal steps are errors, never no-ops.
    pub fn apply(&mut self, step: LeadStep, now: Timestamp) -> Result<(), DomainError> {
        use LeadStatus::*;
        let from = self.status;
        let to = step.target();
        let allowed = match &step {
            LeadStep::Accept => matches!(from, New | Snoozed),
            LeadStep::Reject { .. } => matches!(from, New | Snoozed),
            LeadStep::Snooze { .. } => matches!(from, New | Accepted),
            LeadStep::Wake => from == Snoozed,
            LeadStep::Contact => from == Accepted,
            LeadStep::Qualify => from == Contacted,
            LeadStep::Convert { .. } => matches!(from, New | Accepted | Contacted | Qualified),
            LeadStep::Disqualify { .. } => matches!(from, Accepted | Contacted | Qualified),
            LeadStep::Retract => from.is_open(),
        };
        if !allowed {
            return Err(DomainError::IllegalLeadTransition {
                from,
                to,
                hint: hint(from, to),
            });
        }
        match &step {
            LeadStep::Reject { reason } | LeadStep::Disqualify { reason } => {
                if reason.trim().is_empty() {
                    return Err(invalid(format!(
                        "a lead can only become {to} with a reason; pick one"
                    )));
                }
                self.reason = Some(reason.trim().to_string());
            }
            LeadStep::Snooze { until } => {
                if *until <= now {
                    return Err(invalid(format!(
                        "snooze until {until} is not in the future; pick a later date"
                    )));
                }
                self.snoozed_until = Some(*until);
            }
            LeadStep::Convert { opportunity } => self.opportunity_id = Some(*opportunity),
            _ => {}
        }
        if from == Snoozed && to != Snoozed {
            self.snoozed_until = None;
        }
        if to == Contacted && self.first_contact_at.is_none() {
            self.first_contact_at = Some(now);
        }
        if step.is_response() && self.first_response_at.is_none() {
            self.first_response_at = Some(now);
        }
        self.status = to;
        self.status_changed_at = now;
        self.updated_at = now;
        Ok(())
    }
}

fn hint(from: LeadStatus, to: LeadStatus) -> &'static str {
    use LeadStatus::*;
    match (from, to) {
        (Rejected | Converted | Disqualified | Retracted, _) => {
            "it is closed; use undo if this was a mistake"
        }
        (_, Contacted) => "accept it first",
        (_, Qualified) => "log a contact first",
        (_, Disqualified) => "reject a lead that was never accepted instead",
        (_, Rejected) => "disqualify a lead that was already accepted instead",
        (_, New) => "only a snoozed lead can come back as new",
        _ => "it is already past that step",
    }
}

/// A score is a whole number from 0 to 100.
pub fn validate_score(score: i64) -> Result<u8, DomainError> {
    u8::try_from(score)
        .ok()
        .filter(|s| *s <= 100)
        .ok_or_else(|| {
            invalid(format!(
                "score {score} is out of range; a score is a whole number from 0 to 100"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    pub(crate) fn lead(status: LeadStatus) -> Lead {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let now = ts("2026-11-16T08:00:00Z");
        let mut l = Lead::new(
            LeadId::new_at(now, &mut rng),
            AccountId::new_at(now, &mut rng),
            Channel::DataMining,
            82,
            now,
        );
        l.external_id = Some("HQ-2026-000123".into());
        l.source.campaign = "Replacement 2027".into();
        l.interest = "R 450 tractor".into();
        l.incentive = true;
        l.respond_by = Some(ts("2026-11-18T17:00:00Z"));
        l.status = status;
        l
    }

    const NOW: &str = "2026-11-20T09:00:00Z";

    #[test]
    fn a_new_lead_can_be_accepted_rejected_snoozed_or_converted() {
        let now = ts(NOW);
        let mut l = lead(LeadStatus::New);
        l.apply(LeadStep::Accept, now).unwrap();
        assert_eq!(l.status, LeadStatus::Accepted);
        assert_eq!(l.status_changed_at, now);

        let mut l = lead(LeadStatus::New);
        l.apply(
            LeadStep::Reject {
                reason: "duplicate".into(),
            },
            now,
        )
        .unwrap();
        assert_eq!(
            (l.status, l.reason.as_deref()),
            (LeadStatus::Rejected, Some("duplicate"))
        );

        let mut l = lead(LeadStatus::New);
        l.apply(
            LeadStep::Snooze {
                until: ts("2026-11-25T08:00:00Z"),
            },
            now,
        )
        .unwrap();
        assert_eq!(l.status, LeadStatus::Snoozed);
        l.apply(LeadStep::Wake, now).unwrap();
        assert_eq!((l.status, l.snoozed_until), (LeadStatus::New, None));
    }

    #[test]
    fn the_worked_path_runs_accept_contact_qualify_convert() {
        let now = ts(NOW);
        let mut l = lead(LeadStatus::New);
        l.apply(LeadStep::Accept, now).unwrap();
        l.apply(LeadStep::Contact, now).unwrap();
        assert_eq!(l.first_contact_at, Some(now));
        l.apply(LeadStep::Qualify, now).unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let opp = OpportunityId::new_at(now, &mut rng);
        l.apply(LeadStep::Convert { opportunity: opp }, now)
            .unwrap();
        assert_eq!(
            (l.status, l.opportunity_id),
            (LeadStatus::Converted, Some(opp))
        );
    }

    #[test]
    fn illegal_steps_are_errors_and_change_nothing() {
        let now = ts(NOW);
        for (status, step) in [
            (LeadStatus::New, LeadStep::Contact),
            (LeadStatus::New, LeadStep::Qualify),
            (LeadStatus::New, LeadStep::Disqualify { reason: "x".into() }),
            (
                LeadStatus::Accepted,
                LeadStep::Reject { reason: "x".into() },
            ),
            (LeadStatus::Rejected, LeadStep::Accept),
            (LeadStatus::Converted, LeadStep::Retract),
            (LeadStatus::Accepted, LeadStep::Wake),
            (LeadStatus::Contacted, LeadStep::Accept),
        ] {
            let mut l = lead(status);
            let before = l.clone();
            let err = l.apply(step.clone(), now).unwrap_err();
            assert!(
                matches!(err, DomainError::IllegalLeadTransition { .. }),
                "{status} {step:?}"
            );
            assert_eq!(l, before);
        }
        let err = lead(LeadStatus::Rejected)
            .apply(LeadStep::Accept, now)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a lead that is rejected cannot become accepted; it is closed; use undo if this was a mistake"
        );
    }

    #[test]
    fn reject_needs_a_reason_and_snooze_a_future_date() {
        let now = ts(NOW);
        let mut l = lead(LeadStatus::New);
        assert!(
            l.apply(LeadStep::Reject { reason: " ".into() }, now)
                .is_err()
        );
        assert!(
            l.apply(
                LeadStep::Snooze {
                    until: ts("2026-11-19T00:00:00Z")
                },
                now
            )
            .is_err()
        );
        assert_eq!(l.status, LeadStatus::New);
    }

    #[test]
    fn head_office_can_retract_any_open_lead() {
        let now = ts(NOW);
        for s in [
            LeadStatus::New,
            LeadStatus::Accepted,
            LeadStatus::Snoozed,
            LeadStatus::Contacted,
            LeadStatus::Qualified,
        ] {
            let mut l = lead(s);
            l.apply(LeadStep::Retract, now).unwrap();
            assert_eq!(l.status, LeadStatus::Retracted);
        }
    }

    #[test]
    fn only_a_new_lead_past_its_deadline_is_overdue() {
        let l = lead(LeadStatus::New);
        assert!(!l.is_overdue(ts("2026-11-18T16:59:59Z")));
        assert!(l.is_overdue(ts("2026-11-18T17:00:01Z")));
        assert!(!lead(LeadStatus::Accepted).is_overdue(ts("2026-11-19T00:00:00Z")));
    }

    #[test]
    fn scores_are_zero_to_hundred() {
        assert_eq!(validate_score(0).unwrap(), 0);
        assert_eq!(validate_score(100).unwrap(), 100);
        assert_eq!(
            validate_score(250).unwrap_err().to_string(),
            "score 250 is out of range; a score is a whole number from 0 to 100"
        );
        assert!(validate_score(-1).is_err());
    }

    #[test]
    fn a_deadline_before_receipt_is_refused() {
        let mut l = lead(LeadStatus::New);
        l.respond_by = Some(ts("2026-11-01T00:00:00Z"));
        assert!(l.validate().unwrap_err().to_string().contains("respond-by"));
    }
}
