//! `wortel-hq programme add|list|run`: lead programmes (issue 22). A programme is a named rule
//! with its own campaign name; `run` turns every cause the rule finds in the stores' feedback
//! into a lead in the pool, which `route` and `send` then handle like any other. Each cause is
//! recorded (`programme_leads.cause`), so running again makes no second lead for it.
//!
//! - `replacement`: a product in an account's installed base whose replacement date falls
//!   within N months (default 6): a lead for that account, interest the product;
//! - `lost-order`: a deal lost M months ago or longer (default 9) for a reason in the chosen set
//!   (default price, delivery time, no decision): a win-back lead carrying the loss;
//! - `ex-customer`: an account that became ex-customer K months ago or longer (default 12) and
//!   has no open lead in the pool: a win-back lead.

mod causes;
mod run;

pub use run::{print as print_run, run};

use crate::db::Db;
use anyhow::{Result, bail};
use jiff::Timestamp;
use serde::Serialize;

/// What a programme looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Replacement,
    LostOrder,
    ExCustomer,
}

impl Rule {
    pub fn parse(text: &str) -> Result<Rule> {
        match text.trim() {
            "replacement" => Ok(Rule::Replacement),
            "lost-order" => Ok(Rule::LostOrder),
            "ex-customer" => Ok(Rule::ExCustomer),
            other => bail!(
                "rule `{}` is unknown; use replacement, lost-order or ex-customer",
                wortel_core::bundle::printable(other)
            ),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Replacement => "replacement",
            Rule::LostOrder => "lost-order",
            Rule::ExCustomer => "ex-customer",
        }
    }

    /// Months ahead (replacement) or back (the others) when `add` is given none.
    pub fn default_months(self) -> i64 {
        match self {
            Rule::Replacement => 6,
            Rule::LostOrder => 9,
            Rule::ExCustomer => 12,
        }
    }
}

/// The lost reasons a lost-order programme takes when `add` is given none.
pub const DEFAULT_REASONS: [&str; 3] = ["price", "delivery time", "no decision"];

/// A programme as stored.
#[derive(Clone, Debug, Serialize)]
pub struct Programme {
    pub name: String,
    pub rule: Rule,
    pub campaign: String,
    pub months: i64,
    /// Lost reasons (lost-order only; lower case).
    pub reasons: Vec<String>,
    /// Leads it has made so far.
    pub leads: i64,
}

/// `programme add`: checks and stores a new programme.
pub fn add(
    db: &mut Db,
    name: &str,
    rule: Rule,
    campaign: Option<&str>,
    months: Option<i64>,
    reasons: &[String],
    now: Timestamp,
) -> Result<Programme> {
    let name = name.trim();
    let fine = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if name.is_empty() || name.len() > 32 || !name.chars().all(fine) {
        bail!(
            "programme name `{}` is not 1 to 32 lower-case letters, digits and dashes; pick a name like winback-price",
            wortel_core::bundle::printable(name)
        );
    }
    let months = months.unwrap_or(rule.default_months());
    if !(0..=120).contains(&months) {
        bail!("--months {months} is outside 0 to 120; give a number of months such as 6");
    }
    if rule != Rule::LostOrder && !reasons.is_empty() {
        bail!(
            "--reasons is for lost-order programmes only; leave it out for {}",
            rule.as_str()
        );
    }
    let mut reasons: Vec<String> = reasons
        .iter()
        .map(|r| wortel_core::bundle::printable(r).trim().to_lowercase())
        .filter(|r| !r.is_empty())
        .collect();
    if rule == Rule::LostOrder && reasons.is_empty() {
        reasons = DEFAULT_REASONS.iter().map(|r| r.to_string()).collect();
    }
    let campaign = wortel_core::bundle::printable(campaign.unwrap_or(name))
        .trim()
        .to_string();
    if campaign.is_empty() || campaign.chars().count() > 80 {
        bail!(
            "--campaign is empty or longer than 80 characters; give the campaign name dealers will see"
        );
    }
    db.in_tx(|db| {
        if !db.rows("SELECT name FROM programmes WHERE name = $1", &[name.into()])?.is_empty() {
            bail!("programme {name} exists already; pick another name");
        }
        db.exec(
            "INSERT INTO programmes (name, rule, campaign, months, reasons, added_at) VALUES ($1, $2, $3, $4, $5, $6)",
            &[name.into(), rule.as_str().into(), (&campaign).into(), months.into(), serde_json::to_string(&reasons)?.into(), now.to_string().into()],
        )?;
        Ok(())
    })?;
    Ok(Programme {
        name: name.into(),
        rule,
        campaign,
        months,
        reasons,
        leads: 0,
    })
}

/// Every programme, by name, with the number of leads each has made.
pub fn list(db: &Db) -> Result<Vec<Programme>> {
    let mut out = Vec::new();
    for r in db.rows(
        "SELECT p.name, p.rule, p.campaign, p.months, p.reasons, (SELECT COUNT(*) FROM programme_leads l WHERE l.programme = p.name) FROM programmes p ORDER BY p.name",
        &[],
    )? {
        out.push(Programme {
            name: r.text(0),
            rule: Rule::parse(&r.text(1))?,
            campaign: r.text(2),
            months: r.int(3),
            reasons: serde_json::from_str(&r.text(4)).unwrap_or_default(),
            leads: r.int(5),
        });
    }
    Ok(out)
}

/// Prints the programmes for a person.
pub fn print(programmes: &[Programme]) {
    if programmes.is_empty() {
        println!(
            "no programmes yet; add one with `wortel-hq programme add NAME --rule replacement`"
        );
    }
    for p in programmes {
        let what = match p.rule {
            Rule::Replacement => format!("replacement due within {} months", p.months),
            Rule::LostOrder => {
                format!("lost {}+ months ago for {}", p.months, p.reasons.join(", "))
            }
            Rule::ExCustomer => format!("ex-customer for {}+ months", p.months),
        };
        println!(
            "{}  {what}  campaign \"{}\"  {}",
            p.name,
            p.campaign,
            wortel_core::plural::counted(p.leads as usize, "lead made", "leads made")
        );
    }
}
