//! Property tests of the date input in both languages: every form a salesperson types, in
//! Dutch and English spelling, gives the date the form means; dates the listings show read
//! back; impossible dates are named as such in the reader's language; nothing panics.

use jiff::ToSpan;
use jiff::civil::Date;
use proptest::prelude::*;
use wortel_core::conventions::{date_long, date_short};
use wortel_core::domain::parse_date_input_in;
use wortel_core::lang::Language;

fn a_date() -> impl Strategy<Value = Date> {
    (2000i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn a_language() -> impl Strategy<Value = Language> {
    prop::sample::select(Language::ALL.to_vec())
}

/// The same word as a salesperson might type it: any case, spaces around.
fn spelled(w: &str, upper: &[bool], pad: (usize, usize)) -> String {
    let body: String = w
        .chars()
        .zip(upper.iter().cycle())
        .map(|(c, u)| if *u { c.to_ascii_uppercase() } else { c })
        .collect();
    format!("{}{body}{}", " ".repeat(pad.0), " ".repeat(pad.1))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn relative_words_and_offsets_in_both_languages(
        today in a_date(),
        lang in a_language(),
        n in 0i64..=3650,
        upper in prop::collection::vec(any::<bool>(), 1..8),
        pad in (0usize..3, 0usize..3),
    ) {
        let p = |w: &str| parse_date_input_in(&spelled(w, &upper, pad), today, lang)
            .unwrap_or_else(|e| panic!("{w}: {e}"));
        let plus = |k: i64| today.checked_add(k.days()).unwrap();
        for (en, nl, k) in [("today", "vandaag", 0), ("tomorrow", "morgen", 1),
                            ("yesterday", "gisteren", -1)] {
            prop_assert_eq!(p(en), plus(k));
            prop_assert_eq!(p(nl), plus(k));
        }
        prop_assert_eq!(p("overmorgen"), plus(2));
        for unit in ["d", " dagen", " days", "", " dag"] {
            prop_assert_eq!(p(&format!("+{n}{unit}")), plus(n));
        }
        for unit in ["w", " weken", " weeks"] {
            prop_assert_eq!(p(&format!("+{n}{unit}")), plus(n * 7));
        }
        let months = today.checked_add(n.months()).unwrap();
        for unit in ["m", " maand", " maanden", " months"] {
            prop_assert_eq!(p(&format!("+{n}{unit}")), months);
        }
    }

    #[test]
    fn weekdays_in_both_languages_are_the_next_one(
        today in a_date(),
        lang in a_language(),
        day in 0usize..7,
    ) {
        use wortel_core::conventions::{WEEKDAYS_EN, WEEKDAYS_NL};
        for name in [WEEKDAYS_NL[day].0, WEEKDAYS_NL[day].1, WEEKDAYS_EN[day].0, WEEKDAYS_EN[day].1] {
            let next = parse_date_input_in(name, today, lang).unwrap();
            prop_assert_eq!(next.weekday().to_monday_zero_offset() as usize, day);
            prop_assert!(next > today && next <= today.checked_add(7.days()).unwrap());
        }
    }

    #[test]
    fn written_dates_read_back_in_every_notation(
        today in a_date(),
        lang in a_language(),
        ahead in 0i64..360,
    ) {
        let d = today.checked_add(ahead.days()).unwrap();
        let (y, m, dd) = (d.year(), d.month(), d.day());
        let p = |s: &str| parse_date_input_in(s, today, lang).unwrap_or_else(|e| panic!("{s}: {e}"));
        prop_assert_eq!(p(&d.to_string()), d);
        prop_assert_eq!(p(&format!("{dd:02}-{m:02}-{y}")), d);
        prop_assert_eq!(p(&format!("{dd}-{m}-{y}")), d);
        prop_assert_eq!(p(&format!("{dd}/{m}/{y}")), d);
        // Without a year: the next time that day comes, today included.
        prop_assert_eq!(p(&format!("{dd}-{m}")), d);
        for shown in Language::ALL {
            prop_assert_eq!(p(&date_short(d, shown)), d);
            prop_assert_eq!(p(&date_long(d, shown)), d);
        }
    }

    #[test]
    fn impossible_dates_are_named_in_the_readers_language(
        today in a_date(),
        lang in a_language(),
        y in 2000i16..2100,
        m in 1i8..=12,
        extra in 1i8..=3,
    ) {
        let last = Date::new(y, m, 1).unwrap().days_in_month();
        let day = last + extra;
        let text = format!("{y}-{m:02}-{day:02}");
        let err = parse_date_input_in(&text, today, lang).unwrap_err().to_string();
        let want = match lang {
            Language::Nl => format!("{text} bestaat niet"),
            Language::En => format!("{text} does not exist"),
        };
        prop_assert!(err.starts_with(&want), "{}", err);
        let dutch = format!("{day}-{m}-{y}");
        let err = parse_date_input_in(&dutch, today, lang).unwrap_err().to_string();
        prop_assert!(err.contains(&dutch), "{}", err);
    }

    #[test]
    fn anything_typed_is_a_date_or_one_line_in_either_language(
        text in "\\PC{0,30}|[+0-9dwmajn\\n\\x1b ./-]{0,14}",
        lang in a_language(),
        today in prop_oneof![a_date(), Just(Date::MIN), Just(Date::MAX)],
    ) {
        if let Err(e) = parse_date_input_in(&text, today, lang) {
            let e = e.to_string();
            prop_assert!(!e.chars().any(char::is_control), "{:?}", e);
            prop_assert!(!e.is_empty());
        }
    }
}
