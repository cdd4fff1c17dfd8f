//! One list state for every list the panes show (the inbox, the account list, each board
//! column, an account's open leads and deals): the ids in their order, the `/` matches when a
//! query narrows them, the selected row and the first row on screen. The selection is always a
//! listed row (or 0 of an empty list), and the scroll follows the one rule of `list_window`.

use super::action::Action;
use super::list_window::window_start;
use super::overlays::move_selection;
use std::ops::Range;

/// A list's rows and where its cursor is.
#[derive(Clone, Debug)]
pub struct ListState<Id> {
    ids: Vec<Id>,
    /// With a query: positions in `ids` of the matches, best first.
    matches: Option<Vec<u32>>,
    selected: usize,
    /// The first row on screen.
    offset: usize,
}

impl<Id> Default for ListState<Id> {
    fn default() -> Self {
        ListState {
            ids: Vec::new(),
            matches: None,
            selected: 0,
            offset: 0,
        }
    }
}

impl<Id: Copy + PartialEq> ListState<Id> {
    /// Every id, in list order, whatever the query matched.
    pub fn ids(&self) -> &[Id] {
        &self.ids
    }

    /// Lists `ids` (no matches any more); the cursor is clamped to them.
    pub fn set_ids(&mut self, ids: Vec<Id>) {
        self.ids = ids;
        self.matches = None;
        self.clamp();
    }

    /// The ids to change in place (a receipt moved a row); the matches are dropped, as their
    /// positions no longer hold, and [`ListState::clamp`] is the caller's to call after.
    pub fn ids_mut(&mut self) -> &mut Vec<Id> {
        self.matches = None;
        &mut self.ids
    }

    /// Narrows the list to `matches` (positions in the ids, best first), or shows every id.
    pub fn set_matches(&mut self, matches: Option<Vec<u32>>) {
        self.matches = matches.map(|m| {
            m.into_iter()
                .filter(|p| (*p as usize) < self.ids.len())
                .collect()
        });
        self.clamp();
    }

    /// How many rows are listed.
    pub fn len(&self) -> usize {
        self.matches.as_ref().map_or(self.ids.len(), Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id on row `i`.
    pub fn id_at(&self, i: usize) -> Option<Id> {
        match &self.matches {
            Some(m) => m.get(i).map(|p| self.ids[*p as usize]),
            None => self.ids.get(i).copied(),
        }
    }

    /// The listed ids in order.
    pub fn listed(&self) -> Vec<Id> {
        (0..self.len()).filter_map(|i| self.id_at(i)).collect()
    }

    /// The row `id` is listed on.
    pub fn position_of(&self, id: Id) -> Option<usize> {
        match &self.matches {
            Some(m) => m.iter().position(|p| self.ids[*p as usize] == id),
            None => self.ids.iter().position(|x| *x == id),
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_id(&self) -> Option<Id> {
        self.id_at(self.selected)
    }

    /// The first row on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Selects row `i`, or the last one when there are fewer.
    pub fn select(&mut self, i: usize) {
        self.selected = i;
        self.clamp();
    }

    /// Selects `id`; false (and nothing moves) when it is not listed.
    pub fn select_id(&mut self, id: Id) -> bool {
        match self.position_of(id) {
            Some(i) => {
                self.selected = i;
                true
            }
            None => false,
        }
    }

    /// Selects `keep` when it is listed, else row `row` (clamped): after the rows changed.
    pub fn keep(&mut self, keep: Option<Id>, row: usize) {
        if !keep.is_some_and(|k| self.select_id(k)) {
            self.select(row);
        }
    }

    /// Back to the first row, scrolled to the top.
    pub fn to_top(&mut self) {
        self.selected = 0;
        self.offset = 0;
    }

    /// Keeps the selection on a listed row.
    pub fn clamp(&mut self) {
        self.selected = self.selected.min(self.len().saturating_sub(1));
    }

    /// Moves the selection by a list action (`j`, `k`, `g`, `G`, page keys of `page` rows).
    pub fn move_by(&mut self, action: Action, page: usize) {
        self.selected = move_selection(self.selected, self.len(), action, page);
    }

    /// Scrolls so the selection is on a screen `height` rows high, with no rows wasted.
    pub fn scroll(&mut self, height: usize) {
        self.offset = window_start(self.selected, self.offset, self.len(), height);
    }

    /// The rows a screen `height` high shows from the offset.
    pub fn shown(&self, height: usize) -> Range<usize> {
        self.offset..(self.offset + height).min(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::ListState;
    use crate::tui::action::Action;

    fn list(n: u32) -> ListState<u32> {
        let mut l = ListState::default();
        l.set_ids((0..n).collect());
        l
    }

    #[test]
    fn the_selection_stays_on_a_listed_row_whatever_shrinks_the_list() {
        let mut l = list(50);
        l.select(40);
        l.scroll(10);
        assert_eq!((l.selected(), l.offset()), (40, 31));
        // Fewer ids: the selection moves to the last row, the window shows every row it can.
        l.set_ids((0..20).collect());
        assert_eq!(l.selected(), 19);
        l.scroll(10);
        assert_eq!((l.offset(), l.shown(10)), (10, 10..20));
        // A query that matches three rows (and a stale position past the end).
        l.set_matches(Some(vec![4, 2, 7, 99]));
        assert_eq!((l.len(), l.selected(), l.selected_id()), (3, 2, Some(7)));
        l.scroll(10);
        assert_eq!((l.offset(), l.shown(10)), (0, 0..3));
        // Nothing matches: row 0 of nothing, no id.
        l.set_matches(Some(vec![]));
        assert_eq!(
            (l.selected(), l.selected_id(), l.shown(10)),
            (0, None, 0..0)
        );
        l.set_matches(None);
        assert_eq!(l.len(), 20);
    }

    #[test]
    fn moves_and_selects_are_clamped_to_the_list() {
        let mut l = list(5);
        l.select(99);
        assert_eq!(l.selected(), 4);
        l.move_by(Action::PageDown, 10);
        assert_eq!(l.selected(), 4);
        l.move_by(Action::PageUp, 3);
        assert_eq!(l.selected(), 1);
        assert!(!l.select_id(77));
        assert_eq!(l.selected(), 1);
        assert!(l.select_id(3));
        l.keep(Some(77), 9);
        assert_eq!(
            l.selected(),
            4,
            "an id no longer listed keeps the row, clamped"
        );
        l.ids_mut().truncate(2);
        l.clamp();
        assert_eq!(l.selected(), 1);
        let mut empty: ListState<u32> = ListState::default();
        empty.move_by(Action::Down, 1);
        empty.scroll(0);
        assert_eq!((empty.selected(), empty.offset()), (0, 0));
    }
}
