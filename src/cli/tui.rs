//! Opening the full-screen view from the command line: bare `wortel` and `wortel demo`.

use super::Context;
use anyhow::{Result, bail};
use std::io::IsTerminal;
use std::sync::Arc;
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
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ui = config::load(config::config_dir().as_deref(), no_color)?;
    let store = Arc::new(Store::open(&ctx.store)?);
    let index = SearchIndexState::start(store.clone());
    let clock = Clock {
        fixed: ctx.fixed_now.then_some(ctx.now),
    };
    let mut app = App::new(store, clock, ctx.tz.clone(), ui.keymap, ui.theme, index)?;
    terminal::run(&mut app)?;
    Ok(())
}
