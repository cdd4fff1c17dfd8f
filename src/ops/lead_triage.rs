//! Inbox triage: accept, reject with a reason, snooze until a date, wake, convert.

use super::{load_account, load_lead};
use crate::domain::{Cents, Lead, LeadId, LeadStatus, LeadStep, Opportunity, OpportunityId, Stage};
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;

/// What a triage step did.
#[derive(Debug)]
pub struct TriageResult {
    pub lead: Lead,
    pub opportunity: Option<Opportunity>,
    pub receipt: Receipt,
}

fn step(
    store: &Store,
    id: LeadId,
    s: LeadStep,
    now: Timestamp,
) -> Result<TriageResult, StoreError> {
    let mut lead = load_lead(store, id)?;
    lead.apply(s, now)?;
    let mut ws = WriteSet::new();
    ws.put(lead.clone());
    let receipt = store.commit(&ws, now)?;
    Ok(TriageResult {
        lead,
        opportunity: None,
        receipt,
    })
}

/// Accepts a new (or snoozed) lead.
pub fn accept_lead(store: &Store, id: LeadId, now: Timestamp) -> Result<TriageResult, StoreError> {
    step(store, id, LeadStep::Accept, now)
}

/// Rejects a lead with a reason from the store's reject list.
pub fn reject_lead(
    store: &Store,
    id: LeadId,
    reason: &str,
    now: Timestamp,
) -> Result<TriageResult, StoreError> {
    let reason = store.reasons()?.check_reject(reason)?;
    step(store, id, LeadStep::Reject { reason }, now)
}

/// Puts a lead aside until `until`.
pub fn snooze_lead(
    store: &Store,
    id: LeadId,
    until: Timestamp,
    now: Timestamp,
) -> Result<TriageResult, StoreError> {
    step(store, id, LeadStep::Snooze { until }, now)
}

/// Brings a snoozed lead back as new.
pub fn wake_lead(store: &Store, id: LeadId, now: Timestamp) -> Result<TriageResult, StoreError> {
    step(store, id, LeadStep::Wake, now)
}

/// Converts a lead into an opportunity in the first stage, carrying over its interest and
/// head office's incentive flag.
pub fn convert_lead(store: &Store, id: LeadId, now: Timestamp) -> Result<TriageResult, StoreError> {
    let mut lead = load_lead(store, id)?;
    if lead.status == LeadStatus::Snoozed {
        lead.apply(LeadStep::Wake, now)?;
    }
    let account = load_account(store, lead.account_id)?;
    let opp = new_opportunity_for(&lead, &account.name, now);
    lead.apply(
        LeadStep::Convert {
            opportunity: opp.id,
        },
        now,
    )?;
    let mut ws = WriteSet::new();
    ws.put(lead.clone()).put(opp.clone());
    let receipt = store.commit(&ws, now)?;
    Ok(TriageResult {
        lead,
        opportunity: Some(opp),
        receipt,
    })
}

/// A fresh opportunity at `qualify` for a lead.
pub(super) fn new_opportunity_for(lead: &Lead, account_name: &str, now: Timestamp) -> Opportunity {
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
