//! The asking side: a command that finds a live holder on the store's socket sends it its
//! command line and prints what comes back, byte for byte, ending with the holder's exit code.

use super::peer::peer_of;
use super::protocol::{self, FrameError, Reply, ReplyFrame, Request};
use super::socket_path;
use std::io::{self, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;

/// Whether the command was run by the holder.
#[derive(Debug, PartialEq, Eq)]
pub enum Forwarded {
    /// Nobody serves the store (no socket, or a stale one, now removed): run it here.
    Alone,
    /// The holder ran it (or refused it, said on `stderr`); exit with this code.
    Done(u8),
}

/// Sends `request` to the holder of the store at `store`, if one listens, writing its output to
/// `stdout` and `stderr` as it arrives.
pub fn forward(
    store: &Path,
    request: &Request,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Forwarded {
    let path = socket_path(store);
    let conn = match UnixStream::connect(&path) {
        Ok(c) => c,
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
            // The holder is gone (killed): its socket file is stale.
            let _ = std::fs::remove_file(&path);
            return Forwarded::Alone;
        }
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            let _ = writeln!(
                stderr,
                "wortel: the store {} is open in another user's full-screen view, which serves only them; use a store of your own",
                store.display()
            );
            return Forwarded::Done(1);
        }
        Err(_) => return Forwarded::Alone,
    };
    let pid = peer_of(&conn).map(|p| p.pid).unwrap_or(0);
    let holder = match pid {
        0 => "the full-screen view holding the store".to_string(),
        pid => format!("the full-screen view holding the store (pid {pid})"),
    };
    let _watch = SuspendedWatch::start(pid);
    match exchange(&conn, request, stdout, stderr) {
        Ok(code) => Forwarded::Done(code),
        Err(e) => {
            let _ = stdout.flush();
            let _ = writeln!(stderr, "wortel: {}", failure_sentence(&holder, &e));
            Forwarded::Done(1)
        }
    }
}

/// Sends the request and copies the reply frames out until the exit code.
fn exchange(
    conn: &UnixStream,
    request: &Request,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, FrameError> {
    // A holder that refuses (another user) may close before reading: its answer still counts.
    let sent = protocol::write_frame(&mut &*conn, request);
    loop {
        let frame: ReplyFrame = match protocol::read_message(&mut &*conn) {
            Err(FrameError::Closed) if sent.is_err() => return Err(sent.unwrap_err().into()),
            other => other?,
        };
        match frame.reply {
            Reply::Stdout(s) => stdout.write_all(s.as_bytes())?,
            Reply::Stderr(s) => stderr.write_all(s.as_bytes())?,
            Reply::Exit(code) => {
                stdout.flush()?;
                return Ok(code);
            }
            Reply::Refused(why) => {
                stdout.flush()?;
                writeln!(stderr, "wortel: {why}")?;
                return Ok(1);
            }
        }
    }
}

fn failure_sentence(holder: &str, e: &FrameError) -> String {
    match e {
        FrameError::Closed => format!(
            "{holder} stopped before it finished this command; a write is all or nothing, so check the store (e.g. `wortel leads`) before running it again"
        ),
        FrameError::OtherVersion(v) => format!(
            "{holder} is another wortel build (socket protocol version {v}, this wortel speaks {}); quit it, or run this command with the same wortel",
            protocol::VERSION
        ),
        FrameError::TooLarge(n) => format!(
            "{holder} sent a message of {n} bytes, more than the {} the socket protocol allows; quit it, or run this command with the same wortel",
            protocol::MAX_FRAME
        ),
        other => format!("{holder} could not be asked: {other}"),
    }
}

/// Says once on standard error when the view that holds the store is suspended (`Ctrl-z`): it
/// answers only after `fg`, and a silent wait would look like a hang.
struct SuspendedWatch(Option<std::sync::Arc<std::sync::atomic::AtomicBool>>);

impl SuspendedWatch {
    fn start(pid: u32) -> SuspendedWatch {
        use std::sync::atomic::Ordering;
        if pid == 0 {
            return SuspendedWatch(None);
        }
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let watching = done.clone();
        let spawned = std::thread::Builder::new().spawn(move || {
            for _ in 0..600 {
                std::thread::sleep(std::time::Duration::from_millis(500));
                if watching.load(Ordering::SeqCst) {
                    return;
                }
                if is_stopped(pid) {
                    eprintln!(
                        "wortel: waiting for the full-screen view (pid {pid}), which is suspended; bring it back with `fg` in its terminal"
                    );
                    return;
                }
            }
        });
        SuspendedWatch(spawned.ok().map(|_| done))
    }
}

impl Drop for SuspendedWatch {
    fn drop(&mut self) {
        if let Some(done) = &self.0 {
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
}

/// True when the process is stopped (state `T` in /proc/PID/stat; unknown elsewhere: false).
fn is_stopped(pid: u32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    // `PID (COMM) STATE …`; COMM may hold spaces and parentheses, so read after the last `)`.
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .is_some_and(|state| state == "T")
}
