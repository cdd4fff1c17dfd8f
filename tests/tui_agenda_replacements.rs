//! The agenda's replacements line (issue 22): "N replacements due by DATE without a lead — c
//! creates their leads" (today and three months; overdue ones too). Its count agrees with `wortel leads due-replacements --months 3`, `c`
//! makes exactly the leads the CLI lists as uncovered, once, and `u` takes them back.

mod common;
mod tui_support;
use jiff::ToSpan;
use tui_support::*;
use wortel::domain::{InstalledProduct, LeadStatus};
use wortel::store::WriteSet;
use wortel::tui::app::App;
use wortel::tui::overlays::Overlay;

/// The count on the open agenda.
fn agenda_count(app: &App) -> usize {
    match app.overlay() {
        Some(Overlay::Agenda(d)) => d.agenda.replacements_due,
        _ => panic!("the agenda is open"),
    }
}

/// What `wortel leads due-replacements --months 3 --json` lists without a lead: (account, product).
fn uncovered_by_the_cli(store: &std::path::Path) -> Vec<(String, String)> {
    common::list(
        store,
        &["leads", "due-replacements", "--months", "3", "--json"],
    )
    .iter()
    .filter(|r| r["lead_id"].is_null())
    .map(|r| {
        (
            common::s(r, "account_id").to_string(),
            common::s(r, "product").to_string(),
        )
    })
    .collect()
}

/// Puts a product due for replacement in a month on the first account of the store at `path`
/// (the store closed again after); returns the account and the product.
fn a_product_due_next_month(path: &std::path::Path) -> (wortel::domain::AccountId, String) {
    let store = wortel::store::Store::open(path).unwrap();
    let today = now().to_zoned(tz()).date();
    let mut account = store.all_accounts().next().unwrap().unwrap();
    let product = "XF 999 proef-trekker".to_string();
    account.installed_base.push(InstalledProduct {
        product: product.clone(),
        purchased_on: today.checked_sub(7.years()).unwrap(),
        replace_by: Some(today.checked_add(30.days()).unwrap()),
    });
    let mut ws = WriteSet::new();
    ws.put(account.clone());
    store.commit(&ws, now()).unwrap();
    (account.id, product)
}

#[test]
fn the_agenda_counts_the_replacements_due_and_c_makes_their_leads_once() {
    let (_d, path) = demo_store(60);
    let (account, product) = a_product_due_next_month(&path);
    let listed = uncovered_by_the_cli(&path);
    let mut app = app_on(&path);
    assert!(
        listed.contains(&(account.to_string(), product.clone())),
        "the CLI lists the new product: {listed:?}"
    );

    press(&mut app, "D");
    let due = agenda_count(&app);
    assert_eq!(due, listed.len(), "the agenda and the CLI agree");
    let frame = render(&mut app, 80, 24);
    let line = format!(
        "{due} replacement{} due by 2027-02-23 without a lead — c creates their leads",
        if due == 1 { "" } else { "s" }
    );
    assert!(frame.contains(&line), "{frame}");

    let leads_before = app.store().all_leads().count();
    press(&mut app, "c");
    let frame = render(&mut app, 80, 24);
    assert!(
        frame.contains(&format!(
            "Create {due} leads for the replacements due by 2027-02-23?"
        )),
        "c asks first: {frame}"
    );
    assert_eq!(app.store().all_leads().count(), leads_before, "nothing yet");
    press(&mut app, "enter");
    assert_eq!(app.store().all_leads().count(), leads_before + due);
    let made: Vec<_> = app
        .store()
        .leads_of(account)
        .unwrap()
        .into_iter()
        .filter(|l| l.interest == product)
        .collect();
    assert_eq!(made.len(), 1, "one lead for the product");
    assert_eq!(made[0].status, LeadStatus::New);
    let today = now().to_zoned(tz()).date();
    let due_now = wortel::ops::due_replacements(app.store(), 3, today).unwrap();
    assert!(
        due_now.iter().all(|d| d.covered_by.is_some()),
        "all covered now"
    );
    assert!(app.status().text.contains("made "), "{:?}", app.status());
    assert_eq!(
        agenda_count(&app),
        0,
        "the agenda came back without the line"
    );
    assert!(!render(&mut app, 80, 24).contains("without a lead — c creates"));

    // Again: nothing to make, said in a sentence, no second lead.
    press(&mut app, "c");
    assert_eq!(app.store().all_leads().count(), leads_before + due);
    assert!(
        app.status().text.contains("nothing to create"),
        "{:?}",
        app.status()
    );

    press(&mut app, "Esc u");
    assert_eq!(
        app.store().all_leads().count(),
        leads_before,
        "u takes them back"
    );
    press(&mut app, "D");
    assert_eq!(agenda_count(&app), due);
}

#[test]
fn wortel_agenda_prints_the_same_line_with_the_command_that_makes_the_leads() {
    let (_d, path) = demo_store(60);
    a_product_due_next_month(&path);
    let due = uncovered_by_the_cli(&path).len();
    let text = common::stdout_of(common::wortel(&path).arg("agenda"));
    let word = if due == 1 {
        "replacement"
    } else {
        "replacements"
    };
    assert!(
        text.contains(&format!(
            "{due} {word} due by 2027-02-23 without a lead: `wortel leads due-replacements --months 3 --create`"
        )),
        "{text}"
    );
}

#[test]
fn the_same_product_listed_twice_is_one_replacement_and_one_lead() {
    let (_d, path) = demo_store(60);
    let (account, product) = a_product_due_next_month(&path);
    // The same product and date again, in other case and spacing, as a pasted-twice row.
    {
        let store = wortel::store::Store::open(&path).unwrap();
        let mut a = store.account(account).unwrap().unwrap();
        let mut again = a.installed_base.last().unwrap().clone();
        again.product = format!("  {}  ", product.to_uppercase());
        a.installed_base.push(again);
        let mut ws = WriteSet::new();
        ws.put(a);
        store.commit(&ws, now()).unwrap();
    }
    let listed = uncovered_by_the_cli(&path);
    let ours = listed
        .iter()
        .filter(|(a, p)| *a == account.to_string() && p.trim().eq_ignore_ascii_case(&product))
        .count();
    assert_eq!(ours, 1, "listed once: {listed:?}");
    let mut app = app_on(&path);
    press(&mut app, "D");
    assert_eq!(
        agenda_count(&app),
        listed.len(),
        "the agenda and the CLI agree"
    );
    press(&mut app, "c enter");
    let made = app
        .store()
        .leads_of(account)
        .unwrap()
        .into_iter()
        .filter(|l| l.interest.trim().eq_ignore_ascii_case(&product))
        .count();
    assert_eq!(made, 1, "one lead for the product listed twice");
}
