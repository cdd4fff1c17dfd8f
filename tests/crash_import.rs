//! An import is all or nothing, even when the process is killed: `wortel import` of a large
//! bundle is SIGKILLed at random moments; every time, the reopened store holds either none of
//! the bundle's leads or all of them, and `check` passes.

mod common;

use common::crash::copy_dir;
use rand::{Rng, SeedableRng};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;
use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel::bundle::write::write_bundle;
use wortel::store::Store;

const KILLS: usize = common::crash::kills::IMPORT;
const LEADS: usize = 2_000;

fn wortel(store: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wortel"));
    c.env("WORTEL_NOW", "2026-11-23T09:00:00Z")
        .arg("--store")
        .arg(store);
    c
}

fn bundle() -> Vec<u8> {
    let mut lines = Vec::new();
    for i in 0..LEADS {
        let v = serde_json::json!({
            "id": format!("HQ-K-{i:06}"),
            "received_at": "2026-11-22T08:00:00Z",
            "source": {"channel": "web"},
            "score": (i % 100) as i64,
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
        id: "HQ-CRASH".into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence: 1,
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

/// How many of the bundle's leads the store holds.
fn imported(store: &Path) -> usize {
    let s = Store::open(store).unwrap();
    let report = s.check().unwrap();
    assert!(report.is_ok(), "check after a kill: {:?}", report.problems);
    (0..LEADS)
        .filter(|i| {
            s.lead_by_external(&format!("HQ-K-{i:06}"))
                .unwrap()
                .is_some()
        })
        .count()
}

#[test]
fn a_killed_import_leaves_nothing_or_everything() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let file = dir.path().join("big.zip");
    std::fs::write(&file, bundle()).unwrap();
    let ok = wortel(&store)
        .args([
            "demo", "--no-tui", "--leads", "40", "--seed", "3", "--bundle",
        ])
        .arg(dir.path().join("sample.zip"))
        .output()
        .unwrap();
    assert!(ok.status.success());
    // How long a whole import takes here, to aim the kills across it.
    let probe = dir.path().join("probe");
    std::fs::create_dir(&probe).unwrap();
    copy_dir(&store, &probe);
    let t = std::time::Instant::now();
    let out = wortel(&probe).arg("import").arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let whole = t.elapsed().as_millis() as u64;
    assert_eq!(imported(&probe), LEADS);

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    let (mut none, mut all) = (0, 0);
    for round in 0..KILLS {
        let victim = dir.path().join(format!("victim-{round}"));
        std::fs::create_dir(&victim).unwrap();
        copy_dir(&store, &victim);
        let mut child = wortel(&victim)
            .arg("import")
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.gen_range(0..=whole + 50)));
        let _ = child.kill();
        child.wait().unwrap();
        match imported(&victim) {
            0 => none += 1,
            n if n == LEADS => all += 1,
            n => panic!("round {round}: a killed import left {n} of {LEADS} leads"),
        }
        std::fs::remove_dir_all(&victim).unwrap();
    }
    assert_eq!(none + all, KILLS);
    eprintln!(
        "{KILLS} kills during a {whole} ms import: {none} left nothing, {all} left everything"
    );
}
