//! Money as whole euro cents: never floating point, so totals and forecasts add up exactly.

use serde::{Deserialize, Serialize};
use std::fmt;

mod compact;
mod parse;
pub use compact::{compact, fitted};

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
    fn percentage_rounds_to_the_cent() {
        assert_eq!(Cents(333).percent(25), Cents(83));
        assert_eq!(Cents(10_000_000).percent(75), Cents(7_500_000));
        assert_eq!(Cents(1).percent(50), Cents(1));
    }
}
