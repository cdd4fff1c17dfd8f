//! How numbers, money and dates are written in each language, for every front end: Dutch
//! `7.118`, `€ 1.508.000,00`, `vr 4 dec`, `vrijdag 4 december 2026`; English `7,118`,
//! `€1,508,000.00`, `Fri 4 Dec`, `Friday 4 December 2026`. Machine formats (bundles, `--json`,
//! ISO dates in files) never go through here.

use crate::domain::Cents;
use crate::lang::Language;
use jiff::civil::Date;

/// Month names, January first: full and the abbreviation a listing shows.
pub const MONTHS_NL: [(&str, &str); 12] = [
    ("januari", "jan"),
    ("februari", "feb"),
    ("maart", "mrt"),
    ("april", "apr"),
    ("mei", "mei"),
    ("juni", "jun"),
    ("juli", "jul"),
    ("augustus", "aug"),
    ("september", "sep"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
];

pub const MONTHS_EN: [(&str, &str); 12] = [
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", "May"),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
];

/// Weekday names, Monday first: full and the abbreviation a listing shows.
pub const WEEKDAYS_NL: [(&str, &str); 7] = [
    ("maandag", "ma"),
    ("dinsdag", "di"),
    ("woensdag", "wo"),
    ("donderdag", "do"),
    ("vrijdag", "vr"),
    ("zaterdag", "za"),
    ("zondag", "zo"),
];

pub const WEEKDAYS_EN: [(&str, &str); 7] = [
    ("Monday", "Mon"),
    ("Tuesday", "Tue"),
    ("Wednesday", "Wed"),
    ("Thursday", "Thu"),
    ("Friday", "Fri"),
    ("Saturday", "Sat"),
    ("Sunday", "Sun"),
];

/// The separators a language groups thousands and starts decimals with.
fn separators(lang: Language) -> (char, char) {
    match lang {
        Language::Nl => ('.', ','),
        Language::En => (',', '.'),
    }
}

/// Digits grouped by three: `7118` → `7.118` (nl) or `7,118` (en).
fn grouped(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A whole number as the language writes it: `7.118` / `7,118`, `-1.000` / `-1,000`.
pub fn count<N: TryInto<i128>>(n: N, lang: Language) -> String {
    let n: i128 = n.try_into().unwrap_or(i128::MAX);
    let sign = if n < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        grouped(&n.unsigned_abs().to_string(), separators(lang).0)
    )
}

/// An amount as the language writes it: `€ 1.508.000,00` (nl, the notation of [`Cents`]'s
/// `Display`) or `€1,508,000.00` (en).
pub fn money(amount: Cents, lang: Language) -> String {
    let (group, decimal) = separators(lang);
    let abs = amount.0.unsigned_abs();
    let sign = if amount.0 < 0 { "-" } else { "" };
    let space = if lang == Language::Nl { " " } else { "" };
    format!(
        "{sign}€{space}{}{decimal}{:02}",
        grouped(&(abs / 100).to_string(), group),
        abs % 100
    )
}

fn month_names(lang: Language) -> &'static [(&'static str, &'static str); 12] {
    match lang {
        Language::Nl => &MONTHS_NL,
        Language::En => &MONTHS_EN,
    }
}

fn weekday_names(lang: Language) -> &'static [(&'static str, &'static str); 7] {
    match lang {
        Language::Nl => &WEEKDAYS_NL,
        Language::En => &WEEKDAYS_EN,
    }
}

fn names_of(
    d: Date,
    lang: Language,
) -> (
    &'static (&'static str, &'static str),
    &'static (&'static str, &'static str),
) {
    let wd = usize::try_from(d.weekday().to_monday_zero_offset()).unwrap_or(0);
    let m = usize::try_from(d.month() - 1).unwrap_or(0);
    (&weekday_names(lang)[wd], &month_names(lang)[m])
}

/// A date in a listing: `vr 4 dec` (nl), `Fri 4 Dec` (en).
pub fn date_short(d: Date, lang: Language) -> String {
    let (wd, m) = names_of(d, lang);
    format!("{} {} {}", wd.1, d.day(), m.1)
}

/// A date in a sentence: `vrijdag 4 december 2026` (nl), `Friday 4 December 2026` (en).
pub fn date_long(d: Date, lang: Language) -> String {
    let (wd, m) = names_of(d, lang);
    format!("{} {} {} {}", wd.0, d.day(), m.0, d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nl};

    #[test]
    fn counts_are_grouped_the_way_each_language_writes_them() {
        assert_eq!(count(7118, Nl), "7.118");
        assert_eq!(count(7118, En), "7,118");
        assert_eq!(count(999, Nl), "999");
        assert_eq!(count(0usize, Nl), "0");
        assert_eq!(count(-1_000_000i64, Nl), "-1.000.000");
        assert_eq!(count(u64::MAX, En), "18,446,744,073,709,551,615");
    }

    #[test]
    fn money_in_dutch_is_the_cents_display_and_english_its_mirror() {
        assert_eq!(money(Cents(150_800_000), Nl), "€ 1.508.000,00");
        assert_eq!(
            money(Cents(150_800_000), Nl),
            Cents(150_800_000).to_string()
        );
        assert_eq!(money(Cents(150_800_000), En), "€1,508,000.00");
        assert_eq!(money(Cents(-5), En), "-€0.05");
        assert_eq!(money(Cents(i64::MIN), Nl), Cents(i64::MIN).to_string());
    }

    #[test]
    fn dates_short_and_long() {
        let d: Date = "2026-12-04".parse().unwrap();
        assert_eq!(date_short(d, Nl), "vr 4 dec");
        assert_eq!(date_long(d, Nl), "vrijdag 4 december 2026");
        assert_eq!(date_short(d, En), "Fri 4 Dec");
        assert_eq!(date_long(d, En), "Friday 4 December 2026");
        let m: Date = "2027-03-01".parse().unwrap();
        assert_eq!(date_short(m, Nl), "ma 1 mrt");
    }
}
