//! The command line (PRODUCT.md §6): one file per subcommand, each a thin layer over the library.

#[macro_use]
mod output;

mod account_show;
mod accounts;
mod accounts_due;
mod agenda;
mod backup;
mod benchmark;
#[cfg(unix)]
mod beside_view;
mod bundle;
mod check;
mod context;
mod deal;
mod demo;
mod errors;
mod export;
mod feedback;
mod funnel;
mod help;
mod import;
mod init;
mod json_out;
mod leads;
mod leads_replacements;
mod leads_triage;
mod log_visit;
mod man;
mod privacy;
mod say;
mod shell;
mod table;
mod tui;
mod values;
mod visit_contact;
mod write_loop;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub use context::Context;

/// wortel — a keyboard-driven terminal CRM for dealer sales staff.
///
/// Triage head office's leads, work accounts, log visit outcomes in seconds, move deals over the
/// funnel, and send weekly feedback back to head office. Data stays in a local store.
#[derive(Debug, Parser)]
#[command(name = "wortel", version, about, long_about)]
pub struct Cli {
    /// The store directory (default: the platform data directory, e.g. ~/.local/share/wortel/store).
    #[arg(long, global = true, env = "WORTEL_STORE", value_name = "PATH")]
    pub store: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a realistic demo store for a Dutch truck dealer (dealer id DEMO), then open it.
    Demo(demo::DemoArgs),
    /// Set up a store for a dealer and salesperson.
    Init(init::InitArgs),
    /// List leads in inbox order (tier, overdue, score, age), or accept, reject or snooze them.
    Leads(leads::LeadsArgs),
    /// Show one account (by id or name) with its contacts, leads, deals and activities.
    #[command(subcommand)]
    Account(account_show::AccountCommand),
    /// List accounts by name.
    Accounts(accounts::AccountsArgs),
    /// The agenda: today's appointments, follow-ups due or overdue, visits due by cadence.
    Agenda(agenda::AgendaArgs),
    /// Show the funnel: per-stage counts, values, weighted values and the forecast.
    Funnel(funnel::FunnelArgs),
    /// Log a visit, call, email, meeting or note and apply its outcome.
    LogVisit(log_visit::LogVisitArgs),
    /// One deal: show it, or edit its title, value, quantity, product and dates.
    #[command(subcommand)]
    Deal(deal::DealCommand),
    /// Import a bundle from head office (leads): verified first, then all or nothing.
    Import(import::ImportArgs),
    /// The network's figures from head office beside yours (rates in %, response in hours).
    Benchmark,
    /// Write a consistent, checksummed backup of the store.
    Backup(backup::BackupArgs),
    /// Replace the store with a backup, after verifying it (the old store stays until it worked).
    Restore(backup::RestoreArgs),
    /// The rights of the people in the store: export (access) and erase.
    #[command(subcommand)]
    Privacy(privacy::PrivacyCommand),
    /// Look into a bundle without touching the store.
    #[command(subcommand)]
    Bundle(bundle::BundleCommand),
    /// Export for other programs: CSV for spreadsheets, iCalendar, vCard.
    Export(export::ExportArgs),
    /// Verify the store: records, indexes and the change log agree.
    Check(check::CheckArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions(shell::CompletionsArgs),
    /// Print the manual page (roff), or write every page with --all DIR.
    Man(man::ManArgs),
    /// Write records in a loop, printing each confirmation (used by the crash tests).
    #[command(hide = true)]
    DebugWriteLoop(write_loop::WriteLoopArgs),
    /// Start the full-screen view off-screen and report the time to its first frame.
    #[command(hide = true)]
    DebugFirstFrame,
}

/// The command line of this process, parsed by the command whose `--help` is in the reader's
/// language (a parse error or `--help` prints and exits, as clap does).
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let matches = help::command(say::reader_language()).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs the parsed command line and returns its exit code: by the full-screen view holding the
/// store when one is open (it prints what this process would have), else here.
pub fn main(cli: Cli) -> u8 {
    #[cfg(unix)]
    if let Some(code) = beside_view::ask_holder(&cli) {
        return code;
    }
    let result = run(cli);
    // What opening the store did on its own (an import cut short was rolled back).
    for notice in wortel::store::take_notices() {
        errln!("wortel: {notice}");
    }
    report(result)
}

/// Turns a command's result into its exit code, saying an error in one sentence on standard
/// error (the asking terminal's, when the view runs it).
pub fn report(result: Result<()>) -> u8 {
    report_in(result, say::reader_language())
}

/// [`report`] in `lang`: a command run for another terminal answers in that terminal's language.
pub fn report_in(result: Result<()>, lang: wortel_core::lang::Language) -> u8 {
    match result {
        Ok(()) => 0,
        // `wortel leads --json | head` must end quietly, as other Unix tools do.
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            errln!("wortel: {}", errors::sentence(&e, lang));
            1
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    // These need neither a store nor a clock, so a bad WORTEL_NOW or store path cannot break them.
    match &cli.command {
        Some(Command::Completions(args)) => return shell::completions(args),
        Some(Command::Man(args)) => return man::run(args),
        _ => {}
    }
    let ctx = Context::new(cli.store.clone())?;
    dispatch(&ctx, cli)
}

/// Runs a command in `ctx` (its store opened here, or lent by the full-screen view).
pub fn dispatch(ctx: &Context, cli: Cli) -> Result<()> {
    match cli.command {
        None if tui::can_open() => tui::open(ctx),
        None => demo::summary_of_default(ctx),
        Some(Command::Demo(args)) => demo::run(ctx, &args),
        Some(Command::Init(args)) => init::run(ctx, &args),
        Some(Command::Leads(args)) => leads::run(ctx, &args),
        Some(Command::Accounts(args)) => accounts::run(ctx, &args),
        Some(Command::Account(cmd)) => account_show::run(ctx, &cmd),
        Some(Command::Agenda(args)) => agenda::run(ctx, &args),
        Some(Command::Funnel(args)) => funnel::run(ctx, &args),
        Some(Command::LogVisit(args)) => log_visit::run(ctx, &args),
        Some(Command::Deal(cmd)) => deal::run(ctx, &cmd),
        Some(Command::Export(args)) => export::run(ctx, &args),
        Some(Command::Import(args)) => import::run(ctx, &args),
        Some(Command::Benchmark) => benchmark::run(ctx),
        Some(Command::Backup(args)) => backup::backup(ctx, &args),
        Some(Command::Restore(args)) => backup::restore(ctx, &args),
        Some(Command::Privacy(cmd)) => privacy::run(ctx, &cmd),
        Some(Command::Bundle(cmd)) => bundle::run(ctx, &cmd),
        Some(Command::Check(args)) => check::run(ctx, &args),
        Some(Command::Completions(args)) => shell::completions(&args),
        Some(Command::Man(args)) => man::run(&args),
        Some(Command::DebugWriteLoop(args)) => write_loop::run(ctx, &args),
        Some(Command::DebugFirstFrame) => tui::first_frame(ctx),
    }
}
