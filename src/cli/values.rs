//! The values an enumerated option takes, told to clap so help and shell completions offer
//! them, while parsing stays with the domain (which gives the one-sentence error and accepts
//! what it always accepted).

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use wortel::domain::{ActivityKind, Channel, LeadStatus, Lifecycle, Outcome};

/// A string option whose values are listed for completion, checked later by the domain.
#[derive(Clone)]
pub struct Offered(fn() -> Vec<&'static str>);

impl TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(PossibleValue::new)))
    }
}

pub fn lead_statuses() -> Offered {
    Offered(|| LeadStatus::ALL.iter().map(|s| s.as_str()).collect())
}

pub fn channels() -> Offered {
    Offered(|| Channel::ALL.iter().map(|c| c.as_str()).collect())
}

pub fn dialects() -> Offered {
    Offered(|| wortel_core::csv_dialect::Dialect::NAMES.to_vec())
}

pub fn lifecycles() -> Offered {
    Offered(|| Lifecycle::ALL.iter().map(|l| l.as_str()).collect())
}

pub fn outcomes() -> Offered {
    Offered(|| Outcome::ALL.iter().map(|o| o.as_str()).collect())
}

pub fn activity_kinds() -> Offered {
    Offered(|| ActivityKind::ALL.iter().map(|k| k.as_str()).collect())
}
