//! The full-screen front end. It knows the terminal; the core it drives does not.
//!
//! Key event → chord → action (through the active keymap) → state update → store write (through
//! `ops`) → render. Panes and overlays own their state and draw themselves from it.

pub mod action;
pub mod config_error;
pub mod keymap;
pub mod keys;
pub mod theme;
