//! The step before each frame: everything that depends on the frame's size or reads the store
//! for it — the page size for page moves, each list's scroll offset (the one rule of
//! `list_window`), the rows on screen read into the panes' caches, a pane's first read — so
//! that drawing (`view::draw(&App)`) only reads.

use super::app::{App, Pane};
use super::panes::{accounts_view, funnel_view, inbox_view::InboxLayout};
use ratatui::layout::Rect;

impl App {
    /// Gets the app ready to draw a frame of `area` (the whole terminal).
    pub fn prepare(&mut self, area: Rect) {
        // First what the pane reads the first time it is shown (a failure says so on the
        // status line, which is laid out after it).
        self.load_pane();
        let (panes, _, _) = super::view::areas(self, area);
        match self.pane {
            Pane::Inbox => self.prepare_inbox(panes),
            Pane::Accounts => self.prepare_accounts(panes),
            Pane::Funnel => self.prepare_funnel(panes),
        }
    }

    fn prepare_inbox(&mut self, area: Rect) {
        let rows = InboxLayout::in_pane(area).rows();
        self.panes.page = rows.max(1);
        let store = self.store.clone();
        self.panes.inbox.prepare(&store, rows);
    }

    fn load_pane(&mut self) {
        let store = self.store.clone();
        let loaded = match self.pane {
            Pane::Inbox => Ok(()),
            Pane::Accounts if self.panes.accounts.opened().is_some() => Ok(()),
            Pane::Accounts => self.panes.accounts.ensure_loaded(&store),
            Pane::Funnel => {
                let today = self.now().to_zoned(self.tz.clone()).date();
                self.panes.funnel.ensure_loaded(&store, today, &self.tz)
            }
        };
        if let Err(e) = loaded {
            self.error(&e.to_string());
        }
    }

    fn prepare_accounts(&mut self, area: Rect) {
        if self.panes.accounts.opened().is_some() || self.panes.accounts.is_empty() {
            return;
        }
        let rows = accounts_view::list_rows(area);
        self.panes.page = rows.max(1);
        let store = self.store.clone();
        self.panes.accounts.prepare(&store, rows);
    }

    fn prepare_funnel(&mut self, area: Rect) {
        let store = self.store.clone();
        let Some(inner) = funnel_view::columns_area(self, area) else {
            return;
        };
        let focus = self.panes.funnel.column();
        let (rects, _) = funnel_view::column_rects(focus, inner);
        for (c, rect) in rects {
            let len = self.panes.funnel.column_len(c);
            if funnel_view::folded(c, focus) || len == 0 {
                continue;
            }
            self.panes
                .funnel
                .prepare_column(&store, c, funnel_view::card_rows(rect.height, len));
        }
    }
}
