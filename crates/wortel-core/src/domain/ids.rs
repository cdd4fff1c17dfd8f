//! Record ids: ULIDs, so that ids sort by creation time and a store's key order is its history.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ulid::Ulid;

/// Declares a typed id so an account id can never be passed where a lead id is expected.
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Ulid);

        impl $name {
            /// A fresh id for a record created at `at`, so that ids sort by creation time even
            /// when the clock is injected (tests, demo data).
            pub fn new_at(at: jiff::Timestamp, rng: &mut impl rand::RngCore) -> Self {
                let ms = u64::try_from(at.as_millisecond()).unwrap_or(0);
                let random = (u128::from(rng.next_u64()) << 64 | u128::from(rng.next_u64()))
                    & ((1u128 << 80) - 1);
                Self(Ulid::from_parts(ms, random))
            }

            /// A fresh id for a record created at `at`, from the thread's random generator.
            pub fn generate(at: jiff::Timestamp) -> Self {
                Self::new_at(at, &mut rand::thread_rng())
            }

            /// The 16 bytes used as the record's key in the store (big-endian, so key order is
            /// creation order).
            pub fn to_bytes(self) -> [u8; 16] {
                self.0.to_bytes()
            }

            /// Reads an id back from its 16 key bytes.
            pub fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(Ulid::from_bytes(bytes))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl FromStr for $name {
            type Err = crate::domain::DomainError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ulid::from_string(s.trim()).map(Self).map_err(|_| {
                    crate::domain::DomainError::Invalid(format!(
                        "`{s}` is not a valid {} id; ids are 26 characters such as 01JD2X7V9Q8W3M4N5P6R7S8T9V",
                        $what
                    ))
                })
            }
        }
    };
}

typed_id!(
    /// Identifies an account (a company or a person the dealer sells to).
    AccountId,
    "account"
);
typed_id!(
    /// Identifies a contact person at an account.
    ContactId,
    "contact"
);
typed_id!(
    /// Identifies a lead inside this store (head office's own id is kept as `Lead::external_id`).
    LeadId,
    "lead"
);
typed_id!(
    /// Identifies an opportunity on the funnel board.
    OpportunityId,
    "opportunity"
);
typed_id!(
    /// Identifies a logged activity (visit, call, ...).
    ActivityId,
    "activity"
);
typed_id!(
    /// Identifies an appointment on the calendar.
    AppointmentId,
    "appointment"
);
typed_id!(
    /// Identifies an NPS response.
    NpsId,
    "NPS response"
);
