//! Who a marketing export may hold (PRODUCT.md §10, AVG): only people whose marketing consent
//! holds on the day of the export, and only the accounts such a person belongs to. A contact
//! who never agreed, whose consent expired or who withdrew it stays out, and so does an account
//! with no such contact — wortel keeps no consent for an account itself.

use crate::domain::{AccountId, ConsentPurpose};
use crate::store::{Store, StoreError};
use jiff::civil::Date;
use std::collections::HashSet;

/// The accounts with at least one contact whose marketing consent holds on `today`.
pub fn consenting_accounts(store: &Store, today: Date) -> Result<HashSet<AccountId>, StoreError> {
    let mut keep = HashSet::new();
    for c in store.all_contacts() {
        let c = c?;
        if c.has_consent(ConsentPurpose::Marketing, today) {
            keep.insert(c.account_id);
        }
    }
    Ok(keep)
}
