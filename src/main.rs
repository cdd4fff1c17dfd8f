//! The `wortel` binary: parse the command line, run it, turn any error into one sentence and a
//! non-zero exit.

mod cli;

/// sled allocates heavily from several threads; glibc's allocator spent a third of a 100k-lead
/// demo build in malloc and its lock (measured with perf), mimalloc does not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    restore_default_sigpipe();
    private_files_by_default();
    let cli = cli::Cli::parse();
    let result = cli::run(cli);
    // What opening the store did on its own (an import cut short was rolled back).
    for notice in wortel::store::take_notices() {
        eprintln!("wortel: {notice}");
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("wortel: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `wortel leads --json | head` must end quietly, as other Unix tools do.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
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
