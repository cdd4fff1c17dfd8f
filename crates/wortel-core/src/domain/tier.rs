//! The priority tier: derived from what the store knows, never typed in (PRODUCT.md §3).

use super::account::Lifecycle;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Prio 1 existing customers, Prio 2 known prospects, Prio 3 unknown prospects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Tier {
    Customer = 1,
    KnownProspect = 2,
    UnknownProspect = 3,
}

impl Tier {
    /// The tier of a lead on an account.
    ///
    /// `account_known` is true when the account was in the store before the lead arrived or a
    /// person has logged contact with it: that is what makes a prospect "known".
    pub fn derive(lifecycle: Lifecycle, account_known: bool) -> Tier {
        match lifecycle {
            Lifecycle::Customer => Tier::Customer,
            Lifecycle::ExCustomer => Tier::KnownProspect,
            Lifecycle::Prospect if account_known => Tier::KnownProspect,
            Lifecycle::Prospect => Tier::UnknownProspect,
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }
}

impl TryFrom<u8> for Tier {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, String> {
        match v {
            1 => Ok(Tier::Customer),
            2 => Ok(Tier::KnownProspect),
            3 => Ok(Tier::UnknownProspect),
            _ => Err(format!("tier {v} does not exist; tiers are 1, 2 and 3")),
        }
    }
}

impl From<Tier> for u8 {
    fn from(t: Tier) -> u8 {
        t as u8
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customers_come_first_then_known_then_unknown_prospects() {
        assert_eq!(Tier::derive(Lifecycle::Customer, false), Tier::Customer);
        assert_eq!(Tier::derive(Lifecycle::Customer, true), Tier::Customer);
        assert_eq!(
            Tier::derive(Lifecycle::ExCustomer, false),
            Tier::KnownProspect
        );
        assert_eq!(Tier::derive(Lifecycle::Prospect, true), Tier::KnownProspect);
        assert_eq!(
            Tier::derive(Lifecycle::Prospect, false),
            Tier::UnknownProspect
        );
        assert!(Tier::Customer < Tier::KnownProspect);
    }

    #[test]
    fn tier_numbers_round_trip() {
        for t in [Tier::Customer, Tier::KnownProspect, Tier::UnknownProspect] {
            assert_eq!(Tier::try_from(t.number()).unwrap(), t);
        }
        assert!(Tier::try_from(4).is_err());
    }
}
