//! Handing the terminal to the shell for a while: `Ctrl-z` suspends wortel (the shell's `fg`
//! brings it back) and `!` runs `$SHELL` on the store. The screen and raw mode are restored on
//! the way out and set up again on the way back; the view then redraws from scratch.
//!
//! The shell starts in the directory wortel was started from (where the user's files are, so
//! `wortel import leads.zip` there means what it meant before), with `WORTEL_STORE` set to
//! this store: `wortel` commands in it reach the open view through its socket.

use std::path::Path;

/// Where the terminal goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leave {
    /// Stop the process (SIGTSTP) until the shell continues it.
    Suspend,
    /// Run `$SHELL` until it exits.
    Shell,
}

/// Suspends the process as the shell's job control expects; returns once it is continued.
/// Call only when [`can_suspend`].
pub fn suspend() -> Result<(), String> {
    #[cfg(unix)]
    // SAFETY: raising a signal at this process; the default action stops it until SIGCONT.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    Ok(())
}

/// A shell started wortel in a process group of its own that it can continue (`fg`): wortel
/// is not the session's leader (as it is when a terminal runs it directly).
pub fn can_suspend() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: getsid and getpid only read this process's ids.
        unsafe { libc::getsid(0) != libc::getpid() }
    }
    #[cfg(not(unix))]
    false
}

/// Runs the user's shell on the store until it exits; says how it ended when it did not start.
pub fn shell(store: &Path) -> Result<(), String> {
    let program = std::env::var_os("SHELL")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "/bin/sh".into());
    println!(
        "wortel: a shell on the store {}; type `exit` to go back to the full-screen view",
        store.display()
    );
    let mut command = std::process::Command::new(&program);
    command.env("WORTEL_STORE", store);
    let status = status_without_interrupts(&mut command);
    match status {
        Ok(_) => Ok(()),
        Err(e) => Err(format!(
            "the shell {} could not start ({e}); set SHELL to one that can",
            Path::new(&program).display()
        )),
    }
}

/// Runs the child on the terminal with Ctrl-c and Ctrl-\\ meant for it alone, as system(3)
/// does: wortel ignores them meanwhile, the child gets their defaults back.
fn status_without_interrupts(
    command: &mut std::process::Command,
) -> std::io::Result<std::process::ExitStatus> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: runs in the child between fork and exec; signal(2) is async-signal-safe.
        unsafe {
            command.pre_exec(|| {
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                libc::signal(libc::SIGQUIT, libc::SIG_DFL);
                Ok(())
            });
        }
        // SAFETY: setting and then restoring this process's signal dispositions.
        let (int, quit) = unsafe {
            (
                libc::signal(libc::SIGINT, libc::SIG_IGN),
                libc::signal(libc::SIGQUIT, libc::SIG_IGN),
            )
        };
        let status = command.status();
        // SAFETY: as above.
        unsafe {
            libc::signal(libc::SIGINT, int);
            libc::signal(libc::SIGQUIT, quit);
        }
        status
    }
    #[cfg(not(unix))]
    command.status()
}
