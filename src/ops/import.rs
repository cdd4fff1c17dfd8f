//! Importing a head-office `leads` bundle (PRODUCT.md §8): after the bundle is verified, the
//! rules come first — the right recipient, never the same bundle twice, no gap in the sequence
//! — then the leads are placed ([`super::import_plan`]) and written all or nothing, in chunks
//! of bounded memory ([`super::import_chunks`]), streamed from the file twice: once to check,
//! once to write.

use super::hq_erasure::HqErasureReport;
use super::import_chunks::{Tail, import_in_chunks};
use crate::bundle::erasures::parse_erasures;
use crate::bundle::leads::{Admit, Identities, LeadIn, RetractionIn, each_lead, parse_retractions};
use crate::bundle::{Bundle, BundleError, Kind, printable};
use crate::store::{Store, StoreError};
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// True when this bundle was imported before: nothing was changed.
    pub already_imported: bool,
    pub new_leads: usize,
    pub updated_leads: usize,
    pub retracted: usize,
    /// Retractions of leads this store never had (nothing to do).
    pub unknown_retractions: usize,
    pub new_accounts: usize,
    /// New leads that landed on accounts already in the store.
    pub matched_accounts: usize,
    /// What head office's erasure requests did.
    pub erasures: HqErasureReport,
    /// Which records the import wrote (none when it changed nothing).
    pub written: Option<ImportWrites>,
}

pub use crate::store::ImportWrites;

impl ImportReport {
    /// True when contacts were erased: the caller compacts the store (once) after closing it.
    pub fn needs_compaction(&self) -> bool {
        self.erasures.contacts_erased > 0
    }

    /// "2 erasure requests applied (1 contacts erased, 1 not found)", or nothing without requests.
    pub fn erasure_summary(&self) -> Option<String> {
        let e = &self.erasures;
        if e.requests == 0 {
            return None;
        }
        let mut s = format!(
            "{} erasure requests applied ({} contacts erased, {} not found",
            e.requests, e.contacts_erased, e.not_found
        );
        if e.done_before > 0 {
            s.push_str(&format!(", {} done before", e.done_before));
        }
        if e.ambiguous > 0 {
            s.push_str(&format!(
                ", {} fitting several people and left for head office to make precise",
                e.ambiguous
            ));
        }
        s.push(')');
        Some(s)
    }
}

/// Why a feedback bundle is not imported.
const FEEDBACK: &str = "this is a feedback bundle, which a dealer sends to head office; it is not imported into a dealer's store";

pub(super) fn refuse(message: String) -> ImportError {
    ImportError::Bundle(BundleError::new(message))
}

/// Checks the exchange rules (recipient, replay, sequence) before anything is read further;
/// true when this very bundle was imported before.
pub fn check_exchange(store: &Store, bundle: &Bundle) -> Result<bool, ImportError> {
    let m = &bundle.manifest;
    if m.kind == Kind::Feedback {
        return Err(refuse(FEEDBACK.into()));
    }
    let me = store.require_identity()?;
    if m.to != me.dealer_id {
        return Err(refuse(format!(
            "this bundle is addressed to dealer \"{}\", and this store is dealer \"{}\"; import it into that dealer's store",
            printable(&m.to),
            me.dealer_id
        )));
    }
    if let Some(seq) = store.imported(&m.id)? {
        if seq == m.sequence {
            return Ok(true);
        }
        return Err(refuse(format!(
            "bundle id \"{}\" was already imported as sequence {seq} and now comes as sequence {}; a replayed id is refused, ask head office",
            printable(&m.id),
            m.sequence
        )));
    }
    let last = store.last_sequence(&m.from)?;
    if m.sequence <= last {
        return Err(refuse(format!(
            "sequence {} from \"{}\" was already used by another bundle (the last imported is {last}); this looks like a replay, ask head office",
            m.sequence,
            printable(&m.from)
        )));
    }
    if m.sequence > last + 1 {
        return Err(refuse(format!(
            "bundle {} from \"{}\" follows {last}: bundles {} to {} are missing; import those first",
            m.sequence,
            printable(&m.from),
            last + 1,
            m.sequence - 1
        )));
    }
    Ok(false)
}

/// Imports a verified leads bundle, all or nothing.
pub fn import_leads(
    store: &Store,
    bundle: &Bundle,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    match bundle.manifest.kind {
        Kind::Leads => {}
        Kind::Feedback => return Err(refuse(FEEDBACK.into())),
        k => {
            return Err(refuse(format!(
                "this is a {} bundle, not a leads bundle",
                k.as_str()
            )));
        }
    }
    if check_exchange(store, bundle)? {
        return Ok(ImportReport {
            already_imported: true,
            ..Default::default()
        });
    }
    let retractions = parse_retractions(bundle)?;
    let erasures = parse_erasures(bundle)?;
    let m = &bundle.manifest;
    let source = |f: &mut dyn FnMut(String, LeadIn) -> Result<(), ImportError>| {
        each_lead(bundle, &mut |line, lead| {
            f(format!("leads.ndjson line {line}"), lead)
        })
    };
    let tail = Tail {
        retractions: &retractions,
        erasures: &erasures,
        ledger: Some(m),
    };
    let name = format!("bundle {} from {}", m.id, m.from);
    import_in_chunks(store, &name, &source, tail, now, progress)
}

/// Places leads given in memory (a problem names the lead by its position, from 1), all or
/// nothing; a lead given twice identically is placed once, two differing ones are refused
/// naming both. Identity is decided on the cleaned id, the one that is stored.
pub fn apply_leads(
    store: &Store,
    leads: &[LeadIn],
    retractions: &[RetractionIn],
    now: Timestamp,
    ledger: Option<&crate::bundle::Manifest>,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    let source = |f: &mut dyn FnMut(String, LeadIn) -> Result<(), ImportError>| {
        let mut seen = Identities::default();
        for (n, l) in leads.iter().enumerate() {
            let l = l.printable();
            if l.id.trim().is_empty() {
                return Err(refuse(format!("lead {}: the lead id is empty", n + 1)));
            }
            match seen.admit(n + 1, &l) {
                Admit::New => f(format!("lead {}", n + 1), l)?,
                Admit::Repeat => {}
                Admit::Differs(first) => {
                    return Err(refuse(format!(
                        "lead {first} and lead {} are the same lead (id \"{}\") with different values; keep one of them",
                        n + 1,
                        l.id
                    )));
                }
            }
        }
        Ok(())
    };
    let tail = Tail {
        retractions,
        erasures: &[],
        ledger,
    };
    let name = match ledger {
        Some(m) => format!("bundle {} from {}", m.id, m.from),
        None => format!("{} leads", leads.len()),
    };
    import_in_chunks(store, &name, &source, tail, now, progress)
}

/// Imports a spreadsheet of leads (`file` names it in every sentence), all or nothing, reading
/// its rows one at a time: every row is checked before anything is written, then the leads go
/// through the same placement as a bundle's. `progress` hears the leads placed and the total.
pub fn import_sheet(
    store: &Store,
    file: &str,
    bytes: &[u8],
    tz: &TimeZone,
    now: Timestamp,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport, ImportError> {
    let sheet = |f: &mut dyn FnMut(usize, LeadIn) -> Result<(), ImportError>| {
        crate::interop::csv_import::each_sheet_lead(bytes, file, tz, f)?
            .map_err(|e| ImportError::Bundle(BundleError::new(e)))
    };
    let total = sheet(&mut |_, _| Ok(()))?;
    let shown = printable(file);
    let source = |f: &mut dyn FnMut(String, LeadIn) -> Result<(), ImportError>| {
        sheet(&mut |row, lead| f(format!("{shown} row {row}"), lead)).map(drop)
    };
    let tail = Tail {
        retractions: &[],
        erasures: &[],
        ledger: None,
    };
    let name = format!("{shown} ({})", &blake3::hash(bytes).to_hex()[..16]);
    import_in_chunks(store, &name, &source, tail, now, &mut |n| {
        progress(n, total)
    })
}
