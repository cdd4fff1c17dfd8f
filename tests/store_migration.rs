//! Schema 1 → 2: a store written by the last schema-1 build (`tests/fixtures/schema1-store`,
//! rebuilt by `tests/fixtures/make-schema1-store.sh`) migrates once, in place, on its first
//! open: every record, index entry, meta value and change is as it was, the change log now
//! holds runs of changes per entry, and `check` passes. A kill at any moment of the migration
//! leaves the old store or the new one, never neither (the crash test below). One file past
//! ~400 lines: both halves share the raw-sled readers that see schema 1's and schema 2's trees.

mod common;

use common::crash::copy_dir;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use wortel::store::{Change, Store};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema1-store");

/// Every sled tree of the store at `path` except the change log's, entry by entry (the meta
/// tree without the schema marker), and the schema marker.
type Trees = BTreeMap<Vec<u8>, Vec<(Vec<u8>, Vec<u8>)>>;

/// A private copy of the fixture (git keeps no empty folder: sled's `blobs` is made again).
fn fixture_copy(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    copy_dir(Path::new(FIXTURE), &store);
    std::fs::create_dir_all(store.join("blobs")).unwrap();
    store
}

/// Schema 1's five by-account index trees, in the order of schema 2's bucket tags.
const BY_ACCOUNT: [&str; 5] = [
    "idx:contact-account",
    "idx:lead-account",
    "idx:opportunity-account",
    "idx:activity-account",
    "idx:nps-account",
];

/// Schema 2's by-account bucket (`idx:by-account`, documented in `src/store/packed_index.rs`)
/// as the entries of schema 1's five trees: format byte 1, then items of a tag and the key's
/// rest after the account id (24 bytes for the activity timeline, 16 otherwise).
fn unpack_bucket(account: &[u8], bytes: &[u8], into: &mut Trees) {
    assert_eq!(bytes[0], 1, "bucket format");
    let mut rest = &bytes[1..];
    while let Some((&tag, after)) = rest.split_first() {
        let len = if tag == 3 { 24 } else { 16 };
        let key = [account, &after[..len]].concat();
        into.entry(BY_ACCOUNT[usize::from(tag)].as_bytes().to_vec())
            .or_default()
            .push((key, vec![]));
        rest = &after[len..];
    }
}

/// The raw trees (see [`Trees`]; schema 2's buckets unpacked into schema 1's five index trees)
/// and the schema marker, read with sled itself.
fn raw(path: &Path) -> (Trees, u32) {
    let db = reopen_raw(path);
    let mut trees = Trees::new();
    let mut schema = 0;
    for name in db.tree_names() {
        if [&b"changes"[..], b"log"].contains(&name.as_ref()) {
            continue;
        }
        let tree = db.open_tree(&name).unwrap();
        let mut entries = Vec::new();
        for kv in tree.iter() {
            let (k, v) = kv.unwrap();
            if &*name == b"meta" && &*k == b"schema_version" {
                schema = u32::from_be_bytes(v.as_ref().try_into().unwrap());
                continue;
            }
            if &*name == b"idx:by-account" {
                unpack_bucket(&k, &v, &mut trees);
                continue;
            }
            entries.push((k.to_vec(), v.to_vec()));
        }
        if !entries.is_empty() || &*name != b"idx:by-account" {
            trees.entry(name.to_vec()).or_default().extend(entries);
        }
    }
    for entries in trees.values_mut() {
        entries.sort();
    }
    trees.retain(|_, entries| !entries.is_empty());
    (trees, schema)
}

/// sled lets go of its lock a moment after the last handle drops.
fn reopen_raw(path: &Path) -> sled::Db {
    for _ in 0..200 {
        if let Ok(db) = sled::open(path) {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    sled::open(path).expect("the store opens with sled")
}

/// Schema 1's change log: one JSON change per entry, keyed by its number.
fn schema1_changes(path: &Path) -> Vec<Change> {
    let db = reopen_raw(path);
    let tree = db.open_tree("changes").unwrap();
    tree.iter()
        .map(|kv| {
            let (k, v) = kv.unwrap();
            let c: Change = serde_json::from_slice(&v).unwrap();
            assert_eq!(c.seq.to_be_bytes(), k.as_ref());
            c
        })
        .collect()
}

/// Entries of the named tree.
fn entries_of(path: &Path, name: &str) -> usize {
    let db = reopen_raw(path);
    let present = db
        .tree_names()
        .iter()
        .any(|n| n.as_ref() == name.as_bytes());
    if !present {
        return 0;
    }
    db.open_tree(name).unwrap().len()
}

#[test]
fn the_fixture_is_a_schema_1_store_with_every_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_copy(dir.path());
    let (trees, schema) = raw(&store);
    assert_eq!(schema, 1);
    let changes = schema1_changes(&store);
    assert!(changes.len() > 200, "{} changes", changes.len());
    let ops: std::collections::BTreeSet<String> = changes
        .iter()
        .map(|c| serde_json::to_value(c).unwrap()["op"].to_string())
        .collect();
    for op in ["\"created\"", "\"lead-status\"", "\"updated\""] {
        assert!(ops.contains(op), "{op} missing from {ops:?}");
    }
    assert_eq!(entries_of(&store, "log"), 0);
    assert!(trees[&b"leads"[..]].len() > 40);
}

#[test]
fn a_schema_1_store_migrates_once_keeping_every_record_and_change() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_copy(dir.path());
    let (before, _) = raw(&store);
    let changes = schema1_changes(&store);

    let s = Store::open(&store).expect("the schema-1 store opens");
    assert_eq!(s.schema_version().unwrap(), 2);
    let report = s.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(report.changes, changes.len() as u64);
    let read: Vec<Change> = s.changes_since(0).map(Result::unwrap).collect();
    assert_eq!(read, changes);
    // Reading from the middle of an entry starts at the right change.
    let from = changes[changes.len() / 2].seq;
    let tail: Vec<Change> = s.changes_since(from).map(Result::unwrap).collect();
    assert_eq!(tail, changes[changes.len() / 2 + 1..]);
    assert_eq!(s.last_seq().unwrap(), changes.last().unwrap().seq);
    drop(s);

    let (after, schema) = raw(&store);
    assert_eq!(schema, 2);
    assert_eq!(
        after, before,
        "records, indexes or meta changed in the migration"
    );
    assert_eq!(entries_of(&store, "changes"), 0, "schema 1's log is gone");
    for name in BY_ACCOUNT {
        assert_eq!(entries_of(&store, name), 0, "schema 1's {name} is gone");
    }
    let accounts = before[&b"accounts"[..]].len();
    assert!(entries_of(&store, "idx:by-account") <= accounts);
    assert_eq!(entries_of(&store, "log"), changes.len().div_ceil(128));

    // The second open has nothing to do.
    drop(Store::open(&store).unwrap());
    assert_eq!(raw(&store), (after, 2));
}

#[test]
fn the_command_line_migrates_silently_and_works_on_the_migrated_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_copy(dir.path());
    let out = common::wortel(&store).arg("check").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("is consistent"), "{text}");
    // A write after the migration continues the log where schema 1 left it.
    let first = common::json(&store, &["leads", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = Store::open(&store).unwrap().last_seq().unwrap();
    common::wortel(&store)
        .args(["leads", "reject", "--reason", "duplicate", &first])
        .assert()
        .success();
    let s = Store::open(&store).unwrap();
    let last: Vec<Change> = s.changes_since(before).map(Result::unwrap).collect();
    assert_eq!(last.len(), 1);
    assert_eq!(
        (last[0].seq, last[0].id.as_str()),
        (before + 1, first.as_str())
    );
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn a_store_from_a_newer_schema_is_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_copy(dir.path());
    Store::open(&store)
        .unwrap()
        .force_schema_version(3)
        .unwrap();
    let out = common::wortel(&store).arg("check").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("schema version 3"), "{err}");
}

/// Turns the schema-2 store at `path` back into what schema 1 wrote: one JSON change per entry
/// of `changes`, no `log`, the five by-account trees instead of the buckets, marker 1 (the
/// fixture test above proves that is schema 1's shape).
fn downgrade_to_schema1(path: &Path) -> Vec<Change> {
    let changes: Vec<Change> = {
        let s = Store::open(path).unwrap();
        s.changes_since(0).map(Result::unwrap).collect()
    };
    let db = reopen_raw(path);
    let old = db.open_tree("changes").unwrap();
    for c in &changes {
        old.insert(c.seq.to_be_bytes(), serde_json::to_vec(c).unwrap())
            .unwrap();
    }
    db.drop_tree("log").unwrap();
    let mut unpacked = Trees::new();
    for kv in db.open_tree("idx:by-account").unwrap().iter() {
        let (k, v) = kv.unwrap();
        unpack_bucket(&k, &v, &mut unpacked);
    }
    for (name, entries) in unpacked {
        let tree = db.open_tree(name).unwrap();
        for (k, v) in entries {
            tree.insert(k, v).unwrap();
        }
    }
    db.drop_tree("idx:by-account").unwrap();
    db.open_tree("meta")
        .unwrap()
        .insert("schema_version", &1u32.to_be_bytes())
        .unwrap();
    db.flush().unwrap();
    changes
}

/// Where a killed migration left the store, seen with sled before anything reopens it.
fn state_after_kill(path: &Path) -> &'static str {
    let (_, schema) = raw(path);
    match (schema, entries_of(path, "log"), entries_of(path, "changes")) {
        (1, 0, _) => "not started",
        (1, _, _) => "new log half-built",
        (2, _, n) if n > 0 => "marker flipped, old log not yet dropped",
        (2, _, _) => "done",
        other => panic!("a killed migration left {other:?}"),
    }
}

#[test]
fn a_killed_migration_leaves_the_old_store_or_the_new_never_neither() {
    use rand::{Rng, SeedableRng};
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    common::demo(&store, 3_000, 5);
    let changes = downgrade_to_schema1(&store);
    let (trees, _) = raw(&store);

    // One whole migration, to aim the kills across it.
    let probe = dir.path().join("probe");
    copy_dir(&store, &probe);
    let whole =
        common::crash::whole_run_ms(common::crash::command(&probe).args(["leads", "--limit", "1"]));

    let seed = common::crash::seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let kills = common::crash::kills::MIGRATION;
    // Kills all over the run; then, while none has landed inside the migration itself (the
    // first part of the run, before the rewrite of the files; on a busy machine the spread can
    // miss it), more aimed at the first half, up to as many again.
    let mut delays = common::crash::spread_delays(&mut rng, whole + 30, kills);
    let mut round = 0;
    while round < delays.len() {
        let state = kill_once(
            &store,
            dir.path(),
            round,
            delays[round],
            &changes,
            &trees,
            seed,
        );
        *seen.entry(state).or_default() += 1;
        let inside = seen.contains_key("new log half-built")
            || seen.contains_key("marker flipped, old log not yet dropped");
        if round + 1 == delays.len() && !inside && delays.len() < 2 * kills {
            delays.push(rng.gen_range(0..=whole / 2));
        }
        round += 1;
    }
    eprintln!(
        "{} kills during a {whole} ms migrating open: {seen:?}",
        delays.len()
    );
    assert!(
        seen.contains_key("new log half-built")
            || seen.contains_key("marker flipped, old log not yet dropped"),
        "no kill landed inside the migration: {seen:?}"
    );
}

/// Kills a migrating open of a copy of `store` after `delay` ms, then demands that the copy
/// opens as the whole new store: every change, record, index entry and meta value, `check`
/// clean, no working directory left. Returns where the kill had left it.
fn kill_once(
    store: &Path,
    dir: &Path,
    round: usize,
    delay: u64,
    changes: &[Change],
    trees: &Trees,
    seed: u64,
) -> &'static str {
    let victim = dir.join(format!("victim-{round}"));
    copy_dir(store, &victim);
    common::crash::run_and_kill(
        common::crash::command(&victim).args(["leads", "--limit", "1"]),
        delay,
    );
    let state = state_after_kill(&victim);
    let what = format!("round {round} ({delay} ms, seed {seed}, {state})");
    let s = common::crash::reopen_and_check(&victim, &what);
    assert_eq!(s.schema_version().unwrap(), 2, "{what}");
    let read: Vec<Change> = s.changes_since(0).map(Result::unwrap).collect();
    assert!(read == changes, "{what}: the change log differs");
    drop(s);
    let (after, _) = raw(&victim);
    assert!(after == *trees, "{what}: records, indexes or meta differ");
    assert_eq!(entries_of(&victim, "changes"), 0, "{what}");
    let left = common::crash::hidden_entries(dir);
    assert!(left.is_empty(), "{what}: left {left:?}");
    std::fs::remove_dir_all(&victim).unwrap();
    state
}

#[test]
fn an_open_after_the_marker_flipped_but_before_the_old_log_went_finishes_the_job() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_copy(dir.path());
    let changes = schema1_changes(&store);
    drop(Store::open(&store).unwrap());
    let (migrated, _) = raw(&store);
    // The moment a kill between the marker's write and dropping `changes` leaves.
    {
        let db = reopen_raw(&store);
        let old = db.open_tree("changes").unwrap();
        for c in &changes {
            old.insert(c.seq.to_be_bytes(), serde_json::to_vec(c).unwrap())
                .unwrap();
        }
        db.open_tree("idx:lead-account")
            .unwrap()
            .insert([1u8; 32], vec![])
            .unwrap();
        db.flush().unwrap();
    }
    let s = common::crash::reopen_and_check(&store, "after the flip");
    let read: Vec<Change> = s.changes_since(0).map(Result::unwrap).collect();
    assert_eq!(read, changes);
    drop(s);
    assert_eq!(entries_of(&store, "changes"), 0);
    assert_eq!(entries_of(&store, "idx:lead-account"), 0);
    assert_eq!(raw(&store), (migrated, 2));
}

#[test]
fn a_backup_taken_by_schema_1_restores_into_a_schema_2_store() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture_copy(dir.path());
    let expected = common::json(&fixture, &["leads", "--json", "--all"]);
    let store = dir.path().join("restored");
    let backup = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema1-backup.zip"
    );
    common::wortel(&store)
        .args(["restore", backup])
        .assert()
        .success();
    let s = common::crash::reopen_and_check(&store, "restored");
    assert_eq!(s.schema_version().unwrap(), 2);
    let changes: Vec<Change> = s.changes_since(0).map(Result::unwrap).collect();
    assert_eq!(
        changes,
        schema1_changes(&fixture_copy(&dir.path().join("again")))
    );
    drop(s);
    assert_eq!(entries_of(&store, "changes"), 0);
    assert_eq!(
        common::json(&store, &["leads", "--json", "--all"]),
        expected
    );
}
