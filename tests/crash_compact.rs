//! Compaction survives `kill -9`: `wortel privacy erase PERSON --yes` and `wortel privacy purge`
//! rewrite the store into a fresh directory and swap it in. Killed at random moments, the store
//! must still open and check clean, the erasure must have happened wholly or not at all (an
//! erased person's name is then in none of the files, not even a leftover working copy), and a
//! purge run again afterwards must end exactly where an uninterrupted purge does.

mod common;
use common::crash::{
    command, copy_dir, file_containing, hidden_entries, reopen_and_check, run_and_kill, seed,
    spread_delays, whole_run_ms,
};

use rand::SeedableRng;
use std::path::Path;
use wortel::ops::{find_person, person_report};
use wortel::store::{EntityKind, Store};

const ERASE_KILLS: usize = common::crash::kills::ERASE;
const PURGE_KILLS: usize = common::crash::kills::PURGE;
/// Retention that makes the demo's rejected leads and idle ex-customers due in 2029.
const RETENTION: &str =
    "[retention]\nrejected-leads = 30\ndisqualified-leads = 60\nex-customers = 365\n";
const LATER: &str = "2029-06-01T09:00:00Z";

fn base(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("base");
    common::demo(&store, 300, 11);
    store
}

/// People whose name, phone and e-mail are theirs alone (colleagues sharing an e-mail address
/// keep it after one of them is erased), to erase one per round.
fn people(store: &Path, n: usize) -> Vec<(String, String, String)> {
    let s = Store::open(store).unwrap();
    let all: Vec<_> = s.all_contacts().map(|c| c.unwrap()).collect();
    let picked: Vec<_> = all
        .iter()
        .filter(|c| {
            !c.phone.is_empty()
                && !c.email.is_empty()
                && c.name.len() > 8
                && all.iter().filter(|o| o.name == c.name).count() == 1
                && all.iter().filter(|o| o.email == c.email).count() == 1
                && all.iter().filter(|o| o.phone == c.phone).count() == 1
        })
        .map(|c| (c.name.clone(), c.phone.clone(), c.email.clone()))
        .take(n)
        .collect();
    assert_eq!(picked.len(), n, "the demo store has enough distinct people");
    picked
}

/// Counts that an erasure keeps (it removes one contact and changes no other record count).
fn counts(s: &Store) -> [usize; 4] {
    [
        s.count(EntityKind::Account),
        s.count(EntityKind::Lead),
        s.count(EntityKind::Activity),
        s.count(EntityKind::Opportunity),
    ]
}

#[test]
fn a_killed_erasure_is_whole_or_absent_and_leaves_no_copy_of_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let base = base(dir.path());
    let people = people(&base, ERASE_KILLS + 1);
    let (base_counts, base_contacts) = {
        let s = Store::open(&base).unwrap();
        (counts(&s), s.count(EntityKind::Contact))
    };
    let probe = dir.path().join("probe").join("store");
    copy_dir(&base, &probe);
    let whole =
        whole_run_ms(command(&probe).args(["privacy", "erase", &people[ERASE_KILLS].0, "--yes"]));
    let seed = seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut kills, mut mid_run, mut erased) = (0, 0, 0);
    for (round, delay) in spread_delays(&mut rng, whole, ERASE_KILLS)
        .into_iter()
        .enumerate()
    {
        let (name, phone, email) = &people[round];
        let round_dir = dir.path().join(format!("erase-{round}"));
        let victim = round_dir.join("store");
        copy_dir(&base, &victim);
        let before = {
            let s = Store::open(&victim).unwrap();
            person_report(&s, &find_person(&s, name).unwrap()).unwrap()
        };
        let what = format!("erase round {round} (seed {seed}, killed after {delay} of {whole} ms)");
        mid_run += run_and_kill(
            command(&victim).args(["privacy", "erase", name, "--yes"]),
            delay,
        ) as usize;
        kills += 1;
        let s = reopen_and_check(&victim, &what);
        assert_eq!(counts(&s), base_counts, "{what}: records were lost");
        match find_person(&s, name) {
            Ok(c) => {
                // Not erased: everything about the person is as it was.
                assert_eq!(
                    person_report(&s, &c).unwrap(),
                    before,
                    "{what}: half an erasure"
                );
                assert_eq!(s.count(EntityKind::Contact), base_contacts, "{what}");
            }
            Err(_) => {
                erased += 1;
                assert_eq!(s.count(EntityKind::Contact), base_contacts - 1, "{what}");
                drop(s);
                // Gone from every file beside the store too: a killed compaction must not leave
                // the old files (which still hold the person) lying around.
                for needle in [name, phone, email] {
                    assert_eq!(
                        file_containing(&round_dir, needle.as_bytes()),
                        None,
                        "{what}: `{needle}` of the erased person is still in a file"
                    );
                }
            }
        }
        assert_eq!(
            hidden_entries(&round_dir),
            Vec::<std::path::PathBuf>::new(),
            "{what}: working directories were left beside the store"
        );
        std::fs::remove_dir_all(&round_dir).unwrap();
    }
    assert_eq!(kills, ERASE_KILLS);
    assert!(mid_run > 0, "no kill landed while the erasure ran");
    eprintln!(
        "{kills} kills during a {whole} ms erasure ({mid_run} mid-run): {erased} erased, {} intact",
        kills - erased
    );
}

#[test]
fn a_killed_purge_finishes_when_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let base = base(dir.path());
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(config.join("config.toml"), RETENTION).unwrap();
    let purge = |store: &Path| {
        let mut c = command(store);
        c.env("WORTEL_NOW", LATER)
            .env("WORTEL_CONFIG", &config)
            .args(["privacy", "purge"]);
        c
    };
    // The reference: an uninterrupted purge, and what it leaves.
    let reference = dir.path().join("reference").join("store");
    copy_dir(&base, &reference);
    let whole = whole_run_ms(&mut purge(&reference));
    let expected = fingerprint(&reference);
    assert_ne!(
        expected,
        fingerprint(&base),
        "the purge had something to do"
    );

    let seed = seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut kills, mut mid_run) = (0, 0);
    for (round, delay) in spread_delays(&mut rng, whole, PURGE_KILLS)
        .into_iter()
        .enumerate()
    {
        let round_dir = dir.path().join(format!("purge-{round}"));
        let victim = round_dir.join("store");
        copy_dir(&base, &victim);
        let what = format!("purge round {round} (seed {seed}, killed after {delay} of {whole} ms)");
        mid_run += run_and_kill(&mut purge(&victim), delay) as usize;
        kills += 1;
        drop(reopen_and_check(&victim, &what));
        let status = purge(&victim).status().unwrap();
        assert!(status.success(), "{what}: the purge run again failed");
        drop(reopen_and_check(&victim, &what));
        assert_eq!(fingerprint(&victim), expected, "{what}: a different result");
        assert_eq!(
            hidden_entries(&round_dir),
            Vec::<std::path::PathBuf>::new(),
            "{what}: working directories were left beside the store"
        );
        std::fs::remove_dir_all(&round_dir).unwrap();
    }
    assert_eq!(kills, PURGE_KILLS);
    assert!(mid_run > 0, "no kill landed while the purge ran");
    eprintln!("{kills} kills during a {whole} ms purge ({mid_run} mid-run)");
}

/// Every record of the store (not the change log, whose timestamps and sequence differ when
/// a purge is split over two runs), as text.
fn fingerprint(store: &Path) -> String {
    let s = Store::open(store).unwrap();
    let mut out = String::new();
    for kind in EntityKind::ALL {
        for r in s.scan(kind) {
            out.push_str(&format!("{:?}\n", r.unwrap()));
        }
    }
    out
}
