//! `wortel man` and `wortel completions`: the manual names its files, environment and the
//! view's keys, every page it refers to can be written, and completions offer the values of
//! enumerated options instead of file names.

mod common;
use common::*;
use std::collections::BTreeSet;

#[test]
fn the_manual_has_files_environment_and_the_views_keys() {
    let page = stdout_of(bare().arg("man"));
    for section in [
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH KEYS",
        ".SH SUBCOMMANDS",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    for name in [
        "config.toml",
        "keymap.toml",
        "themes/NAME.toml",
        "WORTEL_STORE",
        "WORTEL_NOW",
        "WORTEL_CONFIG",
        "NO_COLOR",
    ] {
        assert!(page.contains(name), "{name} is not in the manual");
    }
    // The keys come from the default keymap: triage in the inbox, the palette anywhere.
    let keys = &page[page.find(".SH KEYS").unwrap_or(0)..];
    assert!(keys.contains(".SS inbox"), "{keys}");
    assert!(
        keys.contains("(accept)") && keys.contains("(palette)"),
        "{keys}"
    );
}

/// Every `wortel-…(1)` a page refers to.
fn references(page: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = page;
    while let Some(at) = rest.find("wortel\\-").or_else(|| rest.find("wortel-")) {
        let tail = &rest[at..];
        if let Some(end) = tail.find("(1)") {
            let name = tail[..end].replace("\\-", "-");
            if name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                found.insert(name);
            }
        }
        rest = &tail[1..];
    }
    found
}

#[test]
fn every_page_the_manual_refers_to_is_written_by_man_all() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out_dir = dir.path().join("man1");
    let listed = stdout_of(bare().args(["man", "--all"]).arg(&out_dir));
    let main = std::fs::read_to_string(out_dir.join("wortel.1")).expect("wortel.1 is written");
    assert_eq!(main, stdout_of(bare().arg("man")));
    let mut wanted = references(&main);
    assert!(wanted.contains("wortel-demo") && wanted.contains("wortel-privacy"));
    for entry in std::fs::read_dir(&out_dir).expect("the directory") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("a page");
        assert!(
            text.starts_with(".ie") || text.starts_with(".TH"),
            "{}",
            path.display()
        );
        wanted.extend(references(&text));
        assert!(listed.contains(&path.display().to_string()));
    }
    for name in &wanted {
        assert!(
            out_dir.join(format!("{name}.1")).is_file(),
            "{name}(1) is referred to but not written"
        );
    }
    assert!(
        !out_dir.join("wortel-debug-write-loop.1").exists(),
        "hidden commands get no page"
    );
}

#[test]
fn completions_offer_the_values_of_enumerated_options() {
    let bash = stdout_of(bare().args(["completions", "bash"]));
    let statuses = "new accepted";
    assert!(
        bash.contains(statuses),
        "bash completion lacks lead statuses"
    );
    for value in ["ex-customer", "web", "data-mining", "not-interested"] {
        assert!(bash.contains(value), "bash completion lacks {value}");
    }
    let zsh = stdout_of(bare().args(["completions", "zsh"]));
    let outcome = zsh
        .lines()
        .find(|l| l.contains("'--outcome="))
        .expect("zsh completes --outcome");
    assert!(!outcome.contains("_files"), "{outcome}");
    assert!(outcome.contains("appointment-made"), "{outcome}");
    let status = zsh
        .lines()
        .find(|l| l.contains("'*--status="))
        .expect("zsh completes --status");
    assert!(status.contains("(new accepted"), "{status}");
}

#[test]
fn a_bad_value_is_still_refused_by_the_domain_in_one_sentence() {
    let (_dir, store) = demo_store();
    refused_starting(wortel(&store).args(["leads", "--status", "nieuw"]), "");
    refused_starting(
        wortel(&store).args(["accounts", "--lifecycle", "klant"]),
        "",
    );
}
