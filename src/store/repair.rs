//! `wortel check --repair` (and `wortel restore --repair`): mends what `check` marks as
//! repairable — what is derived from the records (indexes, tiers) is rebuilt from them, links
//! to records that do not exist are removed, a head-office id two leads carry is kept on the
//! first. Records themselves are never dropped: what only a person can settle stays reported.

use super::Store;
use super::error::Result;
use super::record::{EntityKind, Record};
use super::trees::TreeId;
use crate::domain::Tier;

impl Store {
    /// Rebuilds every secondary index from the records (the records are the truth; indexes are
    /// derived). Returns how many index entries were written. For `check --repair`.
    pub fn repair_indexes(&self) -> Result<usize> {
        for t in TreeId::INDEXES {
            self.tree(t).clear().map_err(|e| self.io(e))?;
        }
        let mut n = 0;
        let mut packer = super::packed_index::Packer::default();
        for kind in EntityKind::ALL {
            for rec in self.scan(kind) {
                let rec = rec?;
                for entry in rec.index_entries() {
                    n += 1;
                    if let Some((t, k, v)) = packer.take(entry) {
                        self.tree(t).insert(k, v).map_err(|e| self.io(e))?;
                    }
                }
            }
            packer
                .write(self.tree(TreeId::IdxByAccount))
                .map_err(|e| self.io(e))?;
        }
        self.flush()?;
        Ok(n)
    }

    /// Mends every problem `check` marks as repairable: records rewritten without links to
    /// records that do not exist, with their derived tier, and without a head-office id an
    /// earlier lead carries — through one logged write (dated `now`), so head office hears of
    /// the changes — then every index rebuilt from the records. Returns the index entries
    /// written.
    pub fn repair(&self, now: jiff::Timestamp) -> Result<usize> {
        let report = self.check()?;
        let mut mended: Vec<Record> = Vec::new();
        let targets = report.to_mend.iter().copied().chain(
            report
                .shared_external
                .iter()
                .map(|k| (EntityKind::Lead, *k)),
        );
        for (kind, key) in targets {
            if mended.iter().any(|r| r.kind() == kind && r.key() == key) {
                continue;
            }
            let Some(mut rec) = self.stored(kind, &key)? else {
                continue;
            };
            self.mend(&mut rec)?;
            if let Record::Lead(l) = &mut rec {
                if report.shared_external.contains(&key) {
                    l.external_id = None;
                }
            }
            // One that breaks a rule as well stays as it is, reported, for a person to settle.
            if rec.validate().is_ok() {
                mended.push(rec);
            }
        }
        if !mended.is_empty() {
            let mut ws = super::WriteSet::new();
            for rec in mended {
                ws.put(rec);
            }
            self.commit(&ws, now)?;
        }
        self.repair_indexes()
    }

    /// The record stored under `key`, if it can be read.
    fn stored(&self, kind: EntityKind, key: &[u8; 16]) -> Result<Option<Record>> {
        let bytes = self.tree(kind.tree()).get(key).map_err(|e| self.io(e))?;
        Ok(bytes.and_then(|b| Record::decode(kind, &b).ok()))
    }

    /// Drops the record's links to records that do not exist and gives a lead the tier its
    /// account gives it.
    fn mend(&self, rec: &mut Record) -> Result<()> {
        let has = |kind: EntityKind, key: [u8; 16]| {
            self.tree(kind.tree()).contains_key(key).unwrap_or(false)
        };
        let contact = |c: &mut Option<crate::domain::ContactId>| {
            *c = c.filter(|x| has(EntityKind::Contact, x.to_bytes()));
        };
        let lead = |l: &mut Option<crate::domain::LeadId>| {
            *l = l.filter(|x| has(EntityKind::Lead, x.to_bytes()));
        };
        let deal = |o: &mut Option<crate::domain::OpportunityId>| {
            *o = o.filter(|x| has(EntityKind::Opportunity, x.to_bytes()));
        };
        match rec {
            Record::Lead(l) => {
                contact(&mut l.contact_id);
                deal(&mut l.opportunity_id);
                if let Some(a) = self.account(l.account_id)? {
                    let active = a.created_at < l.received_at || a.last_activity_at.is_some();
                    l.tier = Tier::derive(a.lifecycle, active);
                }
            }
            Record::Opportunity(o) => lead(&mut o.lead_id),
            Record::Activity(a) => {
                lead(&mut a.lead_id);
                deal(&mut a.opportunity_id);
                contact(&mut a.contact_id);
            }
            Record::Nps(n) => contact(&mut n.contact_id),
            _ => {}
        }
        Ok(())
    }
}
