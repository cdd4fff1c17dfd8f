//! Intake and routing: 2,000 leads from a spreadsheet and an ADF file, the same prospects not
//! added twice, and every lead routed by its rule with the reason said.

use crate::network::*;
use crate::support::*;
use serde_json::Value;

/// The CSV and the ADF file go in; the ADF file again only updates.
pub fn leads_are_added_once(net: &Net) {
    let (db, dir) = (&net.db, &net.dir);
    std::fs::write(dir.join("leads.csv"), csv_rows()).unwrap();
    std::fs::write(dir.join("web.xml"), adf_prospects()).unwrap();
    let add = hq_ok(
        db,
        MON,
        &[
            "leads",
            "add",
            dir.join("leads.csv").to_str().unwrap(),
            dir.join("web.xml").to_str().unwrap(),
        ],
    );
    assert_eq!(add.stdout.trim(), "2000 leads added, 0 updated");
    let again = hq_ok(
        db,
        MON,
        &["leads", "add", dir.join("web.xml").to_str().unwrap()],
    );
    assert_eq!(
        again.stdout.trim(),
        "0 leads added, 10 updated",
        "the same prospects are not duplicated"
    );
}

/// A dry run changes nothing; the real route says why each lead went where it went.
pub fn every_lead_is_routed_by_its_rule(net: &Net) -> Vec<Value> {
    let db = &net.db;
    // Route: a dry run first changes nothing.
    let before = dump(db);
    let dry = hq_ok(db, MON, &["route", "--dry-run", "--json"]).json();
    assert_eq!(dump(db), before);
    let route = hq_ok(db, MON, &["route", "--json"]).json();
    assert_eq!(decisions(&dry).len(), decisions(&route).len());
    let ds = decisions(&route);
    assert_eq!(ds.len(), 2000);
    let r0 = decision(&ds, "HQ-2026-000000");
    assert_eq!(
        r0["reason"],
        "3500 in D042 3500-3599; D042-anna has the fewest open leads (0)"
    );
    assert_eq!(
        decision(&ds, "HQ-2026-000001")["store"],
        "D042-bob",
        "the store with fewer open leads"
    );
    assert_eq!(
        decision(&ds, "HQ-2026-000004")["reason"],
        "nearest to 3650: D042 3500-3599 is 51 away; D042-anna has the fewest open leads (1)"
    );
    assert_eq!(
        decision(&ds, "HQ-2026-000009")["reason"],
        "nearest to 8200: D044 8000-8099 is 101 away, tie broken by weight 3; D044, its only store"
    );
    let none = decision(&ds, "HQ-2026-000014");
    assert!(
        none["store"].is_null()
            && none["reason"] == "no postcode: add one (e.g. 3542 AD) and route again"
    );
    assert_eq!(decision(&ds, REJECTED)["store"], "D044");
    assert_eq!(
        decision(&ds, WON)["reason"],
        "3802 in D043 3800-3899; D043, its only store"
    );
    assert_eq!(decision(&ds, "ADF-T-1")["dealer"], "D044");
    let [anna, bob] =
        ["D042-anna", "D042-bob"].map(|s| ds.iter().filter(|d| d["store"] == s).count());
    assert!(
        anna.abs_diff(bob) <= 1,
        "open leads are spread: {anna} / {bob}"
    );

    ds
}
