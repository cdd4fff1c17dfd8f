//! The big jobs, with the engine's own limit beside them: importing a signed 100,000-lead
//! bundle (read, verify, match accounts, place, one atomic write, flush), and a raw sled loop
//! that writes exactly the entries that import wrote (records, indexes, change log) with one
//! batch per tree and one flush — the fastest sled 0.34 can store the same data.
//!
//! `cargo bench --bench bulk` (`WORTEL_BENCH_LEADS` changes the size). The whole-process
//! comparison with `sqlite3` importing the same rows is in `benches/run`.

#[path = "support/mod.rs"]
mod support;

use divan::Bencher;
use std::path::Path;
use std::sync::LazyLock;
use wortel::bundle::{Bundle, read_bundle};
use wortel::demo::{DemoConfig, load_into};
use wortel::store::Store;

fn main() {
    divan::main();
}

fn leads() -> usize {
    std::env::var("WORTEL_BENCH_LEADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(support::LEADS)
}

fn now() -> jiff::Timestamp {
    support::NOW.parse().unwrap()
}

/// A small demo store (it pins the demo head office's key) that bundles are imported into.
fn small_store(dir: &Path) -> Store {
    let store = Store::open_or_create(dir).unwrap();
    load_into(
        &store,
        &DemoConfig {
            seed: 1,
            leads: 10,
            now: now(),
        },
    )
    .unwrap();
    store
        .set_head_office_key(&wortel::demo::bundle::head_office_key(1).public().0)
        .unwrap();
    store
}

/// A tree's name and its entries.
type TreeDump = (Vec<u8>, Vec<(Vec<u8>, Vec<u8>)>);

/// The signed bundle every sample imports, and the entries one import writes, per tree.
struct Inputs {
    bundle: Vec<u8>,
    entries: Vec<TreeDump>,
}

static INPUTS: LazyLock<Inputs> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before");
    let bundle = {
        let store = small_store(&before);
        wortel::demo::bundle::sample_leads_bundle(&store, 1, now(), leads()).unwrap()
    };
    let empty = dump(&before);
    let after = dir.path().join("after");
    {
        let store = small_store(&after);
        let b = read_bundle(&bundle, None).unwrap();
        wortel::ops::import_leads(&store, &b, now(), &mut |_| {}).unwrap();
    }
    // What the import added: every entry of the imported store that the small store lacked.
    let entries = dump(&after)
        .into_iter()
        .map(|(tree, kvs)| {
            let old = empty.iter().find(|(t, _)| *t == tree).map(|(_, k)| k);
            let kvs = kvs
                .into_iter()
                .filter(|kv| old.is_none_or(|o| o.binary_search(kv).is_err()))
                .collect();
            (tree, kvs)
        })
        .collect();
    Inputs { bundle, entries }
});

/// Every tree's entries, sorted, read with sled directly.
fn dump(path: &Path) -> Vec<TreeDump> {
    let db = reopen(path);
    db.tree_names()
        .into_iter()
        .map(|name| {
            let tree = db.open_tree(&name).unwrap();
            let kvs = tree
                .iter()
                .map(|kv| {
                    let (k, v) = kv.unwrap();
                    (k.to_vec(), v.to_vec())
                })
                .collect();
            (name.to_vec(), kvs)
        })
        .collect()
}

/// sled releases its lock a moment after the last handle drops.
fn reopen(path: &Path) -> sled::Db {
    for _ in 0..200 {
        if let Ok(db) = sled::open(path) {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("could not reopen {}", path.display())
}

/// `wortel import`'s work, in-process: read and verify the bundle, then import it.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_bundle(bencher: Bencher) {
    let inputs = &*INPUTS;
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = small_store(&dir.path().join("store"));
            (dir, store)
        })
        .bench_local_values(|(dir, store)| {
            let b: Bundle = read_bundle(&inputs.bundle, None).unwrap();
            let report = wortel::ops::import_leads(&store, &b, now(), &mut |_| {}).unwrap();
            assert_eq!(report.new_leads, leads());
            (dir, store)
        });
}

/// The engine's limit: the same entries, one batch per tree, one flush.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn raw_sled_same_entries(bencher: Bencher) {
    let inputs = &*INPUTS;
    bencher
        .with_inputs(|| tempfile::tempdir().unwrap())
        .bench_local_values(|dir| {
            let db = sled::Config::new()
                .path(dir.path().join("raw"))
                .cache_capacity(64 * 1024 * 1024)
                .open()
                .unwrap();
            for (tree, kvs) in &inputs.entries {
                let tree = db.open_tree(tree).unwrap();
                let mut batch = sled::Batch::default();
                for (k, v) in kvs {
                    batch.insert(k.as_slice(), v.as_slice());
                }
                tree.apply_batch(batch).unwrap();
            }
            db.flush().unwrap();
            (dir, db)
        });
}

/// How many entries that is (printed once, for the README).
#[divan::bench(sample_count = 1, sample_size = 1)]
fn entries_written(bencher: Bencher) {
    let n: usize = INPUTS.entries.iter().map(|(_, kvs)| kvs.len()).sum();
    let bytes: usize = INPUTS
        .entries
        .iter()
        .flat_map(|(_, kvs)| kvs.iter().map(|(k, v)| k.len() + v.len()))
        .sum();
    eprintln!(
        "one import of {} leads writes {n} entries, {bytes} bytes",
        leads()
    );
    bencher.bench(|| n);
}
