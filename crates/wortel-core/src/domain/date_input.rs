//! The date input of PRODUCT.md §4: `2026-12-01`, `+3d`, `+2w`, `mon`, `today`, `tomorrow`.

use super::error::{DomainError, invalid};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Turns what a salesperson types into a date, relative to `today`.
///
/// A weekday name means its next occurrence after today (never today itself), which is what
/// "see you Monday" means.
pub fn parse_date_input(input: &str, today: Date) -> Result<Date, DomainError> {
    let s = input.trim().to_lowercase();
    let bad = || {
        // What was typed is quoted without control characters: the sentence stays one line.
        let shown: String = input.trim().chars().filter(|c| !c.is_control()).collect();
        invalid(format!(
            "date `{shown}` is not understood; use 2026-12-01, +3d, +2w, mon…sun, today or tomorrow"
        ))
    };
    match s.as_str() {
        "" => return Err(bad()),
        "today" | "vandaag" => return Ok(today),
        "tomorrow" | "morgen" => return today.checked_add(1.day()).map_err(|_| bad()),
        _ => {}
    }
    if let Some(rest) = s.strip_prefix('+') {
        let (num, unit) = rest.split_at(
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len()),
        );
        let n: i64 = num.parse().map_err(|_| bad())?;
        if n > 3650 {
            return Err(bad());
        }
        let days = match unit {
            "" | "d" => n,
            "w" => n * 7,
            "m" => return today.checked_add(n.months()).map_err(|_| bad()),
            _ => return Err(bad()),
        };
        return today.checked_add(days.days()).map_err(|_| bad());
    }
    if let Some(wd) = weekday(&s) {
        let mut d = today.checked_add(1.day()).map_err(|_| bad())?;
        while d.weekday() != wd {
            d = d.checked_add(1.day()).map_err(|_| bad())?;
        }
        return Ok(d);
    }
    s.parse::<Date>().map_err(|_| bad())
}

fn weekday(s: &str) -> Option<Weekday> {
    let days = [
        (Weekday::Monday, ["mon", "monday", "ma", "maandag"]),
        (Weekday::Tuesday, ["tue", "tuesday", "di", "dinsdag"]),
        (Weekday::Wednesday, ["wed", "wednesday", "wo", "woensdag"]),
        (Weekday::Thursday, ["thu", "thursday", "do", "donderdag"]),
        (Weekday::Friday, ["fri", "friday", "vr", "vrijdag"]),
        (Weekday::Saturday, ["sat", "saturday", "za", "zaterdag"]),
        (Weekday::Sunday, ["sun", "sunday", "zo", "zondag"]),
    ];
    days.iter()
        .find(|(_, names)| names.contains(&s))
        .map(|(wd, _)| *wd)
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
        assert_eq!(
            parse_date_input("2026-12-01", today).unwrap(),
            d("2026-12-01")
        );
        assert_eq!(parse_date_input("+3d", today).unwrap(), d("2026-11-26"));
        assert_eq!(parse_date_input("+3", today).unwrap(), d("2026-11-26"));
        assert_eq!(parse_date_input("+2w", today).unwrap(), d("2026-12-07"));
        assert_eq!(parse_date_input("+1m", today).unwrap(), d("2026-12-23"));
        assert_eq!(parse_date_input("today", today).unwrap(), today);
        assert_eq!(
            parse_date_input("Tomorrow", today).unwrap(),
            d("2026-11-24")
        );
        assert_eq!(parse_date_input("mon", today).unwrap(), d("2026-11-30"));
        assert_eq!(parse_date_input("fri", today).unwrap(), d("2026-11-27"));
        assert_eq!(parse_date_input("vrijdag", today).unwrap(), d("2026-11-27"));
    }

    #[test]
    fn nonsense_gets_a_sentence() {
        let today = d("2026-11-23");
        for bad in ["", "next week", "+x", "+3y", "2026-13-01", "+99999d"] {
            let err = parse_date_input(bad, today).unwrap_err().to_string();
            assert!(err.contains("is not understood"), "{bad}: {err}");
        }
    }
}
