//! `wortel accounts`: accounts by name, with a fuzzy search and a lifecycle filter.

mod common;
use common::*;
use serde_json::Value;

#[test]
fn accounts_json_lists_every_account_with_id_name_and_lifecycle() {
    let (_dir, store) = demo_store();
    let text = stdout_of(wortel(&store).args(["accounts", "--json"]));
    assert!(text.starts_with('[') && text.ends_with("]\n"));
    let accounts = list(&store, &["accounts", "--json"]);
    // Half as many accounts as leads, and the demo's one duplicate entered twice.
    assert_eq!(
        accounts.len(),
        11,
        "half as many accounts as leads, plus a duplicate"
    );
    for a in &accounts {
        assert!(!s(a, "id").is_empty() && !s(a, "name").is_empty(), "{a}");
        assert!(
            ["prospect", "customer", "ex-customer"].contains(&s(a, "lifecycle")),
            "{a}"
        );
    }
    // Every lead's account is one of them.
    for l in all_leads(&store) {
        assert!(
            accounts
                .iter()
                .any(|a| a["id"] == l["account_id"] && a["name"] == l["account"])
        );
    }
}

#[test]
fn the_accounts_table_starts_with_a_header_and_has_a_row_per_account() {
    let (_dir, store) = demo_store();
    let out = stdout_of(wortel(&store).arg("accounts"));
    let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["NAME", "LIFECYCLE", "CITY", "KVK", "PHONE", "OWNER", "ID"]
    );
    let n = list(&store, &["accounts", "--json"]).len();
    assert_eq!(out.lines().count(), 1 + n);
}

#[test]
fn searching_an_accounts_name_finds_it_first_and_leaves_out_non_matches() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let all = list(&store, &["accounts", "--json"]);
    for pick in [0, all.len() / 2, all.len() - 1] {
        let name = s(&all[pick], "name");
        let found = list(&store, &["accounts", "--search", name, "--json"]);
        assert_eq!(s(&found[0], "name"), name, "`{name}` ranks first");
    }
    assert_eq!(
        list(&store, &["accounts", "--search", "zzzqqqxxx", "--json"]),
        Vec::<Value>::new()
    );
    assert_eq!(
        stdout_of(wortel(&store).args(["accounts", "--search", "zzzqqqxxx"])),
        "no accounts match\n"
    );
}

#[test]
fn lifecycle_customer_lists_exactly_the_customers() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let all = list(&store, &["accounts", "--json"]);
    let mut total = 0;
    for lifecycle in ["prospect", "customer", "ex-customer"] {
        let these = list(&store, &["accounts", "--lifecycle", lifecycle, "--json"]);
        assert!(these.iter().all(|a| a["lifecycle"] == lifecycle));
        let expected: Vec<&Value> = all.iter().filter(|a| a["lifecycle"] == lifecycle).collect();
        assert_eq!(these.iter().collect::<Vec<_>>(), expected, "{lifecycle}");
        total += these.len();
    }
    assert_eq!(total, all.len());
    assert!(
        !list(&store, &["accounts", "--lifecycle", "customer", "--json"]).is_empty(),
        "the demo has customers"
    );
}

#[test]
fn an_unknown_lifecycle_is_refused() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["accounts", "--lifecycle", "bogus"]),
        "lifecycle `bogus` is unknown; use prospect, customer or ex-customer",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn limit_caps_the_accounts_listing() {
    let (_dir, store) = demo_store();
    let all = list(&store, &["accounts", "--json"]);
    assert_eq!(
        list(&store, &["accounts", "--limit", "2", "--json"]),
        all[..2].to_vec()
    );
    let table = stdout_of(wortel(&store).args(["accounts", "--limit", "2"]));
    assert_eq!(
        table.lines().last().unwrap(),
        format!(
            "… 2 of {} accounts shown; use --limit N or --json for more",
            all.len()
        )
    );
}

#[test]
fn accounts_on_a_path_without_a_store_says_how_to_create_one() {
    let (_dir, store) = scratch();
    refused(
        wortel(&store).arg("accounts"),
        &format!(
            "there is no wortel store at {}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`",
            store.display()
        ),
    );
    assert!(!store.exists());
}

/// The words of a name, lower-cased.
fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn search_ranks_whole_words_first_and_leaves_out_loose_matches() {
    let (_dir, store) = scratch();
    demo(&store, 300, 1);
    let found = list(&store, &["accounts", "--search", "jansen", "--json"]);
    assert!(!found.is_empty());
    for a in &found {
        let name = s(a, "name");
        assert!(
            name_words(name).iter().any(|w| w.starts_with("jansen")),
            "`{name}` is listed for jansen, which it only matches loosely"
        );
    }
    let exact = |a: &Value| name_words(s(a, "name")).iter().any(|w| w == "jansen");
    let first_prefix = found.iter().position(|a| !exact(a));
    let last_exact = found.iter().rposition(exact);
    if let (Some(p), Some(e)) = (first_prefix, last_exact) {
        assert!(e < p, "a whole-word Jansen after a Jansens…");
    }
    // Nothing starts a word with "jnsn": the loose matches are all there is, so they show.
    let loose = list(&store, &["accounts", "--search", "jnsn", "--json"]);
    assert!(
        loose.iter().any(|a| s(a, "name").contains("Jansen")),
        "{loose:?}"
    );
}

#[test]
fn a_count_of_one_is_singular() {
    let (_dir, store) = demo_store();
    let out = stdout_of(wortel(&store).args(["accounts", "--limit", "1"]));
    assert!(
        out.trim_end()
            .ends_with("shown; use --limit N or --json for more"),
        "{out}"
    );
    assert!(out.contains("… 1 of "), "{out}");
    let check = stdout_of(wortel(&store).arg("check"));
    assert!(
        !check.contains(" 1 leads") && !check.contains("1 index entries"),
        "{check}"
    );
    assert!(
        check.contains(" leads") || check.contains(" lead,"),
        "{check}"
    );
}
