//! The full-screen front end. It knows the terminal; the core it drives does not.
//!
//! Key event → chord → action (through the active keymap) → state update → store write (through
//! `ops`) → render. Panes and overlays own their state and draw themselves from it.

pub mod account_edits;
pub mod accounts_filter;
pub mod action;
pub mod app;
mod app_access;
mod app_commit;
mod app_jobs;
mod app_keys;
#[cfg(unix)]
mod app_served;
pub mod clipboard;
pub mod config;
pub mod config_error;
pub mod convert;
pub mod copy;
pub mod deal_form;
pub mod effects;
pub mod format;
pub mod funnel;
pub mod handlers;
pub mod history;
pub mod import;
pub mod jobs;
pub mod keymap;
pub mod keys;
pub mod list_filter;
pub mod list_state;
pub mod list_window;
pub mod merge;
pub mod messages;
pub mod navigation;
pub mod outside;
pub mod overlays;
pub mod panes;
mod prepare;
pub mod reports;
pub mod search_index;
pub mod terminal;
pub mod theme;
pub mod triage;
pub mod undo;
pub mod undo_keys;
pub mod view;
pub mod visit;
