//! Reads the front ends need: single records, records of an account, scans, the change log.

use super::Store;
use super::changelog::{self, Change};
use super::error::{Result, StoreError};
use super::keys::{time, trailing_id};
use super::meta;
use super::packed_index;
use super::record::{EntityKind, Record};
use super::trees::TreeId;
use crate::domain::*;
use jiff::Timestamp;

macro_rules! typed_get {
    ($($fn:ident, $id:ty, $kind:ident, $t:ty);* $(;)?) => {$(
        /// The record with this id, if it exists.
        pub fn $fn(&self, id: $id) -> Result<Option<$t>> {
            match self.get(EntityKind::$kind, id.to_bytes())? {
                Some(Record::$kind(r)) => Ok(Some(r)),
                _ => Ok(None),
            }
        }
    )*};
}

macro_rules! typed_scan {
    ($($fn:ident, $kind:ident, $t:ty);* $(;)?) => {$(
        /// Every record of this kind, in id (creation) order, decoded lazily.
        pub fn $fn(&self) -> impl Iterator<Item = Result<$t>> + '_ {
            self.scan(EntityKind::$kind).map(|r| match r? {
                Record::$kind(x) => Ok(x),
                _ => unreachable!("scan of one kind yields that kind"),
            })
        }
    )*};
}

impl Store {
    /// One record by kind and key.
    pub fn get(&self, kind: EntityKind, key: [u8; 16]) -> Result<Option<Record>> {
        let tree = self.tree(kind.tree());
        match tree.get(key).map_err(|e| self.io(e))? {
            Some(bytes) => Record::decode(kind, &bytes)
                .map(Some)
                .map_err(|e| corrupt(kind, &key, e)),
            None => Ok(None),
        }
    }

    typed_get!(
        account, AccountId, Account, Account;
        contact, ContactId, Contact, Contact;
        lead, LeadId, Lead, Lead;
        opportunity, OpportunityId, Opportunity, Opportunity;
        activity, ActivityId, Activity, Activity;
        appointment, AppointmentId, Appointment, Appointment;
        nps_response, NpsId, Nps, NpsResponse;
    );

    typed_scan!(
        all_accounts, Account, Account;
        all_contacts, Contact, Contact;
        all_leads, Lead, Lead;
        all_opportunities, Opportunity, Opportunity;
        all_activities, Activity, Activity;
        all_appointments, Appointment, Appointment;
        all_nps, Nps, NpsResponse;
    );

    /// Every record of `kind`, in key order.
    pub fn scan(&self, kind: EntityKind) -> impl Iterator<Item = Result<Record>> + '_ {
        self.tree(kind.tree()).iter().map(move |item| {
            let (k, v) = item.map_err(|e| self.io(e))?;
            let key: [u8; 16] = k.as_ref().try_into().unwrap_or([0; 16]);
            Record::decode(kind, &v).map_err(|e| corrupt(kind, &key, e))
        })
    }

    /// How many records of `kind` the store holds.
    pub fn count(&self, kind: EntityKind) -> usize {
        self.tree(kind.tree()).len()
    }

    /// The lead head office knows by `external_id`.
    pub fn lead_by_external(&self, external_id: &str) -> Result<Option<Lead>> {
        let Some(v) = self
            .tree(TreeId::IdxLeadExternal)
            .get(external_id.as_bytes())
            .map_err(|e| self.io(e))?
        else {
            return Ok(None);
        };
        let key: [u8; 16] = v.as_ref().try_into().unwrap_or([0; 16]);
        self.lead(LeadId::from_bytes(key))
    }

    /// Accounts whose KvK number is `kvk`.
    pub fn accounts_by_kvk(&self, kvk: &str) -> Result<Vec<Account>> {
        let prefix = super::keys::join(&[kvk.as_bytes(), &[0]]);
        self.ids_under(TreeId::IdxAccountKvk, &prefix)?
            .into_iter()
            .filter_map(|k| self.account(AccountId::from_bytes(k)).transpose())
            .collect()
    }

    /// Accounts whose normalised name is exactly `normalised`.
    pub fn accounts_by_normalised_name(&self, normalised: &str) -> Result<Vec<Account>> {
        let prefix = super::keys::join(&[normalised.as_bytes(), &[0]]);
        self.ids_under(TreeId::IdxAccountName, &prefix)?
            .into_iter()
            .filter_map(|k| self.account(AccountId::from_bytes(k)).transpose())
            .collect()
    }

    /// Account ids in name order, lazily: the account list without loading every account.
    pub fn account_ids_by_name(&self) -> impl Iterator<Item = Result<AccountId>> + '_ {
        self.tree(TreeId::IdxAccountName)
            .iter()
            .keys()
            .map(move |k| {
                let k = k.map_err(|e| self.io(e))?;
                Ok(AccountId::from_bytes(trailing_id(&k).unwrap_or([0; 16])))
            })
    }

    /// (normalised name, id) of every account in name order, from the index alone: fuzzy search
    /// over 50,000 names without decoding a record.
    pub fn account_names(&self) -> impl Iterator<Item = Result<(String, AccountId)>> + '_ {
        self.tree(TreeId::IdxAccountName)
            .iter()
            .keys()
            .map(move |k| {
                let k = k.map_err(|e| self.io(e))?;
                let split = k.len().saturating_sub(17);
                let name = String::from_utf8_lossy(&k[..split]).into_owned();
                Ok((
                    name,
                    AccountId::from_bytes(trailing_id(&k).unwrap_or([0; 16])),
                ))
            })
    }

    /// Contacts of an account, oldest first.
    pub fn contacts_of(&self, account: AccountId) -> Result<Vec<Contact>> {
        self.ids_under(TreeId::IdxContactAccount, &account.to_bytes())?
            .into_iter()
            .filter_map(|k| self.contact(ContactId::from_bytes(k)).transpose())
            .collect()
    }

    /// Leads of an account, oldest first.
    pub fn leads_of(&self, account: AccountId) -> Result<Vec<Lead>> {
        self.ids_under(TreeId::IdxLeadAccount, &account.to_bytes())?
            .into_iter()
            .filter_map(|k| self.lead(LeadId::from_bytes(k)).transpose())
            .collect()
    }

    /// Opportunities of an account, oldest first.
    pub fn opportunities_of(&self, account: AccountId) -> Result<Vec<Opportunity>> {
        self.ids_under(TreeId::IdxOppAccount, &account.to_bytes())?
            .into_iter()
            .filter_map(|k| self.opportunity(OpportunityId::from_bytes(k)).transpose())
            .collect()
    }

    /// NPS responses of an account.
    pub fn nps_of(&self, account: AccountId) -> Result<Vec<NpsResponse>> {
        self.ids_under(TreeId::IdxNpsAccount, &account.to_bytes())?
            .into_iter()
            .filter_map(|k| self.nps_response(NpsId::from_bytes(k)).transpose())
            .collect()
    }

    /// The account's timeline: up to `limit` activities, newest first.
    pub fn activities_of(&self, account: AccountId, limit: usize) -> Result<Vec<Activity>> {
        let mut out = Vec::new();
        for id in self
            .ids_of_account(TreeId::IdxActivityAccount, account.to_bytes())?
            .into_iter()
            .rev()
        {
            if out.len() >= limit {
                break;
            }
            if let Some(a) = self.activity(ActivityId::from_bytes(id))? {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// Opportunities in one stage (a funnel column), oldest first.
    pub fn opportunities_in(&self, stage: Stage) -> Result<Vec<Opportunity>> {
        self.ids_under(TreeId::IdxOppStage, &[stage.code()])?
            .into_iter()
            .filter_map(|k| self.opportunity(OpportunityId::from_bytes(k)).transpose())
            .collect()
    }

    /// How many opportunities are in `stage`, without decoding them.
    pub fn count_in_stage(&self, stage: Stage) -> usize {
        self.tree(TreeId::IdxOppStage)
            .scan_prefix([stage.code()])
            .count()
    }

    /// Changes after `seq`, in order: the basis of incremental export. A log entry holds a run
    /// of changes keyed by its first, so the walk starts at the entry holding `seq + 1`.
    pub fn changes_since(&self, seq: u64) -> impl Iterator<Item = Result<Change>> + '_ {
        self.log_from(seq.saturating_add(1))
            .flat_map(move |item| self.log_entry(item))
            .filter(move |c| c.as_ref().map_or(true, |c| c.seq > seq))
    }

    /// The log's entries from the one holding change `seq` on (an entry is keyed by its first
    /// change, so that one may begin before `seq`).
    pub(super) fn log_from(&self, seq: u64) -> sled::Iter {
        let log = self.tree(TreeId::Changes);
        let start = match log.range(..=changelog::entry_key(seq)).next_back() {
            Some(Ok((k, _))) => k.to_vec(),
            _ => changelog::entry_key(seq).to_vec(),
        };
        log.range(start..)
    }

    /// The changes one log entry holds (or the one error that says why it cannot be read).
    pub(super) fn log_entry(
        &self,
        item: sled::Result<(sled::IVec, sled::IVec)>,
    ) -> Vec<Result<Change>> {
        let (k, v) = match item {
            Ok(kv) => kv,
            Err(e) => return vec![Err(self.io(e))],
        };
        match changelog::decode_entry(&v) {
            Ok(changes) => changes.into_iter().map(Ok).collect(),
            Err(detail) => vec![Err(StoreError::Corrupt {
                tree: TreeId::Changes.name(),
                id: meta::read_u64(Some(&k)).to_string(),
                detail,
            })],
        }
    }

    /// The sequence number of the newest change-log entry.
    pub fn last_seq(&self) -> Result<u64> {
        let v = self
            .tree(TreeId::Meta)
            .get(meta::KEY_LAST_SEQ)
            .map_err(|e| self.io(e))?;
        Ok(meta::read_u64(v.as_deref()))
    }

    /// Appointments starting in `[from, to)`, earliest first, from the time index.
    pub fn appointments_between(&self, from: Timestamp, to: Timestamp) -> Result<Vec<Appointment>> {
        let mut out = Vec::new();
        for k in self
            .tree(TreeId::IdxAppointmentTime)
            .range(time(from).to_vec()..time(to).to_vec())
            .keys()
        {
            let k = k.map_err(|e| self.io(e))?;
            let id = AppointmentId::from_bytes(trailing_id(&k).unwrap_or([0; 16]));
            if let Some(a) = self.appointment(id)? {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// The ids in one by-account index of `account`'s bucket, in that index's key order.
    fn ids_of_account(&self, index: TreeId, account: [u8; 16]) -> Result<Vec<[u8; 16]>> {
        let Some(bucket) = self.tree(index).get(account).map_err(|e| self.io(e))? else {
            return Ok(Vec::new());
        };
        let rests = packed_index::rests(&bucket, index).map_err(|detail| StoreError::Corrupt {
            tree: TreeId::IdxByAccount.name(),
            id: ulid::Ulid::from_bytes(account).to_string(),
            detail,
        })?;
        Ok(rests
            .iter()
            .map(|r| trailing_id(r).unwrap_or([0; 16]))
            .collect())
    }

    /// The ids at the end of every index key under `prefix` (for a by-account index: the
    /// prefix is the account id).
    fn ids_under(&self, tree: TreeId, prefix: &[u8]) -> Result<Vec<[u8; 16]>> {
        if packed_index::tag(tree).is_some() {
            let account: [u8; 16] = prefix.try_into().unwrap_or([0; 16]);
            return self.ids_of_account(tree, account);
        }
        self.tree(tree)
            .scan_prefix(prefix)
            .keys()
            .map(|k| {
                let k = k.map_err(|e| self.io(e))?;
                Ok(trailing_id(&k).unwrap_or([0; 16]))
            })
            .collect()
    }
}

pub(crate) fn corrupt(kind: EntityKind, key: &[u8; 16], e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        tree: kind.tree().name(),
        id: ulid::Ulid::from_bytes(*key).to_string(),
        detail: e.to_string(),
    }
}
