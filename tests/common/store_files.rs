//! What tests read off a store to prove what a command did or did not do: every record as
//! text (to compare before and after a refused command), and whether any file of the store
//! still holds some bytes (to prove an erasure reached the disk).

use super::wortel;
use std::collections::BTreeMap;
use std::path::Path;
use wortel::store::{EntityKind, Record, Store};

/// Writes `bytes` beside the store as `name` and runs `wortel import` on it.
pub fn import(store: &Path, bytes: &[u8], name: &str) -> std::process::Output {
    let file = store.parent().unwrap().join(name);
    std::fs::write(&file, bytes).unwrap();
    wortel(store).arg("import").arg(&file).output().unwrap()
}

/// Every byte of every file under `dir`.
pub fn files_contain(dir: &Path, needle: &[u8]) -> bool {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if std::fs::read(&p)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle)
            {
                return true;
            }
        }
    }
    false
}

/// Every record and the exchange ledger: the store's content.
pub fn dump(store: &Path) -> BTreeMap<String, String> {
    let s = Store::open(store).unwrap();
    let mut all = BTreeMap::new();
    for kind in [
        EntityKind::Account,
        EntityKind::Contact,
        EntityKind::Lead,
        EntityKind::Opportunity,
        EntityKind::Activity,
        EntityKind::Appointment,
        EntityKind::Nps,
    ] {
        for r in s.scan(kind) {
            let r: Record = r.unwrap();
            all.insert(
                format!("{kind:?} {}", ulid::Ulid::from_bytes(r.key())),
                String::from_utf8(r.encode()).unwrap(),
            );
        }
    }
    all.insert("last_seq".into(), s.last_seq().unwrap().to_string());
    all.insert(
        "sequence".into(),
        s.last_sequence("head-office").unwrap().to_string(),
    );
    all
}

/// Exports this week's feedback bundle to `file` and returns what its `erasures.ndjson` says.
pub fn exported_erasures(store: &Path, file: &Path) -> Vec<serde_json::Value> {
    let out = wortel(store)
        .args(["export", "--out"])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fb = wortel::bundle::read_bundle(&std::fs::read(file).unwrap(), None).unwrap();
    fb.lines("erasures.ndjson")
        .map(|(_, l)| serde_json::from_slice(l).unwrap())
        .collect()
}
