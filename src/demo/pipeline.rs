//! Leads, opportunities, activities, appointments and NPS answers, each consistent with the
//! others: a converted lead has its deal, a won deal its order-won visit, an appointment its
//! appointment-made visit.

use super::names::*;
use super::{DemoData, Gen, amsterdam};
use crate::domain::*;
use jiff::{SignedDuration, Timestamp, ToSpan};
use rand::Rng;

/// The leads, and the deals and activities their status implies.
pub fn leads_and_deals(g: &mut Gen, data: &mut DemoData, n: usize) {
    let reasons = Reasons::default();
    let mut hq_seq = 0u32;
    let first_contact_of: Vec<Option<ContactId>> = {
        let mut firsts = std::collections::HashMap::new();
        for c in &data.contacts {
            firsts.entry(c.account_id).or_insert(c.id);
        }
        data.accounts
            .iter()
            .map(|a| firsts.get(&a.id).copied())
            .collect()
    };
    for i in 0..n {
        // Every account gets a lead before any gets a second one.
        let ai = if i < data.accounts.len() {
            i
        } else {
            g.rng.gen_range(0..data.accounts.len())
        };
        let (account_id, account_owner) = {
            let a = &data.accounts[ai];
            (a.id, a.owner.clone())
        };
        let status = pick_status(g);
        let fresh_prospect = i < data.accounts.len()
            && data.accounts[ai].lifecycle == Lifecycle::Prospect
            && data.accounts[ai].origin == Origin::HeadOffice
            && g.chance(0.7);
        // Open new leads are recent: a few days old, so some are past their deadline and some not.
        let received = if status == LeadStatus::New {
            g.days_ago(0.05, 9.0)
        } else {
            let u: f64 = g.rng.r#gen();
            g.days_ago(1.0, 1.0 + 59.0 * u * u)
        };
        let channel = *g.pick(&[
            Channel::DataMining,
            Channel::DataMining,
            Channel::Telemarketing,
            Channel::Web,
            Channel::Web,
            Channel::Event,
            Channel::Dealer,
            Channel::Other,
        ]);
        let external_id = (channel != Channel::Dealer).then(|| {
            hq_seq += 1;
            format!("HQ-2026-{hq_seq:06}")
        });
        let u: f64 = g.rng.r#gen();
        let sla_hours = g.rng.gen_range(48..=120);
        let mut lead = Lead {
            id: LeadId::new_at(received, &mut g.rng),
            external_id: external_id.clone(),
            account_id,
            contact_id: first_contact_of[ai],
            source: Source {
                channel,
                campaign: g.pick(CAMPAIGNS).to_string(),
            },
            score: (u.powf(0.7) * 100.0).round().min(100.0) as u8,
            interest: g.pick(PRODUCTS).to_string(),
            signals: (0..g.rng.gen_range(0..=2))
                .map(|_| g.pick(SIGNALS).to_string())
                .collect(),
            incentive: external_id.is_some() && g.chance(0.3),
            received_at: received,
            respond_by: Some(g.after_hours(received, sla_hours)),
            status: LeadStatus::New,
            reason: None,
            snoozed_until: None,
            status_changed_at: received,
            owner: account_owner,
            notes: if g.chance(0.3) {
                g.pick(NOTES).to_string()
            } else {
                String::new()
            },
            tier: Tier::UnknownProspect,
            opportunity_id: None,
            first_contact_at: None,
            first_response_at: None,
            next_step: None,
            created_at: received,
            updated_at: received,
        };
        if channel == Channel::Dealer {
            lead.respond_by = None;
        }
        if fresh_prospect {
            // Head office found this company: it entered the store with the lead (tier 3).
            let a = &mut data.accounts[ai];
            a.created_at = received;
            a.updated_at = received;
        }
        settle(g, data, &mut lead, status, &reasons);
        data.leads.push(lead);
    }
}

fn pick_status(g: &mut Gen) -> LeadStatus {
    match g.rng.gen_range(0..100) {
        0..35 => LeadStatus::New,
        35..45 => LeadStatus::Accepted,
        45..49 => LeadStatus::Snoozed,
        49..61 => LeadStatus::Contacted,
        61..69 => LeadStatus::Qualified,
        69..84 => LeadStatus::Converted,
        84..92 => LeadStatus::Rejected,
        92..97 => LeadStatus::Disqualified,
        _ => LeadStatus::Retracted,
    }
}

/// Moves the lead to `status` with a believable history.
fn settle(
    g: &mut Gen,
    data: &mut DemoData,
    lead: &mut Lead,
    status: LeadStatus,
    reasons: &Reasons,
) {
    let now = g.now;
    lead.status = status;
    lead.status_changed_at = g.between(lead.received_at, now);
    lead.updated_at = lead.status_changed_at;
    let contacted = matches!(
        status,
        LeadStatus::Contacted
            | LeadStatus::Qualified
            | LeadStatus::Converted
            | LeadStatus::Disqualified
    );
    if contacted {
        let first = g.between(lead.received_at, lead.status_changed_at);
        lead.first_contact_at = Some(first);
        lead.first_response_at = Some(first);
        let outcome = match status {
            LeadStatus::Disqualified => Outcome::NotInterested,
            _ if g.chance(0.2) => Outcome::NoContact,
            _ => Outcome::FollowUp,
        };
        let at = if outcome == Outcome::NotInterested {
            lead.status_changed_at
        } else {
            first
        };
        push_activity(g, data, lead.account_id, Some(lead), None, outcome, at);
    }
    match status {
        LeadStatus::Rejected => lead.reason = Some(g.pick(&reasons.reject).clone()),
        LeadStatus::Disqualified => lead.reason = Some("not interested".to_string()),
        LeadStatus::Snoozed => {
            lead.snoozed_until = Some(
                now.checked_add(SignedDuration::from_hours(g.rng.gen_range(24..24 * 14)))
                    .unwrap_or(now),
            );
        }
        LeadStatus::Converted => {
            let opp = deal(g, data, lead, reasons);
            lead.opportunity_id = Some(opp);
        }
        _ => {}
    }
}

/// A deal for a converted lead, in a random stage, with the activities that got it there.
fn deal(g: &mut Gen, data: &mut DemoData, lead: &Lead, reasons: &Reasons) -> OpportunityId {
    let created = lead.status_changed_at;
    let stage = *g.pick(&[
        Stage::Qualify,
        Stage::Qualify,
        Stage::Appointment,
        Stage::Appointment,
        Stage::Quote,
        Stage::Quote,
        Stage::Negotiation,
        Stage::Won,
        Stage::Won,
        Stage::Lost,
    ]);
    let entered = g.between(created, g.now);
    let value = Cents::euros(g.rng.gen_range(50..=500) * 500);
    let opp = Opportunity {
        id: OpportunityId::new_at(created, &mut g.rng),
        account_id: lead.account_id,
        lead_id: Some(lead.id),
        title: if g.chance(0.3) {
            format!("{}× {}", g.rng.gen_range(2..=6), lead.interest)
        } else {
            lead.interest.clone()
        },
        value,
        stage,
        stage_entered_at: entered,
        expected_close: Some(
            g.date(entered)
                .checked_add(g.rng.gen_range(10..=90).days())
                .unwrap_or(g.date(entered)),
        ),
        lost_reason: (stage == Stage::Lost).then(|| g.pick(&reasons.lost).clone()),
        incentive: lead.incentive,
        owner: lead.owner.clone(),
        details: Default::default(),
        created_at: created,
        updated_at: entered,
    };
    let outcome = match stage {
        Stage::Appointment => Some(Outcome::AppointmentMade),
        Stage::Quote | Stage::Negotiation => Some(Outcome::QuoteSent),
        Stage::Won => Some(Outcome::OrderWon),
        Stage::Lost => Some(Outcome::OrderLost),
        _ => None,
    };
    let id = opp.id;
    let lost_reason = opp.lost_reason.clone();
    data.opportunities.push(opp);
    if let Some(o) = outcome {
        let idx = push_activity(g, data, lead.account_id, Some(lead), Some(id), o, entered);
        if o == Outcome::OrderLost {
            data.activities[idx].lost_reason = lost_reason;
        }
    }
    id
}

/// Logs one activity (and its appointment for appointment-made); returns its index.
fn push_activity(
    g: &mut Gen,
    data: &mut DemoData,
    account_id: AccountId,
    lead: Option<&Lead>,
    opportunity_id: Option<OpportunityId>,
    outcome: Outcome,
    at: Timestamp,
) -> usize {
    let kind = *g.pick(&[
        ActivityKind::Visit,
        ActivityKind::Visit,
        ActivityKind::Call,
        ActivityKind::Call,
        ActivityKind::Email,
        ActivityKind::Meeting,
    ]);
    let day = g.date(at);
    let next_step = match outcome.default_next_step_days() {
        Some(d) if outcome == Outcome::AppointmentMade || g.chance(0.8) => {
            day.checked_add(g.rng.gen_range(1..=d.max(2)).days()).ok()
        }
        _ => None,
    };
    let activity = Activity {
        id: ActivityId::new_at(at, &mut g.rng),
        account_id,
        lead_id: lead.map(|l| l.id),
        opportunity_id,
        contact_id: lead.and_then(|l| l.contact_id),
        kind: if outcome == Outcome::NoContact {
            ActivityKind::Call
        } else {
            kind
        },
        at,
        outcome: Some(outcome),
        lost_reason: (outcome == Outcome::OrderLost).then(|| "price".to_string()),
        note: if g.chance(0.6) {
            g.pick(NOTES).to_string()
        } else {
            String::new()
        },
        next_step,
        created_at: at,
    };
    if let (Outcome::AppointmentMade, Some(d)) = (outcome, next_step) {
        let time = jiff::civil::time(g.rng.gen_range(9..=16), *g.pick(&[0, 15, 30, 45]), 0, 0);
        if let Ok(z) = d.to_datetime(time).to_zoned(amsterdam()) {
            let account = data.accounts.iter().find(|a| a.id == account_id);
            data.appointments.push(Appointment {
                id: AppointmentId::new_at(at, &mut g.rng),
                account_id,
                lead_id: activity.lead_id,
                opportunity_id,
                activity_id: Some(activity.id),
                starts_at: z.timestamp(),
                minutes: *g.pick(&[30, 60, 60, 90]),
                title: format!(
                    "Appointment: {}",
                    account.map_or("customer", |a| a.name.as_str())
                ),
                location: account.map_or(String::new(), |a| {
                    format!("{}, {}", a.address.street, a.address.city)
                }),
                created_at: at,
            });
        }
    }
    data.activities.push(activity);
    data.activities.len() - 1
}

/// Calls, notes and visits on accounts outside any lead: the timeline of a working relationship.
pub fn account_history(g: &mut Gen, data: &mut DemoData) {
    let n = data.leads.len() / 3;
    for _ in 0..n {
        let ai = g.rng.gen_range(0..data.accounts.len());
        let (id, created) = (data.accounts[ai].id, data.accounts[ai].created_at);
        if data.accounts[ai].lifecycle == Lifecycle::Prospect
            && data.accounts[ai].origin == Origin::HeadOffice
        {
            // Head office's prospects are worked through their leads.
            continue;
        }
        let at = g.between(
            created.max(
                g.now
                    .checked_sub(SignedDuration::from_hours(24 * 365))
                    .unwrap_or(created),
            ),
            g.now,
        );
        let outcome = *g.pick(&[
            Outcome::FollowUp,
            Outcome::FollowUp,
            Outcome::NoContact,
            Outcome::AppointmentMade,
        ]);
        push_activity(g, data, id, None, None, outcome, at);
    }
    // Dealer-own deals on customers: replacements of what they own.
    for _ in 0..(data.leads.len() / 20).max(1) {
        let ai = g.rng.gen_range(0..data.accounts.len());
        if data.accounts[ai].lifecycle != Lifecycle::Customer {
            continue;
        }
        let a = &data.accounts[ai];
        let (account_id, owner) = (a.id, a.owner.clone());
        let product = a
            .installed_base
            .first()
            .map_or("R 450 tractor".to_string(), |p| p.product.clone());
        let created = g.days_ago(1.0, 120.0);
        let stage = *g.pick(&Stage::OPEN);
        let entered = g.between(created, g.now);
        data.opportunities.push(Opportunity {
            id: OpportunityId::new_at(created, &mut g.rng),
            account_id,
            lead_id: None,
            title: format!("Replacement {product}"),
            value: Cents::euros(g.rng.gen_range(60..=400) * 500),
            stage,
            stage_entered_at: entered,
            expected_close: Some(
                g.date(entered)
                    .checked_add(g.rng.gen_range(14..=120).days())
                    .unwrap_or(g.date(entered)),
            ),
            lost_reason: None,
            incentive: false,
            owner,
            details: Default::default(),
            created_at: created,
            updated_at: entered,
        });
    }
}

/// NPS answers from a share of customers' contacts, mostly positive.
pub fn nps(g: &mut Gen, data: &mut DemoData) {
    let customers: std::collections::HashSet<AccountId> = data
        .accounts
        .iter()
        .filter(|a| a.lifecycle == Lifecycle::Customer)
        .map(|a| a.id)
        .collect();
    let mut answers = Vec::new();
    for c in &data.contacts {
        if !customers.contains(&c.account_id) || !g.chance(0.3) {
            continue;
        }
        let at = g.days_ago(1.0, 360.0);
        let score = *g.pick(&[10u8, 10, 9, 9, 9, 8, 8, 8, 7, 7, 6, 5, 3]);
        answers.push(NpsResponse {
            id: NpsId::new_at(at, &mut g.rng),
            account_id: c.account_id,
            contact_id: Some(c.id),
            score,
            date: g.date(at),
            comment: if score >= 9 {
                "Goede service.".to_string()
            } else if score <= 6 {
                "Levertijd te lang.".to_string()
            } else {
                String::new()
            },
            created_at: at,
        });
    }
    data.nps = answers;
}
