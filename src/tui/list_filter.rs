//! The `/` filter of a long list (the inbox's leads, the account list): which rows match the
//! query, those whose text has the typed words as words first, then those that contain them,
//! then scattered matches — the list's own order within each group.
//!
//! Per keystroke it walks the search index's texts front to back (memory order, so the
//! processor streams them), rejects most by their character masks, and, when the query only
//! grew, re-checks only what matched before. The list's rows are then put in their groups by a
//! lookup per row: no text is read in the list's (random) order and nothing is sorted.

use crate::search::{NO_MATCH, Query};
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
    /// Per text: its class for `query`, or [`NO_MATCH`].
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
        let mut groups: [Vec<u32>; 3] = Default::default();
        for (row, &i) in at.iter().enumerate() {
            if let Some(&class) = self.classes.get(i as usize) {
                if class != NO_MATCH {
                    groups[2 - class as usize].push(row as u32);
                }
            }
        }
        let [mut words, inside, scattered] = groups;
        words.reserve(inside.len() + scattered.len());
        words.extend(inside);
        words.extend(scattered);
        Some(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(words: &[String]) -> LowerTexts {
        let mut t = LowerTexts::default();
        for w in words {
            t.push(w);
        }
        t
    }

    /// The plain definition: every row that matches, by class, list order within.
    fn reference(query: &str, words: &[String], at: &[u32]) -> Option<Vec<u32>> {
        let q = Query::new(query);
        if q.is_empty() {
            return None;
        }
        let mut rows: Vec<(u8, u32)> = at
            .iter()
            .enumerate()
            .filter_map(|(row, &i)| {
                let text = words.get(i as usize)?;
                let lower = text.to_lowercase();
                q.matches(&lower, || text)
                    .then(|| (q.class(&lower), row as u32))
            })
            .collect();
        rows.sort_by_key(|(c, row)| (std::cmp::Reverse(*c), *row));
        Some(rows.into_iter().map(|(_, r)| r).collect())
    }

    fn word() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-eA-E0-9 ·é]{0,14}").unwrap()
    }

    proptest! {
        /// Typing a query one character at a time (narrowing each time) gives exactly what
        /// filtering the whole list from scratch gives, for random texts, list orders and queries.
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

        /// The one-pass class agrees with the match test and the class it replaces.
        #[test]
        fn match_class_agrees_with_matches_and_class(text in word(), query in "[a-eA-E0-9 é]{0,5}") {
            let q = Query::new(&query);
            let lower = text.to_lowercase();
            let expected = if q.matches(&lower, || &text) { q.class(&lower) } else { NO_MATCH };
            prop_assert_eq!(q.match_class(&lower, || &text), expected);
            if expected != NO_MATCH {
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
}
