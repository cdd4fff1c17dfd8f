//! An import is all or nothing, even when the process is killed: `wortel import` of a bundle
//! big enough to be written in several chunks (new leads and updates of leads the store already
//! has) is SIGKILLed at random moments. Every time, the reopened store is exactly the store
//! before the import (record for record, change log and sequence counter included: an
//! unfinished import was rolled back) or exactly what the whole import leaves, and `check`
//! passes. A rolled-back store opens again, and the same bundle then imports whole.

mod common;

use common::crash::{copy_dir, run_and_kill, spread_delays};
use rand::SeedableRng;
use std::path::Path;
use std::process::Command;
use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel::bundle::write::write_bundle;
use wortel::store::{EntityKind, Store};

const KILLS: usize = common::crash::kills::IMPORT;
/// Leads in the big bundle: more than two chunks' worth.
const LEADS: usize = wortel::ops::CHUNK_LEADS + 500;
/// Leads of the big bundle the store already has from a first bundle (they are updated).
const KNOWN: usize = 200;

fn wortel(store: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wortel"));
    c.env("WORTEL_NOW", "2026-11-23T09:00:00Z")
        .arg("--store")
        .arg(store);
    c
}

/// Bundle `sequence` with leads `HQ-K-000000`… (`count` of them), scored by `score`.
fn bundle(sequence: u64, count: usize, score: impl Fn(usize) -> i64) -> Vec<u8> {
    let mut lines = Vec::new();
    for i in 0..count {
        let v = serde_json::json!({
            "id": format!("HQ-K-{i:06}"),
            "received_at": "2026-11-22T08:00:00Z",
            "source": {"channel": "web"},
            "score": score(i),
            "account": {"name": format!("Crash Test {i} B.V."), "address": {"postcode": "1234 AB"}},
            "contact": {"name": format!("Person {i}")}
        });
        lines.extend(serde_json::to_vec(&v).unwrap());
        lines.push(b'\n');
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: format!("HQ-CRASH-{sequence}"),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence,
        created_at: "2026-11-23T08:00:00Z".parse().unwrap(),
        period: None,
        files: vec![],
    };
    write_bundle(
        manifest,
        &[("leads.ndjson", lines)],
        Some(&wortel::demo::bundle::head_office_key(3)),
    )
    .unwrap()
}

/// Everything the store holds that an import may touch, in order: every record, every
/// change-log entry, the sequence counter and the exchange's meta keys.
fn fingerprint(s: &Store) -> String {
    let mut out = String::new();
    for kind in EntityKind::ALL {
        for r in s.scan(kind) {
            out.push_str(&String::from_utf8(r.unwrap().encode()).unwrap());
            out.push('\n');
        }
    }
    for c in s.changes_since(0) {
        out.push_str(&serde_json::to_string(&c.unwrap()).unwrap());
        out.push('\n');
    }
    out.push_str(&format!("last_seq {}\n", s.last_seq().unwrap()));
    for prefix in [&b"imported:"[..], b"sequence:", b"import-"] {
        for (k, v) in s.meta_with_prefix(prefix).unwrap() {
            out.push_str(&format!("{k:?}={v:?}\n"));
        }
    }
    out
}

/// What the whole import leaves, up to the ids it generates: counts of every kind, the
/// change log's length, the big bundle's leads and their scores, and no pending mark.
fn shape(s: &Store) -> String {
    let counts: Vec<usize> = EntityKind::ALL.iter().map(|k| s.count(*k)).collect();
    let scores: Vec<u8> = (0..LEADS)
        .map(
            |i| match s.lead_by_external(&format!("HQ-K-{i:06}")).unwrap() {
                Some(l) => l.score,
                None => u8::MAX,
            },
        )
        .collect();
    format!(
        "{counts:?} {} {:?} {:?} {:?}",
        s.last_seq().unwrap(),
        s.imported("HQ-CRASH-2").unwrap(),
        s.pending_import().unwrap(),
        blake3::hash(&scores)
    )
}

/// Opens the store after a kill, demands a clean `check`, and says whether opening it rolled
/// an unfinished import back.
fn reopen(store: &Path) -> (Store, bool) {
    let _ = wortel::store::take_notices();
    let s = Store::open(store).expect("the store opens after a kill");
    let rolled_back = wortel::store::take_notices()
        .iter()
        .any(|n| n.contains("was rolled back"));
    let report = s.check().unwrap();
    assert!(report.is_ok(), "check after a kill: {:?}", report.problems);
    (s, rolled_back)
}

#[test]
fn a_killed_import_leaves_exactly_the_store_before_or_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let first = dir.path().join("first.zip");
    let big = dir.path().join("big.zip");
    std::fs::write(&first, bundle(1, KNOWN, |_| 10)).unwrap();
    std::fs::write(&big, bundle(2, LEADS, |i| (i % 100) as i64)).unwrap();
    let ok = wortel(&store)
        .args([
            "demo", "--no-tui", "--leads", "40", "--seed", "3", "--bundle",
        ])
        .arg(dir.path().join("sample.zip"))
        .output()
        .unwrap();
    assert!(ok.status.success());
    assert!(
        wortel(&store)
            .arg("import")
            .arg(&first)
            .status()
            .unwrap()
            .success()
    );
    let before = fingerprint(&Store::open(&store).unwrap());

    // The whole import once, to aim the kills across it and to know what it leaves.
    let probe = dir.path().join("probe");
    copy_dir(&store, &probe);
    let whole = common::crash::whole_run_ms(wortel(&probe).arg("import").arg(&big));
    let after = shape(&reopen(&probe).0);
    assert!(after.contains("Some(2) None"), "{after}");

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    let (mut none, mut all, mut rolled_back) = (0, 0, 0);
    let mut kept: Option<std::path::PathBuf> = None;
    for (round, delay) in spread_delays(&mut rng, whole + 50, KILLS)
        .into_iter()
        .enumerate()
    {
        let victim = dir.path().join(format!("victim-{round}"));
        copy_dir(&store, &victim);
        run_and_kill(
            wortel(&victim)
                .arg("import")
                .arg(&big)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null()),
            delay,
        );
        let (s, undone) = reopen(&victim);
        if fingerprint(&s) == before {
            none += 1;
            rolled_back += usize::from(undone);
        } else {
            assert_eq!(
                shape(&s),
                after,
                "round {round} ({delay} ms): neither before nor after"
            );
            all += 1;
        }
        drop(s);
        match (&kept, undone) {
            (None, true) => kept = Some(victim),
            _ => std::fs::remove_dir_all(&victim).unwrap(),
        }
    }
    eprintln!(
        "{KILLS} kills during a {whole} ms import: {none} left nothing ({rolled_back} of them rolled back at open), {all} left everything"
    );
    assert!(rolled_back > 0, "no kill landed while chunks were written");

    // A rolled-back store opens again as it was, and the same bundle then imports whole.
    let victim = kept.expect("a rolled-back store");
    let (s, again) = reopen(&victim);
    assert!(!again, "the rollback is done once");
    assert_eq!(fingerprint(&s), before);
    drop(s);
    let out = wortel(&victim).arg("import").arg(&big).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(shape(&reopen(&victim).0), after);
}
