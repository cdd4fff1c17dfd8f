//! Work the full-screen view hands to a thread of its own so no frame waits for it — whether a
//! retention purge is due (computed at start), a backup of the open store, today's automatic
//! backup — and picks up between frames. A job that panics reports a failure like any other,
//! so nothing waits for a result that never comes.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// The name of every job thread; the terminal's panic hook leaves these to the job's report.
pub const JOB_THREAD: &str = "wortel-job";

/// What a finished job reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobDone {
    /// Records past their retention period (0: none).
    /// How many records are due, and how many messages were said when the check started.
    PurgeDue(usize, u64),
    /// A backup of the open store was written here.
    BackupWritten(PathBuf),
    /// Today's automatic backup is on disk (nothing to say).
    DailyBackupWritten,
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
    /// Runs `work` on a thread of its own; `what` names it in the failure sentence should it
    /// panic ("the retention check").
    pub fn spawn(&mut self, what: &'static str, work: impl FnOnce() -> JobDone + Send + 'static) {
        let tx = self.tx.clone();
        self.running += 1;
        let spawned = std::thread::Builder::new()
            .name(JOB_THREAD.into())
            .spawn(move || {
                let done = std::panic::catch_unwind(AssertUnwindSafe(work))
                    .unwrap_or_else(|panic| JobDone::Failed(stopped(what, panic.as_ref())));
                let _ = tx.send(done);
            });
        if let Err(e) = spawned {
            let _ = self.tx.send(JobDone::Failed(format!(
                "{what} could not be started ({e}); try again"
            )));
        }
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

    /// Waits for every job under way (on quit, for tests and scripted runs).
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

/// "the backup stopped on an internal error (index out of bounds); …".
fn stopped(what: &str, panic: &(dyn std::any::Any + Send)) -> String {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no detail".into());
    format!("{what} stopped on an internal error ({detail}); it is a bug, please report it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_job_reports_a_failure_and_waiting_for_it_returns() {
        let mut jobs = Jobs::default();
        jobs.spawn("the test job", || panic!("deliberately"));
        jobs.spawn("the other job", || JobDone::PurgeDue(3, 0));
        let mut done = jobs.wait();
        done.sort_by_key(|d| format!("{d:?}"));
        assert_eq!(
            done,
            vec![
                JobDone::Failed(
                    "the test job stopped on an internal error (deliberately); it is a bug, please report it"
                        .into()
                ),
                JobDone::PurgeDue(3, 0),
            ]
        );
        assert!(!jobs.is_busy());
    }
}
