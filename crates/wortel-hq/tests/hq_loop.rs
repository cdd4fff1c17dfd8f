//! The whole loop with the real binaries (issue 16, "Done when"): head office sets up three
//! dealers (one with two salespeople), registers stores made with `wortel init`, adds 2,000
//! leads from a CSV and an ADF file, routes them by every rule, sends; each store imports, works
//! its leads (an `out of area` rejection, a won incentive lead), exports; head office refuses
//! tampered, forged, wrong-recipient, gapped and replayed feedback with its database unchanged,
//! ingests the real bundles, and routes the rejected lead to another dealer with a retraction to
//! the first.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use support::*;
use wortel_core::bundle::feedback::parse_feedback;
use wortel_core::bundle::manifest::Manifest;
use wortel_core::bundle::write::write_bundle;
use wortel_core::bundle::{SecretKey, read_bundle};

const MON: &str = "2026-11-23T09:00:00Z";
const WED: &str = "2026-11-25T10:00:00Z";
const NEXT_MON: &str = "2026-11-30T09:00:00Z";

const REJECTED: &str = "HQ-2026-000003"; // postcode 8003: D044
const WON: &str = "HQ-2026-000002"; // postcode 3802: D043, incentive

/// 1,990 spreadsheet rows: postcodes in each dealer's area, near but outside them, on a tie,
/// and missing.
fn csv_rows() -> String {
    let mut csv = String::from(
        "id,account_name,kvk,postcode,city,received_at,respond_by,channel,score,interest,incentive\n",
    );
    for i in 0..1990u32 {
        let postcode = match (i % 5, i % 20) {
            (0 | 1, _) => format!("{} AB", 3500 + i % 100),
            (2, _) => format!("{} CD", 3800 + i % 100),
            (3, _) => format!("{} EF", 8000 + i % 100),
            (_, 4) => "3650 GH".to_string(),
            (_, 9) => "8200 JK".to_string(),
            (_, 14) => String::new(),
            _ => "3542 AD".to_string(),
        };
        csv.push_str(&format!(
            "HQ-2026-{i:06},Transport {i} B.V.,{},{postcode},Utrecht,2026-11-16,2026-11-18T17:00:00Z,data-mining,{},R 450 tractor,{}\n",
            10_000_000 + i,
            40 + i % 60,
            if i % 2 == 0 { "yes" } else { "no" },
        ));
    }
    csv
}

/// Ten web prospects in ADF 1.0, with its customary `<?ADF VERSION "1.0"?>` line.
fn adf_prospects() -> String {
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<?ADF VERSION \"1.0\"?>\n<adf>\n");
    for i in 1..=10 {
        xml.push_str(&format!(
            "<prospect><id source=\"web\">T-{i}</id><requestdate>2026-11-17T10:00:00+01:00</requestdate>\
             <vehicle><make>DAF</make><model>XF</model></vehicle><customer><contact>\
             <name part=\"full\" type=\"business\">Web Haulage {i}</name><name part=\"full\">Eva {i}</name>\
             <address><postalcode>{} XY</postalcode></address></contact></customer></prospect>\n",
            if i % 2 == 0 { 3850 } else { 8050 }
        ));
    }
    xml.push_str("</adf>\n");
    xml
}

struct Net {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
    stores: Vec<(String, PathBuf)>,
}

impl Net {
    fn store(&self, rid: &str) -> &Path {
        &self
            .stores
            .iter()
            .find(|(r, _)| r == rid)
            .expect("a store")
            .1
    }
}

fn network() -> Net {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().to_path_buf();
    let db = new_db(&dir);
    hq_ok(
        &db,
        MON,
        &[
            "init",
            "--name",
            "Truck NL",
            "--key-out",
            dir.join("hq.pub").to_str().unwrap(),
        ],
    );
    hq_ok(
        &db,
        MON,
        &[
            "dealer",
            "add",
            "D042",
            "--name",
            "Utrecht Trucks",
            "--postcodes",
            "3500-3599",
            "--weight",
            "2",
        ],
    );
    hq_ok(
        &db,
        MON,
        &[
            "dealer",
            "add",
            "D043",
            "--name",
            "Amersfoort",
            "--postcodes",
            "3800-3899,8301-8399",
        ],
    );
    hq_ok(
        &db,
        MON,
        &[
            "dealer",
            "add",
            "D044",
            "--name",
            "Zwolle",
            "--postcodes",
            "8000-8099",
            "--weight",
            "3",
        ],
    );
    let mut stores = Vec::new();
    for (dealer, rid, who) in [
        ("D042", "D042-anna", "Anna"),
        ("D042", "D042-bob", "Bob"),
        ("D043", "D043", "Carla"),
        ("D044", "D044", "Dirk"),
    ] {
        stores.push((rid.to_string(), new_store(&dir, &db, MON, dealer, rid, who)));
    }
    Net {
        _dir: d,
        dir,
        db,
        stores,
    }
}

fn decisions(route: &Value) -> Vec<Value> {
    route["decisions"].as_array().unwrap().clone()
}

fn decision<'a>(ds: &'a [Value], lead: &str) -> &'a Value {
    ds.iter()
        .find(|d| d["lead_id"] == lead)
        .unwrap_or_else(|| panic!("{lead} not routed"))
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

/// A copy of a real feedback bundle with its manifest changed and signed by `key`.
fn forged(file: &Path, key: &SecretKey, change: impl FnOnce(&mut Manifest)) -> Vec<u8> {
    let bundle = read_bundle(&std::fs::read(file).unwrap(), None).unwrap();
    let mut manifest = bundle.manifest.clone();
    change(&mut manifest);
    let files: Vec<(&str, Vec<u8>)> = bundle
        .files
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect();
    write_bundle(manifest, &files, Some(key)).unwrap()
}

fn store_key(store: &Path) -> SecretKey {
    SecretKey(
        wortel::store::Store::open(store)
            .unwrap()
            .signing_key()
            .unwrap()
            .unwrap(),
    )
}

fn refused(net: &Net, bytes: &[u8], name: &str, says: &str) {
    let file = net.dir.join(name);
    std::fs::write(&file, bytes).unwrap();
    let before = dump(&net.db);
    let r = hq(&net.db, NEXT_MON, &["ingest", file.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{name} was not refused: {}", r.stdout);
    assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
    assert_eq!(
        r.stderr.trim().lines().count(),
        1,
        "one sentence: {}",
        r.stderr
    );
    assert_eq!(dump(&net.db), before, "{name} changed the database");
}

#[test]
fn the_whole_loop_from_intake_to_feedback_and_back() {
    let net = network();
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

    // Refused, each with the database unchanged.
    let d044 = fb.join("D044-W48.zip");
    let mut tampered = std::fs::read(&d044).unwrap();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x55;
    refused(&net, &tampered, "tampered.zip", "tampered.zip");
    refused(
        &net,
        &forged(&d044, &SecretKey::generate(), |_| {}),
        "forged.zip",
        "the signature does not match the key registered for D044",
    );
    let key = store_key(net.store("D044"));
    refused(
        &net,
        &forged(&d044, &key, |m| m.to = "D043".into()),
        "wrong-to.zip",
        "is addressed to D043, not head-office",
    );
    refused(
        &net,
        &forged(&d044, &key, |m| {
            m.sequence = 2;
            m.id = "FB-D044-2026-W49".into();
        }),
        "gap.zip",
        "sequence 1 is missing",
    );

    for (rid, _) in &net.stores {
        let file = fb.join(format!("{rid}-W48.zip"));
        hq_ok(db, NEXT_MON, &["ingest", file.to_str().unwrap()]);
    }
    let before = dump(db);
    let replay = hq_ok(db, NEXT_MON, &["ingest", d044.to_str().unwrap()]);
    assert!(
        replay.stdout.contains("already ingested"),
        "{}",
        replay.stdout
    );
    assert_eq!(dump(db), before);
    refused(
        &net,
        &forged(&d044, &key, |m| m.id = "FB-D044-again".into()),
        "replay.zip",
        "is a replay",
    );

    let pool = hq_ok(db, NEXT_MON, &["leads", "list", "--json"]).json();
    let lead = |id: &str| {
        pool.as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(lead(REJECTED)["status"], "rejected");
    assert_eq!(lead(REJECTED)["status_reason"], "out of area");
    assert!(
        lead(REJECTED)["store"].is_null(),
        "taken back to route again"
    );
    assert_eq!(lead(WON)["status"], "converted");
    assert_eq!(lead(&bobs)["status"], "contacted");
    let won = query(
        db,
        &format!(
            "SELECT value_cents FROM deal_changes WHERE lead_id = '{WON}' AND to_stage = 'won' AND incentive = 1"
        ),
    );
    let won: i64 = won[0][0].as_deref().unwrap().parse().unwrap();
    assert_eq!(won, 9_500_000, "the won incentive order's value, in cents");

    // Next round: the rejected lead goes elsewhere, a customer's new lead to its dealer, an
    // account's new lead to the salesperson who owns it.
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

    // Benchmarks: each dealer's figures, recomputed here from the raw feedback; the network's
    // only over enough dealers, then as signed bundles every store imports.
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

    // Escalation: leads still new three days past their respond-by are taken back and routed on.
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
