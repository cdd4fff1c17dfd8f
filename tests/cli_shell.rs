//! `wortel completions SHELL` and `wortel man`: generated from the same definition as the parser,
//! usable without any store.

mod common;
use common::*;

#[test]
fn bash_completions_know_wortel_and_its_commands() {
    let (_dir, store) = scratch();
    let out = stdout_of(wortel(&store).args(["completions", "bash"]));
    assert!(out.contains("wortel"), "{out}");
    for cmd in [
        "demo",
        "init",
        "leads",
        "accounts",
        "funnel",
        "log-visit",
        "check",
    ] {
        assert!(out.contains(cmd), "no {cmd} in the completions");
    }
    assert!(!store.exists(), "completions need no store");
}

#[test]
fn completions_exist_for_every_listed_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = stdout_of(bare().args(["completions", shell]));
        assert!(out.contains("wortel"), "{shell}");
    }
}

#[test]
fn completions_for_klingon_are_refused() {
    let (_dir, store) = scratch();
    usage_error(wortel(&store).args(["completions", "klingon"]), "klingon");
    usage_error(bare().arg("completions"), "<SHELL>");
    assert!(!store.exists());
}

#[test]
fn man_prints_a_roff_manual_page() {
    let (_dir, store) = scratch();
    let out = stdout_of(wortel(&store).arg("man"));
    assert!(out.starts_with(".ie") || out.starts_with(".TH"), "{out}");
    assert!(out.contains(".TH wortel"), "{out}");
    assert!(
        out.contains("log\\-visit") || out.contains("log-visit"),
        "{out}"
    );
    assert!(!store.exists(), "man needs no store");
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let (_dir, store) = scratch();
    usage_error(wortel(&store).arg("frobnicate"), "frobnicate");
    assert!(!store.exists());
}

#[test]
fn man_and_completions_work_with_a_broken_clock_setting() {
    let (_dir, store) = scratch();
    let out = stdout_of(wortel(&store).env("WORTEL_NOW", "yesterday-ish").arg("man"));
    assert!(out.contains(".TH wortel"), "{out}");
    let out = stdout_of(
        wortel(&store)
            .env("WORTEL_NOW", "yesterday-ish")
            .args(["completions", "fish"]),
    );
    assert!(out.contains("wortel"), "{out}");
}
