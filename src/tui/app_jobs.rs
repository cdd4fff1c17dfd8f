//! The view's background work, as seen from the app: starting the jobs (retention check,
//! backup, today's automatic backup) and taking in what they report between frames.

use super::app::App;
use super::jobs::JobDone;
use super::messages::Tone;

/// How long after start today's automatic backup begins: it reads the whole store, and on a
/// two-core laptop the first frames and the search index get the processor first.
const DAILY_BACKUP_DELAY: std::time::Duration = std::time::Duration::from_millis(1_500);

impl App {
    /// Waits for every background job and takes in its result (on quit, tests and scripted
    /// runs); the failures' sentences, for a caller that has no status line any more.
    pub fn finish_jobs(&mut self) -> Vec<String> {
        let mut failures = Vec::new();
        for d in self.background.jobs.wait() {
            if let JobDone::Failed(e) = &d {
                failures.push(e.clone());
            }
            self.on_job_done(d);
        }
        failures
    }

    /// Today's automatic backup into `dir` on a thread of its own, once `start` says go (a
    /// moment after the first frames, or at quit); a failure reaches the status line.
    pub fn daily_backup(
        &mut self,
        dir: std::path::PathBuf,
        today: jiff::civil::Date,
        start: std::sync::mpsc::Receiver<()>,
    ) {
        let store = self.store.clone();
        let now = self.now();
        self.background.jobs.spawn("today's backup", move || {
            let _ = start.recv_timeout(DAILY_BACKUP_DELAY);
            match store.daily_backup(&dir, today, now) {
                Ok(_) => JobDone::DailyBackupWritten,
                Err(e) => JobDone::Failed(format!(
                    "today's backup was not written ({e}); press the backup key to try again"
                )),
            }
        });
    }

    /// True while a background job is under way.
    pub fn jobs_busy(&self) -> bool {
        self.background.jobs.is_busy()
    }

    /// Counts, on a thread of its own, what `policy` says is past its retention period; when
    /// anything is, the status bar says so and how to purge it.
    pub fn check_retention(&mut self, policy: crate::ops::RetentionPolicy) {
        let store = self.store.clone();
        let now = self.now();
        let since = self.messages.said();
        self.background.jobs.spawn("the retention check", move || {
            // It reads every lead and contact: after the first frames and the search index.
            std::thread::sleep(std::time::Duration::from_millis(800));
            match crate::ops::purge_due(&store, &policy, now) {
                Ok(due) => JobDone::PurgeDue(due.len(), since),
                Err(e) => {
                    JobDone::Failed(format!("the retention periods could not be checked: {e}"))
                }
            }
        });
    }

    /// Writes a backup of the open store into its backups directory on a thread of its own;
    /// the status bar names the file when it is on disk.
    pub fn backup_now(&mut self) {
        let store = self.store.clone();
        let now = self.now();
        let dir = crate::store::backup::backups_dir(store.path());
        self.info("writing a backup…");
        self.background
            .jobs
            .spawn("the backup", move || match store.backup_now(&dir, now) {
                Ok(path) => JobDone::BackupWritten(path),
                Err(e) => JobDone::Failed(format!("the backup was not written: {e}")),
            });
    }

    pub(super) fn on_job_done(&mut self, done: JobDone) {
        match done {
            JobDone::PurgeDue(0, _) => self.messages.notice = None,
            JobDone::PurgeDue(n, since) => {
                let text = format!(
                    "privacy: {n} records past their retention period — run `wortel privacy purge`"
                );
                let now = self.now();
                self.messages
                    .say_unless_told_since(since, &text, Tone::Info, now);
                self.messages.notice = Some("purge due".into());
            }
            JobDone::BackupWritten(path) => {
                self.ok(&format!("backup written: {}", path.display()));
            }
            JobDone::DailyBackupWritten => {}
            JobDone::Failed(e) => self.error(&e),
        }
    }
}
