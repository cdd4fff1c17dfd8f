//! Logging a visit (or call, email, meeting, note) and applying its outcome's effects
//! (PRODUCT.md §3): load the lead, deal and account, let `domain::plan_visit` decide what
//! changes, commit it in one write (with the tiers of the account's leads when it changed).

use super::tiers::retier;
use super::{load_account, load_lead, load_opportunity};
use crate::domain::*;
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;
use jiff::tz::TimeZone;

pub use crate::domain::{VisitInput, VisitTarget};

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
    let records = load(store, input.target)?;
    check_contact(store, input.contact, &records.account)?;
    let lost_reason = match input.outcome {
        Some(Outcome::OrderLost) => {
            let r = input.lost_reason.as_deref().unwrap_or("");
            if r.trim().is_empty() {
                return Err(crate::domain::error::invalid(
                    "order-lost needs a lost reason; give one from the list (e.g. price)",
                )
                .into());
            }
            Some(store.reasons()?.check_lost(r)?)
        }
        _ => None,
    };
    let mut plan = plan_visit(records, input, lost_reason, VisitClock { now, tz })?;
    let receipt = commit(store, &mut plan, now)?;
    Ok(VisitResult {
        activity: plan.activity,
        lead: plan.lead,
        opportunity: plan.deal,
        appointment: plan.appointment,
        account: plan.account,
        effects: plan.effects,
        receipt,
    })
}

/// The lead, deal and account the visit is about, as stored now.
fn load(store: &Store, target: VisitTarget) -> Result<VisitRecords, StoreError> {
    let (lead, deal) = match target {
        VisitTarget::Lead(id) => {
            let lead = load_lead(store, id)?;
            let deal = match lead.opportunity_id {
                Some(o) => store.opportunity(o)?,
                None => None,
            };
            (Some(lead), deal)
        }
        VisitTarget::Opportunity(id) => {
            let deal = load_opportunity(store, id)?;
            let lead = match deal.lead_id {
                Some(l) => store.lead(l)?,
                None => None,
            };
            (lead, Some(deal))
        }
        VisitTarget::Account(_) => (None, None),
    };
    let account_id = match (target, &lead, &deal) {
        (VisitTarget::Account(a), _, _) => a,
        (_, Some(l), _) => l.account_id,
        (_, _, Some(o)) => o.account_id,
        (VisitTarget::Lead(id), None, _) => return Err(not_found("lead", id.to_string())),
        (VisitTarget::Opportunity(id), _, None) => {
            return Err(not_found("opportunity", id.to_string()));
        }
    };
    let account = load_account(store, account_id)?;
    Ok(VisitRecords {
        lead,
        deal,
        account,
    })
}

/// The contact a visit names must be one of the account's own.
fn check_contact(
    store: &Store,
    contact: Option<ContactId>,
    account: &Account,
) -> Result<(), StoreError> {
    let Some(id) = contact else {
        return Ok(());
    };
    match store.contact(id)? {
        Some(c) if c.account_id == account.id => Ok(()),
        _ => Err(crate::domain::error::invalid(format!(
            "contact {id} is not a contact of {}; pick one of its contacts",
            account.name
        ))
        .into()),
    }
}

fn not_found(what: &'static str, id: String) -> StoreError {
    StoreError::NotFound {
        what,
        id,
        list: if what == "lead" { "leads" } else { "funnel" },
    }
}

/// Writes the plan in one transaction; an account change can change the tier of its leads.
fn commit(store: &Store, plan: &mut VisitPlan, now: Timestamp) -> Result<Receipt, StoreError> {
    let mut ws = WriteSet::new();
    let lead = &mut plan.lead;
    if plan.account_changed {
        ws.put(plan.account.clone());
        let mut leads = store.leads_of(plan.account.id)?;
        if let Some(l) = &lead {
            if let Some(slot) = leads.iter_mut().find(|x| x.id == l.id) {
                *slot = l.clone();
            }
        }
        for i in retier(&mut leads, &plan.account) {
            match lead.as_mut() {
                Some(target) if target.id == leads[i].id => target.tier = leads[i].tier,
                _ => {
                    ws.put(leads[i].clone());
                }
            }
        }
    }
    if let Some(l) = lead {
        ws.put(l.clone());
    }
    if let Some(o) = &plan.deal {
        ws.put(o.clone());
    }
    ws.put(plan.activity.clone());
    if let Some(a) = &plan.appointment {
        ws.put(a.clone());
    }
    store.commit(&ws, now)
}
