//! Merging duplicates from the account view: `m` lists the accounts likely to be the same
//! company, a pick asks for a "yes" that names both, and the merge goes through
//! `ops::merge_accounts` (one write, recorded in the change log, undoable).

use super::app::{App, Pane};
use super::effects::Merge;
use super::overlays::{Confirm, Overlay, Pending, Pick, Picker};
use crate::domain::AccountId;

fn name_of(app: &App, id: AccountId) -> String {
    app.store
        .account(id)
        .ok()
        .flatten()
        .map(|a| {
            let place = [a.address.postcode.as_str(), a.address.city.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            format!("{} ({place})", a.name)
        })
        .unwrap_or_else(|| "?".into())
}

/// `m`: which likely duplicate to merge into the opened account.
pub fn pick_duplicate(app: &mut App) {
    let Some(survivor) = app.panes.accounts.opened().map(|v| v.account.id) else {
        return app
            .info("open the account to keep first, then press m to merge a duplicate into it");
    };
    if app.pane != Pane::Accounts {
        return;
    }
    if app.background.index.ready().is_none() {
        return app.info(
            "duplicates are found by the search index, which is still being built; a moment",
        );
    }
    let candidates = app.duplicates_of(survivor);
    if candidates.is_empty() {
        return app.info(
            "no likely duplicate of this account (same KvK, or same name at the same postcode)",
        );
    }
    let labels = candidates.iter().map(|id| name_of(app, *id)).collect();
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Merge which duplicate into this account?",
        labels,
        Pick::MergeFrom(survivor, candidates),
        0,
    )));
}

/// Asks before merging: a merge moves many records and removes an account.
pub fn confirm(app: &mut App, survivor: AccountId, absorbed: AccountId) {
    let question = format!(
        "Merge {} into {}? Its contacts, leads, deals, history and installed base move; it is removed.",
        name_of(app, absorbed),
        name_of(app, survivor)
    );
    app.overlay = Some(Overlay::Confirm(Confirm {
        question,
        pending: Pending::Merge { survivor, absorbed },
    }));
}

/// Merges, then shows the survivor.
pub fn apply(app: &mut App, survivor: AccountId, absorbed: AccountId) {
    let gone = name_of(app, absorbed);
    match app.write(Merge { survivor, absorbed }) {
        Ok(result) => {
            let message = format!(
                "merged {gone} into {}: {} records moved",
                result.survivor.name, result.moved
            );
            app.committed(&message, result.receipt, None);
        }
        Err(e) => app.error(&e.to_string()),
    }
}
