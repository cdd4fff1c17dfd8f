//! The holder's side: a thread accepts connections on the store's socket, checks that the peer
//! is the store's owner, reads its request and has the handler run it, one command at a time
//! and never beside one of the view's own writes ([`super::turn`]).

use super::peer::{Peer, peer_of};
use super::protocol::{self, FrameError, Reply, ReplyFrame, Request};
use super::{Served, socket_path};
use std::io::{self, BufWriter};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Runs one request: writes its output through `out`, returns its exit code and, when it
/// changed the store, what the view is to show.
pub type Handler = dyn Fn(Request, Output) -> (u8, Option<Served>) + Send + Sync;

/// The name of a thread running a request: a panic there is the request's, not the view's (the
/// view's panic hook leaves it alone and the request answers with a sentence).
pub const REQUEST_THREAD: &str = "wortel-request";

/// How long a connected client has to send its request.
const REQUEST_WAIT: Duration = Duration::from_secs(5);

/// The socket of a running holder. Dropping it stops serving and removes the socket file.
pub struct Server {
    path: PathBuf,
    stop: Arc<AtomicBool>,
    accepting: Option<JoinHandle<()>>,
    /// What each request that wrote changed, for the view to follow.
    pub served: Receiver<Served>,
}

impl Server {
    /// Listens on the socket of the store at `store` (mode 0600, replacing a stale file).
    pub fn start(store: &Path, handler: Arc<Handler>) -> io::Result<Server> {
        let path = socket_path(store);
        let listener = bind(&path)?;
        // A client that went away must not end the holder: its writes fail instead.
        // SAFETY: setting a signal's disposition; the view writes only to its terminal.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        }
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, served) = channel();
        let accepting = {
            let stop = stop.clone();
            std::thread::Builder::new()
                .name("wortel-serve".into())
                .spawn(move || accept_loop(listener, handler, tx, stop))?
        };
        Ok(Server {
            path,
            stop,
            accepting: Some(accepting),
            served,
        })
    }

    /// The socket file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the stop.
        let _ = UnixStream::connect(&self.path);
        if let Some(t) = self.accepting.take() {
            let _ = t.join();
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

fn bind(path: &Path) -> io::Result<UnixListener> {
    use std::os::unix::fs::PermissionsExt;
    // Only reached when no live holder answered there (the caller holds the store's lock).
    if path.exists() {
        std::fs::remove_file(path)?;
    }
    let listener = UnixListener::bind(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(listener)
}

fn accept_loop(
    listener: UnixListener,
    handler: Arc<Handler>,
    served: Sender<Served>,
    stop: Arc<AtomicBool>,
) {
    let mut running: Vec<JoinHandle<()>> = Vec::new();
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(conn) = conn else { continue };
        running.retain(|t| !t.is_finished());
        let (handler, served) = (handler.clone(), served.clone());
        if let Ok(t) = std::thread::Builder::new()
            .name(REQUEST_THREAD.into())
            .spawn(move || serve_one(conn, &*handler, &served))
        {
            running.push(t);
        }
    }
    // The handler (and the store it lends) is let go only when no request runs any more.
    for t in running {
        let _ = t.join();
    }
}

/// One connection: the owner check, the request, its output, its exit code.
fn serve_one(conn: UnixStream, handler: &Handler, served: &Sender<Served>) {
    let Ok(reader) = conn.try_clone() else { return };
    let out = Output::new(conn);
    if let Some(refusal) = refusal_for(peer_of(&reader)) {
        let _ = out.finish(Reply::Refused(refusal));
        return;
    }
    let _ = reader.set_read_timeout(Some(REQUEST_WAIT));
    let request = match protocol::read_message::<Request>(&mut &reader) {
        Ok(r) => r,
        Err(FrameError::Closed) => return,
        Err(e) => {
            let _ = out.finish(Reply::Refused(request_refusal(&e)));
            return;
        }
    };
    let (code, notice) = handler(request, out.clone());
    // The command is done and committed: the view shows it while the client reads the rest.
    if let Some(n) = notice {
        let _ = served.send(n);
    }
    let _ = out.finish(Reply::Exit(code));
}

/// Why a peer may not use this holder, or `None` for the store's owner.
fn refusal_for(peer: io::Result<Peer>) -> Option<String> {
    // SAFETY: getuid cannot fail.
    let own = unsafe { libc::getuid() };
    match peer {
        Ok(p) if p.uid == own => None,
        Ok(p) => Some(format!(
            "the full-screen view holding this store serves only its owner (uid {own}), not uid {}; ask them, or use a store of your own",
            p.uid
        )),
        Err(e) => Some(format!(
            "the full-screen view holding this store could not tell who is asking ({e}), so it refuses"
        )),
    }
}

fn request_refusal(e: &FrameError) -> String {
    match e {
        FrameError::OtherVersion(v) => format!(
            "the full-screen view holding this store is another wortel build: it speaks version {} of the socket protocol and this command version {v}; run both from the same wortel",
            protocol::VERSION
        ),
        other => {
            format!("the full-screen view holding this store could not read the request: {other}")
        }
    }
}

/// A request's output on its way to the client, in frames no larger than the protocol allows.
/// Standard output and standard error keep their order (a switch sends what was buffered).
/// A thread of its own writes the frames, so a slow reader (`wortel leads | less`) never holds
/// up the command — nor the view's writes waiting for their turn. Clones write to the same
/// connection.
#[derive(Clone)]
pub struct Output(Arc<Mutex<Frames>>);

struct Frames {
    queue: Option<Sender<Reply>>,
    writer: Option<JoinHandle<()>>,
    pending: Vec<u8>,
    pending_is_err: bool,
    /// The client went away (its reader closed the pipe): the rest is dropped.
    gone: Arc<AtomicBool>,
}

impl Output {
    fn new(conn: UnixStream) -> Output {
        let (queue, replies) = channel::<Reply>();
        let gone = Arc::new(AtomicBool::new(false));
        let writer = {
            let gone = gone.clone();
            std::thread::Builder::new()
                .name("wortel-reply".into())
                .spawn(move || write_replies(conn, replies, &gone))
                .ok()
        };
        if writer.is_none() {
            gone.store(true, Ordering::SeqCst);
        }
        Output(Arc::new(Mutex::new(Frames {
            queue: Some(queue),
            writer,
            pending: Vec::new(),
            pending_is_err: false,
            gone,
        })))
    }

    fn frames(&self) -> std::sync::MutexGuard<'_, Frames> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Adds to standard output (`err` false) or standard error; fails once the client is gone.
    pub fn write(&self, err: bool, bytes: &[u8]) -> io::Result<()> {
        self.frames().write(err, bytes)
    }

    /// Sends what is buffered, then the last frame, and waits until they are written.
    fn finish(&self, last: Reply) -> io::Result<()> {
        let writer = {
            let mut f = self.frames();
            let sent = f.send_pending().and_then(|()| f.send(last));
            f.queue = None;
            sent?;
            f.writer.take()
        };
        if let Some(w) = writer {
            let _ = w.join();
        }
        Ok(())
    }
}

/// The writing thread: frames in order until the last, or until the client is gone.
fn write_replies(conn: UnixStream, replies: Receiver<Reply>, gone: &AtomicBool) {
    let mut conn = BufWriter::new(conn);
    for reply in replies {
        let frame = ReplyFrame {
            version: protocol::VERSION,
            reply,
        };
        if protocol::write_frame(&mut conn, &frame).is_err() {
            gone.store(true, Ordering::SeqCst);
            return;
        }
    }
}

impl Frames {
    fn write(&mut self, err: bool, bytes: &[u8]) -> io::Result<()> {
        if self.gone.load(Ordering::SeqCst) {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        if err != self.pending_is_err {
            self.send_pending()?;
            self.pending_is_err = err;
        }
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= protocol::OUTPUT_CHUNK {
            self.send_pending()?;
        }
        Ok(())
    }

    fn send_pending(&mut self) -> io::Result<()> {
        // Whole characters only: a chunk ends where a UTF-8 sequence does.
        let mut rest = std::mem::take(&mut self.pending);
        while !rest.is_empty() {
            let mut cut = rest.len().min(protocol::OUTPUT_CHUNK);
            while cut > 0 && cut < rest.len() && (rest[cut] & 0xC0) == 0x80 {
                cut -= 1;
            }
            if cut == 0 {
                cut = rest.len().min(protocol::OUTPUT_CHUNK);
            }
            let piece = String::from_utf8_lossy(&rest[..cut]).into_owned();
            rest.drain(..cut);
            self.send(match self.pending_is_err {
                true => Reply::Stderr(piece),
                false => Reply::Stdout(piece),
            })?;
        }
        Ok(())
    }

    fn send(&mut self, reply: Reply) -> io::Result<()> {
        let gone = self.gone.load(Ordering::SeqCst);
        match &self.queue {
            Some(q) if !gone => q.send(reply).map_err(|_| io::ErrorKind::BrokenPipe.into()),
            _ => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command's side never waits for the client to read: 8 MiB of output into a socket
    /// nobody reads yet, then everything arrives in order, in frames within the cap.
    #[test]
    fn output_is_queued_for_a_slow_reader_and_arrives_whole() {
        let (ours, mut theirs) = UnixStream::pair().unwrap();
        let out = Output::new(ours);
        let line = "é".repeat(1000) + "\n";
        for _ in 0..4096 {
            out.write(false, line.as_bytes()).unwrap();
        }
        out.write(true, b"wortel: done\n").unwrap();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            loop {
                let frame: ReplyFrame = protocol::read_message(&mut theirs).unwrap();
                match frame.reply {
                    Reply::Stdout(s) => text.push_str(&s),
                    Reply::Stderr(s) => text.push_str(&format!("[err]{s}")),
                    Reply::Exit(code) => return (text, code),
                    Reply::Refused(r) => panic!("{r}"),
                }
            }
        });
        out.finish(Reply::Exit(3)).unwrap();
        let (text, code) = reader.join().unwrap();
        assert_eq!(code, 3);
        assert_eq!(text, line.repeat(4096) + "[err]wortel: done\n");
    }

    #[test]
    fn writes_fail_once_the_client_is_gone() {
        let (ours, theirs) = UnixStream::pair().unwrap();
        drop(theirs);
        // SAFETY: ignoring SIGPIPE in the test process, as the server does.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        }
        let out = Output::new(ours);
        let chunk = vec![b'x'; protocol::OUTPUT_CHUNK];
        let failed = (0..1000).any(|_| {
            std::thread::sleep(Duration::from_millis(1));
            out.write(false, &chunk).is_err()
        });
        assert!(failed, "a command learns that nobody reads its output");
    }
}
