//! Reading the visit form: what its texts mean (the next-step date, a quote's validity, the
//! values) and the visit they make; each refusal is one sentence naming the field.

use super::VisitForm;
use crate::domain::{Cents, Outcome, parse_date_input};
use crate::ops::VisitInput;
use jiff::civil::{Date, Time};

impl VisitForm {
    /// What the next-step text means now.
    pub fn next_date(&self) -> Result<Option<Date>, String> {
        let text = self.next.text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let date = parse_date_input(text, self.today).map_err(|e| e.to_string())?;
        if date < self.today {
            return Err(format!(
                "the next step {date} is in the past; pick today or later"
            ));
        }
        Ok(Some(date))
    }

    /// Until when the quote holds: optional, today or later.
    fn quote_valid_until(&self) -> Result<Option<Date>, String> {
        let text = self.valid_until.text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let date = parse_date_input(text, self.today).map_err(|e| e.to_string())?;
        if date < self.today {
            return Err(format!(
                "the quote cannot have run out on {date} already; give today or later, or leave it empty"
            ));
        }
        Ok(Some(date))
    }

    /// The visit as `ops::log_visit` takes it, or the first problem in one sentence.
    pub fn input(&self) -> Result<VisitInput, String> {
        let mut input = VisitInput::new(self.target, self.outcome);
        input.kind = self.kind;
        input.note = self.note.text.trim().to_string();
        input.next_step = self.next_date()?;
        if !self.contact_input.text.trim().is_empty() {
            let Some(i) = self.contact else {
                return Err(format!(
                    "no contact of this account is called `{}`; type part of a name, press its digit, or clear the field",
                    self.contact_input.text.trim()
                ));
            };
            input.contact = Some(self.contacts[i].0);
        }
        match self.outcome {
            Some(Outcome::AppointmentMade) => {
                if input.next_step.is_none() {
                    return Err("an appointment needs a date: fill in the next step".into());
                }
                let t = self.time.text.trim();
                input.appointment_time = Some(
                    Time::strptime("%H:%M", t)
                        .map_err(|_| format!("`{t}` is not a time; write it as 14:30"))?,
                );
                // Only a changed value is an estimate; the prefill is what the deal holds.
                input.deal_value = optional_value(&self.value.text, "an estimate")?
                    .filter(|v| Some(*v) != self.deal_value);
            }
            Some(Outcome::OrderLost) => {
                let Some(r) = self.reason else {
                    return Err(
                        "order-lost needs a reason: type part of one or press its digit".into(),
                    );
                };
                input.lost_reason = Some(self.reasons[r].clone());
            }
            Some(Outcome::OrderWon) => input.won_value = Some(order_value(&self.value.text)?),
            Some(Outcome::QuoteSent) => {
                input.deal_value = optional_value(&self.value.text, "a quote")?;
                input.quote_valid_until = self.quote_valid_until()?;
            }
            _ => {}
        }
        Ok(input)
    }
}

/// The value an order is won at, as typed (the visit form prefills it from the deal, the
/// board's won form too): never empty or zero — head office pays its incentive on it.
pub fn order_value(text: &str) -> Result<Cents, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(
            "order-won needs the order's value: type it in the value field (e.g. 95.000)".into(),
        );
    }
    let value = Cents::parse(text).map_err(|e| e.to_string())?;
    if value.0 <= 0 {
        return Err(format!(
            "{value} is no order value: an order won is worth more than € 0,00; \
             type its value (e.g. 95.000)"
        ));
    }
    Ok(value)
}

/// An optional value as typed (the quoted value, an estimate): empty leaves the deal's value as
/// it is; zero says nothing and is refused. `what` names it in the sentence ("a quote").
pub fn optional_value(text: &str, what: &str) -> Result<Option<Cents>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value = Cents::parse(text).map_err(|e| e.to_string())?;
    if value.0 <= 0 {
        return Err(format!(
            "{what} of {value} says nothing; type the value (e.g. 95.000) or leave it empty"
        ));
    }
    Ok(Some(value))
}
