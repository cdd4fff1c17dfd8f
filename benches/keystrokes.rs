//! What one keystroke costs in the TUI on the 100,000-lead store, each including the frame it
//! causes (rendered into ratatui's `TestBackend`, 160×48): moving the selection, switching
//! panes, the `/` filter over the inbox's leads and over the 50,000 account names, and the
//! palette (commands, accounts and leads), with 1 to 5 typed characters; and the confirmed
//! edits (accept a lead, log a visit), each including the store's flush and fsync (their
//! frame is the same as `frame_only`).
//!
//! `cargo bench --bench keystrokes`. Every sample is one keystroke (`sample_size = 1`), so the
//! "slowest" column of 100 samples bounds the 99th percentile from above.

#[path = "support/mod.rs"]
mod support;

use divan::Bencher;
use std::cell::{Cell, RefCell};
use support::Fixture;

fn main() {
    divan::main();
}

thread_local! {
    static FIXTURE: RefCell<Fixture> = RefCell::new(Fixture::open());
}

fn with<R>(f: impl FnOnce(&mut Fixture) -> R) -> R {
    FIXTURE.with(|fx| f(&mut fx.borrow_mut()))
}

/// Typing the `n`th character of `text` after `opener` (and the first n-1 characters): the
/// setup before each sample is not timed, the character and its frame are.
fn typing(bencher: Bencher, pane: &str, opener: &str, text: &str, n: usize) {
    let chars: Vec<char> = text.chars().collect();
    bencher
        .with_inputs(|| {
            with(|fx| {
                fx.reset_to(pane);
                fx.key(opener);
                for c in &chars[..n - 1] {
                    fx.typed(*c);
                }
                fx.frame();
            })
        })
        .bench_local_values(|()| {
            with(|fx| {
                fx.typed(chars[n - 1]);
                fx.frame();
            })
        });
}

const OPTS: (u32, u32) = (100, 1);

#[divan::bench(sample_count = OPTS.0, sample_size = OPTS.1)]
fn frame_only(bencher: Bencher) {
    with(|fx| fx.reset_to("1"));
    bencher.bench_local(|| with(|fx| fx.frame()));
}

#[divan::bench(sample_count = OPTS.0, sample_size = OPTS.1)]
fn move_selection(bencher: Bencher) {
    with(|fx| fx.reset_to("1"));
    let mut down = false;
    bencher.bench_local(|| {
        down = !down;
        with(|fx| {
            fx.key(if down { "j" } else { "k" });
            fx.frame();
        })
    });
}

#[divan::bench(sample_count = OPTS.0, sample_size = OPTS.1)]
fn switch_pane(bencher: Bencher) {
    with(|fx| fx.reset_to("1"));
    let mut to_accounts = false;
    bencher.bench_local(|| {
        to_accounts = !to_accounts;
        with(|fx| {
            fx.key(if to_accounts { "2" } else { "1" });
            fx.frame();
        })
    });
}

/// `/` in the inbox: fuzzy over each listed lead's account, city, interest and id.
#[divan::bench(args = [1, 2, 3, 4, 5], sample_count = OPTS.0, sample_size = OPTS.1)]
fn inbox_filter(bencher: Bencher, n: usize) {
    typing(bencher, "1", "/", "trans", n);
}

/// `/` in the account list: fuzzy over 50,000 account names (with city and KvK).
#[divan::bench(args = [1, 2, 3, 4, 5], sample_count = OPTS.0, sample_size = OPTS.1)]
fn accounts_filter(bencher: Bencher, n: usize) {
    typing(bencher, "2", "/", "janse", n);
}

/// The palette (`:`) searches commands, accounts and leads at once: 150,000 candidates.
#[divan::bench(args = [1, 2, 3, 4, 5], sample_count = OPTS.0, sample_size = OPTS.1)]
fn palette(bencher: Bencher, n: usize) {
    typing(bencher, "1", ":", "janse", n);
}

/// The palette limited to accounts (`@`): 50,000 names.
#[divan::bench(args = [1, 2, 3, 4, 5], sample_count = OPTS.0, sample_size = OPTS.1)]
fn palette_accounts(bencher: Bencher, n: usize) {
    typing(bencher, "1", ":", "@janse", n + 1);
}

/// A confirmed edit made by `keys` on the inbox's selected lead, timed without the frame
/// after it (that is `frame_only`); undone (untimed) before each sample so the store stays as
/// it was.
fn undone_edit(bencher: Bencher, keys: &[&str]) {
    with(|fx| fx.reset_to("1"));
    let done = Cell::new(false);
    bencher
        .with_inputs(|| {
            with(|fx| {
                if done.replace(false) {
                    fx.key("u");
                }
                fx.frame();
            })
        })
        .bench_local_values(|()| {
            done.set(true);
            with(|fx| keys.iter().for_each(|k| fx.key(k)))
        });
    if done.get() {
        with(|fx| fx.key("u"));
    }
}

/// `a` on the selected lead: commit, flush, fsync, list update.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn accept_lead(bencher: Bencher) {
    undone_edit(bencher, &["a"]);
}

/// `v 5 Enter` (a follow-up visit): the form, the commit with its effects, flush, fsync.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn log_visit(bencher: Bencher) {
    undone_edit(bencher, &["v", "5", "enter"]);
}
