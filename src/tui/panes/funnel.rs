//! The funnel board's state: every deal (read once, then kept up to date from each commit's
//! receipt), the period and filters, the columns in stage order, and a selection per column.
//! The period and the filters change through the pane, which arranges the columns again.

use crate::domain::Cents;
use crate::domain::board::{
    Deal, DealFilter, DealSource, Period, StaleDays, board_summary, on_board, won_per_week,
};
use crate::domain::funnel::FunnelSummary;
use crate::domain::{AccountId, OpportunityId, Stage};
use crate::ops::load_deals;
use crate::store::{EntityKind, Receipt, Store, StoreError};
use crate::tui::action::Action;
use crate::tui::list_state::ListState;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::HashMap;

/// The board: deals, what selects them, and where the cursor is.
#[derive(Default)]
pub struct FunnelPane {
    loaded: bool,
    deals: Vec<Deal>,
    /// Set to the current quarter the first time the board is shown.
    period: Option<Period>,
    filter: DealFilter,
    stale: StaleDays,
    /// Per column (the stages in order), indexes into `deals`: highest value first; each with
    /// its selected card and scroll.
    columns: [ListState<usize>; 6],
    /// The focused column.
    column: usize,
    summary: Option<FunnelSummary>,
    /// The value won per week of the period, for the header's sparkline.
    won_weeks: Vec<Cents>,
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
        let keep: Vec<(Option<OpportunityId>, usize)> = (0..Stage::ALL.len())
            .map(|c| {
                let row = self.columns[c].selected();
                (self.id_at(c, row), row)
            })
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
        for (c, ((kept, row), col)) in keep.into_iter().zip(columns).enumerate() {
            self.columns[c].set_ids(col);
            let at = kept.and_then(|id| self.position(c, id)).unwrap_or(row);
            self.columns[c].select(at);
        }
        self.summary = Some(board_summary(&self.deals, &self.filter, period, today, tz));
        self.won_weeks = won_per_week(&self.deals, &self.filter, period, today, tz);
    }

    /// The deal in column `c` at row `i`.
    pub fn deal_at(&self, c: usize, i: usize) -> Option<&Deal> {
        self.columns.get(c)?.id_at(i).map(|d| &self.deals[d])
    }

    fn id_at(&self, c: usize, i: usize) -> Option<OpportunityId> {
        self.deal_at(c, i).map(|d| d.opportunity.id)
    }

    fn position(&self, c: usize, id: OpportunityId) -> Option<usize> {
        self.columns
            .get(c)?
            .ids()
            .iter()
            .position(|d| self.deals[*d].opportunity.id == id)
    }

    /// The selected deal.
    pub fn selected_deal(&self) -> Option<&Deal> {
        self.deal_at(self.column, self.columns[self.column].selected())
    }

    /// Puts the cursor on a deal, wherever it now is.
    pub fn select(&mut self, id: OpportunityId) {
        for c in 0..self.columns.len() {
            if let Some(i) = self.position(c, id) {
                self.column = c;
                self.columns[c].select(i);
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

    /// Before a frame: scrolls column `c`'s selected card into a window `rows` cards high and
    /// reads the account names of the cards it shows.
    pub fn prepare_column(&mut self, store: &Store, c: usize, rows: usize) {
        self.columns[c].scroll(rows);
        let offset = self.columns[c].offset();
        let accounts: Vec<AccountId> = (offset..offset + rows)
            .filter_map(|i| self.deal_at(c, i).map(|d| d.opportunity.account_id))
            .collect();
        for id in accounts {
            self.name_of(store, id);
        }
    }

    /// Reads every deal again the next time the board is shown (an import added some).
    pub fn forget(&mut self) {
        self.loaded = false;
    }

    /// The period the board shows (`None` until it is first shown).
    pub fn period(&self) -> Option<Period> {
        self.period
    }

    /// Shows `period` instead.
    pub fn set_period(&mut self, period: Period, tz: &TimeZone) {
        self.period = Some(period);
        self.arrange(tz);
    }

    /// The filters in force.
    pub fn filter(&self) -> &DealFilter {
        &self.filter
    }

    /// Changes the filters by `change` and arranges the columns under them.
    pub fn change_filter(&mut self, tz: &TimeZone, change: impl FnOnce(&mut DealFilter)) {
        change(&mut self.filter);
        self.arrange(tz);
    }

    /// Days in a stage after which a deal is stale.
    pub fn stale(&self) -> &StaleDays {
        &self.stale
    }

    /// Sets the days after which a deal is stale (`[stale]` in config.toml).
    pub fn set_stale(&mut self, stale: StaleDays) {
        self.stale = stale;
    }

    /// `E`: only open deals expected to close in `month`; the period becomes that month.
    pub fn set_close_month(&mut self, month: Option<(i16, i8)>, tz: &TimeZone) {
        self.filter.close_month = month;
        if let Some((year, month)) = month {
            self.period = Some(Period::Month { year, month });
        }
        self.arrange(tz);
    }

    pub fn summary(&self) -> Option<&FunnelSummary> {
        self.summary.as_ref()
    }

    /// The value won per week of the period.
    pub fn won_weeks(&self) -> &[Cents] {
        &self.won_weeks
    }

    /// The focused column.
    pub fn column(&self) -> usize {
        self.column
    }

    /// Focuses the column `by` to the right (left when negative), within the board.
    pub fn move_column(&mut self, by: i32) {
        let last = Stage::ALL.len() as i32 - 1;
        self.column = (self.column as i32 + by).clamp(0, last) as usize;
    }

    /// How many cards column `c` holds.
    pub fn column_len(&self, c: usize) -> usize {
        self.columns.get(c).map_or(0, ListState::len)
    }

    /// The selected card's row in column `c`.
    pub fn selected_in(&self, c: usize) -> usize {
        self.columns.get(c).map_or(0, ListState::selected)
    }

    /// The first card on screen in column `c`.
    pub fn offset_in(&self, c: usize) -> usize {
        self.columns.get(c).map_or(0, ListState::offset)
    }

    /// Moves the focused column's selection (`j`, `k`, page keys of `page` cards).
    pub fn move_card(&mut self, action: Action, page: usize) {
        self.columns[self.column].move_by(action, page);
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
