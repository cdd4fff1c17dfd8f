//! Files for other programs (PRODUCT.md §9): leads from a spreadsheet; CSV of accounts, leads,
//! opportunities and activities for spreadsheets; iCalendar (RFC 5545) of appointments and follow-ups; vCard 4.0
//! (RFC 6350) of contacts. Every file is written atomically.

pub mod atomic;
pub mod csv_cell;
pub mod csv_export;
pub mod ics;
pub mod marketing;
pub mod text_lines;
pub mod vcard;

/// The spreadsheet of leads is read by head office too, so its reader lives in `wortel-core`.
pub use wortel_core::csv_leads as csv_import;
