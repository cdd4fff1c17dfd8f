//! `u` and `Ctrl-r`: the undo stack's moves, with the screen brought up to date after the
//! write and the status line saying what was taken back or done again (or why not).

use super::action::Action;
use super::app::App;
use super::undo::Moved;
use crate::domain::LeadId;
use crate::store::{EntityKind, Receipt};

/// `u`: takes the last change back.
pub fn undo(app: &mut App) {
    let now = app.now();
    let moved = app.undo.undo(&app.store, now);
    let redo_key = app
        .keymap
        .hint(Action::Redo)
        .map(|c| format!(" · {c} redoes"))
        .unwrap_or_default();
    report(app, moved, "nothing to undo", "undone", &redo_key);
}

/// `Ctrl-r`: does the last undone change again.
pub fn redo(app: &mut App) {
    let now = app.now();
    let moved = app.undo.redo(&app.store, now);
    let undo_key = app
        .keymap
        .hint(Action::Undo)
        .map(|c| format!(" · {c} undoes"))
        .unwrap_or_default();
    report(app, moved, "nothing to redo", "redone", &undo_key);
}

fn report(
    app: &mut App,
    moved: Result<Moved, crate::store::StoreError>,
    nothing: &str,
    done: &str,
    hint: &str,
) {
    match moved {
        Ok(Moved::Nothing) => app.info(nothing),
        Ok(Moved::Refused(sentence)) => app.error(&sentence),
        Ok(Moved::Done(label, receipt)) => {
            app.after_commit(&receipt, first_lead(&receipt));
            app.ok(&format!("{done}: {label}{hint}"));
        }
        Err(e) => app.error(&format!("could not {}: {e}", &done[..4])),
    }
}

/// The first lead a write touched, for the inbox to keep selected.
fn first_lead(receipt: &Receipt) -> Option<LeadId> {
    receipt
        .before
        .iter()
        .find(|(k, _, _)| *k == EntityKind::Lead)
        .map(|(_, key, _)| LeadId::from_bytes(*key))
}
