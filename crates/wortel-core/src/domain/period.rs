//! The period the funnel board and `wortel funnel` count for: a month, a quarter, a year or
//! everything; parsed from what a salesperson types and stepped with `[` / `]`.

use super::error::{DomainError, invalid};
use jiff::civil::{Date, date};
use serde::Serialize;
use std::fmt;

/// The period won and lost deals and the forecast are counted for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Period {
    /// Everything, whenever it closed or is expected to.
    All,
    Month {
        year: i16,
        month: i8,
    },
    Quarter {
        year: i16,
        quarter: i8,
    },
    Year {
        year: i16,
    },
}

impl Period {
    /// The month `day` falls in.
    pub fn month_of(day: Date) -> Period {
        Period::Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// The quarter `day` falls in: the board's default, long enough for a forecast to mean
    /// something.
    pub fn quarter_of(day: Date) -> Period {
        Period::Quarter {
            year: day.year(),
            quarter: (day.month() - 1) / 3 + 1,
        }
    }

    /// Whether `day` falls in the period.
    pub fn contains(self, day: Date) -> bool {
        match self {
            Period::All => true,
            Period::Month { year, month } => day.year() == year && day.month() == month,
            Period::Quarter { year, quarter } => {
                day.year() == year && (day.month() - 1) / 3 + 1 == quarter
            }
            Period::Year { year } => day.year() == year,
        }
    }

    /// The first and the last day of the period; `None` for `All`, which has no ends.
    pub fn bounds(self) -> Option<(Date, Date)> {
        let (first, months) = match self {
            Period::All => return None,
            Period::Month { year, month } => (date(year, month, 1), 1),
            Period::Quarter { year, quarter } => (date(year, (quarter - 1) * 3 + 1, 1), 3),
            Period::Year { year } => (date(year, 1, 1), 12),
        };
        let next = first.checked_add(jiff::Span::new().months(months)).ok()?;
        Some((first, next.yesterday().ok()?))
    }

    /// The Mondays of the weeks that overlap the period, in order (the first may fall before
    /// it): the buckets of the board's won-per-week sparkline. Empty for `All`.
    pub fn week_starts(self) -> Vec<Date> {
        let Some((first, last)) = self.bounds() else {
            return Vec::new();
        };
        let back = i64::from(first.weekday().to_monday_zero_offset());
        let mut monday = first.checked_sub(jiff::Span::new().days(back)).ok();
        let mut weeks = Vec::new();
        while let Some(m) = monday.filter(|m| *m <= last) {
            weeks.push(m);
            monday = m.checked_add(jiff::Span::new().days(7)).ok();
        }
        weeks
    }

    /// The period before (`-1`) or after (`+1`) this one, of the same kind.
    pub fn step(self, by: i32) -> Period {
        match self {
            Period::All => Period::All,
            Period::Month { year, month } => {
                let n = i32::from(year) * 12 + i32::from(month) - 1 + by;
                Period::Month {
                    year: (n.div_euclid(12)) as i16,
                    month: (n.rem_euclid(12) + 1) as i8,
                }
            }
            Period::Quarter { year, quarter } => {
                let n = i32::from(year) * 4 + i32::from(quarter) - 1 + by;
                Period::Quarter {
                    year: (n.div_euclid(4)) as i16,
                    quarter: (n.rem_euclid(4) + 1) as i8,
                }
            }
            Period::Year { year } => Period::Year {
                year: (i32::from(year) + by) as i16,
            },
        }
    }

    /// The next kind, around `today`: month → quarter → year → all → month.
    pub fn next_kind(self, today: Date) -> Period {
        match self {
            Period::Month { .. } => Period::Quarter {
                year: today.year(),
                quarter: (today.month() - 1) / 3 + 1,
            },
            Period::Quarter { .. } => Period::Year { year: today.year() },
            Period::Year { .. } => Period::All,
            Period::All => Period::month_of(today),
        }
    }

    /// Parses `2026-11`, `2026-Q4`, `2026` or `all`.
    pub fn parse(text: &str) -> Result<Period, DomainError> {
        let t = text.trim();
        let bad = || {
            invalid(format!(
                "period `{t}` is not understood; write 2026-11, 2026-Q4, 2026 or all"
            ))
        };
        if t.eq_ignore_ascii_case("all") {
            return Ok(Period::All);
        }
        let (year, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        let year: i16 = year.parse().map_err(|_| bad())?;
        if !(1900..=2999).contains(&year) {
            return Err(bad());
        }
        match rest {
            None => Ok(Period::Year { year }),
            Some(r) if r.starts_with(['Q', 'q']) => {
                let quarter: i8 = r[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&quarter) {
                    return Err(bad());
                }
                Ok(Period::Quarter { year, quarter })
            }
            Some(r) => {
                let month: i8 = r.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Ok(Period::Month { year, month })
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::All => f.write_str("all"),
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            Period::Year { year } => write!(f, "{year}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_step_and_contain() {
        let nov = Period::parse("2026-11").unwrap();
        assert_eq!(
            nov,
            Period::Month {
                year: 2026,
                month: 11
            }
        );
        assert_eq!(nov.step(2).to_string(), "2027-01");
        assert_eq!(nov.step(-11).to_string(), "2025-12");
        assert_eq!(
            Period::parse("2026-Q4").unwrap().step(1).to_string(),
            "2027-Q1"
        );
        assert!(
            Period::parse("2026-Q4")
                .unwrap()
                .contains(date(2026, 12, 31))
        );
        assert!(
            !Period::parse("2026-Q4")
                .unwrap()
                .contains(date(2026, 9, 30))
        );
        assert_eq!(Period::parse("all").unwrap(), Period::All);
        for bad in ["2026-13", "2026-Q5", "next", "26-11", ""] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
        let today = date(2026, 11, 23);
        let p = Period::month_of(today).next_kind(today);
        assert_eq!(p.to_string(), "2026-Q4");
        assert_eq!(p.next_kind(today).next_kind(today), Period::All);
    }

    #[test]
    fn bounds_and_weeks_cover_the_period_exactly() {
        let q4 = Period::parse("2026-Q4").unwrap();
        assert_eq!(q4.bounds(), Some((date(2026, 10, 1), date(2026, 12, 31))));
        let feb = Period::parse("2028-02").unwrap();
        assert_eq!(feb.bounds(), Some((date(2028, 2, 1), date(2028, 2, 29))));
        assert_eq!(Period::All.bounds(), None);
        // 1 Oct 2026 is a Thursday: the first week starts Monday 28 Sep; 31 Dec (Thursday)
        // is in the week of Monday 28 Dec: 14 weeks.
        let weeks = q4.week_starts();
        assert_eq!(weeks.len(), 14);
        assert_eq!(weeks[0], date(2026, 9, 28));
        assert_eq!(weeks[13], date(2026, 12, 28));
        // November 2026 starts on a Sunday: 6 weeks, from Monday 26 Oct.
        let nov = Period::parse("2026-11").unwrap().week_starts();
        assert_eq!((nov.len(), nov[0]), (6, date(2026, 10, 26)));
        assert!(Period::All.week_starts().is_empty());
    }
}
