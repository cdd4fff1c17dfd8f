//! `wortel demo`: a salesperson (or a trainer) builds a demo store to try wortel out. The same
//! seed always gives the same store; a demo never replaces a real dealer's data.

mod common;
use common::*;

fn leftovers_next_to(store: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(store.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "store")
        .collect()
}

#[test]
fn a_demo_store_holds_the_asked_number_of_leads_and_half_as_many_accounts() {
    let (_dir, store) = scratch();
    let out = stdout_of(wortel(&store).args(["demo", "--no-tui", "--leads", "40", "--seed", "7"]));
    assert!(
        out.starts_with(&format!("built demo store {} in ", store.display())),
        "{out}"
    );
    assert!(out.contains("dealer DEMO"), "{out}");
    assert_eq!(all_leads(&store).len(), 40);
    // Half as many accounts as leads, plus the duplicate the demo enters twice on purpose.
    let accounts = list(&store, &["accounts", "--json"]).len();
    assert!((20..=21).contains(&accounts), "{accounts} accounts");
    assert!(
        leftovers_next_to(&store).is_empty(),
        "the build leaves no working directories behind"
    );
    stdout_of(wortel(&store).arg("check"));
}

#[test]
fn the_same_seed_builds_a_byte_identical_store() {
    let (dir, a) = scratch();
    let b = dir.path().join("other");
    demo(&a, 40, 7);
    demo(&b, 40, 7);
    for args in [
        &["leads", "--all", "--json"][..],
        &["accounts", "--json"],
        &["funnel", "--json", "--period", "all"],
        &["funnel", "--totals", "--json"],
    ] {
        let (x, y) = (
            stdout_of(wortel(&a).args(args)),
            stdout_of(wortel(&b).args(args)),
        );
        assert!(
            x == y,
            "`wortel {}` differs between two builds of seed 7",
            args.join(" ")
        );
    }
}

#[test]
fn another_seed_builds_another_store() {
    let (dir, a) = scratch();
    let b = dir.path().join("other");
    demo(&a, 20, 7);
    demo(&b, 20, 8);
    assert_ne!(all_leads(&a), all_leads(&b));
}

#[test]
fn without_no_tui_the_demo_says_what_to_try_next() {
    let (_dir, store) = scratch();
    let out = stdout_of(wortel(&store).args(["demo", "--leads", "10"]));
    assert!(out.contains("wortel leads --store"), "{out}");
    assert_eq!(all_leads(&store).len(), 10);
}

#[test]
fn a_demo_of_zero_leads_is_refused_and_creates_nothing() {
    let (_dir, store) = scratch();
    refused(
        wortel(&store).args(["demo", "--no-tui", "--leads", "0"]),
        "--leads 0 is out of range; give 1 to 1000000",
    );
    assert!(!store.exists(), "a refused demo creates no store");
    assert!(leftovers_next_to(&store).is_empty());
}

#[test]
fn a_demo_larger_than_a_million_leads_is_refused() {
    let (_dir, store) = scratch();
    refused(
        wortel(&store).args(["demo", "--no-tui", "--leads", "1000001"]),
        "--leads 1000001 is out of range; give 1 to 1000000",
    );
    assert!(!store.exists());
}

#[test]
fn a_refused_demo_leaves_an_existing_demo_store_as_it_was() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["demo", "--no-tui", "--leads", "0"]),
        "--leads 0 is out of range; give 1 to 1000000",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_non_numeric_lead_count_is_a_usage_error() {
    let (_dir, store) = scratch();
    usage_error(
        wortel(&store).args(["demo", "--no-tui", "--leads", "many"]),
        "many",
    );
    assert!(!store.exists());
}

#[test]
fn a_demo_never_replaces_a_store_that_init_gave_a_real_dealer_id() {
    let (_dir, store) = scratch();
    stdout_of(wortel(&store).args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"]));
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["demo", "--no-tui", "--leads", "20", "--seed", "7"]),
        &format!(
            "{} holds the store of dealer NL-0421; a demo never replaces real data, so pass --store PATH for the demo",
            store.display()
        ),
    );
    assert_eq!(snapshot(&store), before);
    assert!(snapshot(&store).contains("dealer NL-0421, salesperson Ton"));
    assert!(leftovers_next_to(&store).is_empty());
}

#[test]
fn a_demo_replaces_a_previous_demo_store() {
    let (dir, store) = scratch();
    demo(&store, 20, 7);
    demo(&store, 40, 8);
    assert_eq!(all_leads(&store).len(), 40);
    // Half as many accounts as leads, plus the duplicate the demo enters twice on purpose.
    let accounts = list(&store, &["accounts", "--json"]).len();
    assert!((20..=21).contains(&accounts), "{accounts} accounts");
    // Exactly what a fresh build of seed 8 gives: nothing of the first demo is left.
    let fresh = dir.path().join("fresh");
    demo(&fresh, 40, 8);
    assert_eq!(
        snapshot(&store),
        snapshot(&fresh).replace(&fresh.display().to_string(), &store.display().to_string())
    );
    assert_eq!(leftovers_next_to(&store), vec!["fresh".to_string()]);
    stdout_of(wortel(&store).arg("check"));
}

#[test]
fn a_demo_is_refused_on_a_directory_holding_other_files_and_leaves_them_alone() {
    let (_dir, store) = scratch();
    std::fs::create_dir(&store).unwrap();
    std::fs::write(store.join("notes.txt"), "mine").unwrap();
    refused(
        wortel(&store).args(["demo", "--no-tui", "--leads", "10"]),
        &format!(
            "{} is not a wortel store (it holds other files); pick another --store path",
            store.display()
        ),
    );
    assert_eq!(
        std::fs::read_to_string(store.join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(std::fs::read_dir(&store).unwrap().count(), 1);
}

#[test]
fn a_demo_is_refused_on_a_regular_file_and_leaves_it_alone() {
    let (_dir, store) = scratch();
    std::fs::write(&store, "not a store").unwrap();
    refused(
        wortel(&store).args(["demo", "--no-tui", "--leads", "10"]),
        &format!(
            "{} is a file, not a wortel store; pick a directory as --store path",
            store.display()
        ),
    );
    assert_eq!(std::fs::read_to_string(&store).unwrap(), "not a store");
}

#[test]
fn a_demo_fills_an_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), 10, 7);
    assert_eq!(all_leads(dir.path()).len(), 10);
}

#[test]
fn the_store_can_come_from_the_environment() {
    let (_dir, store) = scratch();
    bare()
        .env("WORTEL_STORE", &store)
        .args(["demo", "--no-tui", "--leads", "10"])
        .assert()
        .success();
    let via_env = stdout_of(
        bare()
            .env("WORTEL_STORE", &store)
            .args(["leads", "--all", "--json"]),
    );
    assert_eq!(
        via_env,
        stdout_of(wortel(&store).args(["leads", "--all", "--json"]))
    );
    assert_eq!(all_leads(&store).len(), 10);
}

#[test]
fn the_sample_bundle_holds_as_many_leads_as_asked_and_imports() {
    let (dir, store) = scratch();
    let file = dir.path().join("sample.zip");
    wortel(&store)
        .args([
            "demo", "--no-tui", "--leads", "20", "--seed", "7", "--bundle",
        ])
        .arg(&file)
        .args(["--bundle-leads", "300"])
        .assert()
        .success();
    let before = all_leads(&store).len();
    let out = stdout_of(wortel(&store).arg("import").arg(&file));
    assert!(out.contains("300"), "{out}");
    assert_eq!(all_leads(&store).len(), before + 300);
}

#[test]
fn a_sample_bundle_of_zero_leads_is_refused() {
    let (dir, store) = scratch();
    let file = dir.path().join("sample.zip");
    refused(
        wortel(&store)
            .args(["demo", "--no-tui", "--leads", "20", "--bundle"])
            .arg(&file)
            .args(["--bundle-leads", "0"]),
        "--bundle-leads 0 is out of range; give 1 to 1000000",
    );
    assert!(!file.exists());
    assert!(!store.exists());
}
