//! `wortel import --csv FILE`: leads from a spreadsheet, `,` or `;`, with or without a BOM;
//! importing the same sheet twice updates instead of duplicating; a bad row is named by row and
//! column and nothing is written.

mod common;
use common::*;
use std::path::Path;

fn content(store: &Path) -> String {
    format!(
        "{:?}{:?}",
        list(store, &["leads", "--all", "--json"]),
        list(store, &["accounts", "--json"])
    )
}

fn write(dir: &Path, name: &str, text: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const GOOD: &str = "\u{feff}account_name;received_at;channel;score;interest;postcode;city;contact_name;incentive;notes\n\
Transport Jansen B.V.;2026-11-20;web;80;XF 480 FT;3542 AD;Utrecht;Ton de Vries;ja;\"belt terug, graag\"\n\
Bakker Logistiek;2026-11-21T10:00:00Z;event;45;tipper trailer;1234 AB;Ede;;nee;\n";

#[test]
fn a_semicolon_sheet_with_a_bom_imports_and_again_updates_instead_of_duplicating() {
    let (dir, store) = demo_store();
    let before = list(&store, &["leads", "--all", "--json"]).len();
    let file = write(dir.path(), "leads.csv", GOOD.as_bytes());
    let out = stdout_of(wortel(&store).args(["import", "--csv"]).arg(&file));
    assert!(out.contains("2 new leads"), "{out}");
    let leads = list(&store, &["leads", "--all", "--json"]);
    assert_eq!(leads.len(), before + 2);
    let jansen = leads
        .iter()
        .find(|l| l["account"] == "Transport Jansen B.V.")
        .unwrap();
    assert_eq!(jansen["score"], 80);
    let out = stdout_of(wortel(&store).args(["import", "--csv"]).arg(&file));
    assert!(
        out.contains("0 new leads") && out.contains("2 updated"),
        "{out}"
    );
    assert_eq!(
        list(&store, &["leads", "--all", "--json"]).len(),
        before + 2
    );
}

#[test]
fn bad_sheets_are_refused_by_row_and_column_and_change_nothing() {
    let (dir, store) = demo_store();
    let before = content(&store);
    for (name, text, sentence) in [
        (
            "missing-column.csv",
            "account_name,received_at,score\nX,2026-11-20,50\n"
                .as_bytes()
                .to_vec(),
            "{f}: the column `channel` is missing; the header row needs account_name, received_at, channel, score (and may have more)",
        ),
        (
            "bad-date.csv",
            "account_name,received_at,channel,score\nX,20-11-2026,web,50\n"
                .as_bytes()
                .to_vec(),
            "{f} row 2, column received_at: `20-11-2026` is not a date such as 2026-11-16; fix the spreadsheet and import again",
        ),
        (
            "bad-score.csv",
            "account_name,received_at,channel,score\nX,2026-11-20,web,50\nY,2026-11-20,web,250\n"
                .as_bytes()
                .to_vec(),
            "{f} row 3, column score: 250 is outside 0 to 100; fix the spreadsheet and import again",
        ),
        (
            "empty-name.csv",
            "account_name,received_at,channel,score\n,2026-11-20,web,50\n"
                .as_bytes()
                .to_vec(),
            "{f} row 2, column account_name: it is empty; fix the spreadsheet and import again",
        ),
        (
            "not-utf8.csv",
            b"account_name,received_at,channel,score\n\xff\xfe,2026-11-20,web,50\n".to_vec(),
            "{f} is not UTF-8 text (at byte 39); save the spreadsheet as CSV UTF-8",
        ),
        (
            "empty.csv",
            b"".to_vec(),
            "{f} is empty; a spreadsheet of leads needs a header row and rows",
        ),
        (
            "header-only.csv",
            "account_name,received_at,channel,score\n"
                .as_bytes()
                .to_vec(),
            "{f} has a header row but no leads",
        ),
    ] {
        let file = write(dir.path(), name, &text);
        refused(
            wortel(&store).args(["import", "--csv"]).arg(&file),
            &sentence.replace("{f}", &file.display().to_string()),
        );
        assert_eq!(content(&store), before, "{name} changed the store");
    }
}
