//! The one reader of amounts, for the CLI, the forms, spreadsheets and bundles alike.
//!
//! Dutch notation only, because that is how the dealer's staff write money and how wortel
//! prints it: the dot groups thousands, the comma starts the cents. Anything that could be
//! read two ways (`95,000`, `95000.5`) is refused with a sentence instead of guessed, since a
//! misread order value becomes a wrong incentive at head office.

use super::Cents;
use crate::domain::error::{DomainError, invalid};

const EXAMPLES: &str = "write it as 95000, 95.000 or 95.000,50";

impl Cents {
    /// Reads `95000`, `95.000`, `95.000,50`, `95000,50`, `12,5` (= 12,50), `€ 95.000` and the
    /// way wortel prints amounts (`-€ 1.000,00`); refuses everything else with a sentence.
    pub fn parse(input: &str) -> Result<Cents, DomainError> {
        let refuse = |why: &str| invalid(format!("amount `{}` {why}; {EXAMPLES}", input.trim()));
        let s = input.trim();
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, s),
        };
        let s = s.strip_prefix('€').map_or(s, str::trim_start);
        if s.is_empty() {
            return Err(refuse("has no digits"));
        }
        let (whole, cents) = match s.split_once(',') {
            Some((w, c)) => (w, Some(c)),
            None => (s, None),
        };
        let euros = read_euros(whole).map_err(refuse)?;
        let cents = match cents {
            None => 0,
            Some(c) => read_cents(c).map_err(refuse)?,
        };
        let total = euros
            .checked_mul(100)
            .and_then(|e| e.checked_add(cents))
            .ok_or_else(|| refuse("is too large"))?;
        Ok(Cents(if negative { -total } else { total }))
    }
}

/// The euros before the comma: plain digits, or groups of three after a dot (`95.000`).
fn read_euros(whole: &str) -> Result<i64, &'static str> {
    if whole.is_empty() {
        return Err("has no euros before the comma");
    }
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || !rest.iter().all(|g| digits(g)) {
        return Err("is not a number");
    }
    if !rest.is_empty() && (first.len() > 3 || rest.iter().any(|g| g.len() != 3)) {
        return Err("has a dot that does not group thousands (the cents come after a comma)");
    }
    let joined: String = std::iter::once(first).chain(rest).collect();
    joined.parse().map_err(|_| "is too large")
}

/// One or two digits after the comma: `,5` is fifty cents.
fn read_cents(frac: &str) -> Result<i64, &'static str> {
    if frac.is_empty() {
        return Err("has no cents after the comma");
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err("is not a number");
    }
    match frac.len() {
        1 => Ok(i64::from(frac.as_bytes()[0] - b'0') * 10),
        2 => frac.parse().map_err(|_| "is not a number"),
        _ => Err("has more than two digits after the comma (the comma starts the cents)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_exactly_what_the_dealer_staff_write() {
        let cases = [
            ("95000", 9_500_000),
            ("95.000", 9_500_000),
            ("95.000,50", 9_500_050),
            ("95000,50", 9_500_050),
            ("12,5", 1_250),
            ("€ 95.000", 9_500_000),
            ("€95.000,00", 9_500_000),
            ("1.234.567", 123_456_700),
            ("0", 0),
            ("-€ 1.000,00", -100_000),
            ("  95000  ", 9_500_000),
        ];
        for (text, cents) in cases {
            assert_eq!(Cents::parse(text), Ok(Cents(cents)), "{text}");
        }
    }

    #[test]
    fn refuses_what_could_be_read_two_ways_or_is_malformed() {
        for text in [
            "1.5.5",
            "95000.5",
            "95,000",
            "1,2,3",
            "--5",
            "1.5",
            "12500.50",
            "",
            "€",
            "abc",
            ",50",
            "95.00",
            "1.0000",
            "9e5",
            "95 000",
            "+5",
            "95,",
            "99999999999999999999",
        ] {
            let err = Cents::parse(text).expect_err(text).to_string();
            assert!(err.contains(&format!("`{}`", text.trim())), "{err}");
            assert!(
                err.contains("95.000,50"),
                "says what to write instead: {err}"
            );
        }
    }

    proptest! {
        #[test]
        fn what_wortel_prints_it_reads_back(cents in -i64::MAX / 100..i64::MAX / 100) {
            let shown = Cents(cents).to_string();
            prop_assert_eq!(Cents::parse(&shown), Ok(Cents(cents)), "{}", shown);
        }
    }
}
