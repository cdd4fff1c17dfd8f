//! The records of a `feedback` bundle (dealer → head office), one type per payload file, as
//! `docs/bundle-format.md` ("Kind `feedback`") documents them. Head office parses a verified
//! bundle with [`parse_feedback`]; unknown fields are ignored, so a newer dealer may send more.
//! Money is in euro cents, times RFC 3339, ids the dealer store's ULIDs unless named `lead_id`.

use super::leads::parse_line;
use super::{Bundle, BundleError};
use crate::domain::{
    AccountKind, ActivityKind, Channel, LeadStatus, Lifecycle, Origin, Outcome, Stage,
};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// `lead_updates.ndjson`: a status change of a head-office lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadUpdate {
    /// Head office's id of the lead.
    pub lead_id: String,
    pub from: LeadStatus,
    pub status: LeadStatus,
    /// The reject or disqualify reason, from the dealer's list (e.g. `out of area`).
    pub reason: Option<String>,
    pub at: Timestamp,
    /// Minutes from the lead's `received_at` to the first contact a person logged.
    pub response_minutes: Option<i64>,
}

/// `accounts.ndjson`: an account's state at export, or a merge of a duplicate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AccountRecord {
    /// Account `id` was a duplicate of `merged_into` and is gone.
    Merge {
        id: String,
        merged_into: String,
        at: Timestamp,
    },
    State(AccountState),
}

/// An account as the dealer holds it (no contact details: those stay in the store).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountState {
    pub id: String,
    pub name: String,
    pub kvk: Option<String>,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub city: String,
    pub lifecycle: Lifecycle,
    pub origin: Origin,
    /// `company` or `person` (absent from older bundles): a person's account is personal data,
    /// which head office's erasure finds by it.
    #[serde(default)]
    pub kind: Option<AccountKind>,
    /// When the dealer last changed the account (added in format 1.x; absent from older
    /// bundles): head office dates a lifecycle change by it (the ex-customer programme).
    #[serde(default)]
    pub changed_at: Option<Timestamp>,
    /// What the account owns, the whole list at export (absent from older bundles: unknown,
    /// not empty). The replacement programme reads the replacement dates.
    #[serde(default)]
    pub installed_base: Option<Vec<InstalledItem>>,
}

/// One product of an account's installed base, as `accounts.ndjson` carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledItem {
    pub product: String,
    pub purchased_on: Date,
    /// When the product is expected to be replaced (none: not planned).
    #[serde(default)]
    pub replace_by: Option<Date>,
}

/// The signal a replacement lead carries, head office's or the dealer's own: the same product
/// and replacement date make the same text, so neither side makes a second lead for it.
pub fn replacement_signal(product: &str, replace_by: Date) -> String {
    format!("replacement of {} due {replace_by}", product.trim())
}

/// `activities.ndjson`: a logged visit, call, e-mail, meeting or note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRecord {
    pub id: String,
    pub account_id: String,
    pub lead_id: Option<String>,
    pub kind: ActivityKind,
    pub at: Timestamp,
    pub outcome: Option<Outcome>,
    pub lost_reason: Option<String>,
    pub next_step: Option<Date>,
}

/// `opportunities.ndjson`: a deal's stage change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub id: String,
    pub account_id: String,
    pub lead_id: Option<String>,
    pub from: Stage,
    pub to: Stage,
    /// The final value when `to` is `won`: the incentive claim for head-office leads.
    pub value_cents: i64,
    pub lost_reason: Option<String>,
    pub incentive: bool,
    pub at: Timestamp,
    /// The deal's product (added in format 1.x; absent from older bundles): a win-back lead's
    /// interest.
    #[serde(default)]
    pub product: Option<String>,
}

/// `nps.ndjson`: one NPS answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpsRecord {
    pub id: String,
    pub account_id: String,
    pub score: u8,
    pub date: Date,
}

/// `leads.ndjson` of a feedback bundle: a lead the dealer found itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealerLead {
    pub id: String,
    pub account_id: String,
    pub received_at: Timestamp,
    pub channel: Channel,
    #[serde(default)]
    pub campaign: String,
    #[serde(default)]
    pub interest: String,
    pub score: u8,
    pub status: LeadStatus,
    /// Its signals (absent from older bundles): a replacement lead the dealer made itself
    /// carries [`replacement_signal`], so head office's programme makes no second one.
    #[serde(default)]
    pub signals: Vec<String>,
}

/// `erasures.ndjson`: a person the dealer erased, or head office's request done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ErasureRecord {
    /// Head office's erasure request, done (`contacts_erased` 0: nobody matched).
    RequestDone {
        request_id: String,
        requested_at: Date,
        done_at: Timestamp,
        contacts_erased: u64,
        contact_ids: Vec<String>,
    },
    /// A person erased; `contact_id` is the only trace left.
    Person {
        contact_id: String,
        at: Timestamp,
        #[serde(default)]
        head_office_lead_ids: Vec<String>,
        #[serde(default)]
        request_id: Option<String>,
    },
}

/// Every record of a verified feedback bundle.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub lead_updates: Vec<LeadUpdate>,
    pub accounts: Vec<AccountRecord>,
    pub activities: Vec<ActivityRecord>,
    pub opportunities: Vec<StageChange>,
    pub nps: Vec<NpsRecord>,
    pub leads: Vec<DealerLead>,
    pub erasures: Vec<ErasureRecord>,
}

/// Parses every payload file of a verified feedback bundle; the first bad line refuses it,
/// naming the file and line.
pub fn parse_feedback(bundle: &Bundle) -> Result<Feedback, BundleError> {
    fn all<T: serde::de::DeserializeOwned>(
        bundle: &Bundle,
        file: &str,
    ) -> Result<Vec<T>, BundleError> {
        bundle
            .lines(file)
            .map(|(line, bytes)| parse_line(file, line, bytes))
            .collect()
    }
    Ok(Feedback {
        lead_updates: all(bundle, "lead_updates.ndjson")?,
        accounts: all(bundle, "accounts.ndjson")?,
        activities: all(bundle, "activities.ndjson")?,
        opportunities: stage_changes(bundle)?,
        nps: all(bundle, "nps.ndjson")?,
        leads: all(bundle, "leads.ndjson")?,
        erasures: all(bundle, "erasures.ndjson")?,
    })
}

/// The stage changes of `opportunities.ndjson`; a deal's edit (`"edited": true`, no stage
/// change) is kept only as the raw line, and still must be JSON.
fn stage_changes(bundle: &Bundle) -> Result<Vec<StageChange>, BundleError> {
    let file = "opportunities.ndjson";
    let mut out = Vec::new();
    for (line, bytes) in bundle.lines(file) {
        let v: serde_json::Value = parse_line(file, line, bytes)?;
        if v.get("edited").and_then(serde_json::Value::as_bool) == Some(true) {
            continue;
        }
        out.push(parse_line(file, line, bytes)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_and_an_account_state_are_told_apart() {
        let merge: AccountRecord =
            serde_json::from_str(r#"{"id":"A","merged_into":"B","at":"2026-11-23T09:00:00Z"}"#)
                .unwrap();
        assert!(matches!(merge, AccountRecord::Merge { .. }));
        let state: AccountRecord = serde_json::from_str(
            r#"{"id":"A","name":"Jansen","kvk":null,"postcode":"3542 AD","city":"Utrecht","lifecycle":"customer","origin":"dealer"}"#,
        )
        .unwrap();
        assert!(matches!(state, AccountRecord::State(s) if s.lifecycle == Lifecycle::Customer));
    }

    #[test]
    fn an_older_account_line_still_parses_and_a_newer_one_carries_the_installed_base() {
        let old: AccountRecord = serde_json::from_str(
            r#"{"id":"A","name":"Jansen","kvk":null,"postcode":"3542 AD","city":"Utrecht","lifecycle":"ex-customer","origin":"dealer"}"#,
        )
        .unwrap();
        let AccountRecord::State(old) = old else {
            panic!("a state")
        };
        assert_eq!(
            (old.installed_base, old.changed_at, old.kind),
            (None, None, None)
        );
        let new: AccountRecord = serde_json::from_str(
            r#"{"id":"A","name":"Jansen","kvk":null,"postcode":"3542 AD","city":"Utrecht","lifecycle":"customer","origin":"dealer","kind":"person","changed_at":"2026-03-02T10:00:00Z","installed_base":[{"product":"R 450","purchased_on":"2020-03-01","replace_by":"2027-03-15"},{"product":"T3","purchased_on":"2024-06-01","replace_by":null}]}"#,
        )
        .unwrap();
        let AccountRecord::State(new) = new else {
            panic!("a state")
        };
        assert_eq!(new.kind, Some(AccountKind::Person));
        let base = new.installed_base.unwrap();
        assert_eq!(base[0].replace_by, Some("2027-03-15".parse().unwrap()));
        assert_eq!(base[1].replace_by, None);
        assert_eq!(
            replacement_signal(" R 450 ", "2027-03-15".parse().unwrap()),
            "replacement of R 450 due 2027-03-15"
        );
    }

    #[test]
    fn a_deal_edit_is_not_read_as_a_stage_change_and_a_product_is_optional() {
        use crate::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
        let lines = concat!(
            r#"{"id":"O1","account_id":"A","lead_id":null,"from":"quote","to":"lost","value_cents":100,"lost_reason":"price","incentive":false,"at":"2026-02-10T10:00:00Z"}"#,
            "\n",
            r#"{"id":"O1","account_id":"A","lead_id":null,"edited":true,"stage":"quote","value_cents":0,"incentive":false,"at":"2026-02-09T10:00:00Z"}"#,
            "\n",
            r#"{"id":"O2","account_id":"A","lead_id":null,"from":"quote","to":"won","value_cents":900,"lost_reason":null,"incentive":true,"at":"2026-02-11T10:00:00Z","product":"R 450"}"#,
            "\n",
        );
        let manifest = Manifest {
            format: FORMAT.into(),
            version: VERSION,
            kind: Kind::Feedback,
            id: "FB-D042-2026-W07".into(),
            from: "D042".into(),
            to: "head-office".into(),
            sequence: 1,
            created_at: "2026-02-16T09:00:00Z".parse().unwrap(),
            period: None,
            files: vec![],
        };
        let empty: Vec<(&str, Vec<u8>)> = Kind::Feedback
            .files()
            .iter()
            .map(|n| {
                let bytes = if *n == "opportunities.ndjson" {
                    lines.as_bytes().to_vec()
                } else {
                    Vec::new()
                };
                (*n, bytes)
            })
            .collect();
        let bytes = crate::bundle::write::write_bundle(manifest, &empty, None).unwrap();
        let bundle = crate::bundle::read_bundle(&bytes, None).unwrap();
        let fb = parse_feedback(&bundle).unwrap();
        assert_eq!(fb.opportunities.len(), 2, "the edit is left out");
        assert_eq!(fb.opportunities[0].product, None);
        assert_eq!(fb.opportunities[1].product.as_deref(), Some("R 450"));
    }

    #[test]
    fn an_erased_person_and_a_request_done_are_told_apart() {
        let done: ErasureRecord = serde_json::from_str(
            r#"{"request_id":"R1","requested_at":"2026-11-20","done_at":"2026-11-23T09:00:00Z","contacts_erased":0,"contact_ids":[]}"#,
        )
        .unwrap();
        assert!(matches!(
            done,
            ErasureRecord::RequestDone {
                contacts_erased: 0,
                ..
            }
        ));
        let person: ErasureRecord = serde_json::from_str(
            r#"{"contact_id":"C1","at":"2026-11-23T09:00:00Z","head_office_lead_ids":["HQ-1"]}"#,
        )
        .unwrap();
        assert!(matches!(
            person,
            ErasureRecord::Person {
                request_id: None,
                ..
            }
        ));
    }
}
