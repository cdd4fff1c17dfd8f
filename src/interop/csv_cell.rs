//! What goes into one CSV cell: text a spreadsheet will not run as a formula, and money as
//! plain euros.
//!
//! The guard follows OWASP's "CSV Injection": a cell is executed when it starts with `=`, `@`,
//! a tab or a carriage return, or with `+`/`-` followed by a formula. Such a cell gets a
//! leading `'`. A `+`/`-` cell that is only a number or a phone number (`+31 70 345 67 89`,
//! `-123.45`) is left as it is: it runs nothing, and a quote would break every exported phone.

use crate::domain::Cents;

/// A text cell a spreadsheet will not mistake for a formula.
pub fn cell(text: &str) -> String {
    if runs_as_formula(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn runs_as_formula(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !is_number_or_phone(&text[1..]),
        _ => false,
    }
}

/// Digits with the punctuation phone numbers and amounts use (space . , - ( ) /), at least one
/// digit, and nothing a formula needs (letters, operators other than `-`, `!`, `|`, quotes).
fn is_number_or_phone(rest: &str) -> bool {
    rest.chars().any(|c| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | ',' | '-' | '(' | ')' | '/'))
}

/// Plain euros with a decimal point (`95000.00`, `-0.50`), whatever the locale, so every
/// spreadsheet and script reads the same number.
pub fn euros(c: Cents) -> String {
    wortel_core::csv_dialect::Dialect::Standard.euros(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_spreadsheet_would_run_is_neutralised() {
        for f in [
            "=1+1",
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(A1:A2)",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "+1+1",
            "-A1",
            "+31 6 SUM(A1)",
            "\t=1",
            "\rcalc",
            "-",
            "+",
            "-=1",
        ] {
            assert_eq!(cell(f), format!("'{f}"), "{f:?}");
        }
    }

    #[test]
    fn phones_negative_amounts_dates_and_plain_text_stay_intact() {
        for t in [
            "+31 70 345 67 89",
            "+31 (0)70-3456789",
            "+31-6-12345678",
            "-123.45",
            "-0,50",
            "-2",
            "2026-12-01",
            "06-12345678",
            "Boer, \"Jan\"",
            "Veldhoven",
            "",
            "a=b",
        ] {
            assert_eq!(cell(t), t, "{t:?}");
        }
    }

    #[test]
    fn money_is_plain_euros() {
        assert_eq!(euros(Cents(9_500_000)), "95000.00");
        assert_eq!(euros(Cents(-50)), "-0.50");
        assert_eq!(euros(Cents(-12_345)), "-123.45");
    }
}
