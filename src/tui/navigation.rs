//! Going places in the view, recorded in the [`History`](super::history::History): panes,
//! accounts and leads opened from lists, the palette or the due list. Back (`Esc`, `Backspace`,
//! `h` in an account, `Ctrl-o`) returns to the place left, with its filters and selected row;
//! forward is the next-pane key (`Tab`, which a terminal also sends for `Ctrl-i`, so vim's
//! `Ctrl-o`/`Ctrl-i` work): after a back it goes ahead again; with nothing ahead it is the next
//! pane, as `Tab` always was.

use super::app::{App, Pane};
use super::history::Place;
use crate::domain::AccountId;

/// The place on screen now.
pub fn here(app: &App) -> Place {
    match app.pane {
        Pane::Inbox => Place::Inbox {
            filters: app.panes.inbox.filters().clone(),
            query: app.panes.inbox.query().to_string(),
            lead: app.panes.inbox.selected_id(),
        },
        Pane::Accounts => match app.panes.accounts.opened() {
            Some(view) => Place::Account(view.account.id),
            None => Place::AccountList {
                query: app.panes.accounts.query().to_string(),
                selected: app.panes.accounts.selected(),
            },
        },
        Pane::Funnel => Place::Funnel,
    }
}

/// Runs a move `go` and records the place it left, if it went somewhere else.
pub fn moving(app: &mut App, go: impl FnOnce(&mut App)) {
    let left = here(app);
    go(app);
    let now = here(app);
    app.history.moved(left, &now);
}

/// Shows a pane (the funnel and account list are read when first shown).
pub fn show_pane(app: &mut App, pane: Pane) {
    moving(app, |app| {
        app.pane = pane;
        if pane == Pane::Funnel {
            super::funnel::show(app);
        }
        if pane == Pane::Accounts {
            let store = app.store.clone();
            if let Err(e) = app.panes.accounts.ensure_loaded(&store) {
                app.error(&e.to_string());
            }
        }
    });
}

/// Back to where the user came from. With nowhere to go back to, an open account still goes
/// up to the account list; elsewhere back does nothing and says nothing (Esc is harmless).
pub fn back(app: &mut App) {
    let here_now = here(app);
    match app.history.back(here_now) {
        Some(place) => restore(app, place),
        None => {
            if app.pane == Pane::Accounts {
                app.panes.accounts.close();
            }
        }
    }
}

/// Forward again after a back; with nothing ahead, the next pane.
pub fn forward(app: &mut App) {
    if !app.history.can_go_forward() {
        let next = match app.pane {
            Pane::Inbox => Pane::Accounts,
            Pane::Accounts => Pane::Funnel,
            Pane::Funnel => Pane::Inbox,
        };
        show_pane(app, next);
        return;
    }
    let here_now = here(app);
    if let Some(place) = app.history.forward(here_now) {
        restore(app, place);
    }
}

/// Shows `place` as it was left: the pane, its filters and query, the row.
fn restore(app: &mut App, place: Place) {
    match place {
        Place::Inbox {
            filters,
            query,
            lead,
        } => {
            app.pane = Pane::Inbox;
            if app.panes.inbox.filters() != &filters || app.panes.inbox.query() != query {
                app.with_inbox(|inbox, from| inbox.set_filters(filters, query, from, lead));
            } else if let Some(id) = lead {
                app.panes.inbox.select(id);
            }
        }
        Place::AccountList { query, selected } => {
            app.pane = Pane::Accounts;
            app.panes.accounts.close();
            let store = app.store.clone();
            if let Err(e) = app.panes.accounts.ensure_loaded(&store) {
                app.error(&e.to_string());
            }
            if app.panes.accounts.query() != query {
                let index = app.background.index.ready().cloned();
                app.panes.accounts.set_query(query, index.as_deref());
            }
            app.panes.accounts.select_row(selected);
        }
        Place::Account(id) => reopen_account(app, id),
        Place::Funnel => {
            app.pane = Pane::Funnel;
            super::funnel::show(app);
        }
    }
}

/// An account from the history; one merged away or erased since is skipped, with a word.
fn reopen_account(app: &mut App, id: AccountId) {
    let store = app.store.clone();
    match app.panes.accounts.open(&store, id) {
        Ok(true) => app.pane = Pane::Accounts,
        Ok(false) => {
            app.history.forget_account(id);
            app.info("that account no longer exists (merged or erased); back goes on from here");
        }
        Err(e) => app.error(&e.to_string()),
    }
}
