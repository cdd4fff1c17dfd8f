//! Dutch public holidays and working days, so a next step wortel proposes never lands on a
//! day the dealer is closed (the example: `+1m` from 1 December is New Year's Day).
//!
//! The holidays are computed for any year, never listed per year: Nieuwjaarsdag (1 January),
//! Pasen (Easter Sunday and Monday), Koningsdag (27 April, the 26th when the 27th is a Sunday),
//! Bevrijdingsdag (5 May, a day off in lustrum years only: the year divisible by 5),
//! Hemelvaartsdag (Easter + 39), Pinksteren (Easter + 49 and + 50) and Kerstmis (25 and 26
//! December). Good Friday is not a general day off in the Netherlands, so it is not here.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// A day the dealer is closed for, with its Dutch name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: Date,
    pub name: &'static str,
}

/// Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
/// `None` outside the years a civil date holds.
pub fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Every Dutch public holiday of `year` that is a day off, in date order.
pub fn dutch_holidays(year: i16) -> Vec<Holiday> {
    let mut days = Vec::with_capacity(10);
    let mut add = |d: Option<Date>, name: &'static str| {
        if let Some(date) = d {
            days.push(Holiday { date, name });
        }
    };
    let fixed = |m: i8, d: i8| Date::new(year, m, d).ok();
    let easter = easter_sunday(year);
    let after_easter = |n: i64| easter.and_then(|e| e.checked_add(n.days()).ok());
    add(fixed(1, 1), "Nieuwjaarsdag");
    add(easter, "Eerste Paasdag");
    add(after_easter(1), "Tweede Paasdag");
    add(kings_day(year), "Koningsdag");
    if year % 5 == 0 {
        add(fixed(5, 5), "Bevrijdingsdag");
    }
    add(after_easter(39), "Hemelvaartsdag");
    add(after_easter(49), "Eerste Pinksterdag");
    add(after_easter(50), "Tweede Pinksterdag");
    add(fixed(12, 25), "Eerste Kerstdag");
    add(fixed(12, 26), "Tweede Kerstdag");
    days.sort_by_key(|h| h.date);
    days
}

/// 27 April, or the 26th when the 27th is a Sunday.
fn kings_day(year: i16) -> Option<Date> {
    let d = Date::new(year, 4, 27).ok()?;
    if d.weekday() == Weekday::Sunday {
        d.yesterday().ok()
    } else {
        Some(d)
    }
}

/// The holiday on `day`, if it is one.
pub fn holiday_on(day: Date) -> Option<Holiday> {
    dutch_holidays(day.year())
        .into_iter()
        .find(|h| h.date == day)
}

/// Monday to Friday and not a Dutch public holiday.
pub fn is_working_day(day: Date) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && holiday_on(day).is_none()
}

/// `day` itself when it is a working day, else the first working day after it. (Christmas on a
/// Friday moves to the Monday after; a date at the end of the calendar stays as it is.)
pub fn next_working_day(day: Date) -> Date {
    let mut d = day;
    // A fortnight covers any run of weekend and holidays (the longest is four days).
    for _ in 0..14 {
        if is_working_day(d) {
            return d;
        }
        match d.tomorrow() {
            Ok(next) => d = next,
            Err(_) => return day,
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_working_day_skips_weekends_and_holidays() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        // The example: +1m from 1 December 2026 is New Year's Day, a Friday.
        assert_eq!(next_working_day(d("2027-01-01")), d("2027-01-04"));
        // Christmas 2026 is a Friday and Saturday: the Monday after.
        assert_eq!(next_working_day(d("2026-12-25")), d("2026-12-28"));
        // Easter Monday 2026 (6 April) → Tuesday.
        assert_eq!(next_working_day(d("2026-04-05")), d("2026-04-07"));
        // Ascension Day 2026 (14 May) → Friday 15 May.
        assert_eq!(next_working_day(d("2026-05-14")), d("2026-05-15"));
        // An ordinary Wednesday stays.
        assert_eq!(next_working_day(d("2026-12-02")), d("2026-12-02"));
        // Liberation Day is a day off only in lustrum years.
        assert!(!is_working_day(d("2025-05-05")));
        assert!(is_working_day(d("2026-05-05")));
    }

    #[test]
    fn the_outcomes_default_next_step_lands_on_a_working_day() {
        use crate::domain::Outcome;
        let d = |s: &str| s.parse::<Date>().unwrap();
        // Follow-up in 14 days from Friday 18 December 2026 is New Year's Day.
        assert_eq!(
            Outcome::FollowUp.default_next_step(d("2026-12-18")),
            Some(d("2027-01-04"))
        );
        // A quote's 5 days from Sunday 20 December is Christmas (Friday, Saturday).
        assert_eq!(
            Outcome::QuoteSent.default_next_step(d("2026-12-20")),
            Some(d("2026-12-28"))
        );
        // No contact: 2 days from Thursday is a Saturday.
        assert_eq!(
            Outcome::NoContact.default_next_step(d("2026-11-26")),
            Some(d("2026-11-30"))
        );
        assert_eq!(
            Outcome::AppointmentMade.default_next_step(d("2026-11-23")),
            Some(d("2026-11-30"))
        );
        assert_eq!(Outcome::OrderLost.default_next_step(d("2026-11-23")), None);
    }

    #[test]
    fn the_edges_of_the_calendar_do_not_panic() {
        assert_eq!(next_working_day(Date::MAX), Date::MAX);
        let _ = next_working_day(Date::MIN);
        assert!(easter_sunday(9999).is_some());
    }
}
