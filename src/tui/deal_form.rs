//! `e` on a funnel card: the deal's own fields in a form (title, product, quantity, value,
//! expected close, next step, note), saved through `ops::edit_deal` as one logged, undoable
//! change that the feedback bundle reports. The domain checks every field and says which one
//! is wrong; the form reopens with the cursor there. Emptying the value or a date clears it.

use super::app::{App, Pane};
use super::effects::EditDeal;
use super::overlays::{Form, FormField, FormFor, Overlay};
use crate::domain::date_input::parse_date_input;
use crate::domain::{Cents, DealEdit, Opportunity, OpportunityId};

/// The form's fields: (label, what the domain calls the field).
const DEAL_FIELDS: [(&str, &str); 7] = [
    ("title", "deal title"),
    ("product", "product"),
    ("quantity", "quantity"),
    ("value", "value"),
    ("expected close", "expected close"),
    ("next step", "next step"),
    ("note", "note"),
];

/// `d` in the account view: the form for the selected deal.
pub fn edit_selected_in_account(app: &mut App) {
    use super::panes::account::Item;
    let Some(view) = app
        .panes
        .accounts
        .opened()
        .filter(|_| app.pane == Pane::Accounts)
    else {
        return app.info("open an account first (Enter on a lead or in the account list)");
    };
    let deal = match view.items.selected_id() {
        Some(Item::Deal(id)) => view.deals.iter().find(|d| d.id == id).cloned(),
        _ => None,
    };
    match deal {
        Some(deal) => open(app, &deal),
        None => app.info("no deal selected: move to a deal in the account's list (j/k)"),
    }
}

/// Opens the form for `deal`, prefilled with what it holds now.
pub fn open(app: &mut App, deal: &Opportunity) {
    if !deal.stage.is_open() {
        return app.error(&format!(
            "\"{}\" is {}, so it can no longer be edited; start a new deal for new business",
            deal.title, deal.stage
        ));
    }
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let value = if deal.value.0 > 0 {
        deal.value.to_string()
    } else {
        String::new()
    };
    app.overlay = Some(Overlay::Form(Form::new(
        &format!("Deal: {}", deal.title),
        FormFor::EditDeal(deal.id),
        vec![
            FormField::text("title", &deal.title, ""),
            FormField::text("product", &deal.details.product, "what is sold"),
            FormField::text("quantity", &deal.details.quantity.to_string(), "how many"),
            FormField::text("value", &value, "e.g. 95.000; empty: no value yet"),
            FormField::text(
                "expected close",
                &date(deal.expected_close),
                "2026-12-01, +1m; empty: none",
            ),
            FormField::text(
                "next step",
                &date(deal.details.next_step),
                "+3d, fri; empty: none",
            ),
            FormField::text("note", &deal.details.note, ""),
        ],
    )));
}

/// Reads the form into an edit, or the first field that is not what it should be.
fn edit_of(form: &Form, today: jiff::civil::Date) -> Result<DealEdit, (String, &'static str)> {
    let quantity = form.text("quantity");
    let quantity = quantity.parse::<u32>().map_err(|_| {
        (
            format!("quantity `{quantity}` is not a whole number; type how many (e.g. 2)"),
            "quantity",
        )
    })?;
    // An emptied field clears it: no value yet, no close date, no next step.
    let value = match form.text("value") {
        v if v.trim().is_empty() => None,
        v => Some(Cents::parse(&v).map_err(|e| (e.to_string(), "value"))?),
    };
    let date = |label: &'static str| match form.text(label) {
        t if t.trim().is_empty() => Ok(None),
        t => parse_date_input(&t, today)
            .map(Some)
            .map_err(|e| (format!("{label}: {e}"), label)),
    };
    Ok(DealEdit {
        title: Some(form.text("title")),
        product: Some(form.text("product")),
        quantity: Some(quantity),
        value: Some(value),
        expected_close: Some(date("expected close")?),
        next_step: Some(date("next step")?),
        note: Some(form.text("note")),
    })
}

/// Saves the form; a refusal reopens it with the sentence, the cursor on the field.
pub fn save(app: &mut App, mut form: Form, id: OpportunityId) {
    let today = app.now().to_zoned(app.tz.clone()).date();
    let written = edit_of(&form, today).and_then(|edit| {
        app.write(EditDeal(id, edit)).map_err(|e| {
            let named = match &e {
                crate::store::StoreError::Domain(d) => d.field(),
                _ => None,
            };
            let label = DEAL_FIELDS
                .iter()
                .find(|(_, domain)| Some(*domain) == named)
                .map_or("title", |(label, _)| *label);
            (e.to_string(), label)
        })
    });
    match written {
        Ok(done) => {
            let message = format!(
                "saved deal \"{}\": {}",
                done.deal.title,
                done.changes.join(", ")
            );
            app.committed(&message, done.receipt, None);
            app.panes.funnel.select(id);
        }
        Err((message, label)) => {
            form.error = Some(message);
            form.focus_on(label);
            app.overlay = Some(Overlay::Form(form));
        }
    }
}
