//! Files for other programs (PRODUCT.md §9): CSV of accounts, leads, opportunities and
//! activities; iCalendar (RFC 5545) of appointments and follow-ups; vCard 4.0 (RFC 6350) of
//! contacts. Every file is written atomically (temporary file, fsync, rename).
//!
//! (Being implemented; see the functions' docs for what each promises.)
