//! Benchmark bundles: head office's network figures are imported (once, in order, signed) and
//! shown beside the dealer's own by `wortel benchmark`.

mod common;
use common::{NOW, wortel};

use serde_json::json;
use std::path::PathBuf;
use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel::bundle::write::write_bundle;

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = wortel(&store)
        .args([
            "demo", "--no-tui", "--leads", "200", "--seed", "7", "--bundle",
        ])
        .arg(dir.path().join("hq.zip"))
        .output()
        .unwrap();
    assert!(out.status.success());
    (dir, store)
}

fn bundle(lines: &[serde_json::Value]) -> Vec<u8> {
    let mut payload = Vec::new();
    for l in lines {
        payload.extend(serde_json::to_vec(l).unwrap());
        payload.push(b'\n');
    }
    let m = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Benchmark,
        id: "HQ-BENCH-2026-11".into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence: 1,
        created_at: NOW.parse().unwrap(),
        period: None,
        files: vec![],
    };
    write_bundle(
        m,
        &[("benchmarks.ndjson", payload)],
        Some(&wortel::demo::bundle::head_office_key(7)),
    )
    .unwrap()
}

#[test]
fn network_figures_are_shown_beside_the_dealers_own() {
    let (dir, store) = setup();
    let file = dir.path().join("bench.zip");
    std::fs::write(
        &file,
        bundle(&[
            json!({"measure": "conversion_rate", "channel": "web", "value": 23.5}),
            json!({"measure": "response_hours", "value": 18.2}),
            json!({"measure": "win_rate", "value": 61}),
            json!({"measure": "lost_reason", "reason": "price", "value": 34}),
            json!({"measure": "nps", "value": 42}),
            json!({"measure": "something_new", "value": 1}),
        ]),
    )
    .unwrap();
    let out = wortel(&store).arg("import").arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("5 network figures"),
        "unknown measures are left out"
    );
    let again = wortel(&store).arg("import").arg(&file).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("already imported"));
    let out = wortel(&store).arg("benchmark").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "conversion_rate web",
        "23.5",
        "response_hours",
        "18.2",
        "win_rate",
        "61",
        "lost_reason price",
        "34",
        "nps",
        "42",
        "HQ-BENCH-2026-11",
    ] {
        assert!(text.contains(needle), "{needle} missing in:\n{text}");
    }
    // The dealer's own win rate is there too (the demo has won and lost deals).
    let win = text.lines().find(|l| l.contains("win_rate")).unwrap();
    assert!(
        win.split_whitespace()
            .filter(|w| w.parse::<f64>().is_ok())
            .count()
            >= 2,
        "{win}"
    );
}

#[test]
fn a_figure_without_a_number_refuses_the_bundle() {
    let (dir, store) = setup();
    let file = dir.path().join("bad.zip");
    std::fs::write(&file, bundle(&[json!({"measure": "nps", "value": "high"})])).unwrap();
    let out = wortel(&store).arg("import").arg(&file).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "wortel: {}: benchmarks.ndjson line 1: invalid type: string \"high\", expected f64",
            file.display()
        )),
        "{err}"
    );
    let out = wortel(&store).arg("benchmark").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("no network figures yet"));
}

#[test]
fn figures_out_of_range_refuse_the_bundle_in_a_short_sentence() {
    let (dir, store) = setup();
    let file = dir.path().join("bad.zip");
    for (figure, sentence) in [
        (
            json!({"measure": "nps", "value": 1e308}),
            "benchmarks.ndjson line 1: nps 1e308 is outside -100 to 100; ask head office for a corrected bundle",
        ),
        (
            json!({"measure": "conversion_rate", "channel": "web", "value": -3.5}),
            "benchmarks.ndjson line 1: conversion_rate -3.5 is outside 0 to 100; ask head office for a corrected bundle",
        ),
        (
            json!({"measure": "win_rate", "value": 250}),
            "benchmarks.ndjson line 1: win_rate 250 is outside 0 to 100; ask head office for a corrected bundle",
        ),
    ] {
        std::fs::write(&file, bundle(&[figure])).unwrap();
        let out = wortel(&store).arg("import").arg(&file).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("wortel: {}: {sentence}\n", file.display())
        );
    }
    let out = wortel(&store).arg("benchmark").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("no network figures yet"));
}
