//! The store's and the operations' promises, as stories.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use wortel::domain::*;
use wortel::ops::{self, VisitInput, VisitTarget};
use wortel::store::{LeadOrder, Store, WriteSet};

fn now() -> Timestamp {
    "2026-11-23T09:00:00Z".parse().unwrap()
}

fn hours(h: i64) -> Timestamp {
    now().checked_add(SignedDuration::from_hours(h)).unwrap()
}

fn account(name: &str, lifecycle: Lifecycle, created: Timestamp) -> Account {
    Account::new(AccountId::generate(created), name, lifecycle, created)
}

fn lead(a: &Account, score: u8, received: Timestamp, respond_by: Timestamp) -> Lead {
    let mut l = Lead::new(
        LeadId::generate(received),
        a.id,
        Channel::Web,
        score,
        received,
    );
    l.interest = "R 450".into();
    l.incentive = true;
    l.respond_by = Some(respond_by);
    l.tier = ops::tier_of(&l, a);
    l
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_or_create(&dir.path().join("s")).unwrap();
    (dir, s)
}

#[test]
fn the_inbox_lists_tier_then_overdue_then_score_then_age() {
    let (_d, s) = store();
    let customer = account("Klant B.V.", Lifecycle::Customer, hours(-5000));
    let known = account("Bekend B.V.", Lifecycle::Prospect, hours(-5000));
    let unknown = account("Nieuw B.V.", Lifecycle::Prospect, hours(-1));
    let c_low_overdue = lead(&customer, 10, hours(-100), hours(-50));
    let c_high = lead(&customer, 90, hours(-100), hours(50));
    let c_high_older = lead(&customer, 90, hours(-200), hours(50));
    let k_overdue = lead(&known, 5, hours(-100), hours(-1));
    let k_top = lead(&known, 99, hours(-10), hours(50));
    let u_mid = lead(&unknown, 50, hours(-2), hours(50));
    let mut u_accepted = lead(&unknown, 70, hours(-3), hours(-2));
    u_accepted.apply(LeadStep::Accept, now()).unwrap();
    let mut ws = WriteSet::new();
    ws.put(customer).put(known).put(unknown.clone());
    for l in [
        &c_low_overdue,
        &c_high,
        &c_high_older,
        &k_overdue,
        &k_top,
        &u_mid,
        &u_accepted,
    ] {
        ws.put(l.clone());
    }
    s.commit(&ws, now()).unwrap();
    assert_eq!(
        u_mid.tier,
        Tier::UnknownProspect,
        "an account that arrived with the lead is unknown"
    );
    let order: Vec<LeadId> = s
        .lead_ids_in_order(&LeadOrder::inbox(), now())
        .map(|r| r.unwrap())
        .collect();
    let want = vec![
        c_low_overdue.id,
        c_high_older.id,
        c_high.id,
        k_overdue.id,
        k_top.id,
        u_accepted.id,
        u_mid.id,
    ];
    assert_eq!(order, want);
    let page = s.leads_page(&LeadOrder::inbox(), now(), 2, 3).unwrap();
    assert_eq!(
        page.iter().map(|l| l.id).collect::<Vec<_>>(),
        want[2..5].to_vec()
    );
    assert_eq!(s.overdue_count(now()).unwrap(), 2);
}

#[test]
fn an_invalid_record_rejects_the_whole_write_and_changes_nothing() {
    let (_d, s) = store();
    let a = account("Goed B.V.", Lifecycle::Prospect, hours(-10));
    let mut bad = lead(&a, 50, hours(-5), hours(5));
    bad.score = 250;
    let seq = s.last_seq().unwrap();
    let mut ws = WriteSet::new();
    ws.put(a.clone()).put(bad);
    let err = s.commit(&ws, now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "score 250 is out of range; a score is a whole number from 0 to 100"
    );
    assert!(s.account(a.id).unwrap().is_none());
    assert_eq!(s.last_seq().unwrap(), seq);
}

#[test]
fn undo_restores_records_and_indexes_and_is_logged() {
    let (_d, s) = store();
    let a = account("Undo B.V.", Lifecycle::Prospect, hours(-10));
    let l = lead(&a, 50, hours(-5), hours(5));
    let mut ws = WriteSet::new();
    ws.put(a).put(l.clone());
    s.commit(&ws, now()).unwrap();
    let r = ops::reject_lead(&s, l.id, "duplicate", now()).unwrap();
    assert_eq!(s.status_count(LeadStatus::Rejected), 1);
    s.commit(&r.receipt.undo(), now()).unwrap();
    assert_eq!(s.lead(l.id).unwrap().unwrap(), l);
    assert_eq!(s.status_count(LeadStatus::Rejected), 0);
    assert_eq!(s.status_count(LeadStatus::New), 1);
    let ops: Vec<String> = s
        .changes_since(0)
        .map(|c| format!("{:?}", c.unwrap().op))
        .collect();
    assert_eq!(ops.len(), 4, "created ×2, rejected, un-rejected: {ops:?}");
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn triage_steps_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s");
    let (ids, opp) = {
        let s = Store::open_or_create(&path).unwrap();
        let a = account("Triage B.V.", Lifecycle::Customer, hours(-100));
        let ls: Vec<Lead> = (0..4)
            .map(|i| lead(&a, 10 * i, hours(-5), hours(5)))
            .collect();
        let mut ws = WriteSet::new();
        ws.put(a);
        for l in &ls {
            ws.put(l.clone());
        }
        s.commit(&ws, now()).unwrap();
        ops::accept_lead(&s, ls[0].id, now()).unwrap();
        ops::reject_lead(&s, ls[1].id, "out of area", now()).unwrap();
        ops::snooze_lead(&s, ls[2].id, hours(48), now()).unwrap();
        let c = ops::convert_lead(&s, ls[3].id, now()).unwrap();
        assert!(ops::reject_lead(&s, ls[0].id, "bogus reason", now()).is_err());
        (
            ls.iter().map(|l| l.id).collect::<Vec<_>>(),
            c.opportunity.unwrap(),
        )
    };
    let s = Store::open(&path).unwrap();
    let status = |i: usize| s.lead(ids[i]).unwrap().unwrap().status;
    assert_eq!(
        [status(0), status(1), status(2), status(3)],
        [
            LeadStatus::Accepted,
            LeadStatus::Rejected,
            LeadStatus::Snoozed,
            LeadStatus::Converted
        ]
    );
    assert_eq!(
        s.lead(ids[1]).unwrap().unwrap().reason.as_deref(),
        Some("out of area")
    );
    let o = s.opportunity(opp.id).unwrap().unwrap();
    assert_eq!(
        (o.stage, o.incentive, o.lead_id),
        (Stage::Qualify, true, Some(ids[3]))
    );
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn winning_an_order_makes_a_customer_and_re_tiers_its_other_leads_in_the_same_write() {
    let (_d, s) = store();
    let a = account("Prospect B.V.", Lifecycle::Prospect, hours(-1));
    let won = lead(&a, 80, hours(-1), hours(40));
    let other = lead(&a, 30, hours(-1), hours(40));
    let mut ws = WriteSet::new();
    ws.put(a.clone()).put(won.clone()).put(other.clone());
    s.commit(&ws, now()).unwrap();
    assert_eq!(other.tier, Tier::UnknownProspect);
    let mut input = VisitInput::new(VisitTarget::Lead(won.id), Some(Outcome::OrderWon));
    input.won_value = Some(Cents::euros(95_000));
    let r = ops::log_visit(&s, &input, now(), &TimeZone::UTC).unwrap();
    assert_eq!(r.account.lifecycle, Lifecycle::Customer);
    assert_eq!(
        s.account(a.id).unwrap().unwrap().lifecycle,
        Lifecycle::Customer
    );
    assert_eq!(s.lead(other.id).unwrap().unwrap().tier, Tier::Customer);
    let w = s.lead(won.id).unwrap().unwrap();
    assert_eq!((w.status, w.tier), (LeadStatus::Converted, Tier::Customer));
    let o = s.opportunity(w.opportunity_id.unwrap()).unwrap().unwrap();
    assert_eq!((o.stage, o.value), (Stage::Won, Cents::euros(95_000)));
    assert_eq!(
        w.first_contact_at,
        Some(now()),
        "the visit was the first contact"
    );
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn an_appointment_lands_on_the_calendar_at_the_local_time_asked() {
    let (_d, s) = store();
    let a = account("Afspraak B.V.", Lifecycle::Customer, hours(-100));
    let mut ws = WriteSet::new();
    ws.put(a.clone());
    s.commit(&ws, now()).unwrap();
    let tz = TimeZone::get("Europe/Amsterdam").unwrap();
    let mut input = VisitInput::new(VisitTarget::Account(a.id), Some(Outcome::AppointmentMade));
    input.next_step = Some("2026-11-27".parse().unwrap());
    input.appointment_time = Some("14:30".parse().unwrap());
    let r = ops::log_visit(&s, &input, now(), &tz).unwrap();
    let ap = r.appointment.unwrap();
    assert_eq!(
        ap.starts_at,
        "2026-11-27T13:30:00Z".parse::<Timestamp>().unwrap()
    );
    assert_eq!(r.opportunity.unwrap().stage, Stage::Appointment);
    assert!(s.appointment(ap.id).unwrap().is_some());
    // A closed deal cannot be moved by an outcome.
    let mut won = VisitInput::new(VisitTarget::Account(a.id), Some(Outcome::OrderWon));
    won.won_value = Some(Cents::euros(1));
    let w = ops::log_visit(&s, &won, now(), &tz).unwrap();
    let again = VisitInput::new(
        VisitTarget::Opportunity(w.opportunity.unwrap().id),
        Some(Outcome::QuoteSent),
    );
    let err = ops::log_visit(&s, &again, now(), &tz)
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot move to quote"), "{err}");
}
