//! `wortel agenda`: the day's (or, with `--week`, the week's) agenda — the same rows in the same
//! order as the view's `D`, from `ops::agenda`.

use super::Context;
use super::json_out::JsonArray;
use super::plural::counted;
use super::table::cut;
use anyhow::Result;
use serde::Serialize;
use wortel::domain::VisitTarget;
use wortel::domain::text::displayable;
use wortel::ops::{AgendaRow, Cadence, ItemKind, Span, agenda};

#[derive(Debug, clap::Args)]
pub struct AgendaArgs {
    /// The whole week, Monday to Sunday, per day (default: today).
    #[arg(long)]
    pub week: bool,
    /// One JSON array of agenda rows, for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct RowJson<'a> {
    section: &'static str,
    kind: &'static str,
    date: String,
    time: Option<String>,
    late_days: i64,
    account_id: String,
    account: &'a str,
    city: &'a str,
    contact: &'a str,
    phone: &'a str,
    note: &'a str,
    /// For visits due: the account's tier and its cadence in weeks.
    tier: Option<u8>,
    every_weeks: Option<u32>,
    last_contact: Option<String>,
    /// What `wortel log-visit` takes for this row: `--lead`, `--opportunity` or `--account`
    /// and the id.
    target: TargetJson,
}

#[derive(Serialize)]
struct TargetJson {
    kind: &'static str,
    id: String,
}

pub fn run(ctx: &Context, args: &AgendaArgs) -> Result<()> {
    let cadence = Cadence::load(ctx.config_dir.as_deref()).map_err(anyhow::Error::msg)?;
    let store = ctx.open_store()?;
    let span = if args.week { Span::Week } else { Span::Day };
    let agenda = agenda(&store, span, ctx.now, &ctx.tz, &cadence)?;
    if args.json {
        let mut out = JsonArray::start()?;
        for r in &agenda.rows {
            out.push(&row_json(r))?;
        }
        return out.finish();
    }
    if agenda.rows.is_empty() {
        outln!("nothing on the agenda: no appointments, follow-ups or visits due");
        replacements_line(&agenda);
        return Ok(());
    }
    let mut section = None;
    for r in &agenda.rows {
        if section != Some(r.section) {
            if section.is_some() {
                outln!();
            }
            outln!("{}", r.section.label(agenda.today));
            section = Some(r.section);
        }
        outln!("  {}", line(r));
    }
    outln!();
    outln!(
        "{} on the agenda",
        counted(agenda.rows.len(), "item", "items")
    );
    replacements_line(&agenda);
    Ok(())
}

/// The view's agenda line, with the command that does what its `c` does.
fn replacements_line(agenda: &wortel::ops::Agenda) {
    if agenda.replacements_due > 0 {
        outln!(
            "{} due by {} without a lead: `wortel leads due-replacements --months {} --create` makes their leads",
            counted(agenda.replacements_due, "replacement", "replacements"),
            agenda.replacements_by,
            wortel::ops::AGENDA_MONTHS
        );
    }
}

/// One row as a line: when, what, account, contact and phone, note.
pub fn line(r: &AgendaRow) -> String {
    let when = match (r.kind, r.time) {
        (ItemKind::Appointment { .. }, Some(t)) => t.strftime("%H:%M").to_string(),
        _ if r.late_days > 0 => format!("{}d late", r.late_days),
        _ => "due".to_string(),
    };
    let what = match r.kind {
        ItemKind::Appointment { minutes } => format!("appointment {minutes} min"),
        ItemKind::FollowUp => format!("follow-up {}", r.date),
        ItemKind::VisitDue {
            tier,
            every_weeks,
            last_contact,
        } => format!(
            "visit: tier {} every {every_weeks} wk, {}",
            tier.number(),
            last_contact.map_or("never contacted".into(), |d| format!("last {d}"))
        ),
    };
    let mut out = format!(
        "{when:<8} {what:<40} {}",
        cut(&displayable(&r.account_name), 36)
    );
    let who: Vec<String> = [&r.contact, &r.phone]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| displayable(s).into_owned())
        .collect();
    if !who.is_empty() {
        out.push_str(&format!(" · {}", who.join(" ")));
    }
    if !r.note.trim().is_empty() {
        out.push_str(&format!(" · \"{}\"", cut(&displayable(&r.note), 60)));
    }
    out
}

fn row_json(r: &AgendaRow) -> RowJson<'_> {
    let (tier, every_weeks, last_contact) = match r.kind {
        ItemKind::VisitDue {
            tier,
            every_weeks,
            last_contact,
        } => (
            Some(tier.number()),
            Some(every_weeks),
            last_contact.map(|d| d.to_string()),
        ),
        _ => (None, None, None),
    };
    let target = match r.target {
        VisitTarget::Lead(id) => TargetJson {
            kind: "lead",
            id: id.to_string(),
        },
        VisitTarget::Opportunity(id) => TargetJson {
            kind: "opportunity",
            id: id.to_string(),
        },
        VisitTarget::Account(id) => TargetJson {
            kind: "account",
            id: id.to_string(),
        },
    };
    RowJson {
        section: r.section.name(),
        kind: r.kind.name(),
        date: r.date.to_string(),
        time: r.time.map(|t| t.strftime("%H:%M").to_string()),
        late_days: r.late_days,
        account_id: r.account.to_string(),
        account: &r.account_name,
        city: &r.city,
        contact: &r.contact,
        phone: &r.phone,
        note: &r.note,
        tier,
        every_weeks,
        last_contact,
        target,
    }
}
