//! wortel's shared core: the sales [`domain`], the [`bundle`] format and the spreadsheet of leads
//! ([`csv_leads`]) that both a dealer and head office take in.
//!
//! Both binaries build on this crate: the dealer's `wortel` (store, full-screen view, CLI) and
//! head office's `wortel-hq`. It knows nothing of sled, of the terminal or of SQL, and the
//! compiler keeps it that way: it does not depend on them.

pub mod bundle;
pub mod conventions;
pub mod csv_dialect;
pub mod csv_leads;
pub mod domain;
pub mod i18n;
pub mod lang;
pub mod plural;
pub mod said;
