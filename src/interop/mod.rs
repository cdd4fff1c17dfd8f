//! Files for other programs (PRODUCT.md §9): leads from a spreadsheet; CSV of accounts, leads,
//! opportunities and activities for spreadsheets; iCalendar (RFC 5545) of appointments and follow-ups; vCard 4.0
//! (RFC 6350) of contacts. Every file is written atomically.

pub mod atomic;
pub mod csv_export;
pub mod csv_import;
pub mod ics;
pub mod marketing;
pub mod text_lines;
pub mod vcard;
