//! The visit form (PRODUCT.md §3, §5): record what happened in seconds. `v` opens it on the
//! selected lead, deal or account; a digit picks the outcome, Enter saves — three keys for the
//! common case. Tab walks to the note, the next-step date (prefilled per outcome), and the
//! fields an outcome needs: a time for an appointment, a reason for a lost order, the final
//! value for a won one (never empty or zero), the quoted value (prefilled from the deal) and an
//! optional valid-until date for a quote. Nothing is written until Enter, and Enter on a bad field says why and
//! writes nothing.

mod reading;

pub use reading::{optional_value, order_value};

use super::{Choice, Outcome as Step, TextInput};
use crate::domain::{ActivityKind, Cents, ContactId, Outcome};
use crate::ops::VisitTarget;
use crate::tui::action::Action;
use jiff::civil::Date;

/// The form's fields, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Outcome,
    Note,
    Next,
    Time,
    Reason,
    /// The final value (order-won) or the quoted value (quote-sent).
    Value,
    /// Until when a quote holds (quote-sent, optional).
    ValidUntil,
    /// Who was visited: one of the account's contacts (shown when it has any).
    Contact,
}

/// The form's state.
pub struct VisitForm {
    pub title: String,
    pub target: VisitTarget,
    pub kind: ActivityKind,
    pub outcome: Option<Outcome>,
    pub note: TextInput,
    pub next: TextInput,
    /// Set once the user typed a date, so picking another outcome no longer replaces it.
    next_edited: bool,
    pub time: TextInput,
    /// The store's lost reasons, and what was typed to find one.
    pub reasons: Vec<String>,
    pub reason_input: TextInput,
    pub reason: Option<usize>,
    pub value: TextInput,
    pub valid_until: TextInput,
    /// The deal's current value, prefilled for order-won and quote-sent.
    pub deal_value: Option<Cents>,
    pub focus: Field,
    /// The account's contacts, who can be picked as the person visited.
    pub contacts: Vec<(ContactId, String)>,
    pub contact_input: TextInput,
    pub contact: Option<usize>,
    pub today: Date,
    /// Opened from the agenda: saving or closing goes back there.
    pub from_agenda: Option<super::AgendaPlace>,
    /// Why Enter did not save.
    pub error: Option<String>,
}

/// The letters that pick the kind in the outcome field.
pub const KIND_KEYS: [(char, ActivityKind); 5] = [
    ('v', ActivityKind::Visit),
    ('c', ActivityKind::Call),
    ('e', ActivityKind::Email),
    ('m', ActivityKind::Meeting),
    ('n', ActivityKind::Note),
];

impl VisitForm {
    pub fn new(
        title: &str,
        target: VisitTarget,
        reasons: Vec<String>,
        deal_value: Option<Cents>,
        today: Date,
    ) -> Self {
        VisitForm {
            title: title.to_string(),
            target,
            kind: ActivityKind::Visit,
            outcome: None,
            note: TextInput::default(),
            next: TextInput::default(),
            next_edited: false,
            time: TextInput::new("10:00"),
            reasons,
            reason_input: TextInput::default(),
            reason: None,
            value: TextInput::new(
                &deal_value
                    .filter(|v| v.0 > 0)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            ),
            valid_until: TextInput::default(),
            deal_value,
            focus: Field::Outcome,
            contacts: Vec::new(),
            contact_input: TextInput::default(),
            contact: None,
            today,
            from_agenda: None,
            error: None,
        }
    }

    /// The account's contacts to pick the person visited from, with `preselected` (the lead's
    /// contact, or the agenda row's) filled in.
    pub fn with_contacts(
        mut self,
        contacts: Vec<(ContactId, String)>,
        preselected: Option<ContactId>,
    ) -> Self {
        self.contact = preselected.and_then(|p| contacts.iter().position(|(id, _)| *id == p));
        if let Some(i) = self.contact {
            self.contact_input = TextInput::new(&contacts[i].1);
        }
        self.contacts = contacts;
        self
    }

    /// The contacts whose name holds what was typed, in list order.
    pub fn contact_matches(&self) -> Vec<usize> {
        let q = self.contact_input.text.trim().to_lowercase();
        (0..self.contacts.len())
            .filter(|i| q.is_empty() || self.contacts[*i].1.to_lowercase().contains(&q))
            .collect()
    }

    /// After the contact text changed: the first contact it fits, none when it is empty.
    fn refit_contact(&mut self) {
        self.contact = if self.contact_input.text.trim().is_empty() {
            None
        } else {
            self.contact_matches().first().copied()
        };
    }

    /// The fields shown for the chosen outcome, in Tab order.
    pub fn fields(&self) -> Vec<Field> {
        let mut f = self.outcome_fields();
        if !self.contacts.is_empty() {
            f.push(Field::Contact);
        }
        f
    }

    fn outcome_fields(&self) -> Vec<Field> {
        let mut f = vec![Field::Outcome, Field::Note, Field::Next];
        match self.outcome {
            // The estimate comes last, so the date and time stay where Tab found them.
            Some(Outcome::AppointmentMade) => f.extend([Field::Time, Field::Value]),
            Some(Outcome::OrderLost) => f.insert(1, Field::Reason),
            Some(Outcome::OrderWon) => f.insert(1, Field::Value),
            Some(Outcome::QuoteSent) => {
                f.insert(1, Field::Value);
                f.insert(2, Field::ValidUntil);
            }
            _ => {}
        }
        f
    }

    fn pick_outcome(&mut self, outcome: Outcome) {
        self.outcome = Some(outcome);
        if !self.next_edited {
            // Off weekends and Dutch public holidays, as the CLI's default.
            let text = outcome
                .default_next_step(self.today)
                .map(|d| d.to_string())
                .unwrap_or_default();
            self.next = TextInput::new(&text);
        }
        if outcome == Outcome::OrderLost && self.reason.is_none() {
            self.focus = Field::Reason;
        }
    }

    /// The reasons that match what was typed, in list order, in either language ("levertijd"
    /// finds "delivery time").
    pub fn reason_matches(&self) -> Vec<usize> {
        crate::domain::matching_reasons(&self.reasons, &self.reason_input.text)
    }

    fn move_focus(&mut self, forward: bool) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = fields.len();
        self.focus = fields[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    fn field_input(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            Field::Note => Some(&mut self.note),
            Field::Next => Some(&mut self.next),
            Field::Time => Some(&mut self.time),
            Field::Value => Some(&mut self.value),
            Field::ValidUntil => Some(&mut self.valid_until),
            Field::Reason => Some(&mut self.reason_input),
            Field::Contact => Some(&mut self.contact_input),
            Field::Outcome => None,
        }
    }

    pub fn on_action(&mut self, action: Action) -> Step {
        self.error = None;
        match action {
            Action::Close => match self.from_agenda {
                Some(place) => Step::Chosen(Choice::Agenda(place)),
                None => Step::Close,
            },
            Action::Confirm => match self.input() {
                Ok(input) => Step::Chosen(match self.from_agenda {
                    Some(place) => Choice::VisitThenAgenda(Box::new(input), place),
                    None => Choice::Visit(Box::new(input)),
                }),
                Err(e) => {
                    self.error = Some(e);
                    if self.outcome == Some(Outcome::OrderWon)
                        && order_value(&self.value.text).is_err()
                    {
                        self.focus = Field::Value;
                    }
                    Step::Stay
                }
            },
            Action::Down | Action::PageDown => {
                self.move_focus(true);
                Step::Stay
            }
            Action::Up | Action::PageUp => {
                self.move_focus(false);
                Step::Stay
            }
            a => {
                if self.focus == Field::Next {
                    self.next_edited = true;
                }
                if let Some(input) = self.field_input() {
                    input.on_action(a);
                }
                if self.focus == Field::Reason {
                    self.reason = self.reason_matches().first().copied();
                }
                if self.focus == Field::Contact {
                    self.refit_contact();
                }
                Step::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Step {
        self.error = None;
        match self.focus {
            Field::Outcome => {
                if let Some(d) = c.to_digit(10) {
                    match Outcome::ALL.get((d as usize).wrapping_sub(1)) {
                        Some(o) => self.pick_outcome(*o),
                        None => self.error = Some(format!("{d} is not an outcome; use 1–7")),
                    }
                } else if let Some((_, kind)) = KIND_KEYS.iter().find(|(k, _)| *k == c) {
                    self.kind = *kind;
                }
            }
            Field::Reason => {
                if let Some(d) = c.to_digit(10).filter(|d| *d >= 1) {
                    if (d as usize) <= self.reasons.len() {
                        self.reason = Some(d as usize - 1);
                        self.reason_input = TextInput::new(&self.reasons[d as usize - 1]);
                    }
                } else {
                    self.reason_input.push(c);
                    self.reason = self.reason_matches().first().copied();
                }
            }
            Field::Contact => match c.to_digit(10).map(|d| d as usize) {
                Some(d) if (1..=self.contacts.len()).contains(&d) => {
                    self.contact = Some(d - 1);
                    self.contact_input = TextInput::new(&self.contacts[d - 1].1);
                }
                _ => {
                    self.contact_input.push(c);
                    self.refit_contact();
                }
            },
            _ => {
                if self.focus == Field::Next {
                    self.next_edited = true;
                }
                if let Some(input) = self.field_input() {
                    input.push(c);
                }
            }
        }
        Step::Stay
    }
}
