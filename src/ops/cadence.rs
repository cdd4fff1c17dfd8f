//! Visit cadence per tier (issue 22): customers are seen on a rhythm, not only when a lead
//! arrives. `[cadence]` in config.toml says every how many weeks each tier is visited (tier 1
//! every 4 weeks, tier 2 every 8, tier 3 none by default), counted from the last logged contact
//! — a visit, call, e-mail or meeting that reached someone; a note or a `no-contact` attempt
//! does not count. An account never contacted is due now. The agenda and
//! `wortel accounts --due-visit` both read [`visits_due`], so they cannot disagree.

use super::tiers::tier_of;
use crate::domain::{Account, AccountId, Activity, Lead, Lifecycle, Outcome, Tier};
use crate::store::{Store, StoreError};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use std::collections::HashMap;

/// Weeks between visits per tier; `None`: that tier has no cadence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cadence {
    pub weeks: [Option<u32>; 3],
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence {
            weeks: [Some(4), Some(8), None],
        }
    }
}

impl Cadence {
    /// Every how many weeks an account of `tier` is visited.
    pub fn every(&self, tier: Tier) -> Option<u32> {
        self.weeks[usize::from(tier.number()).saturating_sub(1).min(2)]
    }

    /// Reads `[cadence]` from `config.toml` in the config directory (no file: the defaults).
    pub fn load(dir: Option<&std::path::Path>) -> Result<Cadence, String> {
        match dir.map(|d| d.join("config.toml")) {
            Some(path) if path.exists() => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{} cannot be read ({e})", path.display()))?;
                Cadence::from_config(&path.display().to_string(), &text)
            }
            _ => Ok(Cadence::default()),
        }
    }

    /// Reads `[cadence]` from a config.toml's text: `tier-1 = 4` (weeks, 1–520) or
    /// `tier-3 = "none"`; absent keys keep their defaults.
    pub fn from_config(file: &str, text: &str) -> Result<Cadence, String> {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| format!("{file}: {}", e.message()))?;
        let mut cadence = Cadence::default();
        let Some(section) = table.get("cadence") else {
            return Ok(cadence);
        };
        let section = section.as_table().ok_or_else(|| {
            format!("{file}: [cadence] must be a table of tier = weeks (tier-1 = 4)")
        })?;
        for (key, value) in section {
            let slot = match key.as_str() {
                "tier-1" => 0,
                "tier-2" => 1,
                "tier-3" => 2,
                _ => {
                    return Err(format!(
                        "{file}: `{key}` is not a tier; [cadence] knows tier-1, tier-2 and tier-3"
                    ));
                }
            };
            cadence.weeks[slot] = match value {
                toml::Value::String(s) if s.trim() == "none" => None,
                toml::Value::Integer(n) if (1..=520).contains(n) => Some(*n as u32),
                _ => {
                    return Err(format!(
                        "{file}: cadence `{key}` must be a whole number of weeks from 1 to 520, or \"none\""
                    ));
                }
            };
        }
        Ok(cadence)
    }
}

/// Whether an activity is contact with the customer that a cadence counts: a person was reached.
pub fn counts_as_contact(activity: &Activity) -> bool {
    activity.kind.is_contact() && activity.outcome != Some(Outcome::NoContact)
}

/// The date an account of `tier` is due for its next visit: `weeks` after the last contact's
/// day, or today when it was never contacted; `None` when the tier has no cadence.
pub fn due_date(
    cadence: &Cadence,
    tier: Tier,
    last_contact: Option<Date>,
    today: Date,
) -> Option<Date> {
    let weeks = cadence.every(tier)?;
    match last_contact {
        None => Some(today),
        Some(day) => day.checked_add((i64::from(weeks) * 7).days()).ok(),
    }
}

/// The account's tier: the best its leads have on it (`ops::tier_of`); an account without
/// leads is in the store already, so a prospect is known (tier 2).
pub fn account_tier(account: &Account, leads: &[Lead]) -> Tier {
    leads
        .iter()
        .map(|l| tier_of(l, account))
        .min()
        .unwrap_or_else(|| Tier::derive(account.lifecycle, true))
}

/// [`account_tier`], reading the leads only when they decide it: a customer is tier 1, an
/// ex-customer and a prospect someone has contacted tier 2 whatever their leads say.
fn stored_account_tier(store: &Store, account: &Account) -> Result<Tier, StoreError> {
    Ok(match account.lifecycle {
        Lifecycle::Customer => Tier::Customer,
        Lifecycle::ExCustomer => Tier::KnownProspect,
        Lifecycle::Prospect if account.last_activity_at.is_some() => Tier::KnownProspect,
        Lifecycle::Prospect => account_tier(account, &store.leads_of(account.id)?),
    })
}

/// An account due or overdue for a visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitDue {
    pub account: Account,
    pub tier: Tier,
    /// Weeks between visits for its tier.
    pub every_weeks: u32,
    /// The last contact that counts, if any.
    pub last_contact: Option<Activity>,
    /// When the visit became due (today for an account never contacted).
    pub due: Date,
    /// Days past `due` (0: due today).
    pub overdue_days: i64,
}

/// The last counted contact of every account, from one pass over the activities.
pub fn last_contacts(store: &Store) -> Result<HashMap<AccountId, Activity>, StoreError> {
    let mut last: HashMap<AccountId, Activity> = HashMap::new();
    for a in store.all_activities() {
        let a = a?;
        if counts_as_contact(&a) && last.get(&a.account_id).is_none_or(|l| l.at <= a.at) {
            last.insert(a.account_id, a);
        }
    }
    Ok(last)
}

/// Every account due for a visit on or before `until`, by tier, then longest overdue (never
/// contacted first), then name.
pub fn visits_due(
    store: &Store,
    cadence: &Cadence,
    today: Date,
    until: Date,
    tz: &TimeZone,
) -> Result<Vec<VisitDue>, StoreError> {
    visits_due_from(store, last_contacts(store)?, cadence, today, until, tz)
}

/// [`visits_due`] with the last contacts already read (the agenda reads them in its own pass).
pub fn visits_due_from(
    store: &Store,
    mut last: HashMap<AccountId, Activity>,
    cadence: &Cadence,
    today: Date,
    until: Date,
    tz: &TimeZone,
) -> Result<Vec<VisitDue>, StoreError> {
    let mut due = Vec::new();
    for account in store.all_accounts() {
        let account = account?;
        let tier = stored_account_tier(store, &account)?;
        let last_contact = last.remove(&account.id);
        let day = last_contact.as_ref().map(|a| local_day(a.at, tz));
        let Some(date) = due_date(cadence, tier, day, today) else {
            continue;
        };
        if date <= until {
            due.push(VisitDue {
                every_weeks: cadence.every(tier).unwrap_or(0),
                overdue_days: (today - date).get_days().max(0).into(),
                tier,
                last_contact,
                due: date,
                account,
            });
        }
    }
    due.sort_by(|a, b| {
        let contacted = |v: &VisitDue| v.last_contact.is_some();
        (a.tier, contacted(a), a.due, &a.account.name).cmp(&(
            b.tier,
            contacted(b),
            b.due,
            &b.account.name,
        ))
    });
    Ok(due)
}

fn local_day(at: Timestamp, tz: &TimeZone) -> Date {
    at.to_zoned(tz.clone()).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn defaults_are_four_and_eight_weeks_and_none_for_tier_three() {
        let c = Cadence::default();
        assert_eq!(c.every(Tier::Customer), Some(4));
        assert_eq!(c.every(Tier::KnownProspect), Some(8));
        assert_eq!(c.every(Tier::UnknownProspect), None);
    }

    #[test]
    fn due_is_weeks_after_the_last_contact_or_today_when_never_contacted() {
        let c = Cadence::default();
        let today = date(2026, 12, 2);
        let last = Some(date(2026, 11, 1));
        assert_eq!(
            due_date(&c, Tier::Customer, last, today),
            Some(date(2026, 11, 29))
        );
        assert_eq!(
            due_date(&c, Tier::KnownProspect, last, today),
            Some(date(2026, 12, 27))
        );
        assert_eq!(due_date(&c, Tier::UnknownProspect, last, today), None);
        assert_eq!(due_date(&c, Tier::Customer, None, today), Some(today));
    }

    #[test]
    fn the_config_section_sets_weeks_or_none_and_names_mistakes() {
        let c =
            Cadence::from_config("c.toml", "[cadence]\ntier-1 = 2\ntier-2 = \"none\"\n").unwrap();
        assert_eq!(c.weeks, [Some(2), None, None]);
        let c = Cadence::from_config("c.toml", "[cadence]\ntier-3 = 12\n").unwrap();
        assert_eq!(c.weeks, [Some(4), Some(8), Some(12)]);
        assert_eq!(
            Cadence::from_config("c.toml", "keymap = \"emacs\"\n").unwrap(),
            Cadence::default()
        );
        let e = Cadence::from_config("c.toml", "[cadence]\ntier-4 = 2\n").unwrap_err();
        assert!(e.contains("`tier-4` is not a tier"), "{e}");
        let e = Cadence::from_config("c.toml", "[cadence]\ntier-1 = 0\n").unwrap_err();
        assert!(e.contains("from 1 to 520"), "{e}");
        let e = Cadence::from_config("c.toml", "[cadence]\ntier-1 = \"4w\"\n").unwrap_err();
        assert!(e.starts_with("c.toml: cadence `tier-1`"), "{e}");
        let e = Cadence::from_config("c.toml", "cadence = 3\n").unwrap_err();
        assert!(e.contains("must be a table"), "{e}");
    }
}
