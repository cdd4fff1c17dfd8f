//! The term classes, the ranks and the ordering, by example.

use super::term_class::*;
use super::*;

fn class(term: &str, text: &str) -> u8 {
    let lower = term.to_lowercase();
    let finder = memchr::memmem::Finder::new(lower.as_bytes());
    term_class_of(&finder, &lower, &text.to_lowercase())
}

#[test]
fn a_term_is_classed_exact_word_prefix_word_subsequence_inside_scattered() {
    let table = [
        ("jansen", "Transport Jansen B.V.", EXACT_WORD),
        ("jansen", "(Jansen) Utrecht", EXACT_WORD),
        ("jans", "Transport Jansen B.V.", WORD_PREFIX),
        ("jansen", "van Jansens en Janssen", WORD_PREFIX),
        ("brwr", "Brouwer Tilburg", WORD_SUBSEQUENCE),
        ("ansen", "Transport Jansen", INSIDE_WORD),
        ("jansen", "Iris de Wijnands (eigen rijder)", SCATTERED),
        ("til", "Brouwer Distributie B.V. Veghel", SCATTERED),
        ("xyz", "Brouwer", NO_MATCH),
        ("ürün", "Café Ürün", EXACT_WORD),
        ("b", "Bakker B.V.", WORD_PREFIX),
        ("é", "Café", INSIDE_WORD),
    ];
    for (term, text, want) in table {
        assert_eq!(class(term, text), want, "{term:?} in {text:?}");
    }
}

#[test]
fn the_cheap_match_agrees_with_the_scored_one() {
    let texts = [
        "Transport Jansen B.V. · Utrecht",
        "Bakker Jaarsveld · Nieuwegein",
        "Café Ürün · Zwolle",
        "jansen",
    ];
    for q in [
        "jans",
        "jansen utr",
        "J",
        "JAN",
        "rün",
        "zw café",
        "x",
        "tr  jan",
    ] {
        let query = Query::new(q);
        for t in texts {
            let lower = t.to_lowercase();
            assert_eq!(
                query.matches(&lower, || t),
                query.score(t).is_some(),
                "{q:?} on {t:?}"
            );
            assert_eq!(
                query.matches(&lower, || t),
                query.match_class(&lower, || t) != NO_MATCH,
                "{q:?} on {t:?}"
            );
        }
    }
}

#[test]
fn a_text_ranks_by_its_worst_term_then_all_terms() {
    let r = |q: &str, t: &str| Query::new(q).match_class(&t.to_lowercase(), || t);
    let text = "Brouwer Distributie B.V. · Tilburg";
    assert!(r("brouwer tilburg", text) > r("brouwer til", text));
    assert!(r("brouwer til", text) > r("brou til", text));
    assert!(r("brou til", text) >= PREFIX_RANK);
    assert!(r("brouwer til", "Brouwer Distributie B.V. · Veghel") < PREFIX_RANK);
    assert!(r("jan rec", "Jansen · Utrecht") < PREFIX_RANK);
}

#[test]
fn loose_matches_show_only_when_nothing_better_exists() {
    let names = [
        "Iris de Wijnands (eigen rijder)",
        "Bakker Jansen",
        "Transport Jansen B.V.",
        "Jansens Logistiek",
    ];
    let ranked = rank(
        &Query::new("jansen"),
        names.iter().enumerate().map(|(i, n)| (i, n.to_string())),
    );
    let order: Vec<usize> = ranked.iter().map(|r| r.0).collect();
    // Exact words in list order, then the prefix; Iris (scattered) left out.
    assert_eq!(order, vec![1, 2, 3]);
    let loose = rank(
        &Query::new("jnsn"),
        names.iter().enumerate().map(|(i, n)| (i, n.to_string())),
    );
    // Nothing starts a word with "jnsn": word-start subsequences, then the scattered one.
    let order: Vec<usize> = loose.iter().map(|r| r.0).collect();
    assert_eq!(order, vec![1, 2, 3, 0]);
}

#[test]
fn best_first_keeps_input_order_within_a_rank() {
    let items = [(0, 5), (1, 130), (2, 5), (3, 130), (4, NO_MATCH)];
    assert_eq!(best_first(&items), vec![1, 3]);
    let loose = [(0, 5), (1, 70), (2, 5), (3, NO_MATCH)];
    assert_eq!(best_first(&loose), vec![1, 0, 2]);
}

#[test]
fn an_empty_query_matches_everything() {
    assert!(Query::new("  ").is_empty());
    assert_eq!(Query::new("").score("anything"), Some(0));
}
