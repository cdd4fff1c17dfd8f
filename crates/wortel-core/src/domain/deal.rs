//! What a deal is about beyond its stage: product, quantity, next step, a note and the quote
//! sent, and the one way to edit them. Head office reads these figures, so every edit is
//! checked here before any front end may store it.

use super::error::{DomainError, invalid};
use super::lead::Lead;
use super::money::Cents;
use super::opportunity::Opportunity;
use super::text::{MAX_FIELD_LEN, MAX_NOTE_LEN, max_len, required};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The deal's own fields, stored flat beside the opportunity's (older stores lack them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DealDetails {
    /// What is sold, e.g. "R 450 tractor unit".
    pub product: String,
    /// How many of the product.
    pub quantity: u32,
    /// When the salesperson acts on the deal next; belongs to this deal only.
    pub next_step: Option<Date>,
    pub note: String,
    /// The value of the quote last sent, and how long it holds.
    pub quote_value: Option<Cents>,
    pub quote_valid_until: Option<Date>,
}

impl Default for DealDetails {
    fn default() -> Self {
        DealDetails {
            product: String::new(),
            quantity: 1,
            next_step: None,
            note: String::new(),
            quote_value: None,
            quote_valid_until: None,
        }
    }
}

/// The fields an edit sets; `None` leaves a field as it is. The value and the two dates can
/// also be cleared, with `Some(None)`: the deal then has no value yet ("no value" on its card,
/// counted apart by the forecast), no expected close date, or no next step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealEdit {
    pub title: Option<String>,
    pub product: Option<String>,
    pub quantity: Option<u32>,
    pub value: Option<Option<Cents>>,
    pub expected_close: Option<Option<Date>>,
    pub next_step: Option<Option<Date>>,
    pub note: Option<String>,
}

impl DealEdit {
    pub fn is_empty(&self) -> bool {
        *self == DealEdit::default()
    }
}

/// Applies an edit to an open deal, or says which field is wrong; the deal is unchanged then.
/// Returns one line per field changed ("value no value → € 95.000,00").
pub fn edit_deal(
    deal: &mut Opportunity,
    edit: &DealEdit,
    now: Timestamp,
) -> Result<Vec<String>, DomainError> {
    if !deal.stage.is_open() {
        return Err(invalid(format!(
            "deal \"{}\" is {}, so it can no longer be edited; start a new deal for new business",
            deal.title, deal.stage
        )));
    }
    if edit.is_empty() {
        return Err(invalid(
            "nothing to change; give at least one field (e.g. --value 95.000)",
        ));
    }
    let mut next = deal.clone();
    let changes = apply_fields(&mut next, edit)?;
    next.validate()?;
    if changes.is_empty() {
        return Err(invalid(format!(
            "deal \"{}\" already has these values; nothing was changed",
            deal.title
        )));
    }
    next.updated_at = now;
    *deal = next;
    Ok(changes)
}

/// Sets the fields the edit gives on `next`, checking each; one line per value that changed.
fn apply_fields(next: &mut Opportunity, edit: &DealEdit) -> Result<Vec<String>, DomainError> {
    let mut changes = Vec::new();
    let mut note = |field: &str, from: String, to: String| {
        if from != to {
            changes.push(format!("{field} {from} → {to}"));
        }
    };
    if let Some(t) = &edit.title {
        required("deal title", t)?;
        note("title", next.title.clone(), t.trim().to_string());
        next.title = t.trim().to_string();
    }
    if let Some(p) = &edit.product {
        max_len("product", p, MAX_FIELD_LEN)?;
        note(
            "product",
            next.details.product.clone(),
            p.trim().to_string(),
        );
        next.details.product = p.trim().to_string();
    }
    if let Some(q) = edit.quantity {
        if q == 0 {
            return Err(invalid(
                "quantity 0 is not a deal; give how many (at least 1)",
            ));
        }
        note("quantity", next.details.quantity.to_string(), q.to_string());
        next.details.quantity = q;
    }
    if let Some(v) = edit.value {
        let v = v.unwrap_or(Cents(0));
        note("value", shown_value(next.value), shown_value(v));
        next.value = v;
    }
    if let Some(d) = edit.expected_close {
        note("expected close", shown(next.expected_close), shown(d));
        next.expected_close = d;
    }
    if let Some(d) = edit.next_step {
        note("next step", shown(next.details.next_step), shown(d));
        next.details.next_step = d;
    }
    if let Some(n) = &edit.note {
        max_len("note", n, MAX_NOTE_LEN)?;
        note("note", next.details.note.clone(), n.trim().to_string());
        next.details.note = n.trim().to_string();
    }
    Ok(changes)
}

/// Records the quote sent for a deal: its value (which becomes the deal's value) and until
/// when it holds. A quote of € 0,00 is refused: it would make the forecast claim nothing.
pub fn record_quote(
    deal: &mut Opportunity,
    value: Cents,
    valid_until: Option<Date>,
    today: Date,
    now: Timestamp,
) -> Result<(), DomainError> {
    if value.0 <= 0 {
        return Err(invalid(format!(
            "a quote of {value} is not a quote; give the quoted value (e.g. 95.000)"
        )));
    }
    if let Some(d) = valid_until {
        if d < today {
            return Err(invalid(format!(
                "the quote's valid-until date {d} has passed; give today or later"
            )));
        }
    }
    deal.value = value;
    deal.details.quote_value = Some(value);
    deal.details.quote_valid_until = valid_until;
    deal.updated_at = now;
    Ok(())
}

/// The account's next step: the earliest over its open deals and its open leads without a
/// deal (a converted lead's next step is its deal's). What the account header shows.
pub fn account_next_step(deals: &[Opportunity], leads: &[Lead]) -> Option<Date> {
    let of_deals = deals
        .iter()
        .filter(|d| d.stage.is_open())
        .filter_map(|d| d.details.next_step);
    let of_leads = leads
        .iter()
        .filter(|l| l.status.is_open() && l.opportunity_id.is_none())
        .filter_map(|l| l.next_step);
    of_deals.chain(of_leads).min()
}

fn shown(d: Option<Date>) -> String {
    d.map_or_else(|| "none".into(), |d| d.to_string())
}

/// A value as an edit's line says it: "no value" for none, rather than € 0,00.
fn shown_value(v: Cents) -> String {
    if v.0 == 0 {
        "no value".into()
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{AccountId, LeadId, OpportunityId};
    use crate::domain::lead::{Channel, LeadStatus};
    use crate::domain::opportunity::Stage;
    use jiff::civil::date;

    fn now() -> Timestamp {
        "2026-11-23T09:00:00Z".parse().unwrap()
    }

    fn deal(stage: Stage, next: Option<Date>) -> Opportunity {
        let mut o = Opportunity::new(
            OpportunityId::generate(now()),
            AccountId::generate(now()),
            "R 450",
            Cents(0),
            stage,
            now(),
        );
        o.details.next_step = next;
        o
    }

    #[test]
    fn an_edit_changes_only_the_fields_given_and_says_which() {
        let mut d = deal(Stage::Qualify, None);
        let edit = DealEdit {
            value: Some(Some(Cents::euros(95_000))),
            quantity: Some(3),
            ..DealEdit::default()
        };
        let changes = edit_deal(&mut d, &edit, now()).unwrap();
        assert_eq!(
            changes,
            ["quantity 1 → 3", "value no value → € 95.000,00"],
            "in field order"
        );
        assert_eq!(d.title, "R 450");
    }

    #[test]
    fn an_edit_clears_the_value_and_the_dates_and_says_so() {
        let mut d = deal(Stage::Quote, Some(date(2026, 12, 1)));
        d.value = Cents::euros(40_000);
        d.expected_close = Some(date(2026, 12, 20));
        let clear = DealEdit {
            value: Some(None),
            expected_close: Some(None),
            next_step: Some(None),
            ..DealEdit::default()
        };
        let changes = edit_deal(&mut d, &clear, now()).unwrap();
        assert_eq!(
            changes,
            [
                "value € 40.000,00 → no value",
                "expected close 2026-12-20 → none",
                "next step 2026-12-01 → none"
            ]
        );
        assert_eq!(
            (d.value, d.expected_close, d.details.next_step),
            (Cents(0), None, None)
        );
        assert!(
            edit_deal(&mut d, &clear, now()).is_err(),
            "clearing what is already empty changes nothing, and says so"
        );
    }

    #[test]
    fn a_bad_edit_leaves_the_deal_as_it_was() {
        let mut d = deal(Stage::Qualify, None);
        let before = d.clone();
        let bad = DealEdit {
            value: Some(Some(Cents::euros(5))),
            quantity: Some(0),
            ..DealEdit::default()
        };
        assert!(edit_deal(&mut d, &bad, now()).is_err());
        assert_eq!(d, before);
        let mut won = deal(Stage::Won, None);
        let edit = DealEdit {
            title: Some("x".into()),
            ..DealEdit::default()
        };
        assert!(edit_deal(&mut won, &edit, now()).is_err());
    }

    #[test]
    fn a_quote_of_nothing_or_already_expired_is_refused() {
        let mut d = deal(Stage::Quote, None);
        let today = date(2026, 11, 23);
        assert!(record_quote(&mut d, Cents(0), None, today, now()).is_err());
        assert!(record_quote(&mut d, Cents(100), Some(date(2026, 11, 22)), today, now()).is_err());
        record_quote(&mut d, Cents(100), Some(today), today, now()).unwrap();
        assert_eq!(
            (d.value, d.details.quote_value),
            (Cents(100), Some(Cents(100)))
        );
    }

    #[test]
    fn the_account_next_step_is_the_earliest_over_open_deals_and_leads_without_one() {
        let open = deal(Stage::Quote, Some(date(2026, 12, 10)));
        let won = deal(Stage::Won, Some(date(2026, 11, 25)));
        let mut lead = Lead::new(
            LeadId::generate(now()),
            open.account_id,
            Channel::Web,
            50,
            now(),
        );
        lead.next_step = Some(date(2026, 12, 1));
        let mut converted = lead.clone();
        converted.status = LeadStatus::Converted;
        converted.opportunity_id = Some(open.id);
        converted.next_step = Some(date(2026, 11, 24));
        let deals = [open.clone(), won];
        assert_eq!(
            account_next_step(&deals, &[lead, converted.clone()]),
            Some(date(2026, 12, 1))
        );
        assert_eq!(
            account_next_step(&deals, &[converted]),
            Some(date(2026, 12, 10)),
            "a closed deal and a converted lead do not count"
        );
        assert_eq!(account_next_step(&[], &[]), None);
    }
}
