//! `c` on one lead: convert it into a deal at qualify, with an estimated value that may be
//! skipped (the card then says "no value" and the forecast counts it as a deal without one).
//! Marked leads are converted together without an estimate, after a confirmation.

use super::app::App;
use super::effects::ConvertLead;
use super::overlays::{Form, FormField, FormFor, Overlay};
use super::triage::{lead_label, triage};
use crate::domain::{Cents, LeadId};
use crate::ops::TriageStep;

/// Opens the estimate form for the selected lead (or converts the marked ones).
pub fn ask_convert(app: &mut App) {
    let ids = app.panes.inbox.targets();
    let [id] = ids.as_slice() else {
        // None selected (it says so) or several marked (they are confirmed first).
        return triage(app, TriageStep::Convert);
    };
    let label = lead_label(app, *id);
    app.overlay = Some(Overlay::Form(Form::new(
        &format!("Convert {label}"),
        FormFor::Convert(*id),
        vec![FormField::text(
            "estimated value",
            "",
            "optional, e.g. 95.000; empty: no value yet",
        )],
    )));
}

/// The estimate as typed: empty is none; zero is refused.
fn estimate(text: &str) -> Result<Option<Cents>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let value = Cents::parse(text).map_err(|e| e.to_string())?;
    if value.0 <= 0 {
        return Err(format!(
            "an estimated value of {value} says nothing; type the estimate or leave it empty"
        ));
    }
    Ok(Some(value))
}

/// Converts the lead with what the form holds; a refusal reopens it with the sentence.
pub fn save_convert(app: &mut App, mut form: Form, id: LeadId) {
    let value = match estimate(&form.text("estimated value")) {
        Ok(v) => v,
        Err(e) => {
            form.error = Some(e);
            app.overlay = Some(Overlay::Form(form));
            return;
        }
    };
    let next = app.panes.inbox.next_after(&[id]);
    let label = lead_label(app, id);
    match app.write(ConvertLead(id, value)) {
        Ok(result) => {
            let worth = match value {
                Some(v) => format!("estimated at {v}"),
                None => "no value yet".to_string(),
            };
            let message = format!("converted {label}; opportunity at qualify, {worth}");
            app.panes.inbox.unmark(id);
            app.committed(&message, result.receipt, next);
        }
        Err(e) => {
            form.error = Some(e.to_string());
            app.overlay = Some(Overlay::Form(form));
        }
    }
}
