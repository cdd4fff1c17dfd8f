//! Working beside the open full-screen view. sled lets one process open a store, so the process
//! that holds it (the view) listens on a Unix socket in the store's directory and runs the
//! commands typed in other terminals for them: they print exactly what they would have printed
//! alone. The protocol is in docs/socket-protocol.md.
//!
//! The view and the requests share one write path: a request runs under [`turn`], which the
//! view's own writes take too, and what it committed reaches the view as a [`Served`] to show
//! and to undo.

pub mod client;
pub mod peer;
pub mod protocol;
pub mod server;

use crate::store::{ImportWrites, Receipt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The socket's name in the store directory.
pub const SOCKET_NAME: &str = "serve.sock";

/// Where the holder of the store at `store` listens.
pub fn socket_path(store: &Path) -> PathBuf {
    store.join(SOCKET_NAME)
}

static TURN: Mutex<()> = Mutex::new(());

/// One write at a time in the holding process: the view's own writes and the commands run for
/// other terminals take turns, so neither sees the other half done.
pub fn turn() -> MutexGuard<'static, ()> {
    // A panic while holding the turn leaves nothing half-written (writes are one commit).
    TURN.lock().unwrap_or_else(|p| p.into_inner())
}

/// What a command run for another terminal changed, for the view to show and undo.
#[derive(Debug)]
pub struct Served {
    /// What the status line says, e.g. "2 leads imported from another terminal".
    pub label: String,
    /// Every commit the command made, in order, except an import's chunks…
    pub receipts: Vec<Receipt>,
    /// …which are named by the records they touched (the view reads its lists again).
    pub import: Option<ImportWrites>,
    /// An import or an erasure: it cannot be undone, and the undo steps it touched go.
    pub not_undoable: bool,
}
