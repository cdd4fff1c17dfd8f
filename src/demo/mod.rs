//! A realistic, deterministic demo store for a Dutch truck dealer: accounts with installed base,
//! contacts with consent, head-office and own leads (some overdue), a pipeline in every stage, a
//! history of activities and appointments, and NPS answers. The same seed gives the same data.

pub mod bundle;
mod names;
mod people;
mod pipeline;

use crate::domain::*;
use crate::store::{DEMO_DEALER, Identity, Record, Store, StoreError};
use jiff::{SignedDuration, Timestamp};
use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// What to generate.
pub struct DemoConfig {
    pub seed: u64,
    pub leads: usize,
    /// Every timestamp is derived from this, never from the real clock.
    pub now: Timestamp,
}

/// The generated records, ready to load into a store.
pub struct DemoData {
    pub accounts: Vec<Account>,
    pub contacts: Vec<Contact>,
    pub leads: Vec<Lead>,
    pub opportunities: Vec<Opportunity>,
    pub activities: Vec<Activity>,
    pub appointments: Vec<Appointment>,
    pub nps: Vec<NpsResponse>,
}

/// Generates the demo data and loads it into an empty store, with the demo dealer's identity.
pub fn load_into(store: &Store, config: &DemoConfig) -> Result<(), StoreError> {
    store.load_fresh(generate(config).into_records(), config.now)?;
    store.set_identity(&Identity {
        dealer_id: DEMO_DEALER.to_string(),
        salesperson: "Demo Verkoper".to_string(),
        created_at: config.now,
    })?;
    // The generated history is not news for head office: the first feedback export starts
    // after it.
    store.set_exported_through(store.last_seq()?)
}

/// Builds the demo data: accounts are half as many as leads.
impl DemoData {
    /// Every generated record, accounts first (what the store loads).
    pub fn into_records(self) -> impl Iterator<Item = Record> {
        self.accounts
            .into_iter()
            .map(Record::from)
            .chain(self.contacts.into_iter().map(Record::from))
            .chain(self.opportunities.into_iter().map(Record::from))
            .chain(self.leads.into_iter().map(Record::from))
            .chain(self.activities.into_iter().map(Record::from))
            .chain(self.appointments.into_iter().map(Record::from))
            .chain(self.nps.into_iter().map(Record::from))
    }
}

pub fn generate(config: &DemoConfig) -> DemoData {
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(config.seed),
        now: config.now,
        seed: config.seed,
    };
    let n_accounts = (config.leads / 2).max(1);
    let mut data = DemoData {
        accounts: Vec::with_capacity(n_accounts),
        contacts: Vec::with_capacity(n_accounts * 2),
        leads: Vec::with_capacity(config.leads),
        opportunities: Vec::new(),
        activities: Vec::with_capacity(config.leads * 3 / 2),
        appointments: Vec::new(),
        nps: Vec::new(),
    };
    for i in 0..n_accounts {
        let account = people::account(&mut g, i);
        let contacts = people::contacts(&mut g, &account);
        data.contacts.extend(contacts);
        data.accounts.push(account);
    }
    pipeline::leads_and_deals(&mut g, &mut data, config.leads);
    pipeline::account_history(&mut g, &mut data);
    pipeline::nps(&mut g, &mut data);
    people::duplicates(&mut g, &mut data.accounts);
    finish(&mut data);
    data
}

/// Sets what derives from the history: last activity per account, then each lead's tier.
fn finish(data: &mut DemoData) {
    let mut last: std::collections::HashMap<AccountId, Timestamp> =
        std::collections::HashMap::new();
    for a in &data.activities {
        let e = last.entry(a.account_id).or_insert(a.at);
        if a.at > *e {
            *e = a.at;
        }
    }
    let mut index = std::collections::HashMap::new();
    for (i, a) in data.accounts.iter_mut().enumerate() {
        a.last_activity_at = last.get(&a.id).copied();
        if let Some(t) = a.last_activity_at {
            a.updated_at = a.updated_at.max(t);
        }
        index.insert(a.id, i);
    }
    for l in &mut data.leads {
        if let Some(&i) = index.get(&l.account_id) {
            l.tier = crate::ops::tier_of(l, &data.accounts[i]);
        }
    }
}

/// The generator's state: one seeded random source and the fixed "now".
pub(crate) struct Gen {
    pub rng: ChaCha8Rng,
    pub now: Timestamp,
    pub seed: u64,
}

impl Gen {
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.gen_range(0..items.len())]
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p.clamp(0.0, 1.0))
    }

    /// A moment between `min_days` and `max_days` before now.
    pub fn days_ago(&mut self, min_days: f64, max_days: f64) -> Timestamp {
        let secs = self
            .rng
            .gen_range(min_days * 86_400.0..=max_days.max(min_days) * 86_400.0)
            as i64;
        self.now
            .checked_sub(SignedDuration::from_secs(secs))
            .unwrap_or(self.now)
    }

    /// A moment uniformly between `from` and `to` (or `from` when they are the wrong way round).
    pub fn between(&mut self, from: Timestamp, to: Timestamp) -> Timestamp {
        let span = to.as_second() - from.as_second();
        if span <= 0 {
            return from;
        }
        from.checked_add(SignedDuration::from_secs(self.rng.gen_range(0..=span)))
            .unwrap_or(from)
    }

    pub fn after_hours(&mut self, t: Timestamp, hours: i64) -> Timestamp {
        t.checked_add(SignedDuration::from_hours(hours))
            .unwrap_or(t)
    }

    /// The local calendar date of a moment (the demo dealer is in the Netherlands).
    pub fn date(&self, t: Timestamp) -> jiff::civil::Date {
        t.to_zoned(amsterdam()).date()
    }
}

/// Europe/Amsterdam when the system knows it, else UTC.
pub(crate) fn amsterdam() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC)
}

#[cfg(test)]
mod tests;
