//! The figures head office reads off the feedback: benchmarks (each recomputed from the raw
//! NDJSON), the scorecard and the incentives of the won orders.

use crate::exchange::Worked;
use crate::network::*;
use crate::support::*;
use serde_json::Value;
use wortel_core::bundle::read_bundle;

/// Each dealer's figures, recomputed from the raw feedback; the network's only over enough
/// dealers, then as signed bundles every store imports.
pub fn benchmarks_match_the_raw_feedback(net: &Net, w: &Worked) -> Value {
    let db = &net.db;
    let fb = &w.fb;
    let b = hq_ok(
        db,
        NEXT_MON,
        &["benchmark", "--period", "2026-11", "--json"],
    )
    .json();
    assert!(b["network"].is_null());
    assert!(
        b["network_left_out"]
            .as_str()
            .unwrap()
            .starts_with("3 dealers have figures for 2026-11"),
        "{b}"
    );
    let raw = |rid: &str, file: &str| -> Vec<Value> {
        let bundle = read_bundle(
            &std::fs::read(fb.join(format!("{rid}-W48.zip"))).unwrap(),
            None,
        )
        .unwrap();
        bundle
            .lines(file)
            .map(|(_, l)| serde_json::from_slice(l).unwrap())
            .collect()
    };
    let won_raw: i64 = raw("D043", "opportunities.ndjson")
        .iter()
        .filter(|o| o["to"] == "won")
        .map(|o| o["value_cents"].as_i64().unwrap())
        .sum();
    assert_eq!(b["dealers"]["D043"]["won_value_cents"], won_raw);
    assert_eq!(b["dealers"]["D043"]["win_rate"], 100.0);
    let bob_minutes = raw("D042-bob", "lead_updates.ndjson")
        .iter()
        .find_map(|u| u["response_minutes"].as_i64())
        .unwrap();
    assert_eq!(b["dealers"]["D042"]["response_minutes_median"], bob_minutes);
    b
}

/// Too few dealers for the network's figures: no bundles, nothing changed; with the minimum
/// lowered, one signed bundle per store, which each store imports.
pub fn benchmark_bundles_reach_every_store(net: &Net) {
    let (db, dir) = (&net.db, &net.dir);
    let before = dump(db);
    let r = hq(
        db,
        NEXT_MON,
        &[
            "benchmark",
            "--period",
            "2026-11",
            "--out",
            dir.join("out3").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no benchmark bundles written"),
        "{}",
        r.stderr
    );
    assert_eq!(dump(db), before);
    let out3 = dir.join("out3");
    hq_ok(
        db,
        NEXT_MON,
        &[
            "benchmark",
            "--period",
            "2026-11",
            "--min-dealers",
            "3",
            "--out",
            out3.to_str().unwrap(),
        ],
    );
    for (rid, store) in &net.stores {
        let file = std::fs::read_dir(&out3)
            .unwrap()
            .map(|f| f.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .strip_prefix(rid.as_str())
                    .is_some_and(|rest| {
                        rest.starts_with('-')
                            && rest[1..].trim_end_matches(".zip").parse::<u32>().is_ok()
                    })
            })
            .unwrap_or_else(|| panic!("no benchmark bundle for {rid}"));
        dealer_ok(store, NEXT_MON, &["import", file.to_str().unwrap()]);
    }
}

/// Ranked, with the same leads as the benchmark.
pub fn the_scorecard_ranks_the_dealers(net: &Net, b: &Value) {
    let db = &net.db;
    let scores = hq_ok(
        db,
        NEXT_MON,
        &["scorecard", "--period", "2026-11", "--json"],
    )
    .json();
    let scores = scores.as_array().unwrap();
    assert_eq!(
        scores
            .iter()
            .map(|s| s["rank"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(
        scores[0]["dealer"], "D043",
        "the only dealer that converted a lead ranks first"
    );
    assert_eq!(scores[0]["win_rate"], 100.0);
    for s in scores {
        assert_eq!(
            s["leads_received"],
            b["dealers"][s["dealer"].as_str().unwrap()]["leads_received"]
        );
        assert_eq!(s["weeks_without_feedback"], 0);
    }
}

/// The one won incentive order, paid by the rule.
pub fn incentives_pay_the_won_order(net: &Net) {
    let db = &net.db;
    hq_ok(
        db,
        NEXT_MON,
        &[
            "config",
            "--incentive-percent",
            "2",
            "--incentive-cap",
            "1500",
        ],
    );
    let claims = hq_ok(
        db,
        NEXT_MON,
        &["incentives", "--period", "2026-11", "--json"],
    )
    .json();
    let claims = claims.as_array().unwrap();
    assert_eq!(
        claims.len(),
        1,
        "the script won one incentive order: {claims:?}"
    );
    assert_eq!(claims[0]["lead_id"], WON);
    assert_eq!(claims[0]["won_value_cents"], 9_500_000);
    assert_eq!(claims[0]["incentive_cents"], 150_000);
    assert_eq!(claims[0]["salesperson"], "Carla");
}
