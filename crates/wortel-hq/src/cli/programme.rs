//! `wortel-hq programme add|list|run`: the lead programmes' command line.

use super::print_json;
use crate::db::Db;
use crate::programme::{self, Rule};
use anyhow::Result;
use jiff::Timestamp;

#[derive(Debug, clap::Subcommand)]
pub enum ProgrammeCommand {
    /// Adds a programme: a named rule whose leads carry its own campaign name.
    Add {
        /// Lower-case letters, digits and dashes, e.g. winback-price.
        name: String,
        /// replacement, lost-order or ex-customer.
        #[arg(long, value_name = "RULE")]
        rule: String,
        /// The campaign name its leads carry (default: the programme's name).
        #[arg(long, value_name = "TEXT")]
        campaign: Option<String>,
        /// Replacement: dates within this many months (6); lost-order: lost this long ago or
        /// longer (9); ex-customer: ex-customer this long or longer (12).
        #[arg(long, value_name = "N")]
        months: Option<i64>,
        /// Lost-order: the lost reasons it takes (default: price,delivery time,no decision).
        #[arg(long, value_delimiter = ',', value_name = "REASONS")]
        reasons: Vec<String>,
    },
    /// Lists the programmes with the leads each has made.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Makes a lead for every cause not seen before (all programmes, or the one named).
    Run {
        name: Option<String>,
        /// Lists what it would make and why; changes nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &mut Db, c: ProgrammeCommand, now: Timestamp) -> Result<()> {
    match c {
        ProgrammeCommand::Add {
            name,
            rule,
            campaign,
            months,
            reasons,
        } => {
            let p = programme::add(
                db,
                &name,
                Rule::parse(&rule)?,
                campaign.as_deref(),
                months,
                &reasons,
                now,
            )?;
            println!(
                "programme {} added ({}, campaign \"{}\")",
                p.name,
                p.rule.as_str(),
                p.campaign
            );
            Ok(())
        }
        ProgrammeCommand::List { json } => {
            let all = programme::list(db)?;
            if json {
                return print_json(&all);
            }
            programme::print(&all);
            Ok(())
        }
        ProgrammeCommand::Run {
            name,
            dry_run,
            json,
        } => {
            let work = |db: &crate::db::Db| programme::run(db, name.as_deref(), now);
            let made = if dry_run {
                db.rolled_back(work)?
            } else {
                db.in_tx_locking(Some("programme_leads"), work)?
            };
            if json {
                return print_json(&made);
            }
            programme::print_run(&made, dry_run);
            Ok(())
        }
    }
}
