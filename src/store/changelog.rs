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

/// Changes held by one change-log entry at most. Schema 1 kept one sled entry per change, a
/// third of all entries of a 100,000-lead store; a commit's changes now share entries (a
/// bulk load's fill them), so the log costs a few hundred entries where it cost ~ 400,000. The
/// bound keeps an entry (≈ 100 bytes per change) well inside one of sled's pages.
pub const CHANGES_PER_ENTRY: usize = 128;

/// The first byte of a schema-2 log entry: its format, so a later schema can migrate entries
/// one by one. Schema 1's entries (one change in JSON) begin with `{`.
const ENTRY_FORMAT: u8 = 1;

/// The key of the log entry whose first change is number `seq`: big-endian, so sled's order
/// is the log's.
pub fn entry_key(seq: u64) -> [u8; 8] {
    seq.to_be_bytes()
}

/// The stored bytes of one log entry holding `changes` (consecutive, at most
/// [`CHANGES_PER_ENTRY`]).
pub fn encode_entry(changes: &[Change]) -> Vec<u8> {
    let mut out = vec![ENTRY_FORMAT];
    // Plain structs of strings and numbers: serialising to JSON cannot fail.
    serde_json::to_writer(&mut out, changes).unwrap_or_default();
    out
}

/// Reads a log entry back: a schema-2 entry, or a schema-1 entry that a migration carried over
/// as it was because it could not be read (so `check` still names it).
pub fn decode_entry(bytes: &[u8]) -> std::result::Result<Vec<Change>, String> {
    match bytes.split_first() {
        Some((&ENTRY_FORMAT, rest)) => serde_json::from_slice(rest).map_err(|e| e.to_string()),
        _ => serde_json::from_slice::<Change>(bytes)
            .map(|c| vec![c])
            .map_err(|e| e.to_string()),
    }
}

/// The log entries `changes` fill: consecutive runs of at most [`CHANGES_PER_ENTRY`], each
/// keyed by its first change's number.
pub fn entries(changes: &[Change]) -> impl Iterator<Item = ([u8; 8], Vec<u8>)> + '_ {
    changes
        .chunks(CHANGES_PER_ENTRY)
        .map(|run| (entry_key(run[0].seq), encode_entry(run)))
}

#[cfg(test)]
mod entry_tests {
    use super::*;

    fn change(seq: u64) -> Change {
        Change {
            seq,
            at: "2026-11-23T09:00:00Z".parse().unwrap(),
            entity: EntityKind::Lead,
            id: "01KB0000000000000000000000".into(),
            op: ChangeOp::Created,
            reverts: (seq % 2 == 0).then_some((1, seq)),
        }
    }

    #[test]
    fn a_commit_fills_entries_of_at_most_the_bound_keyed_by_their_first_change() {
        let changes: Vec<Change> = (7..7 + 300).map(change).collect();
        let stored: Vec<_> = entries(&changes).collect();
        assert_eq!(stored.len(), 3);
        assert_eq!(stored[1].0, entry_key(7 + 128));
        let back: Vec<Change> = stored
            .iter()
            .flat_map(|(_, v)| decode_entry(v).unwrap())
            .collect();
        assert_eq!(back, changes);
    }

    #[test]
    fn a_schema_1_entry_reads_as_one_change_and_garbage_is_an_error() {
        let one = serde_json::to_vec(&change(4)).unwrap();
        assert_eq!(decode_entry(&one).unwrap(), vec![change(4)]);
        assert!(decode_entry(b"{\"seq\":").is_err());
        assert!(decode_entry(&[ENTRY_FORMAT, b'x']).is_err());
        assert!(decode_entry(&[]).is_err());
    }
}
