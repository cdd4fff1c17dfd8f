//! The accounts list: next step, open value and last contact per row; `o` only the accounts
//! due for a visit (as `wortel accounts --due-visit` lists them), `=` only likely duplicates.

mod tui_support;
use tui_support::*;
use wortel::domain::Cents;
use wortel::tui::app::App;

fn snap(name: &str, text: &str) {
    snapshot_settings().bind(|| insta::assert_snapshot!(name, text));
}

fn listed(app: &App) -> Vec<wortel::domain::AccountId> {
    (0..app.accounts().len())
        .map(|i| app.accounts().id_at(i).unwrap())
        .collect()
}

#[test]
fn each_row_shows_the_open_value_and_the_last_contact() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "2");
    let screen = render(&mut app, 160, 48);
    snap("accounts_columns_160x48", &screen);
    // The account with the most open value: its row shows the sum of its open deals.
    let mut best = (Cents(0), None);
    for a in app.store().all_accounts() {
        let a = a.unwrap();
        let open: i64 = app
            .store()
            .opportunities_of(a.id)
            .unwrap()
            .iter()
            .filter(|d| d.stage.is_open())
            .map(|d| d.value.0)
            .sum();
        if open > best.0.0 {
            best = (Cents(open), Some(a));
        }
    }
    let account = best.1.expect("the demo has open deals");
    let value = wortel::domain::money::compact(best.0);
    let line = screen
        .lines()
        .find(|l| l.contains(&account.name))
        .unwrap_or_else(|| panic!("{} on screen:\n{screen}", account.name));
    assert!(line.contains(&value), "{line} holds {value}");
}

#[test]
fn o_shows_only_the_accounts_due_for_a_visit_in_the_clis_order_and_again_all() {
    let (dir, path, mut app) = demo_app();
    press(&mut app, "2");
    let all = app.accounts().len();
    press(&mut app, "o");
    let due = listed(&app);
    assert!(!due.is_empty() && due.len() < all, "{} of {all}", due.len());
    assert!(
        app.status().text.contains("due for a visit"),
        "{}",
        app.status().text
    );
    snap("accounts_due_visit_80x24", &render(&mut app, 80, 24));
    press(&mut app, "o");
    assert_eq!(app.accounts().len(), all);
    drop(app);
    let config = dir.path().join("no-config");
    std::fs::create_dir(&config).unwrap();
    let out = assert_cmd::Command::cargo_bin("wortel")
        .unwrap()
        .env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .env("WORTEL_CONFIG", &config)
        .arg("--store")
        .arg(&path)
        .args(["accounts", "--due-visit", "--json"])
        .output()
        .unwrap();
    let cli: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let cli: Vec<String> = cli
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(cli, due.iter().map(|id| id.to_string()).collect::<Vec<_>>());
}

#[test]
fn equals_shows_only_likely_duplicates_and_the_filter_narrows_within_them() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "2 =");
    let twins = listed(&app);
    assert!(!twins.is_empty());
    assert!(twins.iter().all(|id| !app.duplicates_of(*id).is_empty()));
    let expected = app
        .store()
        .all_accounts()
        .filter(|a| !app.duplicates_of(a.as_ref().unwrap().id).is_empty())
        .count();
    assert_eq!(twins.len(), expected);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("[duplicates]"), "{screen}");
    press(&mut app, "/");
    type_text(&mut app, "zzzzqqq");
    press(&mut app, "enter");
    assert_eq!(app.accounts().len(), 0);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("No account matches."), "{screen}");
}

#[test]
fn the_filters_work_on_the_list_not_in_an_open_account() {
    let (_d, _p, mut app) = demo_app();
    press(&mut app, "2 enter o");
    assert!(app.accounts().opened().is_some());
    assert!(
        app.status().text.contains("works on the account list"),
        "{}",
        app.status().text
    );
}
