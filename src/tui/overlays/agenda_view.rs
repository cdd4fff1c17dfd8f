//! Draws the agenda: headings and rows in `ops::agenda`'s order, the selected row's contact,
//! phone and note in full below, and the keys. Only the visible rows are drawn.

use super::agenda::AgendaView;
use super::view::boxed;
use crate::domain::VisitTarget;
use crate::domain::text::displayable;
use crate::ops::{AgendaRow, ItemKind, Section, Span as AgendaSpan};
use crate::tui::format::fit;
use crate::tui::list_window::window_start;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A line of the list: a heading, or the row at this index.
enum Entry {
    Heading(Section),
    Row(usize),
}

pub fn draw_agenda(frame: &mut Frame, area: Rect, view: &AgendaView, theme: &Theme) {
    let a = &view.agenda;
    let title = match a.span {
        AgendaSpan::Day => format!("Agenda · {}", crate::ops::day_name(a.today)),
        AgendaSpan::Week => format!("Agenda · week of {} to {}", a.from, a.to),
    };
    let inner = boxed(frame, area, area.width, area.height, &title, theme);
    let mut lines: Vec<Line> = Vec::new();
    if a.replacements_due > 0 {
        let text = format!(
            "{} due by {} without a lead — c creates their leads",
            crate::tui::format::counted(a.replacements_due, "replacement", "replacements"),
            a.replacements_by
        );
        lines.push(Line::styled(
            fit(&text, inner.width as usize),
            theme.style(Role::Header),
        ));
    }
    let room = (inner.height as usize).saturating_sub(3 + lines.len());
    let entries = entries(&a.rows);
    if a.rows.is_empty() {
        lines.push(Line::styled(
            "Nothing on the agenda: no appointments, follow-ups or visits due.",
            theme.style(Role::Muted),
        ));
    }
    let at = entries
        .iter()
        .position(|e| matches!(e, Entry::Row(i) if *i == view.selected))
        .unwrap_or(0);
    let start = window_start(at, 0, entries.len(), room);
    let width = inner.width as usize;
    for e in entries.iter().skip(start).take(room) {
        lines.push(match e {
            Entry::Heading(s) => Line::styled(s.label(a.today), theme.style(Role::Header)),
            Entry::Row(i) => row_line(&a.rows[*i], *i == view.selected, a.today, width, theme),
        });
    }
    while lines.len() < room {
        lines.push(Line::raw(""));
    }
    lines.extend(preview(view.row(), width, theme));
    lines.push(Line::styled(footer(view), theme.style(Role::Muted)));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn entries(rows: &[AgendaRow]) -> Vec<Entry> {
    let mut out = Vec::with_capacity(rows.len() + 8);
    let mut section = None;
    for (i, r) in rows.iter().enumerate() {
        if section != Some(r.section) {
            out.push(Entry::Heading(r.section));
            section = Some(r.section);
        }
        out.push(Entry::Row(i));
    }
    out
}

/// When: the appointment's time, how late, or "today".
fn when(r: &AgendaRow, today: jiff::civil::Date) -> (String, Role) {
    match (r.kind, r.time) {
        (ItemKind::Appointment { .. }, Some(t)) => (t.strftime("%H:%M").to_string(), Role::Ok),
        _ if r.late_days > 0 => (format!("{}d late", r.late_days), Role::Overdue),
        (ItemKind::VisitDue { .. }, _) => ("due now".into(), Role::Ok),
        _ if r.date == today => ("today".into(), Role::Ok),
        _ => (String::new(), Role::Muted),
    }
}

fn what(r: &AgendaRow) -> String {
    match r.kind {
        ItemKind::Appointment { minutes } => format!("appt {minutes}m"),
        ItemKind::FollowUp => "follow-up".into(),
        ItemKind::VisitDue { tier, .. } => format!("visit t{}", tier.number()),
    }
}

fn row_line<'a>(
    r: &AgendaRow,
    selected: bool,
    today: jiff::civil::Date,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let (when, role) = when(r, today);
    let name = displayable(&r.account_name);
    let contact = displayable(&r.contact);
    let phone = displayable(&r.phone);
    let mut spans = vec![
        Span::styled(format!(" {:<9} ", fit(&when, 9)), theme.style(role)),
        Span::styled(format!("{:<11}", what(r)), theme.style(Role::Muted)),
    ];
    if width < 100 {
        let account = width.saturating_sub(22 + 31).max(12);
        spans.push(Span::styled(
            format!("{:<account$} ", fit(&name, account)),
            theme.style(Role::Text),
        ));
        // The phone number is never cut; the contact's name gives way.
        let phone = fit(&phone, 30);
        let name_room = 30usize.saturating_sub(phone.chars().count() + 1);
        let who = format!("{} {phone}", fit(&contact, name_room));
        spans.push(Span::styled(
            who.trim().to_string(),
            theme.style(Role::Muted),
        ));
    } else {
        spans.push(Span::styled(
            format!("{:<34} ", fit(&name, 34)),
            theme.style(Role::Text),
        ));
        spans.push(Span::styled(
            format!("{:<22} {:<17}", fit(&contact, 22), fit(&phone, 17)),
            theme.style(Role::Muted),
        ));
        let note = width.saturating_sub(22 + 35 + 41);
        if note > 8 && !r.note.trim().is_empty() {
            spans.push(Span::styled(
                fit(&displayable(&r.note), note),
                theme.style(Role::Text),
            ));
        }
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.style(Role::Selection))
    } else {
        line
    }
}

/// The selected row in full: who and how to reach them, what `v` logs, and the note.
fn preview<'a>(row: Option<&AgendaRow>, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let Some(r) = row else {
        return vec![Line::raw(""), Line::raw("")];
    };
    let who = match (r.contact.trim(), r.phone.trim()) {
        ("", "") => "no contact or phone known".to_string(),
        (c, "") => format!("{c}, no phone"),
        ("", p) => p.to_string(),
        (c, p) => format!("{c} · {p}"),
    };
    let about = match r.target {
        VisitTarget::Opportunity(_) => "its deal",
        VisitTarget::Lead(_) => "its lead",
        VisitTarget::Account(_) => "the account",
    };
    let first = format!("{} · v logs a visit for {about}", displayable(&who));
    let note = match r.note.trim() {
        "" => "no note".to_string(),
        n => format!("\"{}\"", displayable(n)),
    };
    vec![
        Line::styled(fit(&first, width), theme.style(Role::Text)),
        Line::styled(fit(&note, width), theme.style(Role::Muted)),
    ]
}

fn footer(view: &AgendaView) -> String {
    let other = match view.agenda.span {
        AgendaSpan::Day => "w the week",
        AgendaSpan::Week => "w today",
    };
    format!(
        "{} · v log visit · {other} · Enter account · Esc closes",
        wortel_core::plural::counted(view.agenda.rows.len(), "item", "items")
    )
}
