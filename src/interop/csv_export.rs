//! CSV for spreadsheets: `accounts.csv`, `leads.csv`, `opportunities.csv`, `activities.csv`.
//! UTF-8, comma-separated, a header row of snake_case names (documented in the README), money
//! as plain euros (`95000.00`); or, in the `excel-nl` [`Dialect`], UTF-8 with a byte-order
//! mark, `;`-separated, money as `95000,00`, so Dutch Excel opens it into the right columns. Text cells go through [`cell`], so a spreadsheet never runs one
//! as a formula while phone numbers and negative amounts stay as they are.
//!
//! With a marketing filter (`--marketing`) every file holds only the rows of accounts that have
//! a contact whose marketing consent holds today (see [`super::marketing`]), so nothing about
//! anyone else reaches a mailing spreadsheet.

use super::atomic::{check_target, write_atomically};
pub use super::csv_cell::cell;
use crate::domain::{Account, AccountId};
use crate::store::Store;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
pub use wortel_core::csv_dialect::Dialect;
use wortel_core::lang::Language;

/// One CSV file being built: rows go straight into its bytes (no table of strings held), and
/// the file is written atomically at the end.
struct Sheet<'p> {
    path: &'p Path,
    writer: csv::Writer<Vec<u8>>,
    rows: usize,
    dialect: Dialect,
}

/// The header row's names: the stable machine names (the default, which scripts and the README
/// rely on), or Dutch column titles for a person reading the sheet (`--headers nl`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Headers {
    #[default]
    Machine,
    Dutch,
}

impl Headers {
    /// `machine` or `nl`, as `--headers` takes it.
    pub fn parse(name: &str) -> Result<Headers, String> {
        match name {
            "machine" => Ok(Headers::Machine),
            "nl" => Ok(Headers::Dutch),
            other => Err(format!(
                "--headers `{}` is not offered; use machine or nl",
                crate::bundle::printable(other)
            )),
        }
    }

    /// A column's title: its machine name, or the Dutch one from the catalogue (`csv-NAME`).
    fn title(self, name: &str) -> String {
        let id = format!("csv-{name}");
        match self {
            Headers::Dutch if wortel_core::i18n::has(Language::Nl, &id) => {
                wortel_core::i18n::text(Language::Nl, &id)
            }
            _ => name.to_string(),
        }
    }
}

impl<'p> Sheet<'p> {
    fn new(
        path: &'p Path,
        header: &[&str],
        dialect: Dialect,
        headers: Headers,
    ) -> Result<Self, String> {
        let mut sheet = Sheet {
            path,
            writer: csv::WriterBuilder::new()
                .delimiter(dialect.delimiter())
                .from_writer(dialect.preamble().to_vec()),
            rows: 0,
            dialect,
        };
        sheet.record(header.iter().map(|h| headers.title(h)))?;
        Ok(sheet)
    }

    fn record<I: IntoIterator<Item = T>, T: AsRef<[u8]>>(&mut self, row: I) -> Result<(), String> {
        self.writer
            .write_record(row)
            .map_err(|e| format!("{} cannot be built ({e})", self.path.display()))
    }

    fn row<I: IntoIterator<Item = T>, T: AsRef<[u8]>>(&mut self, row: I) -> Result<(), String> {
        self.rows += 1;
        self.record(row)
    }

    fn finish(self) -> Result<(PathBuf, usize), String> {
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| format!("{} cannot be built ({e})", self.path.display()))?;
        write_atomically(self.path, &bytes)?;
        Ok((self.path.to_path_buf(), self.rows))
    }
}

/// Writes the four files into `dir` (made if missing, but not its parent, so a mistyped path
/// makes no tree of folders); returns each path and its row count. With `only`, just the rows
/// of those accounts. Each file is atomic; a folder this call made is removed again if nothing
/// could be written into it.
pub fn write_csv_dir(
    store: &Store,
    dir: &Path,
    only: Option<&HashSet<AccountId>>,
) -> Result<Vec<(PathBuf, usize)>, String> {
    write_csv_dir_as(store, dir, only, Dialect::Standard)
}

/// As [`write_csv_dir`], in `dialect`.
pub fn write_csv_dir_as(
    store: &Store,
    dir: &Path,
    only: Option<&HashSet<AccountId>>,
    dialect: Dialect,
) -> Result<Vec<(PathBuf, usize)>, String> {
    write_csv_dir_with(store, dir, only, dialect, Headers::Machine)
}

/// As [`write_csv_dir_as`], with the header row in `headers`.
pub fn write_csv_dir_with(
    store: &Store,
    dir: &Path,
    only: Option<&HashSet<AccountId>>,
    dialect: Dialect,
    headers: Headers,
) -> Result<Vec<(PathBuf, usize)>, String> {
    check_dir(dir)?;
    let made = !dir.exists();
    if made {
        std::fs::create_dir(dir)
            .map_err(|e| format!("the folder {} cannot be made ({e})", dir.display()))?;
    }
    let written = write_files(store, dir, only, dialect, headers);
    if written.is_err() && made {
        // Only succeeds when the folder is still empty: nothing the user had is touched.
        let _ = std::fs::remove_dir(dir);
    }
    written
}

/// Why `dir` cannot take the CSV files, as one sentence: it is a file, its parent is missing, or
/// one of the four names inside it is a folder.
pub fn check_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{} is a file; give a folder for the CSV files",
            dir.display()
        ));
    }
    if dir.is_dir() {
        return FILES.iter().try_for_each(|f| check_target(&dir.join(f)));
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(format!(
            "the folder {} does not exist; create it or pick another path",
            parent.display()
        ));
    }
    Ok(())
}

/// The files `--csv` writes, in order.
pub const FILES: [&str; 4] = [
    "accounts.csv",
    "leads.csv",
    "opportunities.csv",
    "activities.csv",
];

/// The account names rows show beside their ids, and which accounts a filter keeps.
struct Scope<'a> {
    only: Option<&'a HashSet<AccountId>>,
    names: HashMap<AccountId, String>,
    dialect: Dialect,
    headers: Headers,
}

impl Scope<'_> {
    fn keeps(&self, id: &AccountId) -> bool {
        self.only.is_none_or(|keep| keep.contains(id))
    }

    fn name(&self, id: &AccountId) -> String {
        cell(self.names.get(id).map_or("", String::as_str))
    }
}

fn write_files(
    store: &Store,
    dir: &Path,
    only: Option<&HashSet<AccountId>>,
    dialect: Dialect,
    headers: Headers,
) -> Result<Vec<(PathBuf, usize)>, String> {
    let keeps = |id: &AccountId| only.is_none_or(|keep| keep.contains(id));
    let accounts: Vec<Account> = store
        .all_accounts()
        .filter(|a| a.as_ref().map_or(true, |a| keeps(&a.id)))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    let scope = Scope {
        only,
        names: accounts.iter().map(|a| (a.id, a.name.clone())).collect(),
        dialect,
        headers,
    };
    Ok(vec![
        accounts_sheet(&dir.join(FILES[0]), accounts, dialect, headers)?,
        leads_sheet(store, &dir.join(FILES[1]), &scope)?,
        opportunities_sheet(store, &dir.join(FILES[2]), &scope)?,
        activities_sheet(store, &dir.join(FILES[3]), &scope)?,
    ])
}

fn accounts_sheet(
    path: &Path,
    accounts: Vec<Account>,
    dialect: Dialect,
    headers: Headers,
) -> Result<(PathBuf, usize), String> {
    let mut sheet = Sheet::new(
        path,
        &[
            "id",
            "name",
            "lifecycle",
            "kvk",
            "street",
            "postcode",
            "city",
            "phone",
            "email",
            "segment",
            "owner",
            "origin",
            "created_at",
            "last_activity_at",
        ],
        dialect,
        headers,
    )?;
    for a in &accounts {
        sheet.row([
            a.id.to_string(),
            cell(&a.name),
            a.lifecycle.to_string(),
            a.kvk.clone().unwrap_or_default(),
            cell(&a.address.street),
            cell(&a.address.postcode),
            cell(&a.address.city),
            cell(&a.phone),
            cell(&a.email),
            cell(&a.segment),
            cell(&a.owner),
            a.origin.as_str().into(),
            a.created_at.to_string(),
            a.last_activity_at
                .map(|t| t.to_string())
                .unwrap_or_default(),
        ])?;
    }
    sheet.finish()
}

fn leads_sheet(store: &Store, path: &Path, scope: &Scope) -> Result<(PathBuf, usize), String> {
    let mut sheet = Sheet::new(
        path,
        &[
            "id",
            "head_office_id",
            "account_id",
            "account",
            "status",
            "tier",
            "score",
            "channel",
            "campaign",
            "interest",
            "incentive",
            "received_at",
            "respond_by",
            "reason",
            "notes",
        ],
        scope.dialect,
        scope.headers,
    )?;
    for l in store.all_leads() {
        let l = l.map_err(|e| e.to_string())?;
        if !scope.keeps(&l.account_id) {
            continue;
        }
        sheet.row([
            l.id.to_string(),
            l.external_id.clone().unwrap_or_default(),
            l.account_id.to_string(),
            scope.name(&l.account_id),
            l.status.to_string(),
            l.tier.number().to_string(),
            l.score.to_string(),
            l.source.channel.as_str().into(),
            cell(&l.source.campaign),
            cell(&l.interest),
            l.incentive.to_string(),
            l.received_at.to_string(),
            l.respond_by.map(|t| t.to_string()).unwrap_or_default(),
            cell(l.reason.as_deref().unwrap_or("")),
            cell(&l.notes),
        ])?;
    }
    sheet.finish()
}

fn opportunities_sheet(
    store: &Store,
    path: &Path,
    scope: &Scope,
) -> Result<(PathBuf, usize), String> {
    let mut sheet = Sheet::new(
        path,
        &[
            "id",
            "account_id",
            "account",
            "title",
            "stage",
            "value_eur",
            "weighted_eur",
            "expected_close",
            "lost_reason",
            "incentive",
            "stage_entered_at",
            "owner",
            "quantity",
            "product",
            "next_step",
        ],
        scope.dialect,
        scope.headers,
    )?;
    for o in store.all_opportunities() {
        let o = o.map_err(|e| e.to_string())?;
        if !scope.keeps(&o.account_id) {
            continue;
        }
        sheet.row([
            o.id.to_string(),
            o.account_id.to_string(),
            scope.name(&o.account_id),
            cell(&o.title),
            o.stage.to_string(),
            sheet.dialect.euros(o.value),
            sheet.dialect.euros(o.weighted_value()),
            o.expected_close.map(|d| d.to_string()).unwrap_or_default(),
            cell(o.lost_reason.as_deref().unwrap_or("")),
            o.incentive.to_string(),
            o.stage_entered_at.to_string(),
            cell(&o.owner),
            o.details.quantity.to_string(),
            cell(&o.details.product),
            o.details
                .next_step
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ])?;
    }
    sheet.finish()
}

fn activities_sheet(store: &Store, path: &Path, scope: &Scope) -> Result<(PathBuf, usize), String> {
    let mut sheet = Sheet::new(
        path,
        &[
            "id",
            "account_id",
            "account",
            "kind",
            "at",
            "outcome",
            "lost_reason",
            "note",
            "next_step",
        ],
        scope.dialect,
        scope.headers,
    )?;
    for a in store.all_activities() {
        let a = a.map_err(|e| e.to_string())?;
        if !scope.keeps(&a.account_id) {
            continue;
        }
        sheet.row([
            a.id.to_string(),
            a.account_id.to_string(),
            scope.name(&a.account_id),
            a.kind.as_str().into(),
            a.at.to_string(),
            a.outcome
                .map(|o| o.as_str().to_string())
                .unwrap_or_default(),
            cell(a.lost_reason.as_deref().unwrap_or("")),
            cell(&a.note),
            a.next_step.map(|d| d.to_string()).unwrap_or_default(),
        ])?;
    }
    sheet.finish()
}
