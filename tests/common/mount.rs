//! Shared by the disk tests: a directory seen through a private mount namespace (a tiny tmpfs
//! for a full disk, a read-only bind mount for a read-only store), kept alive by a holder
//! process and reached from outside through `/proc/PID/root`. Nothing is mounted for the rest
//! of the machine, and the mount disappears with the holder, even when a test fails.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub struct Mounted {
    holder: Child,
    /// `dir` as the namespace sees it.
    pub path: PathBuf,
}

impl Mounted {
    /// Runs the shell `mounting` (with `$1` set to `dir`) in a new mount namespace — as root
    /// directly, otherwise in a user namespace — and keeps that namespace alive. Says why not
    /// when this system allows neither.
    pub fn new(dir: &Path, mounting: &str) -> Result<Mounted, String> {
        let script = format!("set -e; {mounting}; echo ready; exec sleep 600");
        let mut why = Vec::new();
        for flags in [&["-m"][..], &["-r", "-m"]] {
            let spawned = Command::new("unshare")
                .args(flags)
                .args(["--propagation", "private", "sh", "-c", &script, "sh"])
                .arg(dir)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn();
            let mut holder = match spawned {
                Ok(c) => c,
                Err(e) => return Err(format!("unshare cannot be run ({e})")),
            };
            let mut line = String::new();
            let _ = BufReader::new(holder.stdout.take().expect("stdout")).read_line(&mut line);
            if line.trim() == "ready" {
                let path = PathBuf::from(format!("/proc/{}/root", holder.id()))
                    .join(dir.strip_prefix("/").expect("an absolute directory"));
                return Ok(Mounted { holder, path });
            }
            let _ = holder.kill();
            let out = holder.wait_with_output().expect("reap unshare");
            why.push(format!(
                "unshare {}: {}",
                flags.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Err(why.join("; "))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = self.holder.kill();
        let _ = self.holder.wait();
    }
}
