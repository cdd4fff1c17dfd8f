//! `wortel agenda`: the day's (or, with `--week`, the week's) agenda — the same rows in the same
//! order as the view's `D`, from `ops::agenda`.

use super::Context;
use super::json_out::JsonArray;
use super::table::cut;
use anyhow::Result;
use serde::Serialize;
use wortel::domain::VisitTarget;
use wortel::domain::text::displayable;
use wortel::ops::{AgendaRow, Cadence, ItemKind, Section, Span, agenda};
use wortel_core::lang::Language;
use wortel_core::said;

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
        tell!(ctx, "agenda-empty");
        replacements_line(ctx, &agenda);
        return Ok(());
    }
    let mut section = None;
    for r in &agenda.rows {
        if section != Some(r.section) {
            if section.is_some() {
                outln!();
            }
            outln!("{}", section_label(ctx, r.section, agenda.today));
            section = Some(r.section);
        }
        outln!("  {}", line(ctx, r));
    }
    outln!();
    tell!(ctx, "agenda-count", count = agenda.rows.len());
    replacements_line(ctx, &agenda);
    Ok(())
}

/// The view's agenda line, with the command that does what its `c` does.
fn replacements_line(ctx: &Context, agenda: &wortel::ops::Agenda) {
    if agenda.replacements_due > 0 {
        tell!(
            ctx,
            "agenda-replacements",
            count = agenda.replacements_due,
            date = agenda.replacements_by.to_string(),
            months = wortel::ops::AGENDA_MONTHS
        );
    }
}

/// One row as a line: when, what, account, contact and phone, note.
pub fn line(ctx: &Context, r: &AgendaRow) -> String {
    let when = match (r.kind, r.time) {
        (ItemKind::Appointment { .. }, Some(t)) => t.strftime("%H:%M").to_string(),
        _ if r.late_days > 0 => ctx.said(&said!("agenda-late", days = r.late_days)),
        _ => ctx.said(&said!("agenda-due")),
    };
    let what = match r.kind {
        ItemKind::Appointment { minutes } => {
            ctx.said(&said!("agenda-appointment", minutes = minutes))
        }
        ItemKind::FollowUp => ctx.said(&said!("agenda-follow-up", date = r.date.to_string())),
        ItemKind::VisitDue {
            tier,
            every_weeks,
            last_contact,
        } => {
            let last = match last_contact {
                Some(d) => said!("agenda-last-contact", date = d.to_string()),
                None => said!("agenda-never-contacted"),
            };
            ctx.said(&said!(
                "agenda-visit-due",
                tier = tier.number().to_string(),
                weeks = every_weeks,
                last = ctx.said(&last)
            ))
        }
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

/// A section's heading: "Appointments today, Mon 2026-11-23" / "Afspraken vandaag, maandag 23
/// november 2026".
fn section_label(ctx: &Context, section: Section, today: jiff::civil::Date) -> String {
    let lang = ctx.lang().unwrap_or_else(|_| super::say::reader_language());
    let day = |d: jiff::civil::Date| match lang {
        Language::En => wortel::ops::day_name(d),
        Language::Nl => wortel_core::conventions::date_long(d, lang),
    };
    let s = match section {
        Section::Appointments => said!("agenda-appointments", day = day(today)),
        Section::FollowUps => said!("agenda-follow-ups"),
        Section::Overdue => said!("agenda-overdue"),
        Section::Day(d) if d == today => said!("agenda-today", day = day(d)),
        Section::Day(d) => said!("agenda-day", day = day(d)),
        Section::VisitsDue => said!("agenda-visits-due"),
    };
    ctx.said(&s)
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
