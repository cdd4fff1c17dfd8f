//! Logging a visit (or call, email, meeting, note) and applying its outcome's effects
//! (PRODUCT.md §3): the lead moves on, the opportunity changes stage (one is created when the
//! outcome needs it), an appointment lands on the calendar, a won order makes a customer.

use super::lead_triage::new_opportunity_for;
use super::tiers::retier;
use super::{load_account, load_lead, load_opportunity};
use crate::domain::error::invalid;
use crate::domain::*;
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};

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
    /// The final order value for `order-won` (default: the opportunity's value).
    pub won_value: Option<Cents>,
    /// When it happened (default: now).
    pub at: Option<Timestamp>,
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
            at: None,
        }
    }
}

/// What logging did, for the confirmation message and undo.
#[derive(Debug)]
pub struct VisitResult {
    pub activity: Activity,
    pub lead: Option<Lead>,
    pub opportunity: Option<Opportunity>,
    pub appointment: Option<Appointment>,
    pub account: Account,
    /// One line per effect, e.g. "lead HQ-1 is now converted".
    pub effects: Vec<String>,
    pub receipt: Receipt,
}

/// Logs the activity and applies its outcome, atomically.
pub fn log_visit(
    store: &Store,
    input: &VisitInput,
    now: Timestamp,
    tz: &TimeZone,
) -> Result<VisitResult, StoreError> {
    let at = input.at.unwrap_or(now);
    if at > now {
        return Err(invalid(
            "the activity's time is in the future; log what happened, plan the rest as a next step",
        )
        .into());
    }
    let (mut lead, mut opp) = match input.target {
        VisitTarget::Lead(id) => {
            let lead = load_lead(store, id)?;
            let opp = match lead.opportunity_id {
                Some(o) => store.opportunity(o)?,
                None => None,
            };
            (Some(lead), opp)
        }
        VisitTarget::Opportunity(id) => {
            let opp = load_opportunity(store, id)?;
            let lead = match opp.lead_id {
                Some(l) => store.lead(l)?,
                None => None,
            };
            (lead, Some(opp))
        }
        VisitTarget::Account(_) => (None, None),
    };
    let account_id = match (input.target, &lead, &opp) {
        (VisitTarget::Account(a), _, _) => a,
        (_, Some(l), _) => l.account_id,
        (_, _, Some(o)) => o.account_id,
        _ => unreachable!("a lead or opportunity target was loaded"),
    };
    if let Some(l) = &lead {
        let needs_deal = input.outcome.and_then(Outcome::target_stage).is_some();
        if needs_deal && opp.is_none() && !l.status.is_open() {
            return Err(invalid(format!(
                "lead {} is {}, so no deal can start from it; log the visit on its account \
                 (--account {}) to start a new deal",
                l.external_id.clone().unwrap_or_else(|| l.id.to_string()),
                l.status,
                l.account_id
            ))
            .into());
        }
    }
    let mut account = load_account(store, account_id)?;
    let original_account = account.clone();
    let mut effects = Vec::new();

    let lost_reason = match input.outcome {
        Some(Outcome::OrderLost) => {
            let r = input.lost_reason.as_deref().unwrap_or("");
            if r.trim().is_empty() {
                return Err(invalid(
                    "order-lost needs a lost reason; give one from the list (e.g. price)",
                )
                .into());
            }
            Some(store.reasons()?.check_lost(r)?)
        }
        _ => None,
    };
    let next_step = match (
        input.next_step,
        input.outcome.and_then(Outcome::default_next_step_days),
    ) {
        (Some(d), _) => Some(d),
        (None, Some(days)) => now
            .to_zoned(tz.clone())
            .date()
            .checked_add(jiff::Span::new().days(days))
            .ok(),
        (None, None) => None,
    };

    // The opportunity: created when the outcome needs one and there is none.
    let mut created_opp = false;
    if let Some(stage) = input.outcome.and_then(Outcome::target_stage) {
        if opp.is_none() {
            let mut o = match &lead {
                Some(l) => new_opportunity_for(l, &account.name, now),
                None => {
                    let pseudo = Lead {
                        interest: String::new(),
                        incentive: false,
                        ..placeholder_lead(account_id, now)
                    };
                    let mut o = new_opportunity_for(&pseudo, &account.name, now);
                    o.lead_id = None;
                    o
                }
            };
            o.owner = account.owner.clone();
            opp = Some(o);
            created_opp = true;
            effects.push(format!("opportunity created for {}", account.name));
        }
        if let Some(o) = opp.as_mut() {
            match stage {
                Stage::Won => {
                    let value = input.won_value.unwrap_or(o.value);
                    o.win(value, now)?;
                    effects.push(format!("opportunity \"{}\" won at {}", o.title, o.value));
                    if account.lifecycle != Lifecycle::Customer {
                        account.won_order(now);
                        effects.push(format!("{} is now a customer", account.name));
                    }
                }
                Stage::Lost => {
                    o.lose(lost_reason.as_deref().unwrap_or("other"), now)?;
                    effects.push(format!(
                        "opportunity \"{}\" lost ({})",
                        o.title,
                        o.lost_reason.as_deref().unwrap_or("")
                    ));
                }
                s => {
                    if !o.stage.is_open() {
                        return Err(DomainError::IllegalStageMove {
                            from: o.stage,
                            to: s,
                            hint: "it is closed; create a new opportunity for a new deal",
                        }
                        .into());
                    }
                    if o.advance_to_at_least(s, now) {
                        effects.push(format!("opportunity \"{}\" moved to {}", o.title, o.stage));
                    }
                }
            }
        }
    }

    // The lead: moves along its status machine, one legal step at a time.
    if let Some(l) = lead.as_mut() {
        let before = l.status;
        advance_lead(l, input, opp.as_ref(), created_opp, now)?;
        if l.status != before {
            effects.push(format!(
                "lead {} is now {}",
                l.external_id.clone().unwrap_or_else(|| l.id.to_string()),
                l.status
            ));
        }
    }

    let activity = Activity {
        id: ActivityId::generate(now),
        account_id,
        lead_id: lead.as_ref().map(|l| l.id),
        opportunity_id: opp.as_ref().map(|o| o.id),
        contact_id: lead.as_ref().and_then(|l| l.contact_id),
        kind: input.kind,
        at,
        outcome: input.outcome,
        lost_reason,
        note: input.note.trim().to_string(),
        next_step,
        created_at: now,
    };
    activity.validate()?;

    let appointment = match (input.outcome, next_step) {
        (Some(Outcome::AppointmentMade), Some(day)) => {
            let time = input
                .appointment_time
                .unwrap_or(Time::constant(10, 0, 0, 0));
            let starts_at = appointment_start(day, time, tz)?;
            effects.push(format!(
                "appointment on {day} at {}",
                time.strftime("%H:%M")
            ));
            Some(Appointment {
                id: AppointmentId::generate(now),
                account_id,
                lead_id: activity.lead_id,
                opportunity_id: activity.opportunity_id,
                activity_id: Some(activity.id),
                starts_at,
                minutes: 60,
                title: format!("Appointment: {}", account.name),
                location: [
                    account.address.street.as_str(),
                    account.address.city.as_str(),
                ]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
                created_at: now,
            })
        }
        _ => None,
    };

    if account.last_activity_at.is_none_or(|t| t < at) {
        account.last_activity_at = Some(at);
        account.updated_at = now;
    }

    let mut ws = WriteSet::new();
    if account != original_account {
        ws.put(account.clone());
        // The account's change can change the tier of all its leads.
        let mut leads = store.leads_of(account_id)?;
        if let Some(l) = &lead {
            if let Some(slot) = leads.iter_mut().find(|x| x.id == l.id) {
                *slot = l.clone();
            }
        }
        let changed = retier(&mut leads, &account);
        for i in changed {
            match lead.as_mut() {
                Some(target) if target.id == leads[i].id => target.tier = leads[i].tier,
                _ => {
                    ws.put(leads[i].clone());
                }
            }
        }
    }
    if let Some(l) = &lead {
        ws.put(l.clone());
    }
    if let Some(o) = &opp {
        ws.put(o.clone());
    }
    ws.put(activity.clone());
    if let Some(a) = &appointment {
        ws.put(a.clone());
    }
    let receipt = store.commit(&ws, now)?;
    Ok(VisitResult {
        activity,
        lead,
        opportunity: opp,
        appointment,
        account,
        effects,
        receipt,
    })
}

fn advance_lead(
    l: &mut Lead,
    input: &VisitInput,
    opp: Option<&Opportunity>,
    created_opp: bool,
    now: Timestamp,
) -> Result<(), DomainError> {
    if !l.status.is_open() {
        // A closed lead keeps its status; the activity is still logged on it.
        return Ok(());
    }
    if l.status == LeadStatus::Snoozed {
        l.apply(LeadStep::Wake, now)?;
    }
    if l.status == LeadStatus::New {
        l.apply(LeadStep::Accept, now)?;
    }
    let contacted = input.kind.is_contact() && input.outcome.is_none_or(Outcome::is_contact);
    if contacted && l.status == LeadStatus::Accepted {
        l.apply(LeadStep::Contact, now)?;
    }
    match input.outcome {
        Some(Outcome::NotInterested) => {
            l.apply(
                LeadStep::Disqualify {
                    reason: "not interested".into(),
                },
                now,
            )?;
        }
        Some(o) if o.target_stage().is_some() => {
            if let Some(opp) = opp {
                if created_opp || l.opportunity_id.is_none() || l.opportunity_id == Some(opp.id) {
                    l.apply(
                        LeadStep::Convert {
                            opportunity: opp.id,
                        },
                        now,
                    )?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// When an appointment starts. A wall-clock time the clocks skip (the spring DST gap) is
/// refused rather than silently moved; a time that happens twice (autumn) takes the first.
fn appointment_start(day: Date, time: Time, tz: &TimeZone) -> Result<Timestamp, DomainError> {
    let ambiguous = tz.to_ambiguous_zoned(day.to_datetime(time));
    if let AmbiguousOffset::Gap { .. } = ambiguous.offset() {
        return Err(invalid(format!(
            "the appointment time does not exist on {day}: the clocks skip {} there \
             (daylight saving); pick another time",
            time.strftime("%H:%M")
        )));
    }
    ambiguous.compatible().map(|z| z.timestamp()).map_err(|e| {
        invalid(format!(
            "the appointment time on {day} cannot be used ({e})"
        ))
    })
}

/// A stand-in lead for creating an opportunity on an account without one.
fn placeholder_lead(account_id: AccountId, now: Timestamp) -> Lead {
    Lead::new(LeadId::generate(now), account_id, Channel::Dealer, 0, now)
}
