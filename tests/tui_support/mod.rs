//! Shared by the TUI tests: a demo store at a fixed time, keys pressed through the real keymap,
//! and frames rendered into ratatui's `TestBackend` as plain text.
#![allow(dead_code)]

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;
use tempfile::TempDir;
use wortel::demo::{DemoConfig, load_into};
use wortel::domain::{Lead, LeadId};
use wortel::store::Store;
use wortel::tui::app::{App, Clock};
use wortel::tui::keymap::Keymap;
use wortel::tui::keys::Chord;
use wortel::tui::search_index::SearchIndexState;
use wortel::tui::theme::Theme;

pub const NOW: &str = "2026-11-23T09:00:00Z";

pub fn now() -> Timestamp {
    NOW.parse().unwrap()
}

pub fn tz() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").unwrap()
}

/// A demo store of `leads` leads in a temporary directory.
pub fn demo_store(leads: usize) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("store");
    let store = Store::open_or_create(&path).unwrap();
    load_into(
        &store,
        &DemoConfig {
            seed: 7,
            leads,
            now: now(),
        },
    )
    .unwrap();
    drop(store);
    (dir, path)
}

/// The app on `path` with the default keymap and a colourless theme (frames compare as text).
pub fn app_on(path: &std::path::Path) -> App {
    app_with_keymap(path, Keymap::builtin("default").unwrap())
}

pub fn app_with_keymap(path: &std::path::Path, keymap: Keymap) -> App {
    let store = Arc::new(Store::open(path).unwrap());
    let index = SearchIndexState::build_now(&store);
    App::new(
        store,
        Clock { fixed: Some(now()) },
        tz(),
        keymap,
        Theme::builtin("dark").unwrap().without_colour(),
        index,
    )
    .unwrap()
}

/// A demo app of 60 leads.
pub fn demo_app() -> (TempDir, PathBuf, App) {
    let (dir, path) = demo_store(60);
    let app = app_on(&path);
    (dir, path, app)
}

/// Presses the chords written as in keymap files: `press(&mut app, "j j ctrl-p")`.
pub fn press(app: &mut App, chords: &str) {
    for c in chords.split_whitespace() {
        let chord = Chord::parse(c).unwrap_or_else(|e| panic!("{e}"));
        app.on_key(KeyEvent::new(chord.code, chord.mods));
    }
}

/// Types text character by character (spaces included).
pub fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
    }
}

/// One frame at `w`×`h`, as lines of text with trailing spaces trimmed.
pub fn render(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    wortel::tui::terminal::show(&mut terminal, app).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The lead on the selected row, read back from the store.
pub fn selected_lead(app: &App) -> Lead {
    let id = app.inbox().selected_id().expect("a lead is selected");
    app.store().lead(id).unwrap().unwrap()
}

/// A lead as it is on disk, from a fresh open of the store (the app must be dropped first).
pub fn lead_on_disk(path: &std::path::Path, id: LeadId) -> Lead {
    let store = Store::open(path).unwrap();
    store.lead(id).unwrap().unwrap()
}

/// Snapshot settings: the temporary store path differs per run.
pub fn snapshot_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"…?/[^ │]*/store", "[store]");
    s.set_snapshot_path("snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

/// The app as the terminal starts it: only the inbox's first screenful read.
pub fn quick_app_on(path: &std::path::Path) -> App {
    let store = Arc::new(Store::open(path).unwrap());
    let index = SearchIndexState::build_now(&store);
    App::new_quick(
        store,
        Clock { fixed: Some(now()) },
        tz(),
        Keymap::builtin("default").unwrap(),
        Theme::builtin("dark").unwrap().without_colour(),
        index,
    )
    .unwrap()
}

/// The demo account with the most to show: contacts, installed base, NPS, history, open work.
pub fn rich_account(app: &App) -> wortel::domain::AccountId {
    let mut best = None;
    let mut best_score = 0;
    for a in app.store().all_accounts() {
        let a = a.unwrap();
        let score = [
            !app.store().contacts_of(a.id).unwrap().is_empty(),
            !a.installed_base.is_empty(),
            !app.store().nps_of(a.id).unwrap().is_empty(),
            app.store().activities_of(a.id, 3).unwrap().len() >= 2,
            app.store()
                .opportunities_of(a.id)
                .unwrap()
                .iter()
                .any(|d| d.stage.is_open()),
            app.store()
                .leads_of(a.id)
                .unwrap()
                .iter()
                .any(|l| l.status.is_open()),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        if score > best_score {
            best_score = score;
            best = Some(a.id);
        }
    }
    best.unwrap()
}
