//! The command palette (`:` / `Ctrl-p`): one fuzzy search over every action, account and lead,
//! ranked best first as the `/` filters rank (see [`crate::search`]): commands, then accounts,
//! then leads within a rank. `>` limits it to commands, `@` to accounts, `#` to leads.
//!
//! Typing a longer query only re-scores the previous hits, so each keystroke gets cheaper.

use super::{Choice, Outcome, TextInput, move_selection};
use crate::domain::{AccountId, LeadId};
use crate::search::{NO_MATCH, Query, best_first};
use crate::tui::action::Action;
use crate::tui::search_index::SearchIndex;
use std::sync::Arc;

/// What a palette row stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaletteItem {
    Command(Action),
    Account(AccountId),
    Lead(LeadId),
}

/// A hit: which list it is from, its index there, its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    Command(usize),
    Account(usize),
    Lead(usize),
}

/// The palette's state.
pub struct Palette {
    pub input: TextInput,
    pub index: Option<Arc<SearchIndex>>,
    /// Every hit for the current query, best first.
    pub hits: Vec<Hit>,
    pub selected: usize,
    last_query: String,
    /// Accounts and leads that matched the last query (ascending positions), the candidates
    /// when it grows; and each text's class for the current query.
    accounts_matched: Vec<u32>,
    leads_matched: Vec<u32>,
    classes: Vec<u8>,
    /// Whether those were searched in the index (it may arrive while the palette is open).
    searched_index: bool,
}

/// How many rows a page move jumps.
const PAGE: usize = 10;

impl Palette {
    /// Opens with every command listed; accounts and leads join once `index` is there.
    pub fn new(index: Option<Arc<SearchIndex>>) -> Self {
        let mut p = Palette {
            input: TextInput::default(),
            index,
            hits: Vec::new(),
            selected: 0,
            last_query: String::new(),
            accounts_matched: Vec::new(),
            leads_matched: Vec::new(),
            classes: Vec::new(),
            searched_index: false,
        };
        p.refresh();
        p
    }

    /// The text a hit is matched against and shown as.
    pub fn text_of(&self, hit: Hit) -> String {
        match hit {
            Hit::Command(i) => {
                let a = Action::ALL[i];
                format!("{} — {}", a.name(), a.description())
            }
            Hit::Account(i) => self
                .index
                .as_ref()
                .map(|x| x.accounts[i].text.clone())
                .unwrap_or_default(),
            Hit::Lead(i) => self
                .index
                .as_ref()
                .map(|x| x.leads[i].text.clone())
                .unwrap_or_default(),
        }
    }

    pub fn item_of(&self, hit: Hit) -> Option<PaletteItem> {
        Some(match hit {
            Hit::Command(i) => PaletteItem::Command(Action::ALL[i]),
            Hit::Account(i) => PaletteItem::Account(self.index.as_ref()?.accounts.get(i)?.id),
            Hit::Lead(i) => PaletteItem::Lead(self.index.as_ref()?.leads.get(i)?.id),
        })
    }

    /// The query without its scope prefix, and which lists it searches.
    fn scope(&self) -> (String, bool, bool, bool) {
        let t = self.input.text.as_str();
        match t.chars().next() {
            Some('>') => (t[1..].to_string(), true, false, false),
            Some('@') => (t[1..].to_string(), false, true, false),
            Some('#') => (t[1..].to_string(), false, false, true),
            _ => (t.to_string(), true, true, true),
        }
    }

    /// Re-ranks for the current text.
    pub fn refresh(&mut self) {
        let (text, commands, accounts, leads) = self.scope();
        let query = Query::new(&text);
        let previous = Query::new(&self.scope_of(&self.last_query));
        let narrowing = !previous.is_empty()
            && self.searched_index
            && self.input.text.starts_with(&self.last_query)
            && previous.is_extended_by(&query);
        self.last_query = self.input.text.clone();
        self.searched_index = false;
        self.selected = 0;
        if query.is_empty() {
            self.accounts_matched.clear();
            self.leads_matched.clear();
            self.hits = self.all_candidates(true, commands, accounts, leads);
            return;
        }
        // Each list's texts are walked in memory order, most rejected by their character
        // masks; a growing query re-checks only the previous matches. Each hit keeps its rank,
        // and the hits are bucketed by it: no fuzzy score, no sort of 150,000 names.
        let mut ranked: Vec<(Hit, u8)> = Vec::new();
        if commands {
            ranked.extend(command_hits(&query));
        }
        if let Some(index) = self.index.clone() {
            self.searched_index = true;
            if accounts {
                let previous = std::mem::take(&mut self.accounts_matched);
                self.accounts_matched = index.classify_accounts(
                    &query,
                    narrowing.then_some(previous.as_slice()),
                    &mut self.classes,
                );
                ranked.extend(
                    self.accounts_matched
                        .iter()
                        .map(|&i| (Hit::Account(i as usize), self.classes[i as usize])),
                );
            } else {
                self.accounts_matched.clear();
            }
            if leads {
                let previous = std::mem::take(&mut self.leads_matched);
                self.leads_matched = index.classify_leads(
                    &query,
                    narrowing.then_some(previous.as_slice()),
                    &mut self.classes,
                );
                ranked.extend(
                    self.leads_matched
                        .iter()
                        .map(|&i| (Hit::Lead(i as usize), self.classes[i as usize])),
                );
            } else {
                self.leads_matched.clear();
            }
        }
        self.hits = best_first(&ranked);
    }

    fn scope_of(&self, text: &str) -> String {
        match text.chars().next() {
            Some('>' | '@' | '#') => text[1..].to_string(),
            _ => text.to_string(),
        }
    }

    fn all_candidates(&self, empty: bool, commands: bool, accounts: bool, leads: bool) -> Vec<Hit> {
        let mut all = Vec::new();
        if commands {
            all.extend((0..Action::ALL.len()).map(Hit::Command));
        }
        // An empty query lists the commands only: 150,000 unranked names help nobody.
        if let (Some(x), false) = (&self.index, empty) {
            if accounts {
                all.extend((0..x.accounts.len()).map(Hit::Account));
            }
            if leads {
                all.extend((0..x.leads.len()).map(Hit::Lead));
            }
        }
        all
    }

    pub fn on_action(&mut self, action: Action) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            Action::Confirm => match self.hits.get(self.selected).and_then(|h| self.item_of(*h)) {
                Some(item) => Outcome::Chosen(Choice::Palette(item)),
                None => Outcome::Stay,
            },
            a => {
                if self.input.on_action(a) {
                    self.refresh();
                } else {
                    self.selected = move_selection(self.selected, self.hits.len(), a, PAGE);
                }
                Outcome::Stay
            }
        }
    }

    pub fn on_char(&mut self, c: char) -> Outcome {
        self.input.push(c);
        self.refresh();
        Outcome::Stay
    }
}

/// The commands that match `query`, each with its rank.
fn command_hits(query: &Query) -> Vec<(Hit, u8)> {
    Action::ALL
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let text = format!("{} — {}", a.name(), a.description());
            let rank = query.match_class(&text.to_lowercase(), || &text);
            (rank != NO_MATCH).then_some((Hit::Command(i), rank))
        })
        .collect()
}
