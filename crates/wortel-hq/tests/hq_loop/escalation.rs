//! Escalation and status: leads still new three days past their respond-by are taken back and
//! routed on (a dry run here), and the status names the week a store has not sent.

use crate::network::*;
use crate::support::*;

/// Never back to the dealer that let a lead lie.
pub fn late_leads_are_routed_on(net: &Net) {
    let db = &net.db;
    let late = "2026-12-10T09:00:00Z";
    let before = dump(db);
    let esc = hq_ok(
        db,
        late,
        &["route", "--dry-run", "--escalate-after", "3d", "--json"],
    )
    .json();
    assert_eq!(dump(db), before);
    let taken = esc["escalated"].as_array().unwrap();
    assert!(taken.len() > 1000, "{} escalated", taken.len());
    assert!(
        taken
            .iter()
            .all(|e| e["lead_id"] != WON && e["lead_id"] != "ADF-T-1")
    );
    let ds = decisions(&esc);
    for e in taken {
        let d = decision(&ds, e["lead_id"].as_str().unwrap());
        assert_ne!(
            d["dealer"], e["dealer"],
            "{} went back to the dealer that let it lie",
            e["lead_id"]
        );
    }

    let status = hq_ok(db, late, &["status", "--json"]).json();
    let d044 = status
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["store"] == "D044")
        .unwrap();
    assert_eq!(d044["last_feedback_week"], "2026-W48");
    assert_eq!(d044["missing_weeks"], serde_json::json!(["2026-W49"]));
}
