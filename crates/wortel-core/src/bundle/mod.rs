//! Bundles: the `.zip` files wortel and head office exchange (PRODUCT.md §8, documented for
//! head office's engineers in `docs/bundle-format.md`). Reading never touches the disk beyond
//! the one file: only the expected entries are read, into memory, within caps, and checksums and
//! the signature are verified before anything reaches the store.

pub mod benchmarks;
pub mod erasures;
pub mod feedback;
pub mod keys;
pub mod leads;
pub mod manifest;
pub mod read;
pub mod write;

pub use keys::{PublicKey, SecretKey};
pub use manifest::{FileEntry, Kind, Manifest, Period};
pub use read::{Bundle, read_bundle};

/// Limits a bundle must stay within; anything beyond is refused before it can use the memory.
pub mod caps {
    /// The bundle file itself.
    pub const MAX_BUNDLE_BYTES: u64 = 512 * 1024 * 1024;
    /// Entries in the zip (manifest, signature and a handful of payload files).
    pub const MAX_ENTRIES: usize = 16;
    /// One entry, decompressed.
    pub const MAX_ENTRY_BYTES: u64 = 1024 * 1024 * 1024;
    /// All entries together, decompressed.
    pub const MAX_TOTAL_BYTES: u64 = 2 * 1024 * 1024 * 1024;
    /// Decompressed size over compressed size; more is a zip bomb, not data.
    pub const MAX_RATIO: u64 = 200;
    /// Records in one payload file.
    pub const MAX_RECORDS: usize = 2_000_000;
    /// One line of NDJSON.
    pub const MAX_LINE_BYTES: usize = 256 * 1024;
    /// One text field.
    pub const MAX_FIELD_CHARS: usize = 10_000;
    /// The manifest.
    pub const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;
}

/// What is wrong with a bundle, in one sentence that says what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BundleError {
    #[error("{0}")]
    Invalid(String),
}

impl BundleError {
    /// The message is made printable: it may quote names and values from the bundle, and it
    /// must stay one line that cannot move the cursor.
    pub fn new(message: impl Into<String>) -> Self {
        BundleError::Invalid(printable(&message.into()))
    }
}

/// Text from a bundle that reaches a terminal: control characters and escape sequences are
/// removed, so a crafted name cannot move the cursor or recolour the screen.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}
