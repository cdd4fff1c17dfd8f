//! The one short form of an amount, for columns too narrow for the full one.
//!
//! Tables and headers show full amounts (`€ 445.000,00`); only a column that cannot fit them
//! shows `€ 445k` or `€ 2,3 mln`, rounded down so a short form never claims more than is there.

use super::Cents;

/// `€ 2,3 mln`, `€ 445k`, `€ 950`: whole euros, thousands or millions with one decimal.
pub fn compact(amount: Cents) -> String {
    let sign = if amount.0 < 0 { "-" } else { "" };
    let euros = amount.0.unsigned_abs() / 100;
    if euros >= 1_000_000 {
        let tenths = (euros % 1_000_000) / 100_000;
        format!("{sign}€ {},{tenths} mln", euros / 1_000_000)
    } else if euros >= 1_000 {
        format!("{sign}€ {}k", euros / 1_000)
    } else {
        format!("{sign}€ {euros}")
    }
}

/// The amount in full when it fits in `width` characters, else in its short form: how a
/// column shows money, so a narrow column shortens and a wide one never does.
pub fn fitted(amount: Cents, width: usize) -> String {
    let full = amount.to_string();
    if full.chars().count() <= width {
        full
    } else {
        compact(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_round_down_and_say_their_unit() {
        assert_eq!(compact(Cents::euros(2_345_678)), "€ 2,3 mln");
        assert_eq!(compact(Cents::euros(445_999)), "€ 445k");
        assert_eq!(compact(Cents(95_099)), "€ 950");
        assert_eq!(compact(Cents::euros(-12_000)), "-€ 12k");
        assert_eq!(compact(Cents(0)), "€ 0");
    }

    #[test]
    fn a_column_shortens_money_only_when_the_full_amount_does_not_fit() {
        let v = Cents::euros(445_000);
        assert_eq!(fitted(v, 12), "€ 445.000,00");
        assert_eq!(fitted(v, 11), "€ 445k");
    }
}
