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
use wortel_core::said;

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
                    tell!(
                        ctx,
                        "privacy-exported",
                        file = path.display(),
                        name = &c.name
                    );
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
                _ => bail!(said!("privacy-consent-which")),
            };
            let purpose = match purpose.as_str() {
                "sales-contact" | "sales" => ConsentPurpose::SalesContact,
                "marketing" => ConsentPurpose::Marketing,
                other => {
                    bail!(said!("privacy-no-such-purpose", purpose = other))
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
            let purpose = purpose.as_str();
            match on {
                true => tell!(ctx, "privacy-consent-given", name = name, purpose = purpose),
                false => tell!(
                    ctx,
                    "privacy-consent-withdrawn",
                    name = name,
                    purpose = purpose
                ),
            }
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
                tell!(ctx, "privacy-nothing-due");
                return Ok(());
            }
            let rejected = due
                .leads
                .iter()
                .filter(|(_, why)| *why == "rejected")
                .count();
            tell!(
                ctx,
                "privacy-purge-leads",
                rejected = rejected,
                rejected_days = policy.rejected_lead_days,
                disqualified = due.leads.len() - rejected,
                disqualified_days = policy.disqualified_lead_days
            );
            let names: Vec<&str> = due.contacts.iter().map(|c| c.name.as_str()).collect();
            match names.is_empty() {
                true => tell!(
                    ctx,
                    "privacy-purge-contacts",
                    contacts = 0usize,
                    days = policy.ex_customer_days
                ),
                false => tell!(
                    ctx,
                    "privacy-purge-contacts-named",
                    contacts = names.len(),
                    days = policy.ex_customer_days,
                    names = names.join(", ")
                ),
            }
            let bookkeeping = due
                .won
                .iter()
                .filter(|(_, what)| *what == WonPurge::Bookkeeping)
                .count();
            tell!(
                ctx,
                "privacy-purge-won",
                stripped = due.won.len() - bookkeeping,
                anonymised = bookkeeping,
                days = policy.won_order_days
            );
            if *dry_run {
                tell!(ctx, "privacy-dry-run");
                return Ok(());
            }
            {
                let store = ctx.open_store()?;
                purge(&store, &due, ctx.now)?;
            }
            let backups = rewrite_store_and_backups(ctx)?;
            tell!(
                ctx,
                "privacy-purged",
                files = files_rewritten(ctx, "removed"),
                backups = backups_said(ctx, &backups, "erased")
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
                    bail!(said!("privacy-erase-confirm-beside-view", name = name));
                }
                if !super::output::stdin_is_terminal() {
                    bail!(said!("privacy-erase-confirm-on-terminal", name = name));
                }
                out!(
                    "{} ",
                    ctx.said(&said!("privacy-erase-question", name = &name))
                );
                super::output::Stdout.flush()?;
                let mut answer = String::new();
                std::io::stdin().lock().read_line(&mut answer)?;
                if !matches!(answer.trim(), "y" | "Y" | "yes" | "ja" | "j") {
                    tell!(ctx, "privacy-nothing-erased");
                    return Ok(());
                }
            }
            let erasure = {
                let store = ctx.open_store()?;
                erase_person(&store, id, ctx.now)?
            };
            let backups = rewrite_store_and_backups(ctx)?;
            tell!(
                ctx,
                "privacy-erased",
                name = &erasure.name,
                records = erasure.records_changed,
                files = files_rewritten(ctx, "them"),
                backups = backups_said(ctx, &backups, "them")
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
/// `what` is `them`, `erased` (the erased data) or `removed` (the removed data).
pub fn files_rewritten(ctx: &Context, what: &'static str) -> String {
    if ctx.beside_view() {
        ctx.said(&said!("files-rewritten-when-view-closes", what = what))
    } else {
        ctx.said(&said!("files-rewritten", what = what))
    }
}

/// What erasing in the backups did, in the reader's language: "2 backups rewritten without
/// them", and each backup that could not be rewritten. `whom` is `erased` or `them`.
pub fn backups_said(ctx: &Context, done: &BackupErasure, whom: &'static str) -> String {
    let lang = ctx.lang().unwrap_or_else(|_| super::say::reader_language());
    backups_said_in(lang, done, whom)
}

/// [`backups_said`] in `lang`, for where no command context is at hand.
pub fn backups_said_in(
    lang: wortel_core::lang::Language,
    done: &BackupErasure,
    whom: &'static str,
) -> String {
    let said = |s: wortel_core::said::Said| s.say(lang);
    let mut s = said(said!(
        "backups-rewritten",
        count = done.rewritten.len(),
        whom = whom
    ));
    for (file, why) in &done.unreadable {
        s.push_str("; ");
        s.push_str(&said(said!(
            "backup-not-rewritten",
            file = file.display(),
            why = why,
            whom = whom
        )));
    }
    s
}
