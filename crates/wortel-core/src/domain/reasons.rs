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

/// The reasons of `list` (by index, in list order) whose name in either language holds what was
/// typed, so a Dutch salesperson finds "competitor's customer" by typing "concur" (klant van
/// concurrent) and an English one by typing "compet".
pub fn matching_reasons(list: &[String], typed: &str) -> Vec<usize> {
    let q = typed.trim().to_lowercase();
    (0..list.len())
        .filter(|&i| q.is_empty() || names(&list[i]).any(|n| n.to_lowercase().contains(&q)))
        .collect()
}

/// A reason's machine name and its label in every language.
fn names(reason: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(reason.to_string()).chain(
        crate::lang::Language::ALL
            .into_iter()
            .map(move |l| super::labels::reason_label(reason, l)),
    )
}

/// The listed reason `reason` names, exactly (any case) in either language; the machine name
/// comes back, as records keep it.
fn pick(what: &str, list: &[String], reason: &str) -> Result<String, DomainError> {
    let r = reason.trim();
    list.iter()
        .find(|x| names(x).any(|n| n.eq_ignore_ascii_case(r)))
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
    fn typed_text_finds_reasons_in_either_language() {
        let r = Reasons::default();
        let names = |list: &[String], q: &str| -> Vec<String> {
            matching_reasons(list, q)
                .into_iter()
                .map(|i| list[i].clone())
                .collect()
        };
        assert_eq!(names(&r.reject, "concur"), ["competitor's customer"]);
        assert_eq!(names(&r.reject, "compet"), ["competitor's customer"]);
        assert_eq!(names(&r.lost, "concur"), ["competitor product"]);
        assert_eq!(names(&r.lost, "PRIJS"), ["price"]);
        assert_eq!(names(&r.lost, "").len(), r.lost.len());
        assert!(names(&r.lost, "weer").is_empty());
    }

    #[test]
    fn reasons_come_from_the_configured_lists() {
        let r = Reasons::default();
        assert_eq!(r.check_reject("Duplicate").unwrap(), "duplicate");
        assert_eq!(r.check_lost("price").unwrap(), "price");
        assert_eq!(r.check_lost("Levertijd").unwrap(), "delivery time");
        assert_eq!(
            r.check_reject("klant van concurrent").unwrap(),
            "competitor's customer"
        );
        let err = r.check_lost("weather").unwrap_err().to_string();
        assert!(err.starts_with(
            "lost reason `weather` is not in the list; use one of: price, delivery time"
        ));
    }
}
