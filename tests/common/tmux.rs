//! A tmux server of the test's own (`-L` socket), for tests that run the full-screen view in a
//! real terminal and read its screen. (tests/tui_tmux.rs keeps the first copy of this.)

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    config: std::path::PathBuf,
}

impl Tmux {
    /// Starts `command` in a detached session `main` of `width`×`height`.
    pub fn start(command: &str, width: u16, height: u16) -> Tmux {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let socket = format!("wortel-beside-{}-{nanos}", std::process::id());
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

    pub fn keys(&self, keys: &[&str]) {
        let ok = self
            .cmd()
            .args(["send-keys", "-t", "main"])
            .args(keys)
            .status()
            .unwrap();
        assert!(ok.success());
    }

    pub fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-J", "-t", "main"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`; fails with the screen when it does not.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("the screen never showed {text:?}; it shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The process the pane runs.
    pub fn pane_pid(&self) -> u32 {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "main", "#{pane_pid}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }

    /// True while the program in the pane shows its alternate screen (the full-screen view).
    pub fn alternate_screen_on(&self) -> bool {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "main", "#{alternate_on}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// True once the program in the pane has exited.
    pub fn pane_dead(&self) -> bool {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "main", "#{pane_dead}"])
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
