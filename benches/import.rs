//! Import throughput: a signed leads bundle of N new leads (default 20,000; `WORTEL_BENCH_LEADS`)
//! read, verified and applied in one write into an empty store, and a feedback export after
//! them. `cargo bench --bench import`.

use std::time::Instant;
use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel::bundle::read_bundle;
use wortel::bundle::write::write_bundle;
use wortel::store::{DEMO_DEALER, Identity, Store};

fn main() {
    let n: usize = std::env::var("WORTEL_BENCH_LEADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let now: jiff::Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
    let mut lines = Vec::new();
    for i in 0..n {
        let v = serde_json::json!({
            "id": format!("HQ-B-{i:07}"), "received_at": "2026-11-22T08:00:00Z", "source": {"channel": "web", "campaign": "Bench"},
            "score": (i % 100) as i64, "interest": "XF 480 FT",
            "account": {"name": format!("Bench {i} B.V."), "kvk": format!("{:08}", 30_000_000 + i), "address": {"postcode": "1234 AB", "city": "Utrecht"}},
            "contact": {"name": format!("Person {i}"), "email": format!("p{i}@example.nl")}
        });
        lines.extend(serde_json::to_vec(&v).unwrap());
        lines.push(b'\n');
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: "HQ-BENCH".into(),
        from: "head-office".into(),
        to: DEMO_DEALER.into(),
        sequence: 1,
        created_at: now,
        period: None,
        files: vec![],
    };
    let t = Instant::now();
    let bytes = write_bundle(manifest, &[("leads.ndjson", lines)], None).unwrap();
    println!(
        "write a {n}-lead bundle ({} KiB)        {:>8.0} ms",
        bytes.len() / 1024,
        t.elapsed().as_secs_f64() * 1000.0
    );

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(&dir.path().join("store")).unwrap();
    store
        .set_identity(&Identity {
            dealer_id: DEMO_DEALER.into(),
            salesperson: "Bench".into(),
            created_at: now,
        })
        .unwrap();
    let t = Instant::now();
    let bundle = read_bundle(&bytes, None).unwrap();
    let read = t.elapsed();
    let report = wortel::ops::import_leads(&store, &bundle, now, &mut |_| {}).unwrap();
    let whole = t.elapsed();
    assert_eq!(report.new_leads, n);
    println!(
        "read + verify                           {:>8.0} ms",
        read.as_secs_f64() * 1000.0
    );
    println!(
        "import (read, verify, place, one write)  {:>8.0} ms  = {:.0} leads/s (each with account and contact)",
        whole.as_secs_f64() * 1000.0,
        n as f64 / whole.as_secs_f64()
    );
    let t = Instant::now();
    let export =
        wortel::ops::export_feedback(&store, Some("2026-W48"), now, &jiff::tz::TimeZone::UTC)
            .unwrap();
    println!(
        "feedback export after it ({} KiB)        {:>8.0} ms",
        export.bytes.len() / 1024,
        t.elapsed().as_secs_f64() * 1000.0
    );
}
