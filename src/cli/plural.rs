//! Counts in messages: the rule lives in `wortel-core`, shared with head office's `wortel-hq`.

pub use wortel_core::plural::counted;
