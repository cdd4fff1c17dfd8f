//! Changes to the store as data. A handler describes what the user asked for as an effect
//! (accept these leads, log this visit, save this contact); [`super::app::App::write`] is the
//! one place in the view that hands an effect to the store, so every write passes the same door
//! and nothing in `src/tui/` commits on its own. Each effect says which `ops` function does it
//! and what comes back for the status line.

use crate::domain::{Account, AccountId, Contact, ContactId, Lead, LeadId, NpsResponse};
use crate::domain::{Opportunity, OpportunityId};
use crate::ops::{BulkTriage, ImportFileError, ImportedFile, MergeResult, TriageStep};
use crate::ops::{VisitInput, VisitResult};
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// What an effect needs besides itself: the store, the time, the dealer's time zone.
pub struct WriteContext<'a> {
    pub store: &'a Store,
    pub now: Timestamp,
    pub tz: &'a TimeZone,
}

/// A change the view asks the store for.
pub trait Effect {
    /// What the write reports back.
    type Written;
    type Error;
    fn write(self, ctx: &WriteContext) -> Result<Self::Written, Self::Error>;
}

/// Leads for the installed base's replacements due within the agenda's horizon that no lead
/// covers yet (`ops::due_replacements`).
pub struct CreateReplacementLeads;

impl Effect for CreateReplacementLeads {
    type Written = (Vec<Lead>, Option<Receipt>);
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<Self::Written, StoreError> {
        let today = ctx.now.to_zoned(ctx.tz.clone()).date();
        let months = crate::ops::AGENDA_MONTHS;
        let due = crate::ops::due_replacements(ctx.store, months, today)?;
        crate::ops::create_replacement_leads(ctx.store, &due, ctx.now)
    }
}

/// A triage step for one or many leads.
pub struct Triage(pub Vec<LeadId>, pub TriageStep);

impl Effect for Triage {
    type Written = BulkTriage;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<BulkTriage, StoreError> {
        crate::ops::triage_leads(ctx.store, &self.0, &self.1, ctx.now)
    }
}

/// One lead into a deal at qualify, with an estimated value or none.
pub struct ConvertLead(pub LeadId, pub Option<crate::domain::Cents>);

impl Effect for ConvertLead {
    type Written = crate::ops::TriageResult;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<crate::ops::TriageResult, StoreError> {
        crate::ops::convert_lead_estimated(ctx.store, self.0, self.1, ctx.now)
    }
}

/// Two accounts that are the same company become one.
pub struct Merge {
    pub survivor: AccountId,
    pub absorbed: AccountId,
}

impl Effect for Merge {
    type Written = MergeResult;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<MergeResult, StoreError> {
        crate::ops::merge_accounts(ctx.store, self.survivor, self.absorbed, ctx.now)
    }
}

/// A deal a stage back (`-1`) or on (`1`).
pub struct StepDeal(pub OpportunityId, pub i32);

impl Effect for StepDeal {
    type Written = (Opportunity, Receipt);
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<(Opportunity, Receipt), StoreError> {
        crate::ops::step_deal(ctx.store, self.0, self.1, ctx.now)
    }
}

/// A deal's own fields as edited (only what changed is logged).
pub struct EditDeal(pub OpportunityId, pub crate::domain::DealEdit);

impl Effect for EditDeal {
    type Written = crate::ops::DealEdited;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<crate::ops::DealEdited, StoreError> {
        crate::ops::edit_deal(ctx.store, self.0, &self.1, ctx.now)
    }
}

/// A visit, call or note with its outcome.
pub struct LogVisit(pub VisitInput);

impl Effect for LogVisit {
    type Written = VisitResult;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<VisitResult, StoreError> {
        crate::ops::log_visit(ctx.store, &self.0, ctx.now, ctx.tz)
    }
}

/// An account's details as edited.
pub struct SaveAccount(pub Account);

impl Effect for SaveAccount {
    type Written = Receipt;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<Receipt, StoreError> {
        crate::ops::update_account(ctx.store, self.0, ctx.now)
    }
}

/// A contact as edited (or new), consent included.
pub struct SaveContact(pub Contact);

impl Effect for SaveContact {
    type Written = Receipt;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<Receipt, StoreError> {
        crate::ops::save_contact(ctx.store, self.0, ctx.now)
    }
}

/// An NPS answer for an account, maybe from one of its contacts.
pub struct RecordNps {
    pub account: AccountId,
    pub contact: Option<ContactId>,
    pub score: i64,
    pub comment: String,
    pub date: Date,
}

impl Effect for RecordNps {
    type Written = (NpsResponse, Receipt);
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<(NpsResponse, Receipt), StoreError> {
        crate::ops::record_nps(
            ctx.store,
            self.account,
            self.contact,
            self.score,
            &self.comment,
            self.date,
            ctx.now,
        )
    }
}

/// A follow-up lead for the installed product at this position.
pub struct FollowUp(pub AccountId, pub usize);

impl Effect for FollowUp {
    type Written = (Lead, Receipt);
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<(Lead, Receipt), StoreError> {
        crate::ops::follow_up_lead(ctx.store, self.0, self.1, ctx.now)
    }
}

/// A bundle from head office, by its path.
pub struct ImportFile(pub std::path::PathBuf);

impl Effect for ImportFile {
    type Written = ImportedFile;
    type Error = ImportFileError;
    fn write(self, ctx: &WriteContext) -> Result<ImportedFile, ImportFileError> {
        crate::ops::import_file(ctx.store, &self.0, ctx.now, &mut |_, _| {})
    }
}

/// An undo or redo the undo stack planned (after checking nothing changed since).
pub struct TakeBack(pub WriteSet);

impl Effect for TakeBack {
    type Written = Receipt;
    type Error = StoreError;
    fn write(self, ctx: &WriteContext) -> Result<Receipt, StoreError> {
        ctx.store.commit(&self.0, ctx.now)
    }
}
