//! Search ranks as users expect from fzf, on a big demo store: a table of queries and the row a
//! user expects first, through the same `/` filter the inbox and the account list use.
//!
//! The store has 20,000 leads (10,000 accounts) in the debug build `cargo test` makes;
//! `WORTEL_RANKING_LEADS=100000 cargo test --profile bench --test search_ranking` runs it at
//! the 100,000 leads of the keystroke benchmark.

use std::sync::{Arc, OnceLock};
use wortel::demo::{DemoConfig, load_into};
use wortel::store::Store;
use wortel::tui::list_filter::ListFilter;
use wortel::tui::overlays::palette::{Hit, Palette};
use wortel::tui::search_index::{LowerTexts, SearchIndex};

fn leads_in_store() -> usize {
    std::env::var("WORTEL_RANKING_LEADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000)
}

/// The demo store's index, built once for every test here.
fn index() -> &'static (tempfile::TempDir, Arc<SearchIndex>) {
    static INDEX: OnceLock<(tempfile::TempDir, Arc<SearchIndex>)> = OnceLock::new();
    INDEX.get_or_init(build_index)
}

fn build_index() -> (tempfile::TempDir, Arc<SearchIndex>) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Store::open_or_create(&dir.path().join("store")).expect("a store");
    let config = DemoConfig {
        seed: 1,
        leads: leads_in_store(),
        now: "2026-11-23T09:00:00Z".parse().expect("a time"),
    };
    load_into(&store, &config).expect("the demo loads");
    let index = SearchIndex::build(&store).expect("the index builds");
    (dir, Arc::new(index))
}

/// The words of a text, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn has_word(text: &str, w: &str) -> bool {
    words(text).iter().any(|x| x == w)
}

fn has_word_start(text: &str, w: &str) -> bool {
    words(text).iter().any(|x| x.starts_with(w))
}

/// The positions of the texts the filter lists for `query`, in its order (the list is in
/// store order).
fn filtered_rows(query: &str, texts: &LowerTexts, original: &[String]) -> Vec<usize> {
    let at: Vec<u32> = (0..original.len() as u32).collect();
    ListFilter::default()
        .apply(query, texts, |i| original[i].as_str(), &at)
        .unwrap_or_default()
        .into_iter()
        .map(|r| r as usize)
        .collect()
}

/// The texts the filter lists for `query`, in its order.
fn filtered<'a>(query: &str, texts: &LowerTexts, original: &'a [String]) -> Vec<&'a str> {
    filtered_rows(query, texts, original)
        .into_iter()
        .map(|r| original[r].as_str())
        .collect()
}

/// What a user expects first: a test on the first row's text, and what it means.
type Expect = (&'static str, fn(&str) -> bool, &'static str);

const LEAD_QUERIES: &[Expect] = &[
    (
        "brouwer til",
        |t| has_word(t, "brouwer") && has_word(t, "tilburg"),
        "a Brouwer in Tilburg",
    ),
    (
        "jansen utrecht",
        |t| has_word(t, "jansen") && has_word(t, "utrecht"),
        "a Jansen in Utrecht",
    ),
    (
        "hoekstra zwol",
        |t| has_word(t, "hoekstra") && has_word(t, "zwolle"),
        "Hoekstra, Zwolle",
    ),
    ("koel", |t| has_word_start(t, "koel"), "a Koeltransport"),
    (
        "gemeente breda",
        |t| has_word(t, "gemeente") && has_word(t, "breda"),
        "Gemeente Breda",
    ),
    (
        "van der berg",
        |t| ["van", "der", "berg"].iter().all(|w| has_word(t, w)),
        "Van der Berg",
    ),
    (
        "wassink gor",
        |t| has_word(t, "wassink") && has_word(t, "gorinchem"),
        "Wassink, Gorinchem",
    ),
];

const ACCOUNT_QUERIES: &[Expect] = &[
    (
        "jansen",
        |t| has_word(t, "jansen"),
        "an account named Jansen",
    ),
    (
        "brouwer",
        |t| has_word(t, "brouwer"),
        "an account named Brouwer",
    ),
    (
        "transport jansen",
        |t| has_word(t, "transport") && has_word(t, "jansen"),
        "Jansen's transport",
    ),
    (
        "bulk",
        |t| has_word_start(t, "bulktransport"),
        "a Bulktransport",
    ),
    ("iris", |t| has_word(t, "iris"), "someone called Iris"),
];

#[test]
fn the_row_a_user_expects_comes_first() {
    let (_dir, index) = index();
    let leads: Vec<String> = index.leads.iter().map(|l| l.text.clone()).collect();
    let accounts: Vec<String> = index.accounts.iter().map(|a| a.text.clone()).collect();
    for (lists, texts, original) in [
        (LEAD_QUERIES, &index.leads_lower, &leads),
        (ACCOUNT_QUERIES, &index.accounts_lower, &accounts),
    ] {
        for (query, expected, meaning) in lists {
            let rows = filtered(query, texts, original);
            let first = rows.first().copied().unwrap_or("(nothing)");
            assert!(
                expected(first),
                "`{query}`: expected {meaning} first, got {first:?}"
            );
        }
    }
}

#[test]
fn once_a_row_has_every_word_loose_matches_are_left_out() {
    let (_dir, index) = index();
    let leads: Vec<String> = index.leads.iter().map(|l| l.text.clone()).collect();
    let rows = filtered("brouwer til", &index.leads_lower, &leads);
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(
            has_word_start(r, "brouwer") && has_word_start(r, "til"),
            "a loose match is listed: {r:?}"
        );
    }
    // Whole words come before word starts: the Brouwer rows before Brouwers….
    let accounts: Vec<String> = index.accounts.iter().map(|a| a.text.clone()).collect();
    let rows = filtered("jansen", &index.accounts_lower, &accounts);
    let first_loose = rows.iter().position(|r| !has_word(r, "jansen"));
    let last_exact = rows.iter().rposition(|r| has_word(r, "jansen"));
    if let (Some(loose), Some(exact)) = (first_loose, last_exact) {
        assert!(
            exact < loose,
            "an exact Jansen after a looser match: {rows:?}"
        );
    }
    assert!(
        rows.iter()
            .all(|r| !r.contains("(eigen rijder)") || has_word_start(r, "jansen"))
    );
}

#[test]
fn equal_matches_keep_store_order() {
    let (_dir, index) = index();
    let accounts: Vec<String> = index.accounts.iter().map(|a| a.text.clone()).collect();
    // One term: every account with the whole word "jansen" has the same rank, so they come
    // first, in the index's order.
    let exact: Vec<usize> = filtered_rows("jansen", &index.accounts_lower, &accounts)
        .into_iter()
        .filter(|&r| has_word(&accounts[r], "jansen"))
        .collect();
    let in_store_order: Vec<usize> = (0..accounts.len())
        .filter(|&r| has_word(&accounts[r], "jansen"))
        .collect();
    assert!(exact.len() > 1, "the demo has several Jansens");
    assert_eq!(exact, in_store_order);
}

#[test]
fn the_palette_ranks_as_the_filters_do() {
    let (_dir, index) = index();
    let typed = |text: &str| {
        let mut p = Palette::new(Some(index.clone()));
        for c in text.chars() {
            p.on_char(c);
        }
        p
    };
    let p = typed("@brouwer til");
    let first = p.hits.first().copied().expect("a hit");
    assert!(matches!(first, Hit::Account(_)), "{first:?}");
    let text = p.text_of(first);
    assert!(
        has_word(&text, "brouwer") && has_word(&text, "tilburg"),
        "{text}"
    );
    for h in &p.hits {
        let t = p.text_of(*h);
        assert!(
            has_word_start(&t, "brouwer") && has_word_start(&t, "til"),
            "{t}"
        );
    }
    // Over everything: a command named by a whole word comes before leads that only contain
    // its letters.
    let p = typed("accept");
    let first = p.hits.first().copied().expect("a hit");
    assert!(matches!(first, Hit::Command(_)), "{first:?}");
}
