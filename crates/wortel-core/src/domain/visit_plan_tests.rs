//! The visit plan without a store: each §3 rule issue 14 changed, on records built in memory.

use super::*;
use jiff::civil::date;

fn now() -> Timestamp {
    "2026-11-23T09:00:00Z".parse().unwrap()
}

fn clock(tz: &TimeZone) -> VisitClock<'_> {
    VisitClock { now: now(), tz }
}

fn account() -> Account {
    Account::new(
        AccountId::generate(now()),
        "Transport Jansen",
        Lifecycle::Prospect,
        now(),
    )
}

fn lead_of(a: &Account, status: LeadStatus) -> Lead {
    let received = "2026-11-20T09:00:00Z".parse().unwrap();
    let mut l = Lead::new(LeadId::generate(now()), a.id, Channel::Web, 60, received);
    l.status = status;
    l
}

fn deal_of(a: &Account, value: i64, next: Option<Date>) -> Opportunity {
    let mut o = Opportunity::new(
        OpportunityId::generate(now()),
        a.id,
        "R 450",
        Cents::euros(value),
        Stage::Quote,
        now(),
    );
    o.details.next_step = next;
    o
}

#[test]
fn a_note_without_an_outcome_moves_no_snoozed_lead() {
    let tz = TimeZone::UTC;
    let a = account();
    let lead = lead_of(&a, LeadStatus::Snoozed);
    let mut input = VisitInput::new(VisitTarget::Lead(lead.id), None);
    input.kind = ActivityKind::Note;
    input.note = "called back later".into();
    let records = VisitRecords {
        lead: Some(lead),
        deal: None,
        account: a,
    };
    let plan = plan_visit(records, &input, None, clock(&tz)).unwrap();
    assert_eq!(plan.lead.unwrap().status, LeadStatus::Snoozed);
    assert!(plan.effects.is_empty(), "{:?}", plan.effects);
}

#[test]
fn a_win_takes_the_deal_value_and_without_one_is_refused() {
    let tz = TimeZone::UTC;
    let a = account();
    let valued = deal_of(&a, 80_000, None);
    let input = VisitInput::new(VisitTarget::Opportunity(valued.id), Some(Outcome::OrderWon));
    let records = VisitRecords {
        lead: None,
        deal: Some(valued),
        account: a.clone(),
    };
    let plan = plan_visit(records, &input, None, clock(&tz)).unwrap();
    assert_eq!(plan.deal.unwrap().value, Cents::euros(80_000));

    let empty = deal_of(&a, 0, None);
    let input = VisitInput::new(VisitTarget::Opportunity(empty.id), Some(Outcome::OrderWon));
    let records = VisitRecords {
        lead: None,
        deal: Some(empty),
        account: a,
    };
    let err = plan_visit(records, &input, None, clock(&tz)).unwrap_err();
    assert!(err.to_string().contains("has no value"), "{err}");
}

#[test]
fn the_next_step_stays_with_its_deal_and_a_note_keeps_it() {
    let tz = TimeZone::UTC;
    let a = account();
    let planned = Some(date(2026, 12, 10));
    let deal = deal_of(&a, 50_000, planned);
    let mut input = VisitInput::new(VisitTarget::Opportunity(deal.id), None);
    input.kind = ActivityKind::Note;
    let records = VisitRecords {
        lead: None,
        deal: Some(deal.clone()),
        account: a.clone(),
    };
    let plan = plan_visit(records, &input, None, clock(&tz)).unwrap();
    assert_eq!(plan.deal.unwrap().details.next_step, planned);

    let mut input = VisitInput::new(VisitTarget::Opportunity(deal.id), Some(Outcome::OrderWon));
    input.won_value = Some(Cents::euros(50_000));
    let records = VisitRecords {
        lead: None,
        deal: Some(deal),
        account: a,
    };
    let plan = plan_visit(records, &input, None, clock(&tz)).unwrap();
    assert_eq!(
        plan.deal.unwrap().details.next_step,
        None,
        "a won deal has no next step"
    );
}

#[test]
fn a_quote_records_its_value_and_validity() {
    let tz = TimeZone::UTC;
    let a = account();
    let lead = lead_of(&a, LeadStatus::New);
    let mut input = VisitInput::new(VisitTarget::Lead(lead.id), Some(Outcome::QuoteSent));
    input.deal_value = Some(Cents::euros(80_000));
    input.quote_valid_until = Some(date(2026, 12, 31));
    let records = VisitRecords {
        lead: Some(lead),
        deal: None,
        account: a,
    };
    let plan = plan_visit(records, &input, None, clock(&tz)).unwrap();
    let deal = plan.deal.unwrap();
    assert_eq!(
        (deal.stage, deal.value),
        (Stage::Quote, Cents::euros(80_000))
    );
    assert_eq!(deal.details.quote_valid_until, Some(date(2026, 12, 31)));
    let lead = plan.lead.unwrap();
    assert_eq!(lead.status, LeadStatus::Converted);
    assert_eq!(
        lead.first_response_at,
        Some(now()),
        "the first response is timed"
    );
    assert_eq!(
        lead.next_step, None,
        "a converted lead's next step is its deal's"
    );
}

#[test]
fn a_value_with_an_outcome_that_takes_none_is_refused() {
    let tz = TimeZone::UTC;
    let a = account();
    let lead = lead_of(&a, LeadStatus::Accepted);
    let mut input = VisitInput::new(VisitTarget::Lead(lead.id), Some(Outcome::FollowUp));
    input.deal_value = Some(Cents::euros(1));
    let records = VisitRecords {
        lead: Some(lead),
        deal: None,
        account: a,
    };
    assert!(plan_visit(records, &input, None, clock(&tz)).is_err());
}
