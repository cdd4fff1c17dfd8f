//! Where each imported lead goes (PRODUCT.md §8): an existing lead (by head office's id) is
//! updated, never duplicated; a new one lands on the account it belongs to (by KvK, else by
//! name and postcode, else a new account), with its contact (by name, else a new one), so a
//! lead for a customer arrives as tier 1.
//!
//! The planner places one lead at a time and remembers only what later leads of the same
//! import need — which accounts it matched or created (id, tier facts) and their contacts'
//! names — never the records themselves, so an import of any size plans in bounded memory.
//! It serves both passes of an import: the first (checking) pass finds every account and
//! contact and picks the ids of new ones; the writing pass, fed the same leads in the same
//! order, then finds them all in memory, builds each new record (with that id) when its
//! first lead comes, and reads the store only for the leads themselves. (Looking accounts up
//! by name in a store growing by thousands of entries a chunk was a quarter of the time.)

use super::import::{ImportError, ImportReport, refuse};
use crate::bundle::leads::{AccountIn, ContactIn, LeadIn};
use crate::domain::text::{normalise_kvk, normalise_name, postcode_key};
use crate::domain::*;
use crate::store::{Record, Store};
use jiff::Timestamp;
use std::collections::HashMap;

/// What the tier of a lead on an account depends on (see [`super::tiers::tier_of`]).
struct AccountFacts {
    lifecycle: Lifecycle,
    created_at: Timestamp,
    active: bool,
    /// This import creates it.
    new: bool,
    /// The writing pass has written it.
    written: bool,
}

/// A contact of a touched account, by normalised name.
struct KnownContact {
    name: String,
    id: ContactId,
    /// This import creates it.
    new: bool,
    written: bool,
}

/// Places leads one by one; the counts go to `report`.
pub(super) struct Planner<'a> {
    store: &'a Store,
    now: Timestamp,
    by_key: HashMap<String, AccountId>,
    accounts: HashMap<AccountId, AccountFacts>,
    /// Each touched account's contacts.
    contacts: HashMap<AccountId, Vec<KnownContact>>,
    /// The writing pass: new accounts and contacts are built when their first lead comes.
    writing: bool,
    pub report: ImportReport,
}

impl<'a> Planner<'a> {
    pub fn new(store: &'a Store, now: Timestamp) -> Self {
        Planner {
            store,
            now,
            by_key: HashMap::new(),
            accounts: HashMap::new(),
            contacts: HashMap::new(),
            writing: false,
            report: ImportReport::default(),
        }
    }

    /// After the checking pass: the same leads come again, to be written; counting starts over.
    pub fn start_writing(&mut self) {
        self.writing = true;
        self.report = ImportReport::default();
    }

    /// The records placing `l` (found at `line`) writes: the updated lead, or the new lead
    /// with its new account and contact when those are new. Every record is validated.
    pub fn place(&mut self, line: &str, l: &LeadIn) -> Result<Vec<Record>, ImportError> {
        let valid = |r: Record| -> Result<Record, ImportError> {
            r.validate().map_err(|e| refuse(format!("{line}: {e}")))?;
            Ok(r)
        };
        if let Some(mut existing) = self.store.lead_by_external(&l.id)? {
            update_lead(&mut existing, l);
            self.report.updated_leads += 1;
            return Ok(vec![valid(existing.into())?]);
        }
        let mut out = Vec::new();
        let account_id = self.place_account(&l.account, line, &mut out)?;
        let mut lead = Lead::new(
            LeadId::generate(self.now),
            account_id,
            l.source.channel,
            l.score as u8,
            l.received_at,
        );
        lead.external_id = Some(l.id.clone());
        update_lead(&mut lead, l);
        if let Some(c) = &l.contact {
            lead.contact_id = Some(self.place_contact(account_id, c, &mut out)?);
        }
        let f = &self.accounts[&account_id];
        let known = f.created_at < lead.received_at || f.active;
        lead.tier = Tier::derive(f.lifecycle, known);
        out.push(lead.into());
        self.report.new_leads += 1;
        out.into_iter().map(valid).collect()
    }

    /// The account a lead belongs to: by KvK, else by name and postcode, else a new one
    /// (pushed to `out`).
    fn place_account(
        &mut self,
        a: &AccountIn,
        line: &str,
        out: &mut Vec<Record>,
    ) -> Result<AccountId, ImportError> {
        let kvk = match a.kvk.as_deref().filter(|k| !k.trim().is_empty()) {
            Some(k) => Some(normalise_kvk(k).map_err(|e| refuse(format!("{line}: {e}")))?),
            None => None,
        };
        let postcode = postcode_key(&a.address.postcode);
        let name_key = format!("name:{}:{postcode}", normalise_name(&a.name));
        let kvk_key = kvk.as_ref().map(|k| format!("kvk:{k}"));
        for key in kvk_key.iter().chain(std::iter::once(&name_key)) {
            let Some(id) = self.by_key.get(key).copied() else {
                continue;
            };
            let f = self
                .accounts
                .get_mut(&id)
                .expect("every key names a placed account");
            match (f.new, f.written || !self.writing) {
                (false, _) => self.report.matched_accounts += 1,
                (true, true) => {}
                // The writing pass meets the lead the checking pass created it for.
                (true, false) => {
                    f.written = true;
                    self.report.new_accounts += 1;
                    out.push(new_account(a, kvk, id, self.now).into());
                }
            }
            return Ok(id);
        }
        let found = match &kvk {
            Some(k) => self.store.accounts_by_kvk(k)?.into_iter().next(),
            None => None,
        };
        let found = match found {
            Some(f) => Some(f),
            None => self
                .store
                .accounts_by_normalised_name(&normalise_name(&a.name))?
                .into_iter()
                .find(|x| postcode_key(&x.address.postcode) == postcode),
        };
        let account = match found {
            Some(f) => {
                self.report.matched_accounts += 1;
                f
            }
            None => {
                let n = new_account(a, kvk.clone(), AccountId::generate(self.now), self.now);
                n.validate().map_err(|e| refuse(format!("{line}: {e}")))?;
                self.report.new_accounts += 1;
                out.push(n.clone().into());
                n
            }
        };
        let id = account.id;
        if let Some(k) = kvk_key {
            self.by_key.insert(k, id);
        }
        self.by_key.insert(name_key, id);
        self.accounts.entry(id).or_insert(AccountFacts {
            lifecycle: account.lifecycle,
            created_at: account.created_at,
            active: account.last_activity_at.is_some(),
            new: out.iter().any(|r| r.key() == id.to_bytes()),
            written: self.writing,
        });
        Ok(id)
    }

    /// The contact a lead names: one of the account's by name, else a new one (pushed to
    /// `out`) with the consent head office recorded.
    fn place_contact(
        &mut self,
        account: AccountId,
        c: &ContactIn,
        out: &mut Vec<Record>,
    ) -> Result<ContactId, ImportError> {
        let known = match self.contacts.entry(account) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let stored = self.store.contacts_of(account)?;
                e.insert(
                    stored
                        .into_iter()
                        .map(|k| KnownContact {
                            name: normalise_name(&k.name),
                            id: k.id,
                            new: false,
                            written: false,
                        })
                        .collect(),
                )
            }
        };
        let wanted = normalise_name(&c.name);
        if let Some(k) = known.iter_mut().find(|k| k.name == wanted) {
            if self.writing && k.new && !k.written {
                k.written = true;
                out.push(new_contact(account, c, k.id, self.now).into());
            }
            return Ok(k.id);
        }
        let id = ContactId::generate(self.now);
        known.push(KnownContact {
            name: wanted,
            id,
            new: true,
            written: self.writing,
        });
        out.push(new_contact(account, c, id, self.now).into());
        Ok(id)
    }
}

/// Head office's view of a lead replaces its facts; the dealer's triage (status, owner, notes
/// added since) stays.
fn update_lead(lead: &mut Lead, l: &LeadIn) {
    lead.received_at = l.received_at;
    lead.respond_by = l.respond_by;
    lead.source = Source {
        channel: l.source.channel,
        campaign: l.source.campaign.clone(),
    };
    lead.score = l.score.clamp(0, 100) as u8;
    lead.interest = l.interest.clone();
    lead.signals = l.signals.clone();
    lead.incentive = l.incentive;
    if lead.notes.is_empty() {
        lead.notes = l.notes.clone();
    }
}

fn new_account(a: &AccountIn, kvk: Option<String>, id: AccountId, now: Timestamp) -> Account {
    let mut n = Account::new(
        id,
        a.name.trim(),
        a.lifecycle.unwrap_or(Lifecycle::Prospect),
        now,
    );
    n.kvk = kvk;
    n.kind = if a.kind.as_deref() == Some("person") {
        AccountKind::Person
    } else {
        AccountKind::Company
    };
    n.address = Address {
        street: a.address.street.clone(),
        postcode: a.address.postcode.clone(),
        city: a.address.city.clone(),
        country: a.address.country.clone(),
    };
    n.phone = a.phone.clone();
    n.email = a.email.clone();
    n.origin = Origin::HeadOffice;
    n
}

fn new_contact(account: AccountId, c: &ContactIn, id: ContactId, now: Timestamp) -> Contact {
    Contact {
        id,
        account_id: account,
        name: c.name.trim().to_string(),
        role: c.role.clone(),
        phone: c.phone.clone(),
        email: c.email.clone(),
        consent: c
            .consent
            .iter()
            .map(|x| Consent {
                purpose: x.purpose,
                given_at: x.given_at,
                source: if x.source.is_empty() {
                    "head office".into()
                } else {
                    x.source.clone()
                },
                expires: None,
                withdrawn_at: None,
            })
            .collect(),
        created_at: now,
        updated_at: now,
    }
}
