//! Accounts: the companies and people a dealer sells to, with their lifecycle and installed base.

use super::error::{DomainError, invalid, invalid_field};
use super::ids::AccountId;
use super::text::{MAX_FIELD_LEN, max_len, normalise_kvk, required};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where an account stands in the customer relationship cycle (seed: klantrelatiecyclus).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Lifecycle {
    Prospect,
    Customer,
    ExCustomer,
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 3] = [
        Lifecycle::Prospect,
        Lifecycle::Customer,
        Lifecycle::ExCustomer,
    ];

    /// The name used in files, the CLI and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Prospect => "prospect",
            Lifecycle::Customer => "customer",
            Lifecycle::ExCustomer => "ex-customer",
        }
    }

    /// Parses the names `as_str` gives.
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim())
            .ok_or_else(|| {
                invalid(format!(
                    "lifecycle `{s}` is unknown; use prospect, customer or ex-customer"
                ))
            })
    }
}

impl fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A company (has a KvK number) or a private person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum AccountKind {
    #[default]
    Company,
    Person,
}

/// Who brought the account in: head office (a lead) or the dealer itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    HeadOffice,
    #[default]
    Dealer,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::HeadOffice => "head-office",
            Origin::Dealer => "dealer",
        }
    }
}

/// A postal address as Dutch dealers record it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
}

/// A product the account owns: the basis of replacement leads ("an existing customer is a future lead").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledProduct {
    pub product: String,
    pub purchased_on: Date,
    /// When the product is expected to be replaced.
    #[serde(default)]
    pub replace_by: Option<Date>,
}

impl InstalledProduct {
    /// Due when the expected replacement falls before `horizon` (e.g. today + six months).
    pub fn replacement_due(&self, horizon: Date) -> bool {
        self.replace_by.is_some_and(|d| d <= horizon)
    }
}

/// An account record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: AccountId,
    pub name: String,
    #[serde(default)]
    pub kind: AccountKind,
    #[serde(default)]
    pub kvk: Option<String>,
    #[serde(default)]
    pub address: Address,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub segment: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub origin: Origin,
    pub lifecycle: Lifecycle,
    #[serde(default)]
    pub installed_base: Vec<InstalledProduct>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// When a person last logged an activity with this account; an account with any contact
    /// history is a known prospect (tier 2).
    #[serde(default)]
    pub last_activity_at: Option<Timestamp>,
}

impl Account {
    /// A new account with only the required fields; the rest are filled in by the caller.
    pub fn new(id: AccountId, name: &str, lifecycle: Lifecycle, now: Timestamp) -> Self {
        Account {
            id,
            name: name.trim().to_string(),
            kind: AccountKind::Company,
            kvk: None,
            address: Address::default(),
            phone: String::new(),
            email: String::new(),
            segment: String::new(),
            owner: String::new(),
            tags: Vec::new(),
            origin: Origin::Dealer,
            lifecycle,
            installed_base: Vec::new(),
            created_at: now,
            updated_at: now,
            last_activity_at: None,
        }
    }

    /// Checks the fields a user or a file can get wrong; the message names the field.
    pub fn validate(&self) -> Result<(), DomainError> {
        required("account name", &self.name)?;
        if let Some(kvk) = &self.kvk {
            normalise_kvk(kvk)?;
        }
        for (field, value) in [
            ("street", &self.address.street),
            ("postcode", &self.address.postcode),
            ("city", &self.address.city),
            ("country", &self.address.country),
            ("phone", &self.phone),
            ("email", &self.email),
            ("segment", &self.segment),
            ("owner", &self.owner),
        ] {
            max_len(field, value, MAX_FIELD_LEN)?;
        }
        if !self.email.is_empty() && !self.email.contains('@') {
            return Err(invalid_field(
                "email",
                format!(
                    "email `{}` has no @; give an address such as info@example.nl",
                    self.email
                ),
            ));
        }
        for p in &self.installed_base {
            required("installed product", &p.product)?;
            if let Some(r) = p.replace_by {
                if r < p.purchased_on {
                    return Err(invalid(format!(
                        "replacement date {r} of {} is before its purchase date {}; give a later date",
                        p.product, p.purchased_on
                    )));
                }
            }
        }
        Ok(())
    }

    /// Winning an order makes a prospect or ex-customer a customer.
    pub fn won_order(&mut self, now: Timestamp) {
        if self.lifecycle != Lifecycle::Customer {
            self.lifecycle = Lifecycle::Customer;
            self.updated_at = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn account() -> Account {
        let now: Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        Account::new(
            AccountId::new_at(now, &mut rng),
            "Transport Jansen B.V.",
            Lifecycle::Prospect,
            now,
        )
    }

    #[test]
    fn an_account_needs_a_name() {
        let mut a = account();
        a.name = " ".into();
        assert_eq!(
            a.validate().unwrap_err().to_string(),
            "account name is required; give a non-empty account name"
        );
    }

    #[test]
    fn a_bad_kvk_or_email_is_refused() {
        let mut a = account();
        a.kvk = Some("123".into());
        assert!(
            a.validate()
                .unwrap_err()
                .to_string()
                .contains("not eight digits")
        );
        a.kvk = Some("12345678".into());
        a.email = "info.jansen.nl".into();
        assert!(a.validate().unwrap_err().to_string().contains("has no @"));
    }

    #[test]
    fn replacement_before_purchase_is_refused_and_due_dates_are_found() {
        let mut a = account();
        let p = InstalledProduct {
            product: "R 450".into(),
            purchased_on: "2020-01-01".parse().unwrap(),
            replace_by: Some("2019-01-01".parse().unwrap()),
        };
        a.installed_base.push(p.clone());
        assert!(a.validate().is_err());
        let ok = InstalledProduct {
            replace_by: Some("2027-03-01".parse().unwrap()),
            ..p
        };
        assert!(ok.replacement_due("2027-05-01".parse().unwrap()));
        assert!(!ok.replacement_due("2027-01-01".parse().unwrap()));
    }

    #[test]
    fn winning_an_order_makes_a_customer() {
        let mut a = account();
        a.won_order(Timestamp::UNIX_EPOCH);
        assert_eq!(a.lifecycle, Lifecycle::Customer);
    }
}
