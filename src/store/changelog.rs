//! The change log: every write appends entries with a monotonic sequence number, derived from
//! comparing the old and the new record, so no front end can forget to log a change. It is
//! the basis of the incremental feedback export.

use super::record::{EntityKind, Record};
use crate::domain::{Cents, LeadStatus, Stage};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What happened to a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum ChangeOp {
    Created,
    Updated,
    Deleted,
    /// A lead moved in its status machine.
    LeadStatus {
        from: LeadStatus,
        to: LeadStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An account was merged into another (its duplicate) and removed; everything that hung
    /// off it now hangs off `into`.
    Merged {
        into: String,
    },
    /// An opportunity changed stage; `value` and `reason` say what it was won at or lost for.
    Stage {
        from: Stage,
        to: Stage,
        value: Cents,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

/// One entry of the change log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub seq: u64,
    pub at: Timestamp,
    pub entity: EntityKind,
    pub id: String,
    #[serde(flatten)]
    pub op: ChangeOp,
    /// Set on every entry of an undo: the change-log positions (first, last) of the write it
    /// takes back. The feedback export drops both when neither was sent yet, so head office
    /// never hears of a step that was undone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverts: Option<(u64, u64)>,
}

/// The operations a write from `old` to `new` amounts to (without sequence numbers).
pub fn derive(old: Option<&Record>, new: Option<&Record>) -> Vec<ChangeOp> {
    match (old, new) {
        (None, None) => vec![],
        // A deal born past the first stage (a visit that made an appointment, sent a quote, or
        // won or lost the order at once) also logs that stage move, so the feedback to head
        // office sees every won value and lost reason, however quickly it happened.
        (None, Some(Record::Opportunity(n))) if n.stage != Stage::Qualify => vec![
            ChangeOp::Created,
            ChangeOp::Stage {
                from: Stage::Qualify,
                to: n.stage,
                value: n.value,
                reason: n.lost_reason.clone().filter(|_| n.stage == Stage::Lost),
            },
        ],
        (None, Some(_)) => vec![ChangeOp::Created],
        (Some(_), None) => vec![ChangeOp::Deleted],
        (Some(o), Some(n)) if o == n => vec![],
        (Some(Record::Lead(o)), Some(Record::Lead(n))) if o.status != n.status => {
            let reason = if n.reason != o.reason {
                n.reason.clone()
            } else {
                None
            };
            vec![ChangeOp::LeadStatus {
                from: o.status,
                to: n.status,
                reason,
            }]
        }
        (Some(Record::Opportunity(o)), Some(Record::Opportunity(n))) if o.stage != n.stage => {
            vec![ChangeOp::Stage {
                from: o.stage,
                to: n.stage,
                value: n.value,
                reason: n.lost_reason.clone().filter(|_| n.stage == Stage::Lost),
            }]
        }
        (Some(_), Some(_)) => vec![ChangeOp::Updated],
    }
}
