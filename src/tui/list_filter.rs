//! The `/` filter of a long list (the inbox's leads, the account list): which rows match the
//! query, best ranked first as fzf ranks (see [`crate::search`]: exact words, then word starts,
//! then subsequences from a word's start, then the rest; loose matches only when no row has
//! every term as a word start) — the list's own order within a rank.
//!
//! Per keystroke it walks the search index's texts front to back (memory order, so the
//! processor streams them), rejects most by their character masks, and, when the query only
//! grew, re-checks only what matched before. The list's rows are then put in rank buckets by a
//! lookup per row: no text is read in the list's (random) order and nothing is sorted.

use crate::search::{NO_MATCH, Query, best_first};
use crate::tui::search_index::LowerTexts;

/// What a list remembers between keystrokes of its filter.
#[derive(Debug, Default)]
pub struct ListFilter {
    /// The query `matched` and `classes` are for.
    query: String,
    /// Which texts those are (the index they belong to), so a rebuilt index is never narrowed.
    texts: usize,
    /// Positions of the texts that matched `query`, ascending.
    matched: Vec<u32>,
    /// Per text: its rank for `query`, or [`NO_MATCH`].
    classes: Vec<u8>,
}

impl ListFilter {
    /// Forgets the last query (the next one is checked against every text).
    pub fn clear(&mut self) {
        self.query.clear();
        self.matched.clear();
        self.classes.clear();
    }

    /// The rows that match `query`, in order: `at[row]` is the row's position in `texts`
    /// (`u32::MAX`: not in the index, never matches); `original(i)` is text `i` as written.
    /// `None` for an empty query (the whole list shows).
    pub fn apply<'a>(
        &mut self,
        query: &str,
        texts: &LowerTexts,
        original: impl Fn(usize) -> &'a str,
        at: &[u32],
    ) -> Option<Vec<u32>> {
        let q = Query::new(query);
        if q.is_empty() {
            self.clear();
            return None;
        }
        let same_texts =
            self.texts == texts as *const LowerTexts as usize && self.classes.len() == texts.len();
        let narrowing =
            same_texts && !self.query.is_empty() && Query::new(&self.query).is_extended_by(&q);
        let previous = std::mem::take(&mut self.matched);
        self.matched = texts.classify(
            &q,
            narrowing.then_some(previous.as_slice()),
            original,
            &mut self.classes,
        );
        self.query = query.to_string();
        self.texts = texts as *const LowerTexts as usize;
        let ranked: Vec<(u32, u8)> = at
            .iter()
            .enumerate()
            .filter_map(|(row, &i)| match self.classes.get(i as usize) {
                Some(&rank) if rank != NO_MATCH => Some((row as u32, rank)),
                _ => None,
            })
            .collect();
        Some(best_first(&ranked))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{PREFIX_RANK, term_class};
    use proptest::prelude::*;

    fn texts(words: &[String]) -> LowerTexts {
        let mut t = LowerTexts::default();
        for w in words {
            t.push(w);
        }
        t
    }

    fn word_char_at(s: &str, at: usize, before: bool) -> bool {
        let c = if before {
            s[..at].chars().next_back()
        } else {
            s[at..].chars().next()
        };
        c.is_some_and(char::is_alphanumeric)
    }

    fn subsequence(needle: &str, hay: &str) -> bool {
        let mut hay = hay.chars();
        needle.chars().all(|n| hay.any(|h| h == n))
    }

    /// One term's class, by trying every position of the text: no masks, no memchr. A term of
    /// one character is at best a word prefix.
    fn naive_term_class(term: &str, lower: &str) -> u8 {
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let at_word = |p: usize| !word_char_at(lower, p, true);
        let found: Vec<usize> = starts
            .iter()
            .copied()
            .filter(|&p| lower[p..].starts_with(term))
            .collect();
        let one_char = term.chars().count() == 1;
        if !one_char
            && found
                .iter()
                .any(|&p| at_word(p) && !word_char_at(lower, p + term.len(), false))
        {
            term_class::EXACT_WORD
        } else if found.iter().any(|&p| at_word(p)) {
            term_class::WORD_PREFIX
        } else if starts.iter().any(|&p| {
            at_word(p) && term.chars().next() == lower[p..].chars().next() && {
                subsequence(term, &lower[p..])
            }
        }) {
            term_class::WORD_SUBSEQUENCE
        } else if !found.is_empty() {
            term_class::INSIDE_WORD
        } else if subsequence(term, lower) {
            term_class::SCATTERED
        } else {
            NO_MATCH
        }
    }

    /// A text's rank by the plain definition: worst class, then the sum of all (capped).
    fn naive_rank(query: &str, text: &str) -> u8 {
        let lower = text.to_lowercase();
        let (mut worst, mut sum) = (term_class::EXACT_WORD, 0u32);
        for term in query.split_whitespace() {
            let exact_case = term.chars().any(char::is_uppercase);
            let c = naive_term_class(&term.to_lowercase(), &lower);
            if c == NO_MATCH || (exact_case && !subsequence(term, text)) {
                return NO_MATCH;
            }
            worst = worst.min(c);
            sum += u32::from(c);
        }
        (worst << 5) | sum.min(31) as u8
    }

    /// The plain definition: every row that matches, best rank first, list order within; the
    /// loose ones only when no row has every term as a word prefix or closer.
    fn reference(query: &str, words: &[String], at: &[u32]) -> Option<Vec<u32>> {
        query.split_whitespace().next()?;
        let mut rows: Vec<(u8, u32)> = at
            .iter()
            .enumerate()
            .filter_map(|(row, &i)| {
                let r = naive_rank(query, words.get(i as usize)?);
                (r != NO_MATCH).then_some((r, row as u32))
            })
            .collect();
        if rows.iter().any(|(r, _)| *r >= PREFIX_RANK) {
            rows.retain(|(r, _)| *r >= PREFIX_RANK);
        }
        rows.sort_by_key(|(r, row)| (std::cmp::Reverse(*r), *row));
        Some(rows.into_iter().map(|(_, r)| r).collect())
    }

    fn word() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-eA-E0-9 ·é]{0,14}").unwrap()
    }

    proptest! {
        /// Typing a query one character at a time (narrowing each time) gives exactly what
        /// filtering the whole list from scratch, by the plain definition, gives: for random
        /// texts, list orders and queries.
        #[test]
        fn typing_gives_the_same_rows_as_a_full_filter(
            words in proptest::collection::vec(word(), 0..40),
            order in proptest::collection::vec(0u32..45, 0..50),
            query in "[a-eA-E0-9 é]{0,6}",
        ) {
            let t = texts(&words);
            let mut filter = ListFilter::default();
            for end in (0..=query.len()).filter(|e| query.is_char_boundary(*e)) {
                let typed = &query[..end];
                let got = filter.apply(typed, &t, |i| &words[i], &order);
                prop_assert_eq!(got, reference(typed, &words, &order), "query {:?}", typed);
            }
        }

        /// The one-pass rank agrees with the match test and the plain definition, and the mask
        /// never rejects a match.
        #[test]
        fn match_class_agrees_with_matches_and_the_plain_rank(
            text in word(),
            query in "[a-eA-E0-9 é]{0,5}",
        ) {
            let q = Query::new(&query);
            let lower = text.to_lowercase();
            let got = q.match_class(&lower, || &text);
            prop_assert_eq!(got != NO_MATCH, q.matches(&lower, || &text));
            if !q.is_empty() {
                prop_assert_eq!(got, naive_rank(&query, &text));
            }
            if got != NO_MATCH {
                prop_assert_eq!(crate::search::char_mask(&lower) & q.mask(), q.mask());
            }
        }
    }

    #[test]
    fn deleting_a_character_filters_afresh() {
        let words: Vec<String> = ["Jansen", "Bakker", "Janssen Transport"]
            .map(String::from)
            .to_vec();
        let t = texts(&words);
        let mut f = ListFilter::default();
        let at = [0, 1, 2];
        assert_eq!(f.apply("jansx", &t, |i| &words[i], &at), Some(vec![]));
        assert_eq!(f.apply("jans", &t, |i| &words[i], &at), Some(vec![0, 2]));
        assert_eq!(f.apply("", &t, |i| &words[i], &at), None);
    }

    #[test]
    fn the_best_match_comes_first_whatever_the_list_order() {
        let words: Vec<String> = [
            "Brouwer Distributie B.V. · Veghel",
            "Brouwer Transport · Tilburg",
            "Bakker Brouwer · Oss",
        ]
        .map(String::from)
        .to_vec();
        let t = texts(&words);
        let mut f = ListFilter::default();
        assert_eq!(
            f.apply("brouwer til", &t, |i| &words[i], &[0, 1, 2]),
            Some(vec![1])
        );
        assert_eq!(
            f.apply("brouwer", &t, |i| &words[i], &[0, 1, 2]),
            Some(vec![0, 1, 2])
        );
        assert_eq!(
            f.apply("brouwer oss", &t, |i| &words[i], &[2, 1, 0]),
            Some(vec![0])
        );
    }
}
