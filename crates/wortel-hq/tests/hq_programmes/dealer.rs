//! The dealers' side of the programmes: `wortel leads due-replacements` agrees with head
//! office's replacement rule and never duplicates a lead head office sent.

use crate::script::*;
use crate::stores::Net;
use crate::support::*;
use serde_json::Value;
use wortel::store::Store;

/// The stores import head office's leads; their own rule then sees those replacements covered.
pub fn dealer_side_agrees(net: &Net, run: &Value) {
    let out = net.dir.join("out");
    hq_ok(&net.db, RUN, &["send", "--out", out.to_str().unwrap()]);
    let hq_lead = |account: &str| {
        run.as_array()
            .unwrap()
            .iter()
            .find(|m| m["account"] == account)
            .unwrap()["lead_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for rid in ["D042-anna", "D043"] {
        let bundle = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with(&format!("{rid}-"))
            })
            .unwrap();
        dealer_ok(&net.store(rid), RUN, &["import", bundle.to_str().unwrap()]);
    }
    // Anna: Jansen's tractor is due and covered by head office's lead; the trailer is not due.
    let anna = dealer_ok(
        &net.store("D042-anna"),
        RUN,
        &["leads", "due-replacements", "--json"],
    )
    .json();
    assert_eq!(anna.as_array().unwrap().len(), 1, "{anna}");
    assert_eq!(anna[0]["product"], "R 450 tractor");
    assert_eq!(anna[0]["lead_id"], hq_lead("Transport Jansen B.V."));
    let made = dealer_ok(
        &net.store("D042-anna"),
        RUN,
        &["leads", "due-replacements", "--create", "--json"],
    )
    .json();
    assert_eq!(
        made[0]["created"], false,
        "head office's lead is not made again"
    );
    // Carla: the same rule as head office's programme, the same product, covered.
    let carla = dealer_ok(
        &net.store("D043"),
        RUN,
        &["leads", "due-replacements", "--months", "6", "--json"],
    )
    .json();
    assert_eq!(carla.as_array().unwrap().len(), 1);
    assert_eq!(carla[0]["product"], "Kipper K8");
    assert_eq!(carla[0]["lead_id"], hq_lead("Kipperbedrijf Vos"));
    // Bob got no lead from head office (Anna did): his store makes its own, once.
    let bob = net.store("D042-bob");
    let first = dealer_ok(
        &bob,
        RUN,
        &["leads", "due-replacements", "--create", "--json"],
    )
    .json();
    let tractor = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|d| d["product"] == "R 450 tractor")
            .unwrap()
            .clone()
    };
    let own = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|d| d["product"] == "Bakwagen 12")
            .unwrap()
            .clone()
    };
    assert_eq!(first.as_array().unwrap().len(), 2, "{first}");
    assert_eq!(tractor(&first)["created"], true);
    assert_eq!(own(&first)["created"], false, "made in September");
    let second = dealer_ok(
        &bob,
        RUN,
        &["leads", "due-replacements", "--create", "--json"],
    )
    .json();
    assert_eq!(tractor(&second)["created"], false);
    assert_eq!(tractor(&second)["lead_id"], tractor(&first)["lead_id"]);
    let text = dealer_ok(&bob, RUN, &["leads", "due-replacements", "--months", "1"]).stdout;
    assert!(
        text.contains("no replacements due within 1 month"),
        "{text}"
    );
    let s = Store::open(&bob).unwrap();
    assert_eq!(
        wortel::ops::uncovered_replacements_for_agenda(&s, day(RUN_DAY)).unwrap(),
        0,
        "covered now"
    );
}
