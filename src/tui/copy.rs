//! `y` in an account (or on the account list's row): pick one of its phone numbers or e-mail
//! addresses — the account's own and each contact's — and put it on the clipboard.

use super::app::App;
use super::overlays::{Overlay, Pick, Picker};
use crate::domain::AccountId;
use crate::domain::text::displayable;

/// Opens the picker of the account's numbers and addresses.
pub fn pick(app: &mut App) {
    let account = match app.panes.accounts.opened() {
        Some(view) => Some(view.account.id),
        None => app.panes.accounts.selected_id(),
    };
    let Some(account) = account else {
        return app.info("no account selected");
    };
    let options = match reachable(app, account) {
        Ok(o) => o,
        Err(e) => return app.error(&e.to_string()),
    };
    if options.is_empty() {
        return app.info("no phone number or e-mail address is known for this account");
    }
    let labels = options
        .iter()
        .map(|(text, what)| format!("{}  ({what})", displayable(text)))
        .collect();
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Copy to the clipboard",
        labels,
        Pick::Copy(options),
        0,
    )));
}

/// Every phone number and e-mail address of the account and its contacts, with whose it is.
fn reachable(app: &App, id: AccountId) -> Result<Vec<(String, String)>, crate::store::StoreError> {
    let mut out = Vec::new();
    let mut add = |text: &str, what: String| {
        if !text.trim().is_empty() {
            out.push((text.trim().to_string(), what));
        }
    };
    if let Some(a) = app.store.account(id)? {
        add(&a.phone, format!("phone of {}", a.name));
        add(&a.email, format!("e-mail of {}", a.name));
    }
    for c in app.store.contacts_of(id)? {
        add(&c.phone, format!("phone of {}", c.name));
        add(&c.email, format!("e-mail of {}", c.name));
    }
    Ok(out)
}

/// Hands the text to the terminal (it writes the clipboard sequence after this key) and says
/// what was copied.
pub fn copy(app: &mut App, text: String, what: &str) {
    let text = super::clipboard::clean(&text);
    app.ok(&format!("copied {text} ({what}) to the clipboard"));
    app.requests.clipboard = Some(text);
}
