//! The CLI in Dutch and in English: the language comes from `language` in config.toml, else
//! `LC_ALL`/`LC_MESSAGES`/`LANG`, else English; listings, counts and date refusals follow it,
//! while `--json` keeps the machine names. Also the Dutch date forms and the next-step default
//! that skips a public holiday.

mod common;
use common::*;
use std::path::Path;

const NL: &str = "nl_NL.UTF-8";
const EN: &str = "en_US.UTF-8";

/// `wortel --store STORE` with the locale `lang` and no config directory of the user's.
fn in_lang(store: &Path, lang: &str, config: &Path) -> assert_cmd::Command {
    let mut c = wortel(store);
    c.env("LANG", lang).env("WORTEL_CONFIG", config);
    c
}

/// Thousands grouped as the language writes them, computed here, not by wortel.
fn grouped(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

fn header_of(out: &str) -> Vec<String> {
    out.lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_inbox_listing_in_dutch_and_in_english() {
    let (dir, store) = scratch();
    demo(&store, 5000, 7);
    let cfg = dir.path().join("no-config");
    let web = list(&store, &["leads", "--all", "--channel", "web", "--json"]).len();
    assert!(web > 1000, "the demo has {web} web leads");

    let nl = stdout_of(in_lang(&store, NL, &cfg).args(["leads", "--all", "--channel", "web"]));
    assert_eq!(
        header_of(&nl),
        [
            "TIER",
            "STATUS",
            "ACCOUNT",
            "PLAATS",
            "INTERESSE",
            "SCORE",
            "REAGEER",
            "VOOR",
            "BRON",
            "ID"
        ]
    );
    assert!(
        nl.ends_with(&format!(
            "… 50 van {} leads getoond; gebruik --limit N of --json voor meer\n",
            grouped(web, '.')
        )),
        "{nl}"
    );
    assert!(nl.contains(" nieuw ") || nl.contains(" TE LAAT "), "{nl}");
    assert!(!nl.contains(" new "), "{nl}");

    let en = stdout_of(in_lang(&store, EN, &cfg).args(["leads", "--all", "--channel", "web"]));
    assert_eq!(header_of(&en)[3], "CITY");
    assert!(
        en.ends_with(&format!(
            "… 50 of {} leads shown; use --limit N or --json for more\n",
            grouped(web, ',')
        )),
        "{en}"
    );
    // Scripts read the machine names whatever the language.
    let json = stdout_of(in_lang(&store, NL, &cfg).args(["leads", "--json", "--limit", "3"]));
    assert!(json.contains("\"status\":\"new\""), "{json}");
    assert!(!json.contains("nieuw"), "{json}");
}

#[test]
fn accounts_and_funnel_in_dutch() {
    let (dir, store) = demo_store();
    let cfg = dir.path().join("no-config");
    let accounts = stdout_of(in_lang(&store, NL, &cfg).arg("accounts"));
    assert_eq!(
        header_of(&accounts),
        [
            "NAAM", "FASE", "PLAATS", "KVK", "TELEFOON", "EIGENAAR", "ID"
        ]
    );
    let lifecycles: Vec<String> = list(&store, &["accounts", "--json"])
        .iter()
        .map(|a| s(a, "lifecycle").to_string())
        .collect();
    if lifecycles.iter().any(|l| l == "customer") {
        assert!(accounts.contains(" klant "), "{accounts}");
    }

    let funnel = stdout_of(in_lang(&store, NL, &cfg).args(["funnel", "--period", "all"]));
    assert_eq!(
        header_of(&funnel),
        ["STAP", "KANS", "DEALS", "WAARDE", "GEWOGEN"]
    );
    for stage in [
        "kwalificatie",
        "afspraak",
        "offerte",
        "onderhandeling",
        "gewonnen",
        "verloren",
    ] {
        assert!(funnel.contains(stage), "{stage}: {funnel}");
    }
    assert!(
        funnel.contains("prognose, alle open deals: gewogen € "),
        "{funnel}"
    );
    assert!(funnel.contains("winstpercentage"), "{funnel}");
    assert!(funnel.contains("gewonnen, alle tijd: € "), "{funnel}");
    assert!(
        !funnel.contains("won "),
        "English in the Dutch listing: {funnel}"
    );

    let en = stdout_of(in_lang(&store, EN, &cfg).args(["funnel", "--period", "all"]));
    assert!(en.contains("forecast, all open deals: weighted € "), "{en}");
    assert!(en.contains("negotiation"), "{en}");
}

#[test]
fn config_toml_wins_over_the_locale_and_lc_all_over_lang() {
    let (dir, store) = demo_store();
    let cfg = dir.path().join("config");
    std::fs::create_dir(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "language = \"nl\"\n").unwrap();
    let out = stdout_of(in_lang(&store, EN, &cfg).arg("accounts"));
    assert_eq!(header_of(&out)[0], "NAAM");

    let none = dir.path().join("none");
    let out = stdout_of(in_lang(&store, EN, &none).env("LC_ALL", NL).arg("accounts"));
    assert_eq!(header_of(&out)[0], "NAAM", "LC_ALL comes before LANG");
    let out = stdout_of(in_lang(&store, "C", &none).arg("accounts"));
    assert_eq!(header_of(&out)[0], "NAME", "any other locale is English");

    std::fs::write(
        cfg.join("config.toml"),
        "theme = \"light\"\nlanguage = \"fr\"\n",
    )
    .unwrap();
    let before = snapshot(&store);
    let out = in_lang(&store, NL, &cfg).arg("accounts").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "wortel: {} line 2: language `fr` is not offered; use \"nl\" (Nederlands) or \"en\" (English)\n",
            cfg.join("config.toml").display()
        )
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn dates_are_typed_the_dutch_way_and_refused_in_the_readers_language() {
    let (dir, store) = demo_store();
    let cfg = dir.path().join("no-config");
    let leads = new_leads(&store, 2);
    let (first, second) = (s(&leads[0], "id"), s(&leads[1], "id"));
    let before = snapshot(&store);
    for (lang, want) in [
        (
            NL,
            "wortel: 2026-02-31 bestaat niet; controleer de dag en de maand\n",
        ),
        (
            EN,
            "wortel: 2026-02-31 does not exist; check the day and the month\n",
        ),
    ] {
        let out = in_lang(&store, lang, &cfg)
            .args(["leads", "snooze", first, "--until", "2026-02-31"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(String::from_utf8(out.stderr).unwrap(), want);
    }
    let out = in_lang(&store, NL, &cfg)
        .args(["leads", "snooze", first, "--until", "volgende week"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("wortel: datum `volgende week` wordt niet begrepen; gebruik "),
    );
    assert_eq!(snapshot(&store), before, "nothing was written");

    // 4-12 is 4 December (today is Monday 23 November 2026), 04-12-2026 and `4 dec` too.
    for (id, typed) in [(first, "4-12"), (second, "vr 4 dec")] {
        stdout_of(in_lang(&store, NL, &cfg).args(["leads", "snooze", id, "--until", typed]));
        let snoozed = lead(&store, id);
        assert!(
            s(&snoozed, "snoozed_until").starts_with("2026-12-0"),
            "{typed}: {snoozed}"
        );
    }
}

#[test]
fn a_follow_up_that_would_fall_on_new_years_day_moves_to_the_monday_after() {
    let (dir, store) = demo_store();
    let cfg = dir.path().join("no-config");
    let id = s(&a_new_lead(&store), "id").to_string();
    // Friday 18 December 2026; a follow-up is due in 14 days: Friday 1 January 2027.
    let out = stdout_of(
        in_lang(&store, EN, &cfg)
            .env("WORTEL_NOW", "2026-12-18T09:00:00Z")
            .args([
                "log-visit",
                "--lead",
                &id,
                "--outcome",
                "follow-up",
                "--json",
            ]),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["next_step"], "2027-01-04", "{v}");
    // A date typed by hand is kept, holiday or not: the salesperson chose it.
    let out = stdout_of(
        in_lang(&store, NL, &cfg)
            .env("WORTEL_NOW", "2026-12-18T09:00:00Z")
            .args([
                "log-visit",
                "--lead",
                &id,
                "--outcome",
                "follow-up",
                "--next",
                "1-1-2027",
                "--json",
            ]),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["next_step"], "2027-01-01", "{v}");
}

#[test]
fn reasons_are_typed_in_either_language_and_stored_by_their_machine_name() {
    let (dir, store) = demo_store();
    let cfg = dir.path().join("no-config");
    let leads = new_leads(&store, 2);
    let (first, second) = (s(&leads[0], "id"), s(&leads[1], "id"));
    stdout_of(in_lang(&store, NL, &cfg).args([
        "leads",
        "reject",
        first,
        "--reason",
        "Klant van concurrent",
    ]));
    assert_eq!(lead(&store, first)["reason"], "competitor's customer");
    stdout_of(in_lang(&store, EN, &cfg).args(["leads", "reject", second, "--reason", "dubbel"]));
    assert_eq!(lead(&store, second)["reason"], "duplicate");
}

#[test]
fn the_views_config_takes_the_language_key_and_refuses_an_unknown_one() {
    use wortel::tui::config;
    use wortel_core::lang::Language;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let cfg = file.display().to_string();
    std::fs::write(&file, "keymap = \"emacs\"\nlanguage = \"nl\"\n").unwrap();
    let ui = config::load(Some(dir.path()), false).unwrap();
    assert_eq!(ui.language, Language::Nl);
    assert_eq!(config::language(Some(dir.path())).unwrap(), Language::Nl);
    std::fs::write(&file, "language = \"EN\"\n").unwrap();
    assert_eq!(
        config::load(Some(dir.path()), false).unwrap().language,
        Language::En
    );
    for (text, problem) in [
        (
            "theme = \"dark\"\nlanguage = \"de\"\n",
            "line 2: language `de` is not offered; use \"nl\" (Nederlands) or \"en\" (English)",
        ),
        (
            "language = 3\n",
            "line 1: `language` must be a name in quotes",
        ),
    ] {
        std::fs::write(&file, text).unwrap();
        let view = config::load(Some(dir.path()), false).err().unwrap();
        assert_eq!(view.to_string(), format!("{cfg} {problem}"));
        let cli = config::language(Some(dir.path())).err().unwrap();
        assert_eq!(cli.to_string(), format!("{cfg} {problem}"));
    }
}
