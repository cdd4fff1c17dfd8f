//! Replacements due (issue 22): a product in an account's installed base whose replacement
//! date falls within N months (overdue ones too) is a future lead — the same rule as head
//! office's `replacement` programme, for a store without head office. A product and date that
//! already have a lead on the account (head office's or the store's own, whatever its status)
//! are covered, never made twice: the lead carries the same replacement signal, or names the
//! product and the date (as the account view's `f` writes it).

use super::tiers::tier_of;
use crate::bundle::feedback::replacement_signal;
use crate::domain::*;
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::civil::Date;
use jiff::{Span, Timestamp};
use serde::Serialize;

/// The campaign of the leads the store makes from its installed base.
pub const CAMPAIGN: &str = "installed base";

/// One product due for replacement.
#[derive(Clone, Debug, Serialize)]
pub struct DueReplacement {
    pub account_id: AccountId,
    pub account: String,
    pub product: String,
    pub purchased_on: Date,
    pub replace_by: Date,
    /// The lead that already covers it (head office's id when it has one), if any.
    pub covered_by: Option<String>,
}

/// Every product of every account due for replacement by `today` + `months`, by date, then
/// account name; each says whether a lead covers it already.
pub fn due_replacements(
    store: &Store,
    months: i64,
    today: Date,
) -> Result<Vec<DueReplacement>, StoreError> {
    let horizon = today.checked_add(Span::new().months(months)).map_err(|_| {
        crate::domain::error::invalid(format!(
            "{months} months ahead is past the calendar's end; give fewer months"
        ))
    })?;
    let mut due = Vec::new();
    for a in store.all_accounts() {
        let a = a?;
        if !a.installed_base.iter().any(|p| p.replacement_due(horizon)) {
            continue;
        }
        let leads = store.leads_of(a.id)?;
        // The same product and date listed twice (a row pasted twice) is one replacement.
        let mut seen = std::collections::HashSet::new();
        for p in a
            .installed_base
            .iter()
            .filter(|p| p.replacement_due(horizon))
        {
            let Some(by) = p.replace_by else { continue };
            if !seen.insert((p.product.trim().to_lowercase(), by)) {
                continue;
            }
            due.push(DueReplacement {
                account_id: a.id,
                account: a.name.clone(),
                product: p.product.clone(),
                purchased_on: p.purchased_on,
                replace_by: by,
                covered_by: leads
                    .iter()
                    .find(|l| covers(l, &p.product, by))
                    .map(shown_id),
            });
        }
    }
    due.sort_by(|x, y| (x.replace_by, &x.account).cmp(&(y.replace_by, &y.account)));
    Ok(due)
}

/// How far ahead the agenda looks for replacements due, in months.
pub const AGENDA_MONTHS: i64 = 3;

/// The last day the agenda's replacements line counts: today and [`AGENDA_MONTHS`].
pub fn agenda_horizon(today: Date) -> Date {
    today
        .checked_add(Span::new().months(AGENDA_MONTHS))
        .unwrap_or(today)
}

/// How many replacements due by [`agenda_horizon`] (overdue ones too) have no lead yet: the
/// agenda's line ("3 replacements due by 2027-03-02 without a lead").
pub fn uncovered_replacements_for_agenda(store: &Store, today: Date) -> Result<usize, StoreError> {
    Ok(due_replacements(store, AGENDA_MONTHS, today)?
        .iter()
        .filter(|d| d.covered_by.is_none())
        .count())
}

/// Makes a dealer lead for each uncovered replacement, in one write; none when all are covered.
pub fn create_replacement_leads(
    store: &Store,
    due: &[DueReplacement],
    now: Timestamp,
) -> Result<(Vec<Lead>, Option<Receipt>), StoreError> {
    let mut ws = WriteSet::new();
    let mut made = Vec::new();
    for d in due.iter().filter(|d| d.covered_by.is_none()) {
        let Some(a) = store.account(d.account_id)? else {
            continue;
        };
        let mut lead = Lead::new(LeadId::generate(now), a.id, Channel::Dealer, 50, now);
        lead.interest = d.product.clone();
        lead.source.campaign = CAMPAIGN.to_string();
        lead.signals = vec![replacement_signal(&d.product, d.replace_by)];
        lead.notes = format!(
            "{} bought {}, due for replacement by {}",
            d.product, d.purchased_on, d.replace_by
        );
        lead.owner = a.owner.clone();
        lead.tier = tier_of(&lead, &a);
        lead.validate()?;
        ws.put(lead.clone());
        made.push(lead);
    }
    if made.is_empty() {
        return Ok((made, None));
    }
    let receipt = store.commit(&ws, now)?;
    Ok((made, Some(receipt)))
}

/// Whether `lead` is about replacing `product` due `by`.
fn covers(lead: &Lead, product: &str, by: Date) -> bool {
    let signal = replacement_signal(product, by);
    if lead.signals.iter().any(|s| s.eq_ignore_ascii_case(&signal)) {
        return true;
    }
    let p = product.trim().to_lowercase();
    let interest = lead.interest.trim().to_lowercase();
    let names = interest == p || interest == format!("replacement of {p}");
    let date = by.to_string();
    names && (lead.notes.contains(&date) || lead.signals.iter().any(|s| s.contains(&date)))
}

fn shown_id(lead: &Lead) -> String {
    lead.external_id
        .clone()
        .unwrap_or_else(|| lead.id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(interest: &str, notes: &str, signals: &[&str]) -> Lead {
        let now: Timestamp = "2026-11-30T09:00:00Z".parse().unwrap();
        let mut l = Lead::new(
            LeadId::generate(now),
            AccountId::generate(now),
            Channel::Dealer,
            50,
            now,
        );
        l.interest = interest.into();
        l.notes = notes.into();
        l.signals = signals.iter().map(|s| s.to_string()).collect();
        l
    }

    #[test]
    fn a_lead_covers_a_replacement_by_its_signal_or_by_product_and_date() {
        let by: Date = "2027-03-15".parse().unwrap();
        let signal = replacement_signal("R 450 tractor", by);
        assert!(covers(
            &lead("anything", "", &[&signal]),
            "R 450 tractor",
            by
        ));
        // What the account view's `f` writes.
        let f = lead(
            "replacement of R 450 tractor",
            "R 450 tractor bought 2020-03-01, due for replacement by 2027-03-15",
            &[],
        );
        assert!(covers(&f, "r 450 tractor", by));
        // Another date, or another product, is another replacement.
        assert!(!covers(&f, "R 450 tractor", "2028-03-15".parse().unwrap()));
        assert!(!covers(
            &lead("R 500", "due 2027-03-15", &[]),
            "R 450 tractor",
            by
        ));
    }
}
