//! `manifest.json`: what a bundle is, who sent it to whom, in which order, and the checksum and
//! record count of every payload file.

use super::BundleError;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The value of `format`.
pub const FORMAT: &str = "wortel-bundle";
/// The version this wortel reads and writes.
pub const VERSION: u32 = 1;

/// What a bundle carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Leads,
    Feedback,
    Benchmark,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Leads => "leads",
            Kind::Feedback => "feedback",
            Kind::Benchmark => "benchmark",
        }
    }

    /// The payload files a bundle of this kind may hold.
    pub fn files(self) -> &'static [&'static str] {
        match self {
            Kind::Leads => &["leads.ndjson", "retractions.ndjson", "erasures.ndjson"],
            Kind::Feedback => &[
                "lead_updates.ndjson",
                "accounts.ndjson",
                "activities.ndjson",
                "opportunities.ndjson",
                "nps.ndjson",
                "leads.ndjson",
                "erasures.ndjson",
            ],
            Kind::Benchmark => &["benchmarks.ndjson"],
        }
    }
}

/// The dates a bundle covers (a feedback bundle's week).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

/// One payload file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub records: u64,
    /// BLAKE3 of the file's exact bytes, 64 lower-case hex characters.
    pub blake3: String,
}

/// The manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub kind: Kind,
    pub id: String,
    pub from: String,
    pub to: String,
    pub sequence: u64,
    pub created_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub files: Vec<FileEntry>,
}

/// The fields checked before `kind` is even looked at: a future version may change anything.
#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    kind: Option<serde_json::Value>,
}

impl Manifest {
    /// Parses and checks a manifest; every refusal says what is wrong.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, BundleError> {
        let head: Head = serde_json::from_slice(bytes).map_err(|e| {
            BundleError::new(format!(
                "manifest.json is not valid JSON ({e}); the bundle is damaged, ask for it again"
            ))
        })?;
        if head.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(BundleError::new(format!(
                "manifest.json says format {}, not \"{FORMAT}\"; this is not a wortel bundle",
                head.format.map_or("(none)".into(), |f| f.to_string())
            )));
        }
        match head.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => {
                return Err(BundleError::new(format!(
                    "the bundle is format version {v}, and this wortel reads version {VERSION}; upgrade wortel or ask for a version {VERSION} bundle"
                )));
            }
            None => {
                return Err(BundleError::new(
                    "manifest.json has no version number; the bundle is damaged, ask for it again",
                ));
            }
        }
        if let Some(k) = head.kind.as_ref().and_then(|k| k.as_str()) {
            if !["leads", "feedback", "benchmark"].contains(&k) {
                return Err(BundleError::new(format!(
                    "the bundle's kind \"{}\" is unknown; wortel imports leads, feedback and benchmark bundles",
                    super::printable(k)
                )));
            }
        }
        let m: Manifest = serde_json::from_slice(bytes).map_err(|e| {
            BundleError::new(format!(
                "manifest.json is incomplete ({e}); the bundle is damaged, ask for it again"
            ))
        })?;
        if m.id.trim().is_empty() || m.id.chars().count() > 200 {
            return Err(BundleError::new(
                "the bundle's id is empty or too long; ask head office for a corrected bundle",
            ));
        }
        let from = m.from.trim();
        if from.is_empty() || m.from.chars().count() > 200 || m.from.chars().any(char::is_control) {
            return Err(BundleError::new(
                "the bundle's sender (`from`) is empty, too long or holds control characters; ask head office for a corrected bundle",
            ));
        }
        if m.to.chars().count() > 200 {
            return Err(BundleError::new(
                "the bundle's recipient (`to`) is too long; ask head office for a corrected bundle",
            ));
        }
        if m.id.chars().any(char::is_control) {
            return Err(BundleError::new(
                "the bundle's id holds control characters; ask head office for a corrected bundle",
            ));
        }
        if m.sequence == 0 {
            return Err(BundleError::new(
                "the bundle's sequence is 0; sequences start at 1, ask head office for a corrected bundle",
            ));
        }
        let mut names = std::collections::HashSet::new();
        for f in &m.files {
            if !m.kind.files().contains(&f.name.as_str()) {
                return Err(BundleError::new(format!(
                    "the manifest lists \"{}\", which a {} bundle does not hold; ask head office for a corrected bundle",
                    super::printable(&f.name),
                    m.kind.as_str()
                )));
            }
            if !names.insert(f.name.as_str()) {
                return Err(BundleError::new(format!(
                    "the manifest lists \"{}\" twice; ask head office for a corrected bundle",
                    f.name
                )));
            }
        }
        Ok(m)
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).unwrap_or_default();
        v.push(b'\n');
        v
    }
}
