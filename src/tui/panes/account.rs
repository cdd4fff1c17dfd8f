//! One account on one screen: what the salesperson checks before a visit. Loaded whole when
//! opened (an account has tens of records, not thousands) and re-read after every change.

use crate::domain::{
    Account, AccountId, Activity, Contact, Lead, LeadId, NpsResponse, Opportunity, OpportunityId,
};
use crate::ops::VisitTarget;
use crate::store::{Store, StoreError};
use crate::tui::list_state::ListState;

/// A row the salesperson can act on: an open lead or an open deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Deal(OpportunityId),
    Lead(LeadId),
}

/// An opened account and everything shown of it.
#[derive(Clone, Debug)]
pub struct AccountView {
    pub account: Account,
    pub contacts: Vec<Contact>,
    pub leads: Vec<Lead>,
    pub deals: Vec<Opportunity>,
    /// Newest first.
    pub activities: Vec<Activity>,
    pub nps: Vec<NpsResponse>,
    /// Open deals, then open leads without a deal: what `v` can log on; one is selected.
    pub items: ListState<Item>,
    /// The first timeline row on screen.
    pub timeline_offset: usize,
}

impl AccountView {
    /// Reads the account and what hangs off it; `None` when it no longer exists.
    pub fn load(store: &Store, id: AccountId) -> Result<Option<AccountView>, StoreError> {
        let Some(account) = store.account(id)? else {
            return Ok(None);
        };
        let leads = store.leads_of(id)?;
        let deals = store.opportunities_of(id)?;
        let mut items: Vec<Item> = deals
            .iter()
            .filter(|d| d.stage.is_open())
            .map(|d| Item::Deal(d.id))
            .collect();
        items.extend(
            leads
                .iter()
                .filter(|l| l.status.is_open() && l.opportunity_id.is_none())
                .map(|l| Item::Lead(l.id)),
        );
        let mut list = ListState::default();
        list.set_ids(items);
        Ok(Some(AccountView {
            contacts: store.contacts_of(id)?,
            activities: store.activities_of(id, usize::MAX)?,
            nps: store.nps_of(id)?,
            leads,
            deals,
            items: list,
            timeline_offset: 0,
            account,
        }))
    }

    /// Reads it again after a change, keeping the selection and scroll where they were.
    pub fn refresh(&mut self, store: &Store) -> Result<(), StoreError> {
        if let Some(mut fresh) = AccountView::load(store, self.account.id)? {
            fresh
                .items
                .keep(self.items.selected_id(), self.items.selected());
            fresh.timeline_offset = self.timeline_offset;
            *self = fresh;
        }
        Ok(())
    }

    /// What a visit logged here is about: the selected deal or lead, else the account.
    pub fn visit_target(&self) -> VisitTarget {
        match self.items.selected_id() {
            Some(Item::Deal(id)) => VisitTarget::Opportunity(id),
            Some(Item::Lead(id)) => VisitTarget::Lead(id),
            None => VisitTarget::Account(self.account.id),
        }
    }

    /// A short name for the target, for the visit form's title.
    pub fn target_label(&self) -> String {
        match self.items.selected_id() {
            Some(Item::Deal(id)) => self
                .deals
                .iter()
                .find(|d| d.id == id)
                .map(|d| format!("deal \"{}\"", d.title))
                .unwrap_or_default(),
            Some(Item::Lead(id)) => self
                .leads
                .iter()
                .find(|l| l.id == id)
                .map(|l| {
                    format!(
                        "lead {}",
                        l.external_id.clone().unwrap_or_else(|| l.interest.clone())
                    )
                })
                .unwrap_or_default(),
            None => "the account".to_string(),
        }
    }
}
