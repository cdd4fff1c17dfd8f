//! Fuzzy matching, shared by the CLI's `--search` and the TUI's filters and palette.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A query split into space-separated terms; every term must match (like fzf), so
/// "jansen utr" finds "Transport Jansen, Utrecht".
pub struct Query {
    terms: Vec<String>,
    /// Per term: lower-cased, and whether it is matched ignoring case (smart case: a term with
    /// an upper-case letter must match case exactly, as in skim and fzf).
    folded: Vec<(String, bool)>,
    /// The characters every matching text must hold (see [`char_mask`]).
    mask: u64,
    /// A substring searcher per folded term, built once per query.
    finders: Vec<memchr::memmem::Finder<'static>>,
    matcher: SkimMatcherV2,
}

/// The class [`Query::match_class`] gives a text that does not match.
pub const NO_MATCH: u8 = u8::MAX;

/// A 64-bit summary of which characters a lower-cased text holds: one bit per letter and digit,
/// the other characters folded onto the remaining bits. A text can only match a query whose
/// mask is a subset of its own, so comparing two integers rejects most texts of a long list
/// without reading them.
pub fn char_mask(lower: &str) -> u64 {
    lower.chars().fold(0, |m, c| m | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 0,
        _ => 1 << (36 + (c as u32 % 28)),
    }
}

impl Query {
    pub fn new(query: &str) -> Self {
        let terms: Vec<String> = query.split_whitespace().map(str::to_string).collect();
        let folded: Vec<(String, bool)> = terms
            .iter()
            .map(|t| {
                let ignore_case = !t.chars().any(char::is_uppercase);
                (t.to_lowercase(), ignore_case)
            })
            .collect();
        let mask = folded.iter().fold(0, |m, (f, _)| m | char_mask(f));
        let finders = folded
            .iter()
            .map(|(f, _)| memchr::memmem::Finder::new(f.as_bytes()).into_owned())
            .collect();
        Query {
            terms,
            folded,
            mask,
            finders,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// The characters a text must hold to match (see [`char_mask`]).
    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// [`Query::matches`] and [`Query::class`] in one pass over the text: the class of the
    /// match, or [`NO_MATCH`]. A term found as typed needs no subsequence walk; only the others
    /// are walked.
    pub fn match_class<'a>(&self, lower: &str, text: impl Fn() -> &'a str) -> u8 {
        let mut class = if self.folded.is_empty() { 0 } else { 2 };
        for (((folded, ignore_case), term), finder) in
            self.folded.iter().zip(&self.terms).zip(&self.finders)
        {
            if !*ignore_case && !is_subsequence(term, text()) {
                return NO_MATCH;
            }
            let c = substring_class(finder, lower);
            if c == NO_MATCH {
                if *ignore_case && !is_subsequence(folded, lower) {
                    return NO_MATCH;
                }
                class = 0;
            } else {
                class = class.min(c);
            }
        }
        class
    }

    /// Whether a text matches (every term's characters occur in it, in order), without
    /// scoring: an order of magnitude cheaper than [`Query::score`], for filtering long lists.
    /// `lower` is the text lower-cased (kept by callers that test the same text often);
    /// `text` gives the original, needed only for a term with an upper-case letter.
    pub fn matches<'a>(&self, lower: &str, text: impl Fn() -> &'a str) -> bool {
        self.folded
            .iter()
            .zip(&self.terms)
            .all(|((folded, ignore_case), term)| {
                if *ignore_case {
                    is_subsequence(folded, lower)
                } else {
                    is_subsequence(term, text())
                }
            })
    }

    /// A coarse rank that costs a substring search, not a fuzzy score: 2 when every term
    /// starts a word of the text, 1 when every term occurs in it as typed, 0 when the terms
    /// only match scattered. Long lists are ordered by this first, so only the best class needs
    /// the expensive score.
    pub fn class(&self, lower: &str) -> u8 {
        self.finders
            .iter()
            .map(|finder| match substring_class(finder, lower) {
                NO_MATCH => 0,
                c => c,
            })
            .min()
            .unwrap_or(0)
    }

    /// True for an empty query.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The match score of `text` (higher is better), or `None` when a term does not match.
    pub fn score(&self, text: &str) -> Option<i64> {
        let mut total = 0;
        for t in &self.terms {
            total += self.matcher.fuzzy_match(text, t)?;
        }
        Some(total)
    }
}

impl Query {
    /// The character positions in `text` that the query matched, for highlighting; `None` when a
    /// term does not match.
    pub fn indices(&self, text: &str) -> Option<Vec<usize>> {
        let mut all = Vec::new();
        for t in &self.terms {
            let (_, idx) = self.matcher.fuzzy_indices(text, t)?;
            all.extend(idx);
        }
        all.sort_unstable();
        all.dedup();
        Some(all)
    }

    /// True when `narrower` only adds characters or terms to this query, so everything it
    /// matches this query matched too: the previous candidates are enough to filter for it,
    /// which keeps typing a longer query fast.
    pub fn is_extended_by(&self, narrower: &Query) -> bool {
        self.terms.len() <= narrower.terms.len()
            && self
                .terms
                .iter()
                .zip(&narrower.terms)
                .all(|(a, b)| b.starts_with(a.as_str()))
    }
}

/// 2 when `term` occurs in `lower` at the start of a word, 1 when it occurs only inside words,
/// [`NO_MATCH`] when it does not occur as typed.
fn substring_class(term: &memchr::memmem::Finder<'_>, lower: &str) -> u8 {
    let mut best = NO_MATCH;
    for at in term.find_iter(lower.as_bytes()) {
        let word_start = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if word_start {
            return 2;
        }
        best = 1;
    }
    best
}

/// True when the characters of `needle` occur in `hay` in order.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    if needle.is_ascii() {
        let mut want = needle.as_bytes().iter().peekable();
        for b in hay.as_bytes() {
            match want.peek() {
                Some(w) if *w == b => {
                    want.next();
                }
                Some(_) => {}
                None => return true,
            }
        }
        return want.peek().is_none();
    }
    let mut want = needle.chars().peekable();
    for c in hay.chars() {
        match want.peek() {
            Some(w) if *w == c => {
                want.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    want.peek().is_none()
}

/// Ranks `items` by match score, best first; ties keep their input order.
pub fn rank<T>(query: &Query, items: impl IntoIterator<Item = (T, String)>) -> Vec<(T, i64)> {
    let mut scored: Vec<(usize, T, i64)> = items
        .into_iter()
        .enumerate()
        .filter_map(|(i, (item, text))| query.score(&text).map(|s| (i, item, s)))
        .collect();
    scored.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    scored.into_iter().map(|(_, item, s)| (item, s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
                assert_eq!(
                    query.matches(&t.to_lowercase(), || t),
                    query.score(t).is_some(),
                    "{q:?} on {t:?}"
                );
            }
        }
    }

    #[test]
    fn classes_put_word_starts_before_substrings_before_scattered_matches() {
        let q = Query::new("jans");
        assert_eq!(q.class("transport jansen"), 2);
        assert_eq!(q.class("van jansens"), 2);
        assert_eq!(q.class("bijansen"), 1);
        assert_eq!(q.class("jaarsveld nieuwegein s"), 0);
        assert_eq!(Query::new("jan utr").class("jansen · utrecht"), 2);
        assert_eq!(Query::new("jan rec").class("jansen · utrecht"), 1);
    }

    #[test]
    fn every_term_must_match_and_better_matches_rank_first() {
        let q = Query::new("jansen utr");
        assert!(q.score("Transport Jansen B.V. Utrecht").is_some());
        assert!(q.score("Transport Jansen B.V. Zwolle").is_none());
        let ranked = rank(
            &Query::new("jans"),
            vec![
                (1, "Bakker Jaarsveld Nieuwegein".to_string()),
                (2, "Jansen".to_string()),
                (3, "Pieters".to_string()),
            ],
        );
        assert_eq!(ranked.first().map(|r| r.0), Some(2));
        assert!(ranked.iter().all(|r| r.0 != 3));
    }

    #[test]
    fn an_empty_query_matches_everything() {
        assert!(Query::new("  ").is_empty());
        assert_eq!(Query::new("").score("anything"), Some(0));
    }
}
