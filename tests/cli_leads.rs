//! `wortel leads`: the inbox as a table for people and one JSON array for scripts, with filters
//! by status, tier, channel, overdue and a fuzzy search.

mod common;
use common::*;
use serde_json::Value;
use std::collections::BTreeSet;

fn ids(leads: &[Value]) -> BTreeSet<String> {
    leads.iter().map(|l| s(l, "id").to_string()).collect()
}

#[test]
fn the_leads_table_starts_with_a_header() {
    let (_dir, store) = demo_store();
    let out = stdout_of(wortel(&store).arg("leads"));
    let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "TIER", "STATUS", "ACCOUNT", "CITY", "INTEREST", "SCORE", "RESPOND", "BY", "SOURCE",
            "ID"
        ]
    );
    let open = list(&store, &["leads", "--json"]).len();
    assert_eq!(
        out.lines().count(),
        1 + open,
        "a header and one row per open lead"
    );
}

#[test]
fn leads_json_is_one_array_of_objects_with_id_status_and_account() {
    let (_dir, store) = demo_store();
    let text = stdout_of(wortel(&store).args(["leads", "--all", "--json"]));
    assert!(text.starts_with('[') && text.ends_with("]\n"), "{text}");
    let leads: Value = serde_json::from_str(&text).unwrap();
    let leads = leads.as_array().unwrap();
    assert_eq!(leads.len(), 20);
    for l in leads {
        assert!(!s(l, "id").is_empty(), "{l}");
        assert!(!s(l, "status").is_empty(), "{l}");
        assert!(!s(l, "account").is_empty(), "{l}");
    }
    assert_eq!(ids(leads).len(), 20, "ids are unique");
}

#[test]
fn the_default_listing_shows_the_open_leads_only() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let open = list(&store, &["leads", "--json"]);
    assert!(!open.is_empty());
    assert!(open.iter().all(|l| OPEN_STATUSES.contains(&s(l, "status"))));
    let expected: BTreeSet<String> = all_leads(&store)
        .iter()
        .filter(|l| OPEN_STATUSES.contains(&s(l, "status")))
        .map(|l| s(l, "id").to_string())
        .collect();
    assert_eq!(ids(&open), expected);
}

#[test]
fn status_new_lists_only_the_new_leads() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let new = list(&store, &["leads", "--status", "new", "--json"]);
    assert!(!new.is_empty(), "the demo has new leads");
    assert!(new.iter().all(|l| l["status"] == "new"));
    let expected: BTreeSet<String> = all_leads(&store)
        .iter()
        .filter(|l| l["status"] == "new")
        .map(|l| s(l, "id").to_string())
        .collect();
    assert_eq!(ids(&new), expected);
    let two = list(&store, &["leads", "--status", "new,contacted", "--json"]);
    assert!(
        two.iter()
            .all(|l| l["status"] == "new" || l["status"] == "contacted")
    );
    assert!(two.len() >= new.len());
}

#[test]
fn tier_1_lists_only_customers_leads_and_the_tiers_together_make_the_whole() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let mut total = 0;
    for tier in 1..=3u64 {
        let t = list(
            &store,
            &["leads", "--all", "--tier", &tier.to_string(), "--json"],
        );
        assert!(t.iter().all(|l| l["tier"] == tier), "tier {tier}");
        total += t.len();
    }
    assert_eq!(total, 40);
    let both = list(&store, &["leads", "--all", "--tier", "1,2", "--json"]);
    assert!(both.iter().all(|l| l["tier"] == 1 || l["tier"] == 2));
}

#[test]
fn tier_4_is_refused() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["leads", "--tier", "4"]),
        "tier 4 does not exist; tiers are 1, 2 and 3; pass --tier 1, 2 or 3",
    );
    refused(
        wortel(&store).args(["leads", "--tier", "0", "--json"]),
        "tier 0 does not exist; tiers are 1, 2 and 3; pass --tier 1, 2 or 3",
    );
    usage_error(wortel(&store).args(["leads", "--tier", "one"]), "one");
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_unknown_status_is_refused() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["leads", "--status", "bogus"]),
        "status `bogus` is unknown; use one of new, accepted, rejected, snoozed, contacted, qualified, converted, disqualified, retracted",
    );
    refused(
        wortel(&store).args(["leads", "--status", "new,bogus", "--json"]),
        "status `bogus` is unknown; use one of new, accepted, rejected, snoozed, contacted, qualified, converted, disqualified, retracted",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn all_and_status_together_are_a_usage_error() {
    let (_dir, store) = demo_store();
    usage_error(
        wortel(&store).args(["leads", "--all", "--status", "new"]),
        "--all",
    );
}

#[test]
fn overdue_lists_exactly_the_new_leads_past_their_deadline() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let overdue = list(&store, &["leads", "--overdue", "--json"]);
    assert!(!overdue.is_empty(), "the demo has overdue leads");
    assert!(
        overdue
            .iter()
            .all(|l| l["overdue"] == true && l["status"] == "new")
    );
    for l in &overdue {
        // Respond-by lies before the fixed clock.
        assert!(s(l, "respond_by") < NOW, "{l}");
    }
    let expected: BTreeSet<String> = all_leads(&store)
        .iter()
        .filter(|l| l["overdue"] == true)
        .map(|l| s(l, "id").to_string())
        .collect();
    assert_eq!(ids(&overdue), expected);
    let table = stdout_of(wortel(&store).args(["leads", "--overdue"]));
    assert_eq!(table.lines().count(), 1 + overdue.len());
    assert!(
        table.lines().skip(1).all(|r| r.contains("OVERDUE")),
        "{table}"
    );
}

#[test]
fn search_puts_the_best_match_first_and_leaves_out_what_does_not_match() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let all = all_leads(&store);
    let target = all
        .iter()
        .find(|l| l["external_id"].is_string())
        .expect("a head-office lead");
    let ext = s(target, "external_id");
    let found = list(&store, &["leads", "--all", "--search", ext, "--json"]);
    assert_eq!(found[0]["id"], target["id"], "the exact id ranks first");
    for l in &found {
        let text = format!(
            "{} {} {} {}",
            s(l, "account"),
            s(l, "city"),
            s(l, "interest"),
            l["external_id"].as_str().unwrap_or("")
        );
        assert!(fuzzy_contains(&text, ext), "{ext} does not match {text}");
    }
    assert!(found.len() < all.len(), "non-matches are left out");

    let name = s(&all[0], "account");
    let by_name = list(&store, &["leads", "--all", "--search", name, "--json"]);
    assert_eq!(s(&by_name[0], "account"), name);
    assert!(
        all.iter()
            .filter(|l| s(l, "account") == name)
            .all(|l| by_name.iter().any(|f| f["id"] == l["id"])),
        "every lead of the account is found"
    );

    assert_eq!(
        list(
            &store,
            &["leads", "--all", "--search", "zzzqqqxxx", "--json"]
        ),
        Vec::<Value>::new()
    );
    let none = stdout_of(wortel(&store).args(["leads", "--search", "zzzqqqxxx"]));
    assert_eq!(none, "no leads match\n");
}

#[test]
fn search_without_all_stays_in_the_open_inbox() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let closed = all_leads(&store)
        .into_iter()
        .find(|l| !OPEN_STATUSES.contains(&s(l, "status")) && l["external_id"].is_string())
        .expect("a closed head-office lead");
    let found = list(
        &store,
        &["leads", "--search", s(&closed, "external_id"), "--json"],
    );
    assert!(
        found
            .iter()
            .all(|l| OPEN_STATUSES.contains(&s(l, "status")))
    );
    assert!(found.iter().all(|l| l["id"] != closed["id"]));
}

#[test]
fn channel_web_lists_only_web_leads() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let web = list(&store, &["leads", "--all", "--channel", "web", "--json"]);
    assert!(web.iter().all(|l| l["channel"] == "web"));
    let expected: BTreeSet<String> = all_leads(&store)
        .iter()
        .filter(|l| l["channel"] == "web")
        .map(|l| s(l, "id").to_string())
        .collect();
    assert_eq!(ids(&web), expected);
}

#[test]
fn channel_fax_is_refused() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["leads", "--channel", "fax"]),
        "channel `fax` is unknown; use one of data-mining, telemarketing, web, event, dealer, other",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn limit_caps_the_listing_and_the_table_says_more_match() {
    let (_dir, store) = demo_store();
    let all = all_leads(&store);
    let three = list(&store, &["leads", "--all", "--limit", "3", "--json"]);
    assert_eq!(three, all[..3].to_vec(), "the first three in inbox order");
    let table = stdout_of(wortel(&store).args(["leads", "--all", "--limit", "3"]));
    assert_eq!(table.lines().count(), 1 + 3 + 1, "{table}");
    assert!(table.lines().last().unwrap().starts_with("… "), "{table}");
}

#[test]
fn an_empty_store_lists_no_leads() {
    let (_dir, store) = scratch();
    stdout_of(wortel(&store).args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"]));
    assert_eq!(stdout_of(wortel(&store).args(["leads", "--json"])), "[]\n");
    assert_eq!(stdout_of(wortel(&store).arg("leads")), "no leads match\n");
}

#[test]
fn leads_on_a_path_without_a_store_says_how_to_create_one() {
    let (_dir, store) = scratch();
    refused(
        wortel(&store).args(["leads", "--json"]),
        &format!(
            "there is no wortel store at {}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`",
            store.display()
        ),
    );
    assert!(!store.exists(), "listing creates no store");
    // An empty directory holds no store either, and stays empty.
    std::fs::create_dir(&store).unwrap();
    refused(
        wortel(&store).arg("leads"),
        &format!(
            "there is no wortel store at {}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`",
            store.display()
        ),
    );
    assert_eq!(std::fs::read_dir(&store).unwrap().count(), 0);
}

#[test]
fn leads_on_a_regular_file_says_it_is_not_a_store() {
    let (_dir, store) = scratch();
    std::fs::write(&store, "hello").unwrap();
    refused(
        wortel(&store).arg("leads"),
        &format!(
            "{} is a file, not a wortel store; pick a directory as --store path",
            store.display()
        ),
    );
    assert_eq!(std::fs::read_to_string(&store).unwrap(), "hello");
}
