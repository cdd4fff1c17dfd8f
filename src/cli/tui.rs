//! Opening the full-screen view from the command line: bare `wortel` and `wortel demo`.

use super::Context;
use anyhow::{Result, bail};
use std::io::IsTerminal;
use std::sync::Arc;
use wortel::ops::RetentionPolicy;
use wortel::store::Store;
use wortel::tui::app::{App, Clock};
use wortel::tui::{config, search_index::SearchIndexState, terminal};

/// The full-screen view needs a terminal on both ends.
pub fn can_open() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Opens the TUI on the context's store and runs it until the user quits.
pub fn open(ctx: &Context) -> Result<()> {
    if !can_open() {
        bail!(
            "the full-screen view needs a terminal; from scripts use a subcommand such as `wortel leads`"
        );
    }
    let mut app = start(ctx)?;
    let result = terminal::run(&mut app);
    drop(app);
    // An erasure applied in the view (one that arrived in a bundle) left erased bytes in the
    // files until the store is rewritten, which needs it closed: now.
    if let Err(e) = Store::compact_if_pending(&ctx.store) {
        eprintln!(
            "wortel: the store's files could not be rewritten after an erasure ({e}); it is finished when the full-screen view next closes"
        );
    }
    result?;
    Ok(())
}

/// Everything the TUI does before its first frame: config, store, inbox.
fn start(ctx: &Context) -> Result<App> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ui = config::load(config::config_dir().as_deref(), no_color)?;
    let store = Arc::new(Store::open(&ctx.store)?);
    let index = SearchIndexState::start(store.clone());
    let clock = Clock {
        fixed: ctx.fixed_now.then_some(ctx.now),
    };
    // Today's automatic backup (the last seven kept), on a thread of its own so the first
    // frame does not wait for it.
    {
        let store = store.clone();
        let dir = wortel::store::backup::backups_dir(&ctx.store);
        let (today, now) = (ctx.today(), ctx.now);
        std::thread::spawn(move || {
            let _ = store.daily_backup(&dir, today, now);
        });
    }
    let mut app = App::new_quick(store, clock, ctx.tz.clone(), ui.keymap, ui.theme, index)?;
    app.funnel.stale = ui.stale_days;
    // Whether a retention purge is due: counted on a thread, said in the status bar.
    match RetentionPolicy::load(config::config_dir().as_deref()) {
        Ok(policy) => app.check_retention(policy),
        Err(e) => app.error(&e),
    }
    Ok(app)
}

/// `wortel debug-first-frame` (hidden): the TUI's start-up up to its first frame, rendered into
/// an off-screen buffer of 160×48, then the time it took — so start-up can be measured as a
/// whole process (`time wortel debug-first-frame`) without a terminal.
pub fn first_frame(ctx: &Context) -> Result<()> {
    let started = std::time::Instant::now();
    let mut app = start(ctx)?;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48))?;
    terminal.draw(|f| wortel::tui::view::draw(f, &mut app))?;
    println!(
        "first frame after {:.1} ms ({} leads listed)",
        started.elapsed().as_secs_f64() * 1000.0,
        app.inbox.len()
    );
    Ok(())
}
