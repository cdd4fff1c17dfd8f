//! What a picker's item stands for, resolved by the picker itself: the handler gets the reason,
//! the status, the contact — never an index to map back by re-reading the lists it came from.

use super::Pick;
use crate::domain::board::DealSource;
use crate::domain::{AccountId, Channel, ContactId, LeadId, LeadStatus, OpportunityId, Tier};

/// The item picked, typed by what it was picked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Chosen {
    RejectReason(Vec<LeadId>, String),
    Status(Option<LeadStatus>),
    Tier(Option<Tier>),
    Channel(Option<Channel>),
    /// A contact to edit (`None`: a new one).
    Contact(AccountId, Option<ContactId>),
    /// Who gave an NPS answer (`None`: the account).
    NpsContact(AccountId, Option<ContactId>),
    /// A product of the installed base, by its place there (as the follow-up write takes it).
    Product(AccountId, usize),
    /// Merge the second account into the first.
    MergeFrom(AccountId, AccountId),
    LostReason(OpportunityId, String),
    Owner(Option<String>),
    Source(Option<DealSource>),
    CloseMonth(Option<(i16, i8)>),
    /// Copy this text; the second part says what it is ("phone of Ton de Vries").
    Copy(String, String),
}

impl Pick {
    /// The item at `i` of the picker's full list; `None` past its end.
    pub fn chosen(&self, i: usize) -> Option<Chosen> {
        Some(match self {
            Pick::RejectReason(ids, reasons) => {
                Chosen::RejectReason(ids.clone(), reasons.get(i)?.clone())
            }
            Pick::Status(o) => Chosen::Status(*o.get(i)?),
            Pick::Tier(o) => Chosen::Tier(*o.get(i)?),
            Pick::Channel(o) => Chosen::Channel(*o.get(i)?),
            Pick::Contact(account, o) => Chosen::Contact(*account, *o.get(i)?),
            Pick::NpsContact(account, o) => Chosen::NpsContact(*account, *o.get(i)?),
            Pick::Product(account) => Chosen::Product(*account, i),
            Pick::MergeFrom(survivor, o) => Chosen::MergeFrom(*survivor, *o.get(i)?),
            Pick::LostReason(id, reasons) => Chosen::LostReason(*id, reasons.get(i)?.clone()),
            Pick::Owner(o) => Chosen::Owner(o.get(i)?.clone()),
            Pick::Source(o) => Chosen::Source(*o.get(i)?),
            Pick::CloseMonth(o) => Chosen::CloseMonth(*o.get(i)?),
            Pick::Copy(o) => {
                let (text, what) = o.get(i)?.clone();
                Chosen::Copy(text, what)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picker_item_is_what_it_stands_for_and_nothing_past_the_end() {
        let reasons = vec!["duplicate".to_string(), "no budget".to_string()];
        let pick = Pick::RejectReason(vec![], reasons);
        assert_eq!(
            pick.chosen(1),
            Some(Chosen::RejectReason(vec![], "no budget".into()))
        );
        assert_eq!(pick.chosen(2), None);
        let tiers = Pick::Tier(vec![Some(Tier::Customer), None]);
        assert_eq!(tiers.chosen(1), Some(Chosen::Tier(None)));
    }
}
