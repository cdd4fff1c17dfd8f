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
            "account_name,received_at,channel,score\nX,31-11-2026,web,50\n"
                .as_bytes()
                .to_vec(),
            "{f} row 2, column received_at: `31-11-2026` is not a date such as 2026-11-16 or 16-11-2026; fix the spreadsheet and import again",
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

const HEAD: &str = "account_name,received_at,channel,score,kvk,postcode\n";

#[test]
fn a_row_pasted_twice_is_one_lead_and_the_store_checks_clean() {
    let (dir, store) = demo_store();
    let before = list(&store, &["leads", "--all", "--json"]).len();
    let row = "Transport Jansen B.V.,2026-11-20,web,80,,3542 AD\n";
    let file = write(
        dir.path(),
        "twice.csv",
        format!("{HEAD}{row}{row}").as_bytes(),
    );
    let out = stdout_of(wortel(&store).args(["import", "--csv"]).arg(&file));
    assert!(out.contains("1 new lead ("), "{out}");
    assert_eq!(
        list(&store, &["leads", "--all", "--json"]).len(),
        before + 1
    );
    stdout_of(wortel(&store).arg("check"));
}

#[test]
fn two_differing_rows_for_one_lead_are_refused_naming_both_rows() {
    let (dir, store) = demo_store();
    let before = content(&store);
    // Same identity (name, day, postcode); the score differs. The control character in the
    // second name is cleaned away before identity is decided.
    let text = format!(
        "{HEAD}Bakker,2026-11-20,web,80,,1234 AB\nOther,2026-11-20,web,10,,\nBak\u{7}ker,2026-11-20,web,81,,1234 AB\n"
    );
    let file = write(dir.path(), "differ.csv", text.as_bytes());
    let out = wortel(&store)
        .args(["import", "--csv"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with(&format!(
            "wortel: {} rows 2 and 4 are the same lead (id `CSV-",
            file.display()
        )) && err.contains("with different values; keep one of them"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(content(&store), before);
}

#[test]
fn every_bad_row_is_reported_with_its_row_and_column() {
    let (dir, store) = demo_store();
    let before = content(&store);
    let mut text =
        format!("{HEAD}Good,2026-11-20,web,80,,\nA,2026-11-20,web,x,,\nB,someday,web,5,,\n");
    for i in 0..60 {
        text.push_str(&format!("C{i},2026-11-20,web,101,,\n"));
    }
    let file = write(dir.path(), "many.csv", text.as_bytes());
    let f = file.display().to_string();
    let out = wortel(&store)
        .args(["import", "--csv"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "wortel: {f} has 62 problems, fix them and import again: row 3, column score: `x` is not a whole number; row 4, column received_at: `someday` is not a date such as 2026-11-16 or 16-11-2026; row 5, column score: 101 is outside 0 to 100; row 6, column score"
        )),
        "{err}"
    );
    assert_eq!(err.matches("column score: 101").count(), 48, "{err}");
    assert!(err.trim_end().ends_with("; and 12 more"), "{err}");
    assert_eq!(content(&store), before);
}

#[test]
fn a_problem_found_while_placing_names_the_sheet_and_row_not_a_bundle_line() {
    let (dir, store) = demo_store();
    let before = content(&store);
    let text = format!("{HEAD}Good,2026-11-20,web,80,,\nBad KvK,2026-11-20,web,80,12,\n");
    let file = write(dir.path(), "kvk.csv", text.as_bytes());
    let out = wortel(&store)
        .args(["import", "--csv"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with(&format!("wortel: {} row 3: ", file.display())),
        "{err}"
    );
    assert!(!err.contains("ndjson"), "{err}");
    assert_eq!(content(&store), before);
}
