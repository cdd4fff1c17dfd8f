//! The one set-up every phase of the loop shares: head office with three dealers (one with two
//! salespeople), four stores made with `wortel init` and registered, and the dates of the story.

use crate::support::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub const MON: &str = "2026-11-23T09:00:00Z";
pub const WED: &str = "2026-11-25T10:00:00Z";
pub const NEXT_MON: &str = "2026-11-30T09:00:00Z";

pub const REJECTED: &str = "HQ-2026-000003"; // postcode 8003: D044
pub const WON: &str = "HQ-2026-000002"; // postcode 3802: D043, incentive

/// 1,990 spreadsheet rows: postcodes in each dealer's area, near but outside them, on a tie,
/// and missing.
pub fn csv_rows() -> String {
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
pub fn adf_prospects() -> String {
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

pub struct Net {
    _dir: tempfile::TempDir,
    pub dir: PathBuf,
    pub db: PathBuf,
    pub stores: Vec<(String, PathBuf)>,
}

impl Net {
    pub fn store(&self, rid: &str) -> &Path {
        &self
            .stores
            .iter()
            .find(|(r, _)| r == rid)
            .expect("a store")
            .1
    }
}

pub fn network() -> Net {
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

pub fn decisions(route: &Value) -> Vec<Value> {
    route["decisions"].as_array().unwrap().clone()
}

pub fn decision<'a>(ds: &'a [Value], lead: &str) -> &'a Value {
    ds.iter()
        .find(|d| d["lead_id"] == lead)
        .unwrap_or_else(|| panic!("{lead} not routed"))
}
