//! The errors the sales rules raise: each message says what is wrong and what to do instead.

use super::lead::LeadStatus;
use super::opportunity::Stage;

/// A rule of the domain was broken; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// A value a user or a file supplied is out of range or malformed.
    #[error("{0}")]
    Invalid(String),
    /// One field's value is out of range or malformed; `field` names it as the record does
    /// ("account name", "email"), so a form can put the cursor there without reading the text.
    #[error("{message}")]
    InvalidField { field: String, message: String },
    /// The lead's status machine does not allow this step.
    #[error("a lead that is {from} cannot become {to}; {hint}")]
    IllegalLeadTransition {
        from: LeadStatus,
        to: LeadStatus,
        hint: &'static str,
    },
    /// The funnel does not allow this stage move.
    #[error("an opportunity in stage {from} cannot move to {to}; {hint}")]
    IllegalStageMove {
        from: Stage,
        to: Stage,
        hint: &'static str,
    },
}

/// Shorthand for a validation failure with a ready-made sentence.
pub fn invalid(msg: impl Into<String>) -> DomainError {
    DomainError::Invalid(msg.into())
}

/// A validation failure of one field, with a ready-made sentence.
pub fn invalid_field(field: impl Into<String>, msg: impl Into<String>) -> DomainError {
    DomainError::InvalidField {
        field: field.into(),
        message: msg.into(),
    }
}

impl DomainError {
    /// The field the error is about, when it is about one.
    pub fn field(&self) -> Option<&str> {
        match self {
            DomainError::InvalidField { field, .. } => Some(field),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_error_names_its_field_and_says_only_its_sentence() {
        let e = invalid_field(
            "email",
            "email `x` has no @; give an address such as info@example.nl",
        );
        assert_eq!(e.field(), Some("email"));
        assert_eq!(
            e.to_string(),
            "email `x` has no @; give an address such as info@example.nl"
        );
        assert_eq!(invalid("no field").field(), None);
    }
}
