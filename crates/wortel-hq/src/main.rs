//! `wortel-hq`: head office's lead desk. It keeps the dealer network, the pool of leads, their
//! routing and the exchange of bundles with the dealers' stores in one SQLite database, and it
//! shares only `wortel-core` (domain and bundle format) with the dealer's `wortel`: the compiler
//! keeps it away from a dealer's store and the full-screen view.

mod adf;
mod benchmark;
mod cli;
mod db;
mod erasure;
mod incentives;
mod ingest;
mod intake;
mod network;
mod programme;
mod report;
mod route;
mod scorecard;
mod send;

use clap::Parser;

fn main() {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    if let Err(e) = cli::run(cli) {
        let msg = wortel_core::bundle::printable(&format!("{e:#}"));
        eprintln!("wortel-hq: {msg}");
        std::process::exit(1);
    }
}
