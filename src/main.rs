//! The `wortel` binary: parse the command line, run it, turn any error into one sentence and a
//! non-zero exit.

mod cli;

/// sled allocates heavily from several threads; glibc's allocator spent a third of a 100k-lead
/// demo build in malloc and its lock (measured with perf), mimalloc does not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    restore_default_sigpipe();
    private_files_by_default();
    let cli = cli::parse();
    ExitCode::from(cli::main(cli))
}

/// Everything wortel writes holds customers' personal data: new files are the owner's only
/// (the store also tightens what sled created before).
fn private_files_by_default() {
    #[cfg(unix)]
    // SAFETY: umask only sets this process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
}

fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: resetting a signal's disposition to its default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
