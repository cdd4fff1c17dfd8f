//! Lead programmes (issue 22 items 1 and 2) with the real binaries and a fixed clock: three
//! dealer stores live through 2026 (accounts with installed base, lost deals, customers who
//! leave), export real feedback bundles week by week, and head office ingests them. On
//! 30 November the replacement, lost-order and ex-customer programmes make exactly the leads
//! the script implies (recomputed here from the script, not read back from the database), once;
//! `route` sends each to the store whose feedback showed its cause; the dealers' own
//! `wortel leads due-replacements` agrees and never duplicates head office's lead.

#[path = "../support/mod.rs"]
mod support;

mod dealer;
mod script;
mod stores;

use script::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use stores::network;
use support::*;

fn add_programmes(db: &Path) {
    hq_ok(
        db,
        RUN,
        &[
            "programme",
            "add",
            "replacements",
            "--rule",
            "replacement",
            "--campaign",
            "Replacement 2027",
        ],
    );
    hq_ok(
        db,
        RUN,
        &["programme", "add", "winback-lost", "--rule", "lost-order"],
    );
    hq_ok(
        db,
        RUN,
        &[
            "programme",
            "add",
            "winback-ex",
            "--rule",
            "ex-customer",
            "--months",
            "6",
            "--campaign",
            "Welcome back",
        ],
    );
}

fn made(run: &Value) -> BTreeSet<(String, String, String, String)> {
    run.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let s = |k: &str| m[k].as_str().unwrap().to_string();
            (s("programme"), s("account"), s("store"), s("interest"))
        })
        .collect()
}

#[test]
fn programmes_make_the_scripts_leads_once_and_route_them_to_the_stores_that_showed_them() {
    let net = network();
    let db = &net.db;
    add_programmes(db);
    let listed = hq_ok(db, RUN, &["programme", "list", "--json"]).json();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["replacements", "winback-ex", "winback-lost"],
        "by name"
    );
    assert_eq!(listed[0]["months"], 6, "replacement's default");
    assert_eq!(listed[1]["months"], 6);
    assert_eq!(listed[2]["months"], 9, "lost-order's default");
    assert_eq!(
        listed[2]["reasons"],
        serde_json::json!(["price", "delivery time", "no decision"])
    );
    let want = expected();
    assert_eq!(want.len(), 4, "the script implies four leads: {want:?}");

    // A dry run lists them and why, and changes nothing.
    let before = dump(db);
    let dry = hq_ok(db, RUN, &["programme", "run", "--dry-run", "--json"]).json();
    assert_eq!(made(&dry), want);
    assert_eq!(dump(db), before, "the dry run changed the database");
    let text = hq_ok(db, RUN, &["programme", "run", "--dry-run"]).stdout;
    assert!(
        text.contains(
            "Transport Jansen B.V. owns R 450 tractor, due for replacement by 2027-03-15"
        ),
        "{text}"
    );
    assert!(
        text.contains("4 new leads would be made (dry run: nothing changed)"),
        "{text}"
    );

    // The run makes exactly those, once.
    let run = hq_ok(db, RUN, &["programme", "run", "--json"]).json();
    assert_eq!(made(&run), want);
    assert!(
        run.as_array()
            .unwrap()
            .iter()
            .all(|m| m["new_lead"] == true)
    );
    let again = hq_ok(db, RUN, &["programme", "run", "--json"]).json();
    assert_eq!(again, serde_json::json!([]), "a second run makes nothing");
    let listed = hq_ok(db, RUN, &["programme", "list", "--json"]).json();
    let counts: Vec<i64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["leads"].as_i64().unwrap())
        .collect();
    assert_eq!(
        counts,
        vec![2, 1, 1],
        "leads per programme (replacements, winback-ex, winback-lost)"
    );

    // The lost order's lead carries the loss; every lead its programme's campaign.
    let pool = hq_ok(db, RUN, &["leads", "list", "--json"]).json();
    let lead_of = |account: &str| {
        let id = run
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["account"] == account)
            .unwrap()["lead_id"]
            .clone();
        let record = query(
            db,
            &format!(
                "SELECT record FROM leads WHERE id = '{}'",
                id.as_str().unwrap()
            ),
        );
        serde_json::from_str::<Value>(record[0][0].as_deref().unwrap()).unwrap()
    };
    let lost = lead_of("Bakkerij de Vries");
    assert_eq!(lost["source"]["campaign"], "winback-lost");
    assert_eq!(
        lost["signals"],
        serde_json::json!([
            "lost on 2026-02-10",
            "lost reason: price",
            "lost value: € 95.000,00"
        ])
    );
    assert!(
        lost["notes"]
            .as_str()
            .unwrap()
            .contains("FH 500 tractor lost on 2026-02-10 for price, worth € 95.000,00")
    );
    assert_eq!(
        lead_of("Groenteboer Amersfoort")["source"]["campaign"],
        "Welcome back"
    );
    assert_eq!(
        lead_of("Kipperbedrijf Vos")["signals"],
        serde_json::json!(["replacement of Kipper K8 due 2026-12-20"])
    );
    assert!(pool.as_array().unwrap().len() >= 5);

    // Route: each to the store whose feedback showed the cause (the bakery is in D043's area).
    let routed = hq_ok(db, RUN, &["route", "--json"]).json();
    for m in run.as_array().unwrap() {
        let d = routed["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["lead_id"] == m["lead_id"])
            .unwrap();
        assert_eq!(d["store"], m["store"], "{d}");
        assert!(
            d["reason"]
                .as_str()
                .unwrap()
                .starts_with("programme lead from"),
            "{d}"
        );
    }
    dealer::dealer_side_agrees(&net, &run);
}

#[test]
fn bad_programmes_are_refused_in_one_sentence() {
    let d = tempfile::tempdir().unwrap();
    let db = new_db(d.path());
    hq_ok(&db, SETUP, &["init", "--name", "Truck NL"]);
    for (args, says) in [
        (
            vec!["programme", "add", "Bad Name", "--rule", "replacement"],
            "is not 1 to 32 lower-case letters",
        ),
        (
            vec!["programme", "add", "x", "--rule", "birthday"],
            "rule `birthday` is unknown",
        ),
        (
            vec![
                "programme",
                "add",
                "x",
                "--rule",
                "replacement",
                "--months",
                "500",
            ],
            "--months 500 is outside 0 to 120",
        ),
        (
            vec![
                "programme",
                "add",
                "x",
                "--rule",
                "replacement",
                "--reasons",
                "price",
            ],
            "--reasons is for lost-order programmes only",
        ),
        (
            vec!["programme", "run", "nothing"],
            "there is no programme nothing",
        ),
    ] {
        let before = dump(&db);
        let r = hq(&db, SETUP, &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stdout);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
        assert_eq!(dump(&db), before);
    }
    hq_ok(
        &db,
        SETUP,
        &["programme", "add", "x", "--rule", "replacement"],
    );
    let r = hq(
        &db,
        SETUP,
        &["programme", "add", "x", "--rule", "ex-customer"],
    );
    assert!(
        r.stderr.contains("programme x exists already"),
        "{}",
        r.stderr
    );
    let empty = hq_ok(&db, SETUP, &["programme", "run"]).stdout;
    assert!(empty.contains("0 new leads made"), "{empty}");
}
