//! The inbox's filters (status, tier, channel, overdue) and the store order they read.

use crate::domain::{Channel, LeadStatus, Tier};
use crate::store::LeadOrder;

/// The inbox filters; all off shows the open leads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxFilters {
    pub status: Option<LeadStatus>,
    pub tier: Option<Tier>,
    pub channel: Option<Channel>,
    pub overdue_only: bool,
}

impl InboxFilters {
    /// "status new · tier 1 · overdue", or empty when no filter is on.
    pub fn describe(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status {s}"));
        }
        if let Some(t) = self.tier {
            parts.push(format!("tier {}", t.number()));
        }
        if let Some(c) = self.channel {
            parts.push(format!("channel {}", c.as_str()));
        }
        if self.overdue_only {
            parts.push("overdue".to_string());
        }
        parts
    }

    pub(super) fn order(&self) -> LeadOrder {
        let mut order = match self.status {
            Some(s) => LeadOrder {
                statuses: vec![s],
                tiers: vec![],
            },
            None => LeadOrder::inbox(),
        };
        if let Some(t) = self.tier {
            order.tiers = vec![t];
        }
        order
    }
}
