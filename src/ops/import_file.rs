//! One import for every front end: a file from head office is read within the size cap,
//! verified, and applied by its kind — leads (with retractions and erasure requests) or network
//! benchmarks. `wortel import` and the view's `I` both call [`import_file`], so a bundle the
//! command line takes is taken by the view too.

use super::benchmarks::import_benchmarks;
use super::import::{ImportError, ImportReport, import_leads};
use crate::bundle::{Bundle, Kind, Manifest, PublicKey, caps::MAX_BUNDLE_BYTES, read_bundle};
use crate::store::Store;
use jiff::Timestamp;
use std::path::Path;

/// What importing a file did.
#[derive(Debug)]
pub enum Imported {
    /// A leads bundle was applied.
    Leads(ImportReport),
    /// A benchmark bundle's network figures (this many) replaced the previous ones.
    Benchmarks(usize),
    /// This very bundle was imported before: nothing changed.
    AlreadyImported,
}

/// An imported file: its bundle's manifest and what it did.
#[derive(Debug)]
pub struct ImportedFile {
    pub manifest: Manifest,
    pub imported: Imported,
}

/// Why a file was not imported; the store is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum ImportFileError {
    /// The file could not be read, or is no bundle file at all (the sentence names the path).
    #[error("{0}")]
    Unreadable(String),
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// Reads a bundle file within the size cap, or says why not in one sentence.
pub fn read_bundle_file(path: &Path) -> Result<Vec<u8>, ImportFileError> {
    let cannot = |e: std::io::Error| {
        ImportFileError::Unreadable(format!(
            "{} cannot be read ({e}); check the path",
            path.display()
        ))
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(ImportFileError::Unreadable(format!(
            "{} is not a file; give the bundle's path",
            path.display()
        )));
    }
    if meta.len() > MAX_BUNDLE_BYTES {
        return Err(ImportFileError::Unreadable(format!(
            "{} is larger than {} MiB, more than any bundle may be; ask head office to split it",
            path.display(),
            MAX_BUNDLE_BYTES / 1024 / 1024
        )));
    }
    std::fs::read(path).map_err(cannot)
}

/// Reads, verifies (against the pinned head-office key) and applies the bundle at `path`.
/// `progress` hears (leads placed, leads in the bundle) during a leads import.
pub fn import_file(
    store: &Store,
    path: &Path,
    now: Timestamp,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportedFile, ImportFileError> {
    let bytes = read_bundle_file(path)?;
    let key = store
        .head_office_key()
        .map_err(ImportError::from)?
        .map(PublicKey);
    let bundle = read_bundle(&bytes, key.as_ref()).map_err(ImportError::from)?;
    let imported = import_bundle(store, &bundle, now, progress)?;
    Ok(ImportedFile {
        manifest: bundle.manifest,
        imported,
    })
}

/// Applies a verified bundle by its kind.
fn import_bundle(
    store: &Store,
    bundle: &Bundle,
    now: Timestamp,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Imported, ImportError> {
    if bundle.manifest.kind == Kind::Benchmark {
        return Ok(match import_benchmarks(store, bundle, now)? {
            None => Imported::AlreadyImported,
            Some(n) => Imported::Benchmarks(n),
        });
    }
    let total = bundle.lines("leads.ndjson").count();
    let report = import_leads(store, bundle, now, &mut |n| progress(n, total))?;
    Ok(if report.already_imported {
        Imported::AlreadyImported
    } else {
        Imported::Leads(report)
    })
}
