//! The date input of PRODUCT.md §4 (`2026-12-01`, `+3d`, `mon`, `tomorrow`): shows what the text
//! means as it is typed, and only accepts a date that parses and is not in the past.

use super::{Choice, DateFor, Outcome, TextInput};
use crate::domain::date_input::parse_date_input;
use crate::tui::action::Action;
use jiff::civil::Date;

/// A date being typed.
pub struct DateInput {
    pub title: String,
    pub input: TextInput,
    pub today: Date,
    pub purpose: DateFor,
    /// Why Enter did nothing, until the text changes.
    pub refusal: Option<String>,
}

impl DateInput {
    pub fn new(title: &str, prefill: &str, today: Date, purpose: DateFor) -> Self {
        DateInput {
            title: title.to_string(),
            input: TextInput::new(prefill),
            today,
            purpose,
            refusal: None,
        }
    }

    /// What the text means now: the date, or why it is not one.
    pub fn reading(&self) -> Result<Date, String> {
        let date = parse_date_input(&self.input.text, self.today).map_err(|e| e.to_string())?;
        if date < self.today {
            return Err(format!("{date} is in the past; pick today or later"));
        }
        Ok(date)
    }

    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            Action::Confirm => match self.reading() {
                Ok(d) => Outcome::Chosen(Choice::Date(self.purpose.clone(), d)),
                Err(e) => {
                    self.refusal = Some(e);
                    Outcome::Stay
                }
            },
            a => {
                if self.input.on_action(a) {
                    self.refusal = None;
                }
                Outcome::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        self.input.push(c);
        self.refusal = None;
        Outcome::Stay
    }
}
