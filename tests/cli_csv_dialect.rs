//! `--dialect excel-nl`: spreadsheets as Dutch Excel writes and opens them (UTF-8 with a
//! byte-order mark, `;` between fields, amounts with a decimal comma), read back by Python's
//! `csv` module with `delimiter=';'`, and a sheet Dutch Excel saved round-tripped through
//! `import --csv` and `export --csv`.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

/// Runs `code` with `python3 -c`, the file as its argument; its standard output.
fn python(code: &str, file: &Path) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(code)
        .arg(file)
        .output()
        .expect("python3 runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// `opportunities.csv` of `dir`, read by Python in the dialect given: id, value, weighted.
fn python_values(dir: &Path, delimiter: char) -> Vec<(String, String, String)> {
    let code = format!(
        "import csv,sys\n\
         with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n\
         \tfor r in csv.DictReader(f, delimiter='{delimiter}'):\n\
         \t\tprint(r['id'] + '|' + r['value_eur'] + '|' + r['weighted_eur'])"
    );
    python(&code, &dir.join("opportunities.csv"))
        .lines()
        .map(|l| {
            let mut p = l.split('|').map(str::to_string);
            (p.next().unwrap(), p.next().unwrap(), p.next().unwrap())
        })
        .collect()
}

#[test]
fn excel_nl_export_has_a_bom_semicolons_and_decimal_commas() {
    let (dir, store) = demo_store();
    let standard = dir.path().join("standard");
    let dutch = dir.path().join("excel-nl");
    stdout_of(wortel(&store).args(["export", "--csv"]).arg(&standard));
    stdout_of(
        wortel(&store)
            .args(["export", "--dialect", "excel-nl", "--csv"])
            .arg(&dutch),
    );
    for file in [
        "accounts.csv",
        "leads.csv",
        "opportunities.csv",
        "activities.csv",
    ] {
        let bytes = std::fs::read(dutch.join(file)).unwrap();
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBFid;"),
            "{file} starts with the BOM"
        );
        let plain = std::fs::read(standard.join(file)).unwrap();
        assert!(plain.starts_with(b"id,"), "{file}: the default is standard");
    }
    let plain = python_values(&standard, ',');
    let nl = python_values(&dutch, ';');
    assert!(!plain.is_empty());
    assert_eq!(plain.len(), nl.len());
    for ((id, v, w), (nl_id, nl_v, nl_w)) in plain.iter().zip(&nl) {
        assert_eq!(id, nl_id);
        assert_eq!(&v.replace('.', ","), nl_v, "{id}");
        assert_eq!(&w.replace('.', ","), nl_w, "{id}");
        assert!(!nl_v.contains('.'), "{nl_v}");
    }
    // The money matches the funnel's cents, to the cent.
    for o in list(&store, &["funnel", "--json"]) {
        let cents = o["value_cents"].as_i64().unwrap();
        let row = nl.iter().find(|r| r.0 == s(&o, "id")).unwrap();
        assert_eq!(row.1, format!("{},{:02}", cents / 100, cents % 100));
    }
}

#[test]
fn a_sheet_dutch_excel_saved_imports_and_exports_back() {
    let (dir, store) = demo_store();
    let sheet = dir.path().join("leads-nl.csv");
    // Written as Dutch Excel saves "CSV UTF-8": BOM, `;`, day-first dates, a `;` inside quotes.
    let code = "import csv,sys\n\
        with open(sys.argv[1], 'w', newline='', encoding='utf-8-sig') as f:\n\
        \tw = csv.writer(f, delimiter=';')\n\
        \tw.writerow(['account_name','received_at','channel','score','city','interest'])\n\
        \tw.writerow(['Bakkerij Smit; Zn.','30-11-2026','web','70','Gouda','2× Transit'])\n\
        \tw.writerow(['Garage Öztürk','1-12-2026','event','55','Zwolle','R 450'])\n";
    python(code, &sheet);
    let before = all_leads(&store).len();
    let out = stdout_of(
        wortel(&store)
            .args(["import", "--csv", "--dialect", "excel-nl"])
            .arg(&sheet),
    );
    assert!(out.contains("2 new leads"), "{out}");
    assert_eq!(all_leads(&store).len(), before + 2);
    // Again: the same two leads, updated, not doubled.
    let again = stdout_of(wortel(&store).args(["import", "--csv"]).arg(&sheet));
    assert!(again.contains("0 new leads"), "{again}");

    let out_dir = dir.path().join("out");
    stdout_of(
        wortel(&store)
            .args(["export", "--dialect", "excel-nl", "--csv"])
            .arg(&out_dir),
    );
    let code = "import csv,sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n\
        \tfor r in csv.DictReader(f, delimiter=';'):\n\
        \t\tif r['account'] in ('Bakkerij Smit; Zn.', 'Garage Öztürk'):\n\
        \t\t\tprint(r['account'] + '|' + r['received_at'][:10] + '|' + r['interest'])";
    let mut back: Vec<String> = python(code, &out_dir.join("leads.csv"))
        .lines()
        .map(str::to_string)
        .collect();
    back.sort();
    // Midnight in Amsterdam is the evening before in UTC.
    assert_eq!(
        back,
        [
            "Bakkerij Smit; Zn.|2026-11-29|2× Transit",
            "Garage Öztürk|2026-11-30|R 450"
        ]
    );
}

#[test]
fn a_sheet_in_the_other_dialect_is_refused_and_changes_nothing() {
    let (dir, store) = demo_store();
    let comma = dir.path().join("comma.csv");
    std::fs::write(
        &comma,
        "account_name,received_at,channel,score\nX,2026-11-20,web,50\n",
    )
    .unwrap();
    let before = snapshot(&store);
    let f = comma.display();
    refused(
        wortel(&store)
            .args(["import", "--csv", "--dialect", "excel-nl"])
            .arg(&comma),
        &format!(
            "{f} has `,` between its columns, not `;` as --dialect excel-nl says; leave out --dialect or pass --dialect standard"
        ),
    );
    refused(
        wortel(&store)
            .args(["import", "--csv", "--dialect", "excel"])
            .arg(&comma),
        "dialect `excel` is unknown; use standard (`,`, 95000.00) or excel-nl (`;`, 95000,00, for Dutch Excel)",
    );
    usage_error(
        wortel(&store).args(["export", "--dialect", "excel-nl"]),
        "--csv",
    );
    assert_eq!(snapshot(&store), before);
}
