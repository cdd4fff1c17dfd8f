//! `y` copies a phone number or e-mail address: in an account from a picker of the account's
//! and its contacts' numbers and addresses, in the agenda the row's phone. The text goes to the
//! terminal as OSC 52 after the key (`App::to_clipboard`), and the status line says what.

mod tui_support;
use tui_support::*;
use wortel::tui::overlays::Overlay;

#[test]
fn y_in_an_account_picks_a_number_or_address_and_copies_it() {
    let (_d, _p, mut app) = demo_app();
    let id = rich_account(&app);
    app.open_account(id);
    let account = app.store().account(id).unwrap().unwrap();
    let contacts = app.store().contacts_of(id).unwrap();
    press(&mut app, "y");
    let Some(Overlay::Picker(p)) = app.overlay() else {
        panic!("y opens a picker");
    };
    // Every non-empty phone and e-mail, the account's first, then each contact's.
    let mut expected: Vec<&str> = vec![&account.phone, &account.email];
    for c in &contacts {
        expected.extend([c.phone.as_str(), c.email.as_str()]);
    }
    expected.retain(|t| !t.trim().is_empty());
    assert_eq!(p.items.len(), expected.len(), "{:?}", p.items);
    for (item, text) in p.items.iter().zip(&expected) {
        assert!(item.starts_with(text), "{item} / {text}");
    }
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Copy to the clipboard"), "{screen}");
    // The third: the first contact's phone when the account has both a phone and an e-mail.
    press(&mut app, "down down enter");
    assert_eq!(app.clipboard(), Some(expected[2]));
    assert!(
        app.status()
            .text
            .starts_with(&format!("copied {} (", expected[2])),
        "{}",
        app.status().text
    );
    assert!(app.status().text.ends_with(") to the clipboard"));
}

#[test]
fn y_in_the_agenda_copies_the_rows_phone() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "D");
    let Some(Overlay::Agenda(a)) = app.overlay() else {
        panic!("the agenda is open");
    };
    let row = a.agenda.rows[0].clone();
    assert!(!row.phone.is_empty());
    press(&mut app, "y");
    assert_eq!(app.clipboard(), Some(row.phone.as_str()));
    assert!(
        app.status().text.contains(&row.account_name),
        "{}",
        app.status().text
    );
}

#[test]
fn nothing_is_copied_without_a_key_asking_for_it() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "j k 2 1 D esc");
    assert_eq!(app.clipboard(), None);
}
