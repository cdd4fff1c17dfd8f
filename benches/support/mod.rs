//! What every benchmark shares: the 100,000-lead demo store (built once, reused across runs)
//! and an app opened on it with its search index ready, rendering into an off-screen buffer.
#![allow(dead_code)]

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;
use wortel::demo::{DemoConfig, load_into};
use wortel::store::Store;
use wortel::tui::app::{App, Clock};
use wortel::tui::keymap::Keymap;
use wortel::tui::keys::Chord;
use wortel::tui::search_index::SearchIndexState;
use wortel::tui::theme::Theme;

/// The allocator the `wortel` binary uses, so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The clock every benchmark runs at (the demo's "now").
pub const NOW: &str = "2026-11-23T09:00:00Z";

/// Leads in the benchmark store: 100,000 with 50,000 accounts, as issue 8 asks.
pub const LEADS: usize = 100_000;

/// The benchmark store: `WORTEL_BENCH_STORE`, or `target/bench-store-100k`, built on first use
/// (≈ 10 s) by the same demo generator users run.
pub fn store_path() -> PathBuf {
    if let Some(p) = std::env::var_os("WORTEL_BENCH_STORE") {
        return PathBuf::from(p);
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-store-100k");
    if !p.join("db").exists() {
        eprintln!("building the {LEADS}-lead demo store at {} …", p.display());
        let _ = std::fs::remove_dir_all(&p);
        let store = Store::open_or_create(&p).expect("create the bench store");
        load_into(
            &store,
            &DemoConfig {
                seed: 1,
                leads: LEADS,
                now: NOW.parse().unwrap(),
            },
        )
        .expect("fill the bench store");
    }
    p
}

/// The app on the benchmark store as a user sees it a moment after start: inbox listed,
/// search index built, rendering into a 160×48 off-screen terminal.
pub struct Fixture {
    pub app: App,
    pub term: Terminal<TestBackend>,
}

impl Fixture {
    pub fn open() -> Fixture {
        let store = Arc::new(Store::open(&store_path()).expect("open the bench store"));
        let now: Timestamp = NOW.parse().unwrap();
        let index = SearchIndexState::build_now(&store);
        let app = App::new(
            store,
            Clock { fixed: Some(now) },
            TimeZone::get("Europe/Amsterdam").unwrap(),
            Keymap::builtin("default").unwrap(),
            Theme::builtin("dark").unwrap(),
            index,
        )
        .expect("open the app");
        let mut f = Fixture {
            app,
            term: Terminal::new(TestBackend::new(160, 48)).unwrap(),
        };
        f.frame();
        f
    }

    /// Renders one frame, as the terminal loop does after every key.
    pub fn frame(&mut self) {
        wortel::tui::terminal::show(&mut self.term, &mut self.app).expect("draw");
    }

    /// Presses a key given as the keymap writes it ("j", "ctrl-p", "esc").
    pub fn key(&mut self, chord: &str) {
        let c = Chord::parse(chord).expect("a chord");
        self.app.on_key(KeyEvent::new(c.code, c.mods));
    }

    /// Types one character into whatever has the focus.
    pub fn typed(&mut self, ch: char) {
        self.app
            .on_key(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
    }

    /// Closes overlays and filters and returns to a pane, so each sample starts alike.
    pub fn reset_to(&mut self, pane: &str) {
        for _ in 0..3 {
            self.key("esc");
        }
        self.key(pane);
    }
}
