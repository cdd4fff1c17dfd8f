//! `wortel debug-write-loop` (hidden): performs confirmed writes as fast as it can and prints
//! one line per confirmation (new leads, visit logs, triage and account edits). The crash tests `kill -9` it at random moments and then check
//! that every confirmed write survived; it exercises the same store calls as the front ends.

use super::Context;
use anyhow::Result;
use std::io::Write;
use wortel::domain::*;
use wortel::ops::{VisitInput, VisitTarget, accept_lead, log_visit, update_account};
use wortel::store::{Store, WriteSet};

#[derive(Debug, clap::Args)]
pub struct WriteLoopArgs {
    /// Stop after this many writes (default: run until killed).
    #[arg(long)]
    pub count: Option<u64>,
    /// Skip the flush after each write (the control run that must lose data).
    #[arg(long)]
    pub no_flush: bool,
}

pub fn run(ctx: &Context, args: &WriteLoopArgs) -> Result<()> {
    let mut store = Store::open_or_create(&ctx.store)?;
    if args.no_flush {
        store.set_flush_writes(false);
    }
    let mut out = super::output::Stdout;
    let mut n = 0u64;
    while args.count.is_none_or(|c| n < c) {
        let now = jiff::Timestamp::now();
        let mut account = Account::new(
            AccountId::generate(now),
            &format!("Crash Test {n} B.V."),
            Lifecycle::Prospect,
            now,
        );
        account.address.city = "Utrecht".into();
        let mut lead = Lead::new(
            LeadId::generate(now),
            account.id,
            Channel::Dealer,
            (n % 101) as u8,
            now,
        );
        lead.interest = "R 450".into();
        let mut ws = WriteSet::new();
        ws.put(account.clone()).put(lead.clone());
        store.commit(&ws, now)?;
        writeln!(out, "confirmed lead {}", lead.id)?;
        out.flush()?;
        if n % 2 == 1 {
            // Every other round the edits of the inbox and the account view instead: the lead
            // is accepted, then the account moves to another city.
            let triaged = accept_lead(&store, lead.id, now)?;
            writeln!(
                out,
                "confirmed triage lead {} {}",
                lead.id,
                triaged.lead.status.as_str()
            )?;
            out.flush()?;
            account.address.city = format!("Zwolle-{n}");
            update_account(&store, account.clone(), now)?;
            writeln!(
                out,
                "confirmed account {} city {}",
                account.id, account.address.city
            )?;
            out.flush()?;
            n += 1;
            continue;
        }
        // A second, multi-record write: the visit moves the lead and creates an opportunity.
        let input = VisitInput::new(VisitTarget::Lead(lead.id), Some(Outcome::QuoteSent));
        let result = log_visit(&store, &input, now, &ctx.tz)?;
        writeln!(
            out,
            "confirmed activity {} lead {} {}",
            result.activity.id,
            lead.id,
            lead_status(&result)
        )?;
        out.flush()?;
        n += 1;
    }
    Ok(())
}

fn lead_status(r: &wortel::ops::VisitResult) -> &'static str {
    r.lead.as_ref().map_or("none", |l| l.status.as_str())
}
