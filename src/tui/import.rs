//! Importing a head-office bundle from the TUI: `I` asks for the file's path, the bundle is
//! verified and applied exactly as `wortel import` does, and the inbox shows what arrived.

use super::app::{App, Pane};
use super::overlays::{Form, FormField, FormFor, Overlay};
use crate::bundle::{PublicKey, caps::MAX_BUNDLE_BYTES, read_bundle};
use crate::ops::{ImportError, import_leads};

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

/// Reads, verifies and imports; a problem reopens the form with its sentence.
pub fn run(app: &mut App, mut form: Form) {
    let text = form.text("file");
    let path = expand(&text);
    let result = (|| -> Result<String, String> {
        let meta = std::fs::metadata(&path)
            .map_err(|e| format!("{text} cannot be read ({e}); check the path"))?;
        if !meta.is_file() || meta.len() > MAX_BUNDLE_BYTES {
            return Err(format!("{text} is not a bundle file of at most 512 MiB"));
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| format!("{text} cannot be read ({e}); check the path"))?;
        let key = app
            .store
            .head_office_key()
            .map_err(|e| e.to_string())?
            .map(PublicKey);
        let bundle = read_bundle(&bytes, key.as_ref()).map_err(|e| e.to_string())?;
        let now = app.now();
        let report = import_leads(&app.store, &bundle, now, &mut |_| {}).map_err(|e| match e {
            ImportError::Bundle(b) => b.to_string(),
            ImportError::Store(s) => s.to_string(),
        })?;
        if report.already_imported {
            return Ok(format!("{text} was already imported; nothing changed"));
        }
        if let Some(receipt) = &report.receipt {
            app.after_commit(receipt, None);
            // New leads and accounts become searchable once the index is built again.
            app.rebuild_index();
        }
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
        Ok(message)
    })();
    match result {
        Ok(message) => {
            app.pane = Pane::Inbox;
            app.ok(&message);
        }
        Err(message) => {
            form.error = Some(message);
            app.overlay = Some(Overlay::Form(form));
        }
    }
}
