//! Head office sends, each store imports its bundle, works its leads (an `out of area`
//! rejection, a won incentive order, a follow-up call) and exports its week.

use crate::network::*;
use crate::support::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use wortel_core::bundle::feedback::parse_feedback;
use wortel_core::bundle::read_bundle;

/// What the stores' week left for the rest of the story.
pub struct Worked {
    /// The lead Bob followed up by phone.
    pub bobs: String,
    /// The stores' feedback bundles, `RID-W48.zip`.
    pub fb: PathBuf,
}

/// One bundle per store, then nothing to send.
pub fn each_store_gets_one_bundle(net: &Net) {
    let (db, dir) = (&net.db, &net.dir);
    // Send: one bundle per store, then nothing.
    let out1 = dir.join("out1");
    let sent = hq_ok(
        db,
        MON,
        &["send", "--out", out1.to_str().unwrap(), "--json"],
    )
    .json();
    assert_eq!(sent.as_array().unwrap().len(), 4);
    let again = hq_ok(db, MON, &["send", "--out", out1.to_str().unwrap()]);
    assert!(
        again.stdout.starts_with("nothing to send"),
        "{}",
        again.stdout
    );
}

/// Each store imports and works its leads, then exports its feedback for week 48.
pub fn stores_work_their_leads_and_export(net: &Net, ds: &[Value]) -> Worked {
    let dir = &net.dir;
    let out1 = dir.join("out1");
    // Each store imports its bundle and works it.
    for (rid, store) in &net.stores {
        let file = out1.join(format!("{rid}-1.zip"));
        dealer_ok(store, MON, &["import", file.to_str().unwrap()]);
    }
    {
        let s = wortel::store::Store::open(net.store("D044")).unwrap();
        let lead = s.lead_by_external(REJECTED).unwrap().unwrap();
        wortel::ops::reject_lead(&s, lead.id, "out of area", WED.parse().unwrap()).unwrap();
    }
    dealer_ok(
        net.store("D043"),
        WED,
        &[
            "log-visit",
            "--lead",
            WON,
            "--outcome",
            "order-won",
            "--value",
            "95000",
        ],
    );
    let bobs = ds.iter().find(|d| d["store"] == "D042-bob").unwrap()["lead_id"]
        .as_str()
        .unwrap()
        .to_string();
    dealer_ok(
        net.store("D042-bob"),
        WED,
        &[
            "log-visit",
            "--lead",
            &bobs,
            "--kind",
            "call",
            "--outcome",
            "follow-up",
            "--next",
            "2026-12-01",
        ],
    );

    let fb = dir.join("feedback");
    std::fs::create_dir_all(&fb).unwrap();
    for (rid, store) in &net.stores {
        let file = fb.join(format!("{rid}-W48.zip"));
        dealer_ok(
            store,
            NEXT_MON,
            &[
                "export",
                "--week",
                "2026-W48",
                "--out",
                file.to_str().unwrap(),
            ],
        );
        assert_typed_records_read_every_field(&file);
    }

    Worked { bobs, fb }
}

/// Each line of every feedback file, read by the typed records, says exactly what the raw JSON says.
fn assert_typed_records_read_every_field(file: &Path) {
    let bundle = read_bundle(&std::fs::read(file).unwrap(), None).unwrap();
    let fb = parse_feedback(&bundle).unwrap();
    let typed: Vec<(&str, Vec<Value>)> = vec![
        (
            "lead_updates.ndjson",
            fb.lead_updates
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        ),
        (
            "accounts.ndjson",
            fb.accounts
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        ),
        (
            "activities.ndjson",
            fb.activities
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        ),
        (
            "opportunities.ndjson",
            fb.opportunities
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        ),
        (
            "nps.ndjson",
            fb.nps
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        ),
        (
            "leads.ndjson",
            fb.leads
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        ),
        (
            "erasures.ndjson",
            fb.erasures
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        ),
    ];
    for (name, records) in typed {
        let raw: Vec<Value> = bundle
            .lines(name)
            .map(|(_, l)| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(raw, records, "{name} of {}", file.display());
    }
}
