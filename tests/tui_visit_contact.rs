//! Who was visited: the visit form lists the account's contacts (the lead's contact filled in),
//! a digit or part of a name picks another, and the timeline shows them with the time of day.

mod tui_support;
use tui_support::*;
use wortel::tui::overlays::Overlay;

/// Moves the inbox to a lead whose account has at least two contacts; returns their names.
fn select_lead_with_two_contacts(app: &mut wortel::tui::app::App) -> Vec<String> {
    for _ in 0..60 {
        let lead = selected_lead(app);
        let contacts = app.store().contacts_of(lead.account_id).unwrap();
        if contacts.len() >= 2 && lead.contact_id.is_some() {
            return contacts.into_iter().map(|c| c.name).collect();
        }
        press(app, "j");
    }
    panic!("the demo has a lead whose account has two contacts");
}

fn tab_to_contact(app: &mut wortel::tui::app::App) {
    for _ in 0..8 {
        if let Some(Overlay::Visit(f)) = app.overlay() {
            if f.focus == wortel::tui::overlays::visit_form::Field::Contact {
                return;
            }
        }
        press(app, "tab");
    }
    panic!("the form has a contact field");
}

#[test]
fn picking_the_second_contact_by_digit_records_them_and_the_timeline_shows_them() {
    let (_d, _p, mut app) = demo_app();
    let names = select_lead_with_two_contacts(&mut app);
    let lead = selected_lead(&app);
    let lead_contact = app
        .store()
        .contact(lead.contact_id.unwrap())
        .unwrap()
        .unwrap();
    press(&mut app, "v 5");
    let Some(Overlay::Visit(f)) = app.overlay() else {
        panic!("the visit form is open");
    };
    assert_eq!(
        f.contact_input.text, lead_contact.name,
        "the lead's contact is filled in"
    );
    tab_to_contact(&mut app);
    press(&mut app, "2 enter");
    let logged = &app.store().activities_of(lead.account_id, 1).unwrap()[0];
    let second = &app.store().contacts_of(lead.account_id).unwrap()[1];
    assert_eq!(logged.contact_id, Some(second.id));
    assert_eq!(second.name, names[1]);
    press(&mut app, "enter");
    let screen = render(&mut app, 160, 48);
    // 09:00 UTC is 10:00 in Amsterdam.
    let line = screen
        .lines()
        .find(|l| l.contains("2026-11-23 10:00 visit"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains(&format!("with {}", names[1])), "{line}");
}

#[test]
fn typing_part_of_a_name_picks_that_contact_and_a_name_that_fits_nobody_is_refused() {
    let (_d, _p, mut app) = demo_app();
    let names = select_lead_with_two_contacts(&mut app);
    let lead = selected_lead(&app);
    press(&mut app, "v 5");
    tab_to_contact(&mut app);
    press(&mut app, "ctrl-u");
    type_text(&mut app, "zzqx");
    press(&mut app, "enter");
    let Some(Overlay::Visit(f)) = app.overlay() else {
        panic!("the form stays open");
    };
    assert!(
        f.error
            .as_deref()
            .unwrap()
            .starts_with("no contact of this account is called `zzqx`"),
        "{:?}",
        f.error
    );
    let before = app
        .store()
        .activities_of(lead.account_id, 100)
        .unwrap()
        .len();
    press(&mut app, "ctrl-u");
    let last_word = names[1].split_whitespace().last().unwrap().to_string();
    type_text(&mut app, &last_word);
    let Some(Overlay::Visit(f)) = app.overlay() else {
        unreachable!()
    };
    let picked = f.contact.map(|i| f.contacts[i].1.clone()).unwrap();
    assert!(picked.contains(&last_word), "{picked}");
    press(&mut app, "enter");
    let after = app.store().activities_of(lead.account_id, 100).unwrap();
    assert_eq!(
        after.len(),
        before + 1,
        "one activity, after the refusal wrote none"
    );
    let who = app
        .store()
        .contact(after[0].contact_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(who.name, picked);
}
