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
        for kind in EntityKind::ALL {
            for rec in self.scan(kind) {
                let rec = rec?;
                for (t, k, v) in rec.index_entries() {
                    self.tree(t).insert(k, v).map_err(|e| self.io(e))?;
                    n += 1;
                }
            }
        }
        self.flush()?;
        Ok(n)
    }

    /// Mends every problem `check` marks as repairable: the indexes are rebuilt from the
    /// records. Returns the index entries written.
    pub fn repair(&self) -> Result<usize> {
        let report = self.check()?;
        for key in &report.shared_external {
            let tree = self.tree(EntityKind::Lead.tree());
            let Some(bytes) = tree.get(key).map_err(|e| self.io(e))? else {
                continue;
            };
            if let Ok(Record::Lead(mut l)) = Record::decode(EntityKind::Lead, &bytes) {
                l.external_id = None;
                tree.insert(key, Record::Lead(l).encode())
                    .map_err(|e| self.io(e))?;
            }
        }
        for (kind, key) in &report.to_mend {
            self.mend(*kind, key)?;
        }
        self.repair_indexes()
    }

    /// Rewrites one record without its links to records that do not exist, and a lead with
    /// the tier its account gives it.
    fn mend(&self, kind: EntityKind, key: &[u8; 16]) -> Result<()> {
        let tree = self.tree(kind.tree());
        let Some(bytes) = tree.get(key).map_err(|e| self.io(e))? else {
            return Ok(());
        };
        let Ok(mut rec) = Record::decode(kind, &bytes) else {
            return Ok(());
        };
        let has = |kind: EntityKind, key: [u8; 16]| {
            self.tree(kind.tree()).contains_key(key).unwrap_or(false)
        };
        fn keep<T: Copy>(
            link: &mut Option<T>,
            kind: EntityKind,
            to: impl Fn(T) -> [u8; 16],
            has: &dyn Fn(EntityKind, [u8; 16]) -> bool,
        ) {
            *link = link.filter(|x| has(kind, to(*x)));
        }
        match &mut rec {
            Record::Lead(l) => {
                keep(
                    &mut l.contact_id,
                    EntityKind::Contact,
                    |x| x.to_bytes(),
                    &has,
                );
                keep(
                    &mut l.opportunity_id,
                    EntityKind::Opportunity,
                    |x| x.to_bytes(),
                    &has,
                );
                if let Some(a) = self.account(l.account_id)? {
                    let active = a.created_at < l.received_at || a.last_activity_at.is_some();
                    l.tier = Tier::derive(a.lifecycle, active);
                }
            }
            Record::Opportunity(o) => {
                keep(&mut o.lead_id, EntityKind::Lead, |x| x.to_bytes(), &has)
            }
            Record::Activity(a) => {
                keep(&mut a.lead_id, EntityKind::Lead, |x| x.to_bytes(), &has);
                keep(
                    &mut a.opportunity_id,
                    EntityKind::Opportunity,
                    |x| x.to_bytes(),
                    &has,
                );
                keep(
                    &mut a.contact_id,
                    EntityKind::Contact,
                    |x| x.to_bytes(),
                    &has,
                );
            }
            Record::Nps(n) => keep(
                &mut n.contact_id,
                EntityKind::Contact,
                |x| x.to_bytes(),
                &has,
            ),
            _ => {}
        }
        tree.insert(key, rec.encode()).map_err(|e| self.io(e))?;
        Ok(())
    }
}
