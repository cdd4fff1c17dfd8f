//! The salesperson's agenda (issue 17 item 3): what to do today, or this week, in the order a
//! day is worked — the day's appointments by time, then the follow-ups that are overdue or due,
//! oldest first, then the accounts due for a visit by their tier's cadence (`ops::cadence`).
//! Each row carries the contact to ask for, the phone number to dial, the note that set it and
//! what a visit logged from it is about. The view's `D` and `wortel agenda` both print
//! [`agenda`]'s rows, so they cannot disagree.
//!
//! A follow-up is an account's next step as its account view shows it: the date the newest
//! logged activity planned (an appointment-made's is its appointment, listed once, as that).
//! The week (Monday to Sunday) lists the overdue follow-ups first, then each day's appointments
//! and follow-ups. An account already on the agenda is not repeated among the visits due.

use super::cadence::{Cadence, VisitDue, counts_as_contact, visits_due_from};
use crate::domain::{Account, AccountId, Activity, Appointment, Contact, Tier, VisitTarget};
use crate::store::{Store, StoreError};
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use std::collections::HashMap;

/// How far the agenda looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Day,
    /// Monday to Sunday of today's week.
    Week,
}

/// The heading a row sits under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Today's appointments (the day's agenda).
    Appointments,
    /// Follow-ups overdue or due today (the day's agenda).
    FollowUps,
    /// Follow-ups planned before today (the week's agenda).
    Overdue,
    /// One day of the week.
    Day(Date),
    /// Accounts due or overdue for a visit by their tier's cadence.
    VisitsDue,
}

impl Section {
    /// The heading's text.
    pub fn label(self, today: Date) -> String {
        match self {
            Section::Appointments => format!("Appointments today, {}", day_name(today)),
            Section::FollowUps => "Follow-ups: overdue and today".into(),
            Section::Overdue => "Overdue follow-ups".into(),
            Section::Day(d) if d == today => format!("{} (today)", day_name(d)),
            Section::Day(d) => day_name(d),
            Section::VisitsDue => "Due for a visit (cadence per tier)".into(),
        }
    }

    /// The stable machine name, for `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Appointments => "appointments",
            Section::FollowUps => "follow-ups",
            Section::Overdue => "overdue",
            Section::Day(_) => "day",
            Section::VisitsDue => "visits-due",
        }
    }
}

/// "Wed 2026-12-02".
pub fn day_name(d: Date) -> String {
    d.strftime("%a %Y-%m-%d").to_string()
}

/// What a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Appointment {
        minutes: u32,
    },
    FollowUp,
    VisitDue {
        tier: Tier,
        every_weeks: u32,
        /// The day of the last counted contact (`None`: never contacted).
        last_contact: Option<Date>,
    },
}

impl ItemKind {
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Appointment { .. } => "appointment",
            ItemKind::FollowUp => "follow-up",
            ItemKind::VisitDue { .. } => "visit-due",
        }
    }
}

/// One thing to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaRow {
    pub section: Section,
    pub kind: ItemKind,
    /// The appointment's day, the follow-up's date, or the day the visit became due.
    pub date: Date,
    /// The appointment's local start time.
    pub time: Option<Time>,
    /// Days past `date` (0: today or later).
    pub late_days: i64,
    pub account: AccountId,
    pub account_name: String,
    pub city: String,
    /// Who to ask for (empty: nobody known).
    pub contact: String,
    pub contact_id: Option<crate::domain::ContactId>,
    /// The contact's phone, else the account's.
    pub phone: String,
    /// The note of the activity that set it (for a visit due: of the last contact).
    pub note: String,
    /// What a visit logged from this row is about: the deal or lead it concerned while still
    /// open, else the account.
    pub target: VisitTarget,
}

/// The agenda for one span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agenda {
    pub span: Span,
    pub today: Date,
    pub from: Date,
    pub to: Date,
    pub rows: Vec<AgendaRow>,
    /// Products of the installed base due for replacement by `replacements_by` (today and
    /// three months; overdue ones too) that no lead covers yet (`ops::due_replacements`): the
    /// agenda's "3 replacements due by …" line.
    pub replacements_due: usize,
    pub replacements_by: Date,
}

/// Monday and Sunday of the week `day` is in.
pub fn week_of_day(day: Date) -> (Date, Date) {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    let monday = day.checked_sub(back.days()).unwrap_or(day);
    (monday, monday.checked_add(6.days()).unwrap_or(monday))
}

/// Reads what the agenda needs from the store and lays it out (see the module doc).
pub fn agenda(
    store: &Store,
    span: Span,
    now: Timestamp,
    tz: &TimeZone,
    cadence: &Cadence,
) -> Result<Agenda, StoreError> {
    let today = now.to_zoned(tz.clone()).date();
    let (from, to) = match span {
        Span::Day => (today, today),
        Span::Week => week_of_day(today),
    };
    let (newest, last_contact) = scan_activities(store)?;
    let appointments = appointments_in(store, from, to, tz)?;
    let visits = visits_due_from(store, last_contact, cadence, today, to, tz)?;
    let mut facts = Facts {
        store,
        tz,
        today,
        accounts: HashMap::new(),
    };
    let mut appointment_rows = Vec::new();
    for a in &appointments {
        appointment_rows.push(facts.appointment_row(a)?);
    }
    // An appointment-made's next step is the appointment itself: listed once, as that.
    let listed: std::collections::HashSet<_> =
        appointments.iter().filter_map(|a| a.activity_id).collect();
    let mut follow_ups = Vec::new();
    for a in newest.values().filter(|a| !listed.contains(&a.id)) {
        if let Some(date) = a.next_step.filter(|d| *d <= to) {
            follow_ups.push(facts.follow_up_row(a, date)?);
        }
    }
    follow_ups.sort_by(|a, b| (a.date, &a.account_name).cmp(&(b.date, &b.account_name)));
    // An account already on the agenda is seen there; it is not listed twice.
    let on_agenda: std::collections::HashSet<AccountId> = appointment_rows
        .iter()
        .chain(&follow_ups)
        .filter(|r| span == Span::Week || r.date <= today)
        .map(|r| r.account)
        .collect();
    let mut visit_rows = Vec::new();
    for v in visits
        .into_iter()
        .filter(|v| !on_agenda.contains(&v.account.id))
    {
        visit_rows.push(facts.visit_row(v)?);
    }
    let rows = lay_out(
        span,
        today,
        from,
        to,
        appointment_rows,
        follow_ups,
        visit_rows,
    );
    Ok(Agenda {
        span,
        today,
        from,
        to,
        rows,
        replacements_due: super::replacements::uncovered_replacements_for_agenda(store, today)?,
        replacements_by: super::replacements::agenda_horizon(today),
    })
}

/// Puts the rows in the day's or the week's order, each under its section.
fn lay_out(
    span: Span,
    today: Date,
    from: Date,
    to: Date,
    appointments: Vec<AgendaRow>,
    follow_ups: Vec<AgendaRow>,
    visits: Vec<AgendaRow>,
) -> Vec<AgendaRow> {
    let with = |mut r: AgendaRow, s: Section| {
        r.section = s;
        r
    };
    let mut rows = Vec::new();
    match span {
        Span::Day => {
            rows.extend(
                appointments
                    .into_iter()
                    .map(|r| with(r, Section::Appointments)),
            );
            rows.extend(
                follow_ups
                    .into_iter()
                    .filter(|r| r.date <= today)
                    .map(|r| with(r, Section::FollowUps)),
            );
        }
        Span::Week => {
            let (overdue, later): (Vec<_>, Vec<_>) =
                follow_ups.into_iter().partition(|r| r.date < today);
            rows.extend(overdue.into_iter().map(|r| with(r, Section::Overdue)));
            let mut day = from;
            while day <= to {
                let on = |r: &&AgendaRow| r.date == day;
                rows.extend(
                    appointments
                        .iter()
                        .filter(on)
                        .cloned()
                        .map(|r| with(r, Section::Day(day))),
                );
                rows.extend(
                    later
                        .iter()
                        .filter(on)
                        .cloned()
                        .map(|r| with(r, Section::Day(day))),
                );
                match day.tomorrow() {
                    Ok(d) => day = d,
                    Err(_) => break,
                }
            }
        }
    }
    rows.extend(visits.into_iter().map(|r| with(r, Section::VisitsDue)));
    rows
}

/// Each account's newest activity (its next step) and its last counted contact, in one pass.
type ActivityMaps = (HashMap<AccountId, Activity>, HashMap<AccountId, Activity>);

fn scan_activities(store: &Store) -> Result<ActivityMaps, StoreError> {
    let mut newest: HashMap<AccountId, Activity> = HashMap::new();
    let mut contact: HashMap<AccountId, Activity> = HashMap::new();
    for a in store.all_activities() {
        let a = a?;
        if counts_as_contact(&a) && contact.get(&a.account_id).is_none_or(|l| l.at <= a.at) {
            contact.insert(a.account_id, a.clone());
        }
        if newest.get(&a.account_id).is_none_or(|n| n.at <= a.at) {
            newest.insert(a.account_id, a);
        }
    }
    Ok((newest, contact))
}

/// Appointments from the start of `from` to the end of `to`, local time, earliest first.
fn appointments_in(
    store: &Store,
    from: Date,
    to: Date,
    tz: &TimeZone,
) -> Result<Vec<Appointment>, StoreError> {
    let start = from.to_zoned(tz.clone()).map(|z| z.timestamp());
    let end = to
        .tomorrow()
        .ok()
        .and_then(|d| d.to_zoned(tz.clone()).ok())
        .map(|z| z.timestamp());
    match (start, end) {
        (Ok(s), Some(e)) => store.appointments_between(s, e),
        _ => Ok(Vec::new()),
    }
}

/// Looks up accounts, contacts, deals and leads for the rows, each account once.
struct Facts<'a> {
    store: &'a Store,
    tz: &'a TimeZone,
    today: Date,
    accounts: HashMap<AccountId, (Account, Vec<Contact>)>,
}

impl Facts<'_> {
    fn account(&mut self, id: AccountId) -> Result<&(Account, Vec<Contact>), StoreError> {
        if !self.accounts.contains_key(&id) {
            let account = super::load_account(self.store, id)?;
            let contacts = self.store.contacts_of(id)?;
            self.accounts.insert(id, (account, contacts));
        }
        Ok(&self.accounts[&id])
    }

    /// A blank row for an account; the caller fills in what it is.
    fn row(
        &mut self,
        id: AccountId,
        kind: ItemKind,
        date: Date,
        contact: Option<crate::domain::ContactId>,
    ) -> Result<AgendaRow, StoreError> {
        let today = self.today;
        let (account, contacts) = self.account(id)?;
        let person = contact
            .and_then(|c| contacts.iter().find(|x| x.id == c))
            .or_else(|| contacts.first());
        let phone = person
            .map(|p| p.phone.clone())
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| account.phone.clone());
        Ok(AgendaRow {
            section: Section::FollowUps,
            kind,
            date,
            time: None,
            late_days: i64::from((today - date).get_days()).max(0),
            account: id,
            account_name: account.name.clone(),
            city: account.address.city.clone(),
            contact: person.map(|p| p.name.clone()).unwrap_or_default(),
            contact_id: person.map(|p| p.id),
            phone,
            note: String::new(),
            target: VisitTarget::Account(id),
        })
    }

    fn appointment_row(&mut self, a: &Appointment) -> Result<AgendaRow, StoreError> {
        let activity = match a.activity_id {
            Some(id) => self.store.activity(id)?,
            None => None,
        };
        let contact = self.contact_of(activity.as_ref(), a.lead_id)?;
        let local = a.starts_at.to_zoned(self.tz.clone());
        let mut row = self.row(
            a.account_id,
            ItemKind::Appointment { minutes: a.minutes },
            local.date(),
            contact,
        )?;
        row.time = Some(local.time());
        row.note = activity.map(|x| x.note).unwrap_or_default();
        row.target = self.open_target(a.opportunity_id, a.lead_id, a.account_id)?;
        Ok(row)
    }

    fn follow_up_row(&mut self, a: &Activity, date: Date) -> Result<AgendaRow, StoreError> {
        let contact = self.contact_of(Some(a), a.lead_id)?;
        let mut row = self.row(a.account_id, ItemKind::FollowUp, date, contact)?;
        row.note = a.note.clone();
        row.target = self.open_target(a.opportunity_id, a.lead_id, a.account_id)?;
        Ok(row)
    }

    fn visit_row(&mut self, v: VisitDue) -> Result<AgendaRow, StoreError> {
        let kind = ItemKind::VisitDue {
            tier: v.tier,
            every_weeks: v.every_weeks,
            last_contact: v
                .last_contact
                .as_ref()
                .map(|a| a.at.to_zoned(self.tz.clone()).date()),
        };
        let contact = v.last_contact.as_ref().and_then(|a| a.contact_id);
        let mut row = self.row(v.account.id, kind, v.due, contact)?;
        row.note = v.last_contact.map(|a| a.note).unwrap_or_default();
        Ok(row)
    }

    /// Who the activity was with, else the lead's contact.
    fn contact_of(
        &self,
        activity: Option<&Activity>,
        lead: Option<crate::domain::LeadId>,
    ) -> Result<Option<crate::domain::ContactId>, StoreError> {
        if let Some(c) = activity.and_then(|a| a.contact_id) {
            return Ok(Some(c));
        }
        Ok(match lead {
            Some(id) => self.store.lead(id)?.and_then(|l| l.contact_id),
            None => None,
        })
    }

    /// The deal if still open, else the lead if still open, else the account.
    fn open_target(
        &self,
        deal: Option<crate::domain::OpportunityId>,
        lead: Option<crate::domain::LeadId>,
        account: AccountId,
    ) -> Result<VisitTarget, StoreError> {
        if let Some(id) = deal {
            if self
                .store
                .opportunity(id)?
                .is_some_and(|o| o.stage.is_open())
            {
                return Ok(VisitTarget::Opportunity(id));
            }
        }
        if let Some(id) = lead {
            if self.store.lead(id)?.is_some_and(|l| l.status.is_open()) {
                return Ok(VisitTarget::Lead(id));
            }
        }
        Ok(VisitTarget::Account(account))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_week_runs_from_monday_to_sunday() {
        // 2026-12-02 is a Wednesday.
        assert_eq!(
            week_of_day(date(2026, 12, 2)),
            (date(2026, 11, 30), date(2026, 12, 6))
        );
        assert_eq!(
            week_of_day(date(2026, 11, 30)),
            (date(2026, 11, 30), date(2026, 12, 6))
        );
        assert_eq!(
            week_of_day(date(2026, 12, 6)),
            (date(2026, 11, 30), date(2026, 12, 6))
        );
    }
}
