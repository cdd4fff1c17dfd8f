//! Data for the head-office harness (`benches/run`): a network of 100 dealers × 3 stores, each
//! store's signed weekly feedback bundle (what one salesperson reports in a week), a spreadsheet
//! of 100,000 leads, and the same feedback and leads as plain CSV for the sqlite3 reference.
//!
//! `cargo run --release -p wortel-hq --example hq_bench_data -- OUT_DIR [STORES] [LEADS]`

use std::fmt::Write as _;
use std::path::Path;
use wortel_core::bundle::SecretKey;
use wortel_core::bundle::manifest::{FORMAT, Kind, Manifest, Period, VERSION};
use wortel_core::bundle::write::write_bundle;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let out = Path::new(args.get(1).map(String::as_str).unwrap_or("target/perf/hq"));
    let stores: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300);
    let leads: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    for sub in ["keys", "feedback"] {
        std::fs::create_dir_all(out.join(sub))?;
    }
    let dealers = stores.div_ceil(3);
    let mut network = String::new();
    for d in 0..dealers {
        // 90 postcode areas per dealer, the last ten left uncovered: those leads go to the nearest.
        let lo = 1000 + d * 9000 / dealers;
        let hi = lo + 9000 / dealers - 11;
        writeln!(network, "dealer D{d:03} {lo}-{hi}").ok();
    }
    let mut feedback_csv = String::from("recipient,file,line,record\n");
    for s in 0..stores {
        let rid = format!("S{s:03}");
        let key = SecretKey(*blake3::hash(rid.as_bytes()).as_bytes());
        std::fs::write(
            out.join("keys").join(format!("{rid}.pub")),
            key.public().to_hex(),
        )?;
        writeln!(network, "store D{:03} {rid}", s / 3).ok();
        let files = week_of_feedback(s);
        for (name, bytes) in &files {
            for (i, line) in String::from_utf8_lossy(bytes).lines().enumerate() {
                writeln!(
                    feedback_csv,
                    "{rid},{name},{},\"{}\"",
                    i + 1,
                    line.replace('"', "\"\"")
                )
                .ok();
            }
        }
        let manifest = Manifest {
            format: FORMAT.into(),
            version: VERSION,
            kind: Kind::Feedback,
            id: format!("FB-{rid}-2026-W48"),
            from: rid.clone(),
            to: "head-office".into(),
            sequence: 1,
            created_at: "2026-11-30T08:00:00Z".parse().expect("a time"),
            period: Some(Period {
                from: "2026-11-23".parse().expect("a date"),
                to: "2026-11-29".parse().expect("a date"),
            }),
            files: vec![],
        };
        let refs: Vec<(&str, Vec<u8>)> = files.into_iter().collect();
        std::fs::write(
            out.join("feedback").join(format!("{rid}-1.zip")),
            write_bundle(manifest, &refs, Some(&key))?,
        )?;
    }
    std::fs::write(out.join("network.txt"), network)?;
    std::fs::write(out.join("feedback.csv"), feedback_csv)?;
    let mut csv = String::from(
        "id,account_name,kvk,postcode,city,received_at,respond_by,channel,score,interest\n",
    );
    for i in 0..leads {
        let area = 1000 + (i * 7919) % 9000;
        writeln!(
            csv,
            "HQ-B-{i:07},Transport {i} B.V.,{},{area} AB,Utrecht,2026-11-16,2026-11-18T17:00:00Z,data-mining,{},R 450 tractor",
            20_000_000 + i,
            i % 101
        )
        .ok();
    }
    std::fs::write(out.join("leads.csv"), csv)?;
    println!(
        "{stores} stores' feedback, {leads} leads in {}",
        out.display()
    );
    Ok(())
}

/// One salesperson's week: 30 lead status changes, 20 accounts, 40 activities, 10 deal stage
/// changes, 5 NPS answers.
fn week_of_feedback(store: usize) -> Vec<(&'static str, Vec<u8>)> {
    let mut f: Vec<(&'static str, String)> = Kind::Feedback
        .files()
        .iter()
        .map(|n| (*n, String::new()))
        .collect();
    let mut push = |name: &str, line: String| {
        if let Some((_, s)) = f.iter_mut().find(|(n, _)| *n == name) {
            s.push_str(&line);
            s.push('\n');
        }
    };
    let at = "2026-11-25T10:00:00Z";
    for i in 0..30 {
        let lead = store * 300 + i;
        push(
            "lead_updates.ndjson",
            format!(
                r#"{{"lead_id":"HQ-B-{lead:07}","from":"new","status":"{}","reason":{},"at":"{at}","response_minutes":{}}}"#,
                if i % 10 == 0 { "rejected" } else { "contacted" },
                if i % 10 == 0 {
                    r#""no interest""#
                } else {
                    "null"
                },
                60 + i
            ),
        );
    }
    for i in 0..20 {
        push(
            "accounts.ndjson",
            format!(
                r#"{{"id":"A{store:03}{i:05}","name":"Transport {} B.V.","kvk":"{}","postcode":"{} AB","city":"Utrecht","lifecycle":"{}","origin":"head-office"}}"#,
                store * 300 + i,
                20_000_000 + store * 300 + i,
                1000 + ((store * 300 + i) * 7919) % 9000,
                if i % 4 == 0 { "customer" } else { "prospect" }
            ),
        );
    }
    for i in 0..40 {
        push(
            "activities.ndjson",
            format!(
                r#"{{"id":"V{store:03}{i:05}","account_id":"A{store:03}{:05}","lead_id":null,"kind":"visit","at":"{at}","outcome":"follow-up","lost_reason":null,"next_step":"2026-12-01"}}"#,
                i % 20
            ),
        );
    }
    for i in 0..10 {
        push(
            "opportunities.ndjson",
            format!(
                r#"{{"id":"O{store:03}{i:05}","account_id":"A{store:03}{i:05}","lead_id":"HQ-B-{:07}","from":"quote","to":"won","value_cents":9500000,"lost_reason":null,"incentive":true,"at":"{at}"}}"#,
                store * 300 + i
            ),
        );
    }
    for i in 0..5 {
        push(
            "nps.ndjson",
            format!(
                r#"{{"id":"N{store:03}{i:05}","account_id":"A{store:03}{i:05}","score":9,"date":"2026-11-25"}}"#
            ),
        );
    }
    f.into_iter().map(|(n, s)| (n, s.into_bytes())).collect()
}
