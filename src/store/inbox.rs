//! The inbox order — tier, then overdue first, then score (high first), then age (old first) —
//! read lazily from the indexes, so the first screenful of a 100,000-lead store costs a few
//! dozen key reads rather than a scan.
//!
//! "Overdue" depends on the clock, so it cannot live in a static key. Only `new` leads can be
//! overdue; those with a deadline are also indexed by tier and respond-by, so the overdue ones of
//! a tier are a range read. The rest of a tier is a merge of one sorted range per status.

use super::Store;
use super::error::Result;
use super::keys::{join, time, trailing_id};
use super::trees::TreeId;
use crate::domain::{Lead, LeadId, LeadStatus, Tier};
use jiff::Timestamp;
use std::iter::Peekable;

/// Which leads to list, in inbox order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadOrder {
    /// The statuses to include; the inbox default is the open ones.
    pub statuses: Vec<LeadStatus>,
    /// The tiers to include (all three when empty).
    pub tiers: Vec<Tier>,
}

impl LeadOrder {
    /// The leads that still ask for work.
    pub fn inbox() -> Self {
        LeadOrder {
            statuses: LeadStatus::ALL
                .into_iter()
                .filter(|s| s.is_open())
                .collect(),
            tiers: vec![],
        }
    }

    /// Every lead, whatever its status.
    pub fn all() -> Self {
        LeadOrder {
            statuses: LeadStatus::ALL.to_vec(),
            tiers: vec![],
        }
    }
}

/// Where a lead sorts in the inbox: the order [`Store::lead_ids_in_order`] lists leads in, as a
/// value, so a front end can place a changed lead in a list it already holds instead of
/// re-reading the whole list.
pub fn inbox_rank(lead: &Lead, now: Timestamp) -> (u8, u8, Vec<u8>) {
    let overdue = lead.is_overdue(now);
    (
        lead.tier.number(),
        u8::from(!overdue),
        super::record::inbox_suffix(lead),
    )
}

type KeyStream<'a> = Box<dyn Iterator<Item = Result<(Vec<u8>, [u8; 16])>> + 'a>;

impl Store {
    /// Lead ids in inbox order, lazily.
    pub fn lead_ids_in_order(
        &self,
        order: &LeadOrder,
        now: Timestamp,
    ) -> impl Iterator<Item = Result<LeadId>> + '_ {
        let mut tiers: Vec<Tier> = if order.tiers.is_empty() {
            vec![Tier::Customer, Tier::KnownProspect, Tier::UnknownProspect]
        } else {
            order.tiers.clone()
        };
        tiers.sort();
        tiers.dedup();
        let mut statuses = order.statuses.clone();
        statuses.sort();
        statuses.dedup();
        let with_new = statuses.contains(&LeadStatus::New);
        tiers.into_iter().flat_map(move |tier| {
            let overdue: Box<dyn Iterator<Item = Result<LeadId>>> = if with_new {
                match self.overdue_in_tier(tier, now) {
                    Ok(ids) => Box::new(ids.into_iter().map(Ok)),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            } else {
                Box::new(std::iter::empty())
            };
            let streams: Vec<Peekable<KeyStream<'_>>> = statuses
                .iter()
                .map(|s| self.status_stream(*s, tier, now).peekable())
                .collect();
            overdue.chain(Merge { streams }.map(|r| r.map(LeadId::from_bytes)))
        })
    }

    /// One page of leads in inbox order.
    pub fn leads_page(
        &self,
        order: &LeadOrder,
        now: Timestamp,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Lead>> {
        self.lead_ids_in_order(order, now)
            .skip(offset)
            .take(limit)
            .filter_map(|id| match id {
                Ok(id) => self.lead(id).transpose(),
                Err(e) => Some(Err(e)),
            })
            .collect()
    }

    /// How many `new` leads are past their respond-by.
    pub fn overdue_count(&self, now: Timestamp) -> Result<usize> {
        let mut n = 0;
        for tier in [Tier::Customer, Tier::KnownProspect, Tier::UnknownProspect] {
            n += self
                .tree(TreeId::IdxDue)
                .range(vec![tier.number()]..join(&[&[tier.number()], &time(now)]))
                .count();
        }
        Ok(n)
    }

    /// The `new` leads past their respond-by, in inbox order (tier, then most overdue first).
    pub fn overdue_lead_ids(&self, tiers: &[Tier], now: Timestamp) -> Result<Vec<LeadId>> {
        let mut all = Vec::new();
        for tier in [Tier::Customer, Tier::KnownProspect, Tier::UnknownProspect] {
            if tiers.is_empty() || tiers.contains(&tier) {
                all.extend(self.overdue_in_tier(tier, now)?);
            }
        }
        Ok(all)
    }

    /// How many leads have `status`, from the index alone.
    pub fn status_count(&self, status: LeadStatus) -> usize {
        self.tree(TreeId::IdxInbox)
            .scan_prefix([status.code()])
            .count()
    }

    fn overdue_in_tier(&self, tier: Tier, now: Timestamp) -> Result<Vec<LeadId>> {
        let mut found: Vec<(Vec<u8>, [u8; 16])> = Vec::new();
        for item in self
            .tree(TreeId::IdxDue)
            .range(vec![tier.number()]..join(&[&[tier.number()], &time(now)]))
        {
            let (k, v) = item.map_err(|e| self.io(e))?;
            found.push((v.to_vec(), trailing_id(&k).unwrap_or([0; 16])));
        }
        found.sort();
        Ok(found
            .into_iter()
            .map(|(_, id)| LeadId::from_bytes(id))
            .collect())
    }

    /// The leads of one status and tier in (score, age) order, skipping the overdue ones, which
    /// are listed before them.
    fn status_stream(&self, status: LeadStatus, tier: Tier, now: Timestamp) -> KeyStream<'_> {
        let now_key = time(now);
        let skip_overdue = status == LeadStatus::New;
        Box::new(
            self.tree(TreeId::IdxInbox)
                .scan_prefix([status.code(), tier.number()])
                .filter_map(move |item| {
                    let (k, v) = match item {
                        Ok(kv) => kv,
                        Err(e) => return Some(Err(self.io(e))),
                    };
                    if skip_overdue && v.len() == 8 && v.as_ref() < now_key.as_slice() {
                        return None;
                    }
                    let id = trailing_id(&k).unwrap_or([0; 16]);
                    Some(Ok((k[2..].to_vec(), id)))
                }),
        )
    }
}

/// Merges streams that are each sorted by their key suffix.
struct Merge<'a> {
    streams: Vec<Peekable<KeyStream<'a>>>,
}

impl Iterator for Merge<'_> {
    type Item = Result<[u8; 16]>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut best: Option<(usize, Vec<u8>)> = None;
        for (i, stream) in self.streams.iter_mut().enumerate() {
            match stream.peek() {
                None => continue,
                Some(Err(_)) => {
                    best = Some((i, Vec::new()));
                    break;
                }
                Some(Ok((k, _))) => {
                    if best.as_ref().is_none_or(|(_, bk)| k < bk) {
                        best = Some((i, k.clone()));
                    }
                }
            }
        }
        best.and_then(|(i, _)| self.streams[i].next())
            .map(|r| r.map(|(_, id)| id))
    }
}
