//! `wortel check`: rebuilds every index entry from the records and compares; checks references,
//! derived tiers and the change log. Reads only; says exactly what is out of step.

use super::Store;
use super::error::Result;
use super::meta;
use super::record::{EntityKind, Record};
use super::trees::TreeId;
use crate::domain::{AccountId, Lifecycle, Tier};
use jiff::Timestamp;
use std::collections::{HashMap, HashSet};

/// What `check` found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Records per kind.
    pub records: Vec<(EntityKind, usize)>,
    pub index_entries: usize,
    pub changes: u64,
    /// One sentence per problem (capped; see `problem_count`).
    pub problems: Vec<String>,
    pub problem_count: usize,
    /// How many of the problems rebuilding the indexes cannot mend (see [`Store::repair`]).
    pub unrepairable: usize,
    /// Leads whose head-office id another, older lead also carries: repair clears theirs.
    pub shared_external: Vec<[u8; 16]>,
    /// Records whose links to missing records or derived tier repair mends.
    pub to_mend: Vec<(EntityKind, [u8; 16])>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problem_count == 0
    }

    /// True when there are problems and [`Store::repair`] mends every one of them.
    pub fn repairable(&self) -> bool {
        self.problem_count > 0 && self.unrepairable == 0
    }

    /// A problem only a person can settle (a record to remove or correct).
    fn problem(&mut self, p: String) {
        self.unrepairable += 1;
        self.repairable_problem(p);
    }

    /// A problem [`Store::repair`] mends: the records are right, what is derived from them is not.
    fn repairable_problem(&mut self, p: String) {
        self.problem_count += 1;
        if self.problems.len() < 50 {
            self.problems.push(p);
        }
    }
}

impl CheckReport {
    /// A lead carrying a head-office id an earlier lead already carries (a row pasted twice,
    /// imported by an older wortel): the index can point to one of them only. `claimed` maps
    /// each head-office id seen so far to its lead.
    fn note_shared_claims(&mut self, rec: &Record, claimed: &mut HashMap<Vec<u8>, [u8; 16]>) {
        let Record::Lead(l) = rec else { return };
        let Some(ext) = l.external_id.as_deref() else {
            return;
        };
        match claimed.get(ext.as_bytes()) {
            Some(first) => {
                self.repairable_problem(format!(
                    "leads {} and {} both carry head-office id {}; `wortel check --repair` keeps it on the first and makes the second a lead of this dealer only",
                    ulid_text(first),
                    l.id,
                    crate::bundle::printable(ext)
                ));
                self.shared_external.push(l.id.to_bytes());
            }
            None => {
                claimed.insert(ext.as_bytes().to_vec(), l.id.to_bytes());
            }
        }
    }
}

impl Store {
    /// Verifies records, indexes and the change log against each other.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let mut expected: HashSet<(TreeId, Vec<u8>, Vec<u8>)> = HashSet::new();
        let mut ids: HashMap<EntityKind, HashSet<[u8; 16]>> = HashMap::new();
        let mut accounts: HashMap<AccountId, (Lifecycle, Timestamp, bool)> = HashMap::new();
        // Only the links of each record are kept for the reference pass: holding every decoded
        // record made `check` of a 100,000-lead store peak at ~600 MB.
        let mut records: Vec<Links> = Vec::new();
        let mut claimed: HashMap<Vec<u8>, [u8; 16]> = HashMap::new();

        for kind in EntityKind::ALL {
            let mut n = 0;
            let set = ids.entry(kind).or_default();
            for item in self.tree(kind.tree()).iter() {
                let (k, v) = item.map_err(|e| self.io(e))?;
                n += 1;
                let id = ulid_text(&k);
                let rec = match Record::decode(kind, &v) {
                    Ok(r) => r,
                    Err(e) => {
                        report.problem(format!("{kind} {id} cannot be read: {e}"));
                        continue;
                    }
                };
                if rec.key().as_slice() != k.as_ref() {
                    report.problem(format!(
                        "{kind} stored under {id} carries id {}",
                        rec.id_string()
                    ));
                }
                if let Err(e) = rec.validate() {
                    report.problem(format!("{kind} {id} breaks a rule: {e}"));
                }
                set.insert(rec.key());
                report.note_shared_claims(&rec, &mut claimed);
                for entry in rec.index_entries() {
                    if !expected.insert(entry.clone()) {
                        report.problem(format!(
                            "{kind} {id} claims an index entry in {} that another record also claims",
                            entry.0.name()
                        ));
                    }
                }
                if let Record::Account(a) = &rec {
                    accounts.insert(
                        a.id,
                        (a.lifecycle, a.created_at, a.last_activity_at.is_some()),
                    );
                }
                if !matches!(rec, Record::Account(_)) {
                    records.push(Links::of(&rec));
                }
            }
            report.records.push((kind, n));
        }

        self.check_references(&records, &ids, &accounts, &mut report);
        drop(records);
        self.check_indexes(&expected, &mut report)?;
        self.check_changes(&ids, &mut report)?;
        Ok(report)
    }

    fn check_references(
        &self,
        records: &[Links],
        ids: &HashMap<EntityKind, HashSet<[u8; 16]>>,
        accounts: &HashMap<AccountId, (Lifecycle, Timestamp, bool)>,
        report: &mut CheckReport,
    ) {
        let has =
            |kind: EntityKind, key: [u8; 16]| ids.get(&kind).is_some_and(|s| s.contains(&key));
        for rec in records {
            let id = ulid_text(&rec.key);
            if let (Some((tier, received)), Some(account)) = (rec.lead, rec.account) {
                if let Some((lifecycle, created, active)) = accounts.get(&account) {
                    let want = Tier::derive(*lifecycle, *created < received || *active);
                    if want != tier {
                        report.repairable_problem(format!("lead {id} is stored as tier {tier} but its account makes it tier {want}; `wortel check --repair` stores it as {want}"));
                        report.to_mend.push((EntityKind::Lead, rec.key));
                    }
                }
            }
            for (kind, key) in &rec.refs {
                if !has(*kind, *key) {
                    report.repairable_problem(format!(
                        "{} {id} refers to {kind} {} which does not exist; `wortel check --repair` removes the link",
                        rec.kind,
                        ulid_text(key)
                    ));
                    report.to_mend.push((rec.kind, rec.key));
                }
            }
            if let Some(a) = rec
                .account
                .filter(|a| !has(EntityKind::Account, a.to_bytes()))
            {
                report.problem(format!(
                    "{} {id} belongs to account {a} which does not exist; restore a backup that holds the account",
                    rec.kind
                ));
            }
        }
    }

    fn check_indexes(
        &self,
        expected: &HashSet<(TreeId, Vec<u8>, Vec<u8>)>,
        report: &mut CheckReport,
    ) -> Result<()> {
        let mut seen = 0usize;
        for t in TreeId::INDEXES {
            for item in self.tree(t).iter() {
                let (k, v) = item.map_err(|e| self.io(e))?;
                let entries = if t == TreeId::IdxByAccount {
                    match super::packed_index::unpack(&k, &v) {
                        Ok(entries) => entries,
                        Err(e) => {
                            report.repairable_problem(format!(
                                "index {} holds an entry that cannot be read (key {}): {e}",
                                t.name(),
                                hex(&k)
                            ));
                            continue;
                        }
                    }
                } else {
                    vec![(t, k.to_vec(), v.to_vec())]
                };
                for entry in entries {
                    report.index_entries += 1;
                    if expected.contains(&entry) {
                        seen += 1;
                    } else {
                        report.repairable_problem(format!(
                            "index {} holds an entry no record accounts for (key {})",
                            entry.0.name(),
                            hex(&entry.1)
                        ));
                    }
                }
            }
        }
        if seen < expected.len() {
            let mut missing: Vec<&(TreeId, Vec<u8>, Vec<u8>)> = expected
                .iter()
                .filter(|entry| !self.holds_index_entry(entry))
                .collect();
            missing.sort();
            for (t, k, _) in missing {
                report.repairable_problem(format!(
                    "index {} lacks the entry for key {}",
                    t.name(),
                    hex(k)
                ));
            }
        }
        Ok(())
    }

    /// Whether the store holds this logical index entry (in its bucket, for a packed one).
    fn holds_index_entry(&self, (t, k, v): &(TreeId, Vec<u8>, Vec<u8>)) -> bool {
        match super::packed_index::split(*t, k) {
            Some((account, (_, rest))) => self
                .tree(*t)
                .get(account)
                .ok()
                .flatten()
                .and_then(|b| super::packed_index::rests(&b, *t).ok())
                .is_some_and(|rests| rests.contains(&rest)),
            None => self.tree(*t).get(k).ok().flatten().as_deref() == Some(v.as_slice()),
        }
    }

    fn check_changes(
        &self,
        ids: &HashMap<EntityKind, HashSet<[u8; 16]>>,
        report: &mut CheckReport,
    ) -> Result<()> {
        let last = self.last_seq()?;
        let mut expect_seq = 1u64;
        // By id bytes, not text: a 100,000-lead store logs ~360,000 changes.
        let mut logged: HashSet<(EntityKind, [u8; 16])> = HashSet::new();
        for item in self.tree(TreeId::Changes).iter() {
            let (k, v) = item.map_err(|e| self.io(e))?;
            let first = meta::read_u64(Some(&k));
            let changes = match super::changelog::decode_entry(&v) {
                Ok(changes) if !changes.is_empty() => changes,
                Ok(_) => {
                    report.problem(format!("change-log entry {first} is empty"));
                    continue;
                }
                Err(e) => {
                    report.problem(format!("change {first} cannot be read: {e}"));
                    expect_seq = first + 1;
                    report.changes += 1;
                    continue;
                }
            };
            if first != changes[0].seq {
                report.problem(format!(
                    "change-log entry {first} begins with change {}",
                    changes[0].seq
                ));
            }
            for c in changes {
                if c.seq != expect_seq {
                    report.problem(format!(
                        "the change log jumps from {} to {}",
                        expect_seq - 1,
                        c.seq
                    ));
                }
                expect_seq = c.seq + 1;
                if let Ok(id) = ulid::Ulid::from_string(&c.id) {
                    logged.insert((c.entity, id.to_bytes()));
                }
                report.changes += 1;
            }
        }
        if expect_seq - 1 != last {
            report.problem(format!(
                "the change log ends at {} but the store counts {last}",
                expect_seq - 1
            ));
        }
        for (kind, set) in ids {
            for key in set {
                if !logged.contains(&(*kind, *key)) {
                    report.problem(format!(
                        "{kind} {} is not in the change log",
                        ulid_text(key)
                    ));
                }
            }
        }
        Ok(())
    }
}

fn ulid_text(k: &[u8]) -> String {
    let key: [u8; 16] = k.try_into().unwrap_or([0; 16]);
    ulid::Ulid::from_bytes(key).to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the reference pass of `check` needs of a record: its links, not its text.
struct Links {
    kind: EntityKind,
    key: [u8; 16],
    account: Option<AccountId>,
    refs: Vec<(EntityKind, [u8; 16])>,
    /// A lead's stored tier and when it came in (its tier is derived from its account).
    lead: Option<(Tier, Timestamp)>,
}

impl Links {
    fn of(rec: &Record) -> Links {
        let mut refs: Vec<(EntityKind, [u8; 16])> = Vec::new();
        let mut lead = None;
        let account = match rec {
            Record::Contact(c) => Some(c.account_id),
            Record::Lead(l) => {
                refs.extend(l.contact_id.map(|c| (EntityKind::Contact, c.to_bytes())));
                refs.extend(
                    l.opportunity_id
                        .map(|o| (EntityKind::Opportunity, o.to_bytes())),
                );
                lead = Some((l.tier, l.received_at));
                Some(l.account_id)
            }
            Record::Opportunity(o) => {
                refs.extend(o.lead_id.map(|l| (EntityKind::Lead, l.to_bytes())));
                Some(o.account_id)
            }
            Record::Activity(a) => {
                refs.extend(a.lead_id.map(|l| (EntityKind::Lead, l.to_bytes())));
                refs.extend(
                    a.opportunity_id
                        .map(|o| (EntityKind::Opportunity, o.to_bytes())),
                );
                refs.extend(a.contact_id.map(|c| (EntityKind::Contact, c.to_bytes())));
                Some(a.account_id)
            }
            Record::Appointment(a) => Some(a.account_id),
            Record::Nps(n) => {
                refs.extend(n.contact_id.map(|c| (EntityKind::Contact, c.to_bytes())));
                Some(n.account_id)
            }
            Record::Account(_) => None,
        };
        Links {
            kind: rec.kind(),
            key: rec.key(),
            account,
            refs,
            lead,
        }
    }
}
