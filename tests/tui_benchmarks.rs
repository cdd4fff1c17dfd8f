//! `B` with head office's figures imported from a signed benchmark bundle: the network's bar
//! above the dealer's own for every figure, readable at 80×24 (scrolling to the rest) and all
//! at once on a wide terminal.

mod tui_support;
use serde_json::json;
use tui_support::*;
use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel::bundle::write::write_bundle;
use wortel::tui::overlays::Overlay;

/// A benchmark bundle from head office, signed with the demo's head-office key (seed 7).
fn benchmark_bundle(figures: &[serde_json::Value]) -> Vec<u8> {
    let mut payload = Vec::new();
    for f in figures {
        payload.extend(serde_json::to_vec(f).unwrap());
        payload.push(b'\n');
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Benchmark,
        id: "HQ-BENCH-2026-Q4".into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence: 1,
        created_at: now(),
        period: None,
        files: vec![],
    };
    let key = wortel::demo::bundle::head_office_key(7);
    write_bundle(manifest, &[("benchmarks.ndjson", payload)], Some(&key)).unwrap()
}

#[test]
fn b_draws_the_networks_figures_beside_the_dealers_own_as_bars() {
    let (dir, path) = demo_store(200);
    let file = dir.path().join("bench.zip");
    std::fs::write(
        &file,
        benchmark_bundle(&[
            json!({"measure": "conversion_rate", "channel": "web", "value": 23.5}),
            json!({"measure": "conversion_rate", "channel": "event", "value": 31}),
            json!({"measure": "response_hours", "value": 18.2}),
            json!({"measure": "win_rate", "value": 61}),
            json!({"measure": "lost_reason", "reason": "price", "value": 34}),
            json!({"measure": "nps", "value": -12}),
        ]),
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("wortel")
        .unwrap()
        .env("WORTEL_NOW", NOW)
        .env("TZ", "Europe/Amsterdam")
        .arg("--store")
        .arg(&path)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut app = app_on(&path);
    press(&mut app, "B");
    let Some(Overlay::Report(report)) = app.overlay() else {
        panic!("B opens the benchmarks");
    };
    let web = report
        .rows
        .iter()
        .find(|r| r.label == "conversion_rate web")
        .unwrap();
    assert_eq!(web.network, Some(23.5));
    let small = render(&mut app, 80, 24);
    assert!(small.contains("23.5 % network"), "{small}");
    assert!(
        small.contains("network figures from HQ-BENCH-2026-Q4"),
        "{small}"
    );
    assert!(small.contains("more"), "the rest is a scroll away: {small}");
    snapshot_settings().bind(|| insta::assert_snapshot!("benchmarks_network_80x24", small));
    let wide = render(&mut app, 160, 48);
    for needle in [
        "win rate",
        "61 % network",
        "lost: price",
        "-12 network",
        "18.2 h network",
    ] {
        assert!(wide.contains(needle), "{needle} missing in:\n{wide}");
    }
    snapshot_settings().bind(|| insta::assert_snapshot!("benchmarks_network_160x48", wide));
    // Scrolling reaches the last figure at 80×24.
    press(&mut app, "G");
    let bottom = render(&mut app, 80, 24);
    assert!(bottom.contains("NPS"), "{bottom}");
}
