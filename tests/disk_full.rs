//! A full disk loses nothing (issue 7: "disk-full … errors are reported in a sentence and lose
//! nothing"): a store on a tiny tmpfs that has just been filled up. Every command either works
//! — and then what it confirmed is there later — or is refused with one sentence saying the
//! disk is full, never a panic; no file appears half-written under its final name; and once
//! room is made the store checks clean with everything saved before.

mod common;
use common::crash::{copy_dir, file_containing, hidden_entries};
use common::mount::Mounted;
use common::wortel;

use std::io::Write;
use std::path::Path;
use std::process::Output;
use wortel::bundle::read_bundle;
use wortel::store::{EntityKind, Record, Store};

/// Writes a filler file until the disk refuses, so the next write meets a full disk.
fn fill(dir: &Path) {
    let mut f = std::fs::File::create(dir.join("filler")).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    loop {
        if let Err(e) = f.write_all(&chunk).and_then(|_| f.sync_all()) {
            assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{e}");
            break;
        }
    }
    // Also the last few bytes.
    while f.write_all(&[0u8; 512]).is_ok() {}
}

/// Exit 0, or exit 1 with one `wortel: …` sentence naming the full disk. True when refused.
fn worked_or_refused_for_a_full_disk(what: &str, out: &Output) -> bool {
    let err = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => false,
        Some(1) => {
            assert_eq!(err.lines().count(), 1, "{what}: one sentence, got: {err}");
            assert!(err.starts_with("wortel: "), "{what}: {err}");
            assert!(
                err.contains("is full"),
                "{what}: the sentence names the full disk: {err}"
            );
            assert!(!err.contains("panicked"), "{what}: {err}");
            true
        }
        other => panic!("{what}: exit {other:?} (a panic?): {err}"),
    }
}

fn activity_notes(store: &Path) -> Vec<String> {
    let s = Store::open(store).unwrap();
    s.scan(EntityKind::Activity)
        .map(|r| match r.unwrap() {
            Record::Activity(a) => a.note,
            other => panic!("not an activity: {other:?}"),
        })
        .collect()
}

fn lead_ids(store: &Path) -> Vec<String> {
    let s = Store::open(store).unwrap();
    let mut ids: Vec<String> = s.all_leads().map(|l| l.unwrap().id.to_string()).collect();
    ids.sort();
    ids
}

#[test]
fn a_full_disk_is_reported_in_a_sentence_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base");
    let sample = dir.path().join("sample.zip");
    let out = wortel(&base)
        .args([
            "demo", "--no-tui", "--leads", "60", "--seed", "3", "--bundle",
        ])
        .arg(&sample)
        .output()
        .unwrap();
    assert!(out.status.success());
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let mounted = match Mounted::new(&disk, r#"mount -t tmpfs -o size=8m tmpfs "$1""#) {
        Ok(m) => m,
        Err(why) => {
            eprintln!("SKIPPED: no private tmpfs can be mounted here, so no full disk: {why}");
            return;
        }
    };
    let m = &mounted.path;
    let store = m.join("store");
    copy_dir(&base, &store);
    let leads_before = lead_ids(&store);
    let notes_before = activity_notes(&store);
    let targets: Vec<String> = common::list(&store, &["leads", "--status", "new", "--json"])
        .iter()
        .take(3)
        .map(|l| common::s(l, "id").to_string())
        .collect();
    let person = {
        let s = Store::open(&store).unwrap();
        let all: Vec<_> = s.all_contacts().map(|c| c.unwrap()).collect();
        all.iter()
            .find(|c| c.name.len() > 8 && all.iter().filter(|o| o.name == c.name).count() == 1)
            .unwrap()
            .name
            .clone()
    };
    fill(m);

    let mut refused = 0;
    let mut confirmed_notes = Vec::new();
    for (i, lead) in targets.iter().enumerate() {
        let note = format!("disk-full visit {i}");
        let out = wortel(&store)
            .args([
                "log-visit",
                "--lead",
                lead,
                "--outcome",
                "2",
                "--note",
                &note,
            ])
            .output()
            .unwrap();
        if worked_or_refused_for_a_full_disk("log-visit", &out) {
            refused += 1;
        } else {
            confirmed_notes.push(note);
        }
    }
    let commands: [(&str, Vec<std::ffi::OsString>); 5] = [
        ("import", vec!["import".into(), sample.clone().into()]),
        (
            "feedback export",
            vec![
                "export".into(),
                "--out".into(),
                m.join("feedback.zip").into(),
            ],
        ),
        ("backup", vec!["backup".into(), m.join("backup.zip").into()]),
        (
            "privacy erase",
            vec![
                "privacy".into(),
                "erase".into(),
                person.clone().into(),
                "--yes".into(),
            ],
        ),
        (
            "csv/ics/vcf export",
            vec![
                "export".into(),
                "--csv".into(),
                m.join("csv").into(),
                "--ics".into(),
                m.join("calendar.ics").into(),
                "--vcf".into(),
                m.join("people.vcf").into(),
            ],
        ),
    ];
    for (what, args) in &commands {
        let out = wortel(&store).args(args).output().unwrap();
        refused += worked_or_refused_for_a_full_disk(what, &out) as usize;
    }
    assert!(
        refused > 0,
        "the full disk refused nothing; the test did not fill it"
    );

    // Room again: the store checks clean and holds everything it held and confirmed.
    std::fs::remove_file(m.join("filler")).unwrap();
    let check = wortel(&store).arg("check").output().unwrap();
    assert!(
        check.status.success(),
        "check after the disk was full: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let leads_after = lead_ids(&store);
    assert!(
        leads_before.iter().all(|id| leads_after.contains(id)),
        "leads were lost"
    );
    // An erasure whose compaction the full disk stopped is finished once there is room.
    let erased = wortel::ops::find_person(&Store::open(&store).unwrap(), &person).is_err();
    if erased {
        for dir in std::iter::once(store.clone()).chain(hidden_entries(m)) {
            assert_eq!(
                file_containing(&dir, person.as_bytes()),
                None,
                "the erased {person} is still in the store's files"
            );
        }
    }
    let notes_after = activity_notes(&store);
    for note in notes_before.iter().chain(&confirmed_notes) {
        assert!(
            notes_after.contains(note),
            "a confirmed activity was lost: {note}"
        );
    }
    // Files under their final names are whole.
    if let Ok(bytes) = std::fs::read(m.join("feedback.zip")) {
        read_bundle(&bytes, None).expect("a feedback bundle under its name is whole");
    }
    if m.join("backup.zip").exists() {
        Store::restore(&dir.path().join("restored"), &m.join("backup.zip"))
            .expect("a backup under its name is whole");
    }
    let reference = dir.path().join("reference");
    std::fs::create_dir(&reference).unwrap();
    let out = wortel(&store)
        .args(["export", "--csv"])
        .arg(reference.join("csv"))
        .arg("--ics")
        .arg(reference.join("calendar.ics"))
        .arg("--vcf")
        .arg(reference.join("people.vcf"))
        .output()
        .unwrap();
    assert!(out.status.success());
    for f in [
        "csv/accounts.csv",
        "csv/leads.csv",
        "csv/opportunities.csv",
        "csv/activities.csv",
        "calendar.ics",
        "people.vcf",
    ] {
        if let Ok(bytes) = std::fs::read(m.join(f)) {
            assert_eq!(
                bytes,
                std::fs::read(reference.join(f)).unwrap(),
                "{f} is under its final name but not whole"
            );
        }
    }
    eprintln!(
        "full disk: {refused} commands refused with a sentence, {} visits confirmed and kept, erasure {}",
        confirmed_notes.len(),
        if erased { "done" } else { "refused" }
    );
}
