//! The agenda (`D`): the rows of `ops::agenda` for today or this week, under their headings.
//! `Enter` opens the row's account, `v` logs a visit for what the row is about (its deal, lead
//! or account), `y` copies its phone number, `w` switches between the day and the week, `c`
//! creates leads for the replacements due that no lead covers yet. The rows are read once when
//! it opens; it never touches the store.

use super::{AgendaPlace, Choice, Outcome, move_selection};
use crate::ops::{Agenda, AgendaRow, Span};
use crate::tui::action::Action;

/// The agenda's state.
pub struct AgendaView {
    pub agenda: Agenda,
    pub selected: usize,
}

impl AgendaView {
    /// The agenda with row `selected` chosen (the last one when the list got shorter).
    pub fn new(agenda: Agenda, selected: usize) -> AgendaView {
        let selected = selected.min(agenda.rows.len().saturating_sub(1));
        AgendaView { agenda, selected }
    }

    /// Where it is, to come back to after a visit.
    pub fn place(&self) -> AgendaPlace {
        AgendaPlace {
            span: self.agenda.span,
            selected: self.selected,
        }
    }

    /// The selected row.
    pub fn row(&self) -> Option<&AgendaRow> {
        self.agenda.rows.get(self.selected)
    }

    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            Action::Confirm => match self.row() {
                Some(r) => Outcome::Chosen(Choice::OpenAccount(r.account)),
                None => Outcome::Close,
            },
            a => {
                self.selected = move_selection(self.selected, self.agenda.rows.len(), a, 10);
                Outcome::Stay
            }
        }
    }

    /// Nothing is typed in the agenda, so letters act: `j`/`k` move, `v` logs a visit from the
    /// row, `y` copies its phone number, `w` switches between the day and the week.
    pub fn on_char(&mut self, c: char) -> Outcome {
        match c {
            'j' => self.on_action(Action::Down),
            'k' => self.on_action(Action::Up),
            'v' => match self.row() {
                Some(r) => {
                    Outcome::Chosen(Choice::VisitFromAgenda(Box::new(r.clone()), self.place()))
                }
                None => Outcome::Refused("nothing on the agenda to log a visit for".into()),
            },
            'y' => match self.row().filter(|r| !r.phone.trim().is_empty()) {
                Some(r) => Outcome::Chosen(Choice::Picked(super::Chosen::Copy(
                    r.phone.clone(),
                    copy_label(r),
                ))),
                None => Outcome::Refused("no phone number on this row to copy".into()),
            },
            'c' if self.agenda.replacements_due > 0 => {
                Outcome::Chosen(Choice::CreateReplacementLeads(
                    self.place(),
                    self.agenda.replacements_due,
                    self.agenda.replacements_by,
                ))
            }
            'c' => Outcome::Refused(
                "no replacements due in the next three months without a lead; nothing to create"
                    .into(),
            ),
            'w' => Outcome::Chosen(Choice::Agenda(AgendaPlace {
                span: match self.agenda.span {
                    Span::Day => Span::Week,
                    Span::Week => Span::Day,
                },
                selected: 0,
            })),
            _ => Outcome::Stay,
        }
    }
}

/// "phone of Ton de Vries (Transport Jansen B.V.)".
fn copy_label(r: &AgendaRow) -> String {
    match r.contact.trim() {
        "" => format!("phone of {}", r.account_name),
        c => format!("phone of {c} ({})", r.account_name),
    }
}
