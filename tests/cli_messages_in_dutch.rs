//! What commands say beyond their listings — receipts, refusals, store errors, `check`,
//! `--help`, the man page and the calendar export — in Dutch and in English, by the locale.
//! `--json` and the files' machine names stay English (tests/cli_language.rs covers those).

mod common;
use common::*;
use std::path::Path;
use std::process::Command as Process;

const NL: &str = "nl_NL.UTF-8";
const EN: &str = "en_US.UTF-8";

/// `wortel --store STORE` in the locale `lang`, with no config.toml of the user's.
fn in_lang(store: &Path, lang: &str) -> assert_cmd::Command {
    let mut c = wortel(store);
    c.env("LANG", lang)
        .env("WORTEL_CONFIG", store.with_extension("no-config"));
    c
}

/// Standard error of a refused command (exit 1, nothing on standard output).
fn refusal(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn triage_receipts_and_refusals_in_either_language() {
    let (_dir, store) = demo_store();
    let leads = new_leads(&store, 3);
    let ids: Vec<&str> = leads.iter().map(|l| s(l, "id")).collect();
    let out = stdout_of(in_lang(&store, NL).args(["leads", "accept", ids[0]]));
    assert_eq!(out, "1 lead geaccepteerd\n");
    let out = stdout_of(in_lang(&store, EN).args(["leads", "accept", ids[1], ids[2]]));
    assert_eq!(out, "accepted 2 leads\n");

    let before = snapshot(&store);
    let err = refusal(in_lang(&store, NL).args(["leads", "snooze", "HQ-NOPE", "--until", "+3d"]));
    assert_eq!(
        err,
        "wortel: 1 van 1 lead niet uitgesteld: HQ-NOPE (bestaat niet); er is niets gewijzigd\n"
    );
    let err = refusal(in_lang(&store, EN).args(["leads", "snooze", "HQ-NOPE", "--until", "+3d"]));
    assert_eq!(
        err,
        "wortel: 1 of 1 lead not snoozed: HQ-NOPE (no such lead); nothing was changed\n"
    );
    assert_eq!(snapshot(&store), before, "a refusal changes nothing");
}

#[test]
fn a_store_error_is_said_in_the_readers_language() {
    let (dir, _) = scratch();
    let none = dir.path().join("nowhere");
    let err = refusal(in_lang(&none, NL).arg("leads"));
    assert_eq!(
        err,
        format!(
            "wortel: er is geen wortel-opslag in {}; maak er een met `wortel init --dealer ID --salesperson NAAM` of `wortel demo`\n",
            none.display()
        )
    );
    let err = refusal(in_lang(&none, EN).arg("leads"));
    assert!(
        err.starts_with("wortel: there is no wortel store at "),
        "{err}"
    );
    assert!(!none.exists(), "asking created nothing");
}

#[test]
fn check_counts_in_the_languages_notation() {
    let (_dir, store) = scratch();
    demo(&store, 1500, 3);
    let nl = stdout_of(in_lang(&store, NL).arg("check"));
    assert!(
        nl.starts_with(&format!("opslag {} klopt: ", store.display())),
        "{nl}"
    );
    assert!(nl.contains(" 1.500 leads"), "{nl}");
    assert!(nl.contains("wijzigingen vastgelegd"), "{nl}");
    let en = stdout_of(in_lang(&store, EN).arg("check"));
    assert!(
        en.contains(" 1,500 leads") && en.contains(" logged"),
        "{en}"
    );
}

#[test]
fn a_deal_edit_refused_in_dutch_changes_nothing() {
    let (_dir, store) = demo_store();
    let deal = list(&store, &["funnel", "--period", "all", "--json"])
        .into_iter()
        .find(|d| OPEN_STAGES.contains(&s(d, "stage")))
        .expect("an open deal");
    let id = s(&deal, "id").to_string();
    let before = snapshot(&store);
    let err = refusal(in_lang(&store, NL).args(["deal", "edit", &id, "--value", " "]));
    assert_eq!(
        err,
        "wortel: --value is leeg; geef een waarde, of gebruik --clear-value om het veld leeg te maken\n"
    );
    assert_eq!(snapshot(&store), before);
    let shown = stdout_of(in_lang(&store, NL).args(["deal", "show", &id]));
    assert!(shown.contains("  verwachte sluiting: "), "{shown}");
    let shown = stdout_of(in_lang(&store, EN).args(["deal", "show", &id]));
    assert!(shown.contains("  expected close: "), "{shown}");
}

#[test]
fn help_and_the_man_page_follow_the_locale() {
    let (dir, _) = scratch();
    let store = dir.path().join("store");
    let nl = stdout_of(in_lang(&store, NL).args(["leads", "reject", "--help"]));
    assert!(nl.starts_with("Wijs leads af, met een reden"), "{nl}");
    assert!(nl.contains("Gebruik: wortel leads reject"), "{nl}");
    assert!(
        nl.contains("\nOpties:\n") && nl.contains("Toon de hulp"),
        "{nl}"
    );
    assert!(!nl.contains("Usage:") && !nl.contains("Print help"), "{nl}");
    let en = stdout_of(in_lang(&store, EN).args(["leads", "reject", "--help"]));
    assert!(en.starts_with("Reject leads, with a reason"), "{en}");
    assert!(
        en.contains("Usage: wortel leads reject") && en.contains("\nOptions:\n"),
        "{en}"
    );

    let top = stdout_of(in_lang(&store, NL).arg("--help"));
    assert!(top.contains("\nOpdrachten:\n"), "{top}");
    assert!(top.contains("Richt een opslag in voor een dealer"), "{top}");
    let man = stdout_of(in_lang(&store, NL).arg("man"));
    assert!(
        man.contains("een CRM voor de terminal"),
        "the man page is Dutch"
    );
    assert!(man.contains("Richt een opslag in"), "subcommands too");
    let man = stdout_of(in_lang(&store, EN).arg("man"));
    assert!(
        man.contains("Set up a store for a dealer"),
        "and English in English"
    );
}

/// The calendar's summaries, read back with Python's `icalendar` (as tests/cli_export.rs does).
fn summaries(ics: &Path) -> Vec<String> {
    let out = Process::new("python3")
        .arg("-c")
        .arg("import sys,icalendar\ncal=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\nfor e in cal.walk('VEVENT'): print(str(e['SUMMARY']))")
        .arg(ics)
        .output()
        .expect("python3 runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "install icalendar with `python3 -m pip install icalendar` (.ci/run does): {err}"
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_calendar_summaries_are_in_the_readers_language() {
    let (dir, store) = demo_store();
    // An appointment made by the visit form, titled by wortel.
    let lead = a_new_lead(&store);
    stdout_of(in_lang(&store, EN).args([
        "log-visit",
        "--lead",
        s(&lead, "id"),
        "--outcome",
        "appointment-made",
        "--next",
        "+2d",
    ]));
    let nl_file = dir.path().join("nl.ics");
    let receipt = stdout_of(in_lang(&store, NL).args(["export", "--ics"]).arg(&nl_file));
    assert!(
        receipt.contains("gebeurtenissen (afspraken en opvolgingen)"),
        "{receipt}"
    );
    let nl = summaries(&nl_file);
    assert!(nl.iter().any(|s| s.starts_with("Afspraak: ")), "{nl:?}");
    assert!(nl.iter().any(|s| s.starts_with("Opvolgen: ")), "{nl:?}");
    assert!(
        !nl.iter()
            .any(|s| s.starts_with("Appointment: ") || s.starts_with("Follow up: ")),
        "{nl:?}"
    );

    let en_file = dir.path().join("en.ics");
    stdout_of(in_lang(&store, EN).args(["export", "--ics"]).arg(&en_file));
    let en = summaries(&en_file);
    assert_eq!(en.len(), nl.len(), "the same events");
    assert!(en.iter().any(|s| s.starts_with("Appointment: ")), "{en:?}");
    assert!(en.iter().any(|s| s.starts_with("Follow up: ")), "{en:?}");
    // The events are the same ones, in the same order: only wortel's own words differ.
    for (n, e) in nl.iter().zip(&en) {
        let strip = |s: &str, prefixes: &[&str]| {
            prefixes.iter().fold(s.to_string(), |s, p| {
                s.strip_prefix(p).map_or(s.clone(), str::to_string)
            })
        };
        assert_eq!(
            strip(n, &["Afspraak: ", "Opvolgen: "]),
            strip(e, &["Appointment: ", "Follow up: "])
        );
    }
}

/// The rows of a CSV file as Python's `csv` reads them (`;` and a BOM for excel-nl).
fn csv_rows(file: &Path, delimiter: &str) -> Vec<Vec<String>> {
    let code = format!(
        "import sys,csv,json\nprint(json.dumps(list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline=''),delimiter='{delimiter}'))))"
    );
    let out = Process::new("python3")
        .arg("-c")
        .arg(code)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn csv_headers_are_machine_names_unless_dutch_ones_are_asked_for() {
    let (dir, store) = demo_store();
    let machine = dir.path().join("machine");
    let dutch = dir.path().join("dutch");
    // The reader's language alone does not change the header row: scripts read it.
    stdout_of(in_lang(&store, NL).args(["export", "--csv"]).arg(&machine));
    let receipt = stdout_of(
        in_lang(&store, NL)
            .args([
                "export",
                "--dialect",
                "excel-nl",
                "--headers",
                "nl",
                "--csv",
            ])
            .arg(&dutch),
    );
    assert!(
        receipt.contains("leads.csv: ") && receipt.contains(" regels"),
        "{receipt}"
    );
    let plain = csv_rows(&machine.join("leads.csv"), ",");
    let titled = csv_rows(&dutch.join("leads.csv"), ";");
    assert_eq!(
        &plain[0][..4],
        ["id", "head_office_id", "account_id", "account"]
    );
    assert_eq!(
        &titled[0][..4],
        ["nummer", "hoofdkantoornummer", "accountnummer", "account"]
    );
    assert_eq!(titled[0].len(), plain[0].len());
    assert_eq!(
        titled.len(),
        plain.len(),
        "the same rows under other titles"
    );
    assert_eq!(titled[1][0], plain[1][0]);
    let deals = csv_rows(&dutch.join("opportunities.csv"), ";");
    assert!(
        deals[0].contains(&"waarde (EUR)".to_string()),
        "{:?}",
        deals[0]
    );

    let out = in_lang(&store, NL)
        .args(["export", "--headers", "de", "--csv"])
        .arg(dir.path().join("x"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "clap refuses a name it does not offer"
    );
    assert!(!dir.path().join("x").exists());
}
