//! iCalendar (RFC 5545): every appointment as an event, and every account's current follow-up
//! (its newest activity's next step) as an all-day event. UIDs are stable, so importing the
//! file again into a calendar updates events instead of adding copies.

use super::text_lines::{escape, push_folded};
use crate::domain::{Account, AccountId, Activity};
use crate::store::{Store, StoreError};
use jiff::Timestamp;
use std::collections::HashMap;
use wortel_core::lang::Language;
use wortel_core::said;

/// The prefix an appointment's title gets when the visit form makes it (`visit_steps`).
const MADE_TITLE: &str = "Appointment: ";

/// An appointment's summary: the title wortel made, in `lang`; a title typed by hand as typed.
fn summary(title: &str, lang: Language) -> String {
    match title.strip_prefix(MADE_TITLE) {
        Some(account) => said!("ics-appointment", account = account).say(lang),
        None => title.to_string(),
    }
}

fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The calendar text and how many events it holds. `now` stamps the events (DTSTAMP); the
/// summaries wortel words itself ("Appointment: …", "Follow up: …") are in `lang`, what the
/// salesperson typed stays as typed.
pub fn calendar(
    store: &Store,
    now: Timestamp,
    lang: Language,
) -> Result<(String, usize), StoreError> {
    let accounts: HashMap<AccountId, Account> = store
        .all_accounts()
        .map(|a| a.map(|a| (a.id, a)))
        .collect::<Result<_, _>>()?;
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//wortel//wortel CRM//EN",
        "CALSCALE:GREGORIAN",
    ] {
        push_folded(&mut out, l);
    }
    let mut n = 0;
    let mut appointments: Vec<_> = store.all_appointments().collect::<Result<Vec<_>, _>>()?;
    appointments.sort_by_key(|a| (a.starts_at, a.id));
    for a in appointments {
        let end = a
            .starts_at
            .checked_add(jiff::SignedDuration::from_mins(i64::from(a.minutes)))
            .unwrap_or(a.starts_at);
        push_folded(&mut out, "BEGIN:VEVENT");
        push_folded(&mut out, &format!("UID:{}@wortel", a.id));
        push_folded(&mut out, &format!("DTSTAMP:{}", utc(now)));
        push_folded(&mut out, &format!("DTSTART:{}", utc(a.starts_at)));
        push_folded(&mut out, &format!("DTEND:{}", utc(end)));
        push_folded(
            &mut out,
            &format!("SUMMARY:{}", escape(&summary(&a.title, lang))),
        );
        if !a.location.is_empty() {
            push_folded(&mut out, &format!("LOCATION:{}", escape(&a.location)));
        }
        push_folded(&mut out, "END:VEVENT");
        n += 1;
    }
    // Each account's newest activity says what was promised next.
    let mut newest: HashMap<AccountId, Activity> = HashMap::new();
    for a in store.all_activities() {
        let a = a?;
        if newest
            .get(&a.account_id)
            .is_none_or(|x| (x.at, x.id) <= (a.at, a.id))
        {
            newest.insert(a.account_id, a);
        }
    }
    let mut follow_ups: Vec<(AccountId, jiff::civil::Date, Activity)> = newest
        .into_iter()
        .filter_map(|(id, a)| a.next_step.map(|d| (id, d, a)))
        .collect();
    follow_ups.sort_by_key(|(id, d, _)| (*d, *id));
    for (id, date, a) in follow_ups {
        let name = accounts.get(&id).map_or("?", |x| x.name.as_str());
        let end = date.tomorrow().unwrap_or(date);
        push_folded(&mut out, "BEGIN:VEVENT");
        push_folded(&mut out, &format!("UID:next-{id}@wortel"));
        push_folded(&mut out, &format!("DTSTAMP:{}", utc(now)));
        push_folded(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", date.strftime("%Y%m%d")),
        );
        push_folded(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", end.strftime("%Y%m%d")),
        );
        push_folded(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape(&said!("ics-follow-up", account = name).say(lang))
            ),
        );
        if !a.note.is_empty() {
            push_folded(&mut out, &format!("DESCRIPTION:{}", escape(&a.note)));
        }
        push_folded(&mut out, "END:VEVENT");
        n += 1;
    }
    push_folded(&mut out, "END:VCALENDAR");
    Ok((out, n))
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    #[test]
    fn wortels_own_title_is_said_in_the_language_and_a_typed_one_is_kept() {
        assert_eq!(
            summary("Appointment: Bos Transport", Language::Nl),
            "Afspraak: Bos Transport"
        );
        assert_eq!(
            summary("Appointment: Bos Transport", Language::En),
            "Appointment: Bos Transport"
        );
        assert_eq!(summary("Proefrit R 450", Language::Nl), "Proefrit R 450");
    }
}
