//! Fuzzy matching, shared by the CLI's `--search` and the TUI's filters and palette.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A query split into space-separated terms; every term must match (like fzf), so
/// "jansen utr" finds "Transport Jansen, Utrecht".
pub struct Query {
    terms: Vec<String>,
    matcher: SkimMatcherV2,
}

impl Query {
    pub fn new(query: &str) -> Self {
        Query {
            terms: query.split_whitespace().map(str::to_string).collect(),
            matcher: SkimMatcherV2::default().smart_case(),
        }
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
