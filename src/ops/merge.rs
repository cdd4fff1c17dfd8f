//! Merging a duplicate account into the one that stays: everything that hangs off it moves,
//! nothing is lost or doubled, the duplicate is removed, and the change log records the merge
//! so head office learns of it. One atomic write, undoable from its receipt.

use super::load_account;
use super::tiers::retier;
use crate::domain::error::invalid;
use crate::domain::*;
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;

/// What a merge moved, for the confirmation message.
#[derive(Debug)]
pub struct MergeResult {
    pub survivor: Account,
    pub moved: usize,
    pub receipt: Receipt,
}

/// Moves contacts, leads, deals, activities, appointments, NPS answers and the installed base
/// of `absorbed` to `survivor`, fills the survivor's empty details from it, and removes it.
pub fn merge_accounts(
    store: &Store,
    survivor: AccountId,
    absorbed: AccountId,
    now: Timestamp,
) -> Result<MergeResult, StoreError> {
    if survivor == absorbed {
        return Err(invalid("an account cannot be merged into itself; pick its duplicate").into());
    }
    let mut keep = load_account(store, survivor)?;
    let gone = load_account(store, absorbed)?;
    let mut ws = WriteSet::new();
    let mut moved = 0;

    for mut c in store.contacts_of(absorbed)? {
        c.account_id = survivor;
        c.updated_at = now;
        ws.put(c);
        moved += 1;
    }
    for mut o in store.opportunities_of(absorbed)? {
        o.account_id = survivor;
        ws.put(o);
        moved += 1;
    }
    for mut a in store.activities_of(absorbed, usize::MAX)? {
        a.account_id = survivor;
        ws.put(a);
        moved += 1;
    }
    for a in store.all_appointments() {
        let mut a = a?;
        if a.account_id == absorbed {
            a.account_id = survivor;
            ws.put(a);
            moved += 1;
        }
    }
    for mut n in store.nps_of(absorbed)? {
        n.account_id = survivor;
        ws.put(n);
        moved += 1;
    }

    // The survivor keeps its own details and takes the duplicate's where it has none.
    let fill = |mine: &mut String, theirs: &str| {
        if mine.trim().is_empty() {
            *mine = theirs.to_string();
        }
    };
    fill(&mut keep.phone, &gone.phone);
    fill(&mut keep.email, &gone.email);
    fill(&mut keep.segment, &gone.segment);
    fill(&mut keep.owner, &gone.owner);
    if keep.kvk.is_none() {
        keep.kvk = gone.kvk.clone();
    }
    if keep.address.street.trim().is_empty() && keep.address.city.trim().is_empty() {
        keep.address = gone.address.clone();
    }
    for tag in &gone.tags {
        if !keep.tags.contains(tag) {
            keep.tags.push(tag.clone());
        }
    }
    for p in &gone.installed_base {
        if !keep.installed_base.contains(p) {
            keep.installed_base.push(p.clone());
        }
    }
    // A customer in either record is a customer.
    keep.lifecycle = match (keep.lifecycle, gone.lifecycle) {
        (Lifecycle::Customer, _) | (_, Lifecycle::Customer) => Lifecycle::Customer,
        (Lifecycle::ExCustomer, _) | (_, Lifecycle::ExCustomer) => Lifecycle::ExCustomer,
        _ => Lifecycle::Prospect,
    };
    keep.created_at = keep.created_at.min(gone.created_at);
    keep.last_activity_at = keep.last_activity_at.max(gone.last_activity_at);
    keep.updated_at = now;

    // Leads of both now belong to one account: their tiers follow it.
    let mut leads = store.leads_of(survivor)?;
    let own = leads.len();
    for mut l in store.leads_of(absorbed)? {
        l.account_id = survivor;
        leads.push(l);
        moved += 1;
    }
    let retiered = retier(&mut leads, &keep);
    for (i, l) in leads.into_iter().enumerate() {
        if i >= own || retiered.contains(&i) {
            ws.put(l);
        }
    }
    ws.put(keep.clone());
    ws.merge_account(absorbed.to_bytes(), survivor.to_bytes());
    let receipt = store.commit(&ws, now)?;
    Ok(MergeResult {
        survivor: keep,
        moved,
        receipt,
    })
}
