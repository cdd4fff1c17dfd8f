//! The meta tree: schema version, the store's identity (dealer and salesperson), the reason
//! lists, and the change-log sequence counter.

use crate::domain::Reasons;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The schema this build writes. Bump it with a migration in `migrate`. Schema 2 keeps a run of
/// changes per change-log entry (schema 1: one change per entry).
pub const SCHEMA_VERSION: u32 = 2;

pub const KEY_SCHEMA: &[u8] = b"schema_version";
pub const KEY_IDENTITY: &[u8] = b"identity";
pub const KEY_REASONS: &[u8] = b"reasons";
pub const KEY_LAST_SEQ: &[u8] = b"last_seq";

/// Who this store belongs to: set by `wortel init` (or `DEMO` for a demo store).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub dealer_id: String,
    pub salesperson: String,
    pub created_at: Timestamp,
}

/// The dealer id of demo stores; `wortel demo` only ever replaces stores that carry it.
pub const DEMO_DEALER: &str = "DEMO";

/// Decodes a big-endian u64 counter (absent means zero).
pub fn read_u64(bytes: Option<&[u8]>) -> u64 {
    bytes
        .and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

/// Decodes the schema version (absent means a store from before versioning: none exist).
pub fn read_u32(bytes: &[u8]) -> Option<u32> {
    bytes.try_into().ok().map(u32::from_be_bytes)
}

/// The reason lists a store starts with.
pub fn default_reasons() -> Reasons {
    Reasons::default()
}
