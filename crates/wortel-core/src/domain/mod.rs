//! The sales domain: records and the rules that govern them. Knows nothing of storage or screens.

pub mod account;
pub mod activity;
pub mod board;
pub mod contact;
pub mod date_input;
pub mod deal;
pub mod duplicates;
pub mod error;
pub mod funnel;
pub mod holidays;
pub mod ids;
pub mod labels;
pub mod lead;
pub mod money;
pub mod nps;
pub mod opportunity;
pub mod reasons;
pub mod text;
pub mod tier;
pub mod visit_plan;
mod visit_steps;

pub use account::{Account, AccountKind, Address, InstalledProduct, Lifecycle, Origin};
pub use activity::{Activity, ActivityKind, Appointment, Outcome};
pub use contact::{Consent, ConsentPurpose, Contact};
pub use date_input::{parse_date_input, parse_date_input_in};
pub use deal::{DealDetails, DealEdit, account_next_step, edit_deal, record_quote};
pub use error::DomainError;
pub use ids::{AccountId, ActivityId, AppointmentId, ContactId, LeadId, NpsId, OpportunityId};
pub use lead::{Channel, Lead, LeadStatus, LeadStep, Source};
pub use money::Cents;
pub use nps::{NpsResponse, net_promoter_score};
pub use opportunity::{Opportunity, Stage, weighted_forecast};
pub use reasons::{Reasons, matching_reasons};
pub use tier::Tier;
pub use visit_plan::{VisitClock, VisitInput, VisitPlan, VisitRecords, VisitTarget, plan_visit};
pub use visit_steps::new_deal_for;
