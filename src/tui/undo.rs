//! The view's undo stack: every confirmed change is a step that `u` takes back and `Ctrl-r`
//! does again. A step keeps its write's receipt, whose after-images say what it left; a step
//! is taken back only while every record it touched is still exactly so — otherwise another
//! write, an import or an erasure changed it since, and undoing would bring back what that
//! change removed (an erased person's data). Undo and redo are writes like any other; the
//! change log marks what they take back, so a feedback bundle reports neither an unsent step
//! nor its undo.

use crate::store::{EntityKind, Receipt, Store, StoreError, WriteSet};
use std::collections::HashSet;

/// How many steps `u` can go back (the issue asks at least 50).
pub const DEPTH: usize = 100;

/// One change the user made, named as the status line named it.
#[derive(Debug)]
pub struct Step {
    pub label: String,
    pub receipt: Receipt,
}

/// What `u` or `Ctrl-r` is to do.
#[derive(Debug)]
pub enum Plan {
    /// Write this to take the step back (or do it again); then call [`UndoStack::undone`] or
    /// [`UndoStack::redone`] with the receipt.
    Write(String, WriteSet),
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
    /// The step whose undo or redo is being written.
    waiting: Option<Step>,
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

    /// Drops every step that touched one of the `touched` records (an import names what it
    /// wrote this way, without the records). Returns how many were dropped.
    pub fn forget_touched(&mut self, touched: &HashSet<(EntityKind, [u8; 16])>) -> usize {
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

    /// `u`: plans taking the last step back, if every record it touched is as it left them.
    /// The step waits, off both stacks, for [`UndoStack::undone`].
    pub fn plan_undo(&mut self, store: &Store) -> Result<Plan, StoreError> {
        let Some(step) = self.done.pop() else {
            return Ok(Plan::Nothing);
        };
        take_back(store, step, "undo", &mut self.waiting)
    }

    /// `Ctrl-r`: plans doing the last undone step again, if nothing changed its records since.
    pub fn plan_redo(&mut self, store: &Store) -> Result<Plan, StoreError> {
        let Some(step) = self.undone.pop() else {
            return Ok(Plan::Nothing);
        };
        take_back(store, step, "redo", &mut self.waiting)
    }

    /// The planned undo was written: it can be redone.
    pub fn undone(&mut self, receipt: Receipt) {
        if let Some(step) = self.waiting.take() {
            self.undone.push(Step {
                label: step.label,
                receipt,
            });
        }
    }

    /// The planned redo was written: it can be undone again.
    pub fn redone(&mut self, receipt: Receipt) {
        if let Some(step) = self.waiting.take() {
            self.done.push(Step {
                label: step.label,
                receipt,
            });
        }
    }

    /// The planned write failed: the step goes back where it was.
    pub fn not_written(&mut self, undo: bool) {
        if let Some(step) = self.waiting.take() {
            match undo {
                true => self.done.push(step),
                false => self.undone.push(step),
            }
        }
    }
}

/// The write that takes `step` back (its before-images), or the sentence saying which record
/// changed since; the step waits in `waiting` until the write is done.
fn take_back(
    store: &Store,
    step: Step,
    verb: &str,
    waiting: &mut Option<Step>,
) -> Result<Plan, StoreError> {
    if let Some((kind, key)) = step.receipt.changed_since(store)? {
        let what = match store.get(kind, key)? {
            None => format!("the {kind} it changed was removed since (an erasure or an import)"),
            Some(_) => format!("the {kind} it changed was changed again since"),
        };
        return Ok(Plan::Refused(format!(
            "cannot {verb} \"{}\": {what}; that step is dropped",
            step.label
        )));
    }
    let write = step.receipt.undo();
    let label = step.label.clone();
    *waiting = Some(step);
    Ok(Plan::Write(label, write))
}
