//! `Ctrl-z` and `!` in the real terminal: the view gives the terminal to the shell (the
//! alternate screen and raw mode left) and takes it back with the screen redrawn; a command run
//! in the `!` shell reaches the open view through its socket.

mod common;

use common::NOW;
use common::tmux::Tmux;
use std::time::{Duration, Instant};

/// An interactive shell in tmux, then the view on a demo store started from it.
fn view_from_a_shell() -> (tempfile::TempDir, std::path::PathBuf, Tmux) {
    let (dir, store) = common::scratch();
    common::demo(&store, 20, 7);
    let tmux = Tmux::start("env PS1='$ ' bash --norc --noprofile -i", 100, 30);
    tmux.wait_for("$ ");
    tmux.keys(&[
        &format!(
            "env WORTEL_NOW={NOW} TZ=Europe/Amsterdam WORTEL_CONFIG={} SHELL=/bin/sh {} --store {}",
            dir.path().join("no-config").display(),
            env!("CARGO_BIN_EXE_wortel"),
            store.display()
        ),
        "Enter",
    ]);
    tmux.wait_for("1 Inbox");
    (dir, store, tmux)
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool, tmux: &Tmux) {
    let start = Instant::now();
    while !done() {
        if start.elapsed() > Duration::from_secs(15) {
            panic!(
                "{what} never happened; the screen shows:\n{}",
                tmux.screen()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_view_back() {
    let (_dir, _store, tmux) = view_from_a_shell();
    assert!(tmux.alternate_screen_on());
    tmux.keys(&["C-z"]);
    tmux.wait_for("Stopped");
    wait_until(
        "leaving the alternate screen",
        || !tmux.alternate_screen_on(),
        &tmux,
    );
    tmux.keys(&["fg", "Enter"]);
    tmux.wait_for("back from the shell (fg)");
    assert!(tmux.alternate_screen_on(), "the view's screen is back");
    // Raw mode is back too: a single key acts at once.
    tmux.keys(&["2"]);
    tmux.wait_for("┌ Accounts");
}

#[test]
fn bang_opens_a_shell_on_the_store_whose_commands_reach_the_view() {
    let (_dir, store, tmux) = view_from_a_shell();
    let lead = common::new_leads(&store, 1)[0]["external_id"]
        .as_str()
        .unwrap()
        .to_string();
    tmux.keys(&["!"]);
    tmux.wait_for("type `exit` to go back to the full-screen view");
    wait_until(
        "leaving the alternate screen",
        || !tmux.alternate_screen_on(),
        &tmux,
    );
    // WORTEL_STORE names the store; the command is run by the waiting view.
    tmux.keys(&[
        &format!(
            "{} log-visit --lead {lead} --outcome no-contact --note 'uit de shell' && exit",
            env!("CARGO_BIN_EXE_wortel")
        ),
        "Enter",
    ]);
    tmux.wait_for("from another terminal: logged visit (no-contact");
    assert!(tmux.alternate_screen_on());
    let visited = common::all_leads(&store)
        .into_iter()
        .find(|l| l["external_id"] == lead.as_str())
        .unwrap();
    assert_ne!(visited["status"], "new");
}

#[test]
fn a_command_asked_of_a_suspended_view_says_so_and_runs_after_fg() {
    let (_dir, store, tmux) = view_from_a_shell();
    tmux.keys(&["C-z"]);
    tmux.wait_for("Stopped");
    let client = std::process::Command::new(env!("CARGO_BIN_EXE_wortel"))
        .env("WORTEL_NOW", NOW)
        .arg("--store")
        .arg(&store)
        .args(["leads", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    tmux.keys(&["fg", "Enter"]);
    let out = client.wait_with_output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("wortel: waiting for the full-screen view (pid ")
            && err.ends_with("), which is suspended; bring it back with `fg` in its terminal\n"),
        "{err}"
    );
    // What the view answered after fg is the listing, as a run now gives it.
    let again = common::stdout_of(common::wortel(&store).args(["leads", "--json"]));
    assert_eq!(String::from_utf8_lossy(&out.stdout), again);
}
