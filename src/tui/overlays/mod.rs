//! Overlays: small modal components over the panes. Each owns its state, answers an action or a
//! typed character with an [`Outcome`], and draws itself; the app decides what a finished
//! overlay means (the purpose travels inside it), so overlays never touch the store.

pub mod agenda;
mod agenda_view;
pub mod chosen;
pub mod confirm;
pub mod date_input;
pub mod field_view;
pub mod form;
pub mod help;
mod help_view;
pub mod message_log;
pub mod palette;
pub mod picker;
mod picker_view;
pub mod report;
mod report_view;
pub mod text_input;
pub mod view;
pub mod visit_form;
mod visit_view;

use super::action::Action;
use crate::domain::{Channel, LeadId, LeadStatus, Tier};
use crate::ops::TriageStep;
use jiff::civil::Date;

pub use agenda::AgendaView;
pub use chosen::Chosen;
pub use confirm::Confirm;
pub use date_input::DateInput;
pub use form::{Form, FormField, FormFor};
pub use help::Help;
pub use message_log::MessageLog;
pub use palette::{Palette, PaletteItem};
pub use picker::Picker;
pub use report::Report;
pub use text_input::TextInput;
pub use visit_form::VisitForm;

/// The open overlay.
pub enum Overlay {
    Help(Help),
    Palette(Palette),
    Picker(Picker),
    DateInput(DateInput),
    Confirm(Confirm),
    /// The `/` filter of the current list: the query is applied as it is typed.
    Filter(TextInput),
    Visit(Box<VisitForm>),
    Form(Form),
    /// The day's or the week's agenda (`D`).
    Agenda(AgendaView),
    Report(Report),
    /// The message log.
    Messages(MessageLog),
}

/// What an overlay asks of the app after a key.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Keep it open; nothing for the app to do.
    Stay,
    /// The text changed (the `/` filter applies it at once).
    Changed,
    /// Close it and do nothing.
    Close,
    /// Keep it open and say on the status line why the key did nothing.
    Refused(String),
    /// Close it; the user chose.
    Chosen(Choice),
}

/// A finished overlay's answer.
#[derive(Debug, PartialEq)]
pub enum Choice {
    /// An item of a picker, as what it stands for.
    Picked(Chosen),
    Date(DateFor, Date),
    Confirmed(Pending),
    Palette(PaletteItem),
    /// The `/` filter was accepted with Enter (it stays applied).
    FilterKept,
    /// A visit to log.
    Visit(Box<crate::ops::VisitInput>),
    /// A filled-in form, to validate and save.
    Form(Box<Form>),
    OpenAccount(crate::domain::AccountId),
    /// Log a visit for what an agenda row is about; the agenda comes back at that row after.
    VisitFromAgenda(Box<crate::ops::AgendaRow>, AgendaPlace),
    /// A visit logged from the agenda: log it, then show the agenda again.
    VisitThenAgenda(Box<crate::ops::VisitInput>, AgendaPlace),
    /// Show the agenda for the day or the week, at a row.
    Agenda(AgendaPlace),
    /// Make leads for the replacements due that no lead covers (how many, due by when), then
    /// show the agenda again.
    CreateReplacementLeads(AgendaPlace, usize, jiff::civil::Date),
}

/// Where the agenda was: its span and the selected row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgendaPlace {
    pub span: crate::ops::Span,
    pub selected: usize,
}

/// What a picker picks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    /// Why the leads are rejected: the store's reject reasons, as shown.
    RejectReason(Vec<LeadId>, Vec<String>),
    Status(Vec<Option<LeadStatus>>),
    Tier(Vec<Option<Tier>>),
    Channel(Vec<Option<Channel>>),
    /// A contact to edit (`None`: a new one).
    Contact(
        crate::domain::AccountId,
        Vec<Option<crate::domain::ContactId>>,
    ),
    /// Who gave an NPS answer.
    NpsContact(
        crate::domain::AccountId,
        Vec<Option<crate::domain::ContactId>>,
    ),
    /// A product of the installed base, by index.
    Product(crate::domain::AccountId),
    /// Which duplicate to merge into the first account.
    MergeFrom(crate::domain::AccountId, Vec<crate::domain::AccountId>),
    /// Why a deal was lost: the store's lost reasons, as shown.
    LostReason(crate::domain::OpportunityId, Vec<String>),
    Owner(Vec<Option<String>>),
    Source(Vec<Option<crate::domain::board::DealSource>>),
    CloseMonth(Vec<Option<(i16, i8)>>),
    /// A phone number or e-mail address to copy, with whose it is.
    Copy(Vec<(String, String)>),
}

/// What a date input asks a date for.
#[derive(Clone, Debug, PartialEq)]
pub enum DateFor {
    Snooze(Vec<LeadId>),
}

/// A change waiting for a "yes".
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Triage(Vec<LeadId>, TriageStep),
    /// Merge `absorbed` into `survivor`.
    Merge {
        survivor: crate::domain::AccountId,
        absorbed: crate::domain::AccountId,
    },
    /// Leads for the replacements due that no lead covers; the agenda comes back at `place`.
    ReplacementLeads(AgendaPlace),
}

impl Overlay {
    /// Handles a bound overlay action.
    pub fn on_action(&mut self, action: Action) -> Outcome {
        match self {
            Overlay::Help(h) => h.on_action(action),
            Overlay::Palette(p) => p.on_action(action),
            Overlay::Picker(p) => p.on_action(action),
            Overlay::DateInput(d) => d.on_action(action),
            Overlay::Confirm(c) => c.on_action(action),
            Overlay::Visit(v) => v.on_action(action),
            Overlay::Form(f) => f.on_action(action),
            Overlay::Agenda(d) => d.on_action(action),
            Overlay::Report(r) => r.on_action(action),
            Overlay::Messages(m) => m.on_action(action),
            Overlay::Filter(t) => match action {
                Action::Close => Outcome::Close,
                Action::Confirm => Outcome::Chosen(Choice::FilterKept),
                _ if t.on_action(action) => Outcome::Changed,
                _ => Outcome::Stay,
            },
        }
    }

    /// Handles a typed character that no overlay binding claimed.
    pub fn on_char(&mut self, c: char) -> Outcome {
        match self {
            Overlay::Help(h) => h.on_char(c),
            Overlay::Palette(p) => p.on_char(c),
            Overlay::Picker(p) => p.on_char(c),
            Overlay::DateInput(d) => d.on_char(c),
            Overlay::Confirm(x) => x.on_char(c),
            Overlay::Visit(v) => v.on_char(c),
            Overlay::Form(f) => f.on_char(c),
            Overlay::Agenda(d) => d.on_char(c),
            Overlay::Report(r) => r.on_char(c),
            Overlay::Messages(m) => m.on_char(c),
            Overlay::Filter(t) => {
                t.push(c);
                Outcome::Changed
            }
        }
    }
}

/// Moves a selection in a list of `len` rows by an overlay movement action.
pub fn move_selection(selected: usize, len: usize, action: Action, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match action {
        Action::Down => (selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageDown => (selected + page.max(1)).min(last),
        Action::PageUp => selected.saturating_sub(page.max(1)),
        _ => selected.min(last),
    }
}
