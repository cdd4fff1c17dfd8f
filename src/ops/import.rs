//! Importing a head-office `leads` bundle (PRODUCT.md §8): after the bundle is verified, the
//! rules come first — the right recipient, never the same bundle twice, no gap in the sequence
//! — then every lead is placed in one atomic write: an existing lead (by head office's id) is
//! updated, never duplicated; a new one lands on the account it belongs to (by KvK, else by
//! name and postcode, else a new account), so a lead for a customer arrives as tier 1.

use super::hq_erasure::{HqErasureReport, plan_hq_erasures};
use super::tiers::tier_of;
use crate::bundle::erasures::parse_erasures;
use crate::bundle::leads::{AccountIn, ContactIn, LeadIn, RetractionIn, parse_leads_lines};
use crate::bundle::{Bundle, BundleError, Kind, printable};
use crate::domain::text::{normalise_kvk, normalise_name};
use crate::domain::*;
use crate::store::exchange::{imported_key, sequence_key};
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;
use std::collections::HashMap;

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// True when this bundle was imported before: nothing was changed.
    pub already_imported: bool,
    pub new_leads: usize,
    pub updated_leads: usize,
    pub retracted: usize,
    /// Retractions of leads this store never had (nothing to do).
    pub unknown_retractions: usize,
    pub new_accounts: usize,
    /// New leads that landed on accounts already in the store.
    pub matched_accounts: usize,
    /// What head office's erasure requests did.
    pub erasures: HqErasureReport,
    pub receipt: Option<Receipt>,
}

impl ImportReport {
    /// True when contacts were erased: the caller compacts the store (once) after closing it.
    pub fn needs_compaction(&self) -> bool {
        self.erasures.contacts_erased > 0
    }

    /// "2 erasure requests applied (1 contacts erased, 1 not found)", or nothing without requests.
    pub fn erasure_summary(&self) -> Option<String> {
        let e = &self.erasures;
        if e.requests == 0 {
            return None;
        }
        let mut s = format!(
            "{} erasure requests applied ({} contacts erased, {} not found",
            e.requests, e.contacts_erased, e.not_found
        );
        if e.done_before > 0 {
            s.push_str(&format!(", {} done before", e.done_before));
        }
        if e.ambiguous > 0 {
            s.push_str(&format!(
                ", {} fitting several people and left for head office to make precise",
                e.ambiguous
            ));
        }
        s.push(')');
        Some(s)
    }
}

/// Why a feedback bundle is not imported.
const FEEDBACK: &str = "this is a feedback bundle, which a dealer sends to head office; it is not imported into a dealer's store";

fn refuse(message: String) -> ImportError {
    ImportError::Bundle(BundleError::new(message))
}

/// Checks the exchange rules (recipient, replay, sequence) before anything is read further;
/// true when this very bundle was imported before.
pub fn check_exchange(store: &Store, bundle: &Bundle) -> Result<bool, ImportError> {
    let m = &bundle.manifest;
    if m.kind == Kind::Feedback {
        return Err(refuse(FEEDBACK.into()));
    }
    let me = store.require_identity()?;
    if m.to != me.dealer_id {
        return Err(refuse(format!(
            "this bundle is addressed to dealer \"{}\", and this store is dealer \"{}\"; import it into that dealer's store",
            printable(&m.to),
            me.dealer_id
        )));
    }
    if let Some(seq) = store.imported(&m.id)? {
        if seq == m.sequence {
            return Ok(true);
        }
        return Err(refuse(format!(
            "bundle id \"{}\" was already imported as sequence {seq} and now comes as sequence {}; a replayed id is refused, ask head office",
            printable(&m.id),
            m.sequence
        )));
    }
    let last = store.last_sequence(&m.from)?;
    if m.sequence <= last {
        return Err(refuse(format!(
            "sequence {} from \"{}\" was already used by another bundle (the last imported is {last}); this looks like a replay, ask head office",
            m.sequence,
            printable(&m.from)
        )));
    }
    if m.sequence > last + 1 {
        return Err(refuse(format!(
            "bundle {} from \"{}\" follows {last}: bundles {} to {} are missing; import those first",
            m.sequence,
            printable(&m.from),
            last + 1,
            m.sequence - 1
        )));
    }
    Ok(false)
}

/// Imports a verified leads bundle, all or nothing.
pub fn import_leads(
    store: &Store,
    bundle: &Bundle,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    match bundle.manifest.kind {
        Kind::Leads => {}
        Kind::Feedback => return Err(refuse(FEEDBACK.into())),
        k => {
            return Err(refuse(format!(
                "this is a {} bundle, not a leads bundle",
                k.as_str()
            )));
        }
    }
    if check_exchange(store, bundle)? {
        return Ok(ImportReport {
            already_imported: true,
            ..Default::default()
        });
    }
    let (lines, retractions) = parse_leads_lines(bundle)?;
    let erasures = parse_erasures(bundle)?;
    let (numbers, leads): (Vec<usize>, Vec<LeadIn>) = lines.into_iter().unzip();
    let at = |n: usize| format!("leads.ndjson line {}", numbers[n]);
    let (mut ws, mut report) = plan_leads(
        store,
        Placing {
            leads: &leads,
            at: &at,
            retractions: &retractions,
            ledger: Some(&bundle.manifest),
        },
        now,
        progress,
    )?;
    // After the leads, in the same write: erasures read records as the leads left them.
    report.erasures = plan_hq_erasures(store, &erasures, now, &mut ws)?;
    if !ws.is_empty() {
        report.receipt = Some(store.commit(&ws, now)?);
    }
    Ok(report)
}

/// Places leads and retractions in one atomic write; `ledger` (a bundle's manifest) is recorded
/// in the same write so the bundle is never applied twice. A problem names the lead by its
/// position in `leads` (from 1); [`apply_sheet_leads`] names sheet rows instead.
pub fn apply_leads(
    store: &Store,
    leads: &[LeadIn],
    retractions: &[RetractionIn],
    now: Timestamp,
    ledger: Option<&crate::bundle::Manifest>,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    let at = |n: usize| format!("lead {}", n + 1);
    let placing = Placing {
        leads,
        at: &at,
        retractions,
        ledger,
    };
    commit_plan(store, placing, now, progress)
}

/// Leads read from a spreadsheet (`(row, lead)` as [`crate::interop::csv_import::read_leads_csv_rows`]
/// returns them) placed in one atomic write; a problem names `file` and the row.
pub fn apply_sheet_leads(
    store: &Store,
    file: &str,
    rows: &[(usize, LeadIn)],
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    let (numbers, leads): (Vec<usize>, Vec<LeadIn>) = rows.iter().cloned().unzip();
    let at = |n: usize| format!("{} row {}", printable(file), numbers[n]);
    let placing = Placing {
        leads: &leads,
        at: &at,
        retractions: &[],
        ledger: None,
    };
    commit_plan(store, placing, now, progress)
}

fn commit_plan(
    store: &Store,
    placing: Placing,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    let (ws, mut report) = plan_leads(store, placing, now, progress)?;
    if !ws.is_empty() {
        report.receipt = Some(store.commit(&ws, now)?);
    }
    Ok(report)
}

/// What one import places: the leads, where each came from (for refusals), retractions, and
/// the bundle to record as imported.
struct Placing<'a> {
    leads: &'a [LeadIn],
    at: &'a dyn Fn(usize) -> String,
    retractions: &'a [RetractionIn],
    ledger: Option<&'a crate::bundle::Manifest>,
}

/// The leads cleaned of control characters, one per head-office id: a lead given twice
/// identically is placed once, two differing ones are refused naming both. Identity is
/// decided on the cleaned id, the one that is stored.
fn distinct_leads(placing: &Placing) -> Result<Vec<(usize, LeadIn)>, ImportError> {
    let mut out: Vec<(usize, LeadIn)> = Vec::with_capacity(placing.leads.len());
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(placing.leads.len());
    for (n, l) in placing.leads.iter().enumerate() {
        let l = l.printable();
        if l.id.trim().is_empty() {
            return Err(refuse(format!("{}: the lead id is empty", (placing.at)(n))));
        }
        if let Some(&k) = seen.get(&l.id) {
            let (first, earlier) = &out[k];
            if *earlier == l {
                continue;
            }
            return Err(refuse(format!(
                "{} and {} are the same lead (id \"{}\") with different values; keep one of them",
                (placing.at)(*first),
                (placing.at)(n),
                l.id
            )));
        }
        seen.insert(l.id.clone(), out.len());
        out.push((n, l));
    }
    Ok(out)
}

/// The write [`apply_leads`] commits, and its report (without a receipt).
fn plan_leads(
    store: &Store,
    placing: Placing,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<(WriteSet, ImportReport), ImportError> {
    let mut report = ImportReport::default();
    let mut ws = WriteSet::new();
    // Text from a file is stored without control characters or escape sequences.
    let leads = distinct_leads(&placing)?;
    let Placing {
        at,
        retractions,
        ledger,
        ..
    } = placing;
    // Accounts this import created or changed, by id, and how to find them again.
    let mut accounts: HashMap<AccountId, Account> = HashMap::new();
    let mut by_key: HashMap<String, AccountId> = HashMap::new();
    let mut contacts: HashMap<AccountId, Vec<Contact>> = HashMap::new();

    for (done, (n, l)) in leads.iter().enumerate() {
        let line = at(*n);
        if let Some(mut existing) = store.lead_by_external(&l.id)? {
            update_lead(&mut existing, l);
            existing
                .validate()
                .map_err(|e| refuse(format!("{line}: {e}")))?;
            ws.put(existing);
            report.updated_leads += 1;
            progress(done + 1);
            continue;
        }
        let (account_id, matched) =
            place_account(store, &l.account, &line, now, &mut accounts, &mut by_key)?;
        if matched {
            report.matched_accounts += 1;
        }
        let account = accounts[&account_id].clone();
        let mut lead = Lead::new(
            LeadId::generate(now),
            account_id,
            l.source.channel,
            l.score as u8,
            l.received_at,
        );
        lead.external_id = Some(l.id.clone());
        update_lead(&mut lead, l);
        if let Some(c) = &l.contact {
            lead.contact_id = Some(place_contact(store, account_id, c, now, &mut contacts)?);
        }
        lead.tier = tier_of(&lead, &account);
        lead.validate()
            .map_err(|e| refuse(format!("{line}: {e}")))?;
        ws.put(lead);
        report.new_leads += 1;
        progress(done + 1);
    }
    for r in retractions {
        match store.lead_by_external(&r.lead_id)? {
            Some(mut lead) if lead.status.is_open() => {
                lead.apply(LeadStep::Retract, now).map_err(|e| {
                    refuse(format!("retraction of \"{}\": {e}", printable(&r.lead_id)))
                })?;
                ws.put(lead);
                report.retracted += 1;
            }
            Some(_) => {}
            None => report.unknown_retractions += 1,
        }
    }
    // Only what is new is written: matched accounts and known contacts stay as they are.
    for a in accounts.into_values() {
        if store.account(a.id)?.is_none() {
            report.new_accounts += 1;
            ws.put(a);
        }
    }
    for c in contacts.into_values().flatten() {
        if store.contact(c.id)?.is_none() {
            ws.put(c);
        }
    }
    if let Some(m) = ledger {
        ws.put_meta(imported_key(&m.id), m.sequence.to_be_bytes().to_vec());
        ws.put_meta(sequence_key(&m.from), m.sequence.to_be_bytes().to_vec());
    }
    Ok((ws, report))
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

/// The account a lead belongs to: by KvK, else by name and postcode, else a new one. Returns
/// its id and whether it was already in the store.
fn place_account(
    store: &Store,
    a: &AccountIn,
    line: &str,
    now: Timestamp,
    accounts: &mut HashMap<AccountId, Account>,
    by_key: &mut HashMap<String, AccountId>,
) -> Result<(AccountId, bool), ImportError> {
    let kvk = match a.kvk.as_deref().filter(|k| !k.trim().is_empty()) {
        Some(k) => Some(normalise_kvk(k).map_err(|e| refuse(format!("{line}: {e}")))?),
        None => None,
    };
    let postcode = crate::domain::text::postcode_key(&a.address.postcode);
    let name_key = format!("name:{}:{postcode}", normalise_name(&a.name));
    let kvk_key = kvk.as_ref().map(|k| format!("kvk:{k}"));
    for key in kvk_key.iter().chain(std::iter::once(&name_key)) {
        if let Some(id) = by_key.get(key) {
            return Ok((*id, store.account(*id)?.is_some()));
        }
    }
    let found = match &kvk {
        Some(k) => store.accounts_by_kvk(k)?.into_iter().next(),
        None => None,
    };
    let found = match found {
        Some(f) => Some(f),
        None => store
            .accounts_by_normalised_name(&normalise_name(&a.name))?
            .into_iter()
            .find(|x| crate::domain::text::postcode_key(&x.address.postcode) == postcode),
    };
    let (account, matched) = match found {
        Some(f) => (f, true),
        None => {
            let mut n = Account::new(
                AccountId::generate(now),
                a.name.trim(),
                a.lifecycle.unwrap_or(Lifecycle::Prospect),
                now,
            );
            n.kvk = kvk.clone();
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
            n.validate().map_err(|e| refuse(format!("{line}: {e}")))?;
            (n, false)
        }
    };
    let id = account.id;
    if let Some(k) = kvk_key {
        by_key.insert(k, id);
    }
    by_key.insert(name_key, id);
    accounts.entry(id).or_insert(account);
    Ok((id, matched))
}

/// The contact a lead names: one of the account's by name, else a new one with the consent
/// head office recorded.
fn place_contact(
    store: &Store,
    account: AccountId,
    c: &ContactIn,
    now: Timestamp,
    contacts: &mut HashMap<AccountId, Vec<Contact>>,
) -> Result<ContactId, ImportError> {
    let known = contacts
        .entry(account)
        .or_insert_with(|| store.contacts_of(account).unwrap_or_default());
    let wanted = normalise_name(&c.name);
    if let Some(k) = known.iter().find(|k| normalise_name(&k.name) == wanted) {
        return Ok(k.id);
    }
    let contact = Contact {
        id: ContactId::generate(now),
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
    };
    let id = contact.id;
    known.push(contact);
    Ok(id)
}
