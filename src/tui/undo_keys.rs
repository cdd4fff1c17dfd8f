//! `u` and `Ctrl-r`: the undo stack plans the write (or refuses), the write goes through the
//! view's one door like any other change, then the screen is brought up to date and the status
//! line says what was taken back or done again (or why not).

use super::action::Action;
use super::app::App;
use super::effects::TakeBack;
use super::undo::Plan;
use crate::domain::LeadId;
use crate::store::{EntityKind, Receipt};

/// `u`: takes the last change back.
pub fn undo(app: &mut App) {
    let plan = app.undo.plan_undo(&app.store);
    let Some((label, receipt)) = carry_out(app, plan, "nothing to undo", true) else {
        return;
    };
    app.undo.undone(receipt);
    let redo_key = hint(app, Action::Redo, "redoes");
    app.ok(&format!("undone: {label}{redo_key}"));
}

/// `Ctrl-r`: does the last undone change again.
pub fn redo(app: &mut App) {
    let plan = app.undo.plan_redo(&app.store);
    let Some((label, receipt)) = carry_out(app, plan, "nothing to redo", false) else {
        return;
    };
    app.undo.redone(receipt);
    let undo_key = hint(app, Action::Undo, "undoes");
    app.ok(&format!("redone: {label}{undo_key}"));
}

/// " · ctrl-r redoes".
fn hint(app: &App, action: Action, does: &str) -> String {
    app.keymap
        .hint(action)
        .map(|c| format!(" · {c} {does}"))
        .unwrap_or_default()
}

/// Writes the plan and brings the screen up to date; `None` when there was nothing to write
/// (the status line says why).
fn carry_out(
    app: &mut App,
    plan: Result<Plan, crate::store::StoreError>,
    nothing: &str,
    undo: bool,
) -> Option<(String, Receipt)> {
    let verb = if undo { "undo" } else { "redo" };
    match plan {
        Ok(Plan::Nothing) => app.info(nothing),
        Ok(Plan::Refused(sentence)) => app.error(&sentence),
        Ok(Plan::Write(label, write)) => match app.write(TakeBack(write)) {
            Ok(receipt) => {
                app.after_commit(&receipt, first_lead(&receipt));
                return Some((label, receipt));
            }
            Err(e) => {
                app.undo.not_written(undo);
                app.error(&format!("could not {verb}: {e}"));
            }
        },
        Err(e) => app.error(&format!("could not {verb}: {e}")),
    }
    None
}

/// The first lead a write touched, for the inbox to keep selected.
fn first_lead(receipt: &Receipt) -> Option<LeadId> {
    receipt
        .before
        .iter()
        .find(|(k, _, _)| *k == EntityKind::Lead)
        .map(|(_, key, _)| LeadId::from_bytes(*key))
}
