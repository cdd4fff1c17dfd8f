//! wortel: a keyboard-driven terminal CRM for dealer sales staff.
//!
//! The library holds everything but the front ends' wiring: the sales [`domain`], the durable
//! [`store`], the [`ops`] that front ends call, [`search`] and the [`demo`] generator. The CLI and
//! the TUI are thin layers over these, so every action has a testable core function.

pub mod bundle;
pub mod demo;
pub mod domain;
pub mod interop;
pub mod ops;
pub mod search;
pub mod store;
pub mod tui;
