//! The accounts list's two "only" filters: `o` the accounts due or overdue for a visit by the
//! cadence (the same list, in the same order, as `wortel accounts --due-visit`), `=` the likely
//! duplicates. The same key again shows every account.

use super::action::Action;
use super::app::{App, Pane};
use super::panes::accounts::ListMode;

/// Shows only the accounts due for a visit, or all again.
pub fn toggle_due_visits(app: &mut App) {
    if !on_the_list(app) {
        return;
    }
    if app.panes.accounts.mode() == ListMode::DueVisit {
        return show_all(app);
    }
    let today = app.now().to_zoned(app.tz.clone()).date();
    match crate::ops::visits_due(&app.store, &app.dealer.cadence, today, today, &app.tz) {
        Ok(due) => {
            let n = due.len();
            let ids = due.into_iter().map(|v| v.account.id).collect();
            let index = app.background.index.ready().cloned();
            app.panes
                .accounts
                .show_only(ListMode::DueVisit, ids, index.as_deref());
            let again = again_hint(app, Action::DueVisitsOnly);
            app.info(&format!(
                "{} due for a visit, by tier and most overdue first; {again}",
                wortel_core::plural::counted(n, "account", "accounts")
            ));
        }
        Err(e) => app.error(&e.to_string()),
    }
}

/// Shows only the accounts flagged as likely duplicates (`≈`), or all again.
pub fn toggle_duplicates(app: &mut App) {
    if !on_the_list(app) {
        return;
    }
    if app.panes.accounts.mode() == ListMode::Duplicates {
        return show_all(app);
    }
    let Some(index) = app.background.index.ready() else {
        return app.info("duplicates are known once the search index is built; a moment");
    };
    let mut ids: Vec<_> = Vec::new();
    match app
        .store
        .account_ids_by_name()
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(all) => ids.extend(
            all.into_iter()
                .filter(|id| index.duplicates.contains_key(id)),
        ),
        Err(e) => return app.error(&e.to_string()),
    }
    let ids: Vec<_> = ids
        .into_iter()
        .filter(|id| !app.duplicates_of(*id).is_empty())
        .collect();
    let n = ids.len();
    let index = app.background.index.ready().cloned();
    app.panes
        .accounts
        .show_only(ListMode::Duplicates, ids, index.as_deref());
    app.info(&format!(
        "{} likely duplicates (≈); the same key again shows all",
        wortel_core::plural::counted(n, "account is one of", "accounts are")
    ));
}

/// "o again for all", with the key the user's keymap gives the filter.
fn again_hint(app: &App, action: Action) -> String {
    match app.keymap.hint(action) {
        Some(key) => format!("{key} again for all"),
        None => "again for all".to_string(),
    }
}

fn on_the_list(app: &mut App) -> bool {
    if app.pane != Pane::Accounts || app.panes.accounts.opened().is_some() {
        app.info("this filter works on the account list; go back to it first");
        return false;
    }
    true
}

fn show_all(app: &mut App) {
    let index = app.background.index.ready().cloned();
    let store = app.store.clone();
    match app.panes.accounts.show_all(&store, index.as_deref()) {
        Ok(()) => app.info("every account"),
        Err(e) => app.error(&e.to_string()),
    }
}
