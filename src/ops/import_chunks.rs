//! Writing an import of any size in bounded memory, still all or nothing. The leads are read
//! twice from their file, one at a time: the first pass places every lead without writing
//! (every refusal — a bad value, a KvK number, a lead given twice with different values — is
//! found there, and the store is not touched); the second writes them [`CHUNK_LEADS`] at a
//! time under the store's pending-import mark. The last write — retractions, erasure requests
//! and the bundle's ledger keys — clears the mark. Should anything fail in between, or the
//! process be killed, the import is rolled back (here, or at the next open).

use super::hq_erasure::plan_hq_erasures;
use super::import::{ImportError, ImportReport, ImportWrites, refuse};
use super::import_plan::Planner;
use crate::bundle::erasures::ErasureIn;
use crate::bundle::leads::{LeadIn, RetractionIn};
use crate::bundle::{Manifest, printable};
use crate::domain::LeadStep;
use crate::store::exchange::{imported_key, sequence_key};
use crate::store::{Store, WriteSet};
use jiff::Timestamp;

/// Leads per sled transaction: ≈ 13 entries each, so a chunk is ≈ 26,000 entries — small
/// enough to keep memory flat, large enough that the per-transaction flush is a few percent.
pub const CHUNK_LEADS: usize = 2_000;

/// Where a lead to place is in its file, for refusals ("leads.ndjson line 7").
pub type Place = String;

/// Reads every lead of the import in order, handing each to the callback; called once per
/// pass, so the leads are never held as a list.
pub type Source<'a> =
    &'a dyn Fn(&mut dyn FnMut(Place, LeadIn) -> Result<(), ImportError>) -> Result<(), ImportError>;

/// What is written after the leads, in the import's last transaction.
pub struct Tail<'a> {
    pub retractions: &'a [RetractionIn],
    pub erasures: &'a [ErasureIn],
    /// The bundle to record as imported (none for a spreadsheet).
    pub ledger: Option<&'a Manifest>,
}

/// Checks every lead (pass 1), then writes them in chunks (pass 2). `name` names the import
/// in the pending mark and in the sentence a rollback at open prints.
pub fn import_in_chunks(
    store: &Store,
    name: &str,
    source: Source,
    tail: Tail,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    let mut planner = Planner::new(store, now);
    source(&mut |at, lead| planner.place(&at, &lead).map(drop))?;
    planner.start_writing();
    store.begin_import(name, now)?;
    match write_chunks(store, planner, source, tail, now, progress) {
        Ok(report) => Ok(report),
        Err(e) => {
            // Nothing of a failed import stays; if even this fails, the next open does it.
            let _ = store.roll_back_import();
            Err(e)
        }
    }
}

fn write_chunks(
    store: &Store,
    mut planner: Planner,
    source: Source,
    tail: Tail,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, ImportError> {
    let mut writes = ImportWrites::default();
    let mut ws = WriteSet::new();
    let mut in_chunk = 0;
    let mut placed = 0;
    source(&mut |at, lead| {
        for r in planner.place(&at, &lead)? {
            ws.put(r);
        }
        in_chunk += 1;
        placed += 1;
        progress(placed);
        if in_chunk == CHUNK_LEADS {
            let chunk = std::mem::take(&mut ws);
            writes.take_in(&store.commit_import_chunk(chunk, now)?);
            in_chunk = 0;
        }
        Ok(())
    })?;
    if !ws.is_empty() {
        writes.take_in(&store.commit_import_chunk(ws, now)?);
    }
    let mut report = planner.report;
    // The last write reads the store as the leads left it.
    let mut last = WriteSet::new();
    retract(store, tail.retractions, now, &mut last, &mut report)?;
    report.erasures = plan_hq_erasures(store, tail.erasures, now, &mut last)?;
    if let Some(m) = tail.ledger {
        last.put_meta(imported_key(&m.id), m.sequence.to_be_bytes().to_vec());
        last.put_meta(sequence_key(&m.from), m.sequence.to_be_bytes().to_vec());
    }
    writes.take_in(&store.finish_import(last, now)?);
    report.written = (!writes.touched.is_empty()).then_some(writes);
    Ok(report)
}

/// Head office takes leads back: open ones are retracted; others stay as they are.
fn retract(
    store: &Store,
    retractions: &[RetractionIn],
    now: Timestamp,
    ws: &mut WriteSet,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    for r in retractions {
        match store.lead_by_external(&r.lead_id)? {
            Some(mut lead) if lead.status.is_open() => {
                lead.apply(LeadStep::Retract, now).map_err(|e| {
                    refuse(format!("retraction of \"{}\": {e}", printable(&r.lead_id)))
                })?;
                ws.put(lead);
                report.retracted += 1;
            }
            Some(_) => {}
            None => report.unknown_retractions += 1,
        }
    }
    Ok(())
}
