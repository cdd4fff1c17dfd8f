//! The real terminal: raw mode and the alternate screen on the way in, everything restored on
//! the way out — also when wortel panics, in which case a report file is written and its path
//! printed, so a bug never leaves a broken terminal and a lost explanation behind.

use super::app::App;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::time::Duration;

/// What commands typed in other terminals changed (see `crate::serve`), when the view serves.
#[cfg(unix)]
pub type ServedChanges = std::sync::mpsc::Receiver<crate::serve::Served>;
#[cfg(not(unix))]
pub type ServedChanges = std::sync::mpsc::Receiver<()>;

/// Prepares the app for a frame of the terminal's size, then draws it: what the terminal loop
/// (and anything else that renders the view) calls.
pub fn show<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
) -> std::io::Result<()> {
    terminal.draw(|frame| {
        app.prepare(frame.area());
        super::view::draw(frame, app);
    })?;
    Ok(())
}

/// Runs the TUI until the user quits.
pub fn run(app: &mut App, served: Option<&ServedChanges>) -> io::Result<()> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen) {
        restore();
        return Err(e);
    }
    let result = Terminal::new(CrosstermBackend::new(io::stdout()))
        .and_then(|mut terminal| event_loop(&mut terminal, app, served));
    restore();
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    served: Option<&ServedChanges>,
) -> io::Result<()> {
    let panic_for_test = std::env::var_os("WORTEL_TEST_PANIC").is_some();
    loop {
        show(terminal, app)?;
        if panic_for_test {
            panic!("WORTEL_TEST_PANIC is set: a deliberate panic to test the terminal restore");
        }
        // While the search index is built, look back often to pick it up; otherwise wake now
        // and then so relative times ("2h late") stay true.
        // Changes from other terminals show within a tenth of a second.
        let wait = if app.background.index.is_building()
            || app.background.jobs.is_busy()
            || served.is_some()
        {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(30)
        };
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    app.on_key(key);
                    if let Some(leave) = app.requests.leave.take() {
                        hand_over(terminal, app, leave)?;
                    }
                }
                // A resize needs nothing but the redraw at the top of the loop.
                _ => {}
            }
        }
        if let Some(text) = app.requests.clipboard.take() {
            super::clipboard::copy(terminal.backend_mut(), &text)?;
        }
        app.tick();
        #[cfg(unix)]
        while let Some(change) = served.and_then(|s| s.try_recv().ok()) {
            app.on_served(change);
        }
        if app.requests.quit {
            return Ok(());
        }
    }
}

/// Gives the terminal to the shell (`Ctrl-z`, `!`) and takes it back: modes restored on the way
/// out, set again on the way back, and the whole screen drawn afresh.
fn hand_over(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    leave: super::outside::Leave,
) -> io::Result<()> {
    use super::outside::{Leave, shell, suspend};
    if leave == Leave::Suspend && !super::outside::can_suspend() {
        app.error("nothing here can bring wortel back from Ctrl-z (no shell with job control started it); ! opens a shell instead");
        return Ok(());
    }
    restore();
    let done = match leave {
        Leave::Suspend => suspend(),
        Leave::Shell => shell(app.store.path()),
    };
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    terminal.clear()?;
    match done {
        Ok(()) if leave == Leave::Shell => app.info("back from the shell"),
        Ok(()) => app.info("back from the shell (fg)"),
        Err(e) => app.error(&e),
    }
    Ok(())
}

/// Leaves the alternate screen and raw mode; safe to call twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A background job's panic is caught and reported on the status line by the job.
        if std::thread::current().name() == Some(super::jobs::JOB_THREAD) {
            return;
        }
        // So is one in a command run for another terminal: that terminal gets the sentence.
        #[cfg(unix)]
        if std::thread::current().name() == Some(crate::serve::server::REQUEST_THREAD) {
            return;
        }
        restore();
        let report = format!(
            "wortel {} stopped on an internal error.\n\n{info}\n\nBacktrace:\n{}\n",
            env!("CARGO_PKG_VERSION"),
            std::backtrace::Backtrace::force_capture()
        );
        match write_report(&report) {
            Ok(path) => eprintln!(
                "wortel: an internal error stopped wortel (a bug, not your data); the terminal is restored, every change it confirmed is saved, and a report is at {}; please send it to the developers",
                path.display()
            ),
            Err(_) => default(info),
        }
    }));
}

/// Where crash reports go: `WORTEL_REPORT_DIR`, else the platform's data directory.
fn report_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("WORTEL_REPORT_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("nl", "wortel", "wortel")
        .map(|d| d.data_local_dir().join("crash-reports"))
        .unwrap_or_else(std::env::temp_dir)
}

fn write_report(report: &str) -> io::Result<PathBuf> {
    let dir = report_dir();
    std::fs::create_dir_all(&dir)?;
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let path = dir.join(format!("wortel-crash-{stamp}-{}.txt", std::process::id()));
    std::fs::write(&path, report)?;
    Ok(path)
}
