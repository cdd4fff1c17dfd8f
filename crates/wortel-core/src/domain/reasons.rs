//! The configurable lists of reject and lost reasons (PRODUCT.md §3).

use super::error::{DomainError, invalid};
use serde::{Deserialize, Serialize};

/// The reason lists a store uses; kept in the store's meta so every front end offers the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reasons {
    pub reject: Vec<String>,
    pub lost: Vec<String>,
}

impl Default for Reasons {
    fn default() -> Self {
        let list = |xs: &[&str]| xs.iter().map(|s| (*s).to_string()).collect();
        Reasons {
            reject: list(&[
                "duplicate",
                "unreachable",
                "no interest",
                "bad data",
                "out of area",
                "competitor's customer",
                "other",
            ]),
            lost: list(&[
                "price",
                "delivery time",
                "competitor product",
                "no budget",
                "no decision",
                "product fit",
                "other",
            ]),
        }
    }
}

impl Reasons {
    /// Checks a reject reason against the list.
    pub fn check_reject(&self, reason: &str) -> Result<String, DomainError> {
        pick("reject reason", &self.reject, reason)
    }

    /// Checks a lost reason against the list.
    pub fn check_lost(&self, reason: &str) -> Result<String, DomainError> {
        pick("lost reason", &self.lost, reason)
    }
}

fn pick(what: &str, list: &[String], reason: &str) -> Result<String, DomainError> {
    let r = reason.trim();
    list.iter()
        .find(|x| x.eq_ignore_ascii_case(r))
        .cloned()
        .ok_or_else(|| {
            invalid(format!(
                "{what} `{r}` is not in the list; use one of: {}",
                list.join(", ")
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_come_from_the_configured_lists() {
        let r = Reasons::default();
        assert_eq!(r.check_reject("Duplicate").unwrap(), "duplicate");
        assert_eq!(r.check_lost("price").unwrap(), "price");
        let err = r.check_lost("weather").unwrap_err().to_string();
        assert!(err.starts_with(
            "lost reason `weather` is not in the list; use one of: price, delivery time"
        ));
    }
}
