//! `erasures.ndjson` in a `leads` bundle: people head office asks every dealer to erase (a
//! right-to-erasure request it received). One request a line, naming the person by what head
//! office knows: the lead ids it sent about them, and/or their e-mail address or phone number.

use super::caps::MAX_FIELD_CHARS;
use super::leads::parse_line;
use super::{Bundle, BundleError, printable};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One erasure request as head office sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureIn {
    /// Head office's id of the request, unique: the dealer's feedback names it when done.
    pub request_id: String,
    /// When the person asked (head office's date).
    pub requested_at: Date,
    /// Head office's ids of leads it sent about the person.
    #[serde(default)]
    pub lead_ids: Vec<String>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

/// A request as read, before its date is understood.
#[derive(Deserialize)]
struct Raw {
    request_id: String,
    requested_at: String,
    #[serde(default)]
    lead_ids: Vec<String>,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
}

/// Every erasure request of a verified bundle, checked line by line.
pub fn parse_erasures(bundle: &Bundle) -> Result<Vec<ErasureIn>, BundleError> {
    const FILE: &str = "erasures.ndjson";
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (line, bytes) in bundle.lines(FILE) {
        let raw: Raw = parse_line(FILE, line, bytes)?;
        let at = |m: String| {
            BundleError::new(format!(
                "{FILE} line {line}: {m}; ask head office for a corrected bundle"
            ))
        };
        let requested_at: Date = raw.requested_at.trim().parse().map_err(|_| {
            at(format!(
                "requested_at \"{}\" is not a date written as 2026-11-20",
                printable(&raw.requested_at)
            ))
        })?;
        let e = ErasureIn {
            request_id: raw.request_id,
            requested_at,
            lead_ids: raw.lead_ids,
            email: raw.email,
            phone: raw.phone,
        };
        if e.request_id.trim().is_empty() || e.request_id.chars().count() > 200 {
            return Err(at(
                "the request_id is empty or longer than 200 characters".into()
            ));
        }
        if e.lead_ids.iter().all(|l| l.trim().is_empty())
            && e.email.trim().is_empty()
            && e.phone.trim().is_empty()
        {
            return Err(at(
                "the request names no lead_ids, email or phone to find the person by".into(),
            ));
        }
        if e.lead_ids.len() > 1_000
            || std::iter::once(&e.email)
                .chain(std::iter::once(&e.phone))
                .chain(&e.lead_ids)
                .any(|t| t.chars().count() > MAX_FIELD_CHARS)
        {
            return Err(at(format!(
                "a field is longer than {MAX_FIELD_CHARS} characters, or there are more than 1000 lead_ids"
            )));
        }
        if !ids.insert(e.request_id.clone()) {
            return Err(at(format!(
                "request_id \"{}\" occurs twice in the bundle",
                printable(&e.request_id)
            )));
        }
        out.push(ErasureIn {
            request_id: printable(&e.request_id),
            ..e
        });
    }
    Ok(out)
}
