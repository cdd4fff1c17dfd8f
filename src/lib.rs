//! wortel: a keyboard-driven terminal CRM for dealer sales staff.
//!
//! The library holds everything but the front ends' wiring: the sales [`domain`], the durable
//! [`store`], the [`ops`] that front ends call, [`search`] and the [`demo`] generator. The CLI and
//! the TUI are thin layers over these, so every action has a testable core function.

pub mod demo;
pub mod interop;
pub mod ops;
pub mod search;
#[cfg(unix)]
pub mod serve;
pub mod store;
pub mod tui;

/// The sales domain and the bundle format live in `wortel-core`, shared with `wortel-hq`; they
/// are re-exported here so the dealer side keeps one path to them.
pub use wortel_core::{bundle, domain};
