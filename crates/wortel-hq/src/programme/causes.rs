//! What each rule finds in the ingested feedback: one [`Cause`] per lead it should make, with
//! the key that makes it once. A company is keyed by its KvK number, else by its name key and
//! postcode, so two stores reporting the same company make one cause. A replacement a store
//! already made its own lead for (its feedback's `leads.ndjson` signal) is no cause.

use super::{Programme, Rule};
use crate::db::{Db, Row};
use anyhow::Result;
use jiff::civil::Date;
use jiff::{Span, Timestamp};
use std::collections::HashSet;
use wortel_core::bundle::feedback::replacement_signal;
use wortel_core::domain::Cents;

/// An account as a store reported it: what the lead names.
#[derive(Clone, Debug)]
pub struct Company {
    pub name: String,
    pub kvk: Option<String>,
    pub postcode: String,
    pub city: String,
    pub lifecycle: String,
    pub name_key: String,
    /// `company` or `person`.
    pub kind: String,
}

impl Company {
    /// The key of the company across stores.
    /// The key of the company across stores. Without a KvK number it is a hash of the name key
    /// and postcode, so a cause kept for good holds no name (a person's account is personal).
    pub fn key(&self) -> String {
        match &self.kvk {
            Some(kvk) => format!("kvk:{kvk}"),
            None => {
                let text = format!(
                    "{}|{}",
                    self.name_key,
                    crate::intake::postcode_key(&self.postcode)
                );
                format!("name:{}", &blake3::hash(text.as_bytes()).to_hex()[..16])
            }
        }
    }

    /// An account whose name head office erased (a person's right to erasure) makes no lead.
    pub fn erased(&self) -> bool {
        self.name_key == crate::intake::name_key(crate::erasure::scrub::ERASED)
    }
}

/// One lead a programme should make, and why.
#[derive(Clone, Debug)]
pub struct Cause {
    /// `replacement|kvk:12345678|r 450|2027-03-01`: the same cause never makes a second lead.
    pub key: String,
    pub store: String,
    pub dealer: String,
    pub company: Company,
    pub interest: String,
    pub signals: Vec<String>,
    pub notes: String,
    pub score: i64,
    /// One line for `--dry-run` and the listing.
    pub why: String,
}

/// `SELECT` columns of `dealer_accounts` that make a [`Company`], from index `at`.
const COMPANY: &str = "a.name, a.kvk, a.postcode, a.city, a.lifecycle, a.name_key, a.kind";

fn company(r: &Row, at: usize) -> Company {
    Company {
        name: r.text(at),
        kvk: r.opt_text(at + 1),
        postcode: shown_postcode(&r.text(at + 2)),
        city: r.text(at + 3),
        lifecycle: r.text(at + 4),
        name_key: r.text(at + 5),
        kind: r.text(at + 6),
    }
}

/// `3542AD` (the key head office keeps) as people write it, `3542 AD`.
fn shown_postcode(key: &str) -> String {
    let b = key.as_bytes();
    if b.len() == 6
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_alphabetic)
    {
        return format!("{} {}", &key[..4], &key[4..]);
    }
    key.to_string()
}

fn months(n: i64) -> Span {
    Span::new().months(n)
}

/// Every cause `p` finds on `today`, in a fixed order (dealer, store, account).
pub fn find(db: &Db, p: &Programme, today: Date) -> Result<Vec<Cause>> {
    match p.rule {
        Rule::Replacement => replacements(db, today.checked_add(months(p.months))?),
        Rule::LostOrder => lost_orders(db, &p.reasons, today.checked_sub(months(p.months))?),
        Rule::ExCustomer => ex_customers(db, today.checked_sub(months(p.months))?),
    }
}

/// Products whose replacement date is on or before `horizon` (overdue ones too).
fn replacements(db: &Db, horizon: Date) -> Result<Vec<Cause>> {
    let sql = format!(
        "SELECT b.recipient, a.dealer_id, b.product, b.purchased_on, b.replace_by, {COMPANY} FROM installed_base b JOIN dealer_accounts a ON a.recipient = b.recipient AND a.account_id = b.account_id WHERE a.merged_into IS NULL AND b.replace_by IS NOT NULL AND b.replace_by <= $1 ORDER BY a.dealer_id, b.recipient, b.account_id, b.line"
    );
    let made = dealer_made(db)?;
    let mut out = Vec::new();
    for r in db.rows(&sql, &[horizon.to_string().into()])? {
        let (product, bought, by) = (r.text(2), r.text(3), r.text(4));
        let Ok(due) = by.parse::<Date>() else {
            continue;
        };
        let company = company(&r, 5);
        if company.erased() {
            continue;
        }
        let signal = replacement_signal(&product, due);
        if made.contains(&(company.key(), signal.to_lowercase())) {
            continue;
        }
        out.push(Cause {
            key: format!(
                "replacement|{}|{}|{by}",
                company.key(),
                product.to_lowercase()
            ),
            store: r.text(0),
            dealer: r.text(1),
            interest: product.clone(),
            signals: vec![signal],
            notes: format!("{product} bought {bought}, due for replacement by {by}."),
            score: 70,
            why: format!(
                "{} owns {product}, due for replacement by {by}",
                company.name
            ),
            company,
        });
    }
    Ok(out)
}

/// The replacements stores made leads for themselves: (company key, signal in lower case).
fn dealer_made(db: &Db) -> Result<HashSet<(String, String)>> {
    let sql = format!(
        "SELECT r.signal, {COMPANY} FROM dealer_replacements r JOIN dealer_accounts a ON a.recipient = r.recipient AND a.account_id = r.account_id"
    );
    Ok(db
        .rows(&sql, &[])?
        .iter()
        .map(|r| (company(r, 1).key(), r.text(0)))
        .collect())
}

/// Deals lost on or before `cutoff` for one of `reasons`; a deal whose account was merged into
/// another since counts for the account it was merged into.
fn lost_orders(db: &Db, reasons: &[String], cutoff: Date) -> Result<Vec<Cause>> {
    let sql = format!(
        "SELECT d.recipient, a.dealer_id, d.deal_id, d.value_cents, d.lost_reason, d.at, d.product, {COMPANY} FROM deal_changes d LEFT JOIN dealer_accounts g ON g.recipient = d.recipient AND g.account_id = d.account_id JOIN dealer_accounts a ON a.recipient = d.recipient AND a.account_id = COALESCE(g.merged_into, d.account_id) WHERE d.to_stage = 'lost' AND a.merged_into IS NULL ORDER BY a.dealer_id, d.recipient, d.at, d.deal_id"
    );
    let tz = jiff::tz::TimeZone::system();
    let mut out = Vec::new();
    for r in db.rows(&sql, &[])? {
        let reason = r.opt_text(4).unwrap_or_default();
        if !reasons
            .iter()
            .any(|w| w.eq_ignore_ascii_case(reason.trim()))
        {
            continue;
        }
        let Ok(at) = r.text(5).parse::<Timestamp>() else {
            continue;
        };
        let lost_on = at.to_zoned(tz.clone()).date();
        if lost_on > cutoff {
            continue;
        }
        let value = Cents(r.int(3));
        let product = r.opt_text(6).filter(|p| !p.trim().is_empty());
        let company = company(&r, 7);
        if company.erased() {
            continue;
        }
        let what = product.clone().unwrap_or_else(|| "an order".into());
        out.push(Cause {
            key: format!("lost-order|{}|{}|{}", r.text(0), r.text(2), r.text(5)),
            store: r.text(0),
            dealer: r.text(1),
            interest: product.clone().unwrap_or_else(|| "win-back".into()),
            signals: vec![
                format!("lost on {lost_on}"),
                format!("lost reason: {reason}"),
                format!("lost value: {value}"),
            ],
            notes: format!("Win-back: {what} lost on {lost_on} for {reason}, worth {value}."),
            score: 60,
            why: format!(
                "{} lost {what} on {lost_on} for {reason} ({value})",
                company.name
            ),
            company,
        });
    }
    Ok(out)
}

/// Accounts ex-customer since `cutoff` or earlier, with no open lead in the pool.
fn ex_customers(db: &Db, cutoff: Date) -> Result<Vec<Cause>> {
    let sql = format!(
        "SELECT a.recipient, a.dealer_id, a.lifecycle_since, {COMPANY} FROM dealer_accounts a WHERE a.merged_into IS NULL AND a.lifecycle = 'ex-customer' AND a.lifecycle_since IS NOT NULL ORDER BY a.dealer_id, a.recipient, a.account_id"
    );
    let tz = jiff::tz::TimeZone::system();
    let mut out = Vec::new();
    for r in db.rows(&sql, &[])? {
        let Ok(at) = r.text(2).parse::<Timestamp>() else {
            continue;
        };
        let since = at.to_zoned(tz.clone()).date();
        let company = company(&r, 3);
        if company.erased() {
            continue;
        }
        if since > cutoff || has_open_lead(db, &company)? {
            continue;
        }
        out.push(Cause {
            key: format!("ex-customer|{}|{}", company.key(), r.text(2)),
            store: r.text(0),
            dealer: r.text(1),
            interest: "win-back".into(),
            signals: vec![format!("ex-customer since {since}")],
            notes: format!("Win-back: an ex-customer since {since}."),
            score: 50,
            why: format!("{} has been an ex-customer since {since}", company.name),
            company,
        });
    }
    Ok(out)
}

/// Whether the pool holds a lead for the company that no store has closed.
fn has_open_lead(db: &Db, c: &Company) -> Result<bool> {
    let open = "(reported_status IS NULL OR reported_status IN ('new', 'accepted', 'snoozed', 'contacted', 'qualified'))";
    let rows = match &c.kvk {
        Some(kvk) => db.rows(
            &format!("SELECT id FROM leads WHERE kvk = $1 AND {open}"),
            &[kvk.into()],
        )?,
        None => db.rows(
            &format!("SELECT id FROM leads WHERE name_key = $1 AND postcode = $2 AND {open}"),
            &[
                (&c.name_key).into(),
                crate::intake::postcode_key(&c.postcode).into(),
            ],
        )?,
    };
    Ok(!rows.is_empty())
}
