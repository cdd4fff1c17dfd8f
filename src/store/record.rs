//! Records as the store sees them: which tree each lives in and which index entries it owns.
//!
//! Index entries are a pure function of the record, so a write can remove the old record's
//! entries and add the new one's in the same transaction, and `check` can rebuild them.

use super::keys::{join, time};
use super::trees::TreeId;
use crate::domain::text::normalise_name;
use crate::domain::*;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of record the store keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Account,
    Contact,
    Lead,
    Opportunity,
    Activity,
    Appointment,
    Nps,
}

impl EntityKind {
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Account,
        EntityKind::Contact,
        EntityKind::Lead,
        EntityKind::Opportunity,
        EntityKind::Activity,
        EntityKind::Appointment,
        EntityKind::Nps,
    ];

    /// The tree holding records of this kind.
    pub fn tree(self) -> TreeId {
        match self {
            EntityKind::Account => TreeId::Accounts,
            EntityKind::Contact => TreeId::Contacts,
            EntityKind::Lead => TreeId::Leads,
            EntityKind::Opportunity => TreeId::Opportunities,
            EntityKind::Activity => TreeId::Activities,
            EntityKind::Appointment => TreeId::Appointments,
            EntityKind::Nps => TreeId::Nps,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Account => "account",
            EntityKind::Contact => "contact",
            EntityKind::Lead => "lead",
            EntityKind::Opportunity => "opportunity",
            EntityKind::Activity => "activity",
            EntityKind::Appointment => "appointment",
            EntityKind::Nps => "nps",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Any record, so one write can carry several kinds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Account(Account),
    Contact(Contact),
    Lead(Lead),
    Opportunity(Opportunity),
    Activity(Activity),
    Appointment(Appointment),
    Nps(NpsResponse),
}

/// One secondary-index entry: tree, key, value.
pub type IndexEntry = (TreeId, Vec<u8>, Vec<u8>);

impl Record {
    pub fn kind(&self) -> EntityKind {
        match self {
            Record::Account(_) => EntityKind::Account,
            Record::Contact(_) => EntityKind::Contact,
            Record::Lead(_) => EntityKind::Lead,
            Record::Opportunity(_) => EntityKind::Opportunity,
            Record::Activity(_) => EntityKind::Activity,
            Record::Appointment(_) => EntityKind::Appointment,
            Record::Nps(_) => EntityKind::Nps,
        }
    }

    /// The record's key in its tree: its id's 16 bytes.
    pub fn key(&self) -> [u8; 16] {
        match self {
            Record::Account(r) => r.id.to_bytes(),
            Record::Contact(r) => r.id.to_bytes(),
            Record::Lead(r) => r.id.to_bytes(),
            Record::Opportunity(r) => r.id.to_bytes(),
            Record::Activity(r) => r.id.to_bytes(),
            Record::Appointment(r) => r.id.to_bytes(),
            Record::Nps(r) => r.id.to_bytes(),
        }
    }

    /// The id as text, for messages and the change log.
    pub fn id_string(&self) -> String {
        ulid::Ulid::from_bytes(self.key()).to_string()
    }

    /// Checks the record against the domain's rules before it is written.
    pub fn validate(&self) -> Result<(), DomainError> {
        match self {
            Record::Account(r) => r.validate(),
            Record::Contact(r) => r.validate(),
            Record::Lead(r) => r.validate(),
            Record::Opportunity(r) => r.validate(),
            Record::Activity(r) => r.validate(),
            Record::Appointment(_) => Ok(()),
            Record::Nps(r) => nps::validate_nps(i64::from(r.score)).map(|_| ()),
        }
    }

    /// The stored bytes.
    pub fn encode(&self) -> Vec<u8> {
        let res = match self {
            Record::Account(r) => serde_json::to_vec(r),
            Record::Contact(r) => serde_json::to_vec(r),
            Record::Lead(r) => serde_json::to_vec(r),
            Record::Opportunity(r) => serde_json::to_vec(r),
            Record::Activity(r) => serde_json::to_vec(r),
            Record::Appointment(r) => serde_json::to_vec(r),
            Record::Nps(r) => serde_json::to_vec(r),
        };
        // Serialising plain structs of strings and numbers to JSON cannot fail.
        res.unwrap_or_default()
    }

    /// The record with every text cleaned for storage ([`stored_text`]): whatever a front end,
    /// a file or a restore hands the store, nothing stored holds an escape sequence or a
    /// control character that a terminal would obey. Records already clean (nearly all) pass
    /// with one scan of their encoding.
    pub fn cleaned(self) -> Record {
        let bytes = self.encode();
        if !may_hold_controls(&bytes) {
            return self;
        }
        let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
            return self;
        };
        clean_strings(&mut value);
        let kind = self.kind();
        serde_json::to_vec(&value)
            .ok()
            .and_then(|b| Record::decode(kind, &b).ok())
            .unwrap_or(self)
    }

    /// Reads stored bytes back as a record of `kind`.
    pub fn decode(kind: EntityKind, bytes: &[u8]) -> Result<Record, serde_json::Error> {
        Ok(match kind {
            EntityKind::Account => Record::Account(serde_json::from_slice(bytes)?),
            EntityKind::Contact => Record::Contact(serde_json::from_slice(bytes)?),
            EntityKind::Lead => Record::Lead(serde_json::from_slice(bytes)?),
            EntityKind::Opportunity => Record::Opportunity(serde_json::from_slice(bytes)?),
            EntityKind::Activity => Record::Activity(serde_json::from_slice(bytes)?),
            EntityKind::Appointment => Record::Appointment(serde_json::from_slice(bytes)?),
            EntityKind::Nps => Record::Nps(serde_json::from_slice(bytes)?),
        })
    }

    /// Every index entry this record owns.
    pub fn index_entries(&self) -> Vec<IndexEntry> {
        let mut out = Vec::new();
        match self {
            Record::Account(a) => {
                let id = a.id.to_bytes();
                let name = normalise_name(&a.name);
                out.push((
                    TreeId::IdxAccountName,
                    join(&[name.as_bytes(), &[0], &id]),
                    vec![],
                ));
                if let Some(kvk) = a.kvk.as_deref().filter(|k| !k.is_empty()) {
                    out.push((
                        TreeId::IdxAccountKvk,
                        join(&[kvk.as_bytes(), &[0], &id]),
                        vec![],
                    ));
                }
            }
            Record::Contact(c) => {
                out.push((
                    TreeId::IdxContactAccount,
                    join(&[&c.account_id.to_bytes(), &c.id.to_bytes()]),
                    vec![],
                ));
            }
            Record::Lead(l) => lead_entries(l, &mut out),
            Record::Opportunity(o) => {
                let id = o.id.to_bytes();
                out.push((TreeId::IdxOppStage, join(&[&[o.stage.code()], &id]), vec![]));
                out.push((
                    TreeId::IdxOppAccount,
                    join(&[&o.account_id.to_bytes(), &id]),
                    vec![],
                ));
            }
            Record::Activity(a) => {
                out.push((
                    TreeId::IdxActivityAccount,
                    join(&[&a.account_id.to_bytes(), &time(a.at), &a.id.to_bytes()]),
                    vec![],
                ));
            }
            Record::Appointment(a) => {
                out.push((
                    TreeId::IdxAppointmentTime,
                    join(&[&time(a.starts_at), &a.id.to_bytes()]),
                    vec![],
                ));
            }
            Record::Nps(n) => {
                out.push((
                    TreeId::IdxNpsAccount,
                    join(&[&n.account_id.to_bytes(), &n.id.to_bytes()]),
                    vec![],
                ));
            }
        }
        out
    }
}

/// The part of an inbox key after status and tier: score descending, then oldest first, then id.
pub fn inbox_suffix(lead: &Lead) -> Vec<u8> {
    join(&[
        &[100u8.saturating_sub(lead.score)],
        &time(lead.received_at),
        &lead.id.to_bytes(),
    ])
}

fn lead_entries(l: &Lead, out: &mut Vec<IndexEntry>) {
    let id = l.id.to_bytes();
    let suffix = inbox_suffix(l);
    let respond_by = l.respond_by.map(|t| time(t).to_vec()).unwrap_or_default();
    out.push((
        TreeId::IdxInbox,
        join(&[&[l.status.code(), l.tier.number()], &suffix]),
        respond_by,
    ));
    if l.status == LeadStatus::New {
        if let Some(r) = l.respond_by {
            out.push((
                TreeId::IdxDue,
                join(&[&[l.tier.number()], &time(r), &id]),
                suffix,
            ));
        }
    }
    if let Some(ext) = l.external_id.as_deref() {
        out.push((
            TreeId::IdxLeadExternal,
            ext.as_bytes().to_vec(),
            id.to_vec(),
        ));
    }
    out.push((
        TreeId::IdxLeadAccount,
        join(&[&l.account_id.to_bytes(), &id]),
        vec![],
    ));
}

macro_rules! into_record {
    ($($t:ty => $v:ident),*) => {$(
        impl From<$t> for Record {
            fn from(r: $t) -> Record { Record::$v(r) }
        }
        impl TryFrom<Record> for $t {
            type Error = Record;
            fn try_from(r: Record) -> Result<$t, Record> {
                match r { Record::$v(x) => Ok(x), other => Err(other) }
            }
        }
    )*};
}
into_record!(Account => Account, Contact => Contact, Lead => Lead, Opportunity => Opportunity,
    Activity => Activity, Appointment => Appointment, NpsResponse => Nps);

/// True when a record's JSON may hold a control character: JSON writes C0 controls as escapes
/// (`\n`, `\u001b` …), DEL and C1 controls as their raw bytes.
fn may_hold_controls(json: &[u8]) -> bool {
    json.windows(2).any(|w| {
        (w[0] == b'\\' && matches!(w[1], b'n' | b'r' | b't' | b'b' | b'f' | b'u'))
            || (w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]))
    }) || json.contains(&0x7F)
}

fn clean_strings(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) if s.chars().any(char::is_control) => {
            *s = stored_text(s);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean_strings),
        serde_json::Value::Object(map) => map.values_mut().for_each(clean_strings),
        _ => {}
    }
}

/// Text as the store keeps it: the cleaner wortel-core shares with head office.
pub use crate::domain::text::stored_text;

#[cfg(test)]
mod cleaning_tests {
    use super::stored_text;

    #[test]
    fn escape_sequences_are_removed_whole_and_line_ends_kept() {
        assert_eq!(
            stored_text("x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}y"),
            "xy"
        );
        assert_eq!(
            stored_text("a\r\nb\rc\td\u{0}e\u{9b}31mf"),
            "a\nb\nc de\u{66}"
        );
        assert_eq!(stored_text("Jansen \u{202e}B.V."), "Jansen \u{202e}B.V.");
    }
}
