//! CSV for spreadsheets: `accounts.csv`, `leads.csv`, `opportunities.csv`, `activities.csv`.
//! UTF-8, comma-separated, a header row of snake_case names (documented in the README), money
//! as plain euros (`95000.00`). A text cell that starts with `=`, `+`, `-` or `@` gets a
//! leading `'`, so a spreadsheet never runs it as a formula.

use super::atomic::write_atomically;
use crate::domain::{Account, AccountId, Cents};
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A text cell a spreadsheet will not mistake for a formula.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn euros(c: Cents) -> String {
    format!("{}.{:02}", c.0 / 100, (c.0 % 100).abs())
}

fn write(path: &Path, header: &[&str], rows: Vec<Vec<String>>) -> Result<usize, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| format!("{} cannot be built ({e})", path.display());
    w.write_record(header).map_err(fail)?;
    let n = rows.len();
    for r in rows {
        w.write_record(&r).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| format!("{} cannot be built ({e})", path.display()))?;
    write_atomically(path, &bytes)?;
    Ok(n)
}

/// Writes the four files into `dir` (made if missing); returns each path and its row count.
pub fn write_csv_dir(store: &Store, dir: &Path) -> Result<Vec<(PathBuf, usize)>, String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{} is a file; give a folder for the CSV files",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("the folder {} cannot be made ({e})", dir.display()))?;
    let err = |e: StoreError| e.to_string();
    let accounts: Vec<Account> = store
        .all_accounts()
        .collect::<Result<_, _>>()
        .map_err(err)?;
    let names: HashMap<AccountId, String> =
        accounts.iter().map(|a| (a.id, a.name.clone())).collect();
    let name = |id: &AccountId| cell(names.get(id).map_or("", String::as_str));
    let mut out = Vec::new();

    let rows = accounts
        .iter()
        .map(|a| {
            vec![
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
            ]
        })
        .collect();
    let p = dir.join("accounts.csv");
    let n = write(
        &p,
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
        rows,
    )?;
    out.push((p, n));

    let mut rows = Vec::new();
    for l in store.all_leads() {
        let l = l.map_err(err)?;
        rows.push(vec![
            l.id.to_string(),
            l.external_id.clone().unwrap_or_default(),
            l.account_id.to_string(),
            name(&l.account_id),
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
        ]);
    }
    let p = dir.join("leads.csv");
    let n = write(
        &p,
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
        rows,
    )?;
    out.push((p, n));

    let mut rows = Vec::new();
    for o in store.all_opportunities() {
        let o = o.map_err(err)?;
        rows.push(vec![
            o.id.to_string(),
            o.account_id.to_string(),
            name(&o.account_id),
            cell(&o.title),
            o.stage.to_string(),
            euros(o.value),
            euros(o.weighted_value()),
            o.expected_close.map(|d| d.to_string()).unwrap_or_default(),
            cell(o.lost_reason.as_deref().unwrap_or("")),
            o.incentive.to_string(),
            o.stage_entered_at.to_string(),
            cell(&o.owner),
        ]);
    }
    let p = dir.join("opportunities.csv");
    let n = write(
        &p,
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
        ],
        rows,
    )?;
    out.push((p, n));

    let mut rows = Vec::new();
    for a in store.all_activities() {
        let a = a.map_err(err)?;
        rows.push(vec![
            a.id.to_string(),
            a.account_id.to_string(),
            name(&a.account_id),
            a.kind.as_str().into(),
            a.at.to_string(),
            a.outcome
                .map(|o| o.as_str().to_string())
                .unwrap_or_default(),
            cell(a.lost_reason.as_deref().unwrap_or("")),
            cell(&a.note),
            a.next_step.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    let p = dir.join("activities.csv");
    let n = write(
        &p,
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
        rows,
    )?;
    out.push((p, n));
    Ok(out)
}
