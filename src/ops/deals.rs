//! Deals for the funnel: every opportunity with where it came from, and moving one a stage back
//! or on. Winning and losing go through `log_visit` (so the timeline records them and the
//! account and lead follow), not through here.

use super::load_opportunity;
use crate::domain::board::{Deal, DealSource};
use crate::domain::*;
use crate::store::{Receipt, Store, StoreError, WriteSet};
use jiff::Timestamp;
use std::collections::HashMap;

/// Every opportunity, with its source: a deal from a lead head office handed over, or the
/// dealer's own.
pub fn load_deals(store: &Store) -> Result<Vec<Deal>, StoreError> {
    let mut deals = Vec::new();
    let mut sources: HashMap<LeadId, DealSource> = HashMap::new();
    for stage in Stage::ALL {
        for o in store.opportunities_in(stage)? {
            let source = match o.lead_id {
                None => DealSource::Own,
                Some(id) => match sources.get(&id) {
                    Some(s) => *s,
                    None => {
                        let s = match store.lead(id)? {
                            Some(l) if l.external_id.is_some() => DealSource::HeadOffice,
                            _ => DealSource::Own,
                        };
                        sources.insert(id, s);
                        s
                    }
                },
            };
            deals.push(Deal {
                opportunity: o,
                source,
            });
        }
    }
    Ok(deals)
}

/// Moves an open deal one stage back (`-1`) or on (`+1`) among the open stages; the change
/// log records the move and the time it entered the new stage.
pub fn step_deal(
    store: &Store,
    id: OpportunityId,
    by: i32,
    now: Timestamp,
) -> Result<(Opportunity, Receipt), StoreError> {
    let mut o = load_opportunity(store, id)?;
    let to = match by {
        b if b < 0 => o.stage.previous(),
        _ => o.stage.next().filter(|s| s.is_open()),
    };
    let to = to.ok_or_else(|| {
        let why = match (o.stage, by < 0) {
            (Stage::Won | Stage::Lost, _) => {
                format!(
                    "\"{}\" is {}; a closed deal does not move",
                    o.title, o.stage
                )
            }
            (_, true) => format!("\"{}\" is in the first stage already", o.title),
            (_, false) => format!(
                "\"{}\" is in the last open stage; mark it won or lost instead",
                o.title
            ),
        };
        crate::domain::error::invalid(why)
    })?;
    o.move_to(to, now)?;
    let mut ws = WriteSet::new();
    ws.put(o.clone());
    let receipt = store.commit(&ws, now)?;
    Ok((o, receipt))
}

/// What a deal edit changed, for the confirmation and undo.
#[derive(Debug)]
pub struct DealEdited {
    pub deal: Opportunity,
    /// One line per field, e.g. "value no value → € 95.000,00".
    pub changes: Vec<String>,
    pub receipt: Receipt,
}

/// Edits an open deal's title, product, quantity, value, dates or note in one logged write
/// (reported in the next feedback bundle, undone by its receipt).
pub fn edit_deal(
    store: &Store,
    id: OpportunityId,
    edit: &DealEdit,
    now: Timestamp,
) -> Result<DealEdited, StoreError> {
    let mut deal = load_opportunity(store, id)?;
    let changes = crate::domain::edit_deal(&mut deal, edit, now)?;
    let mut ws = WriteSet::new();
    ws.put(deal.clone());
    let receipt = store.commit(&ws, now)?;
    Ok(DealEdited {
        deal,
        changes,
        receipt,
    })
}

/// Records the value (and validity) of a quote sent for an open deal, without logging a
/// visit: the deal's value becomes the quoted one.
pub fn record_quote(
    store: &Store,
    id: OpportunityId,
    value: Cents,
    valid_until: Option<jiff::civil::Date>,
    now: Timestamp,
    tz: &jiff::tz::TimeZone,
) -> Result<(Opportunity, Receipt), StoreError> {
    let mut deal = load_opportunity(store, id)?;
    if !deal.stage.is_open() {
        return Err(crate::domain::error::invalid(format!(
            "deal \"{}\" is {}, so it takes no quote; start a new deal for new business",
            deal.title, deal.stage
        ))
        .into());
    }
    let today = now.to_zoned(tz.clone()).date();
    crate::domain::record_quote(&mut deal, value, valid_until, today, now)?;
    let mut ws = WriteSet::new();
    ws.put(deal.clone());
    let receipt = store.commit(&ws, now)?;
    Ok((deal, receipt))
}
