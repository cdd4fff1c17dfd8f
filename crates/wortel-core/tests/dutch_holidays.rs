//! The Dutch public holidays of 2024–2035, as wortel computes them, against a literal table
//! checked by hand against the government's published calendar, and Easter against a second,
//! independent algorithm (Gauss's, with its two exceptions) for a much longer run of years.

use jiff::civil::{Date, Weekday};
use wortel_core::domain::holidays::{dutch_holidays, easter_sunday, is_working_day};

/// Per year: Easter Sunday, Koningsdag, Hemelvaartsdag, Eerste Pinksterdag.
const TABLE: [(i16, &str, &str, &str, &str); 12] = [
    (2024, "2024-03-31", "2024-04-27", "2024-05-09", "2024-05-19"),
    (2025, "2025-04-20", "2025-04-26", "2025-05-29", "2025-06-08"),
    (2026, "2026-04-05", "2026-04-27", "2026-05-14", "2026-05-24"),
    (2027, "2027-03-28", "2027-04-27", "2027-05-06", "2027-05-16"),
    (2028, "2028-04-16", "2028-04-27", "2028-05-25", "2028-06-04"),
    (2029, "2029-04-01", "2029-04-27", "2029-05-10", "2029-05-20"),
    (2030, "2030-04-21", "2030-04-27", "2030-05-30", "2030-06-09"),
    (2031, "2031-04-13", "2031-04-26", "2031-05-22", "2031-06-01"),
    (2032, "2032-03-28", "2032-04-27", "2032-05-06", "2032-05-16"),
    (2033, "2033-04-17", "2033-04-27", "2033-05-26", "2033-06-05"),
    (2034, "2034-04-09", "2034-04-27", "2034-05-18", "2034-05-28"),
    (2035, "2035-03-25", "2035-04-27", "2035-05-03", "2035-05-13"),
];

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The day after, written out so the test does not lean on the code under test.
fn next(s: &str) -> Date {
    d(s).tomorrow().unwrap()
}

#[test]
fn holidays_2024_to_2035_match_the_published_calendar() {
    for (year, easter, kings, ascension, pentecost) in TABLE {
        let mut want = vec![
            (d(&format!("{year}-01-01")), "Nieuwjaarsdag"),
            (d(easter), "Eerste Paasdag"),
            (next(easter), "Tweede Paasdag"),
            (d(kings), "Koningsdag"),
            (d(ascension), "Hemelvaartsdag"),
            (d(pentecost), "Eerste Pinksterdag"),
            (next(pentecost), "Tweede Pinksterdag"),
            (d(&format!("{year}-12-25")), "Eerste Kerstdag"),
            (d(&format!("{year}-12-26")), "Tweede Kerstdag"),
        ];
        if matches!(year, 2025 | 2030 | 2035) {
            want.push((d(&format!("{year}-05-05")), "Bevrijdingsdag"));
        }
        want.sort();
        let got: Vec<(Date, &str)> = dutch_holidays(year)
            .into_iter()
            .map(|h| (h.date, h.name))
            .collect();
        assert_eq!(got, want, "{year}");
        for (day, name) in &want {
            assert!(!is_working_day(*day), "{name} {day} is a day off");
        }
        assert_ne!(d(kings).weekday(), Weekday::Sunday, "{year}");
    }
}

/// Easter by Gauss's algorithm, a different computation from the one wortel uses.
fn gauss_easter(y: i32) -> (i8, i8) {
    let (a, b, c) = (y % 19, y % 4, y % 7);
    let k = y / 100;
    let p = (13 + 8 * k) / 25;
    let q = k / 4;
    let m = (15 - p + k - q) % 30;
    let n = (4 + k - q) % 7;
    let dd = (19 * a + m) % 30;
    let e = (2 * b + 4 * c + 6 * dd + n) % 7;
    if dd == 29 && e == 6 {
        return (4, 19);
    }
    if dd == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
        return (4, 18);
    }
    let day = 22 + dd + e;
    if day > 31 {
        (4, (day - 31) as i8)
    } else {
        (3, day as i8)
    }
}

#[test]
fn easter_agrees_with_gauss_from_1583_to_4099() {
    for y in 1583..=4099i16 {
        let (m, dd) = gauss_easter(i32::from(y));
        assert_eq!(easter_sunday(y), Some(Date::new(y, m, dd).unwrap()), "{y}");
    }
}
