//! The funnel board's state: every deal (read once, then kept up to date from each commit's
//! receipt), the period and filters, the columns in stage order, and a selection per column.

use crate::domain::Cents;
use crate::domain::board::{
    Deal, DealFilter, DealSource, Period, StaleDays, board_summary, on_board, won_per_week,
};
use crate::domain::funnel::FunnelSummary;
use crate::domain::{AccountId, OpportunityId, Stage};
use crate::ops::load_deals;
use crate::store::{EntityKind, Receipt, Store, StoreError};
use crate::tui::list_window::window_start;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::HashMap;

/// The board: deals, what selects them, and where the cursor is.
#[derive(Default)]
pub struct FunnelPane {
    pub loaded: bool,
    deals: Vec<Deal>,
    /// Set to the current quarter the first time the board is shown.
    pub period: Option<Period>,
    pub filter: DealFilter,
    pub stale: StaleDays,
    /// Per column (the stages in order), indexes into `deals`: highest value first.
    pub columns: Vec<Vec<usize>>,
    pub column: usize,
    pub selected: [usize; 6],
    pub offset: [usize; 6],
    pub summary: Option<FunnelSummary>,
    /// The value won per week of the period, for the header's sparkline.
    pub won_weeks: Vec<Cents>,
    /// The day the period's undated deals count on (see `board::forecast_day`).
    today: Option<Date>,
    names: HashMap<AccountId, String>,
}

impl FunnelPane {
    /// Reads every deal the first time the board is shown.
    pub fn ensure_loaded(
        &mut self,
        store: &Store,
        today: Date,
        tz: &TimeZone,
    ) -> Result<(), StoreError> {
        if self.period.is_none() {
            self.period = Some(Period::quarter_of(today));
        }
        if self.today != Some(today) {
            self.today = Some(today);
            self.arrange(tz);
        }
        if !self.loaded {
            self.deals = load_deals(store)?;
            self.loaded = true;
            self.arrange(tz);
        }
        Ok(())
    }

    /// Re-sorts the columns and totals after the period, a filter or a deal changed.
    pub fn arrange(&mut self, tz: &TimeZone) {
        let period = self.period.unwrap_or(Period::All);
        let Some(today) = self.today else {
            return;
        };
        let keep: Vec<Option<OpportunityId>> = (0..Stage::ALL.len())
            .map(|c| self.id_at(c, self.selected[c]))
            .collect();
        let mut columns: Vec<Vec<usize>> = vec![Vec::new(); Stage::ALL.len()];
        for (i, d) in self.deals.iter().enumerate() {
            if on_board(d, &self.filter, period, today, tz) {
                let c = Stage::ALL
                    .iter()
                    .position(|s| *s == d.opportunity.stage)
                    .unwrap_or(0);
                columns[c].push(i);
            }
        }
        for col in &mut columns {
            col.sort_by(|a, b| {
                let (x, y) = (&self.deals[*a].opportunity, &self.deals[*b].opportunity);
                y.value.cmp(&x.value).then(x.id.cmp(&y.id))
            });
        }
        self.columns = columns;
        for (c, kept) in keep.into_iter().enumerate() {
            self.selected[c] = kept
                .and_then(|id| self.position(c, id))
                .unwrap_or(self.selected[c].min(self.columns[c].len().saturating_sub(1)));
        }
        self.summary = Some(board_summary(&self.deals, &self.filter, period, today, tz));
        self.won_weeks = won_per_week(&self.deals, &self.filter, period, today, tz);
    }

    /// The deal in column `c` at row `i`.
    pub fn deal_at(&self, c: usize, i: usize) -> Option<&Deal> {
        self.columns.get(c)?.get(i).map(|d| &self.deals[*d])
    }

    fn id_at(&self, c: usize, i: usize) -> Option<OpportunityId> {
        self.deal_at(c, i).map(|d| d.opportunity.id)
    }

    fn position(&self, c: usize, id: OpportunityId) -> Option<usize> {
        self.columns
            .get(c)?
            .iter()
            .position(|d| self.deals[*d].opportunity.id == id)
    }

    /// The selected deal.
    pub fn selected_deal(&self) -> Option<&Deal> {
        self.deal_at(self.column, self.selected[self.column])
    }

    /// Puts the cursor on a deal, wherever it now is.
    pub fn select(&mut self, id: OpportunityId) {
        for c in 0..self.columns.len() {
            if let Some(i) = self.position(c, id) {
                self.column = c;
                self.selected[c] = i;
            }
        }
    }

    /// Takes in what a commit changed: deals re-read, added or removed; then re-arranges.
    pub fn apply_receipt(
        &mut self,
        store: &Store,
        receipt: &Receipt,
        tz: &TimeZone,
    ) -> Result<(), StoreError> {
        if !self.loaded {
            return Ok(());
        }
        let mut touched = false;
        for (kind, key, _) in &receipt.before {
            match kind {
                EntityKind::Opportunity => {
                    touched = true;
                    let id = OpportunityId::from_bytes(*key);
                    let fresh = store.opportunity(id)?;
                    let at = self.deals.iter().position(|d| d.opportunity.id == id);
                    match (fresh, at) {
                        (Some(o), Some(i)) => self.deals[i].opportunity = o,
                        (Some(o), None) => {
                            let source = match o.lead_id.map(|l| store.lead(l)) {
                                Some(Ok(Some(l))) if l.external_id.is_some() => {
                                    DealSource::HeadOffice
                                }
                                _ => DealSource::Own,
                            };
                            self.deals.push(Deal {
                                opportunity: o,
                                source,
                            });
                        }
                        (None, Some(i)) => {
                            self.deals.remove(i);
                        }
                        (None, None) => {}
                    }
                }
                // A merge or a rename changes the names on cards.
                EntityKind::Account => {
                    self.names.remove(&AccountId::from_bytes(*key));
                    touched = true;
                }
                _ => {}
            }
        }
        if touched {
            self.arrange(tz);
        }
        Ok(())
    }

    /// The account's name for a card, read once.
    pub fn name_of(&mut self, store: &Store, id: AccountId) -> String {
        self.names
            .entry(id)
            .or_insert_with(|| {
                store
                    .account(id)
                    .ok()
                    .flatten()
                    .map(|a| a.name)
                    .unwrap_or_default()
            })
            .clone()
    }

    /// The account's name for a card as read for the screen (empty when not read).
    pub fn cached_name(&self, id: AccountId) -> &str {
        self.names.get(&id).map_or("", String::as_str)
    }

    /// Keeps each column's selected card on screen, `rows` cards high.
    pub fn scroll_into_view(&mut self, c: usize, rows: usize) {
        let len = self.columns.get(c).map_or(0, Vec::len);
        self.offset[c] = window_start(self.selected[c], self.offset[c], len, rows);
    }

    /// Before a frame: scrolls column `c`'s selected card into a window `rows` cards high and
    /// reads the account names of the cards it shows.
    pub fn prepare_column(&mut self, store: &Store, c: usize, rows: usize) {
        self.scroll_into_view(c, rows);
        let offset = self.offset[c];
        let accounts: Vec<AccountId> = (offset..offset + rows)
            .filter_map(|i| self.deal_at(c, i).map(|d| d.opportunity.account_id))
            .collect();
        for id in accounts {
            self.name_of(store, id);
        }
    }

    /// The owners of the deals, for the owner filter.
    pub fn owners(&self) -> Vec<String> {
        let mut o: Vec<String> = self
            .deals
            .iter()
            .map(|d| d.opportunity.owner.clone())
            .filter(|o| !o.is_empty())
            .collect();
        o.sort();
        o.dedup();
        o
    }

    /// The months open deals are expected to close in, for the close-month filter.
    pub fn close_months(&self) -> Vec<(i16, i8)> {
        let mut m: Vec<(i16, i8)> = self
            .deals
            .iter()
            .filter(|d| d.opportunity.stage.is_open())
            .filter_map(|d| d.opportunity.expected_close.map(|c| (c.year(), c.month())))
            .collect();
        m.sort();
        m.dedup();
        m
    }
}
