//! Shared by the tests of commands beside the open full-screen view: a demo store and an
//! identical copy, the view on it in tmux, the same command run on both stores.

use super::tmux::Tmux;
use super::{NOW, wortel};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A 60-lead demo store in `dir/store` and an identical copy in `dir/alone`.
pub fn store_and_copy(dir: &Path) -> (PathBuf, PathBuf) {
    let store = dir.join("store");
    super::demo(&store, 60, 7);
    let alone = dir.join("alone");
    copy_dir(&store, &alone);
    (store, alone)
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        match e.file_type().unwrap().is_dir() {
            true => copy_dir(&e.path(), &target),
            false => drop(std::fs::copy(e.path(), target).unwrap()),
        }
    }
}

/// The view on `store` in a terminal of its own, with a fixed clock and no user config.
pub fn open_view(store: &Path, prefix: &str) -> Tmux {
    let command = format!(
        "{prefix} env WORTEL_NOW={NOW} TZ=Europe/Amsterdam WORTEL_CONFIG={} {} --store {}",
        store.with_file_name("no-config").display(),
        env!("CARGO_BIN_EXE_wortel"),
        store.display()
    );
    let tmux = Tmux::start(&command, 120, 32);
    tmux.wait_for("1 Inbox");
    wait_for_socket(store);
    tmux
}

pub fn wait_for_socket(store: &Path) {
    let start = Instant::now();
    while !store.join("serve.sock").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the view never listened"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A signed 5-lead bundle from head office, made from the store before the view opens.
pub fn bundle(store: &Path, file: &Path, leads: usize) {
    let s = wortel::store::Store::open(store).unwrap();
    let bytes =
        wortel::demo::bundle::sample_leads_bundle(&s, 7, NOW.parse().unwrap(), leads).unwrap();
    std::fs::write(file, bytes).unwrap();
}

/// The same command on both stores, each from a working directory of its own (so relative
/// paths in it mean the same): stdout, stderr and exit code.
pub fn both(dir: &Path, stores: (&Path, &Path), args: &[&str]) -> [(String, String, i32); 2] {
    [stores.0, stores.1].map(|store| {
        let cwd = dir.join(format!(
            "cwd-{}",
            store.file_name().unwrap().to_string_lossy()
        ));
        std::fs::create_dir_all(&cwd).unwrap();
        let out = wortel(store).current_dir(&cwd).args(args).output().unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code().unwrap_or(-1),
        )
    })
}

/// Waits until the view (`pid`) has a thread running a request (named `wortel-request`).
pub fn wait_for_request_thread(pid: u32) {
    let start = Instant::now();
    loop {
        let running = std::fs::read_dir(format!("/proc/{pid}/task"))
            .unwrap()
            .flatten()
            .any(|t| {
                std::fs::read_to_string(t.path().join("comm"))
                    .is_ok_and(|c| c.trim() == "wortel-request")
            });
        if running {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the view never took the request"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
