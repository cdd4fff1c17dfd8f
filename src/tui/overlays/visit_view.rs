//! Draws the visit form: kind and outcome on the first lines, then the fields the outcome
//! needs, the refusal if Enter was refused, and the keys.

use super::VisitForm;
use super::field_view::{FORM_KEYS, field_spans};
use super::text_input::TextInput;
use super::view::boxed;
use crate::tui::format::fit;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub(super) fn draw_visit(frame: &mut Frame, area: Rect, f: &VisitForm, theme: &Theme) {
    use super::visit_form::{Field, KIND_KEYS};
    use crate::domain::Outcome;
    let fields = f.fields();
    let mut h = fields.len() as u16 + 8;
    if fields.contains(&Field::Reason) {
        let width = reason_width(area.width.min(78).saturating_sub(2));
        h += reason_rows(&f.reasons, width).len() as u16;
    }
    let inner = boxed(frame, area, 78, h, &f.title, theme);
    let label = move |field: Field, text: &str| -> Span<'static> {
        if f.focus == field {
            Span::styled(format!("› {text:<10}"), theme.style(Role::Key))
        } else {
            Span::styled(format!("  {text:<10}"), theme.style(Role::Muted))
        }
    };
    let field_line = |field: Field, name: &str, input: &TextInput, after: Span<'static>| {
        let mut spans = vec![label(field, name)];
        spans.extend(field_spans(input, f.focus == field, theme));
        spans.push(after);
        Line::from(spans)
    };
    let mut lines = Vec::new();
    // Kind and outcome share the first field: letters pick the kind, digits the outcome.
    let mut kinds = vec![label(Field::Outcome, "kind")];
    for (key, kind) in KIND_KEYS {
        let text = format!("{key} {} ", kind.as_str());
        let role = if f.kind == kind {
            Role::Selection
        } else {
            Role::Text
        };
        kinds.push(Span::styled(text, theme.style(role)));
        kinds.push(Span::raw(" "));
    }
    lines.push(Line::from(kinds));
    let outcome_line = |from: usize, to: usize, first: bool| {
        let mut spans = vec![if first {
            label(Field::Outcome, "outcome")
        } else {
            Span::raw(" ".repeat(12))
        }];
        for o in &Outcome::ALL[from..to] {
            let role = if f.outcome == Some(*o) {
                Role::Selection
            } else {
                Role::Text
            };
            spans.push(Span::styled(
                format!("{} {}", o.digit(), o.as_str()),
                theme.style(role),
            ));
            spans.push(Span::raw("  "));
        }
        Line::from(spans)
    };
    lines.push(outcome_line(0, 4, true));
    lines.push(outcome_line(4, 7, false));
    for field in fields.iter().skip(1) {
        let line = match field {
            Field::Reason => {
                let mut spans = vec![label(Field::Reason, "reason")];
                match f.reason {
                    Some(r) => {
                        spans.push(Span::styled(f.reasons[r].clone(), theme.style(Role::Input)))
                    }
                    None => spans.extend(field_spans(
                        &f.reason_input,
                        f.focus == Field::Reason,
                        theme,
                    )),
                }
                // Every reason is listed, on as many lines as it takes (at 80 columns the
                // seven reasons used to end at "4 no bud…").
                lines.push(Line::from(spans));
                for row in reason_rows(&f.reasons, reason_width(inner.width)) {
                    lines.push(Line::styled(
                        format!("{:12}{row}", ""),
                        theme.style(Role::Muted),
                    ));
                }
                continue;
            }
            Field::Value => field_line(
                Field::Value,
                "value",
                &f.value,
                Span::styled(
                    match f.outcome {
                        Some(Outcome::QuoteSent) => "   the quoted value (empty: as it is)",
                        Some(Outcome::AppointmentMade) => "   optional: the deal's estimated value",
                        _ => "   the final order value",
                    },
                    theme.style(Role::Muted),
                ),
            ),
            Field::ValidUntil => field_line(
                Field::ValidUntil,
                "good until",
                &f.valid_until,
                Span::styled(
                    "   optional: until when the quote holds",
                    theme.style(Role::Muted),
                ),
            ),
            Field::Note => field_line(Field::Note, "note", &f.note, Span::raw("")),
            Field::Next => {
                let name = if f.outcome == Some(Outcome::AppointmentMade) {
                    "on"
                } else {
                    "next step"
                };
                let reading = match f.next_date() {
                    Ok(Some(d)) => Span::styled(
                        format!("  → {}", d.strftime("%A %-d %B %Y")),
                        theme.style(Role::Ok),
                    ),
                    Ok(None) => Span::styled(
                        "  none planned (+3d, fri, 2026-12-01 …)",
                        theme.style(Role::Muted),
                    ),
                    Err(_) => Span::styled("  not a date yet", theme.style(Role::Muted)),
                };
                field_line(Field::Next, name, &f.next, reading)
            }
            Field::Time => field_line(Field::Time, "time", &f.time, Span::raw("")),
            Field::Contact => contact_line(f, &field_line, inner.width, theme),
            Field::Outcome => Line::raw(""),
        };
        lines.push(line);
    }
    lines.push(Line::raw(""));
    if let Some(e) = &f.error {
        lines.push(Line::styled(e.clone(), theme.style(Role::Error)));
    } else {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(FORM_KEYS, theme.style(Role::Muted)));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Room for the reasons list, under the field's values.
fn reason_width(inner: u16) -> usize {
    (inner as usize).saturating_sub(12).max(16)
}

/// The lost reasons by digit, "1 price · 2 delivery time · …", packed into rows of `width`;
/// a reason is never split or cut.
fn reason_rows(reasons: &[String], width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for (i, reason) in reasons.iter().enumerate() {
        let item = format!("{} {reason}", i + 1);
        let need = row.chars().count() + 3 + item.chars().count();
        if !row.is_empty() && need > width {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push_str(" · ");
        }
        row.push_str(&item);
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// "› with  Ton de Vries   1 Ton de Vries · 2 Anja Bos": who was visited, and the choices.
fn contact_line<'a>(
    f: &VisitForm,
    field_line: &dyn Fn(super::visit_form::Field, &str, &TextInput, Span<'static>) -> Line<'a>,
    width: u16,
    theme: &Theme,
) -> Line<'a> {
    use super::visit_form::Field;
    let list: Vec<String> = f
        .contacts
        .iter()
        .enumerate()
        .map(|(i, (_, name))| format!("{} {}", i + 1, crate::domain::text::displayable(name)))
        .collect();
    let chosen = match (f.contact, f.contact_input.text.trim().is_empty()) {
        (Some(_), _) | (None, true) => String::new(),
        (None, false) => "  no such contact".into(),
    };
    let used = 12 + f.contact_input.text.chars().count() + chosen.chars().count();
    let room = (width as usize).saturating_sub(used + 3);
    let after = format!("{chosen}   {}", fit(&list.join(" · "), room));
    field_line(
        Field::Contact,
        "with",
        &f.contact_input,
        Span::styled(after, theme.style(Role::Muted)),
    )
}
