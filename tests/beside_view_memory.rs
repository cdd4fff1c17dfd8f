//! Memory of an import run through the open full-screen view: the view's peak resident memory
//! while it imports a 20,000-lead bundle for another terminal, beside the peak of the same
//! import run alone. An import's chunks reach the view as the records they touched, not as
//! receipts holding every record twice, so the view grows by about what the import alone takes.

mod common;

use common::NOW;
use common::beside::{bundle, open_view, store_and_copy};
use std::path::Path;
use std::time::{Duration, Instant};

const LEADS: usize = 20_000;

/// A line of /proc/PID/status in MB (`VmHWM`: the peak, `VmRSS`: now).
fn status_mb(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| {
            l.strip_prefix(field)?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or_else(|| panic!("{field} in {status}"));
    kb * 1024 / 1_000_000
}

/// The peak memory of `wortel import FILE` on `store`, alone, in MB (`wait4`, which reaps it).
#[allow(clippy::zombie_processes)]
fn import_alone_mb(store: &Path, file: &Path) -> u64 {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_wortel"))
        .env("WORTEL_NOW", NOW)
        .arg("--store")
        .arg(store)
        .arg("import")
        .arg(file)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for the child just spawned; `status` and `usage` are ours to write.
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    usage.ru_maxrss as u64 * 1024 / 1_000_000
}

#[test]
fn an_import_through_the_view_grows_it_by_about_the_import_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (store, alone) = store_and_copy(dir.path());
    let file = dir.path().join("big.zip");
    bundle(&store, &file, LEADS);
    let by_itself = import_alone_mb(&alone, &file);

    let tmux = open_view(&store, "exec");
    let view = tmux.pane_pid();
    // Settled: the search index built, the daily backup written.
    let start = Instant::now();
    while !wortel::store::backup::backups_dir(&store).exists() {
        assert!(start.elapsed() < Duration::from_secs(30), "no daily backup");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(2));
    // From here the peak counts afresh (Linux: 5 in clear_refs resets VmHWM to VmRSS).
    std::fs::write(format!("/proc/{view}/clear_refs"), "5").unwrap();
    let resting = status_mb(view, "VmRSS:");
    let out = common::wortel(&store)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Counts are grouped as the reader writes them: "20,000 leads".
    let count = wortel_core::conventions::count(LEADS, wortel_core::lang::Language::En);
    tmux.wait_for(&format!("{count} leads imported from another terminal"));
    let peak = status_mb(view, "VmHWM:");
    let grown = peak.saturating_sub(resting);
    eprintln!(
        "{LEADS}-lead import: alone {by_itself} MB peak; through the view {peak} MB peak ({resting} MB before, +{grown} MB)"
    );
    assert!(
        grown <= by_itself + 40,
        "the view grew by {grown} MB importing what takes {by_itself} MB alone"
    );
}
