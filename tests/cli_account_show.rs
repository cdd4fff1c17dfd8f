//! `wortel account show ID|NAME [--json]`: one account with its contacts, leads, deals and
//! latest activities; a name that fits several accounts is refused with the candidates.

mod common;
use common::*;
use std::collections::HashMap;

#[test]
fn an_account_is_shown_by_id_and_by_name_with_its_leads() {
    let (_dir, store) = demo_store();
    let l = a_new_lead(&store);
    let (id, name) = (s(&l, "account_id"), s(&l, "account"));
    let by_id: serde_json::Value = json(&store, &["account", "show", id, "--json"]);
    assert_eq!(s(&by_id["account"], "id"), id);
    assert_eq!(s(&by_id["account"], "name"), name);
    let leads = by_id["leads"].as_array().expect("leads");
    assert!(leads.iter().any(|x| x["id"] == l["id"]), "{by_id}");
    assert!(by_id["contacts"].is_array() && by_id["opportunities"].is_array());

    let text = stdout_of(wortel(&store).args(["account", "show", id]));
    assert!(text.starts_with(name), "{text}");
    assert!(text.contains(&format!("  id        {id}")), "{text}");
    assert!(text.contains("leads ("), "{text}");
}

#[test]
fn a_name_is_matched_exactly_or_by_the_start_of_its_words() {
    let (_dir, store) = demo_store();
    let accounts = list(&store, &["accounts", "--json"]);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for a in &accounts {
        *count.entry(s(a, "name")).or_default() += 1;
    }
    let unique = accounts
        .iter()
        .find(|a| count[s(a, "name")] == 1)
        .expect("an account with a name of its own");
    let name = s(unique, "name");
    let shown = json(&store, &["account", "show", &name.to_uppercase(), "--json"]);
    assert_eq!(shown["account"]["id"], unique["id"]);
}

/// The words of a name, lower-cased.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn an_ambiguous_name_is_refused_listing_the_candidates() {
    let (_dir, store) = demo_store();
    let accounts = list(&store, &["accounts", "--json"]);
    // A word that starts a word of 2 to 10 names: each of those accounts is a candidate.
    let fits = |word: &str| -> Vec<&str> {
        accounts
            .iter()
            .filter(|a| words(s(a, "name")).iter().any(|w| w.starts_with(word)))
            .map(|a| s(a, "id"))
            .collect()
    };
    let (word, ids) = accounts
        .iter()
        .flat_map(|a| words(s(a, "name")))
        .filter(|w| w.len() > 3)
        .map(|w| {
            let ids = fits(&w);
            (w, ids)
        })
        .find(|(_, ids)| (2..=10).contains(&ids.len()))
        .expect("a word several demo names share");
    let out = wortel(&store)
        .args(["account", "show", &word])
        .output()
        .expect("wortel runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("wortel: `{word}` names {} accounts: ", ids.len())),
        "{err}"
    );
    for id in &ids {
        assert!(err.contains(id), "{id} not among the candidates: {err}");
    }
    assert!(
        err.trim_end()
            .ends_with("give one's id or more of its name")
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}

#[test]
fn an_unknown_account_is_refused_in_one_sentence() {
    let (_dir, store) = demo_store();
    refused(
        wortel(&store).args(["account", "show", "Zzyzx Qwerty"]),
        "no account is named `Zzyzx Qwerty`; `wortel accounts --search \"Zzyzx Qwerty\"` finds similar names",
    );
}
