//! `wortel accounts --due-visit`: the accounts due or overdue for a visit by their tier's
//! cadence, from `ops::visits_due` — the same list as the agenda's last section.

use super::Context;
use super::json_out::JsonArray;
use super::say::{counted, headers};
use super::table::{cut, table};
use anyhow::Result;
use serde::Serialize;
use wortel::domain::Lifecycle;
use wortel::domain::text::displayable;
use wortel::ops::{Cadence, VisitDue, visits_due};
use wortel_core::said;

#[derive(Serialize)]
struct DueJson<'a> {
    id: String,
    name: &'a str,
    lifecycle: Lifecycle,
    tier: u8,
    every_weeks: u32,
    /// The last visit, call, e-mail or meeting that reached someone (none: never contacted).
    last_contact_at: Option<String>,
    last_contact_kind: Option<&'static str>,
    /// The day the visit became due (today for an account never contacted).
    due: String,
    overdue_days: i64,
    city: &'a str,
    phone: &'a str,
}

pub fn run(ctx: &Context, json: bool, limit: Option<usize>) -> Result<()> {
    let cadence = Cadence::load(ctx.config_dir.as_deref()).map_err(anyhow::Error::msg)?;
    let store = ctx.open_store()?;
    let today = ctx.today();
    let due = visits_due(&store, &cadence, today, today, &ctx.tz)?;
    let limit = limit.unwrap_or(if json { usize::MAX } else { 50 });
    if json {
        let mut out = JsonArray::start()?;
        for v in due.iter().take(limit) {
            out.push(&due_json(v))?;
        }
        return out.finish();
    }
    if due.is_empty() {
        tell!(ctx, "due-none");
        return Ok(());
    }
    let lang = ctx.lang()?;
    let cols = headers(
        lang,
        &[
            "col-name",
            "col-tier",
            "col-every",
            "col-last-contact",
            "col-due",
            "col-late",
            "col-city",
            "col-phone",
            "col-id",
        ],
    );
    let mut t = table(&cols.iter().map(String::as_str).collect::<Vec<_>>());
    for v in due.iter().take(limit) {
        t.add_row(vec![
            cut(&displayable(&v.account.name), 36),
            v.tier.number().to_string(),
            ctx.said(&said!("due-every", weeks = v.every_weeks)),
            v.last_contact.as_ref().map_or_else(
                || ctx.said(&said!("due-never")),
                |a| {
                    let day = a.at.to_zoned(ctx.tz.clone()).date();
                    format!("{day} {}", a.kind.label(lang))
                },
            ),
            v.due.to_string(),
            ctx.said(&said!("due-late-days", days = v.overdue_days)),
            cut(&displayable(&v.account.address.city), 18),
            displayable(&v.account.phone).into_owned(),
            v.account.id.to_string(),
        ]);
    }
    outln!("{t}");
    let shown = due.len().min(limit);
    if due.len() > shown {
        let total = counted(lang, "accounts-count", due.len());
        outln!("{}", super::leads::some_shown(lang, shown, total));
    } else {
        tell!(ctx, "due-count", count = due.len());
    }
    Ok(())
}

fn due_json(v: &VisitDue) -> DueJson<'_> {
    DueJson {
        id: v.account.id.to_string(),
        name: &v.account.name,
        lifecycle: v.account.lifecycle,
        tier: v.tier.number(),
        every_weeks: v.every_weeks,
        last_contact_at: v.last_contact.as_ref().map(|a| a.at.to_string()),
        last_contact_kind: v.last_contact.as_ref().map(|a| a.kind.as_str()),
        due: v.due.to_string(),
        overdue_days: v.overdue_days,
        city: &v.account.address.city,
        phone: &v.account.phone,
    }
}
