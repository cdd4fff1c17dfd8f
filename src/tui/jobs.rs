//! Work the full-screen view hands to a thread of its own so no frame waits for it — whether a
//! retention purge is due (computed at start), a backup of the open store — and picks up
//! between frames.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// What a finished job reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobDone {
    /// Records past their retention period (0: none).
    PurgeDue(usize),
    /// A backup of the open store was written here.
    BackupWritten(PathBuf),
    /// A job failed; the sentence says why.
    Failed(String),
}

/// The jobs under way and their results.
pub struct Jobs {
    tx: Sender<JobDone>,
    rx: Receiver<JobDone>,
    running: usize,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Jobs { tx, rx, running: 0 }
    }
}

impl Jobs {
    /// Runs `work` on a thread of its own.
    pub fn spawn(&mut self, work: impl FnOnce() -> JobDone + Send + 'static) {
        let tx = self.tx.clone();
        self.running += 1;
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
    }

    pub fn is_busy(&self) -> bool {
        self.running > 0
    }

    /// The results ready now.
    pub fn poll(&mut self) -> Vec<JobDone> {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(done) => {
                    self.running -= 1;
                    out.push(done);
                }
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return out,
            }
        }
    }

    /// Waits for every job under way (for tests and scripted runs).
    pub fn wait(&mut self) -> Vec<JobDone> {
        let mut out = Vec::new();
        while self.running > 0 {
            match self.rx.recv() {
                Ok(done) => {
                    self.running -= 1;
                    out.push(done);
                }
                Err(_) => break,
            }
        }
        out
    }
}
