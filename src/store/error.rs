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
    #[error("the store at {path} could not be read or written: {detail}")]
    Io { path: PathBuf, detail: String },
    #[error("{file} is not a usable wortel backup ({why}); the store was not touched")]
    BadBackup { file: PathBuf, why: String },
}

/// Short alias used throughout the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
