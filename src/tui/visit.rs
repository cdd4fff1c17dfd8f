//! Opening the visit form on what is selected, and logging what it returns through
//! `ops::log_visit` (one atomic, flushed write with all of the outcome's effects).

use super::app::{App, Pane};
use super::effects::LogVisit;
use super::overlays::{Overlay, VisitForm};
use crate::domain::{Cents, ContactId};
use crate::ops::{VisitInput, VisitTarget};

/// `v`: the form for the selected lead (inbox), deal or lead (account), or account (list).
pub fn open_form(app: &mut App) {
    let store = app.store.clone();
    let (target, title) = match app.pane {
        Pane::Inbox => {
            let Some(id) = app.panes.inbox.selected_id() else {
                return app.info("no lead selected");
            };
            let label = super::triage::lead_label(app, id);
            (VisitTarget::Lead(id), format!("Log: {label}"))
        }
        Pane::Accounts => match app.panes.accounts.opened() {
            Some(view) => (
                view.visit_target(),
                format!("Log: {} — {}", view.account.name, view.target_label()),
            ),
            None => {
                let Some(id) = app.panes.accounts.selected_id() else {
                    return app.info("no account selected");
                };
                let name = app
                    .panes
                    .accounts
                    .cached_row(id)
                    .map(|a| a.name.clone())
                    .or_else(|| store.account(id).ok().flatten().map(|a| a.name))
                    .unwrap_or_default();
                (VisitTarget::Account(id), format!("Log: {name}"))
            }
        },
        Pane::Funnel => {
            let Some(deal) = app.panes.funnel.selected_deal().cloned() else {
                return app.info("no deal selected");
            };
            let name = app
                .panes
                .funnel
                .name_of(&store, deal.opportunity.account_id);
            (
                VisitTarget::Opportunity(deal.opportunity.id),
                format!("Log: {name} — deal \"{}\"", deal.opportunity.title),
            )
        }
    };
    open_form_for(app, target, title, None);
}

/// `v` in the agenda: the form for what the row is about — its open deal or lead, else the
/// account — titled with the account and who to ask for.
pub fn open_form_from_agenda(
    app: &mut App,
    row: &crate::ops::AgendaRow,
    place: super::overlays::AgendaPlace,
) {
    let about = match row.target {
        VisitTarget::Opportunity(id) => match app.store.opportunity(id) {
            Ok(Some(o)) => format!(" — deal \"{}\"", o.title),
            _ => String::new(),
        },
        VisitTarget::Lead(id) => format!(" — {}", super::triage::lead_label(app, id)),
        VisitTarget::Account(_) => String::new(),
    };
    let title = format!("Log: {}{about}", row.account_name);
    open_form_for(app, row.target, title, row.contact_id);
    if let Some(Overlay::Visit(form)) = &mut app.overlay {
        form.from_agenda = Some(place);
    }
}

/// Opens the visit form for `target`, with the account's contacts to pick who was visited
/// (`contact` first, else the lead's contact).
fn open_form_for(
    app: &mut App,
    target: VisitTarget,
    title: String,
    contact: Option<crate::domain::ContactId>,
) {
    let reasons = match app.store.reasons() {
        Ok(r) => r.lost,
        Err(e) => return app.error(&e.to_string()),
    };
    let today = app.now().to_zoned(app.tz.clone()).date();
    let (contacts, lead_contact) = match contacts_for(app, target) {
        Ok(c) => c,
        Err(e) => return app.error(&e.to_string()),
    };
    let form = VisitForm::new(&title, target, reasons, deal_value(app, target), today)
        .with_contacts(contacts, contact.or(lead_contact));
    app.overlay = Some(Overlay::Visit(Box::new(form)));
}

/// The account's contacts (id and name) and the contact of the lead the visit is about.
type Contacts = (Vec<(ContactId, String)>, Option<ContactId>);

fn contacts_for(app: &App, target: VisitTarget) -> Result<Contacts, crate::store::StoreError> {
    let store = &app.store;
    let lead_of_deal = |id| -> Result<_, crate::store::StoreError> {
        let deal = store.opportunity(id)?;
        let lead = match deal.as_ref().and_then(|d| d.lead_id) {
            Some(l) => store.lead(l)?,
            None => None,
        };
        Ok((deal.map(|d| d.account_id), lead))
    };
    let (account, lead) = match target {
        VisitTarget::Account(a) => (Some(a), None),
        VisitTarget::Lead(id) => {
            let lead = store.lead(id)?;
            (lead.as_ref().map(|l| l.account_id), lead)
        }
        VisitTarget::Opportunity(id) => lead_of_deal(id)?,
    };
    let contacts = match account {
        Some(a) => store
            .contacts_of(a)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect(),
        None => Vec::new(),
    };
    Ok((contacts, lead.and_then(|l| l.contact_id)))
}

/// The value of the deal a visit is about, to prefill a won order's final value.
fn deal_value(app: &App, target: VisitTarget) -> Option<Cents> {
    let opp = match target {
        VisitTarget::Opportunity(id) => Some(id),
        VisitTarget::Lead(id) => app.store.lead(id).ok().flatten()?.opportunity_id,
        VisitTarget::Account(_) => None,
    }?;
    app.store.opportunity(opp).ok().flatten().map(|o| o.value)
}

/// Logs the visit; the status line reports it after the write is durable.
pub fn log(app: &mut App, input: VisitInput) {
    match app.write(LogVisit(input.clone())) {
        Ok(result) => {
            let mut message = format!("logged {}", input.kind.as_str());
            if let Some(o) = input.outcome {
                message.push_str(&format!(" · {}", o.as_str()));
            }
            if !result.effects.is_empty() {
                message.push_str(": ");
                message.push_str(&result.effects.join("; "));
            }
            if let Some(next) = result.activity.next_step {
                message.push_str(&format!("; next step {next}"));
            }
            app.committed(&message, result.receipt, None);
            // On the board the cursor follows a deal to its new open column; a deal won or
            // lost leaves the cursor in its column, on the next card.
            if let Some(o) = result.opportunity.as_ref().filter(|o| o.stage.is_open()) {
                app.panes.funnel.select(o.id);
            }
        }
        Err(e) => app.error(&e.to_string()),
    }
}
