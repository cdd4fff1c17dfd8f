//! An erasure reaches the backups even when it is killed: `wortel privacy erase PERSON --yes`
//! on a store with three backups beside it, SIGKILLed at moments spread over the whole run and
//! at the moments that matter — once the compaction started, once it finished (before any
//! backup is rewritten), once a backup's rewrite started, once the first backup was rewritten.
//! After each kill the next `wortel` command finishes what was left: when the person is erased,
//! no backup holds their name, phone or e-mail, and the pending-erasure mark is gone.

mod common;
use common::crash::{command, copy_dir, seed, spread_delays, whole_run_ms};

use rand::SeedableRng;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};
use wortel::ops::find_person;
use wortel::store::Store;
use wortel::store::backup::backups_dir;

const KILLS: usize = common::crash::kills::ERASE_BACKUPS;
/// Kills at the moments named in the module's documentation; the rest are spread in time.
const AT_EVENTS: usize = 4;

fn base(dir: &Path) -> PathBuf {
    let store = dir.join("base").join("store");
    common::demo(&store, 300, 13);
    let folder = backups_dir(&store);
    std::fs::create_dir_all(&folder).unwrap();
    for name in [
        "backup-2026-11-21.zip",
        "backup-2026-11-22.zip",
        "manual-1.zip",
    ] {
        let out = command(&store)
            .arg("backup")
            .arg(folder.join(name))
            .output();
        assert!(out.unwrap().status.success());
    }
    store
}

/// People with a unique name, phone and e-mail, one per round.
fn people(store: &Path, n: usize) -> Vec<[String; 3]> {
    let s = Store::open(store).unwrap();
    let all: Vec<_> = s.all_contacts().map(|c| c.unwrap()).collect();
    let unique = |f: &dyn Fn(&wortel::domain::Contact) -> &str, c: &wortel::domain::Contact| {
        all.iter().filter(|o| f(o) == f(c)).count() == 1
    };
    let picked: Vec<_> = all
        .iter()
        .filter(|c| !c.phone.is_empty() && !c.email.is_empty() && c.name.len() > 8)
        .filter(|c| unique(&|o| &o.name, c) && unique(&|o| &o.phone, c))
        .filter(|c| unique(&|o| &o.email, c))
        .map(|c| [c.name.clone(), c.phone.clone(), c.email.clone()])
        .take(n)
        .collect();
    assert_eq!(picked.len(), n, "the demo store has enough distinct people");
    picked
}

/// Whether `needle` is in the zip's bytes or the unpacked bytes of any of its entries.
fn backup_holds(file: &Path, needle: &[u8]) -> bool {
    let bytes = std::fs::read(file).unwrap();
    let has = |b: &[u8]| b.windows(needle.len()).any(|w| w == needle);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    has(&bytes)
        || (0..zip.len()).any(|i| {
            let mut out = Vec::new();
            zip.by_index(i).unwrap().read_to_end(&mut out).unwrap();
            has(&out)
        })
}

fn zips(store: &Path) -> Vec<PathBuf> {
    let mut all: Vec<_> = std::fs::read_dir(backups_dir(store))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "zip"))
        .collect();
    all.sort();
    all
}

fn entries_starting(dir: &Path, prefix: &str) -> bool {
    std::fs::read_dir(dir).is_ok_and(|d| {
        d.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(prefix))
    })
}

fn modified(file: &Path) -> SystemTime {
    std::fs::metadata(file).and_then(|m| m.modified()).unwrap()
}

/// Starts `cmd` and SIGKILLs it as soon as `moment` holds (or it ends by itself, or 60 s pass).
/// True when the kill found it still running.
fn kill_when(cmd: &mut std::process::Command, moment: &dyn Fn(&mut bool) -> bool) -> bool {
    let mut child = cmd.spawn().expect("spawn wortel");
    let start = Instant::now();
    let mut seen = false;
    while !moment(&mut seen) && start.elapsed() < Duration::from_secs(60) {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    child.wait().unwrap();
    running
}

/// The moments of the erasure of the store at `store` (in `round_dir`), by number.
fn moment(n: usize, round_dir: &Path, store: &Path) -> Box<dyn Fn(&mut bool) -> bool> {
    let (dir, folder) = (round_dir.to_path_buf(), backups_dir(store));
    let first = zips(store)[0].clone();
    let first_written = modified(&first);
    match n {
        // The compaction's working copy appeared.
        0 => Box::new(move |_| entries_starting(&dir, ".store.compact-")),
        // It appeared and is gone again: compacted, no backup rewritten yet.
        1 => Box::new(move |seen| {
            let now = entries_starting(&dir, ".store.compact-");
            *seen |= now;
            *seen && !now
        }),
        // A backup's rewrite started.
        2 => Box::new(move |_| entries_starting(&folder, ".rewrite-")),
        // The first backup was rewritten (the others not yet).
        _ => Box::new(move |_| modified(&first) != first_written),
    }
}

#[test]
fn an_erasure_killed_anywhere_leaves_no_backup_holding_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let base = base(dir.path());
    let people = people(&base, KILLS + 1);
    let probe = dir.path().join("probe").join("store");
    copy_dir(dir.path().join("base").as_path(), probe.parent().unwrap());
    let erase = |store: &Path, name: &str| {
        let mut c = command(store);
        c.args(["privacy", "erase", name, "--yes"]);
        c
    };
    let whole = whole_run_ms(&mut erase(&probe, &people[KILLS][0]));
    let seed = seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let delays = spread_delays(&mut rng, whole, KILLS - AT_EVENTS);
    let (mut erased, mut marked, mut mid_run) = (0, 0, 0);
    for round in 0..KILLS {
        let [name, phone, email] = &people[round];
        let round_dir = dir.path().join(format!("round-{round}"));
        copy_dir(dir.path().join("base").as_path(), &round_dir);
        let victim = round_dir.join("store");
        let what = match round {
            r if r < AT_EVENTS => format!("round {round}: killed at moment {r}"),
            r => format!(
                "round {round} (seed {seed}): killed after {} of {whole} ms",
                delays[r - AT_EVENTS]
            ),
        };
        mid_run += if round < AT_EVENTS {
            kill_when(
                &mut erase(&victim, name),
                &*moment(round, &round_dir, &victim),
            )
        } else {
            common::crash::run_and_kill(&mut erase(&victim, name), delays[round - AT_EVENTS])
        } as usize;
        // The library's open finishes a compaction, not the backups: the mark tells.
        marked += Store::open(&victim).unwrap().backups_pending().unwrap() as usize;
        // The next command finishes the erasure's rewrite of the backups.
        let check = common::wortel(&victim).arg("check").output().unwrap();
        assert!(
            check.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let s = Store::open(&victim).unwrap();
        assert!(!s.backups_pending().unwrap(), "{what}: the mark stayed");
        if find_person(&s, name).is_ok() {
            continue;
        }
        erased += 1;
        drop(s);
        let files = zips(&victim);
        assert_eq!(files.len(), 3, "{what}: {files:?}");
        for f in &files {
            for needle in [name, phone, email] {
                assert!(
                    !backup_holds(f, needle.as_bytes()),
                    "{what}: {} holds `{needle}` of the erased person",
                    f.display()
                );
            }
        }
        assert!(
            !entries_starting(&backups_dir(&victim), ".rewrite-"),
            "{what}: a working copy of a rewrite was left"
        );
        std::fs::remove_dir_all(&round_dir).unwrap();
    }
    assert!(mid_run >= AT_EVENTS, "every moment was met while it ran");
    assert!(
        marked >= 2,
        "the kills after the compaction left the mark ({marked})"
    );
    eprintln!(
        "{KILLS} kills during a {whole} ms erasure with 3 backups ({mid_run} mid-run): {erased} erased, {marked} left the mark"
    );
}
