//! What the accounts list shows beside each name: the next step (as the account view and the
//! agenda take it, the date its newest activity planned), the value of its open deals, and
//! the last contact that counts for the visit cadence.

use super::cadence::counts_as_contact;
use crate::domain::{AccountId, Cents};
use crate::store::{Store, StoreError};
use jiff::Timestamp;
use jiff::civil::Date;

/// One account's row facts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AccountFacts {
    pub next_step: Option<Date>,
    /// The sum of its open deals' values.
    pub open_value: Cents,
    pub open_deals: usize,
    pub last_contact: Option<Timestamp>,
}

/// Reads one account's facts (its deals and its timeline, newest first).
pub fn account_facts(store: &Store, id: AccountId) -> Result<AccountFacts, StoreError> {
    let activities = store.activities_of(id, usize::MAX)?;
    let open: Vec<_> = store
        .opportunities_of(id)?
        .into_iter()
        .filter(|d| d.stage.is_open())
        .collect();
    Ok(AccountFacts {
        next_step: activities.first().and_then(|a| a.next_step),
        open_value: Cents(open.iter().map(|d| d.value.0).sum()),
        open_deals: open.len(),
        last_contact: activities
            .iter()
            .find(|a| counts_as_contact(a))
            .map(|a| a.at),
    })
}
