//! Importing a head-office bundle from the TUI: `I` asks for the file's path, the bundle is
//! verified and applied exactly as `wortel import` does, and the inbox shows what arrived.

use super::app::{App, Pane};
use super::effects::ImportFile;
use super::overlays::{Form, FormField, FormFor, Overlay};
use crate::ops::{ImportError, ImportFileError, ImportReport, Imported};

/// `I`: the path of the bundle.
pub fn ask(app: &mut App) {
    app.overlay = Some(Overlay::Form(Form::new(
        "Import a bundle from head office",
        FormFor::Import,
        vec![FormField::text(
            "file",
            "",
            "the .zip's path, e.g. ~/Downloads/leads-w47.zip",
        )],
    )));
}

/// `~/x` means the home directory's `x`, as in a shell.
fn expand(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

/// Reads, verifies and imports by the bundle's kind (leads or benchmarks), as `wortel import`
/// does; a problem reopens the form with its sentence.
pub fn run(app: &mut App, mut form: Form) {
    let text = form.text("file");
    let path = expand(&text);
    let done = app.write(ImportFile(path)).map_err(|e| match e {
        ImportFileError::Unreadable(s) => s,
        ImportFileError::Import(ImportError::Bundle(b)) => b.to_string(),
        ImportFileError::Import(ImportError::Store(s)) => s.to_string(),
    });
    match done.map(|d| d.imported) {
        Ok(Imported::AlreadyImported) => {
            app.info(&format!("{text} was already imported; nothing changed"))
        }
        Ok(Imported::Benchmarks(n)) => app.ok(&format!(
            "imported {text}: {n} network figures; B shows them beside yours"
        )),
        Ok(Imported::Leads(report)) => {
            let mut message = leads_message(&text, &report);
            if let Some(written) = &report.written {
                after_import(app);
                // Steps whose records the bundle changed (or erased) cannot be taken back.
                match app.undo.forget_touched(&written.touched) {
                    0 => {}
                    1 => message.push_str("; 1 undo step dropped (the bundle changed its records)"),
                    n => message.push_str(&format!(
                        "; {n} undo steps dropped (the bundle changed their records)"
                    )),
                }
                // New leads and accounts become searchable once the index is built again.
                app.rebuild_index();
            }
            app.pane = Pane::Inbox;
            app.ok(&message);
        }
        Err(message) => {
            form.error = Some(message);
            app.overlay = Some(Overlay::Form(form));
        }
    }
}

/// Every list read again after an import: it may have touched a hundred thousand records,
/// more than moving rows one by one is worth.
pub(super) fn after_import(app: &mut App) {
    app.reload_inbox(None);
    app.panes.accounts.invalidate();
    app.panes.accounts.forget_rows();
    app.panes.funnel.forget();
    let store = app.store.clone();
    if let Some(view) = app.panes.accounts.opened_mut() {
        if let Err(e) = view.refresh(&store) {
            app.error(&e.to_string());
        }
    }
}

/// What the status line says after a leads bundle arrived.
fn leads_message(text: &str, report: &ImportReport) -> String {
    let mut message = format!(
        "imported {text}: {} new leads ({} for accounts already here), {} updated, {} retracted",
        report.new_leads, report.matched_accounts, report.updated_leads, report.retracted
    );
    if let Some(summary) = report.erasure_summary() {
        message.push_str(&format!("; {summary}"));
    }
    if report.needs_compaction() {
        message.push_str("; the store's files are rewritten without them when you quit");
    }
    message
}
