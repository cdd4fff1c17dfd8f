//! Fuzzy matching, shared by the CLI's `--search` and the TUI's filters and palette.
//!
//! Ranking is fzf's, as users expect it: each query term is classed by how well it meets the
//! text (an exact word, a word's start, a subsequence starting at a word, a substring inside a
//! word, scattered letters); a text ranks by its worst term first, then by all its terms
//! together, and equal ranks keep the list's order. Once some text has every term as a word
//! prefix or closer, the loose matches are left out: "brouwer til" then means the Brouwer in
//! Tilburg, not every Brouwer with a t, i and l somewhere.

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

/// The rank [`Query::match_class`] gives a text that does not match.
pub const NO_MATCH: u8 = u8::MAX;

/// How well one term meets a text, best last.
pub mod term_class {
    /// Its letters occur in order, but not as below.
    pub const SCATTERED: u8 = 0;
    /// It occurs as typed, inside a word ("ansen" in "jansen").
    pub const INSIDE_WORD: u8 = 1;
    /// Its letters occur in order from the start of a word ("brwr" in "brouwer").
    pub const WORD_SUBSEQUENCE: u8 = 2;
    /// It starts a word ("jans" in "jansen").
    pub const WORD_PREFIX: u8 = 3;
    /// It is a whole word ("jansen" in "transport jansen b.v.").
    pub const EXACT_WORD: u8 = 4;
}

/// The lowest rank at which every term is a word prefix or closer: once a row ranks this
/// well, rows below it are left out.
pub const PREFIX_RANK: u8 = term_class::WORD_PREFIX << 5;

/// A text's rank from its terms' classes: the worst class, then (capped) their sum, so
/// "jansen utrecht" as two whole words beats "jansen utr". At most 4 × 32 + 31 = 159, below
/// [`NO_MATCH`].
fn rank_of(worst: u8, sum: u32) -> u8 {
    (worst << 5) | sum.min(31) as u8
}

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

    /// The text's rank (higher is better; see the module's doc), or [`NO_MATCH`]. `lower` is
    /// the text lower-cased (kept by callers that test the same text often); `text` gives the
    /// original, needed only for a term with an upper-case letter.
    pub fn match_class<'a>(&self, lower: &str, text: impl Fn() -> &'a str) -> u8 {
        if self.folded.is_empty() {
            return 0;
        }
        let mut worst = term_class::EXACT_WORD;
        let mut sum = 0u32;
        for (((folded, ignore_case), term), finder) in
            self.folded.iter().zip(&self.terms).zip(&self.finders)
        {
            if !*ignore_case && !is_subsequence(term, text()) {
                return NO_MATCH;
            }
            let c = term_class_of(finder, folded, lower);
            if c == NO_MATCH {
                return NO_MATCH;
            }
            worst = worst.min(c);
            sum += u32::from(c);
        }
        rank_of(worst, sum)
    }

    /// The rank of a lower-cased text as [`Query::match_class`] gives it, 0 when it does not
    /// match; for texts that have no original case to check capitals against.
    pub fn class(&self, lower: &str) -> u8 {
        match self.match_class(lower, || lower) {
            NO_MATCH => 0,
            rank => rank,
        }
    }

    /// Whether a text matches (every term's characters occur in it, in order), without
    /// ranking it.
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

    /// True for an empty query.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The skim match score of `text` (higher is better), or `None` when a term does not
    /// match.
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

/// Letters and digits make words. ASCII and the index's `·` separator are answered without
/// the Unicode tables: the per-keystroke walk asks this for most characters it meets.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c != '·' && c.is_alphanumeric()
    }
}

/// Whether byte position `at` of `lower` starts a word.
fn starts_word(lower: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| lower.as_bytes()[i]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c)),
    }
}

/// Whether byte position `at` of `lower` ends a word.
fn ends_word(lower: &str, at: usize) -> bool {
    match lower.as_bytes().get(at) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => lower[at..].chars().next().is_none_or(|c| !is_word_char(c)),
    }
}

/// How well one lower-cased term meets `lower` (see [`term_class`]), or [`NO_MATCH`].
/// A term of one character is never an exact word: "b" is no better a match for "B.V." than for
/// "Bakker", and not looking for a one-letter word after the first word start keeps the first
/// keystroke of a search (the one that meets the most texts) cheap.
fn term_class_of(finder: &memchr::memmem::Finder<'_>, term: &str, lower: &str) -> u8 {
    let mut prefix = false;
    let mut inside = false;
    let one_char = term.chars().nth(1).is_none();
    for at in finder.find_iter(lower.as_bytes()) {
        if starts_word(lower, at) {
            if one_char {
                return term_class::WORD_PREFIX;
            }
            if ends_word(lower, at + term.len()) {
                return term_class::EXACT_WORD;
            }
            prefix = true;
        } else {
            inside = true;
        }
    }
    if prefix {
        term_class::WORD_PREFIX
    } else if is_word_subsequence(term, lower) {
        term_class::WORD_SUBSEQUENCE
    } else if inside {
        term_class::INSIDE_WORD
    } else if is_subsequence(term, lower) {
        term_class::SCATTERED
    } else {
        NO_MATCH
    }
}

/// True when `term`'s characters occur in `lower` in order, the first at a word's start. The
/// first such word start is enough: a later one leaves fewer characters to match the rest.
fn is_word_subsequence(term: &str, lower: &str) -> bool {
    let Some(first) = term.chars().next() else {
        return true;
    };
    let rest = &term[first.len_utf8()..];
    if first.is_ascii() {
        // Only the places holding the first character can start the match: memchr finds them.
        return memchr::memchr_iter(first as u8, lower.as_bytes())
            .find(|&at| starts_word(lower, at))
            .is_some_and(|at| is_subsequence(rest, &lower[at + 1..]));
    }
    let mut prev_word = false;
    for (at, c) in lower.char_indices() {
        if c == first && !prev_word {
            return is_subsequence(rest, &lower[at + first.len_utf8()..]);
        }
        prev_word = is_word_char(c);
    }
    false
}

/// True when the characters of `needle` occur in `hay` in order.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    if needle.is_ascii() {
        // Each next character by memchr: a jump to it instead of a byte-by-byte walk.
        let hay = hay.as_bytes();
        let mut from = 0;
        for &b in needle.as_bytes() {
            match memchr::memchr(b, &hay[from..]) {
                Some(i) => from += i + 1,
                None => return false,
            }
        }
        return true;
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

/// Items with their ranks (as [`Query::match_class`] gives them) put best first, equal ranks
/// in the order given, without sorting (a count per rank, then one placing pass). Once any
/// ranks [`PREFIX_RANK`] or better, those below are left out (see the module's doc).
pub fn best_first<T: Copy>(ranked: &[(T, u8)]) -> Vec<T> {
    let mut counts = [0usize; 256];
    for &(_, r) in ranked {
        counts[usize::from(r)] += 1;
    }
    let strict = counts[usize::from(PREFIX_RANK)..usize::from(NO_MATCH)]
        .iter()
        .any(|&n| n > 0);
    let lowest = if strict { PREFIX_RANK } else { 0 };
    let mut starts = [0usize; 256];
    let mut next = 0;
    for r in (usize::from(lowest)..usize::from(NO_MATCH)).rev() {
        starts[r] = next;
        next += counts[r];
    }
    let mut out: Vec<Option<T>> = vec![None; next];
    for &(item, r) in ranked {
        if r != NO_MATCH && r >= lowest {
            out[starts[usize::from(r)]] = Some(item);
            starts[usize::from(r)] += 1;
        }
    }
    out.into_iter().flatten().collect()
}

/// Ranks `items` best first (see the module's doc); ties keep their input order. The number
/// beside each is its rank.
pub fn rank<T>(query: &Query, items: impl IntoIterator<Item = (T, String)>) -> Vec<(T, i64)> {
    let mut kept: Vec<Option<T>> = Vec::new();
    let mut ranked: Vec<(usize, u8)> = Vec::new();
    for (item, text) in items {
        let r = query.match_class(&text.to_lowercase(), || &text);
        if r != NO_MATCH {
            ranked.push((kept.len(), r));
            kept.push(Some(item));
        }
    }
    let rank_at: Vec<u8> = ranked.iter().map(|&(_, r)| r).collect();
    best_first(&ranked)
        .into_iter()
        .filter_map(|i| Some((kept[i].take()?, i64::from(rank_at[i]))))
        .collect()
}

#[cfg(test)]
mod tests;
