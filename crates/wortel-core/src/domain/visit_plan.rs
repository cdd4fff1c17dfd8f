//! What logging a visit changes (PRODUCT.md §3), decided without a store: the lead, deal and
//! account as loaded plus what the salesperson typed go in, the records to write come out.
//! `ops::log_visit` loads, calls [`plan_visit`] and commits, so the rules are tested here alone.

use super::error::{DomainError, invalid};
use super::visit_steps::{advance_lead, appointment_for, place_next_step, step_deal};
use super::*;
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;

/// What the activity is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitTarget {
    Lead(LeadId),
    Account(AccountId),
    Opportunity(OpportunityId),
}

/// Everything the visit form (or `wortel log-visit`) collects.
#[derive(Clone, Debug, PartialEq)]
pub struct VisitInput {
    pub target: VisitTarget,
    pub kind: ActivityKind,
    pub outcome: Option<Outcome>,
    pub note: String,
    /// The next step's date; for `appointment-made` the appointment's date.
    pub next_step: Option<Date>,
    /// The appointment's time of day (local), default 10:00.
    pub appointment_time: Option<Time>,
    /// Required for `order-lost`.
    pub lost_reason: Option<String>,
    /// The final order value for `order-won` (default: the deal's value; required without one).
    pub won_value: Option<Cents>,
    /// The quoted value for `quote-sent`, or the estimated value for `appointment-made`.
    pub deal_value: Option<Cents>,
    /// Until when the quote holds, for `quote-sent`.
    pub quote_valid_until: Option<Date>,
    /// When it happened (default: now).
    pub at: Option<Timestamp>,
    /// Who was visited or called, a contact of the account (default: the lead's contact).
    pub contact: Option<ContactId>,
}

impl VisitInput {
    /// The common case: an outcome for a target, nothing else typed.
    pub fn new(target: VisitTarget, outcome: Option<Outcome>) -> Self {
        VisitInput {
            target,
            kind: ActivityKind::Visit,
            outcome,
            note: String::new(),
            next_step: None,
            appointment_time: None,
            lost_reason: None,
            won_value: None,
            deal_value: None,
            quote_valid_until: None,
            at: None,
            contact: None,
        }
    }
}

/// The records a visit is about, as loaded before the visit.
#[derive(Clone, Debug)]
pub struct VisitRecords {
    pub lead: Option<Lead>,
    pub deal: Option<Opportunity>,
    pub account: Account,
}

/// The clock and the place the visit is planned in.
#[derive(Clone, Copy, Debug)]
pub struct VisitClock<'a> {
    pub now: Timestamp,
    pub tz: &'a TimeZone,
}

impl VisitClock<'_> {
    pub fn today(&self) -> Date {
        self.now.to_zoned(self.tz.clone()).date()
    }
}

/// What to write: the records after the visit, and one line per effect for the user.
#[derive(Clone, Debug)]
pub struct VisitPlan {
    pub activity: Activity,
    pub lead: Option<Lead>,
    pub deal: Option<Opportunity>,
    pub appointment: Option<Appointment>,
    pub account: Account,
    /// Whether the account itself changed (then its leads' tiers may change too).
    pub account_changed: bool,
    /// E.g. "lead HQ-1 is now converted".
    pub effects: Vec<String>,
}

/// Plans the visit; `lost_reason` is the reason as checked against the store's list.
pub fn plan_visit(
    records: VisitRecords,
    input: &VisitInput,
    lost_reason: Option<String>,
    clock: VisitClock,
) -> Result<VisitPlan, DomainError> {
    let at = input.at.unwrap_or(clock.now);
    if at > clock.now {
        return Err(invalid(
            "the activity's time is in the future; log what happened, plan the rest as a next step",
        ));
    }
    let VisitRecords {
        mut lead,
        mut deal,
        mut account,
    } = records;
    check_deal_can_start(lead.as_ref(), deal.as_ref(), input)?;
    let original_account = account.clone();
    let mut effects = Vec::new();
    let next_step = next_step_of(input, clock);
    let created_deal = step_deal(
        &mut deal,
        lead.as_ref(),
        &mut account,
        input,
        lost_reason.as_deref(),
        clock,
        &mut effects,
    )?;
    if let Some(l) = lead.as_mut() {
        let before = l.status;
        advance_lead(l, input, deal.as_ref(), created_deal, clock.now)?;
        if l.status != before {
            effects.push(format!("lead {} is now {}", lead_label(l), l.status));
        }
    }
    place_next_step(lead.as_mut(), deal.as_mut(), next_step, clock.now);
    let activity = Activity {
        lost_reason,
        next_step,
        ..activity_of(input, &account, lead.as_ref(), deal.as_ref(), at, clock.now)
    };
    activity.validate()?;
    let appointment = appointment_for(&activity, &account, input, clock, &mut effects)?;
    if account.last_activity_at.is_none_or(|t| t < at) {
        account.last_activity_at = Some(at);
        account.updated_at = clock.now;
    }
    Ok(VisitPlan {
        activity,
        lead,
        deal,
        appointment,
        account_changed: account != original_account,
        account,
        effects,
    })
}

/// The activity record, before its lost reason and next step are known.
fn activity_of(
    input: &VisitInput,
    account: &Account,
    lead: Option<&Lead>,
    deal: Option<&Opportunity>,
    at: Timestamp,
    now: Timestamp,
) -> Activity {
    Activity {
        id: ActivityId::generate(now),
        account_id: account.id,
        lead_id: lead.map(|l| l.id),
        opportunity_id: deal.map(|o| o.id),
        contact_id: input.contact.or(lead.and_then(|l| l.contact_id)),
        kind: input.kind,
        at,
        outcome: input.outcome,
        lost_reason: None,
        note: input.note.trim().to_string(),
        next_step: None,
        created_at: now,
    }
}

/// A closed lead without a deal cannot start one: the new deal belongs on the account.
fn check_deal_can_start(
    lead: Option<&Lead>,
    deal: Option<&Opportunity>,
    input: &VisitInput,
) -> Result<(), DomainError> {
    let Some(l) = lead else { return Ok(()) };
    let needs_deal = input.outcome.and_then(Outcome::target_stage).is_some();
    if needs_deal && deal.is_none() && !l.status.is_open() {
        return Err(invalid(format!(
            "lead {} is {}, so no deal can start from it; log the visit on its account \
             (--account {}) to start a new deal",
            lead_label(l),
            l.status,
            l.account_id
        )));
    }
    Ok(())
}

/// The date typed, else the outcome's natural follow-up (§3), counted from today and moved
/// off weekends and public holidays. A typed date is kept as typed: the salesperson chose it.
fn next_step_of(input: &VisitInput, clock: VisitClock) -> Option<Date> {
    input.next_step.or_else(|| {
        input
            .outcome
            .and_then(|o| o.default_next_step(clock.today()))
    })
}

/// Head office's id for a lead when it has one, wortel's otherwise.
pub(crate) fn lead_label(l: &Lead) -> String {
    l.external_id.clone().unwrap_or_else(|| l.id.to_string())
}

#[cfg(test)]
#[path = "visit_plan_tests.rs"]
mod tests;
