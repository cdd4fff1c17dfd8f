//! What a keystroke costs in the TUI on a big store: frame, selection move, `/` filter and
//! palette per typed character, a confirmed triage (commit + flush + inbox reload).
//!
//! `cargo bench --bench tui_keys` builds (once) a demo store of 100,000 leads under
//! `target/bench-store-100k` (or uses `WORTEL_BENCH_STORE`) and prints medians. Frames render
//! into ratatui's `TestBackend`, so the numbers are the app's work, not the terminal's.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wortel::demo::{DemoConfig, load_into};
use wortel::store::Store;
use wortel::tui::app::{App, Clock};
use wortel::tui::keymap::Keymap;
use wortel::tui::keys::Chord;
use wortel::tui::search_index::SearchIndexState;
use wortel::tui::theme::Theme;

const NOW: &str = "2026-11-23T09:00:00Z";

fn store_path() -> PathBuf {
    if let Some(p) = std::env::var_os("WORTEL_BENCH_STORE") {
        return PathBuf::from(p);
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-store-100k");
    if !p.join("db").exists() {
        eprintln!("building the 100,000-lead demo store at {} …", p.display());
        let _ = std::fs::remove_dir_all(&p);
        let store = Store::open_or_create(&p).unwrap();
        load_into(
            &store,
            &DemoConfig {
                seed: 1,
                leads: 100_000,
                now: NOW.parse().unwrap(),
            },
        )
        .unwrap();
    }
    p
}

fn key(app: &mut App, chord: &str) {
    let c = Chord::parse(chord).unwrap();
    app.on_key(KeyEvent::new(c.code, c.mods));
}

fn typed(app: &mut App, ch: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let path = store_path();
    let now: Timestamp = NOW.parse().unwrap();
    let t = Instant::now();
    let store = Arc::new(Store::open(&path).unwrap());
    let open = t.elapsed();
    let t = Instant::now();
    let index = SearchIndexState::build_now(&store);
    let index_build = t.elapsed();
    let t = Instant::now();
    let mut app = App::new(
        store,
        Clock { fixed: Some(now) },
        TimeZone::get("Europe/Amsterdam").unwrap(),
        Keymap::builtin("default").unwrap(),
        Theme::builtin("dark").unwrap(),
        index,
    )
    .unwrap();
    let first_state = t.elapsed();
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let t = Instant::now();
    term.draw(|f| wortel::tui::view::draw(f, &mut app)).unwrap();
    let first_frame = t.elapsed();

    let mut frame = |app: &mut App| {
        let t = Instant::now();
        term.draw(|f| wortel::tui::view::draw(f, app)).unwrap();
        t.elapsed()
    };

    println!(
        "store {} ({} leads listed)",
        path.display(),
        app.inbox.len()
    );
    println!("open store                       {}", ms(open));
    println!("search index build (background)  {}", ms(index_build));
    println!("inbox state (ids in order)       {}", ms(first_state));
    println!("first frame 160x48               {}", ms(first_frame));

    let frames: Vec<Duration> = (0..200).map(|_| frame(&mut app)).collect();
    println!("frame 160x48 (median of 200)     {}", ms(median(frames)));

    let moves: Vec<Duration> = (0..200)
        .map(|i| {
            let t = Instant::now();
            key(&mut app, if i % 2 == 0 { "j" } else { "k" });
            let k = t.elapsed();
            k + frame(&mut app)
        })
        .collect();
    println!("move selection + frame           {}", ms(median(moves)));

    for (label, open_key, text) in [("/ filter", "/", "trans"), ("palette", ":", "jansen")] {
        let mut per_char: Vec<Vec<Duration>> = vec![Vec::new(); text.len()];
        let mut key_only: Vec<Vec<Duration>> = vec![Vec::new(); text.len()];
        for _ in 0..5 {
            key(&mut app, open_key);
            for (i, ch) in text.chars().enumerate() {
                let t = Instant::now();
                typed(&mut app, ch);
                let k = t.elapsed();
                key_only[i].push(k);
                per_char[i].push(k + frame(&mut app));
            }
            key(&mut app, "esc");
        }
        let cells: Vec<String> = per_char.into_iter().map(|v| ms(median(v))).collect();
        println!("{label:<8} typing {text:<7} + frame  {}", cells.join(" · "));
        let cells: Vec<String> = key_only.into_iter().map(|v| ms(median(v))).collect();
        println!(
            "{label:<8} typing {text:<7} (no frame) {}",
            cells.join(" · ")
        );
    }

    let t = Instant::now();
    key(&mut app, "G");
    let bottom = t.elapsed() + frame(&mut app);
    println!(
        "G (to row {}) + frame       {}",
        app.inbox.selected + 1,
        ms(bottom)
    );
    key(&mut app, "g");

    let accepts: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            key(&mut app, "a");
            let k = t.elapsed();
            k + frame(&mut app)
        })
        .collect();
    println!("accept (commit+flush+reload)     {}", ms(median(accepts)));
    let t = Instant::now();
    key(&mut app, "3");
    let funnel_first = t.elapsed() + frame(&mut app);
    println!("funnel board, first time (all deals) {}", ms(funnel_first));
    let frames: Vec<Duration> = (0..50).map(|_| frame(&mut app)).collect();
    println!("funnel frame 160x48               {}", ms(median(frames)));
    key(&mut app, "l");
    key(&mut app, "l");
    let moves: Vec<Duration> = (0..20)
        .map(|i| {
            let t = Instant::now();
            key(&mut app, if i % 2 == 0 { "L" } else { "H" });
            t.elapsed() + frame(&mut app)
        })
        .collect();
    println!("move a deal (commit+flush+board)  {}", ms(median(moves)));
    key(&mut app, "1");
    let visits: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            key(&mut app, "v");
            key(&mut app, "5");
            key(&mut app, "enter");
            t.elapsed() + frame(&mut app)
        })
        .collect();
    println!("log a visit (v 5 Enter + frame)   {}", ms(median(visits)));
    let reloads: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            app.reload_inbox(None);
            t.elapsed()
        })
        .collect();
    println!("inbox reload alone               {}", ms(median(reloads)));
    for _ in 0..20 {
        // Put the store back as it was: undo takes back only the last one, so reject the
        // accepted ones again would change data; the bench store is disposable instead.
    }
}
