//! Contacts (people at an account) and their consent per purpose (AVG/GDPR).

use super::error::{DomainError, invalid, invalid_field};
use super::ids::{AccountId, ContactId};
use super::text::{MAX_FIELD_LEN, max_len, required};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a person agreed to be contacted for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentPurpose {
    SalesContact,
    Marketing,
}

impl ConsentPurpose {
    pub const ALL: [ConsentPurpose; 2] = [ConsentPurpose::SalesContact, ConsentPurpose::Marketing];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsentPurpose::SalesContact => "sales-contact",
            ConsentPurpose::Marketing => "marketing",
        }
    }
}

impl fmt::Display for ConsentPurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One consent record: given (and possibly withdrawn) for one purpose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub purpose: ConsentPurpose,
    pub given_at: Date,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub expires: Option<Date>,
    #[serde(default)]
    pub withdrawn_at: Option<Date>,
}

impl Consent {
    /// Consent counts only between being given and being withdrawn or expiring.
    pub fn is_valid_on(&self, day: Date) -> bool {
        self.given_at <= day
            && self.withdrawn_at.is_none_or(|w| day < w)
            && self.expires.is_none_or(|e| day <= e)
    }
}

/// A person at an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub account_id: AccountId,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub consent: Vec<Consent>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Contact {
    /// An owner-driver (a person-kind account) seen as the contact they are, so that privacy
    /// rules — erasure above all — treat the person the same whichever way they are stored.
    pub fn standing_in_for(account: &super::account::Account, id: ContactId) -> Contact {
        Contact {
            id,
            account_id: account.id,
            name: account.name.clone(),
            role: String::new(),
            phone: account.phone.clone(),
            email: account.email.clone(),
            consent: Vec::new(),
            created_at: account.created_at,
            updated_at: account.updated_at,
        }
    }

    /// Whether the person may be approached for `purpose` on `day`.
    pub fn has_consent(&self, purpose: ConsentPurpose, day: Date) -> bool {
        self.consent
            .iter()
            .any(|c| c.purpose == purpose && c.is_valid_on(day))
    }

    /// Checks the fields a user or a file can get wrong.
    pub fn validate(&self) -> Result<(), DomainError> {
        required("contact name", &self.name)?;
        for (field, value) in [
            ("role", &self.role),
            ("phone", &self.phone),
            ("email", &self.email),
        ] {
            max_len(field, value, MAX_FIELD_LEN)?;
        }
        if !self.email.is_empty() && !self.email.contains('@') {
            return Err(invalid_field(
                "email",
                format!(
                    "contact email `{}` has no @; give an address such as ton@example.nl",
                    self.email
                ),
            ));
        }
        for c in &self.consent {
            if let Some(w) = c.withdrawn_at {
                if w < c.given_at {
                    return Err(invalid(format!(
                        "{} consent is withdrawn ({w}) before it was given ({}); correct the dates",
                        c.purpose, c.given_at
                    )));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn consent_counts_only_while_given_and_not_withdrawn_or_expired() {
        let c = Consent {
            purpose: ConsentPurpose::Marketing,
            given_at: d("2026-01-01"),
            source: "web form".into(),
            expires: Some(d("2026-12-31")),
            withdrawn_at: None,
        };
        assert!(!c.is_valid_on(d("2025-12-31")));
        assert!(c.is_valid_on(d("2026-06-01")));
        assert!(!c.is_valid_on(d("2027-01-01")));
        let w = Consent {
            withdrawn_at: Some(d("2026-03-01")),
            ..c
        };
        assert!(w.is_valid_on(d("2026-02-28")));
        assert!(!w.is_valid_on(d("2026-03-01")));
    }
}
