//! The view's undo stack: every confirmed change is a step that `u` takes back and `Ctrl-r`
//! does again. A step keeps its write's receipt, whose after-images say what it left; a step
//! is taken back only while every record it touched is still exactly so — otherwise another
//! write, an import or an erasure changed it since, and undoing would bring back what that
//! change removed (an erased person's data). Undo and redo are writes like any other; the
//! change log marks what they take back, so a feedback bundle reports neither an unsent step
//! nor its undo.

use crate::store::{EntityKind, Receipt, Store, StoreError};
use jiff::Timestamp;
use std::collections::HashSet;

/// How many steps `u` can go back (the issue asks at least 50).
pub const DEPTH: usize = 100;

/// One change the user made, named as the status line named it.
#[derive(Debug)]
pub struct Step {
    pub label: String,
    pub receipt: Receipt,
}

/// What `u` or `Ctrl-r` did.
#[derive(Debug)]
pub enum Moved {
    /// The step was taken back or done again: its label, and the receipt of that write.
    Done(String, Receipt),
    /// Nothing to take back or do again.
    Nothing,
    /// A record the step touched was changed since: the step is dropped, the sentence says why.
    Refused(String),
}

/// The steps done (last on top) and the steps undone since the last new change.
#[derive(Debug, Default)]
pub struct UndoStack {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl UndoStack {
    /// A new change: it can be undone, and what was undone before can no longer be redone.
    pub fn push(&mut self, label: String, receipt: Receipt) {
        self.undone.clear();
        self.done.push(Step { label, receipt });
        if self.done.len() > DEPTH {
            self.done.remove(0);
        }
    }

    pub fn can_undo(&self) -> usize {
        self.done.len()
    }

    pub fn can_redo(&self) -> usize {
        self.undone.len()
    }

    /// Drops every step that touched a record `write` (an import, an erasure) changed: those
    /// cannot be taken back any more. Returns how many were dropped.
    pub fn forget_touched_by(&mut self, write: &Receipt) -> usize {
        let touched: HashSet<(EntityKind, [u8; 16])> =
            write.after.iter().map(|(k, id, _)| (*k, *id)).collect();
        let hit = |s: &Step| {
            s.receipt
                .after
                .iter()
                .any(|(k, id, _)| touched.contains(&(*k, *id)))
        };
        let before = self.done.len() + self.undone.len();
        self.done.retain(|s| !hit(s));
        self.undone.retain(|s| !hit(s));
        before - self.done.len() - self.undone.len()
    }

    /// `u`: takes the last step back, if every record it touched is as it left them.
    pub fn undo(&mut self, store: &Store, now: Timestamp) -> Result<Moved, StoreError> {
        let Some(step) = self.done.pop() else {
            return Ok(Moved::Nothing);
        };
        match take_back(store, &step, now, "undo")? {
            Ok(receipt) => {
                let label = step.label.clone();
                self.undone.push(Step {
                    label: step.label,
                    receipt: receipt.clone(),
                });
                Ok(Moved::Done(label, receipt))
            }
            Err(refusal) => Ok(Moved::Refused(refusal)),
        }
    }

    /// `Ctrl-r`: does the last undone step again, if nothing changed its records since.
    pub fn redo(&mut self, store: &Store, now: Timestamp) -> Result<Moved, StoreError> {
        let Some(step) = self.undone.pop() else {
            return Ok(Moved::Nothing);
        };
        match take_back(store, &step, now, "redo")? {
            Ok(receipt) => {
                let label = step.label.clone();
                self.done.push(Step {
                    label: step.label,
                    receipt: receipt.clone(),
                });
                Ok(Moved::Done(label, receipt))
            }
            Err(refusal) => Ok(Moved::Refused(refusal)),
        }
    }
}

/// Writes `step`'s before-images back, or says (in `Err`) which record changed since.
fn take_back(
    store: &Store,
    step: &Step,
    now: Timestamp,
    verb: &str,
) -> Result<Result<Receipt, String>, StoreError> {
    if let Some((kind, key)) = step.receipt.changed_since(store)? {
        let what = match store.get(kind, key)? {
            None => format!("the {kind} it changed was removed since (an erasure or an import)"),
            Some(_) => format!("the {kind} it changed was changed again since"),
        };
        return Ok(Err(format!(
            "cannot {verb} \"{}\": {what}; that step is dropped",
            step.label
        )));
    }
    Ok(Ok(store.commit(&step.receipt.undo(), now)?))
}
