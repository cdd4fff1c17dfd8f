//! The command line: names and flags are the contract of PRODUCT.md §12 (`--json` on every
//! listing; an error is one sentence on stderr and exit 1, with the database unchanged).

use crate::db::{Db, default_path};
use crate::{report, send};

mod commands;
mod programme;
use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand};
use jiff::Timestamp;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "wortel-hq",
    version,
    about = "Head office's lead desk for wortel: dealers, leads, routing, bundles"
)]
pub struct Cli {
    /// The head-office database (default: wortel-hq/hq.sqlite in the platform data directory).
    #[arg(long, global = true, env = "WORTEL_HQ_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Creates the database and head office's signing key; prints the public key.
    Init {
        #[arg(long)]
        name: String,
        /// Writes the public key here: the file dealers pin with `wortel init --head-office-key`.
        #[arg(long, value_name = "FILE")]
        key_out: Option<PathBuf>,
    },
    /// Dealers: add, edit, list.
    #[command(subcommand)]
    Dealer(DealerCommand),
    /// Stores: one salesperson's laptop of a dealer.
    #[command(subcommand)]
    Store(StoreCommand),
    /// The lead pool: add files, list.
    #[command(subcommand)]
    Leads(LeadsCommand),
    /// Assigns every unrouted lead to a store, with the reason.
    Route {
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
        /// Takes back `new` leads unanswered this long past their respond-by (e.g. 3d).
        #[arg(long, value_name = "DAYS")]
        escalate_after: Option<String>,
    },
    /// Writes one signed leads bundle per store with something to send.
    Send {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Lead programmes: replacements, lost orders and ex-customers become leads.
    #[command(subcommand)]
    Programme(programme::ProgrammeCommand),
    /// Reads stores' feedback bundles.
    Ingest {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Per dealer and for the network: leads, conversion, response, win rate, NPS in a period.
    Benchmark {
        /// 2026-Q4, 2026-11, 2026-W49 or 2026.
        #[arg(long, value_name = "P")]
        period: String,
        /// Writes the network's figures as one signed benchmark bundle per store.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Network figures need at least this many dealers with figures.
        #[arg(long, default_value_t = 5, value_name = "N")]
        min_dealers: usize,
        #[arg(long)]
        json: bool,
    },
    /// Per dealer: leads, answered in time, response, conversion, win rate, NPS, rank.
    Scorecard {
        /// 2026-Q4, 2026-11, 2026-W49 or 2026 (default: everything).
        #[arg(long, value_name = "P")]
        period: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every incentive order won in a period, with the incentive by head office's rule.
    Incentives {
        /// 2026-Q4, 2026-11, 2026-W49 or 2026.
        #[arg(long, value_name = "P")]
        period: String,
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Writes the orders as CSV to FILE.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Head office's settings: the incentive rule (euros).
    Config {
        #[arg(long, value_name = "PERCENT")]
        incentive_percent: Option<f64>,
        #[arg(long, value_name = "EUROS", requires = "incentive_percent")]
        incentive_cap: Option<i64>,
        #[arg(long, value_name = "EUROS")]
        incentive_fixed: Option<i64>,
    },
    /// A person's right to erasure, at head office and at every store that holds them.
    #[command(subcommand)]
    Privacy(PrivacyCommand),
    /// The network at a glance.
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum DealerCommand {
    Add {
        id: String,
        #[arg(long)]
        name: String,
        /// Four-digit postcode areas, e.g. 3500-3599,3700-3799,4000.
        #[arg(long, default_value = "", value_name = "RANGES")]
        postcodes: String,
        /// Breaks ties between equally near dealers (higher wins).
        #[arg(long, default_value_t = 1, value_name = "N")]
        weight: i64,
    },
    Edit {
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_name = "RANGES")]
        postcodes: Option<String>,
        #[arg(long, value_name = "N")]
        weight: Option<i64>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum PrivacyCommand {
    /// Erases a person from head office's database and queues the request for every store
    /// that was sent a lead for them.
    Erase {
        /// The person's name, e-mail address or phone number.
        #[arg(value_name = "PERSON")]
        person: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum StoreCommand {
    Add {
        dealer: String,
        /// The id the store was set up with (`wortel init --dealer RID`).
        #[arg(long, value_name = "RID")]
        recipient: String,
        /// The store's public key file (what `wortel init` printed).
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        #[arg(long, value_name = "NAME")]
        salesperson: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum LeadsCommand {
    /// Adds leads from CSV, NDJSON or ADF XML files (all or nothing).
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    List {
        #[arg(long)]
        unrouted: bool,
        #[arg(long, value_name = "D")]
        dealer: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn now() -> Result<Timestamp> {
    match std::env::var("WORTEL_NOW") {
        Ok(t) => t.parse().map_err(|_| {
            anyhow!("WORTEL_NOW `{t}` is not an RFC 3339 time such as 2026-11-23T09:00:00Z")
        }),
        Err(_) => Ok(Timestamp::now()),
    }
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn days(text: &str) -> Result<i64> {
    let t = text.trim();
    let n = t.strip_suffix('d').unwrap_or(t);
    match n.parse::<i64>() {
        Ok(d) if (0..=365).contains(&d) => Ok(d),
        _ => bail!("--escalate-after `{text}` is not a number of days such as 3d"),
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let path = match cli.db {
        Some(p) => p,
        None => default_path()?,
    };
    let now = now()?;
    if let Command::Init { name, key_out } = &cli.command {
        return init(&path, name, key_out.as_deref());
    }
    let mut db = Db::open(&path, false)?;
    if db.meta("secret_key")?.is_none() {
        bail!(
            "{} has not been set up; run `wortel-hq init --name NAME` first",
            db.path
        );
    }
    let db = &mut db;
    match cli.command {
        Command::Init { .. } => Ok(()),
        Command::Dealer(c) => commands::dealer(db, c),
        Command::Store(StoreCommand::Add {
            dealer,
            recipient,
            key,
            salesperson,
        }) => commands::store_add(db, &dealer, &recipient, &key, salesperson.as_deref(), now),
        Command::Leads(LeadsCommand::Add { files }) => commands::leads_add(db, &files, now),
        Command::Leads(LeadsCommand::List {
            unrouted,
            dealer,
            json,
        }) => {
            let pool = report::pool(db, unrouted, dealer.as_deref())?;
            if json {
                print_json(&pool)
            } else {
                report::print_pool(&pool);
                Ok(())
            }
        }
        Command::Route {
            dry_run,
            json,
            escalate_after,
        } => {
            let days = escalate_after.as_deref().map(days).transpose()?;
            commands::route(db, dry_run, json, days, now)
        }
        Command::Send { out, json } => commands::send(db, &out, json, now),
        Command::Ingest { files, json } => commands::ingest(db, &files, json, now),
        Command::Programme(c) => programme::run(db, c, now),
        Command::Benchmark {
            period,
            out,
            min_dealers,
            json,
        } => commands::benchmark(db, &period, out.as_deref(), min_dealers, json, now),
        Command::Scorecard { period, json } => {
            let period = match period {
                Some(p) => crate::benchmark::parse_period(&p)?,
                None => crate::scorecard::all_time(),
            };
            let scores = crate::scorecard::scorecard(db, period, now)?;
            if json {
                print_json(&scores)
            } else {
                crate::scorecard::print(&scores);
                Ok(())
            }
        }
        Command::Incentives { period, json, csv } => {
            let claims =
                crate::incentives::incentives(db, &crate::benchmark::parse_period(&period)?)?;
            match (json, csv) {
                (true, _) => print_json(&claims),
                (_, Some(file)) => {
                    std::fs::write(&file, crate::incentives::to_csv(&claims)).map_err(|e| {
                        anyhow!("{} cannot be written ({e}); check the path", file.display())
                    })?;
                    println!("{} orders written to {}", claims.len(), file.display());
                    Ok(())
                }
                _ => {
                    crate::incentives::print(&claims);
                    Ok(())
                }
            }
        }
        Command::Config {
            incentive_percent,
            incentive_cap,
            incentive_fixed,
        } => {
            let rule =
                crate::incentives::set_rule(db, incentive_percent, incentive_cap, incentive_fixed)?;
            println!("incentive rule: {}", serde_json::to_string(&rule)?);
            Ok(())
        }
        Command::Privacy(PrivacyCommand::Erase { person, json }) => {
            commands::privacy_erase(db, &person, json, now)
        }
        Command::Status { json } => {
            let rows = report::status(db, now)?;
            if json {
                print_json(&rows)
            } else {
                report::print_status(&rows);
                Ok(())
            }
        }
    }
}

fn init(path: &std::path::Path, name: &str, key_out: Option<&std::path::Path>) -> Result<()> {
    if name.trim().is_empty() {
        bail!("--name is empty; give head office's name");
    }
    let mut db = Db::open(path, true)?;
    let key = match send::secret_key(&db) {
        Ok(k) => {
            println!(
                "head office {} is already set up in {}",
                db.meta("name")?.unwrap_or_default(),
                db.path
            );
            k
        }
        Err(_) => {
            let k = wortel_core::bundle::SecretKey::generate();
            db.in_tx(|db| {
                db.set_meta("name", name.trim())?;
                db.set_meta("secret_key", &wortel_core::bundle::keys::to_hex(&k.0))
            })?;
            println!("head office {} set up in {}", name.trim(), db.path);
            k
        }
    };
    let public = key.public().to_hex();
    if let Some(out) = key_out {
        std::fs::write(out, format!("{public}\n")).with_context(|| {
            format!(
                "the key file {} cannot be written; check the path",
                out.display()
            )
        })?;
    }
    println!("public key: {public}");
    Ok(())
}
