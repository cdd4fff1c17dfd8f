//! Edits in the account view: `e` the account's details, `n` a note, `N` an NPS answer, `c`
//! a contact and their consent, `f` a follow-up lead from the installed base. Forms come back
//! here; the domain validates, a refusal reopens the form with the message, and a save goes
//! through `ops` (durable, undoable) before the status line confirms it.

use super::app::{App, Pane};
use super::effects::{FollowUp, RecordNps, SaveAccount, SaveContact};
use super::overlays::{Form, FormField, FormFor, Overlay, Pick, Picker, VisitForm};
use crate::domain::{AccountId, ActivityKind, Contact, ContactId};
use crate::ops::{ConsentChoice, apply_consent};
use crate::store::Receipt;

/// The opened account, or a message saying to open one.
fn opened(app: &mut App) -> Option<super::panes::account::AccountView> {
    match (&app.pane, app.panes.accounts.opened()) {
        (Pane::Accounts, Some(v)) => Some(v.clone()),
        _ => {
            app.info("open an account first (Enter on a lead or in the account list)");
            None
        }
    }
}

/// `e`: the account's details in a form.
pub fn edit_account(app: &mut App) {
    let Some(view) = opened(app) else { return };
    let a = &view.account;
    app.overlay = Some(Overlay::Form(Form::new(
        &format!("Edit {}", a.name),
        FormFor::EditAccount(a.id),
        vec![
            FormField::text("name", &a.name, ""),
            FormField::text("KvK", a.kvk.as_deref().unwrap_or(""), "8 digits, or empty"),
            FormField::text("street", &a.address.street, ""),
            FormField::text("postcode", &a.address.postcode, "e.g. 3542 AD"),
            FormField::text("city", &a.address.city, ""),
            FormField::text("phone", &a.phone, ""),
            FormField::text("e-mail", &a.email, ""),
            FormField::text("segment", &a.segment, ""),
            FormField::text("owner", &a.owner, "the salesperson who owns the account"),
        ],
    )));
}

/// `n`: a note on the account (or on the selected lead or deal).
pub fn add_note(app: &mut App) {
    let Some(view) = opened(app) else { return };
    let today = app.now().to_zoned(app.tz.clone()).date();
    let mut form = VisitForm::new(
        &format!("Note: {} — {}", view.account.name, view.target_label()),
        view.visit_target(),
        Vec::new(),
        None,
        today,
    );
    form.kind = ActivityKind::Note;
    form.focus = super::overlays::visit_form::Field::Note;
    app.overlay = Some(Overlay::Visit(Box::new(form)));
}

/// `N`: which contact answered (when there are any), then the score.
pub fn ask_nps(app: &mut App) {
    let Some(view) = opened(app) else { return };
    if view.contacts.is_empty() {
        return open_nps_form(app, view.account.id, None, &view.account.name);
    }
    let mut options: Vec<Option<ContactId>> = view.contacts.iter().map(|c| Some(c.id)).collect();
    options.push(None);
    let mut labels: Vec<String> = view.contacts.iter().map(|c| c.name.clone()).collect();
    labels.push("no particular contact".into());
    app.overlay = Some(Overlay::Picker(Picker::new(
        "NPS: who answered?",
        labels,
        Pick::NpsContact(view.account.id, options),
        0,
    )));
}

pub fn open_nps_form(
    app: &mut App,
    account: crate::domain::AccountId,
    contact: Option<ContactId>,
    who: &str,
) {
    app.overlay = Some(Overlay::Form(Form::new(
        &format!("NPS answer from {who}"),
        FormFor::Nps(account, contact),
        vec![
            FormField::text("score", "", "0–10: how likely to recommend us"),
            FormField::text("comment", "", "optional, in their words"),
        ],
    )));
}

/// `c`: pick a contact to change, or a new one.
pub fn pick_contact(app: &mut App) {
    let Some(view) = opened(app) else { return };
    let mut options: Vec<Option<ContactId>> = vec![None];
    options.extend(view.contacts.iter().map(|c| Some(c.id)));
    let mut labels = vec!["new contact".to_string()];
    labels.extend(
        view.contacts
            .iter()
            .map(|c| format!("{} ({})", c.name, c.role)),
    );
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Contacts",
        labels,
        Pick::Contact(view.account.id, options),
        0,
    )));
}

/// The contact form, prefilled for an existing contact.
pub fn open_contact_form(app: &mut App, account: crate::domain::AccountId, id: Option<ContactId>) {
    let today = app.now().to_zoned(app.tz.clone()).date();
    let existing = id.and_then(|id| app.store.contact(id).ok().flatten());
    let c = existing.as_ref();
    let title = c.map_or("New contact".to_string(), |c| format!("Contact {}", c.name));
    let has = |p| c.is_some_and(|c| c.has_consent(p, today));
    app.overlay = Some(Overlay::Form(Form::new(
        &title,
        FormFor::Contact(account, id),
        vec![
            FormField::text("name", c.map_or("", |c| &c.name), ""),
            FormField::text(
                "role",
                c.map_or("", |c| &c.role),
                "e.g. purchaser, fleet manager",
            ),
            FormField::text("phone", c.map_or("", |c| &c.phone), ""),
            FormField::text("e-mail", c.map_or("", |c| &c.email), ""),
            FormField::check(
                "sales contact",
                has(crate::domain::ConsentPurpose::SalesContact),
                "space toggles: may we approach them about sales?",
            ),
            FormField::check(
                "marketing",
                has(crate::domain::ConsentPurpose::Marketing),
                "space toggles: may we send them marketing?",
            ),
        ],
    )));
}

/// `f`: pick a product of the installed base to turn into a follow-up lead.
pub fn pick_product(app: &mut App) {
    let Some(view) = opened(app) else { return };
    if view.account.installed_base.is_empty() {
        return app.info("no installed base recorded for this account");
    }
    let labels = view
        .account
        .installed_base
        .iter()
        .map(|p| match p.replace_by {
            Some(d) => format!("{} (replace by {d})", p.product),
            None => p.product.clone(),
        })
        .collect();
    app.overlay = Some(Overlay::Picker(Picker::new(
        "Follow-up lead for which product?",
        labels,
        Pick::Product(view.account.id),
        0,
    )));
}

/// Creates the follow-up lead for product `index`.
pub fn create_follow_up(app: &mut App, account: crate::domain::AccountId, index: usize) {
    match app.write(FollowUp(account, index)) {
        Ok((lead, receipt)) => done(app, &format!("new lead: {}", lead.interest), receipt),
        Err(e) => app.error(&e.to_string()),
    }
}

/// Validates and saves a form; a refusal reopens it with the message.
pub fn save(app: &mut App, mut form: Form) {
    if let FormFor::Won(id) = form.purpose {
        return super::funnel::save_won(app, form, id);
    }
    if let FormFor::EditDeal(id) = form.purpose {
        return super::deal_form::save(app, form, id);
    }
    if let FormFor::Convert(id) = form.purpose {
        return super::convert::save_convert(app, form, id);
    }
    if form.purpose == FormFor::Import {
        return super::import::run(app, form);
    }
    let result = match form.purpose.clone() {
        FormFor::EditAccount(id) => save_account(app, &form, id),
        FormFor::Contact(account, id) => save_contact_form(app, &form, account, id),
        FormFor::Nps(account, contact) => save_nps(app, &form, account, contact),
        FormFor::Won(_) | FormFor::EditDeal(_) | FormFor::Convert(_) | FormFor::Import => {
            unreachable!("handled above")
        }
    };
    match result {
        Ok((message, receipt)) => done(app, &message, receipt),
        Err((message, field)) => {
            form.error = Some(message);
            form.focus_on(field);
            app.overlay = Some(Overlay::Form(form));
        }
    }
}

/// A refusal: its sentence and the form field to put the cursor on.
type Refused = (String, &'static str);

/// The account form, saved.
fn save_account(app: &App, form: &Form, id: AccountId) -> Result<(String, Receipt), Refused> {
    let mut a = app
        .store
        .account(id)
        .map_err(|e| (e.to_string(), "name"))?
        .ok_or(("the account no longer exists".to_string(), "name"))?;
    a.name = form.text("name");
    let kvk = form.text("KvK");
    a.kvk = (!kvk.is_empty()).then_some(kvk);
    a.address.street = form.text("street");
    a.address.postcode = form.text("postcode");
    a.address.city = form.text("city");
    a.phone = form.text("phone");
    a.email = form.text("e-mail");
    a.segment = form.text("segment");
    a.owner = form.text("owner");
    let name = a.name.clone();
    app.write(SaveAccount(a))
        .map(|r| (format!("saved {name}"), r))
        .map_err(|e| (e.to_string(), form_field(&e, ACCOUNT_FIELDS)))
}

/// The contact form (an edited or a new contact, consent included), saved.
fn save_contact_form(
    app: &App,
    form: &Form,
    account: AccountId,
    id: Option<ContactId>,
) -> Result<(String, Receipt), Refused> {
    let now = app.now();
    let today = now.to_zoned(app.tz.clone()).date();
    let mut c = match id {
        Some(id) => app
            .store
            .contact(id)
            .map_err(|e| (e.to_string(), "name"))?
            .ok_or(("the contact no longer exists".to_string(), "name"))?,
        None => Contact {
            id: ContactId::generate(now),
            account_id: account,
            name: String::new(),
            role: String::new(),
            phone: String::new(),
            email: String::new(),
            consent: Vec::new(),
            created_at: now,
            updated_at: now,
        },
    };
    c.name = form.text("name");
    c.role = form.text("role");
    c.phone = form.text("phone");
    c.email = form.text("e-mail");
    let source = format!("recorded in wortel by {}", app.dealer.who);
    apply_consent(
        &mut c,
        ConsentChoice {
            sales_contact: form.checked("sales contact"),
            marketing: form.checked("marketing"),
        },
        today,
        &source,
    );
    let name = c.name.clone();
    app.write(SaveContact(c))
        .map(|r| (format!("saved contact {name}"), r))
        .map_err(|e| (e.to_string(), form_field(&e, CONTACT_FIELDS)))
}

/// The NPS form, recorded.
fn save_nps(
    app: &App,
    form: &Form,
    account: AccountId,
    contact: Option<ContactId>,
) -> Result<(String, Receipt), Refused> {
    let today = app.now().to_zoned(app.tz.clone()).date();
    let text = form.text("score");
    let score: i64 = text.parse().map_err(|_| {
        (
            format!("`{text}` is not a score; type a whole number from 0 to 10"),
            "score",
        )
    })?;
    app.write(RecordNps {
        account,
        contact,
        score,
        comment: form.text("comment"),
        date: today,
    })
    .map(|(r, receipt)| (format!("recorded NPS {}", r.score), receipt))
    .map_err(|e| (e.to_string(), "score"))
}

/// The account form's fields by the names the domain gives them in its errors.
const ACCOUNT_FIELDS: &[(&str, &str)] = &[
    ("account name", "name"),
    ("kvk", "KvK"),
    ("street", "street"),
    ("postcode", "postcode"),
    ("city", "city"),
    ("phone", "phone"),
    ("email", "e-mail"),
    ("segment", "segment"),
    ("owner", "owner"),
];

/// The contact form's fields by the names the domain gives them in its errors.
const CONTACT_FIELDS: &[(&str, &str)] = &[
    ("contact name", "name"),
    ("role", "role"),
    ("phone", "phone"),
    ("email", "e-mail"),
];

/// The form field a refusal is about, by the field the domain error names (the first field
/// when it names none the form has), to put the cursor there.
fn form_field(e: &crate::store::StoreError, fields: &[(&str, &'static str)]) -> &'static str {
    let named = match e {
        crate::store::StoreError::Domain(d) => d.field(),
        _ => None,
    };
    fields
        .iter()
        .find(|(domain, _)| Some(*domain) == named)
        .or(fields.first())
        .map_or("name", |(_, form)| *form)
}

/// After a save: screen up to date, undo kept, then the confirmation.
fn done(app: &mut App, message: &str, receipt: Receipt) {
    app.committed(message, receipt, None);
}
