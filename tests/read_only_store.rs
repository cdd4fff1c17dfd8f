//! A read-only store loses nothing (issue 7: "read-only-store errors are reported in a sentence
//! and lose nothing"): the store is seen through a read-only bind mount (which holds for root
//! too, unlike file modes). Writing commands are refused with one sentence that says the store
//! is read-only and what to do, never a panic; exports into a read-only folder likewise; and
//! the store itself is exactly as it was and checks clean.

mod common;
use common::mount::Mounted;
use common::{snapshot, wortel};

use std::process::Output;

/// Exit 1 with one `wortel: …` sentence (nothing on standard output) containing `words`.
fn refused_with(what: &str, out: &Output, words: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{what}: a refusal, not {err}");
    assert_eq!(err.lines().count(), 1, "{what}: one sentence: {err}");
    assert!(err.starts_with("wortel: "), "{what}: {err}");
    assert!(err.contains(words), "{what}: `{words}` not in: {err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{what}");
}

#[test]
fn a_read_only_store_is_refused_in_a_sentence_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let writable = dir.path().join("disk");
    let store = writable.join("store");
    let sample = dir.path().join("sample.zip");
    let out = wortel(&store)
        .args([
            "demo", "--no-tui", "--leads", "40", "--seed", "3", "--bundle",
        ])
        .arg(&sample)
        .output()
        .unwrap();
    assert!(out.status.success());
    let before = snapshot(&store);
    let lead = common::a_new_lead(&store);
    let lead = common::s(&lead, "id");
    let mounted = match Mounted::new(
        &writable,
        r#"mount --bind "$1" "$1"; mount -o remount,bind,ro "$1""#,
    ) {
        Ok(m) => m,
        Err(why) => {
            eprintln!("SKIPPED: no read-only bind mount can be made here: {why}");
            return;
        }
    };
    let ro_store = mounted.path.join("store");
    let outside = dir.path().join("out");
    std::fs::create_dir(&outside).unwrap();
    let attempts: [(&str, Vec<std::ffi::OsString>); 5] = [
        (
            "log-visit",
            vec![
                "log-visit".into(),
                "--lead".into(),
                lead.into(),
                "--outcome".into(),
                "2".into(),
            ],
        ),
        ("import", vec!["import".into(), sample.clone().into()]),
        (
            "feedback export",
            vec![
                "export".into(),
                "--out".into(),
                outside.join("f.zip").into(),
            ],
        ),
        (
            "backup",
            vec!["backup".into(), outside.join("b.zip").into()],
        ),
        (
            "privacy erase",
            vec![
                "privacy".into(),
                "erase".into(),
                lead.into(),
                "--yes".into(),
            ],
        ),
    ];
    for (what, args) in &attempts {
        let out = wortel(&ro_store).args(args).output().unwrap();
        refused_with(what, &out, "is read-only");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("make it writable"),
            "{what}: says what to do"
        );
    }
    // Files into a read-only folder, from a writable store.
    let out = wortel(&store)
        .args(["export", "--out"])
        .arg(mounted.path.join("f.zip"))
        .output()
        .unwrap();
    refused_with(
        "export into a read-only folder",
        &out,
        "the disk is read-only",
    );
    let out = wortel(&store)
        .arg("backup")
        .arg(mounted.path.join("b.zip"))
        .output()
        .unwrap();
    refused_with(
        "backup into a read-only folder",
        &out,
        "the disk is read-only",
    );
    drop(mounted);

    assert_eq!(snapshot(&store), before, "the store changed");
    assert!(
        wortel(&store)
            .arg("check")
            .output()
            .unwrap()
            .status
            .success()
    );
    assert!(!outside.join("f.zip").exists() && !outside.join("b.zip").exists());
    assert!(!writable.join("f.zip").exists() && !writable.join("b.zip").exists());
}
