//! `wortel init`: a salesperson sets up their own store with the dealer id head office knows.

mod common;
use common::*;

fn init(store: &std::path::Path, dealer: &str, salesperson: &str) -> assert_cmd::Command {
    let mut c = wortel(store);
    c.args(["init", "--dealer", dealer, "--salesperson", salesperson]);
    c
}

#[test]
fn init_sets_up_an_empty_store_for_a_dealer_and_salesperson() {
    let (_dir, store) = scratch();
    let out = stdout_of(&mut init(&store, "NL-0421", "Ton"));
    let (first, second) = out.split_once('\n').unwrap();
    assert_eq!(
        first,
        format!(
            "store {} set up for dealer NL-0421, salesperson Ton",
            store.display()
        )
    );
    // The store's own public key, for head office: 64 hex characters.
    let key = second
        .trim()
        .strip_prefix("public key for head office (feedback bundles are signed with it): ")
        .unwrap();
    assert!(
        key.len() == 64 && key.chars().all(|c| c.is_ascii_hexdigit()),
        "{second}"
    );
    assert_eq!(all_leads(&store), Vec::<serde_json::Value>::new());
    assert_eq!(list(&store, &["accounts", "--json"]).len(), 0);
    assert_eq!(list(&store, &["funnel", "--json"]).len(), 0);
    assert!(snapshot(&store).contains("dealer NL-0421, salesperson Ton"));
    stdout_of(wortel(&store).arg("check"));
}

#[test]
fn init_sets_up_an_existing_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    stdout_of(&mut init(dir.path(), "NL-0421", "Ton"));
    assert!(snapshot(dir.path()).contains("dealer NL-0421, salesperson Ton"));
}

#[test]
fn running_init_twice_with_the_same_values_is_fine() {
    let (_dir, store) = scratch();
    let first = stdout_of(&mut init(&store, "NL-0421", "Ton"));
    let before = snapshot(&store);
    let out = stdout_of(&mut init(&store, "NL-0421", "Ton"));
    assert_eq!(
        out.lines().next().unwrap(),
        format!(
            "store {} is already set up for dealer NL-0421, salesperson Ton",
            store.display()
        )
    );
    assert_eq!(
        out.lines().nth(1),
        first.lines().nth(1),
        "the key pair is made once and kept"
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn init_with_another_dealer_is_refused_and_the_store_keeps_its_owner() {
    let (_dir, store) = scratch();
    stdout_of(&mut init(&store, "NL-0421", "Ton"));
    let before = snapshot(&store);
    refused(
        &mut init(&store, "NL-9999", "Ton"),
        &format!(
            "the store at {} already belongs to dealer NL-0421 (Ton); use another --store path for a new dealer",
            store.display()
        ),
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn init_with_another_salesperson_is_refused() {
    let (_dir, store) = scratch();
    stdout_of(&mut init(&store, "NL-0421", "Ton"));
    let before = snapshot(&store);
    refused(
        &mut init(&store, "NL-0421", "Els"),
        &format!(
            "the store at {} already belongs to dealer NL-0421 (Ton); use another --store path for a new dealer",
            store.display()
        ),
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_invalid_dealer_id_is_refused_before_anything_is_created() {
    let (_dir, store) = scratch();
    refused(
        &mut init(&store, "bad id!", "Ton"),
        "dealer id `bad id!` is not valid; use 1–32 letters, digits, - or _ (e.g. NL-0421)",
    );
    assert!(!store.exists(), "a refused init creates no store");
}

#[test]
fn an_empty_or_overlong_dealer_id_is_refused() {
    let (_dir, store) = scratch();
    refused(
        &mut init(&store, "  ", "Ton"),
        "dealer id `` is not valid; use 1–32 letters, digits, - or _ (e.g. NL-0421)",
    );
    let long = "N".repeat(33);
    refused(
        &mut init(&store, &long, "Ton"),
        &format!(
            "dealer id `{long}` is not valid; use 1–32 letters, digits, - or _ (e.g. NL-0421)"
        ),
    );
    assert!(!store.exists());
}

#[test]
fn the_demo_dealer_id_is_reserved_in_any_case() {
    let (_dir, store) = scratch();
    for id in ["DEMO", "demo"] {
        refused(
            &mut init(&store, id, "Ton"),
            "dealer id DEMO is reserved for demo stores; use your own dealer id",
        );
    }
    assert!(!store.exists());
}

#[test]
fn an_empty_salesperson_name_is_refused() {
    let (_dir, store) = scratch();
    refused(
        &mut init(&store, "NL-0421", " "),
        "salesperson name must be 1–100 characters; give your name as head office knows it",
    );
    assert!(!store.exists());
}

#[test]
fn init_on_a_demo_store_is_refused_and_the_demo_stays() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        &mut init(&store, "NL-0421", "Ton"),
        &format!(
            "the store at {} already belongs to dealer DEMO (Demo Verkoper); use another --store path for a new dealer",
            store.display()
        ),
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn init_is_refused_on_a_directory_holding_other_files() {
    let (_dir, store) = scratch();
    std::fs::create_dir(&store).unwrap();
    std::fs::write(store.join("notes.txt"), "mine").unwrap();
    refused(
        &mut init(&store, "NL-0421", "Ton"),
        &format!(
            "{} is not a wortel store (it holds other files); pick another --store path",
            store.display()
        ),
    );
    assert_eq!(std::fs::read_dir(&store).unwrap().count(), 1);
    assert_eq!(
        std::fs::read_to_string(store.join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn init_without_a_dealer_is_a_usage_error() {
    let (_dir, store) = scratch();
    usage_error(
        wortel(&store).args(["init", "--salesperson", "Ton"]),
        "--dealer",
    );
    assert!(!store.exists());
}
