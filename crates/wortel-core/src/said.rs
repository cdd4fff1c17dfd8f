//! A sentence kept as its catalogue id and arguments until it is said, so one error or receipt
//! can be said in the reader's language wherever it ends up: the CLI says it in Dutch or
//! English, a log or a test that only has `Display` reads the English.
//!
//! `said!("import-already", file = name, bundle = id)` builds one; as an error it travels
//! through `anyhow` and `?` like any other, and the CLI finds it again by downcasting.

use crate::i18n::{Arg, message};
use crate::lang::Language;
use std::fmt;

/// One argument of a sentence: a text shown as it is, or a count that picks the plural and is
/// written in the language's notation (`7.118`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Count(i64),
}

/// A sentence by its catalogue id with its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    id: &'static str,
    args: Vec<(&'static str, Value)>,
}

impl Said {
    pub fn new(id: &'static str) -> Said {
        Said {
            id,
            args: Vec::new(),
        }
    }

    /// The sentence with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Value>) -> Said {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue id (for tests and for callers that tell sentences apart).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The sentence in `lang`.
    pub fn say(&self, lang: Language) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, v)| {
                let arg = match v {
                    Value::Text(s) => Arg::from(s.clone()),
                    Value::Count(n) => Arg::from(*n),
                };
                (*name, arg)
            })
            .collect();
        message(lang, self.id, &args)
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Language::En))
    }
}

impl std::error::Error for Said {}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<&&str> for Value {
    fn from(s: &&str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<std::path::Display<'_>> for Value {
    fn from(p: std::path::Display<'_>) -> Value {
        Value::Text(p.to_string())
    }
}

macro_rules! counts {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Value {
            fn from(n: &$t) -> Value {
                Value::from(*n)
            }
        }
    )*};
}
counts!(usize, u64, u32, u16, u8, i64, i32);

/// `said!("id", name = value, …)`: a [`Said`] with its arguments.
#[macro_export]
macro_rules! said {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::said::Said::new($id)$(.arg(stringify!($name), $value))*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_said_in_either_language_with_its_count() {
        let s = crate::said!("leads-count", count = 7118usize);
        assert_eq!(s.say(Language::Nl), "7.118 leads");
        assert_eq!(s.to_string(), "7,118 leads");
        assert_eq!(s.id(), "leads-count");
        let one = crate::said!("leads-count", count = 1u32);
        assert_eq!(one.say(Language::En), "1 lead");
    }
}
