//! The read-only overlays the global keys open: `B` the network's figures beside the dealer's
//! own, `D` the agenda.

use super::app::App;
use super::overlays::{AgendaPlace, AgendaView, Overlay};
use jiff::civil::Date;

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

/// `D`: the agenda for the day or the week (`ops::agenda`, the rows `wortel agenda` prints).
pub fn open_agenda(app: &mut App, span: crate::ops::Span) {
    open_agenda_at(app, AgendaPlace { span, selected: 0 });
}

/// The agenda read afresh, at the row it was on.
pub fn open_agenda_at(app: &mut App, place: AgendaPlace) {
    match crate::ops::agenda(
        &app.store,
        place.span,
        app.now(),
        &app.tz,
        &app.dealer.cadence,
    ) {
        Ok(agenda) => app.overlay = Some(Overlay::Agenda(AgendaView::new(agenda, place.selected))),
        Err(e) => app.error(&e.to_string()),
    }
}

/// `c` on the agenda asks first: it may make many leads at once.
pub fn confirm_replacement_leads(app: &mut App, place: AgendaPlace, n: usize, by: Date) {
    app.overlay = Some(Overlay::Confirm(super::overlays::confirm::Confirm {
        question: format!(
            "Create {} for the replacements due by {by}?",
            super::format::counted(n, "lead", "leads")
        ),
        pending: super::overlays::Pending::ReplacementLeads(place),
    }));
}

/// A lead for every replacement due within three months that no lead covers, in one undoable
/// write; the agenda comes back with its line gone.
pub fn create_replacement_leads(app: &mut App, place: AgendaPlace) {
    match app.write(super::effects::CreateReplacementLeads) {
        Ok((made, Some(receipt))) => {
            let text = format!(
                "made {} for the replacements due",
                super::format::counted(made.len(), "lead", "leads")
            );
            app.committed(&text, receipt, made.first().map(|l| l.id));
        }
        Ok((_, None)) => app.info("every replacement due has a lead already; nothing made"),
        Err(e) => return app.error(&e.to_string()),
    }
    open_agenda_at(app, place);
}

/// After a visit logged from the agenda: the agenda again (the visit may have taken its row
/// off), unless the visit was refused and something else is open.
pub fn reopen_agenda(app: &mut App, place: AgendaPlace) {
    if app.overlay.is_none() {
        open_agenda_at(app, place);
    }
}
