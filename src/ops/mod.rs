//! The operations front ends call: each loads what it needs, applies the domain's rules, and
//! commits one atomic, flushed write. The TUI and the CLI share these, so every user action has
//! one implementation and one set of tests.

mod account_edits;
mod account_facts;
mod agenda;
mod benchmarks;
mod cadence;
mod deals;
mod erasure_backups;
mod feedback;
mod feedback_changes;
mod hq_erasure;
mod import;
mod import_chunks;
mod import_file;
mod import_plan;
mod lead_triage;
mod merge;
mod privacy;
mod replacements;
mod retention;
mod tiers;
mod visit;

pub use account_edits::{
    ConsentChoice, apply_consent, follow_up_lead, record_nps, save_contact, update_account,
};
pub use account_facts::{AccountFacts, account_facts};
pub use agenda::{Agenda, AgendaRow, ItemKind, Section, Span, agenda, day_name, week_of_day};
pub use benchmarks::{
    Comparison, NetworkFigures, compare, import_benchmarks, network_figures, own_figures,
};
pub use cadence::{
    Cadence, VisitDue, account_tier, counts_as_contact, due_date, last_contacts, visits_due,
};
pub use deals::{DealEdited, edit_deal, load_deals, record_quote, step_deal};
pub use erasure_backups::{
    BackupErasure, Tombstone, erase_in_backups, finish_pending_erasure, reapply_erasures,
    rewrite_backups, tombstones,
};
pub use feedback::{FeedbackExport, export_feedback, parse_week, week_of};
pub use hq_erasure::{HqErasureReport, plan_hq_erasures};
pub use import::{
    ImportError, ImportReport, ImportWrites, apply_leads, import_leads, import_sheet,
};
pub use import_chunks::CHUNK_LEADS;
pub use import_file::{ImportFileError, Imported, ImportedFile, import_file, read_bundle_file};
pub use lead_triage::{
    BulkTriage, TriageResult, TriageStep, accept_lead, convert_lead, convert_lead_estimated,
    reject_lead, snooze_lead, triage_leads, wake_lead,
};
pub use merge::{MergeResult, merge_accounts};
pub use privacy::{
    Erasure, erase_person, erasure_writes, find_person, person_report, tombstone_key,
};
pub use replacements::{
    AGENDA_MONTHS, DueReplacement, agenda_horizon, create_replacement_leads, due_replacements,
    uncovered_replacements_for_agenda,
};
pub use retention::{ANONYMOUS_ORDER, PurgeDue, RetentionPolicy, WonPurge, purge, purge_due};
pub use tiers::{retier, tier_of};
pub use visit::{VisitInput, VisitResult, VisitTarget, log_visit};

use crate::domain::{Account, AccountId, Lead, LeadId, Opportunity, OpportunityId};
use crate::store::{Store, StoreError};

fn load_lead(store: &Store, id: LeadId) -> Result<Lead, StoreError> {
    store.lead(id)?.ok_or_else(|| StoreError::NotFound {
        what: "lead",
        id: id.to_string(),
        list: "leads",
    })
}

fn load_account(store: &Store, id: AccountId) -> Result<Account, StoreError> {
    store.account(id)?.ok_or_else(|| StoreError::NotFound {
        what: "account",
        id: id.to_string(),
        list: "accounts",
    })
}

fn load_opportunity(store: &Store, id: OpportunityId) -> Result<Opportunity, StoreError> {
    store.opportunity(id)?.ok_or_else(|| StoreError::NotFound {
        what: "opportunity",
        id: id.to_string(),
        list: "funnel",
    })
}
