//! Where a command's words go. Alone, standard output and standard error; run by the process
//! that holds the store for a command typed in another terminal (`crate::serve`), into buffers
//! that travel back to that terminal. Commands print only through `outln!`, `out!` and
//! `errln!` (a test fails on `println!` in src/cli/), so both paths print the same bytes.

use std::cell::RefCell;
use std::io::Write;

/// What a command printed while it ran for another terminal.
#[cfg(test)]
#[derive(Default)]
pub struct Captured {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Where a command's words go instead: `(to_stderr, bytes)`.
pub type Sink = Box<dyn FnMut(bool, &[u8]) -> std::io::Result<()>>;

thread_local! {
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
    /// The asking terminal's width (`None`: its output is not a terminal).
    static WIDTH: std::cell::Cell<Option<u16>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with this thread's output going to `sink` instead of standard output and error,
/// laid out for a terminal `width` columns wide (`None`: not a terminal).
pub fn redirect<T>(sink: Sink, width: Option<u16>, f: impl FnOnce() -> T) -> T {
    SINK.with(|s| *s.borrow_mut() = Some(sink));
    WIDTH.with(|w| w.set(width));
    let result = f();
    SINK.with(|s| s.borrow_mut().take());
    result
}

/// Where output goes to another terminal: that terminal's width (`Some(None)`: not one).
pub fn asking_width() -> Option<Option<u16>> {
    captured().then(|| WIDTH.with(|w| w.get()))
}

#[cfg(test)]
/// Runs `f` with this thread's output captured; returns what it printed beside its result.
pub fn capture<T>(f: impl FnOnce() -> T) -> (T, Captured) {
    let captured = std::rc::Rc::new(RefCell::new(Captured::default()));
    let into = captured.clone();
    let result = redirect(
        Box::new(move |err, bytes| {
            let mut c = into.borrow_mut();
            match err {
                true => c.stderr.extend_from_slice(bytes),
                false => c.stdout.extend_from_slice(bytes),
            }
            Ok(())
        }),
        None,
        f,
    );
    let captured = std::mem::take(&mut *captured.borrow_mut());
    (result, captured)
}

/// True while a command runs for another terminal: no progress bars, no questions on the view's
/// own terminal.
pub fn captured() -> bool {
    SINK.with(|s| s.borrow().is_some())
}

/// Hands `bytes` to the sink; false when there is none (write them to the real stream).
fn to_sink(err: bool, bytes: &[u8]) -> Option<std::io::Result<()>> {
    SINK.with(|s| s.borrow_mut().as_mut().map(|sink| sink(err, bytes)))
}

/// Writes to standard output, or to the sink.
pub fn out_fmt(args: std::fmt::Arguments<'_>) {
    if captured() {
        let _ = to_sink(false, args.to_string().as_bytes());
    } else {
        print!("{args}");
    }
}

/// Writes to standard error, or to the sink.
pub fn err_fmt(args: std::fmt::Arguments<'_>) {
    if captured() {
        let _ = to_sink(true, args.to_string().as_bytes());
    } else {
        eprint!("{args}");
    }
}

/// Standard error is a terminal a person watches (not while running for another terminal).
pub fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    !captured() && std::io::stderr().is_terminal()
}

/// Standard input is a terminal that can answer a question (never while running for another
/// terminal: the question would appear in the view).
pub fn stdin_is_terminal() -> bool {
    use std::io::IsTerminal;
    !captured() && std::io::stdin().is_terminal()
}

/// Both ends are a terminal (the full-screen view can open).
pub fn on_a_terminal() -> bool {
    use std::io::IsTerminal;
    !captured() && std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// A writer onto standard output (or the capture), for streamed output such as JSON arrays.
pub struct Stdout;

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match to_sink(false, buf) {
            Some(done) => done.map(|()| buf.len()),
            None => std::io::stdout().lock().write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match captured() {
            true => Ok(()),
            false => std::io::stdout().flush(),
        }
    }
}

/// `println!` for commands: standard output, or the other terminal's.
macro_rules! outln {
    () => { $crate::cli::output::out_fmt(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::output::out_fmt(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` for commands.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::output::out_fmt(format_args!($($arg)*)) };
}

/// `eprintln!` for commands.
macro_rules! errln {
    ($($arg:tt)*) => { $crate::cli::output::err_fmt(format_args!("{}\n", format_args!($($arg)*))) };
}

/// A catalogue sentence on standard output in the reader's language:
/// `tell!(ctx, "export-rows", file = path.display(), rows = n)`.
macro_rules! tell {
    ($ctx:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        outln!("{}", $ctx.said(&wortel_core::said!($id $(, $name = $value)*)))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captured_output_holds_exactly_what_was_printed() {
        let ((), c) = capture(|| {
            outln!("{} leads", 2);
            out!("a");
            outln!();
            errln!("wortel: {}", "no");
            let _ = Stdout.write_all(b"[]\n");
        });
        assert_eq!(String::from_utf8(c.stdout).unwrap(), "2 leads\na\n[]\n");
        assert_eq!(String::from_utf8(c.stderr).unwrap(), "wortel: no\n");
        assert!(!captured(), "the capture ends with the command");
    }

    /// Other branches add commands with `println!`: this names them at merge time, since their
    /// words would go to the view's terminal instead of the one that asked.
    #[test]
    fn commands_print_only_through_the_output_macros() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
        let mut offenders = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            // This file, and the asking side, which copies the view's answer onto the streams.
            if path
                .file_name()
                .is_some_and(|n| n == "output.rs" || n == "beside_view.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let bare = ["println!", "print!(", "eprintln!", "eprint!("]
                    .iter()
                    .any(|m| line.contains(m));
                let direct = ["std::io::stdout()", "std::io::stderr()"]
                    .iter()
                    .any(|m| line.contains(m));
                if bare || direct {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "print through outln!/out!/errln!/output::Stdout in src/cli/ (a command run for another terminal must print there):\n{}",
            offenders.join("\n")
        );
    }
}
