//! Retention (AVG/GDPR): personal data is kept only as long as it serves. Periods come from
//! `[retention]` in config.toml; `wortel privacy purge` lists (with `--dry-run`) and removes
//! what is past them: the personal fields of rejected and disqualified leads (notes, signals,
//! the contact link), and every contact of an ex-customer with no activity for the period
//! (erased, with tombstones, as `privacy erase` does). Orders, values and outcomes stay, as
//! bookkeeping needs them.
//!
//! Won orders: bookkeeping must keep them for seven years (`won-orders`, 2557 days, counted from
//! the win). When the ex-customer's own period ends their personal fields go (the deal's title,
//! the notes and contact links of its activities, the notes, signals and contact of the lead it
//! came from) while value, stage and dates stay; an owner-driver's account (a person) keeps the
//! name and address an invoice needs until the seven years are over. After the seven years the
//! order is anonymised the same way, whatever the account, and a person's account loses its
//! name, phone, e-mail and street: the value and dates stay, so the funnel's history and win
//! rates stay true, but nothing in them identifies anyone.

use super::privacy::{erase_person, erasure_writes};
use crate::domain::*;
use crate::store::{EntityKind, Record, Store, StoreError, WriteSet};
use jiff::{SignedDuration, Timestamp};

/// How long personal data is kept, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionPolicy {
    pub rejected_lead_days: i64,
    pub disqualified_lead_days: i64,
    pub ex_customer_days: i64,
    /// Won orders are kept for bookkeeping this long after the win.
    pub won_order_days: i64,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            rejected_lead_days: 365,
            disqualified_lead_days: 730,
            ex_customer_days: 730,
            won_order_days: 2557,
        }
    }
}

impl RetentionPolicy {
    /// Reads `[retention]` from `config.toml` in the config directory (no file: the defaults).
    pub fn load(dir: Option<&std::path::Path>) -> Result<RetentionPolicy, String> {
        match dir.map(|d| d.join("config.toml")) {
            Some(path) if path.exists() => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{} cannot be read ({e})", path.display()))?;
                RetentionPolicy::from_config(&path.display().to_string(), &text)
            }
            _ => Ok(RetentionPolicy::default()),
        }
    }

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
                "won-orders" => p.won_order_days = days,
                _ => {
                    return Err(format!(
                        "{file}: `{key}` is not a retention period; [retention] knows rejected-leads, disqualified-leads, ex-customers and won-orders"
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
    /// Won orders whose personal fields go, and whether their bookkeeping period is over too.
    pub won: Vec<(Opportunity, WonPurge)>,
    /// The bookkeeping period the list was made with.
    pub won_order_days: i64,
}

/// What happens to a won order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WonPurge {
    /// The ex-customer's period is over: the order's personal fields go, bookkeeping stays.
    Personal,
    /// The bookkeeping period is over too: the order is anonymised, a person's account too.
    Bookkeeping,
}

/// The title a won order keeps once its personal fields are gone.
pub const ANONYMOUS_ORDER: &str = "won order";

impl PurgeDue {
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty() && self.contacts.is_empty() && self.won.is_empty()
    }

    /// Records to purge.
    pub fn len(&self) -> usize {
        self.leads.len() + self.contacts.len() + self.won.len()
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
    let mut due = PurgeDue {
        won_order_days: policy.won_order_days,
        ..PurgeDue::default()
    };
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
    let mut gone = std::collections::HashSet::new();
    for a in store.all_accounts() {
        let a = a?;
        let last = a.last_activity_at.unwrap_or(a.updated_at);
        if a.lifecycle == Lifecycle::ExCustomer && older_than(last, policy.ex_customer_days, now) {
            due.contacts.extend(store.contacts_of(a.id)?);
            gone.insert(a.id);
        }
    }
    for o in store.opportunities_in(Stage::Won)? {
        let expired = older_than(o.stage_entered_at, policy.won_order_days, now);
        if !expired && !gone.contains(&o.account_id) {
            continue;
        }
        let account = store.account(o.account_id)?;
        let person_left = expired
            && account
                .as_ref()
                .is_some_and(|a| a.kind == AccountKind::Person && !a.name.starts_with(ERASED));
        let (activities, lead) = order_records(store, &o)?;
        let personal = o.title != ANONYMOUS_ORDER
            || (expired && !o.owner.is_empty())
            || activities
                .iter()
                .any(|a| !a.note.is_empty() || a.contact_id.is_some())
            || lead.as_ref().is_some_and(|l| {
                !l.notes.is_empty() || !l.signals.is_empty() || l.contact_id.is_some()
            });
        if personal || person_left {
            let what = if expired {
                WonPurge::Bookkeeping
            } else {
                WonPurge::Personal
            };
            due.won.push((o, what));
        }
    }
    Ok(due)
}

/// How an anonymised person's account is named.
const ERASED: &str = "Erased person";

/// A won order's activities and the lead it came from.
fn order_records(
    store: &Store,
    o: &Opportunity,
) -> Result<(Vec<Activity>, Option<Lead>), StoreError> {
    let activities = store
        .activities_of(o.account_id, usize::MAX)?
        .into_iter()
        .filter(|a| a.opportunity_id == Some(o.id))
        .collect();
    let lead = match o.lead_id {
        Some(id) => store.lead(id)?,
        None => None,
    };
    Ok((activities, lead))
}

/// A won order's personal fields removed (value, stage and dates stay); past the bookkeeping
/// period also its owner and, for a person, the account's personal fields.
fn won_order_writes(
    store: &Store,
    o: &Opportunity,
    what: WonPurge,
    now: Timestamp,
    ws: &mut WriteSet,
) -> Result<(), StoreError> {
    let (activities, lead) = order_records(store, o)?;
    let mut o = o.clone();
    o.title = ANONYMOUS_ORDER.into();
    if what == WonPurge::Bookkeeping {
        o.owner.clear();
        if let Some(mut a) = store.account(o.account_id)? {
            if a.kind == AccountKind::Person && !a.name.starts_with(ERASED) {
                a.name = format!("{ERASED} {}", &a.id.to_string()[20..]);
                a.phone.clear();
                a.email.clear();
                a.address.street.clear();
                a.updated_at = now;
                ws.put(a);
            }
        }
    }
    o.updated_at = now;
    ws.put(o);
    for mut a in activities {
        if !a.note.is_empty() || a.contact_id.is_some() {
            a.note.clear();
            a.contact_id = None;
            ws.put(a);
        }
    }
    if let Some(mut l) = lead {
        if !l.notes.is_empty() || !l.signals.is_empty() || l.contact_id.is_some() {
            l.notes.clear();
            l.signals.clear();
            l.contact_id = None;
            ws.put(l);
        }
    }
    Ok(())
}

/// Removes what is due: lead fields and won orders' personal fields in one write, then each
/// contact's erasure. Returns how many leads and contacts were purged; the caller compacts the
/// store afterwards.
pub fn purge(store: &Store, due: &PurgeDue, now: Timestamp) -> Result<(usize, usize), StoreError> {
    if !due.leads.is_empty() || !due.won.is_empty() {
        let mut ws = WriteSet::new();
        for (l, _) in &due.leads {
            let mut l = l.clone();
            l.contact_id = None;
            l.notes.clear();
            l.signals.clear();
            ws.put(l);
        }
        for (o, what) in &due.won {
            won_order_writes(store, o, *what, now, &mut ws)?;
        }
        ws.put_meta(
            crate::store::exchange::KEY_COMPACT_PENDING.to_vec(),
            now.to_string().into_bytes(),
        );
        store.commit(&ws, now)?;
    }
    // A person's account with a won order inside its bookkeeping period keeps the name and
    // address the invoice needs.
    let keep: std::collections::HashSet<AccountId> = store
        .opportunities_in(Stage::Won)?
        .into_iter()
        .filter(|o| !older_than(o.stage_entered_at, due.won_order_days, now))
        .map(|o| o.account_id)
        .collect();
    for c in &due.contacts {
        // A contact may already be gone (erased meanwhile): nothing to do then.
        if store.contact(c.id)?.is_some() {
            if keep.contains(&c.account_id) {
                let mut ws = WriteSet::new();
                erasure_writes(store, c, now, None, &mut ws)?;
                if let (Some(Some(Record::Account(_))), Some(original)) = (
                    ws.pending(EntityKind::Account, c.account_id.to_bytes()),
                    store.account(c.account_id)?,
                ) {
                    ws.put(original);
                }
                store.commit(&ws, now)?;
            } else {
                erase_person(store, c.id, now)?;
            }
        }
    }
    Ok((due.leads.len(), due.contacts.len()))
}
