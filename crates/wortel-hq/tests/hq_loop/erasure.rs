//! Erasure across the network: Ton Jansen is the contact of a lead routed to Utrecht and of
//! another routed to Zwolle. He asks Utrecht's salesperson to erase him; Utrecht's next
//! feedback carries the tombstone, head office erases him and forwards the request to Zwolle
//! with its next bundle, Zwolle's import applies it. No store's files and no SQLite file keep
//! his name, e-mail or phone afterwards.

use crate::network::*;
use crate::support::*;
use serde_json::{Value, json};
use std::path::Path;

const THU: &str = "2026-12-10T09:00:00Z";
const FRI: &str = "2026-12-11T10:00:00Z";
const MON_W51: &str = "2026-12-14T09:00:00Z";
const TON: [&str; 3] = ["Ton Jansen", "ton@jansen-transport.nl", "06-12345678"];

/// Each bundle `send --json` wrote, imported by its store.
fn send_and_import(net: &Net, out: &Path, now: &str) -> Vec<Value> {
    let sent = hq_ok(
        &net.db,
        now,
        &["send", "--out", out.to_str().unwrap(), "--json"],
    )
    .json();
    for s in sent.as_array().unwrap() {
        let store = net.store(s["store"].as_str().unwrap());
        dealer_ok(store, now, &["import", s["file"].as_str().unwrap()]);
    }
    sent.as_array().unwrap().clone()
}

/// Two companies' leads with Ton as their contact, routed and sent; returns Utrecht's store.
fn ton_is_sent_to_two_dealers(net: &Net) -> String {
    let contact = json!({"name": TON[0], "email": TON[1], "phone": TON[2]});
    let lead = |id: &str, company: &str, postcode: &str| {
        json!({"id": id, "received_at": "2026-12-10T08:00:00Z", "source": {"channel": "web"}, "score": 80,
            "account": {"name": company, "address": {"postcode": postcode}}, "contact": contact,
            "notes": "Ton Jansen asked for a call back"})
    };
    let file = net.dir.join("ton.ndjson");
    let lines = [
        lead("HQ-2026-950001", "Jansen Transport B.V.", "3542 AD"),
        lead("HQ-2026-950002", "IJssel Logistiek", "8010 AB"),
    ];
    std::fs::write(&file, format!("{}\n{}\n", lines[0], lines[1])).unwrap();
    hq_ok(&net.db, THU, &["leads", "add", file.to_str().unwrap()]);
    let ds = decisions(&hq_ok(&net.db, THU, &["route", "--json"]).json());
    assert_eq!(decision(&ds, "HQ-2026-950002")["store"], "D044");
    let utrecht = decision(&ds, "HQ-2026-950001")["store"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(utrecht.starts_with("D042-"), "{utrecht}");
    send_and_import(net, &net.dir.join("out-ton"), THU);
    assert!(
        !traces(net.store("D044"), &TON).is_empty(),
        "Zwolle holds Ton"
    );
    utrecht
}

/// Utrecht erases Ton; its feedback reaches head office, which forwards the request to Zwolle.
pub fn an_erasure_at_one_store_reaches_the_other_store_that_holds_the_person(net: &Net) {
    let utrecht = ton_is_sent_to_two_dealers(net);
    let store = net.store(&utrecht);
    dealer_ok(store, FRI, &["privacy", "erase", TON[0], "--yes"]);
    let fb = net.dir.join(format!("{utrecht}-W50.zip"));
    let week = [
        "export",
        "--week",
        "2026-W50",
        "--out",
        fb.to_str().unwrap(),
    ];
    dealer_ok(store, MON_W51, &week);
    let ingest = hq_ok(&net.db, MON_W51, &["ingest", fb.to_str().unwrap()]);
    assert!(
        ingest.stdout.contains("queued for D044"),
        "{}",
        ingest.stdout
    );
    if !net.db.to_str().unwrap().starts_with("postgres://") {
        assert_eq!(
            traces(&net.db, &TON),
            Vec::<String>::new(),
            "head office's file"
        );
    }
    let sent = send_and_import(net, &net.dir.join("out-erase"), MON_W51);
    assert_eq!(sent.len(), 1, "only Zwolle is asked: {sent:?}");
    assert_eq!(sent[0]["erasures"], 1);
    for rid in [utrecht.as_str(), "D044"] {
        assert_eq!(
            traces(net.store(rid), &TON),
            Vec::<String>::new(),
            "{rid}'s files"
        );
    }
    let pool = hq_ok(&net.db, MON_W51, &["leads", "list", "--json"]).json();
    let kept = pool
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["id"].as_str().unwrap().starts_with("HQ-2026-95"))
        .count();
    assert_eq!(kept, 2, "his leads stay, anonymous");
}
