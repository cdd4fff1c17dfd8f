//! The real binary in a real terminal: tmux runs `wortel` on a demo store, the test types keys
//! and reads the screen, then checks the store with `wortel leads --json`. CI installs tmux
//! (.ci/run); without it these tests fail and say so.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-23T09:00:00Z";

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_wortel"))
}

/// A tmux server of our own, so tests never touch the user's sessions.
struct Tmux {
    socket: String,
    /// A config that keeps a pane whose program exited, so its last words can be read.
    config: PathBuf,
}

impl Tmux {
    fn start(command: &str, width: u16, height: u16) -> Tmux {
        let socket = format!("wortel-test-{}-{}", std::process::id(), rand_suffix());
        let config = std::env::temp_dir().join(format!("{socket}.conf"));
        std::fs::write(&config, "set-option -g remain-on-exit on\n").unwrap();
        let t = Tmux { socket, config };
        let ok = t
            .cmd()
            .args(["new-session", "-d", "-s", "main", "-x"])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .arg(command)
            .status()
            .expect(
                "tmux is installed (CI installs it from .ci/run; locally: apt-get install tmux)",
            );
        assert!(ok.success(), "tmux could not start a session");
        t
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f"]).arg(&self.config);
        c
    }

    fn keys(&self, keys: &[&str]) {
        let ok = self
            .cmd()
            .args(["send-keys", "-t", "main"])
            .args(keys)
            .status()
            .unwrap();
        assert!(ok.success());
    }

    fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-J", "-S", "-", "-t", "main"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`; fails with the screen when it does not.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("the screen never showed {text:?}; it shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_until_gone(&self, text: &str) {
        let start = Instant::now();
        while self.screen().contains(text) {
            if start.elapsed() > Duration::from_secs(15) {
                panic!("the screen kept showing {text:?}:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the program in the pane has exited.
    fn wait_for_exit(&self) {
        let start = Instant::now();
        loop {
            let out = self
                .cmd()
                .args(["display-message", "-p", "-t", "main", "#{pane_dead}"])
                .output()
                .unwrap();
            if String::from_utf8_lossy(&out.stdout).trim() == "1" {
                return;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("wortel did not exit; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn alternate_screen_on(&self) -> bool {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "main", "#{alternate_on}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
        let _ = std::fs::remove_file(&self.config);
    }
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos()
}

fn wortel(store: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .arg("--store")
        .arg(store);
    c
}

fn demo_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let ok = wortel(&store)
        .args(["demo", "--no-tui", "--leads", "60"])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    store
}

fn leads_json(store: &Path, args: &[&str]) -> Vec<Value> {
    let out = wortel(store)
        .args(["leads", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The shell command tmux runs: wortel on the store with a fixed clock and no user config.
fn tui_command(store: &Path, config: &Path, extra_env: &str) -> String {
    format!(
        "env WORTEL_NOW={NOW} TZ=Europe/Amsterdam WORTEL_CONFIG={} {extra_env} {} --store {}",
        config.display(),
        bin().display(),
        store.display()
    )
}

#[test]
fn triage_in_the_real_terminal_is_in_the_store_afterwards() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let before = leads_json(&store, &[]);
    let second = before[1]["id"].as_str().unwrap().to_string();
    let third = before[2]["id"].as_str().unwrap().to_string();
    assert_eq!(before[1]["status"], "new");
    assert_eq!(before[2]["status"], "new");

    let tmux = Tmux::start(
        &tui_command(&store, &dir.path().join("no-config"), ""),
        100,
        30,
    );
    tmux.wait_for("Inbox");
    tmux.wait_for("press ? for help");
    // The retention check's message must not replace a receipt this test waits for.
    tmux.wait_for("purge due");
    tmux.keys(&["?"]);
    tmux.wait_for("Help — keys of this keymap");
    tmux.keys(&["Escape"]);
    // Wait until Esc has closed help: an Esc followed at once by `j` reads as Alt-j.
    tmux.wait_until_gone("Help — keys of this keymap");
    tmux.keys(&["j"]);
    tmux.wait_for("2 of ");
    tmux.keys(&["a"]);
    tmux.wait_for("accepted ");
    tmux.keys(&["r"]);
    tmux.wait_for("Reject: why?");
    tmux.keys(&["2"]);
    tmux.wait_for("rejected ");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
    assert!(!tmux.alternate_screen_on(), "the terminal is restored");
    // Starting the full-screen view made today's automatic backup beside the store.
    let backup = dir
        .path()
        .join("store-backups")
        .join("backup-2026-11-23.zip");
    assert!(backup.exists(), "no daily backup at {}", backup.display());

    let all = leads_json(&store, &["--all"]);
    let find = |id: &str| all.iter().find(|l| l["id"] == id).unwrap().clone();
    assert_eq!(find(&second)["status"], "accepted");
    let rejected = find(&third);
    assert_eq!(rejected["status"], "rejected", "{rejected}");
    assert_eq!(rejected["reason"], "unreachable", "{rejected}");
}

/// Back and forward in a real terminal at 80×24: Esc and Ctrl-o return from an account to
/// the inbox row and filter it was opened from, Tab (what the terminal sends for Ctrl-i) goes
/// forward again; a receipt stays while moving and Ctrl-l shows it in the message log.
#[test]
fn esc_ctrl_o_and_tab_walk_back_and_forth_and_ctrl_l_shows_the_messages() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let tmux = Tmux::start(
        &tui_command(&store, &dir.path().join("no-config"), ""),
        80,
        24,
    );
    tmux.wait_for("press ? for help");
    // The retention check on its thread says its piece first, so it cannot replace the
    // receipt looked for below.
    tmux.wait_for("purge due");
    tmux.keys(&["o"]);
    tmux.wait_for("[overdue");
    tmux.keys(&["j", "j"]);
    tmux.wait_for("3 of ");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline, newest first");
    tmux.keys(&["Escape"]);
    let inbox = tmux.wait_for("3 of ");
    assert!(inbox.contains("[overdue"), "the filter is kept:\n{inbox}");
    tmux.keys(&["Tab"]);
    tmux.wait_for("Timeline, newest first");
    tmux.keys(&["C-o"]);
    tmux.wait_for("3 of ");
    tmux.keys(&["a"]);
    tmux.wait_for("accepted HQ-");
    tmux.keys(&["k"]);
    tmux.wait_for("2 of ");
    assert!(tmux.screen().contains("accepted HQ-"), "the receipt stays");
    tmux.keys(&["C-l"]);
    let log = tmux.wait_for("Messages — the last");
    assert!(
        log.contains("accepted HQ-") && log.contains("press ? for help"),
        "{log}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_until_gone("Messages — the last");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
}

#[test]
fn a_panic_restores_the_terminal_and_leaves_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let reports = dir.path().join("reports");
    let env = format!(
        "WORTEL_TEST_PANIC=1 WORTEL_REPORT_DIR={}",
        reports.display()
    );
    let tmux = Tmux::start(
        &tui_command(&store, &dir.path().join("none"), &env),
        100,
        30,
    );
    tmux.wait_for_exit();
    let screen = tmux.wait_for("a report is at");
    assert!(!tmux.alternate_screen_on(), "the terminal is restored");
    let files: Vec<_> = std::fs::read_dir(&reports).unwrap().collect();
    assert_eq!(files.len(), 1, "{screen}");
    let report = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    assert!(report.contains("WORTEL_TEST_PANIC"), "{report}");
}

#[test]
fn a_broken_keymap_file_stops_start_up_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("keymap.toml"), "[inbox]\nx = \"frobnicate\"\n").unwrap();
    let tmux = Tmux::start(&tui_command(&store, &config, ""), 120, 20);
    tmux.wait_for_exit();
    // The message may wrap at the pane's edge.
    let screen = tmux.screen().replace('\n', "");
    assert!(
        screen.contains("keymap.toml line 2: `frobnicate` is not an action"),
        "{screen}"
    );
}

fn json(store: &Path, args: &[&str]) -> Vec<Value> {
    let out = wortel(store).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn visits_logged_in_the_real_terminal_show_in_funnel_and_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let leads = leads_json(&store, &[]);
    let deals = json(&store, &["funnel", "--json"]);
    // Two inbox rows whose accounts have no deal yet, on different accounts.
    let free: Vec<(usize, String)> = leads
        .iter()
        .enumerate()
        .filter(|(_, l)| !deals.iter().any(|d| d["account_id"] == l["account_id"]))
        .map(|(i, l)| (i, l["account_id"].as_str().unwrap().to_string()))
        .collect();
    let (first_row, first_account) = free[0].clone();
    let (second_row, second_account) = free
        .iter()
        .find(|(_, a)| *a != first_account)
        .cloned()
        .unwrap();

    let tmux = Tmux::start(
        &tui_command(&store, &dir.path().join("no-config"), ""),
        120,
        36,
    );
    tmux.wait_for("press ? for help");
    for _ in 0..first_row {
        tmux.keys(&["j"]);
    }
    tmux.wait_for(&format!("{} of ", first_row + 1));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline, newest first");
    tmux.keys(&["v"]);
    tmux.wait_for("Enter saves");
    tmux.keys(&["1"]);
    tmux.wait_for("time");
    tmux.keys(&["Enter"]);
    tmux.wait_for("logged visit · appointment-made");

    tmux.keys(&["1", "g"]);
    for _ in 0..second_row {
        tmux.keys(&["j"]);
    }
    tmux.wait_for(&format!("{} of ", second_row + 1));
    tmux.keys(&["v"]);
    tmux.wait_for("Enter saves");
    tmux.keys(&["4"]);
    tmux.wait_for("reason");
    tmux.keys(&["p", "r", "i", "Enter"]);
    tmux.wait_for("logged visit · order-lost");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();

    let deals = json(&store, &["funnel", "--json"]);
    assert!(
        deals
            .iter()
            .any(|d| d["account_id"] == first_account.as_str() && d["stage"] == "appointment"),
        "no appointment-stage deal for the first account: {deals:?}"
    );
    let lost = json(&store, &["funnel", "--json", "--stage", "lost"]);
    assert!(
        lost.iter()
            .any(|d| d["account_id"] == second_account.as_str() && d["lost_reason"] == "price"),
        "no deal lost on price for the second account: {lost:?}"
    );
    let accounts = json(&store, &["accounts", "--json"]);
    for id in [&first_account, &second_account] {
        let a = accounts.iter().find(|a| a["id"] == id.as_str()).unwrap();
        assert_eq!(a["last_activity_at"], NOW, "{a}");
    }
}

#[test]
fn d_then_v_in_the_real_terminal_logs_a_visit_from_the_agenda_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let config = dir.path().join("no-config");
    std::fs::create_dir(&config).unwrap();
    let agenda = |args: &[&str]| {
        let mut c = wortel(&store);
        c.env("WORTEL_CONFIG", &config);
        let out = c.arg("agenda").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
    };
    let rows = agenda(&["--json"]);
    let first = rows
        .first()
        .expect("the demo has something on today's agenda")
        .clone();
    let account = first["account_id"].as_str().unwrap().to_string();

    let tmux = Tmux::start(&tui_command(&store, &config, ""), 80, 24);
    tmux.wait_for("press ? for help");
    tmux.keys(&["D"]);
    tmux.wait_for("Agenda · Mon 2026-11-23");
    tmux.wait_for("v log visit · w the week");
    tmux.keys(&["w"]);
    tmux.wait_for("Agenda · week of 2026-11-23 to 2026-11-29");
    tmux.keys(&["w"]);
    tmux.wait_for("Agenda · Mon 2026-11-23");
    tmux.keys(&["v"]);
    tmux.wait_for("Enter saves");
    tmux.keys(&["5"]);
    tmux.keys(&["Enter"]);
    // At 80 columns the status line may be cut short ("purge due" can take the room); the
    // store says what was logged.
    tmux.wait_for("logged visit · ");
    // Back on the agenda, to work down the list.
    tmux.wait_for("v log visit · w the week");
    tmux.keys(&["Escape"]);
    tmux.wait_until_gone("v log visit");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();

    let out = wortel(&store)
        .args(["account", "show", &account, "--json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    let newest = &shown["activities"][0];
    assert_eq!(newest["at"], NOW, "{newest}");
    assert_eq!(newest["kind"], "visit");
    assert_eq!(newest["outcome"], "follow-up");
    // The visit was about the row's deal, lead or account.
    let target = &first["target"];
    match target["kind"].as_str().unwrap() {
        "opportunity" => assert_eq!(newest["opportunity_id"], target["id"]),
        "lead" => assert_eq!(newest["lead_id"], target["id"]),
        _ => assert_eq!(newest["account_id"], target["id"]),
    }
}

#[test]
fn y_in_the_agenda_puts_the_phone_number_in_tmuxs_buffer() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let config = dir.path().join("no-config");
    std::fs::create_dir(&config).unwrap();
    let out = wortel(&store)
        .env("WORTEL_CONFIG", &config)
        .args(["agenda", "--json"])
        .output()
        .unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let phone = rows[0]["phone"].as_str().unwrap().to_string();
    assert!(!phone.is_empty());

    let tmux = Tmux::start(&tui_command(&store, &config, ""), 100, 30);
    tmux.wait_for("press ? for help");
    tmux.keys(&["D"]);
    tmux.wait_for("v log visit");
    tmux.keys(&["y"]);
    tmux.wait_for(&format!("copied {phone}"));
    let buffer = tmux.cmd().args(["show-buffer"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&buffer.stdout), phone);
    tmux.keys(&["Escape"]);
    tmux.wait_until_gone("v log visit");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
}
