//! Shared by the `crash_*` tests: copy a store, start the real `wortel` on it and SIGKILL it
//! after a delay, spread those delays over the operation's whole length, and the checks that
//! follow every kill (the store opens, `check` passes, no temporary leftovers).

/// How many times each crash test kills `wortel`; issue 7 asks for at least 200 in all, which
/// the build itself checks.
pub mod kills {
    /// `debug-write-loop` (new leads, visit logs, triage, account edits): tests/crash.rs.
    pub const EDITS: usize = 60;
    /// `import` of a 2,000-lead bundle: tests/crash_import.rs.
    pub const IMPORT: usize = 20;
    /// `export --out` (the feedback bundle): tests/crash_export.rs.
    pub const FEEDBACK_EXPORT: usize = 25;
    /// `export --csv --ics --vcf`: tests/crash_export.rs.
    pub const FILE_EXPORT: usize = 25;
    /// `privacy erase` and its compaction: tests/crash_compact.rs.
    pub const ERASE: usize = 30;
    /// `privacy purge` and its compaction: tests/crash_compact.rs.
    pub const PURGE: usize = 15;
    /// `privacy erase` with backups beside the store, killed around the compaction and the
    /// backups' rewrite: tests/crash_erase_backups.rs.
    pub const ERASE_BACKUPS: usize = 14;
    /// `restore` over a store: tests/crash_restore.rs.
    pub const RESTORE: usize = 40;
    /// `restore` into an empty path: tests/crash_restore.rs.
    pub const FIRST_RESTORE: usize = 10;
    /// The first open of a schema-1 store, which migrates it: tests/store_migration.rs.
    pub const MIGRATION: usize = 16;

    pub const TOTAL: usize = EDITS
        + IMPORT
        + FEEDBACK_EXPORT
        + FILE_EXPORT
        + ERASE
        + PURGE
        + ERASE_BACKUPS
        + RESTORE
        + FIRST_RESTORE
        + MIGRATION;
    const _: () = assert!(TOTAL >= 200, "issue 7 asks for at least 200 kills in CI");
}

use rand::Rng;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wortel::store::Store;

/// `wortel --store STORE` as a plain process (so it can be killed), with the fixed clock and
/// time zone, and its output discarded.
pub fn command(store: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wortel"));
    c.env("WORTEL_NOW", super::NOW)
        .env("TZ", "Europe/Amsterdam")
        .env_remove("WORTEL_STORE")
        .arg("--store")
        .arg(store)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Copies the directory tree `from` to `to` (which must not exist yet).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("make the copy's directory");
    for e in std::fs::read_dir(from).expect("read the directory") {
        let e = e.expect("a directory entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy a file");
        }
    }
}

/// Runs `cmd` to completion (it must succeed) and returns how long it took, in milliseconds.
pub fn whole_run_ms(cmd: &mut Command) -> u64 {
    let t = Instant::now();
    let status = cmd.status().expect("wortel runs");
    assert!(status.success(), "the uninterrupted run failed: {status}");
    (t.elapsed().as_millis() as u64).max(1)
}

/// `kills` delays in milliseconds, one drawn from each of `kills` equal slices of
/// `0..=whole_ms`, so the kills land all over the operation (start-up, work, the final rename).
pub fn spread_delays(rng: &mut impl Rng, whole_ms: u64, kills: usize) -> Vec<u64> {
    (0..kills as u64)
        .map(|i| {
            let lo = whole_ms * i / kills as u64;
            let hi = (whole_ms * (i + 1) / kills as u64).max(lo);
            rng.gen_range(lo..=hi)
        })
        .collect()
}

/// Starts `cmd`, waits `delay_ms` and SIGKILLs it. True when the kill found it still running
/// (false: it had already exited, which the caller's checks must cover as well).
pub fn run_and_kill(cmd: &mut Command, delay_ms: u64) -> bool {
    let mut child = cmd.spawn().expect("spawn wortel");
    std::thread::sleep(Duration::from_millis(delay_ms));
    let running = child.try_wait().expect("poll the child").is_none();
    let _ = child.kill();
    child.wait().expect("reap the child");
    running
}

/// Opens the store after a kill and demands that `check` finds nothing wrong.
pub fn reopen_and_check(store: &Path, what: &str) -> Store {
    let s = Store::open(store).unwrap_or_else(|e| panic!("{what}: the store does not open: {e}"));
    let report = s.check().expect("check runs");
    assert!(
        report.is_ok(),
        "{what}: check found problems: {:?}",
        report.problems
    );
    s
}

/// Hidden entries (`.name…`) left in `dir`: temporary files and working directories.
pub fn hidden_entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// The first file under `dir` that contains `needle`.
pub fn file_containing(dir: &Path, needle: &[u8]) -> Option<PathBuf> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if std::fs::read(&p)
                .map(|b| b.windows(needle.len()).any(|w| w == needle))
                .unwrap_or(false)
            {
                return Some(p);
            }
        }
    }
    None
}

/// A seed from `WORTEL_CRASH_SEED` (to replay a failure) or a fresh random one.
pub fn seed() -> u64 {
    std::env::var("WORTEL_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random)
}
