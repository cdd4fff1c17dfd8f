//! Human-readable tables for listings; scripts use `--json` instead.

use comfy_table::{ContentArrangement, Table, presets};

/// A borderless table that fits the terminal width (or 160 columns when not a terminal).
pub fn table<S: AsRef<str>>(header: &[S]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(|h| h.as_ref().to_string()));
    if t.width().is_none() {
        t.set_width(160);
    }
    t
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
