//! Inbox triage: accept, reject with a reason, snooze until a date, wake, convert.

use super::{load_account, load_lead};
use crate::domain::{Lead, LeadId, LeadStatus, LeadStep, Opportunity};
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;

/// What a triage step did.
#[derive(Debug)]
pub struct TriageResult {
    pub lead: Lead,
    pub opportunity: Option<Opportunity>,
    pub receipt: Receipt,
}

/// A triage step that can be applied to one lead or to many marked ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TriageStep {
    Accept,
    /// With a reason from the store's reject list.
    Reject(String),
    Snooze(Timestamp),
    Wake,
    /// Into a fresh opportunity at `qualify`.
    Convert,
}

impl TriageStep {
    /// The past tense for messages: "accepted 3 leads".
    pub fn done_verb(&self) -> &'static str {
        match self {
            TriageStep::Accept => "accepted",
            TriageStep::Reject(_) => "rejected",
            TriageStep::Snooze(_) => "snoozed",
            TriageStep::Wake => "woke",
            TriageStep::Convert => "converted",
        }
    }
}

/// What a triage of several leads did: the leads that took the step (in one commit) and those
/// that could not, each with the reason.
#[derive(Debug)]
pub struct BulkTriage {
    pub done: Vec<Lead>,
    pub opportunities: Vec<Opportunity>,
    pub skipped: Vec<(LeadId, StoreError)>,
    /// `None` when no lead took the step (nothing was written).
    pub receipt: Option<Receipt>,
}

/// Applies `step` to every lead in `ids` that can take it, in one atomic, flushed commit; leads
/// that cannot (e.g. already rejected) are skipped and reported, never half-applied.
pub fn triage_leads(
    store: &Store,
    ids: &[LeadId],
    step: &TriageStep,
    now: Timestamp,
) -> Result<BulkTriage, StoreError> {
    let step = match step {
        TriageStep::Reject(reason) => TriageStep::Reject(store.reasons()?.check_reject(reason)?),
        s => s.clone(),
    };
    let mut ws = WriteSet::new();
    let mut result = BulkTriage {
        done: Vec::new(),
        opportunities: Vec::new(),
        skipped: Vec::new(),
        receipt: None,
    };
    for id in ids {
        match planned(store, *id, &step, now) {
            Ok((lead, opp)) => {
                ws.put(lead.clone());
                result.done.push(lead);
                if let Some(o) = opp {
                    ws.put(o.clone());
                    result.opportunities.push(o);
                }
            }
            Err(e) => result.skipped.push((*id, e)),
        }
    }
    if !ws.is_empty() {
        result.receipt = Some(store.commit(&ws, now)?);
    }
    Ok(result)
}

/// One lead after the step, and the opportunity a conversion creates; nothing written.
fn planned(
    store: &Store,
    id: LeadId,
    step: &TriageStep,
    now: Timestamp,
) -> Result<(Lead, Option<Opportunity>), StoreError> {
    let mut lead = load_lead(store, id)?;
    let domain_step = match step {
        TriageStep::Accept => LeadStep::Accept,
        TriageStep::Reject(reason) => LeadStep::Reject {
            reason: reason.clone(),
        },
        TriageStep::Snooze(until) => LeadStep::Snooze { until: *until },
        TriageStep::Wake => LeadStep::Wake,
        TriageStep::Convert => {
            if lead.status == LeadStatus::Snoozed {
                lead.apply(LeadStep::Wake, now)?;
            }
            let account = load_account(store, lead.account_id)?;
            let opp = crate::domain::new_deal_for(&lead, &account.name, now);
            lead.apply(
                LeadStep::Convert {
                    opportunity: opp.id,
                },
                now,
            )?;
            return Ok((lead, Some(opp)));
        }
    };
    lead.apply(domain_step, now)?;
    Ok((lead, None))
}

/// One lead, where a lead that cannot take the step is an error.
fn single(
    store: &Store,
    id: LeadId,
    step: TriageStep,
    now: Timestamp,
) -> Result<TriageResult, StoreError> {
    let mut bulk = triage_leads(store, &[id], &step, now)?;
    if let Some((_, e)) = bulk.skipped.pop() {
        return Err(e);
    }
    match (bulk.done.pop(), bulk.receipt) {
        (Some(lead), Some(receipt)) => Ok(TriageResult {
            lead,
            opportunity: bulk.opportunities.pop(),
            receipt,
        }),
        _ => Err(StoreError::NotFound {
            what: "lead",
            id: id.to_string(),
            list: "leads",
        }),
    }
}

/// Accepts a new (or snoozed) lead.
pub fn accept_lead(store: &Store, id: LeadId, now: Timestamp) -> Result<TriageResult, StoreError> {
    single(store, id, TriageStep::Accept, now)
}

/// Rejects a lead with a reason from the store's reject list.
pub fn reject_lead(
    store: &Store,
    id: LeadId,
    reason: &str,
    now: Timestamp,
) -> Result<TriageResult, StoreError> {
    single(store, id, TriageStep::Reject(reason.to_string()), now)
}

/// Puts a lead aside until `until`.
pub fn snooze_lead(
    store: &Store,
    id: LeadId,
    until: Timestamp,
    now: Timestamp,
) -> Result<TriageResult, StoreError> {
    single(store, id, TriageStep::Snooze(until), now)
}

/// Converts a lead, giving the new deal an estimated value (`None`: the deal starts without
/// one, shown as "no value" and counted as such by the forecast).
pub fn convert_lead_estimated(
    store: &Store,
    id: LeadId,
    estimate: Option<crate::domain::Cents>,
    now: Timestamp,
) -> Result<TriageResult, StoreError> {
    let Some(value) = estimate else {
        return convert_lead(store, id, now);
    };
    if value.0 <= 0 {
        return Err(crate::domain::error::invalid(format!(
            "an estimated value of {value} says nothing; leave it out or give the estimate"
        ))
        .into());
    }
    let (lead, opp) = planned(store, id, &TriageStep::Convert, now)?;
    let mut opp = opp.ok_or_else(|| StoreError::NotFound {
        what: "lead",
        id: id.to_string(),
        list: "leads",
    })?;
    opp.value = value;
    let mut ws = WriteSet::new();
    ws.put(lead.clone());
    ws.put(opp.clone());
    let receipt = store.commit(&ws, now)?;
    Ok(TriageResult {
        lead,
        opportunity: Some(opp),
        receipt,
    })
}

/// Brings a snoozed lead back as new.
pub fn wake_lead(store: &Store, id: LeadId, now: Timestamp) -> Result<TriageResult, StoreError> {
    single(store, id, TriageStep::Wake, now)
}

/// Converts a lead into an opportunity in the first stage, carrying over its interest and
/// head office's incentive flag.
pub fn convert_lead(store: &Store, id: LeadId, now: Timestamp) -> Result<TriageResult, StoreError> {
    single(store, id, TriageStep::Convert, now)
}
