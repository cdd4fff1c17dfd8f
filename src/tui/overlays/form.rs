//! A small form of labelled fields (account details, a contact and their consent, an NPS
//! score). The app validates what comes back with the domain's rules; a refused form comes
//! back open with the message, and nothing is written.

use super::{Choice, Outcome, TextInput};
use crate::domain::{AccountId, ContactId};
use crate::tui::action::Action;

/// What a form is for.
#[derive(Clone, Debug, PartialEq)]
pub enum FormFor {
    EditAccount(AccountId),
    /// A new contact (`None`) or an existing one.
    Contact(AccountId, Option<ContactId>),
    Nps(AccountId, Option<ContactId>),
    /// The final value of a deal being won.
    Won(crate::domain::OpportunityId),
    /// The estimated value of the deal a lead converts into.
    Convert(crate::domain::LeadId),
    /// A deal's own fields.
    EditDeal(crate::domain::OpportunityId),
    /// The path of a bundle to import.
    Import,
}

/// A field's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(TextInput),
    /// Toggled with space, set with y / n.
    Check(bool),
}

/// One labelled field.
#[derive(Clone, Debug, PartialEq)]
pub struct FormField {
    pub label: &'static str,
    pub value: Value,
    /// Shown after the value, muted: what to type.
    pub hint: &'static str,
}

impl FormField {
    pub fn text(label: &'static str, value: &str, hint: &'static str) -> Self {
        FormField {
            label,
            value: Value::Text(TextInput::new(value)),
            hint,
        }
    }

    pub fn check(label: &'static str, on: bool, hint: &'static str) -> Self {
        FormField {
            label,
            value: Value::Check(on),
            hint,
        }
    }
}

/// The form's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub purpose: FormFor,
    pub error: Option<String>,
}

impl Form {
    pub fn new(title: &str, purpose: FormFor, fields: Vec<FormField>) -> Self {
        Form {
            title: title.to_string(),
            fields,
            focus: 0,
            purpose,
            error: None,
        }
    }

    /// The text of the field labelled `label` ("" when absent or a check).
    pub fn text(&self, label: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .and_then(|f| match &f.value {
                Value::Text(t) => Some(t.text.trim().to_string()),
                Value::Check(_) => None,
            })
            .unwrap_or_default()
    }

    /// Whether the check labelled `label` is on.
    pub fn checked(&self, label: &str) -> bool {
        self.fields
            .iter()
            .any(|f| f.label == label && f.value == Value::Check(true))
    }

    /// Focuses the field labelled `label` (to point at what a refusal is about).
    pub fn focus_on(&mut self, label: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.label == label) {
            self.focus = i;
        }
    }

    pub fn on_action(&mut self, action: Action) -> Outcome {
        self.error = None;
        let n = self.fields.len().max(1);
        match action {
            Action::Close => Outcome::Close,
            Action::Confirm => Outcome::Chosen(Choice::Form(Box::new(self.clone()))),
            Action::Down | Action::PageDown => {
                self.focus = (self.focus + 1) % n;
                Outcome::Stay
            }
            Action::Up | Action::PageUp => {
                self.focus = (self.focus + n - 1) % n;
                Outcome::Stay
            }
            a => {
                if let Some(FormField {
                    value: Value::Text(t),
                    ..
                }) = self.fields.get_mut(self.focus)
                {
                    t.on_action(a);
                }
                Outcome::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        self.error = None;
        match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
            Some(Value::Text(t)) => t.push(c),
            Some(Value::Check(on)) => match c {
                ' ' | 'x' => *on = !*on,
                'y' | 'j' => *on = true,
                'n' => *on = false,
                _ => {}
            },
            None => {}
        }
        Outcome::Stay
    }
}
