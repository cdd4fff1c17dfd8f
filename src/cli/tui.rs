//! Opening the full-screen view from the command line: bare `wortel` and `wortel demo`.

use super::Context;
use anyhow::{Result, bail};
use std::sync::Arc;
use wortel::ops::RetentionPolicy;
use wortel::store::Store;
use wortel::tui::app::{App, Clock};
use wortel::tui::{config, search_index::SearchIndexState, terminal};
use wortel_core::said;

/// The full-screen view needs a terminal on both ends.
pub fn can_open() -> bool {
    super::output::on_a_terminal()
}

/// Opens the TUI on the context's store and runs it until the user quits.
pub fn open(ctx: &Context) -> Result<()> {
    if !can_open() {
        bail!(said!("view-needs-terminal"));
    }
    // Absolute: commands run for other terminals move the working directory for a moment.
    let mut ctx = ctx.clone();
    ctx.store = std::path::absolute(&ctx.store)?;
    let ctx = &ctx;
    let mut app = start(ctx, &mut Phases::default())?;
    let backup = DailyBackup::start(ctx, &mut app);
    let server = serve_other_terminals(ctx, &mut app);
    let result = terminal::run(&mut app, server.as_ref().map(|s| &s.served));
    // No command of another terminal runs any more, and the store is let go.
    drop(server);
    backup.finish(&mut app);
    // An erasure (in the view, or from another terminal) left its backups to rewrite once more.
    let erased = app.store().backups_pending().unwrap_or(true);
    drop(app);
    // An erasure applied in the view (one that arrived in a bundle, or came from another
    // terminal) left erased bytes in the files until the store is rewritten, which needs it
    // closed: now.
    if let Err(e) = Store::compact_if_pending(&ctx.store) {
        let why = super::errors::link(&e, super::say::reader_language());
        let said = ctx.said(&said!("view-store-not-rewritten", why = why));
        errln!("wortel: {said}")
    }
    // The backups beside the store (today's may predate the erasure) lose the person too.
    let finished = erased.then(|| {
        Store::open(&ctx.store).and_then(|s| wortel::ops::finish_pending_erasure(&s, ctx.now))
    });
    match finished {
        Some(Ok(Some(done))) if !done.unreadable.is_empty() => {
            let said = super::privacy::backups_said(ctx, &done, "erased");
            errln!("wortel: {said}")
        }
        None | Some(Ok(_)) => {}
        Some(Err(e)) => {
            let why = super::errors::link(&e, super::say::reader_language());
            let said = ctx.said(&said!("view-backups-not-rewritten", why = why));
            errln!("wortel: {said}")
        }
    }
    result?;
    Ok(())
}

/// Listens on the store's socket so commands typed in other terminals run here; when it cannot
/// (a path too long for a socket, say), the status line says why and the view works alone.
#[cfg(unix)]
fn serve_other_terminals(ctx: &Context, app: &mut App) -> Option<wortel::serve::server::Server> {
    let handler = super::beside_view::handler(app.store().clone());
    match wortel::serve::server::Server::start(&ctx.store, handler) {
        Ok(server) => Some(server),
        Err(e) => {
            app.error(&ctx.said(&said!("view-not-served", why = e.to_string())));
            None
        }
    }
}

/// How long each step before the first frame took, for `debug-first-frame`.
#[derive(Default)]
struct Phases {
    config: std::time::Duration,
    open: std::time::Duration,
    inbox: std::time::Duration,
}

/// Everything the TUI does before its first frame: config, store, inbox.
fn start(ctx: &Context, phases: &mut Phases) -> Result<App> {
    let t = std::time::Instant::now();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ui = config::load(config::config_dir().as_deref(), no_color)?;
    phases.config = t.elapsed();
    let t = std::time::Instant::now();
    let store = Arc::new(Store::open(&ctx.store)?);
    phases.open = t.elapsed();
    let t = std::time::Instant::now();
    let index = SearchIndexState::later(store.clone());
    let clock = Clock {
        fixed: ctx.fixed_now.then_some(ctx.now),
    };
    let mut app = App::new_quick(store, clock, ctx.tz.clone(), ui.keymap, ui.theme, index)?;
    app.set_stale_days(ui.stale_days);
    // An erasure cut short before its backups were rewritten is finished before anything else.
    match wortel::ops::finish_pending_erasure(app.store(), ctx.now) {
        Ok(None) => {}
        Ok(Some(done)) => {
            let backups = super::privacy::backups_said(ctx, &done, "erased");
            app.info(&ctx.said(&said!("erasure-finished-now", backups = backups)))
        }
        Err(e) => {
            let why = super::errors::link(&e, super::say::reader_language());
            app.error(&ctx.said(&said!("view-backups-not-rewritten", why = why)))
        }
    }
    match wortel::ops::Cadence::load(config::config_dir().as_deref()) {
        Ok(cadence) => app.set_cadence(cadence),
        Err(e) => app.error(&e),
    }
    phases.inbox = t.elapsed();
    // Whether a retention purge is due: counted on a thread, said in the status bar.
    match RetentionPolicy::load(config::config_dir().as_deref()) {
        Ok(policy) => app.check_retention(policy),
        Err(e) => app.error(&e),
    }
    Ok(app)
}

/// Today's automatic backup (the last seven kept), a job of the view's own: it waits a moment
/// (the first frames and the search index get the processor first) and says a failure on the
/// status line. Quitting sooner starts it at once and waits for it, so every day the view was
/// opened has its backup.
struct DailyBackup(Option<std::sync::mpsc::Sender<()>>);

impl DailyBackup {
    fn start(ctx: &Context, app: &mut App) -> DailyBackup {
        let dir = wortel::store::backup::backups_dir(&ctx.store);
        let today = ctx.today();
        if wortel::store::backup::daily_backup_path(&dir, today).exists() {
            return DailyBackup(None);
        }
        let (wake, woken) = std::sync::mpsc::channel::<()>();
        app.daily_backup(dir, today, woken);
        DailyBackup(Some(wake))
    }

    /// Called after the terminal is restored: lets a backup (or any job) still under way
    /// finish, and says on standard error what failed, as the status line is gone.
    fn finish(self, app: &mut App) {
        if let Some(wake) = self.0 {
            let _ = wake.send(());
        }
        if app.jobs_busy() {
            errln!(
                "{}",
                super::say::say(super::say::reader_language(), "view-finishing-backup")
            );
        }
        for failure in app.finish_jobs() {
            errln!("wortel: {failure}");
        }
    }
}

/// `wortel debug-first-frame` (hidden): the TUI's start-up up to its first frame, rendered into
/// an off-screen buffer of 160×48, then the time it took — so start-up can be measured as a
/// whole process (`time wortel debug-first-frame`) without a terminal.
pub fn first_frame(ctx: &Context) -> Result<()> {
    let started = std::time::Instant::now();
    let mut phases = Phases::default();
    let mut app = start(ctx, &mut phases)?;
    let t = std::time::Instant::now();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48))?;
    wortel::tui::terminal::show(&mut terminal, &mut app)?;
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    outln!(
        "first frame after {:.1} ms ({} leads listed): config {:.1}, store open {:.1}, inbox {:.1}, frame {:.1} ms",
        ms(started.elapsed()),
        app.inbox().len(),
        ms(phases.config),
        ms(phases.open),
        ms(phases.inbox),
        ms(t.elapsed()),
    );
    Ok(())
}
