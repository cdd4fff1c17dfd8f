//! The application state: routing (the pane, the history, the overlay), the store handle, the
//! clock, keymap and theme, the status line, the undo stack, and the panes, which own their
//! state. Keys are routed in `app_keys.rs`, writes go through `app_commit.rs`, background work
//! through `app_jobs.rs`, the frame is prepared in `prepare.rs`, and what the rest of the
//! program may read is in `app_access.rs`.

use super::action::{Action, Context};
use super::history::History;
use super::jobs::Jobs;
use super::keymap::Keymap;
use super::messages::Messages;
use super::overlays::Overlay;
use super::panes::accounts::AccountsPane;
use super::panes::funnel::FunnelPane;
use super::panes::inbox::{InboxPane, Reading};
use super::search_index::SearchIndexState;
use super::theme::Theme;
use super::undo::UndoStack;
use crate::domain::{AccountId, LeadId};
use crate::store::Store;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::sync::Arc;

/// The three panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Inbox,
    Accounts,
    Funnel,
}

impl Pane {
    pub fn context(self) -> Context {
        match self {
            Pane::Inbox => Context::Inbox,
            Pane::Accounts => Context::Accounts,
            Pane::Funnel => Context::Funnel,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Inbox => "Inbox",
            Pane::Accounts => "Accounts",
            Pane::Funnel => "Funnel",
        }
    }
}

/// The time, fixed for tests and scripted runs (`WORTEL_NOW`), else the system's.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub fixed: Option<Timestamp>,
}

impl Clock {
    pub fn now(&self) -> Timestamp {
        self.fixed.unwrap_or_else(|| {
            Timestamp::now()
                .round(jiff::Unit::Second)
                .unwrap_or_else(|_| Timestamp::now())
        })
    }
}

pub use super::messages::{Status, Tone};

/// The panes, each owning its state, and the page size page moves use.
pub struct Panes {
    pub(super) inbox: InboxPane,
    /// The accounts pane: the list and the opened account.
    pub(super) accounts: AccountsPane,
    /// The funnel board.
    pub(super) funnel: FunnelPane,
    /// Rows in the list at the last frame, for page moves.
    pub(super) page: usize,
}

/// Who is working, and the dealer's settings the view applies.
pub struct Dealer {
    /// "DEMO · Demo Verkoper", for the status bar.
    pub(super) who: String,
    /// Every how many weeks each tier is visited, for the agenda (`[cadence]` in config.toml).
    pub(super) cadence: crate::ops::Cadence,
}

/// Work on threads of its own.
pub struct Background {
    /// The search index, built on a thread after start.
    pub(super) index: SearchIndexState,
    /// The retention check and backups.
    pub(super) jobs: Jobs,
}

/// What the terminal loop is asked to do after a key.
#[derive(Default)]
pub struct Requests {
    pub(super) quit: bool,
    /// The terminal is to be handed to the shell for a while (`Ctrl-z`, `!`).
    pub(super) leave: Option<super::outside::Leave>,
    /// Text the terminal puts on the clipboard after this key (`y`; see `clipboard.rs`).
    pub(super) clipboard: Option<String>,
}

/// Everything the TUI knows: routing (the pane, the history, the overlay), the store, the
/// clock, the keymap and theme, the status line, the undo stack, and the panes, which own
/// their state. Other modules of the view use its fields (`pub(super)`); from outside the view,
/// the methods below.
pub struct App {
    pub(super) store: Arc<Store>,
    pub(super) clock: Clock,
    pub(super) tz: TimeZone,
    pub(super) keymap: Keymap,
    pub(super) theme: Theme,
    pub(super) pane: Pane,
    /// Where the user has been, for back (Esc, `Ctrl-o`) and forward.
    pub(super) history: History,
    pub(super) panes: Panes,
    pub(super) overlay: Option<Overlay>,
    /// The status line's message, the message log and the standing notice.
    pub(super) messages: Messages,
    /// The changes `u` takes back and `Ctrl-r` does again.
    pub(super) undo: UndoStack,
    pub(super) dealer: Dealer,
    pub(super) background: Background,
    pub(super) requests: Requests,
}

impl App {
    /// Opens the TUI state on a store with the whole inbox read; `index` is built in the
    /// background or at once.
    pub fn new(
        store: Arc<Store>,
        clock: Clock,
        tz: TimeZone,
        keymap: Keymap,
        theme: Theme,
        index: SearchIndexState,
    ) -> Result<App, crate::store::StoreError> {
        let mut app = App::assemble(store, clock, tz, keymap, theme, index)?;
        app.reload_inbox(None);
        Ok(app)
    }

    /// Like [`App::new`], but reads only the inbox's first screenful; the first [`App::tick`]
    /// (or key) reads the rest. The terminal front end starts this way, so the first frame of a
    /// big store does not wait for its whole list.
    pub fn new_quick(
        store: Arc<Store>,
        clock: Clock,
        tz: TimeZone,
        keymap: Keymap,
        theme: Theme,
        index: SearchIndexState,
    ) -> Result<App, crate::store::StoreError> {
        let mut app = App::assemble(store, clock, tz, keymap, theme, index)?;
        let now = app.now();
        let store = app.store.clone();
        if let Err(e) = app.panes.inbox.read_first(&store, now, 200) {
            app.error(&e.to_string());
        }
        Ok(app)
    }

    fn assemble(
        store: Arc<Store>,
        clock: Clock,
        tz: TimeZone,
        keymap: Keymap,
        theme: Theme,
        index: SearchIndexState,
    ) -> Result<App, crate::store::StoreError> {
        let who = match store.identity()? {
            Some(i) => format!("{} · {}", i.dealer_id, i.salesperson),
            None => "no dealer set (wortel init)".to_string(),
        };
        let mut app = App {
            store,
            clock,
            tz,
            keymap,
            theme,
            pane: Pane::Inbox,
            history: History::default(),
            panes: Panes {
                inbox: InboxPane::default(),
                accounts: AccountsPane::default(),
                funnel: FunnelPane::default(),
                page: 10,
            },
            overlay: None,
            messages: Messages::default(),
            undo: UndoStack::default(),
            dealer: Dealer {
                who,
                cadence: crate::ops::Cadence::default(),
            },
            background: Background {
                index,
                jobs: Jobs::default(),
            },
            requests: Requests::default(),
        };
        let help = app
            .keymap
            .hint(Action::Help)
            .map(|c| format!("press {c} for help"))
            .unwrap_or_default();
        app.info(&help);
        Ok(app)
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// The days after which a deal on the board is stale (`[stale]` in config.toml).
    pub fn set_stale_days(&mut self, stale: crate::domain::board::StaleDays) {
        self.panes.funnel.set_stale(stale);
    }

    /// Every how many weeks each tier is visited (`[cadence]` in config.toml).
    pub fn set_cadence(&mut self, cadence: crate::ops::Cadence) {
        self.dealer.cadence = cadence;
    }

    /// The message on the status line now.
    pub fn status(&self) -> &Status {
        self.messages.current()
    }

    pub fn info(&mut self, text: &str) {
        self.say(text, Tone::Info);
    }

    pub fn ok(&mut self, text: &str) {
        self.say(text, Tone::Ok);
    }

    pub fn error(&mut self, text: &str) {
        self.say(text, Tone::Error);
    }

    fn say(&mut self, text: &str, tone: Tone) {
        let now = self.now();
        self.messages.say(text, tone, now);
    }

    /// Finishes reading the inbox if only its first screenful is there.
    pub(super) fn complete_inbox(&mut self) {
        if !self.panes.inbox.is_complete() {
            self.reload_inbox(None);
        }
    }

    /// Work between frames: completes the inbox, picks up the search index when its thread is
    /// done; true when something changed.
    pub fn tick(&mut self) -> bool {
        let done = self.background.jobs.poll();
        let jobs_done = !done.is_empty();
        for d in done {
            self.on_job_done(d);
        }
        if jobs_done {
            return true;
        }
        // After the first frame: the search index builds while the inbox is completed.
        self.background.index.start_if_later();
        if !self.panes.inbox.is_complete() {
            self.complete_inbox();
            return true;
        }
        if !self.background.index.poll() {
            return false;
        }
        if let super::search_index::SearchIndexState::Failed(e) = &self.background.index {
            let e = e.clone();
            self.error(&format!("the search index could not be built: {e}"));
        }
        // A channel filter or query typed meanwhile can apply now.
        if self.panes.inbox.waits_for_index() {
            self.reload_inbox(None);
        }
        true
    }

    /// Builds the search index again on its thread (after an import added leads and accounts);
    /// the lists forget where their rows were in the old one.
    pub fn rebuild_index(&mut self) {
        self.background.index = SearchIndexState::start(self.store.clone());
        self.panes.inbox.forget_index_positions();
        self.panes.accounts.forget_index_positions();
    }

    /// Re-reads the inbox (after a write from elsewhere), on `keep` when listed.
    pub fn reload_inbox(&mut self, keep: Option<LeadId>) {
        self.with_inbox(|inbox, from| inbox.reload(from, keep));
    }

    /// Changes the inbox by `change`, which is given what the inbox reads from (a filter
    /// change reads the list again); a failed read says so on the status line.
    pub fn with_inbox(
        &mut self,
        change: impl FnOnce(&mut InboxPane, &Reading) -> Result<(), crate::store::StoreError>,
    ) {
        let store = self.store.clone();
        let index = self.background.index.ready().cloned();
        let from = Reading {
            store: &store,
            now: self.now(),
            index: index.as_deref(),
        };
        if let Err(e) = change(&mut self.panes.inbox, &from) {
            self.error(&e.to_string());
        }
    }

    /// The accounts likely to be the same company as `id` that still exist.
    pub fn duplicates_of(&self, id: AccountId) -> Vec<AccountId> {
        let Some(index) = self.background.index.ready() else {
            return Vec::new();
        };
        index
            .duplicates
            .get(&id)
            .map(|ids| {
                ids.iter()
                    .copied()
                    .filter(|d| self.store.account(*d).ok().flatten().is_some())
                    .collect()
            })
            .unwrap_or_default()
    }
}
