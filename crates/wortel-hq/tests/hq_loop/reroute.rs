//! The next round: the rejected lead goes to another dealer with a retraction to the first, a
//! customer's new lead to its dealer, an account's new lead to the salesperson who owns it.

use crate::exchange::Worked;
use crate::network::*;
use crate::support::*;
use wortel_core::bundle::read_bundle;

/// Route and send again; the stores import.
pub fn the_next_round_routes_the_rejected_lead_elsewhere(net: &Net, w: &Worked) {
    let (db, dir) = (&net.db, &net.dir);
    let bobs = &w.bobs;
    let bobs_kvk = 10_000_000 + bobs.trim_start_matches("HQ-2026-").parse::<u32>().unwrap();
    let more = format!(
        "{}\n{}\n",
        serde_json::json!({"id":"HQ-2026-900001","received_at":"2026-11-30T08:00:00Z","source":{"channel":"telemarketing"},"score":70,"interest":"XF trailer","account":{"name":"Transport 2 B.V.","kvk":"10000002","address":{"postcode":"3545 AA"}}}),
        serde_json::json!({"id":"HQ-2026-900002","received_at":"2026-11-30T08:00:00Z","source":{"channel":"web"},"score":60,"interest":"service contract","account":{"name":"x","kvk":bobs_kvk.to_string(),"address":{"postcode":"3501 AA"}}}),
    );
    std::fs::write(dir.join("more.ndjson"), more).unwrap();
    hq_ok(
        db,
        NEXT_MON,
        &["leads", "add", dir.join("more.ndjson").to_str().unwrap()],
    );
    let ds = decisions(&hq_ok(db, NEXT_MON, &["route", "--json"]).json());
    assert_eq!(
        decision(&ds, REJECTED)["reason"],
        "nearest to 8003: D043 8301-8399 is 298 away; D043, its only store",
        "never back to D044"
    );
    assert_eq!(
        decision(&ds, "HQ-2026-900001")["reason"],
        "customer of D043; D043 owns the account"
    );
    assert_eq!(
        decision(&ds, "HQ-2026-900002")["reason"],
        format!("3501 in D042 3500-3599; D042-bob owns the account")
    );
    let out2 = dir.join("out2");
    hq_ok(db, NEXT_MON, &["send", "--out", out2.to_str().unwrap()]);
    let retraction = read_bundle(&std::fs::read(out2.join("D044-2.zip")).unwrap(), None).unwrap();
    assert_eq!(
        retraction.files["retractions.ndjson"],
        format!("{{\"lead_id\":\"{REJECTED}\"}}\n").into_bytes()
    );
    assert!(!retraction.files.contains_key("leads.ndjson"));
    for (rid, store) in &net.stores {
        let file = out2.join(format!("{rid}-2.zip"));
        if file.exists() {
            dealer_ok(store, NEXT_MON, &["import", file.to_str().unwrap()]);
        }
    }
    let d043 = wortel::store::Store::open(net.store("D043")).unwrap();
    assert!(
        d043.lead_by_external(REJECTED).unwrap().is_some(),
        "D043 imported the re-routed lead"
    );
    drop(d043);
}
