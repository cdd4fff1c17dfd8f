//! Money as whole euro cents: never floating point, so totals and forecasts add up exactly.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in euro cents.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl Cents {
    /// Whole euros, for literals and demo data.
    pub fn euros(euros: i64) -> Self {
        Self(euros.saturating_mul(100))
    }

    /// This amount times a whole percentage, rounded half away from zero to the cent.
    pub fn percent(self, pct: u8) -> Cents {
        let v = i128::from(self.0) * i128::from(pct);
        let rounded = if v >= 0 {
            (v + 50) / 100
        } else {
            (v - 50) / 100
        };
        Cents(i64::try_from(rounded).unwrap_or(i64::MAX))
    }

    /// Parses what a user types: `12500`, `12.500`, `12500,50`, `€ 12.500,50`, `12500.50`.
    /// A single separator followed by exactly two digits is the decimal separator.
    pub fn parse(input: &str) -> Option<Cents> {
        let s: String = input
            .trim()
            .trim_start_matches('€')
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_')
            .collect();
        if s.is_empty() {
            return None;
        }
        let (neg, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, s),
        };
        let last_sep = s.rfind(['.', ',']);
        let (whole, frac) = match last_sep {
            Some(i) if s.len() - i - 1 == 2 => (&s[..i], &s[i + 1..]),
            _ => (s.as_str(), ""),
        };
        let whole: String = whole.chars().filter(|c| *c != '.' && *c != ',').collect();
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let euros: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let cents: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        let total = euros.checked_mul(100)?.checked_add(cents)?;
        Some(Cents(if neg { -total } else { total }))
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_add(rhs.0))
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents(0), |a, b| a + b)
    }
}

/// Dutch notation, as the dealer's staff write it: `€ 12.345,67`.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let euros = abs / 100;
        let cents = abs % 100;
        let digits = euros.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(ch);
        }
        write!(
            f,
            "{}€ {},{:02}",
            if neg { "-" } else { "" },
            grouped,
            cents
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_in_dutch_notation() {
        assert_eq!(Cents(1_234_567).to_string(), "€ 12.345,67");
        assert_eq!(Cents(5).to_string(), "€ 0,05");
        assert_eq!(Cents(-100_000).to_string(), "-€ 1.000,00");
    }

    #[test]
    fn parses_what_salespeople_type() {
        assert_eq!(Cents::parse("12500"), Some(Cents(1_250_000)));
        assert_eq!(Cents::parse("€ 12.500,50"), Some(Cents(1_250_050)));
        assert_eq!(Cents::parse("12500.50"), Some(Cents(1_250_050)));
        assert_eq!(Cents::parse("12.500"), Some(Cents(1_250_000)));
        assert_eq!(Cents::parse("1,234,567"), Some(Cents(123_456_700)));
        assert_eq!(Cents::parse("abc"), None);
        assert_eq!(Cents::parse(""), None);
    }

    #[test]
    fn percentage_rounds_to_the_cent() {
        assert_eq!(Cents(333).percent(25), Cents(83));
        assert_eq!(Cents(10_000_000).percent(75), Cents(7_500_000));
        assert_eq!(Cents(1).percent(50), Cents(1));
    }
}
