//! What the fuzzy filter and the palette search: one line of text per lead (account, city,
//! interest, head office's id) with its channel, and one per account (name, city, KvK).
//! Building it reads every lead and account once, so it is built on a background thread when the
//! TUI starts and the first frame never waits for it.

use crate::domain::{AccountId, Channel, LeadId};
use crate::search::{NO_MATCH, Query, char_mask};
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// One lead's searchable facts.
#[derive(Clone, Debug)]
pub struct LeadFacts {
    pub id: LeadId,
    pub channel: Channel,
    /// "Account · City · interest · HQ-id": what a user would type to find it.
    pub text: String,
}

/// One account's searchable text.
#[derive(Clone, Debug)]
pub struct AccountFacts {
    pub id: AccountId,
    pub name: String,
    /// "Name · City · KvK".
    pub text: String,
}

/// Lower-cased texts back to back in one buffer: the match test on every keystroke walks
/// tens of thousands of them, and one contiguous buffer keeps that in the CPU cache instead of
/// chasing a pointer per text.
/// Each text has its character mask beside it, so most texts are rejected without being read.
#[derive(Debug, Default)]
pub struct LowerTexts {
    buf: String,
    ends: Vec<u32>,
    masks: Vec<u64>,
}

impl LowerTexts {
    pub fn push(&mut self, text: &str) {
        let start = self.buf.len();
        for c in text.chars() {
            self.buf.extend(c.to_lowercase());
        }
        self.masks.push(char_mask(&self.buf[start..]));
        self.ends.push(self.buf.len() as u32);
    }

    /// The `i`th text, lower-cased.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.buf[start..self.ends[i] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Classifies texts for `query` (see [`Query::match_class`]): `classes[i]` for every
    /// text, [`NO_MATCH`] for those that do not match or are not among `candidates`
    /// (ascending positions; all texts when `None`). Returns the matching positions, ascending.
    /// `original` gives a text as written, for a term with capitals.
    pub fn classify<'a>(
        &self,
        query: &Query,
        candidates: Option<&[u32]>,
        original: impl Fn(usize) -> &'a str,
        classes: &mut Vec<u8>,
    ) -> Vec<u32> {
        classes.clear();
        classes.resize(self.len(), NO_MATCH);
        let mask = query.mask();
        let mut matched = Vec::new();
        let mut check = |i: usize| {
            if self.masks[i] & mask == mask {
                let class = query.match_class(self.get(i), || original(i));
                if class != NO_MATCH {
                    classes[i] = class;
                    matched.push(i as u32);
                }
            }
        };
        match candidates {
            Some(c) => c.iter().for_each(|i| check(*i as usize)),
            None => (0..self.len()).for_each(check),
        }
        matched
    }
}

/// Searchable facts of every lead and account.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub leads: Vec<LeadFacts>,
    pub leads_lower: LowerTexts,
    pub accounts: Vec<AccountFacts>,
    pub accounts_lower: LowerTexts,
    by_id: HashMap<LeadId, usize>,
    account_by_id: HashMap<AccountId, usize>,
    /// Accounts that are likely the same company as others (same KvK, or same name at the
    /// same postcode), with those others.
    pub duplicates: HashMap<AccountId, Vec<AccountId>>,
}

/// An account's latest logged activity and the next step it set (none: nothing planned).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextStep {
    pub at: jiff::Timestamp,
    pub date: Option<jiff::civil::Date>,
}

impl NextStep {
    /// The next step an account's newest activity planned, read from the store.
    pub fn of(store: &Store, account: AccountId) -> Result<Option<NextStep>, StoreError> {
        Ok(store.activities_of(account, 1)?.first().map(|a| NextStep {
            at: a.at,
            date: a.next_step,
        }))
    }
}

impl SearchIndex {
    /// Reads every account and lead once.
    pub fn build(store: &Store) -> Result<SearchIndex, StoreError> {
        let mut places: HashMap<AccountId, (String, String)> = HashMap::new();
        let mut index = SearchIndex::default();
        let mut by_key: HashMap<String, Vec<AccountId>> = HashMap::new();
        for a in store.all_accounts() {
            let a = a?;
            for key in crate::domain::duplicates::duplicate_keys(&a) {
                by_key.entry(key).or_default().push(a.id);
            }
            let mut text = format!("{} · {}", a.name, a.address.city);
            if let Some(kvk) = &a.kvk {
                text.push_str(" · KvK ");
                text.push_str(kvk);
            }
            index.accounts_lower.push(&text);
            index.account_by_id.insert(a.id, index.accounts.len());
            index.accounts.push(AccountFacts {
                id: a.id,
                name: a.name.clone(),
                text,
            });
            places.insert(a.id, (a.name, a.address.city));
        }
        for group in by_key.into_values().filter(|g| g.len() > 1) {
            for id in &group {
                let others = index.duplicates.entry(*id).or_default();
                for o in &group {
                    if o != id && !others.contains(o) {
                        others.push(*o);
                    }
                }
            }
        }
        for l in store.all_leads() {
            let l = l?;
            let (name, city) = places
                .get(&l.account_id)
                .map(|(n, c)| (n.as_str(), c.as_str()))
                .unwrap_or(("?", ""));
            let mut text = format!("{name} · {city} · {}", l.interest);
            if let Some(ext) = &l.external_id {
                text.push_str(" · ");
                text.push_str(ext);
            }
            index.by_id.insert(l.id, index.leads.len());
            index.leads_lower.push(&text);
            index.leads.push(LeadFacts {
                id: l.id,
                channel: l.source.channel,
                text,
            });
        }
        Ok(index)
    }

    pub fn get(&self, id: LeadId) -> Option<&LeadFacts> {
        self.by_id.get(&id).map(|i| &self.leads[*i])
    }

    /// Where a lead's facts are in `leads` (and `leads_lower`).
    pub fn position(&self, id: LeadId) -> Option<usize> {
        self.by_id.get(&id).copied()
    }

    /// Where an account's facts are in `accounts` (and `accounts_lower`).
    pub fn account_position(&self, id: AccountId) -> Option<usize> {
        self.account_by_id.get(&id).copied()
    }

    /// Classifies the leads for `query` (see [`LowerTexts::classify`]).
    pub fn classify_leads(
        &self,
        query: &Query,
        candidates: Option<&[u32]>,
        classes: &mut Vec<u8>,
    ) -> Vec<u32> {
        self.leads_lower
            .classify(query, candidates, |i| &self.leads[i].text, classes)
    }

    /// Classifies the accounts for `query` (see [`LowerTexts::classify`]).
    pub fn classify_accounts(
        &self,
        query: &Query,
        candidates: Option<&[u32]>,
        classes: &mut Vec<u8>,
    ) -> Vec<u32> {
        self.accounts_lower
            .classify(query, candidates, |i| &self.accounts[i].text, classes)
    }
}

/// The index being built in the background, then ready.
pub enum SearchIndexState {
    /// To be built once the first frame is on screen (building it reads the whole store, and on
    /// a two-core laptop it would slow that first frame down).
    Later(Arc<Store>),
    Building(Receiver<Result<SearchIndex, StoreError>>),
    Ready(Arc<SearchIndex>),
    Failed(String),
}

impl SearchIndexState {
    /// Starts building on a thread of its own.
    pub fn start(store: Arc<Store>) -> SearchIndexState {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(SearchIndex::build(&store));
        });
        SearchIndexState::Building(rx)
    }

    /// Built on a thread of its own, started by [`SearchIndexState::start_if_later`].
    pub fn later(store: Arc<Store>) -> SearchIndexState {
        SearchIndexState::Later(store)
    }

    /// Starts a build that waited for the first frame.
    pub fn start_if_later(&mut self) {
        if let SearchIndexState::Later(store) = self {
            *self = SearchIndexState::start(store.clone());
        }
    }

    /// Builds it here and now (tests, and small stores).
    pub fn build_now(store: &Store) -> SearchIndexState {
        match SearchIndex::build(store) {
            Ok(i) => SearchIndexState::Ready(Arc::new(i)),
            Err(e) => SearchIndexState::Failed(e.to_string()),
        }
    }

    /// Takes the finished index if the thread is done; true when the state changed.
    pub fn poll(&mut self) -> bool {
        self.start_if_later();
        let SearchIndexState::Building(rx) = self else {
            return false;
        };
        match rx.try_recv() {
            Ok(Ok(i)) => *self = SearchIndexState::Ready(Arc::new(i)),
            Ok(Err(e)) => *self = SearchIndexState::Failed(e.to_string()),
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => {
                *self = SearchIndexState::Failed("the search index builder stopped".into())
            }
        }
        true
    }

    pub fn ready(&self) -> Option<&Arc<SearchIndex>> {
        match self {
            SearchIndexState::Ready(i) => Some(i),
            _ => None,
        }
    }

    pub fn is_building(&self) -> bool {
        matches!(
            self,
            SearchIndexState::Building(_) | SearchIndexState::Later(_)
        )
    }
}
