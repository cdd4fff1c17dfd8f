//! `wortel export --csv DIR --ics FILE --vcf FILE`, read back by independent parsers: the `csv`
//! crate and Python's `csv`, `icalendar` and `vobject` (installed by `.ci/run`).

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

/// Runs a Python snippet with the file as `sys.argv[1]`; returns its standard output.
fn python(code: &str, file: &Path) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(code)
        .arg(file)
        .output()
        .expect("python3 runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("ModuleNotFoundError"),
        "a Python parser is missing; install them with `python3 -m pip install icalendar vobject` (.ci/run does): {err}"
    );
    assert!(out.status.success(), "{err}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn rows(path: &Path) -> Vec<csv::StringRecord> {
    csv::Reader::from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn csv_files_read_back_with_two_parsers_and_match_the_listings() {
    let (dir, store) = demo_store();
    // A note with a comma, quotes, a newline and a formula-looking start.
    let lead = list(&store, &["leads", "--json", "--status", "new"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    stdout_of(wortel(&store).args([
        "log-visit",
        "--lead",
        &lead,
        "--outcome",
        "5",
        "--note",
        "=SUM(A1), \"quoted\"\nsecond line",
    ]));
    let out_dir = dir.path().join("csv");
    let out = stdout_of(wortel(&store).args(["export", "--csv"]).arg(&out_dir));
    assert!(
        out.contains("accounts.csv") && out.contains("activities.csv"),
        "{out}"
    );
    assert_eq!(
        rows(&out_dir.join("accounts.csv")).len(),
        list(&store, &["accounts", "--json"]).len()
    );
    assert_eq!(
        rows(&out_dir.join("leads.csv")).len(),
        list(&store, &["leads", "--all", "--json"]).len()
    );
    assert_eq!(
        rows(&out_dir.join("opportunities.csv")).len(),
        list(&store, &["funnel", "--json"]).len()
    );
    let notes: Vec<String> = rows(&out_dir.join("activities.csv"))
        .iter()
        .map(|r| r[7].to_string())
        .collect();
    assert!(
        notes.contains(&"'=SUM(A1), \"quoted\"\nsecond line".to_string()),
        "a formula is neutralised, the rest kept: {notes:?}"
    );
    let py = python(
        "import csv,sys\nrows=list(csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8')))\nprint(len(rows), sum(1 for r in rows if 'second line' in r['note']))",
        &out_dir.join("activities.csv"),
    );
    assert_eq!(py, format!("{} 1", notes.len()));
}

#[test]
fn the_calendar_parses_with_icalendar_and_keeps_its_uids() {
    let (dir, store) = demo_store();
    let ics = dir.path().join("agenda.ics");
    let out = stdout_of(wortel(&store).args(["export", "--ics"]).arg(&ics));
    let n: usize = out
        .split(": ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let py = python(
        "import sys,icalendar\ncal=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\nev=[c for c in cal.walk('VEVENT')]\nprint(len(ev), len(set(str(e['UID']) for e in ev)), sum(1 for e in ev if str(e['UID']).startswith('next-')))",
        &ics,
    );
    let parts: Vec<usize> = py.split(' ').map(|x| x.parse().unwrap()).collect();
    assert_eq!(parts[0], n, "every event parses");
    assert_eq!(parts[1], n, "UIDs are unique");
    assert!(parts[2] > 0, "follow-ups are in the calendar");
    let first = std::fs::read(&ics).unwrap();
    stdout_of(wortel(&store).args(["export", "--ics"]).arg(&ics));
    assert_eq!(
        std::fs::read(&ics).unwrap(),
        first,
        "the same store gives the same calendar"
    );
}

#[test]
fn contacts_parse_with_vobject_and_marketing_exports_only_those_who_agreed() {
    let (dir, store) = demo_store();
    let all = dir.path().join("all.vcf");
    let out = stdout_of(wortel(&store).args(["export", "--vcf"]).arg(&all));
    let n: usize = out
        .split(": ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let code = "import sys,vobject\ncards=list(vobject.readComponents(open(sys.argv[1],encoding='utf-8').read()))\nprint(len(cards), sum(1 for c in cards if c.contents['x-wortel-marketing-consent'][0].value=='yes'), all(c.version.value=='4.0' and c.fn.value for c in cards))";
    let py = python(code, &all);
    let parts: Vec<&str> = py.split(' ').collect();
    assert_eq!(parts[0].parse::<usize>().unwrap(), n);
    assert_eq!(parts[2], "True");
    let agreed: usize = parts[1].parse().unwrap();
    assert!(agreed < n, "some contacts did not agree to marketing");
    let marketing = dir.path().join("marketing.vcf");
    stdout_of(
        wortel(&store)
            .args(["export", "--marketing", "--vcf"])
            .arg(&marketing),
    );
    let py = python(code, &marketing);
    assert_eq!(py, format!("{agreed} {agreed} True"));
}

#[test]
fn bad_targets_are_refused_and_leave_nothing_behind() {
    let (dir, store) = demo_store();
    let missing = dir.path().join("nowhere").join("a.ics");
    refused(
        wortel(&store).args(["export", "--ics"]).arg(&missing),
        &format!(
            "the folder {} does not exist; create it or pick another path",
            dir.path().join("nowhere").display()
        ),
    );
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    refused(
        wortel(&store).args(["export", "--csv"]).arg(&file),
        &format!(
            "{} is a file; give a folder for the CSV files",
            file.display()
        ),
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}
