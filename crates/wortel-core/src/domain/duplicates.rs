//! When two accounts are likely the same company: the same chamber-of-commerce number, or the
//! same name (legal form, case, accents, punctuation and word order aside) at the same postcode.

use super::account::Account;
use super::text::{normalise_kvk, normalise_name};

/// The keys under which likely duplicates collide; two accounts sharing any key are flagged.
pub fn duplicate_keys(account: &Account) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(kvk) = account.kvk.as_deref().and_then(|k| normalise_kvk(k).ok()) {
        keys.push(format!("kvk:{kvk}"));
    }
    let postcode = super::text::postcode_key(&account.address.postcode);
    if !postcode.is_empty() {
        let mut words: Vec<String> = normalise_name(&account.name)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        words.sort();
        if !words.is_empty() {
            keys.push(format!("name:{postcode}:{}", words.join(" ")));
        }
    }
    keys
}

/// Whether two accounts are likely the same.
pub fn likely_duplicates(a: &Account, b: &Account) -> bool {
    a.id != b.id && {
        let kb = duplicate_keys(b);
        duplicate_keys(a).iter().any(|k| kb.contains(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountId, Lifecycle};
    use jiff::Timestamp;

    fn account(name: &str, kvk: Option<&str>, postcode: &str) -> Account {
        let now = Timestamp::UNIX_EPOCH;
        let mut a = Account::new(AccountId::generate(now), name, Lifecycle::Prospect, now);
        a.kvk = kvk.map(str::to_string);
        a.address.postcode = postcode.into();
        a
    }

    #[test]
    fn same_kvk_or_same_name_at_the_same_postcode() {
        let a = account("Transport Jansen B.V.", Some("12345678"), "3542 AD");
        assert!(likely_duplicates(
            &a,
            &account("Jansen Transport", None, "3542ad")
        ));
        assert!(likely_duplicates(
            &a,
            &account("Something Else", Some("1234 5678"), "")
        ));
        assert!(!likely_duplicates(
            &a,
            &account("Transport Jansen", None, "1011 AB")
        ));
        assert!(!likely_duplicates(
            &a,
            &account("Transport Janssen", None, "3542 AD")
        ));
        assert!(
            !likely_duplicates(&a, &a),
            "an account is not its own duplicate"
        );
    }
}
