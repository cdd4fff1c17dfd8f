//! Retention (AVG/GDPR): personal data is kept only as long as it serves. Periods come from
//! `[retention]` in config.toml; `wortel privacy purge` lists (with `--dry-run`) and removes
//! what is past them: the personal fields of rejected and disqualified leads (notes, signals,
//! the contact link), and every contact of an ex-customer with no activity for the period
//! (erased, with tombstones, as `privacy erase` does). Orders, values and outcomes stay, as
//! bookkeeping needs them.

use super::privacy::erase_person;
use crate::domain::*;
use crate::store::{Store, StoreError, WriteSet};
use jiff::{SignedDuration, Timestamp};

/// How long personal data is kept, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionPolicy {
    pub rejected_lead_days: i64,
    pub disqualified_lead_days: i64,
    pub ex_customer_days: i64,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            rejected_lead_days: 365,
            disqualified_lead_days: 730,
            ex_customer_days: 730,
        }
    }
}

impl RetentionPolicy {
    /// Reads `[retention]` from a config.toml's text (absent: the defaults).
    pub fn from_config(file: &str, text: &str) -> Result<RetentionPolicy, String> {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| format!("{file}: {}", e.message()))?;
        let mut p = RetentionPolicy::default();
        let Some(section) = table.get("retention") else {
            return Ok(p);
        };
        let section = section
            .as_table()
            .ok_or_else(|| format!("{file}: [retention] must be a table of period = days"))?;
        for (key, value) in section {
            let days = value
                .as_integer()
                .filter(|d| (1..=36_500).contains(d))
                .ok_or_else(|| {
                    format!(
                        "{file}: retention `{key}` must be a whole number of days from 1 to 36500"
                    )
                })?;
            match key.as_str() {
                "rejected-leads" => p.rejected_lead_days = days,
                "disqualified-leads" => p.disqualified_lead_days = days,
                "ex-customers" => p.ex_customer_days = days,
                _ => {
                    return Err(format!(
                        "{file}: `{key}` is not a retention period; [retention] knows rejected-leads, disqualified-leads and ex-customers"
                    ));
                }
            }
        }
        Ok(p)
    }
}

/// What is past its period.
#[derive(Debug, Default)]
pub struct PurgeDue {
    /// Leads whose personal fields go: (lead, why).
    pub leads: Vec<(Lead, &'static str)>,
    /// Contacts of long-gone ex-customers, to erase.
    pub contacts: Vec<Contact>,
}

impl PurgeDue {
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty() && self.contacts.is_empty()
    }
}

fn older_than(t: Timestamp, days: i64, now: Timestamp) -> bool {
    now.checked_sub(SignedDuration::from_hours(24 * days))
        .is_ok_and(|limit| t < limit)
}

/// Lists what `policy` says is due on `now`; changes nothing.
pub fn purge_due(
    store: &Store,
    policy: &RetentionPolicy,
    now: Timestamp,
) -> Result<PurgeDue, StoreError> {
    let mut due = PurgeDue::default();
    for l in store.all_leads() {
        let l = l?;
        let personal = l.contact_id.is_some() || !l.notes.is_empty() || !l.signals.is_empty();
        let why = match l.status {
            LeadStatus::Rejected
                if older_than(l.status_changed_at, policy.rejected_lead_days, now) =>
            {
                "rejected"
            }
            LeadStatus::Disqualified
                if older_than(l.status_changed_at, policy.disqualified_lead_days, now) =>
            {
                "disqualified"
            }
            _ => continue,
        };
        if personal {
            due.leads.push((l, why));
        }
    }
    for a in store.all_accounts() {
        let a = a?;
        let last = a.last_activity_at.unwrap_or(a.updated_at);
        if a.lifecycle == Lifecycle::ExCustomer && older_than(last, policy.ex_customer_days, now) {
            due.contacts.extend(store.contacts_of(a.id)?);
        }
    }
    Ok(due)
}

/// Removes what is due: lead fields in one write, then each contact's erasure. Returns how many
/// leads and contacts were purged; the caller compacts the store afterwards.
pub fn purge(store: &Store, due: &PurgeDue, now: Timestamp) -> Result<(usize, usize), StoreError> {
    if !due.leads.is_empty() {
        let mut ws = WriteSet::new();
        for (l, _) in &due.leads {
            let mut l = l.clone();
            l.contact_id = None;
            l.notes.clear();
            l.signals.clear();
            ws.put(l);
        }
        ws.require_compaction();
        store.commit(&ws, now)?;
    }
    for c in &due.contacts {
        // A contact may already be gone (erased meanwhile): nothing to do then.
        if store.contact(c.id)?.is_some() {
            erase_person(store, c.id, now)?;
        }
    }
    Ok((due.leads.len(), due.contacts.len()))
}
