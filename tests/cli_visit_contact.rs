//! `wortel log-visit --contact`: who was visited, by name, part of it or id, among the account's
//! contacts; a name that fits nobody or several is refused and nothing is written.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// An account with at least two contacts, and those contacts.
fn account_with_contacts(store: &Path) -> (String, Vec<Value>) {
    for a in list(store, &["accounts", "--json"]) {
        let id = s(&a, "id").to_string();
        let shown = json(store, &["account", "show", &id, "--json"]);
        let contacts = shown["contacts"].as_array().unwrap().clone();
        if contacts.len() >= 2 {
            return (id, contacts);
        }
    }
    panic!("the demo has an account with two contacts");
}

#[test]
fn a_visit_names_the_contact_it_was_with_and_the_account_shows_it() {
    let (_dir, store) = demo_store();
    let (account, contacts) = account_with_contacts(&store);
    let second = &contacts[1];
    let name = s(second, "name");
    // Part of the name, in another case, is enough when it fits one contact.
    let part = name.split_whitespace().last().unwrap().to_uppercase();
    let fits = contacts
        .iter()
        .filter(|c| s(c, "name").to_uppercase().contains(&part))
        .count();
    let given = if fits == 1 { part } else { name.to_string() };
    let out = json(
        &store,
        &[
            "log-visit",
            "--account",
            &account,
            "--kind",
            "call",
            "--contact",
            &given,
            "--json",
        ],
    );
    assert_eq!(out["contact_id"], second["id"], "{out}");
    let shown = json(&store, &["account", "show", &account, "--json"]);
    assert_eq!(shown["activities"][0]["contact_id"], second["id"]);
    // By id too.
    let first = &contacts[0];
    let out = json(
        &store,
        &[
            "log-visit",
            "--account",
            &account,
            "--contact",
            s(first, "id"),
            "--json",
        ],
    );
    assert_eq!(out["contact_id"], first["id"]);
}

#[test]
fn a_contact_the_account_does_not_have_is_refused_and_nothing_is_written() {
    let (_dir, store) = demo_store();
    let (account, contacts) = account_with_contacts(&store);
    let before = snapshot(&store);
    let names: Vec<&str> = contacts.iter().map(|c| s(c, "name")).collect();
    refused(
        wortel(&store).args([
            "log-visit",
            "--account",
            &account,
            "--contact",
            "Nobody Here",
        ]),
        &format!(
            "no contact of the account is called `Nobody Here`; its contacts are {}",
            names.join(", ")
        ),
    );
    // A letter that is in every name fits several.
    let common_letter = ('a'..='z')
        .find(|l| names.iter().all(|n| n.to_lowercase().contains(*l)))
        .unwrap();
    refused_starting(
        wortel(&store).args([
            "log-visit",
            "--account",
            &account,
            "--contact",
            &common_letter.to_string(),
        ]),
        &format!("--contact `{common_letter}` fits several contacts ("),
    );
    assert_eq!(snapshot(&store), before);
}
