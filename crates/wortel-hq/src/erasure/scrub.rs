//! What identifies a person in head office's records, and the rewrite of a record without it:
//! a lead's contact object goes, notes that mention the person are emptied, any other text that
//! names them becomes `[erased]`. Counts, values, dates and ids are left as they are.

use serde_json::Value;
use std::collections::BTreeSet;

/// Replaces text that named an erased person.
pub const ERASED: &str = "[erased]";

/// A person as a lead names them: its contact, or an account that is a person.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub phone: String,
}

impl Person {
    fn from_object(o: &Value) -> Option<Person> {
        let text = |k: &str| {
            o.get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let p = Person {
            name: text("name"),
            email: text("email"),
            phone: text("phone"),
        };
        (!p.name.is_empty() || !p.email.is_empty() || !p.phone.is_empty()).then_some(p)
    }

    /// The people a lead record names: its contact, and its account when that is a person.
    pub fn of_lead(record: &Value) -> Vec<Person> {
        let mut out: Vec<Person> = record
            .get("contact")
            .and_then(Person::from_object)
            .into_iter()
            .collect();
        let account = record.get("account");
        if account.and_then(|a| a.get("kind")).and_then(Value::as_str) == Some("person") {
            out.extend(account.and_then(Person::from_object));
        }
        out
    }

    pub fn email_key(&self) -> Option<String> {
        Some(self.email.to_lowercase()).filter(|e| e.contains('@'))
    }

    pub fn phone_key(&self) -> Option<String> {
        phone_key(&self.phone)
    }

    pub fn name_key(&self) -> Option<String> {
        Some(self.name.to_lowercase()).filter(|n| n.chars().count() >= 3)
    }

    /// Whether `query` (a name, e-mail address or phone number) names this person.
    pub fn answers_to(&self, query: &str) -> bool {
        let q = Person {
            name: query.trim().into(),
            email: query.trim().into(),
            phone: query.trim().into(),
        };
        (self.name_key().is_some() && self.name_key() == q.name_key())
            || (self.email_key().is_some() && self.email_key() == q.email_key())
            || (self.phone_key().is_some() && self.phone_key() == q.phone_key())
    }
}

/// A phone number's digits with `+31`/`0031` written as `0`; `None` for fewer than eight digits (so a short number never matches a KvK or a date).
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = if phone.trim_start().starts_with('+') && digits.starts_with("31") {
        format!("0{}", &digits[2..])
    } else if let Some(rest) = digits.strip_prefix("0031") {
        format!("0{rest}")
    } else {
        digits
    };
    Some(national).filter(|d| d.len() >= 8)
}

/// Everything that identifies the people being erased, as it is searched for in text.
#[derive(Debug, Default)]
pub struct Terms {
    /// Lower-case names, e-mail addresses and phone numbers as written.
    pub words: BTreeSet<String>,
    /// Phone numbers as [`phone_key`] writes them.
    pub phones: BTreeSet<String>,
    emails: BTreeSet<String>,
    names: BTreeSet<String>,
}

impl Terms {
    pub fn of(people: &[Person]) -> Terms {
        let mut t = Terms::default();
        for p in people {
            t.words.extend(p.name_key());
            t.words.extend(p.email_key());
            t.words
                .extend(Some(p.phone.to_lowercase()).filter(|_| p.phone_key().is_some()));
            t.phones.extend(p.phone_key());
            t.emails.extend(p.email_key());
            t.names.extend(p.name_key());
        }
        t
    }

    /// Whether `text` names one of the people.
    pub fn mentioned_in(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        if self.words.iter().any(|w| lower.contains(w.as_str())) {
            return true;
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        self.phones
            .iter()
            .any(|p| digits.contains(p.as_str()) || digits.contains(&format!("31{}", &p[1..])))
    }

    /// Whether a contact or person-account object is one of the people: the same e-mail
    /// address or phone number, or the same name where it has neither. A namesake with other
    /// details is someone else.
    fn is_person(&self, p: &Person) -> bool {
        match (p.email_key(), p.phone_key()) {
            (None, None) => p.name_key().is_some_and(|n| self.names.contains(&n)),
            (email, phone) => {
                email.is_some_and(|e| self.emails.contains(&e))
                    || phone.is_some_and(|t| self.phones.contains(&t))
            }
        }
    }
}

/// A contact, or an account that is a person, as a [`Person`].
fn person_object(key: &str, v: &Value) -> Option<Person> {
    let is_person = key == "contact"
        || (key == "account" && v.get("kind").and_then(Value::as_str) == Some("person"));
    if is_person {
        Person::from_object(v)
    } else {
        None
    }
}

/// Rewrites `v` without the people of `terms`; true when anything changed.
pub fn scrub(v: &mut Value, terms: &Terms) -> bool {
    match v {
        Value::Object(fields) => {
            let mut changed = false;
            for (key, field) in fields.iter_mut() {
                let person = person_object(key, field);
                if let Some(p) = person.as_ref().filter(|_| key == "contact") {
                    if terms.is_person(p) {
                        *field = Value::Null;
                        changed = true;
                    }
                } else if person.as_ref().is_some_and(|p| !terms.is_person(p)) {
                    // A namesake's own account: someone else, left as it is.
                } else if key == "notes" && field.as_str().is_some_and(|n| terms.mentioned_in(n)) {
                    *field = Value::String(String::new());
                    changed = true;
                } else {
                    changed |= scrub(field, terms);
                }
            }
            changed
        }
        Value::Array(items) => items.iter_mut().fold(false, |c, i| scrub(i, terms) | c),
        Value::String(s) if terms.mentioned_in(s) => {
            *s = ERASED.to_string();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ton() -> Person {
        Person {
            name: "Ton Jansen".into(),
            email: "Ton@Jansen.nl".into(),
            phone: "+31 6 1234 5678".into(),
        }
    }

    #[test]
    fn a_person_answers_to_name_email_or_phone_in_any_writing() {
        for q in [
            "ton jansen",
            "TON@jansen.nl",
            "06-12345678",
            "0031612345678",
        ] {
            assert!(ton().answers_to(q), "{q}");
        }
        assert!(!ton().answers_to("Jansen"));
        assert!(!ton().answers_to("0612"));
    }

    #[test]
    fn the_contact_and_notes_go_the_company_and_figures_stay() {
        let mut lead = json!({"id":"HQ-1","score":70,"account":{"name":"Jansen Transport B.V.","kvk":"12345678"},
            "contact":{"name":"Ton Jansen","email":"ton@jansen.nl"},"notes":"bel 06 1234 5678 na 5 uur",
            "signals":["asked Ton Jansen about a demo"]});
        assert!(scrub(&mut lead, &Terms::of(&[ton()])));
        assert_eq!(
            lead,
            json!({"id":"HQ-1","score":70,"account":{"name":"Jansen Transport B.V.","kvk":"12345678"},
                "contact":null,"notes":"","signals":["[erased]"]})
        );
        assert!(!scrub(&mut lead, &Terms::of(&[ton()])), "idempotent");
    }

    #[test]
    fn a_namesake_with_other_details_is_someone_else() {
        let mut lead = json!({"contact":{"name":"Ton Jansen","email":"ton@garage.nl"}});
        let before = lead.clone();
        assert!(!scrub(&mut lead, &Terms::of(&[ton()])));
        assert_eq!(lead, before);
        let mut unknown = json!({"contact":{"name":"ton jansen"}});
        assert!(
            scrub(&mut unknown, &Terms::of(&[ton()])),
            "known by name only: the same"
        );
    }

    #[test]
    fn an_account_that_is_the_person_is_named_erased() {
        let mut lead =
            json!({"account":{"name":"Ton Jansen","kind":"person","phone":"0612345678"}});
        assert_eq!(Person::of_lead(&lead).len(), 1);
        let terms = Terms::of(&Person::of_lead(&lead));
        scrub(&mut lead, &terms);
        assert_eq!(
            lead,
            json!({"account":{"name":"[erased]","kind":"person","phone":"[erased]"}})
        );
    }
}
