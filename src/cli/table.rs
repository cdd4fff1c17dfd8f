//! Human-readable tables for listings; scripts use `--json` instead.

use comfy_table::{ContentArrangement, Table, presets};

/// A borderless table that fits the terminal width (or 160 columns when not a terminal).
pub fn table<S: AsRef<str>>(header: &[S]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(|h| h.as_ref().to_string()));
    // Run for another terminal: that terminal's width, not the full-screen view's.
    let width = super::output::asking_width().unwrap_or_else(|| t.width());
    t.set_width(width.unwrap_or(160));
    t
}

/// The width a table gets on this process's standard output (`None`: not a terminal).
pub fn terminal_width() -> Option<u16> {
    Table::new().width()
}

/// Cuts text to `max` characters with an ellipsis.
pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
