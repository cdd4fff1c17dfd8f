//! The date input of PRODUCT.md §4, in Dutch and English alike, whatever the reader's language:
//!
//! - ISO `2026-12-01`; Dutch `4-12-2026`, `04-12-2026`, `4-12` (also with `/` or `.`);
//! - `4 dec`, `4 december`, `4 december 2026`, `Dec 4`, and the same after a weekday
//!   (`vr 4 dec`, as listings show dates);
//! - `vandaag`/`today`, `morgen`/`tomorrow`, `overmorgen`, `gisteren`/`yesterday`, `eergisteren`;
//! - weekdays `ma di wo do vr za zo`, `maandag` … `zondag`, `mon` … `sun`, `monday` … `sunday`:
//!   the next one after today;
//! - `+3d`, `+3 dagen`, `+3 days`, `+3`; `+2w`, `+2 weken`; `+1m`, `+1 maand`, `+2 maanden`.
//!
//! A day and month without a year is its next occurrence, today included. A date that has the
//! shape of one but is not in the calendar (`2026-02-31`, `31-4`) is named as not existing
//! rather than as not understood, so the salesperson checks the day instead of the spelling.

use super::error::{DomainError, invalid};
use crate::conventions::{MONTHS_EN, MONTHS_NL, WEEKDAYS_EN, WEEKDAYS_NL};
use crate::i18n;
use crate::lang::Language;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// More than this many days, weeks or months ahead is a typo.
const MAX_OFFSET: i64 = 3650;

/// Turns what a salesperson types into a date, relative to `today`; refusals in English.
pub fn parse_date_input(input: &str, today: Date) -> Result<Date, DomainError> {
    parse_date_input_in(input, today, Language::En)
}

/// As [`parse_date_input`], the refusal in `lang`. Every form is understood in either language.
pub fn parse_date_input_in(input: &str, today: Date, lang: Language) -> Result<Date, DomainError> {
    let words: Vec<String> = input
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    read(&words.join(" "), today).map_err(|problem| {
        // What was typed is quoted without control characters: the sentence stays one line.
        let shown: String = input.trim().chars().filter(|c| !c.is_control()).collect();
        let id = match problem {
            Problem::NotUnderstood => "date-not-understood",
            Problem::NoSuchDate => "date-does-not-exist",
            Problem::TooFar => "date-too-far",
        };
        invalid(i18n::message(lang, id, &[("input", shown.into())]))
    })
}

/// Why a text is not a date.
#[derive(Debug, PartialEq)]
enum Problem {
    NotUnderstood,
    NoSuchDate,
    TooFar,
}

fn read(s: &str, today: Date) -> Result<Date, Problem> {
    let shift = |days: i64| today.checked_add(days.days()).map_err(|_| Problem::TooFar);
    match s {
        "" => Err(Problem::NotUnderstood),
        "today" | "vandaag" => Ok(today),
        "tomorrow" | "morgen" => shift(1),
        "overmorgen" | "day after tomorrow" => shift(2),
        "yesterday" | "gisteren" => shift(-1),
        "eergisteren" | "day before yesterday" => shift(-2),
        _ => {
            if let Some(rest) = s.strip_prefix('+') {
                return offset(rest.trim_start(), today);
            }
            if let Some(wd) = weekday(s) {
                return next_weekday(today, wd);
            }
            numeric(s, today)
                .or_else(|| spelled(s, today))
                .unwrap_or(Err(Problem::NotUnderstood))
        }
    }
}

/// `3d`, `3 dagen`, `2w`, `1 maand`, `3` (days).
fn offset(rest: &str, today: Date) -> Result<Date, Problem> {
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (num, unit) = rest.split_at(split);
    if num.is_empty() {
        return Err(Problem::NotUnderstood);
    }
    let n: i64 = num.parse().map_err(|_| Problem::TooFar)?;
    let unit = unit.trim();
    let known = |names: &[&str]| names.contains(&unit);
    if !known(&DAYS) && !known(&WEEKS) && !known(&MONTHS) {
        return Err(Problem::NotUnderstood);
    }
    if n > MAX_OFFSET {
        return Err(Problem::TooFar);
    }
    let moved = if known(&MONTHS) {
        today.checked_add(n.months())
    } else if known(&WEEKS) {
        today.checked_add((n * 7).days())
    } else {
        today.checked_add(n.days())
    };
    moved.map_err(|_| Problem::TooFar)
}

const DAYS: [&str; 6] = ["", "d", "dag", "dagen", "day", "days"];
const WEEKS: [&str; 6] = ["w", "wk", "week", "weken", "weeks", "wkn"];
const MONTHS: [&str; 7] = ["m", "mnd", "maand", "maanden", "month", "months", "mo"];

fn next_weekday(today: Date, wd: Weekday) -> Result<Date, Problem> {
    let mut d = today.tomorrow().map_err(|_| Problem::TooFar)?;
    while d.weekday() != wd {
        d = d.tomorrow().map_err(|_| Problem::TooFar)?;
    }
    Ok(d)
}

fn weekday(s: &str) -> Option<Weekday> {
    const EXTRA: [(&str, usize); 4] = [("tues", 1), ("thur", 3), ("thurs", 3), ("weds", 2)];
    let i = WEEKDAYS_NL
        .iter()
        .chain(&WEEKDAYS_EN)
        .position(|(full, short)| s == full.to_lowercase() || s == short.to_lowercase())
        .map(|i| i % 7)
        .or_else(|| EXTRA.iter().find(|(n, _)| *n == s).map(|(_, i)| *i))?;
    Weekday::from_monday_zero_offset(i8::try_from(i).ok()?).ok()
}

/// `2026-12-01`, `4-12-2026`, `04/12/26`, `4-12`, `4.12`: `None` when it is not numbers.
fn numeric(s: &str, today: Date) -> Option<Result<Date, Problem>> {
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits || !(2..=3).contains(&parts.len()) {
        return None;
    }
    let n: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    Some(
        match (
            parts.len(),
            parts[0].len(),
            parts.last().map_or(0, |p| p.len()),
        ) {
            (3, 4, _) => exact(n[0], n[1], n[2]),
            (3, 1..=2, 4) => exact(n[2], n[1], n[0]),
            (3, 1..=2, 2) => exact(2000 + n[2], n[1], n[0]),
            (2, 1..=2, 1..=2) => upcoming(n[1], n[0], today),
            _ => Err(Problem::NotUnderstood),
        },
    )
}

/// `4 dec`, `4 december 2026`, `dec 4`, `December 4, 2026`, optionally after a weekday that
/// must agree with the date.
fn spelled(s: &str, today: Date) -> Option<Result<Date, Problem>> {
    let mut words: Vec<&str> = s
        .split([' ', ','])
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let named_day = words.first().and_then(|w| weekday(w));
    if named_day.is_some() {
        words.remove(0);
    }
    let day = |w: &str| w.parse::<i32>().ok().filter(|_| w.len() <= 2);
    let year = |w: &str| w.parse::<i32>().ok().filter(|_| w.len() == 4);
    let (d, m, y) = match words.as_slice() {
        [d, m] => (day(d).or(day(m))?, month(m).or(month(d))?, None),
        [d, m, y] => (day(d).or(day(m))?, month(m).or(month(d))?, Some(year(y)?)),
        _ => return None,
    };
    let date = match y {
        Some(y) => exact(y, m, d),
        None => upcoming(m, d, today),
    };
    Some(match (date, named_day) {
        (Ok(date), Some(wd)) if date.weekday() != wd => Err(Problem::NotUnderstood),
        (other, _) => other,
    })
}

/// The month a word names: a full name, its abbreviation, or the first three letters or more
/// of a full name, in Dutch or English (`mrt`, `mei`, `okt`, `oct`, `sept`).
fn month(word: &str) -> Option<i32> {
    let found = |names: &[(&str, &str); 12]| {
        names.iter().position(|(full, short)| {
            let full = full.to_lowercase();
            word == short.to_lowercase() || (word.len() >= 3 && full.starts_with(word))
        })
    };
    found(&MONTHS_NL)
        .or_else(|| found(&MONTHS_EN))
        .and_then(|i| i32::try_from(i + 1).ok())
}

fn exact(y: i32, m: i32, d: i32) -> Result<Date, Problem> {
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return Err(Problem::NoSuchDate);
    };
    Date::new(y, m, d).map_err(|_| Problem::NoSuchDate)
}

/// The next `d-m` on or after today; 29 February waits for a leap year.
fn upcoming(m: i32, d: i32, today: Date) -> Result<Date, Problem> {
    let year = i32::from(today.year());
    for y in year..=year + 8 {
        if let Ok(date) = exact(y, m, d) {
            if date >= today {
                return Ok(date);
            }
        }
    }
    // A day that no year has (31-4), or past the end of the calendar.
    exact(year, m, d).and(Err(Problem::TooFar))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn understands_what_salespeople_type() {
        let today = d("2026-11-23"); // a Monday
        let p = |s: &str| parse_date_input(s, today).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(p("2026-12-01"), d("2026-12-01"));
        assert_eq!(p("+3d"), d("2026-11-26"));
        assert_eq!(p("+3"), d("2026-11-26"));
        assert_eq!(p("+3 dagen"), d("2026-11-26"));
        assert_eq!(p("+2w"), d("2026-12-07"));
        assert_eq!(p("+2 weken"), d("2026-12-07"));
        assert_eq!(p("+1m"), d("2026-12-23"));
        assert_eq!(p("+1 maand"), d("2026-12-23"));
        assert_eq!(p("today"), today);
        assert_eq!(p("Tomorrow"), d("2026-11-24"));
        assert_eq!(p("overmorgen"), d("2026-11-25"));
        assert_eq!(p("gisteren"), d("2026-11-22"));
        assert_eq!(p("mon"), d("2026-11-30"));
        assert_eq!(p("fri"), d("2026-11-27"));
        assert_eq!(p("vrijdag"), d("2026-11-27"));
        assert_eq!(p("4-12"), d("2026-12-04"));
        assert_eq!(p("04-12-2026"), d("2026-12-04"));
        assert_eq!(p("4/12/2026"), d("2026-12-04"));
        assert_eq!(p("4 dec"), d("2026-12-04"));
        assert_eq!(p("4 December"), d("2026-12-04"));
        assert_eq!(p("vr 4 dec"), d("2026-12-04"));
        assert_eq!(p("Dec 4, 2026"), d("2026-12-04"));
        assert_eq!(p("1 mrt"), d("2027-03-01"));
        // Gone this year: next year's.
        assert_eq!(p("1-11"), d("2027-11-01"));
        assert_eq!(p("23-11"), today);
    }

    #[test]
    fn an_impossible_date_is_named_as_not_existing() {
        let today = d("2026-11-23");
        let en = |s: &str| parse_date_input(s, today).unwrap_err().to_string();
        let nl = |s: &str| {
            parse_date_input_in(s, today, Language::Nl)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            en("2026-02-31"),
            "2026-02-31 does not exist; check the day and the month"
        );
        assert_eq!(
            nl("2026-02-31"),
            "2026-02-31 bestaat niet; controleer de dag en de maand"
        );
        assert!(nl("31-04").contains("bestaat niet"));
        assert!(nl("30 feb").contains("bestaat niet"));
        assert!(en("2026-13-01").contains("does not exist"));
        assert!(en("29-02-2027").contains("does not exist"));
        // 29 February without a year waits for 2028.
        assert_eq!(parse_date_input("29-2", today).unwrap(), d("2028-02-29"));
    }

    #[test]
    fn nonsense_gets_a_sentence_in_the_readers_language() {
        let today = d("2026-11-23");
        for bad in ["", "next week", "+x", "+3y", "ma 4 dec", "4 dex", "1-2-3-4"] {
            let err = parse_date_input(bad, today).unwrap_err().to_string();
            assert!(err.contains("is not understood"), "{bad}: {err}");
            let err = parse_date_input_in(bad, today, Language::Nl)
                .unwrap_err()
                .to_string();
            assert!(err.contains("wordt niet begrepen"), "{bad}: {err}");
        }
        let far = parse_date_input("+99999d", today).unwrap_err().to_string();
        assert_eq!(
            far,
            "date `+99999d` is more than ten years away; give a nearer date"
        );
    }
}
