//! The errors the sales rules raise: each message says what is wrong and what to do instead.

use super::lead::LeadStatus;
use super::opportunity::Stage;

/// A rule of the domain was broken; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// A value a user or a file supplied is out of range or malformed.
    #[error("{0}")]
    Invalid(String),
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
