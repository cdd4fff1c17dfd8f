//! The three panes of PRODUCT.md §4.

pub mod inbox;
pub mod inbox_view;
pub mod placeholder_view;
