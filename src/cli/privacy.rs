//! `wortel privacy export PERSON` (right of access) and `wortel privacy erase PERSON` (right to
//! erasure): PERSON is a contact id or a name; an ambiguous name is refused with the candidates.

use super::Context;
use anyhow::{Result, anyhow, bail};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use wortel::domain::ConsentPurpose;
use wortel::interop::atomic::write_atomically;
use wortel::ops::{
    BackupErasure, ConsentChoice, RetentionPolicy, WonPurge, apply_consent, erase_in_backups,
    erase_person, find_person, person_report, purge, purge_due, rewrite_backups, save_contact,
};
use wortel::store::Store;

#[derive(Debug, clap::Subcommand)]
pub enum PrivacyCommand {
    /// Everything the store holds about a person, as one JSON document.
    Export {
        /// A contact id or the person's name.
        #[arg(value_name = "PERSON")]
        person: String,
        /// Write the document here instead of to standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Record consent given or withdrawn for a person (withdrawal keeps the history).
    Consent {
        /// A contact id or the person's name.
        #[arg(value_name = "PERSON")]
        person: String,
        /// Withdraw consent for this purpose: sales-contact or marketing.
        #[arg(long, value_name = "PURPOSE", conflicts_with = "give")]
        withdraw: Option<String>,
        /// Record consent given for this purpose: sales-contact or marketing.
        #[arg(long, value_name = "PURPOSE")]
        give: Option<String>,
        /// Where the consent came from (with --give), e.g. "phone call".
        #[arg(
            long,
            value_name = "TEXT",
            default_value = "recorded with wortel privacy consent"
        )]
        source: String,
    },
    /// Remove personal data past its retention period ([retention] in config.toml).
    Purge {
        /// Only list what is due.
        #[arg(long)]
        dry_run: bool,
    },
    /// Remove a person's personal data everywhere, then rewrite the store's files.
    Erase {
        /// A contact id or the person's name.
        #[arg(value_name = "PERSON")]
        person: String,
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(ctx: &Context, cmd: &PrivacyCommand) -> Result<()> {
    match cmd {
        PrivacyCommand::Export { person, out } => {
            let store = ctx.open_store()?;
            let c = find_person(&store, person)?;
            let doc = serde_json::to_string_pretty(&person_report(&store, &c)?)? + "\n";
            match out {
                Some(path) => {
                    write_atomically(path, doc.as_bytes()).map_err(|e| anyhow!(e))?;
                    outln!("{}: everything held about {}", path.display(), c.name);
                }
                None => out!("{doc}"),
            }
            Ok(())
        }
        PrivacyCommand::Consent {
            person,
            withdraw,
            give,
            source,
        } => {
            let store = ctx.open_store()?;
            let mut c = find_person(&store, person)?;
            let today = ctx.today();
            let (purpose, on) = match (withdraw, give) {
                (Some(p), None) => (p, false),
                (None, Some(p)) => (p, true),
                _ => bail!(
                    "say what to record: --withdraw PURPOSE or --give PURPOSE (sales-contact or marketing)"
                ),
            };
            let purpose = match purpose.as_str() {
                "sales-contact" | "sales" => ConsentPurpose::SalesContact,
                "marketing" => ConsentPurpose::Marketing,
                other => {
                    bail!("`{other}` is not a consent purpose; use sales-contact or marketing")
                }
            };
            let mut choice = ConsentChoice {
                sales_contact: c.has_consent(ConsentPurpose::SalesContact, today),
                marketing: c.has_consent(ConsentPurpose::Marketing, today),
            };
            match purpose {
                ConsentPurpose::SalesContact => choice.sales_contact = on,
                ConsentPurpose::Marketing => choice.marketing = on,
            }
            apply_consent(&mut c, choice, today, source);
            let name = c.name.clone();
            save_contact(&store, c, ctx.now)?;
            outln!(
                "{name}: {} consent {}",
                purpose,
                if on {
                    "given"
                } else {
                    "withdrawn (kept in the history)"
                }
            );
            Ok(())
        }
        PrivacyCommand::Purge { dry_run } => {
            let policy =
                RetentionPolicy::load(ctx.config_dir.as_deref()).map_err(|e| anyhow!(e))?;
            let due = {
                let store = ctx.open_store()?;
                purge_due(&store, &policy, ctx.now)?
            };
            if due.is_empty() {
                outln!("nothing is past its retention period");
                return Ok(());
            }
            let rejected = due
                .leads
                .iter()
                .filter(|(_, why)| *why == "rejected")
                .count();
            outln!(
                "{} rejected leads (after {} days) and {} disqualified leads (after {} days) lose their notes, signals and contact link",
                rejected,
                policy.rejected_lead_days,
                due.leads.len() - rejected,
                policy.disqualified_lead_days
            );
            outln!(
                "{} contacts of ex-customers without activity for {} days are erased{}",
                due.contacts.len(),
                policy.ex_customer_days,
                if due.contacts.is_empty() {
                    String::new()
                } else {
                    format!(
                        ": {}",
                        due.contacts
                            .iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            );
            let bookkeeping = due
                .won
                .iter()
                .filter(|(_, what)| *what == WonPurge::Bookkeeping)
                .count();
            outln!(
                "{} won orders of those ex-customers lose their title, notes and contact links (value and dates stay for bookkeeping); {} won orders older than {} days are anonymised",
                due.won.len() - bookkeeping,
                bookkeeping,
                policy.won_order_days
            );
            if *dry_run {
                outln!("dry run: nothing changed");
                return Ok(());
            }
            {
                let store = ctx.open_store()?;
                purge(&store, &due, ctx.now)?;
            }
            let backups = rewrite_store_and_backups(ctx)?;
            outln!(
                "purged; {}; {}",
                files_rewritten(ctx, "the removed data"),
                backups.sentence("the erased people")
            );
            Ok(())
        }
        PrivacyCommand::Erase { person, yes } => {
            let (id, name) = {
                let store = ctx.open_store()?;
                let c = find_person(&store, person)?;
                (c.id, c.name)
            };
            if !yes {
                if ctx.beside_view() {
                    bail!(
                        "erasing {name} cannot be undone, and the full-screen view open on this store cannot ask you; pass --yes to confirm"
                    );
                }
                if !super::output::stdin_is_terminal() {
                    bail!(
                        "erasing {name} cannot be undone; confirm on a terminal, or pass --yes in a script"
                    );
                }
                out!("Erase every personal detail of {name}? This cannot be undone. [y/N] ");
                super::output::Stdout.flush()?;
                let mut answer = String::new();
                std::io::stdin().lock().read_line(&mut answer)?;
                if !matches!(answer.trim(), "y" | "Y" | "yes" | "ja" | "j") {
                    outln!("nothing erased");
                    return Ok(());
                }
            }
            let erasure = {
                let store = ctx.open_store()?;
                erase_person(&store, id, ctx.now)?
            };
            let backups = rewrite_store_and_backups(ctx)?;
            outln!(
                "erased {}: {} records changed, {}; {}; head office learns of it in the next feedback bundle",
                erasure.name,
                erasure.records_changed,
                files_rewritten(ctx, "them"),
                backups.sentence("them")
            );
            Ok(())
        }
    }
}

/// After an erasure: the store's files and every backup beside it rewritten without the erased
/// people. Inside the open full-screen view the backups are rewritten at once, as alone; the
/// store's own files wait until the view closes (see [`files_rewritten`]).
pub fn rewrite_store_and_backups(ctx: &Context) -> Result<BackupErasure> {
    if ctx.beside_view() {
        // The pending-erasure mark stays until the view closes: its daily backup may be under
        // way, and the view's close rewrites whatever that one holds.
        let store = ctx.open_store()?;
        return Ok(rewrite_backups(&store, ctx.now)?);
    }
    Store::compact(&ctx.store)?;
    Ok(erase_in_backups(&ctx.store, ctx.now)?)
}

/// That the store's files were rewritten without `what`: now, or — inside the open full-screen view, whose
/// process holds them open — when it closes. sled keeps erased bytes in its log files and has no
/// call to drop them in place; only rebuilding the store in a fresh directory and swapping it in
/// removes them, and the view (its search index, jobs and the commands it runs share one open
/// database) cannot move to new files while it runs.
pub fn files_rewritten(ctx: &Context, what: &str) -> String {
    if ctx.beside_view() {
        format!(
            "the store's files are rewritten without {what} when the full-screen view open on this store closes"
        )
    } else {
        format!("the store's files were rewritten without {what}")
    }
}
