//! The single steps of a visit plan: the deal's stage and value, the lead's status, where the
//! next step lives, the appointment. Each keeps one §3 rule; `visit_plan` runs them in order.

use super::error::{DomainError, invalid};
use super::visit_plan::{VisitClock, VisitInput};
use super::*;
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};

/// A fresh deal at `qualify` for a lead, carrying its interest and head office's incentive.
pub fn new_deal_for(lead: &Lead, account_name: &str, now: Timestamp) -> Opportunity {
    let title = if lead.interest.trim().is_empty() {
        format!("Deal with {account_name}")
    } else {
        lead.interest.clone()
    };
    let mut opp = Opportunity::new(
        OpportunityId::generate(now),
        lead.account_id,
        &title,
        Cents(0),
        Stage::Qualify,
        now,
    );
    opp.lead_id = Some(lead.id);
    opp.incentive = lead.incentive;
    opp.owner = lead.owner.clone();
    opp
}

/// Moves the deal as the outcome says, creating it when the outcome needs one; returns
/// whether it was created. Only this deal changes: the account's other deals are untouched.
pub(crate) fn step_deal(
    deal: &mut Option<Opportunity>,
    lead: Option<&Lead>,
    account: &mut Account,
    input: &VisitInput,
    lost_reason: Option<&str>,
    clock: VisitClock,
    effects: &mut Vec<String>,
) -> Result<bool, DomainError> {
    let carries_value = input.deal_value.is_some() || input.quote_valid_until.is_some();
    let Some(stage) = input.outcome.and_then(Outcome::target_stage) else {
        return if carries_value {
            Err(value_without_outcome())
        } else {
            Ok(false)
        };
    };
    if carries_value && !stage.is_open() {
        return Err(value_without_outcome());
    }
    let created = deal.is_none();
    let o = deal.get_or_insert_with(|| deal_for_visit(lead, account, clock.now));
    if created {
        effects.push(format!("opportunity created for {}", account.name));
    }
    match stage {
        Stage::Won => {
            o.win(won_value(input.won_value, o)?, clock.now)?;
            effects.push(format!("opportunity \"{}\" won at {}", o.title, o.value));
            if account.lifecycle != Lifecycle::Customer {
                account.won_order(clock.now);
                effects.push(format!("{} is now a customer", account.name));
            }
        }
        Stage::Lost => {
            o.lose(lost_reason.unwrap_or("other"), clock.now)?;
            let reason = o.lost_reason.as_deref().unwrap_or("");
            effects.push(format!("opportunity \"{}\" lost ({reason})", o.title));
        }
        s => {
            if !o.stage.is_open() {
                return Err(DomainError::IllegalStageMove {
                    from: o.stage,
                    to: s,
                    hint: "it is closed; create a new opportunity for a new deal",
                });
            }
            set_open_deal_value(o, input, clock, effects)?;
            if o.advance_to_at_least(s, clock.now) {
                effects.push(format!("opportunity \"{}\" moved to {}", o.title, o.stage));
            }
        }
    }
    Ok(created)
}

/// The deal an outcome starts: from the lead, or on the account alone (no lead to hang off).
fn deal_for_visit(lead: Option<&Lead>, account: &Account, now: Timestamp) -> Opportunity {
    let mut o = match lead {
        Some(l) => new_deal_for(l, &account.name, now),
        None => {
            let pseudo = Lead::new(LeadId::generate(now), account.id, Channel::Dealer, 0, now);
            let mut o = new_deal_for(&pseudo, &account.name, now);
            o.lead_id = None;
            o
        }
    };
    o.owner = account.owner.clone();
    o
}

fn value_without_outcome() -> DomainError {
    invalid(
        "a deal value goes with appointment-made (estimated) or quote-sent (quoted), \
         a valid-until date with quote-sent only; leave it out or pick that outcome",
    )
}

/// The quoted value (and its validity) for quote-sent, the estimate for appointment-made.
fn set_open_deal_value(
    o: &mut Opportunity,
    input: &VisitInput,
    clock: VisitClock,
    effects: &mut Vec<String>,
) -> Result<(), DomainError> {
    match input.outcome {
        Some(Outcome::QuoteSent) => {
            let value = match input.deal_value {
                Some(v) => v,
                None if input.quote_valid_until.is_none() => return Ok(()),
                None if o.value.0 > 0 => o.value,
                None => {
                    return Err(invalid(
                        "the quote's valid-until date needs the quoted value; give it (e.g. 95.000)",
                    ));
                }
            };
            record_quote(o, value, input.quote_valid_until, clock.today(), clock.now)?;
            effects.push(format!("quote of {value} recorded on \"{}\"", o.title));
        }
        _ => {
            if input.quote_valid_until.is_some() {
                return Err(value_without_outcome());
            }
            if let Some(v) = input.deal_value {
                if v.0 <= 0 {
                    return Err(invalid(format!(
                        "an estimated value of {v} says nothing; leave it out or give the estimate"
                    )));
                }
                o.value = v;
                o.updated_at = clock.now;
                effects.push(format!("\"{}\" estimated at {v}", o.title));
            }
        }
    }
    Ok(())
}

/// The value an order is won at: the one given, else the deal's own; a deal without a value
/// cannot be won without one (head office would book a zero incentive).
fn won_value(given: Option<Cents>, deal: &Opportunity) -> Result<Cents, DomainError> {
    match given {
        Some(v) => Ok(v),
        None if deal.value.0 > 0 => Ok(deal.value),
        None => Err(invalid(format!(
            "deal \"{}\" has no value, so order-won needs the order's final value; \
             give that value (e.g. 95.000)",
            deal.title
        ))),
    }
}

/// Moves the lead along its status machine, one legal step at a time. A note without an
/// outcome records something and moves nothing.
pub(crate) fn advance_lead(
    l: &mut Lead,
    input: &VisitInput,
    deal: Option<&Opportunity>,
    created_deal: bool,
    now: Timestamp,
) -> Result<(), DomainError> {
    if !l.status.is_open() || (input.outcome.is_none() && !input.kind.is_contact()) {
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
            let reason = "not interested".into();
            l.apply(LeadStep::Disqualify { reason }, now)?;
        }
        Some(o) if o.target_stage().is_some() => {
            if let Some(d) = deal {
                if created_deal || l.opportunity_id.is_none() || l.opportunity_id == Some(d.id) {
                    l.apply(LeadStep::Convert { opportunity: d.id }, now)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// The next step belongs to the deal, or to the lead while it has none; a closed deal has
/// none. Without a date nothing is wiped: a note leaves the planned step where it was.
pub(crate) fn place_next_step(
    lead: Option<&mut Lead>,
    deal: Option<&mut Opportunity>,
    next_step: Option<Date>,
    now: Timestamp,
) {
    if let Some(d) = deal {
        let keep = if d.stage.is_open() {
            next_step.or(d.details.next_step)
        } else {
            None
        };
        if d.details.next_step != keep {
            d.details.next_step = keep;
            d.updated_at = now;
        }
    }
    if let Some(l) = lead {
        let keep = if l.opportunity_id.is_some() || !l.status.is_open() {
            None
        } else {
            next_step.or(l.next_step)
        };
        if l.next_step != keep {
            l.next_step = keep;
            l.updated_at = now;
        }
    }
}

/// The calendar entry an `appointment-made` outcome puts on the account.
pub(crate) fn appointment_for(
    activity: &Activity,
    account: &Account,
    input: &VisitInput,
    clock: VisitClock,
    effects: &mut Vec<String>,
) -> Result<Option<Appointment>, DomainError> {
    let (Some(Outcome::AppointmentMade), Some(day)) = (input.outcome, activity.next_step) else {
        return Ok(None);
    };
    let time = input
        .appointment_time
        .unwrap_or(Time::constant(10, 0, 0, 0));
    let starts_at = appointment_start(day, time, clock.tz)?;
    effects.push(format!(
        "appointment on {day} at {}",
        time.strftime("%H:%M")
    ));
    let location = [
        account.address.street.as_str(),
        account.address.city.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    Ok(Some(Appointment {
        id: AppointmentId::generate(clock.now),
        account_id: account.id,
        lead_id: activity.lead_id,
        opportunity_id: activity.opportunity_id,
        activity_id: Some(activity.id),
        starts_at,
        minutes: 60,
        title: format!("Appointment: {}", account.name),
        location,
        created_at: clock.now,
    }))
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
