//! The date input parser (PRODUCT.md §4) on arbitrary text and several "today"s, the edges of
//! the calendar included: a date or one sentence, never a panic or an overflow.
#![no_main]

use jiff::civil::{Date, date};
use libfuzzer_sys::fuzz_target;
use wortel::domain::parse_date_input;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for today in [date(2026, 11, 23), Date::MIN, Date::MAX, date(2024, 2, 29)] {
        if let Err(e) = parse_date_input(text, today) {
            let message = e.to_string();
            assert!(
                !message.is_empty() && !message.chars().any(char::is_control),
                "{message:?}"
            );
        }
    }
});
