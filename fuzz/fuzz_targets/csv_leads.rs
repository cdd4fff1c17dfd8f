//! The CSV lead importer on arbitrary bytes: every row is read or refused in one sentence.
#![no_main]

use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;
use wortel::interop::csv_import::read_leads_csv;

fuzz_target!(|data: &[u8]| {
    if let Err(message) = read_leads_csv(data, "leads.csv", &TimeZone::UTC) {
        assert!(
            !message.is_empty() && !message.chars().any(char::is_control),
            "{message:?}"
        );
    }
});
