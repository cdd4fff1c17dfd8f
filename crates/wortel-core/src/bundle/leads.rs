//! The records of a `leads` bundle (head office → dealer): `leads.ndjson`, one lead a line,
//! and `retractions.ndjson`. Unknown fields are ignored (newer head-office systems may send
//! more); a missing required field or a value out of range refuses the bundle with its line.

use super::caps::{MAX_FIELD_CHARS, MAX_LINE_BYTES};
use super::{Bundle, BundleError, printable};
use crate::domain::{Channel, ConsentPurpose, Lifecycle};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A lead as head office sends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeadIn {
    pub id: String,
    pub received_at: Timestamp,
    #[serde(default)]
    pub respond_by: Option<Timestamp>,
    pub source: SourceIn,
    pub score: i64,
    #[serde(default)]
    pub interest: String,
    #[serde(default)]
    pub signals: Vec<String>,
    #[serde(default)]
    pub incentive: bool,
    pub account: AccountIn,
    #[serde(default)]
    pub contact: Option<ContactIn>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceIn {
    pub channel: Channel,
    #[serde(default)]
    pub campaign: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressIn {
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountIn {
    pub name: String,
    /// `company` or `person`.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub kvk: Option<String>,
    #[serde(default)]
    pub address: AddressIn,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub lifecycle: Option<Lifecycle>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactIn {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub consent: Vec<ConsentIn>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsentIn {
    pub purpose: ConsentPurpose,
    pub given_at: Date,
    #[serde(default)]
    pub source: String,
}

/// A lead head office takes back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetractionIn {
    pub lead_id: String,
}

/// Every lead and retraction of a verified `leads` bundle, checked line by line, text cleaned.
pub fn parse_leads(bundle: &Bundle) -> Result<(Vec<LeadIn>, Vec<RetractionIn>), BundleError> {
    let (leads, retractions) = parse_leads_lines(bundle)?;
    Ok((leads.into_iter().map(|(_, l)| l).collect(), retractions))
}

/// As [`parse_leads`], each lead with its line in `leads.ndjson`.
#[allow(clippy::type_complexity)]
pub fn parse_leads_lines(
    bundle: &Bundle,
) -> Result<(Vec<(usize, LeadIn)>, Vec<RetractionIn>), BundleError> {
    let mut leads: Vec<(usize, LeadIn)> = Vec::new();
    each_lead(bundle, &mut |line, lead| {
        leads.push((line, lead));
        Ok::<(), BundleError>(())
    })?;
    Ok((leads, parse_retractions(bundle)?))
}

/// Hands every lead of `leads.ndjson` to `f` with its line, one at a time, checked and with
/// its text cleaned, so a 100,000-lead bundle is never held as a list. Identity is decided on
/// the cleaned id: a line repeated exactly is one lead (`f` hears it once), two differing
/// lines for one id are refused with both line numbers — before `f` hears of the second.
/// What each id first looked like is remembered as a 128-bit hash, not as the lead.
pub fn each_lead<E: From<BundleError>>(
    bundle: &Bundle,
    f: &mut dyn FnMut(usize, LeadIn) -> Result<(), E>,
) -> Result<(), E> {
    let mut seen = Identities::default();
    for (line, bytes) in bundle.lines("leads.ndjson") {
        let lead: LeadIn = parse_line("leads.ndjson", line, bytes)?;
        check_lead(&lead, line)?;
        let lead = lead.printable();
        if lead.id.trim().is_empty() {
            return Err(BundleError::new(format!(
                "leads.ndjson line {line}: the lead id holds only control characters; ask head office for a corrected bundle"
            ))
            .into());
        }
        match seen.admit(line, &lead) {
            Admit::New => f(line, lead)?,
            Admit::Repeat => {}
            Admit::Differs(first_line) => {
                return Err(BundleError::new(format!(
                    "leads.ndjson lines {first_line} and {line}: lead id \"{}\" occurs twice with different values; ask head office for a corrected bundle",
                    lead.id
                ))
                .into());
            }
        }
    }
    Ok(())
}

/// The bundle's retractions, text cleaned.
pub fn parse_retractions(bundle: &Bundle) -> Result<Vec<RetractionIn>, BundleError> {
    let mut retractions = Vec::new();
    for (line, bytes) in bundle.lines("retractions.ndjson") {
        let r: RetractionIn = parse_line("retractions.ndjson", line, bytes)?;
        retractions.push(RetractionIn {
            lead_id: printable(&r.lead_id),
        });
    }
    Ok(retractions)
}

/// The leads of one file seen so far, by (a hash of) their cleaned id: where each first came
/// and a hash of all its cleaned values. 40 bytes a lead instead of the lead itself, so a
/// million-row sheet is checked in tens of megabytes.
#[derive(Default)]
pub struct Identities {
    first: std::collections::HashMap<u128, (usize, u128)>,
}

/// What [`Identities::admit`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Admit {
    /// The first lead with this id.
    New,
    /// The same lead again, value for value: one lead.
    Repeat,
    /// The same id with other values, first seen at this line or row.
    Differs(usize),
}

impl Identities {
    /// Records `lead` (already cleaned) found at `at`, and says whether its id came before.
    pub fn admit(&mut self, at: usize, lead: &LeadIn) -> Admit {
        let id = hash128(lead.id.as_bytes());
        let values = hash128(&serde_json::to_vec(lead).unwrap_or_default());
        match self.first.get(&id) {
            None => {
                self.first.insert(id, (at, values));
                Admit::New
            }
            Some((_, v)) if *v == values => Admit::Repeat,
            Some((first, _)) => Admit::Differs(*first),
        }
    }
}

fn hash128(bytes: &[u8]) -> u128 {
    let h = blake3::hash(bytes);
    let mut b = [0u8; 16];
    b.copy_from_slice(&h.as_bytes()[..16]);
    u128::from_le_bytes(b)
}

pub(crate) fn parse_line<T: serde::de::DeserializeOwned>(
    file: &str,
    line: usize,
    bytes: &[u8],
) -> Result<T, BundleError> {
    if bytes.len() > MAX_LINE_BYTES {
        return Err(BundleError::new(format!(
            "{file} line {line} is longer than {} KiB, more than any record needs; the bundle is refused",
            MAX_LINE_BYTES / 1024
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        BundleError::new(format!(
            "{file} line {line} is not UTF-8 text; ask head office for a corrected bundle"
        ))
    })?;
    serde_json::from_str(text).map_err(|e| {
        let what = e.to_string();
        let what = what.split(" at line").next().unwrap_or(&what).to_string();
        BundleError::new(format!(
            "{file} line {line}: {}; ask head office for a corrected bundle",
            printable(&what)
        ))
    })
}

fn check_lead(l: &LeadIn, line: usize) -> Result<(), BundleError> {
    let at = |m: String| {
        BundleError::new(format!(
            "leads.ndjson line {line}: {m}; ask head office for a corrected bundle"
        ))
    };
    if l.id.trim().is_empty() {
        return Err(at("the lead id is empty".into()));
    }
    if l.account.name.trim().is_empty() {
        return Err(at("the account name is empty".into()));
    }
    if !(0..=100).contains(&l.score) {
        return Err(at(format!("score {} is outside 0 to 100", l.score)));
    }
    let a = &l.account;
    let mut texts = vec![
        ("id", &l.id),
        ("interest", &l.interest),
        ("notes", &l.notes),
        ("source.campaign", &l.source.campaign),
        ("account.name", &a.name),
        ("account.phone", &a.phone),
        ("account.email", &a.email),
        ("account.address.street", &a.address.street),
        ("account.address.postcode", &a.address.postcode),
        ("account.address.city", &a.address.city),
        ("account.address.country", &a.address.country),
    ];
    if let Some(c) = &l.contact {
        texts.extend([
            ("contact.name", &c.name),
            ("contact.role", &c.role),
            ("contact.phone", &c.phone),
            ("contact.email", &c.email),
        ]);
    }
    let signals = l.signals.iter().map(|s| ("signals", s));
    if let Some((field, _)) = texts
        .into_iter()
        .chain(signals)
        .find(|(_, t)| t.chars().count() > MAX_FIELD_CHARS)
    {
        return Err(at(format!(
            "{field} is longer than {MAX_FIELD_CHARS} characters"
        )));
    }
    Ok(())
}

impl LeadIn {
    /// The lead with control characters and escape sequences removed from every text: what a
    /// file says must never reach a terminal as a command.
    pub fn printable(&self) -> LeadIn {
        let p = |s: &String| printable(s);
        let mut l = self.clone();
        l.id = p(&l.id);
        l.source.campaign = p(&l.source.campaign);
        l.interest = p(&l.interest);
        l.signals = l.signals.iter().map(p).collect();
        l.notes = p(&l.notes);
        let a = &mut l.account;
        a.name = p(&a.name);
        a.kvk = a.kvk.as_ref().map(p);
        a.kind = a.kind.as_ref().map(p);
        a.address.street = p(&a.address.street);
        a.address.postcode = p(&a.address.postcode);
        a.address.city = p(&a.address.city);
        a.address.country = p(&a.address.country);
        a.phone = p(&a.phone);
        a.email = p(&a.email);
        if let Some(c) = &mut l.contact {
            c.name = p(&c.name);
            c.role = p(&c.role);
            c.phone = p(&c.phone);
            c.email = p(&c.email);
            for x in &mut c.consent {
                x.source = p(&x.source);
            }
        }
        l
    }
}
