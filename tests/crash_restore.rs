//! Restore survives `kill -9`: `wortel restore FILE` rebuilds the backup beside the store and
//! swaps it in. Killed at random moments, the store must be either the old one or the restored
//! one — whole, opening and checking clean — and no working copy may be left beside it.

mod common;
use common::crash::{
    command, copy_dir, hidden_entries, reopen_and_check, run_and_kill, seed, spread_delays,
    whole_run_ms,
};

use rand::SeedableRng;
use std::path::PathBuf;
use wortel::store::{EntityKind, Store};

const KILLS: usize = common::crash::kills::RESTORE;

/// Every record and the change log's length, as text: equal for equal stores.
fn fingerprint(s: &Store) -> String {
    let mut out = format!("changes {}\n", s.last_seq().unwrap());
    for kind in EntityKind::ALL {
        for r in s.scan(kind) {
            out.push_str(&format!("{:?}\n", r.unwrap()));
        }
    }
    out
}

/// A demo store `other` of `leads` leads under `dir` and its backup `other.zip`.
fn backed_up_demo(dir: &std::path::Path, leads: usize, seed: u64) -> (PathBuf, PathBuf) {
    let other = dir.join("other");
    common::demo(&other, leads, seed);
    let backup = dir.join("other.zip");
    assert!(
        command(&other)
            .arg("backup")
            .arg(&backup)
            .status()
            .unwrap()
            .success()
    );
    (other, backup)
}

#[test]
fn a_killed_restore_leaves_the_old_store_or_the_restored_one() {
    let dir = tempfile::tempdir().unwrap();
    // The store that is replaced, and a different one whose backup replaces it.
    let old = dir.path().join("old");
    common::demo(&old, 150, 4);
    let (other, backup) = backed_up_demo(dir.path(), 400, 5);
    let old_print = fingerprint(&Store::open(&old).unwrap());
    let new_print = fingerprint(&Store::open(&other).unwrap());
    assert_ne!(old_print, new_print);

    let probe = dir.path().join("probe").join("store");
    copy_dir(&old, &probe);
    let whole = whole_run_ms(command(&probe).arg("restore").arg(&backup));
    assert_eq!(fingerprint(&Store::open(&probe).unwrap()), new_print);

    let seed = seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut kills, mut mid_run, mut restored) = (0, 0, 0);
    for (round, delay) in spread_delays(&mut rng, whole, KILLS)
        .into_iter()
        .enumerate()
    {
        let round_dir = dir.path().join(format!("round-{round}"));
        let victim = round_dir.join("store");
        copy_dir(&old, &victim);
        let what = format!("round {round} (seed {seed}, killed after {delay} of {whole} ms)");
        mid_run += run_and_kill(command(&victim).arg("restore").arg(&backup), delay) as usize;
        kills += 1;
        let print = fingerprint(&reopen_and_check(&victim, &what));
        if print == new_print {
            restored += 1;
        } else {
            assert!(
                print == old_print,
                "{what}: neither the old store nor the backup"
            );
        }
        assert_eq!(
            hidden_entries(&round_dir),
            Vec::<std::path::PathBuf>::new(),
            "{what}: a working copy was left beside the store"
        );
        std::fs::remove_dir_all(&round_dir).unwrap();
    }
    assert_eq!(kills, KILLS);
    assert!(mid_run > 0, "no kill landed while the restore ran");
    eprintln!(
        "{kills} kills during a {whole} ms restore ({mid_run} mid-run): {restored} restored, {} old",
        kills - restored
    );
}

/// A restore into a path that holds no store yet ends in a rename: killed, it leaves nothing or
/// the whole store there, and running it again leaves the store and nothing beside it.
#[test]
fn a_killed_first_restore_leaves_nothing_or_the_whole_store() {
    let dir = tempfile::tempdir().unwrap();
    let (other, backup) = backed_up_demo(dir.path(), 200, 6);
    let want = fingerprint(&Store::open(&other).unwrap());
    let probe = dir.path().join("probe").join("store");
    std::fs::create_dir_all(probe.parent().unwrap()).unwrap();
    let whole = whole_run_ms(command(&probe).arg("restore").arg(&backup));
    let seed = seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut kills = 0;
    for (round, delay) in spread_delays(&mut rng, whole, FIRST_KILLS)
        .into_iter()
        .enumerate()
    {
        let round_dir = dir.path().join(format!("first-{round}"));
        std::fs::create_dir(&round_dir).unwrap();
        let victim = round_dir.join("store");
        let what =
            format!("first restore {round} (seed {seed}, killed after {delay} of {whole} ms)");
        run_and_kill(command(&victim).arg("restore").arg(&backup), delay);
        kills += 1;
        if victim.exists() {
            assert_eq!(
                fingerprint(&reopen_and_check(&victim, &what)),
                want,
                "{what}"
            );
        }
        whole_run_ms(command(&victim).arg("restore").arg(&backup));
        assert_eq!(
            fingerprint(&reopen_and_check(&victim, &what)),
            want,
            "{what}"
        );
        assert_eq!(
            hidden_entries(&round_dir),
            Vec::<std::path::PathBuf>::new(),
            "{what}: a working copy was left beside the store"
        );
        std::fs::remove_dir_all(&round_dir).unwrap();
    }
    assert_eq!(kills, FIRST_KILLS);
}

const FIRST_KILLS: usize = common::crash::kills::FIRST_RESTORE;
