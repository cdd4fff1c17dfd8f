//! `wortel man`: the manual page, generated from the same clap definition as the parser, with
//! what clap does not know: the full-screen view's keys (from the default keymap), the files
//! wortel reads and the environment it honours. `--all DIR` writes every page the SUBCOMMANDS
//! section refers to (wortel-demo.1, wortel-privacy-export.1, …), so none is missing.

use super::Cli;
use anyhow::{Context as _, Result};
use clap::CommandFactory;
use std::io::Write;
use std::path::{Path, PathBuf};
use wortel::tui::action::Context;
use wortel::tui::keymap::Keymap;
use wortel_core::said;

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write wortel.1 and one page per subcommand into this directory instead.
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub all: Option<PathBuf>,
}

pub fn run(args: &ManArgs) -> Result<()> {
    let cmd = command();
    match &args.all {
        None => main_page(&cmd, &mut super::output::Stdout),
        Some(dir) => write_all(&cmd, dir),
    }
}

/// The command as the pages show it: built, so subcommands carry their full names.
fn command() -> clap::Command {
    let lang = super::say::reader_language();
    super::help::built(Cli::command().disable_help_subcommand(true), lang)
}

/// wortel(1): clap's sections, then KEYS, FILES and ENVIRONMENT.
fn main_page(cmd: &clap::Command, w: &mut dyn Write) -> Result<()> {
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    man.render_options_section(w)?;
    man.render_subcommands_section(w)?;
    w.write_all(keys_section().as_bytes())?;
    w.write_all(FILES_AND_ENVIRONMENT.as_bytes())?;
    man.render_version_section(w)?;
    Ok(())
}

/// Every page into `dir`, which is created if missing; each written file is named.
fn write_all(cmd: &clap::Command, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| said!("man-cannot-create", dir = dir.display()))?;
    let main = dir.join("wortel.1");
    let mut file = std::fs::File::create(&main)
        .with_context(|| said!("man-cannot-write", file = main.display()))?;
    main_page(cmd, &mut file)?;
    let mut written = vec![main];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        subcommand_pages(sub, dir, &mut written)?;
    }
    for p in &written {
        outln!("{}", p.display());
    }
    Ok(())
}

fn subcommand_pages(cmd: &clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        subcommand_pages(sub, dir, written)?;
    }
    let path = clap_mangen::Man::new(cmd.clone())
        .generate_to(dir)
        .with_context(|| said!("man-cannot-write-into", dir = dir.display()))?;
    written.push(path);
    Ok(())
}

/// KEYS: the default keymap's bindings, per context, in help order.
fn keys_section() -> String {
    let mut out = String::from(
        ".SH KEYS\nThe full-screen view (run wortel without a subcommand) with the default keymap; \
         keymap.toml changes single bindings.\n",
    );
    let Some(keymap) = Keymap::builtin("default") else {
        return out;
    };
    for context in Context::ALL {
        let bindings = keymap.bindings(context);
        if bindings.is_empty() {
            continue;
        }
        out.push_str(&format!(".SS {}\n", context.name()));
        for (action, chords) in bindings {
            let keys: Vec<String> = chords.iter().map(|c| roff_text(&c.to_string())).collect();
            out.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{} ({})\n",
                keys.join(", "),
                roff_text(action.description()),
                roff_text(action.name())
            ));
        }
    }
    out
}

/// Text safe in a roff line: backslashes and hyphens escaped, no leading control character.
fn roff_text(s: &str) -> String {
    let escaped = s.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

const FILES_AND_ENVIRONMENT: &str = r#".SH FILES
The configuration directory is $WORTEL_CONFIG, else the platform's (~/.config/wortel on Linux).
.TP
\fBconfig.toml\fR
Which keymap and theme the view uses, stale days per funnel stage, the [retention] periods
\fBwortel privacy purge\fR applies, and the [cadence] of visits per tier (weeks; the agenda and
\fBwortel accounts --due-visit\fR).
.TP
\fBkeymap.toml\fR
Single bindings laid over the chosen keymap, per context table (global, list, inbox, accounts,
funnel, overlay); "none" unbinds a key.
.TP
\fBthemes/NAME.toml\fR
Your own themes, picked by name in config.toml.
.TP
\fBstore/\fR
The store directory, in the platform's data directory (~/.local/share/wortel/store on Linux)
unless \-\-store or WORTEL_STORE names another; readable by its owner only.
.SH ENVIRONMENT
.TP
\fBWORTEL_STORE\fR
The store directory, as \-\-store.
.TP
\fBWORTEL_NOW\fR
Fixes the clock (RFC 3339, e.g. 2026\-11\-23T09:00:00Z), for reproducible scripts and tests.
.TP
\fBWORTEL_CONFIG\fR
The configuration directory (see FILES).
.TP
\fBNO_COLOR\fR
When set and not empty, the view draws without colours.
"#;
