//! Draws the visit form: kind and outcome on the first lines, then the fields the outcome
//! needs, the refusal if Enter was refused, and the keys.

use super::VisitForm;
use super::field_view::{FORM_KEYS, field_spans};
use super::text_input::TextInput;
use super::view::boxed;
use super::visit_form::{Field, KIND_KEYS};
use crate::domain::Outcome;
use crate::tui::format::fit;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub(super) fn draw_visit(frame: &mut Frame, area: Rect, f: &VisitForm, theme: &Theme) {
    let fields = f.fields();
    let mut h = fields.len() as u16 + 8;
    if fields.contains(&Field::Reason) {
        let width = reason_width(area.width.min(78).saturating_sub(2));
        h += reason_rows(&f.reasons, width).len() as u16;
    }
    let inner = boxed(frame, area, 78, h, &f.title, theme);
    let look = Look { f, theme };
    // Kind and outcome share the first field: letters pick the kind, digits the outcome.
    let mut lines = vec![
        look.kind_line(),
        look.outcome_line(0, 4, true),
        look.outcome_line(4, 7, false),
    ];
    for field in fields.iter().skip(1) {
        match field {
            Field::Reason => lines.extend(look.reason_lines(inner.width)),
            Field::Value => lines.push(look.value_line()),
            Field::ValidUntil => lines.push(look.field_line(
                Field::ValidUntil,
                "good until",
                &f.valid_until,
                Span::styled(
                    "   optional: until when the quote holds",
                    theme.style(Role::Muted),
                ),
            )),
            Field::Note => lines.push(look.field_line(Field::Note, "note", &f.note, Span::raw(""))),
            Field::Next => lines.push(look.next_line()),
            Field::Time => lines.push(look.field_line(Field::Time, "time", &f.time, Span::raw(""))),
            Field::Contact => lines.push(look.contact_line(inner.width)),
            Field::Outcome => lines.push(Line::raw("")),
        }
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

/// The form and the theme, for drawing its lines.
struct Look<'a> {
    f: &'a VisitForm,
    theme: &'a Theme,
}

impl Look<'_> {
    /// A field's label, marked when it has the focus.
    fn label(&self, field: Field, text: &str) -> Span<'static> {
        if self.f.focus == field {
            Span::styled(format!("› {text:<10}"), self.theme.style(Role::Key))
        } else {
            Span::styled(format!("  {text:<10}"), self.theme.style(Role::Muted))
        }
    }

    /// A text field: its label, what is typed, and `after` (a hint or what it reads as).
    fn field_line(
        &self,
        field: Field,
        name: &str,
        input: &TextInput,
        after: Span<'static>,
    ) -> Line<'static> {
        let mut spans = vec![self.label(field, name)];
        spans.extend(field_spans(input, self.f.focus == field, self.theme));
        spans.push(after);
        Line::from(spans)
    }

    /// The kinds, each with its letter, the chosen one selected.
    fn kind_line(&self) -> Line<'static> {
        let mut kinds = vec![self.label(Field::Outcome, "kind")];
        for (key, kind) in KIND_KEYS {
            let text = format!("{key} {} ", kind.as_str());
            let role = if self.f.kind == kind {
                Role::Selection
            } else {
                Role::Text
            };
            kinds.push(Span::styled(text, self.theme.style(role)));
            kinds.push(Span::raw(" "));
        }
        Line::from(kinds)
    }

    /// Outcomes `from..to`, each with its digit; the first line carries the label.
    fn outcome_line(&self, from: usize, to: usize, first: bool) -> Line<'static> {
        let mut spans = vec![if first {
            self.label(Field::Outcome, "outcome")
        } else {
            Span::raw(" ".repeat(12))
        }];
        for o in &Outcome::ALL[from..to] {
            let role = if self.f.outcome == Some(*o) {
                Role::Selection
            } else {
                Role::Text
            };
            spans.push(Span::styled(
                format!("{} {}", o.digit(), o.as_str()),
                self.theme.style(role),
            ));
            spans.push(Span::raw("  "));
        }
        Line::from(spans)
    }

    /// The reason chosen or being typed, then every reason, on as many lines as it takes (at
    /// 80 columns the seven reasons used to end at "4 no bud…").
    fn reason_lines(&self, width: u16) -> Vec<Line<'static>> {
        let f = self.f;
        let mut spans = vec![self.label(Field::Reason, "reason")];
        match f.reason {
            Some(r) => spans.push(Span::styled(
                f.reasons[r].clone(),
                self.theme.style(Role::Input),
            )),
            None => spans.extend(field_spans(
                &f.reason_input,
                f.focus == Field::Reason,
                self.theme,
            )),
        }
        let mut lines = vec![Line::from(spans)];
        for row in reason_rows(&f.reasons, reason_width(width)) {
            lines.push(Line::styled(
                format!("{:12}{row}", ""),
                self.theme.style(Role::Muted),
            ));
        }
        lines
    }

    /// The value, with what it is for this outcome.
    fn value_line(&self) -> Line<'static> {
        let hint = match self.f.outcome {
            Some(Outcome::QuoteSent) => "   the quoted value (empty: as it is)",
            Some(Outcome::AppointmentMade) => "   optional: the deal's estimated value",
            _ => "   the final order value",
        };
        let hint = Span::styled(hint, self.theme.style(Role::Muted));
        self.field_line(Field::Value, "value", &self.f.value, hint)
    }

    /// The next step (or the appointment's day), with the date it reads as.
    fn next_line(&self) -> Line<'static> {
        let f = self.f;
        let theme = self.theme;
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
        self.field_line(Field::Next, name, &f.next, reading)
    }

    /// "› with  Ton de Vries   1 Ton de Vries · 2 Anja Bos": who was visited, and the choices.
    fn contact_line(&self, width: u16) -> Line<'static> {
        let f = self.f;
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
        let after = Span::styled(after, self.theme.style(Role::Muted));
        self.field_line(Field::Contact, "with", &f.contact_input, after)
    }
}

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
