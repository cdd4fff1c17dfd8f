//! Erasure reaches backups: after `privacy erase`, no backup beside the store holds the person
//! (not in the zip's bytes, not in its unpacked trees), and a restore of a backup taken before
//! the erasure keeps the person erased and the tombstone present.

mod common;
use common::wortel;

use std::io::Read;
use std::path::Path;
use wortel::ops::tombstone_key;
use wortel::store::Store;

fn ok(mut c: assert_cmd::Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut c = wortel(&store);
    c.args(["demo", "--no-tui", "--leads", "80", "--seed", "9"]);
    ok(c);
    (dir, store)
}

/// A contact whose name is unique in the store and who has a phone and an e-mail.
fn someone(store: &Path) -> wortel::domain::Contact {
    let s = Store::open(store).unwrap();
    let all: Vec<_> = s.all_contacts().map(|c| c.unwrap()).collect();
    all.iter()
        .find(|c| {
            !c.phone.is_empty()
                && !c.email.is_empty()
                && all.iter().filter(|o| o.name == c.name).count() == 1
        })
        .unwrap()
        .clone()
}

fn backup(store: &Path, file: &Path) {
    let mut c = wortel(store);
    c.arg("backup").arg(file);
    ok(c);
}

/// Whether `needle` is in the file's bytes or in the unpacked bytes of any entry of the zip.
fn backup_holds(file: &Path, needle: &[u8]) -> bool {
    let bytes = std::fs::read(file).unwrap();
    let has = |b: &[u8]| b.windows(needle.len()).any(|w| w == needle);
    if has(&bytes) {
        return true;
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    (0..zip.len()).any(|i| {
        let mut out = Vec::new();
        zip.by_index(i).unwrap().read_to_end(&mut out).unwrap();
        has(&out)
    })
}

fn backups_in(store: &Path) -> Vec<std::path::PathBuf> {
    let mut all: Vec<_> = std::fs::read_dir(wortel::store::backup::backups_dir(store))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    all.sort();
    all
}

#[test]
fn erasure_rewrites_every_backup_that_holds_the_person() {
    let (dir, store) = setup();
    let c = someone(&store);
    let folder = wortel::store::backup::backups_dir(&store);
    std::fs::create_dir_all(&folder).unwrap();
    backup(&store, &folder.join("backup-2026-11-29.zip"));
    backup(&store, &folder.join("manual-2026-11-30T101500.zip"));
    let marks = [&c.name, &c.phone, &c.email];
    for f in backups_in(&store) {
        for m in marks {
            assert!(backup_holds(&f, m.as_bytes()), "the test sees {m} before");
        }
    }
    let dates_before: Vec<_> = backups_in(&store)
        .iter()
        .map(|f| wortel::store::backup::backup_date(f).unwrap())
        .collect();

    // What a rewrite killed half-way leaves: a working copy holding the person.
    let stale = folder.join(".rewrite-Ab12Cd");
    std::fs::create_dir_all(&stale).unwrap();
    std::fs::write(stale.join("db"), c.name.as_bytes()).unwrap();

    let mut e = wortel(&store);
    e.args(["privacy", "erase", "--yes"]).arg(&c.name);
    let out = ok(e);
    assert!(out.contains("2 backups rewritten without them"), "{out}");
    assert!(!stale.exists(), "the stale working copy is gone");

    let files = backups_in(&store);
    assert_eq!(files.len(), 2, "no temporary file is left: {files:?}");
    for f in &files {
        for m in marks {
            assert!(!backup_holds(f, m.as_bytes()), "{} holds {m}", f.display());
        }
    }
    let dates_after: Vec<_> = files
        .iter()
        .map(|f| wortel::store::backup::backup_date(f).unwrap())
        .collect();
    assert_eq!(
        dates_after, dates_before,
        "a rewritten backup keeps its date"
    );

    // A rewritten backup restores clean, without the person and with the tombstone.
    let elsewhere = dir.path().join("elsewhere");
    let mut r = wortel(&elsewhere);
    r.arg("restore").arg(&files[1]);
    ok(r);
    let s = Store::open(&elsewhere).unwrap();
    assert!(s.check().unwrap().is_ok());
    assert!(s.contact(c.id).unwrap().is_none());
    assert!(
        s.meta_value(&tombstone_key(&c.id.to_string()))
            .unwrap()
            .is_some()
    );
    drop(s);

    // A second erasure leaves backups without the person alone.
    let other = someone(&store);
    let mut e = wortel(&store);
    e.args(["privacy", "erase", "--yes"]).arg(&other.name);
    assert!(ok(e).contains("2 backups rewritten without them"));
}

#[test]
fn restoring_a_backup_from_before_an_erasure_keeps_the_person_erased() {
    let (dir, store) = setup();
    let c = someone(&store);
    // A backup kept elsewhere (not beside the store), so the erasure cannot reach it.
    let old = dir.path().join("old.zip");
    backup(&store, &old);
    let mut e = wortel(&store);
    e.args(["privacy", "erase", "--yes"]).arg(&c.name);
    let out = ok(e);
    assert!(out.contains("0 backups rewritten without them"), "{out}");
    let tombstone = {
        let s = Store::open(&store).unwrap();
        s.meta_value(&tombstone_key(&c.id.to_string()))
            .unwrap()
            .unwrap()
    };

    let mut r = wortel(&store);
    r.arg("restore").arg(&old);
    let out = ok(r);
    assert!(
        out.contains("1 person erased since the backup was taken erased again"),
        "{out}"
    );
    let s = Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    assert!(
        s.contact(c.id).unwrap().is_none(),
        "the person stays erased"
    );
    assert_eq!(
        s.meta_value(&tombstone_key(&c.id.to_string())).unwrap(),
        Some(tombstone),
        "the tombstone is kept as it was"
    );
    drop(s);
    for m in [&c.name, &c.phone, &c.email] {
        assert!(
            !common::store_files::files_contain(&store, m.as_bytes()),
            "{m} is back in the store's files"
        );
    }
}

/// A signed leads bundle from the demo head office (seed 9) with these payload files.
fn hq_bundle(id: &str, sequence: u64, files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: id.into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence,
        created_at: common::NOW.parse().unwrap(),
        period: None,
        files: vec![],
    };
    let key = wortel::demo::bundle::head_office_key(9);
    wortel::bundle::write::write_bundle(manifest, files, Some(&key)).unwrap()
}

fn ndjson(v: &serde_json::Value) -> Vec<u8> {
    let mut line = serde_json::to_vec(v).unwrap();
    line.push(b'\n');
    line
}

fn imported(store: &Path, bytes: &[u8], name: &str) -> String {
    let out = common::store_files::import(store, bytes, name);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_head_office_erasure_through_import_reaches_the_backups_too() {
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut c = wortel(&store);
    c.args([
        "demo", "--no-tui", "--leads", "80", "--seed", "9", "--bundle",
    ])
    .arg(dir.path().join("sample.zip"));
    ok(c);
    let person = someone(&store);
    // An owner-driver known only as a person-kind account, no contact record.
    let owner_driver = json!({"id": "HQ-OD-1", "received_at": "2026-11-22T08:00:00Z",
           "source": {"channel": "web"}, "score": 50,
           "account": {"name": "Henk Zelfrijder", "kind": "person",
                       "phone": "+31 6 4444 1111", "email": "henk@zelfrijder.example"}});
    imported(
        &store,
        &hq_bundle("HQ-OD", 1, &[("leads.ndjson", ndjson(&owner_driver))]),
        "od.zip",
    );
    let folder = wortel::store::backup::backups_dir(&store);
    std::fs::create_dir_all(&folder).unwrap();
    let kept = folder.join("backup-2026-11-22.zip");
    backup(&store, &kept);
    let outside = dir.path().join("outside.zip");
    backup(&store, &outside);

    let requests = [
        json!({"request_id": "ER-9", "requested_at": "2026-11-21", "email": person.email}),
        json!({"request_id": "ER-OD", "requested_at": "2026-11-21", "email": "henk@zelfrijder.example"}),
    ];
    let mut lines = ndjson(&requests[0]);
    lines.extend(ndjson(&requests[1]));
    let stdout = imported(
        &store,
        &hq_bundle(
            "HQ-ERASE-9",
            2,
            &[("leads.ndjson", Vec::new()), ("erasures.ndjson", lines)],
        ),
        "erase.zip",
    );
    assert!(stdout.contains("2 contacts erased"), "{stdout}");
    assert!(
        stdout.contains("1 backup rewritten without the erased people"),
        "{stdout}"
    );
    let marks = [
        person.name.as_str(),
        &person.phone,
        &person.email,
        "Henk Zelfrijder",
        "+31 6 4444 1111",
        "henk@zelfrijder.example",
    ];
    for m in marks {
        assert!(!backup_holds(&kept, m.as_bytes()), "{m}");
    }
    // The backup kept outside the folder: its restore erases both again.
    let mut r = wortel(&store);
    r.arg("restore").arg(&outside);
    let out = ok(r);
    assert!(out.contains("2 people erased since the backup"), "{out}");
    for m in marks {
        assert!(
            !common::store_files::files_contain(&store, m.as_bytes()),
            "{m} is back"
        );
    }
    let s = Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
}

/// What a process killed between an erasure's write and the backups' rewrite leaves: the person
/// erased in the store, the pending-erasure mark set, a backup that still holds them.
fn erased_without_backups(store: &Path) -> (wortel::domain::Contact, std::path::PathBuf) {
    let c = someone(store);
    let file = wortel::store::backup::backups_dir(store).join("manual-1.zip");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    backup(store, &file);
    let s = Store::open(store).unwrap();
    wortel::ops::erase_person(&s, c.id, common::NOW.parse().unwrap()).unwrap();
    assert!(s.backups_pending().unwrap());
    assert!(backup_holds(&file, c.name.as_bytes()));
    (c, file)
}

#[test]
fn an_erasure_cut_short_before_the_backups_is_finished_by_the_next_command() {
    let (_dir, store) = setup();
    let (c, file) = erased_without_backups(&store);
    let out = wortel(&store).args(["leads", "--json"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wortel: an erasure was cut short before the backups beside the store were rewritten; finished now: 1 backup rewritten without the erased people\n"
    );
    for m in [&c.name, &c.phone, &c.email] {
        assert!(!backup_holds(&file, m.as_bytes()), "{m}");
    }
    assert!(!Store::open(&store).unwrap().backups_pending().unwrap());
    let again = wortel(&store).args(["leads", "--json"]).output().unwrap();
    assert_eq!(again.stderr, b"", "said once");
}

#[test]
fn an_erasure_cut_short_before_the_backups_is_finished_when_the_view_opens() {
    let (_dir, store) = setup();
    let (c, file) = erased_without_backups(&store);
    let tmux = common::beside::open_view(&store, "");
    // Finished before the first frame.
    assert!(!backup_holds(&file, c.name.as_bytes()));
    tmux.keys(&["q"]);
    let start = std::time::Instant::now();
    while !tmux.pane_dead() {
        assert!(start.elapsed().as_secs() < 20, "the view never quit");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!Store::open(&store).unwrap().backups_pending().unwrap());
}
