//! The one scroll rule every list in the view follows: the selected row is on screen, and the
//! window never starts so low that rows above it are hidden while blank lines show below (after
//! a filter narrowed the list, a deal left a column, or the terminal grew).

/// The first row to show of a list of `len` rows, `height` high, that showed from `offset`
/// until now and has `selected` chosen.
pub fn window_start(selected: usize, offset: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    let mut start = offset;
    if selected < start {
        start = selected;
    } else if selected >= start + height {
        start = selected + 1 - height;
    }
    start.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::window_start;

    #[test]
    fn the_selection_stays_on_screen_and_no_rows_are_wasted() {
        // Moving down past the bottom scrolls by one.
        assert_eq!(window_start(10, 0, 100, 10), 1);
        // Moving up past the top scrolls back.
        assert_eq!(window_start(3, 5, 100, 10), 3);
        // Inside the window nothing moves.
        assert_eq!(window_start(7, 5, 100, 10), 5);
        // The list shrank under a high window: it shows every row that fits.
        assert_eq!(window_start(24, 80, 25, 20), 5);
        assert_eq!(window_start(3, 80, 4, 20), 0);
        // The terminal grew taller than the rest of the list.
        assert_eq!(window_start(95, 90, 100, 30), 70);
        // Empty list, zero height.
        assert_eq!(window_start(0, 7, 0, 0), 0);
    }
}
