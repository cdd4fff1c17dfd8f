//! Keeping the derived priority tier of leads in step with their account.

use crate::domain::{Account, Lead, Tier};

/// The tier `lead` has on `account` (PRODUCT.md §3): an account that was in the store before the
/// lead arrived, or that a person has logged activity with, is known.
pub fn tier_of(lead: &Lead, account: &Account) -> Tier {
    let known = account.created_at < lead.received_at || account.last_activity_at.is_some();
    Tier::derive(account.lifecycle, known)
}

/// Recomputes the tier of each lead; returns the indexes of those that changed.
pub fn retier(leads: &mut [Lead], account: &Account) -> Vec<usize> {
    let mut changed = Vec::new();
    for (i, lead) in leads.iter_mut().enumerate() {
        let t = tier_of(lead, account);
        if t != lead.tier {
            lead.tier = t;
            changed.push(i);
        }
    }
    changed
}
