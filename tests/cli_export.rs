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
        list(&store, &["funnel", "--json", "--period", "all"]).len()
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
    let fields = python(
        "import sys,datetime,icalendar\ncal=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\n\
         assert str(cal['VERSION'])=='2.0' and 'wortel' in str(cal['PRODID'])\n\
         ev=list(cal.walk('VEVENT'))\nappt=[e for e in ev if not str(e['UID']).startswith('next-')]\n\
         fu=[e for e in ev if str(e['UID']).startswith('next-')]\n\
         assert all(str(e['UID']).endswith('@wortel') for e in ev)\n\
         assert all(e['DTSTART'].dt.utcoffset()==datetime.timedelta(0) and e['DTEND'].dt>e['DTSTART'].dt for e in appt)\n\
         assert all(type(e['DTSTART'].dt) is datetime.date for e in fu)\n\
         assert all(str(e['SUMMARY']) for e in ev)\n\
         print(len(appt), any(',' in str(e.get('LOCATION','')) for e in appt))",
        &ics,
    );
    assert!(
        fields.ends_with(" True"),
        "a location with a comma survives escaping: {fields}"
    );
    let summary = stdout_of(&mut wortel(&store));
    let appointments = fields.split(' ').next().unwrap();
    assert!(
        summary.contains(&format!("appointments: {appointments}")),
        "every appointment is an event: {summary}"
    );
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
    let first = std::fs::read(&all).unwrap();
    stdout_of(wortel(&store).args(["export", "--vcf"]).arg(&all));
    assert_eq!(
        std::fs::read(&all).unwrap(),
        first,
        "the same store gives the same cards"
    );
    let text = String::from_utf8(first).unwrap();
    assert!(text.contains("\r\nUID:urn:wortel:contact:"), "stable UIDs");
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines are folded at 75 octets"
    );
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

#[test]
fn the_summary_counts_match_the_exported_files() {
    let (dir, store) = demo_store();
    let out = stdout_of(
        wortel(&store)
            .args(["export", "--csv"])
            .arg(dir.path().join("csv"))
            .arg("--ics")
            .arg(dir.path().join("a.ics"))
            .arg("--vcf")
            .arg(dir.path().join("c.vcf")),
    );
    assert_eq!(out.lines().count(), 6, "one line per file: {out}");
    let summary = stdout_of(&mut wortel(&store));
    let contacts = out.lines().last().unwrap();
    let n = contacts
        .split(": ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    assert!(
        summary.contains(&format!("contacts: {n}")),
        "`{contacts}` against the summary: {summary}"
    );
    // Money as plain euros, equal to the listing's cents.
    let funnel = list(&store, &["funnel", "--json", "--period", "all"]);
    for r in rows(&dir.path().join("csv").join("opportunities.csv")) {
        let o = funnel.iter().find(|o| o["id"] == r[0]).unwrap();
        let cents = o["value_cents"].as_i64().unwrap();
        assert_eq!(&r[5], format!("{}.{:02}", cents / 100, cents % 100));
        assert_eq!(&r[2], s(o, "account"));
    }
}

#[test]
fn a_marketing_csv_holds_only_accounts_with_a_consenting_contact() {
    let (dir, store) = demo_store();
    let all = dir.path().join("all");
    let mkt = dir.path().join("marketing");
    stdout_of(wortel(&store).args(["export", "--csv"]).arg(&all));
    let out = stdout_of(
        wortel(&store)
            .args(["export", "--marketing", "--csv"])
            .arg(&mkt)
            .arg("--vcf")
            .arg(dir.path().join("m.vcf")),
    );
    assert!(out.contains("with marketing consent"), "{out}");
    let names = |d: &Path| -> Vec<String> {
        let mut v: Vec<String> = rows(&d.join("accounts.csv"))
            .iter()
            .map(|r| r[1].to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let kept = names(&mkt);
    assert!(
        !kept.is_empty() && kept.len() < names(&all).len(),
        "{kept:?}"
    );
    // The same accounts as the organisations on the consenting contacts' cards.
    let mut orgs = python(
        "import sys,vobject\nfor c in vobject.readComponents(open(sys.argv[1],encoding='utf-8').read()): print(c.org.value[0])",
        &dir.path().join("m.vcf"),
    )
    .lines()
    .map(str::to_string)
    .collect::<Vec<_>>();
    orgs.sort();
    orgs.dedup();
    assert_eq!(kept, orgs);
    let ids: Vec<String> = rows(&mkt.join("accounts.csv"))
        .iter()
        .map(|r| r[0].to_string())
        .collect();
    // The account_id column of each file.
    for (file, col) in [
        ("leads.csv", 2),
        ("opportunities.csv", 1),
        ("activities.csv", 1),
    ] {
        let kept_rows = rows(&mkt.join(file));
        for r in &kept_rows {
            assert!(ids.contains(&r[col].to_string()), "{file}: {r:?}");
        }
        let expected = rows(&all.join(file))
            .iter()
            .filter(|r| ids.contains(&r[col].to_string()))
            .count();
        assert_eq!(
            kept_rows.len(),
            expected,
            "{file}: every row of a kept account"
        );
    }
    refused(
        wortel(&store).args(["export", "--marketing", "--ics", "x.ics"]),
        "--marketing filters the --csv and --vcf exports; give one of them with it",
    );
}

#[test]
fn a_refused_target_among_several_writes_no_file_at_all() {
    let (dir, store) = demo_store();
    let folder = dir.path().join("agenda.ics");
    std::fs::create_dir(&folder).unwrap();
    let csv_dir = dir.path().join("csv");
    refused(
        wortel(&store)
            .args(["export", "--csv"])
            .arg(&csv_dir)
            .arg("--ics")
            .arg(&folder),
        &format!("{} is a folder; give a file name", folder.display()),
    );
    assert!(!csv_dir.exists(), "the CSV folder is not made");
    let deep = dir.path().join("no").join("such").join("csv");
    refused(
        wortel(&store).args(["export", "--csv"]).arg(&deep),
        &format!(
            "the folder {} does not exist; create it or pick another path",
            dir.path().join("no").join("such").display()
        ),
    );
    assert!(
        !dir.path().join("no").exists(),
        "no tree of folders is made"
    );
    let vcf = dir.path().join("c.vcf");
    std::fs::write(&vcf, "an older export").unwrap();
    refused(
        wortel(&store)
            .args(["export", "--vcf"])
            .arg(&vcf)
            .arg("--ics")
            .arg(dir.path().join("gone").join("a.ics")),
        &format!(
            "the folder {} does not exist; create it or pick another path",
            dir.path().join("gone").display()
        ),
    );
    assert_eq!(std::fs::read_to_string(&vcf).unwrap(), "an older export");
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["agenda.ics", "c.vcf", "store"]);
}

#[test]
fn every_text_cell_that_looks_like_a_formula_is_neutralised() {
    let (dir, store) = demo_store();
    let out_dir = dir.path().join("csv");
    stdout_of(wortel(&store).args(["export", "--csv"]).arg(&out_dir));
    let mut cells = 0;
    for file in [
        "accounts.csv",
        "leads.csv",
        "opportunities.csv",
        "activities.csv",
    ] {
        for r in rows(&out_dir.join(file)) {
            for c in r.iter() {
                cells += 1;
                assert!(!c.starts_with(['=', '@', '\t', '\r']), "{file}: {c}");
                if c.starts_with(['+', '-']) {
                    assert!(
                        c[1..]
                            .chars()
                            .all(|ch| ch.is_ascii_digit() || " .,-()/".contains(ch)),
                        "{file}: only numbers and phones may start with + or -: {c}"
                    );
                }
            }
        }
    }
    assert!(cells > 100);
    // Phone numbers in international form stay as they are: they run nothing.
    let accounts = rows(&out_dir.join("accounts.csv"));
    assert!(
        accounts.iter().any(|r| r[7].starts_with("+31")),
        "{:?}",
        accounts.first()
    );
    assert!(
        accounts.iter().all(|r| !r[7].starts_with('\'')),
        "no phone is quoted"
    );
}
