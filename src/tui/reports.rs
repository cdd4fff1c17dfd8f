//! The read-only overlays the global keys open: `B` the network's figures beside the dealer's
//! own, `D` what is due today or overdue.

use super::app::App;
use super::overlays::{Due, DueRow, Overlay};

/// `B`: the network's figures beside the dealer's own, as bars.
pub fn show_benchmarks(app: &mut App) {
    let network = match crate::ops::network_figures(&app.store) {
        Ok(n) => n,
        Err(e) => return app.error(&e.to_string()),
    };
    let own = match crate::ops::own_figures(&app.store) {
        Ok(o) => o,
        Err(e) => return app.error(&e.to_string()),
    };
    let rows = crate::ops::compare(network.as_ref().map_or(&[][..], |n| &n.figures), &own);
    let source = match &network {
        Some(n) => format!(
            "network figures from {} ({})",
            n.bundle_id,
            n.created_at.strftime("%Y-%m-%d")
        ),
        None => "no network figures yet: import a benchmark bundle (I)".to_string(),
    };
    app.overlay = Some(Overlay::Report(super::overlays::Report {
        title: "Benchmarks: the network beside you".into(),
        rows,
        source,
        scroll: 0,
    }));
}

/// `D`: what is due today or overdue.
pub fn open_due(app: &mut App) {
    let Some(steps) = app.next_steps() else {
        return app
            .info("the due list waits for the search index, which is still being built; a moment");
    };
    let now = app.now();
    let today = now.to_zoned(app.tz.clone()).date();
    let names: std::collections::HashMap<crate::domain::AccountId, String> = app
        .index
        .ready()
        .map(|x| x.accounts.iter().map(|a| (a.id, a.name.clone())).collect())
        .unwrap_or_default();
    let name_of = |id| names.get(&id).cloned().unwrap_or_else(|| "?".into());
    let mut rows: Vec<DueRow> = steps
        .into_iter()
        .filter_map(|(account, step)| {
            let date = step.date.filter(|d| *d <= today)?;
            Some(DueRow {
                date,
                account,
                name: name_of(account),
                what: "follow-up".into(),
            })
        })
        .collect();
    let start = today.to_zoned(app.tz.clone()).map(|z| z.timestamp());
    let end = today
        .tomorrow()
        .ok()
        .and_then(|d| d.to_zoned(app.tz.clone()).ok())
        .map(|z| z.timestamp());
    if let (Ok(start), Some(end)) = (start, end) {
        match app.store.appointments_between(start, end) {
            Ok(list) => rows.extend(list.into_iter().map(|a| DueRow {
                date: today,
                account: a.account_id,
                name: name_of(a.account_id),
                what: format!(
                    "appointment {}",
                    a.starts_at.to_zoned(app.tz.clone()).strftime("%H:%M")
                ),
            })),
            Err(e) => return app.error(&e.to_string()),
        }
    }
    rows.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
    app.overlay = Some(Overlay::Due(Due {
        rows,
        today,
        selected: 0,
    }));
}
