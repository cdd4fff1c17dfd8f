//! The three panes of PRODUCT.md §4.

pub mod account;
pub mod account_view;
pub mod accounts;
pub mod accounts_view;
pub mod funnel;
pub mod funnel_card;
pub mod funnel_view;
pub mod inbox;
pub mod inbox_preview;
pub mod inbox_view;
