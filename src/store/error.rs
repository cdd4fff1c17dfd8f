//! What can go wrong with the store, in sentences a salesperson can act on.

use std::path::PathBuf;

/// A store operation failed; nothing was changed unless the message says otherwise.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the store at {0} is open in another wortel process; close that one first")]
    InUse(PathBuf),
    #[error(
        "there is no wortel store at {0}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`"
    )]
    Missing(PathBuf),
    #[error("{0} is not a wortel store (it holds other files); pick another --store path")]
    NotAStore(PathBuf),
    #[error("{0} is a file, not a wortel store; pick a directory as --store path")]
    NotADirectory(PathBuf),
    #[error(
        "the store at {path} was written by a newer wortel (schema version {found}, this wortel knows up to {supported}); upgrade wortel to open it"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("the store has no dealer id; run `wortel init --dealer ID --salesperson NAME` first")]
    NoIdentity,
    #[error(transparent)]
    Domain(#[from] crate::domain::DomainError),
    #[error("{what} {id} does not exist; check the id (list them with `wortel {list}`)")]
    NotFound {
        what: &'static str,
        id: String,
        list: &'static str,
    },
    #[error(
        "record {id} in {tree} is unreadable ({detail}); run `wortel check` and restore a backup if it persists"
    )]
    Corrupt {
        tree: &'static str,
        id: String,
        detail: String,
    },
    #[error("{}", io_sentence(.path, .detail))]
    Io { path: PathBuf, detail: String },
    /// The store's files are damaged (sled cannot read them, or `conf`/`db` is gone); `advice`
    /// names the newest intact backup and its date, or says none was found.
    #[error("the store at {path} is damaged ({what}); {advice}")]
    Damaged {
        path: PathBuf,
        what: String,
        advice: String,
    },
    #[error("{file} is not a usable wortel backup ({why}); the store was not touched")]
    BadBackup { file: PathBuf, why: String },
}

/// Short alias used throughout the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Why the disk refused, when it is one of the causes a salesperson can fix: a full disk, or a
/// store they may not (or cannot) write to. Recognised once, from the system's error text (the
/// error reaches the store as text through sled); everything after matches on the kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskProblem {
    Full,
    ReadOnly,
    NotAllowed,
}

impl DiskProblem {
    /// The kind of problem an error text names, if it is one of these.
    pub fn of(detail: &str) -> Option<DiskProblem> {
        let has = |what: &[&str]| what.iter().any(|w| detail.contains(w));
        if has(&[
            "os error 28",
            "No space left",
            "os error 27",
            "File too large",
            "os error 122",
            "quota exceeded",
        ]) {
            Some(DiskProblem::Full)
        } else if has(&["os error 30", "Read-only file system"]) {
            Some(DiskProblem::ReadOnly)
        } else if has(&["os error 13", "os error 1)", "Permission denied"]) {
            Some(DiskProblem::NotAllowed)
        } else {
            None
        }
    }

    /// "the disk is full".
    pub fn says(self) -> &'static str {
        match self {
            DiskProblem::Full => "the disk is full",
            DiskProblem::ReadOnly => "the disk is read-only",
            DiskProblem::NotAllowed => "you may not write to it",
        }
    }
}

/// [`DiskProblem::of`] as its sentence, for callers that only say it.
pub fn disk_problem(detail: &str) -> Option<&'static str> {
    DiskProblem::of(detail).map(DiskProblem::says)
}

fn io_sentence(path: &std::path::Path, detail: &str) -> String {
    let p = path.display();
    match DiskProblem::of(detail) {
        Some(DiskProblem::Full) => format!(
            "the disk holding the store at {p} is full; make room (delete or move files) and try again — what was saved before is kept, the change that failed was not saved"
        ),
        Some(why) => format!(
            "the store at {p} is read-only ({}); make it writable or give another --store — what was saved before is kept, the change that failed was not saved",
            why.says()
        ),
        None => format!("the store at {p} could not be read or written: {detail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_problems_are_told_apart_by_kind() {
        assert_eq!(
            DiskProblem::of("No space left on device (os error 28)"),
            Some(DiskProblem::Full)
        );
        assert_eq!(
            DiskProblem::of("Read-only file system (os error 30)"),
            Some(DiskProblem::ReadOnly)
        );
        assert_eq!(
            DiskProblem::of("Permission denied (os error 13)"),
            Some(DiskProblem::NotAllowed)
        );
        assert_eq!(DiskProblem::of("unexpected end of file"), None);
    }

    #[test]
    fn a_full_or_read_only_disk_is_named_in_the_sentence() {
        let io = |detail: &str| {
            StoreError::Io {
                path: "/s".into(),
                detail: detail.into(),
            }
            .to_string()
        };
        assert!(
            io("IO error: No space left on device (os error 28)")
                .starts_with("the disk holding the store at /s is full; make room")
        );
        assert!(io("File too large (os error 27)").contains("is full"));
        assert!(
            io("IO error: Read-only file system (os error 30)")
                .starts_with("the store at /s is read-only (the disk is read-only)")
        );
        assert!(
            io("Permission denied (os error 13)")
                .contains("is read-only (you may not write to it)")
        );
        assert_eq!(
            io("boom"),
            "the store at /s could not be read or written: boom"
        );
    }
}
