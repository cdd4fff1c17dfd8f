//! Data for the head-office harness (`benches/hq_run`): a network of 100 dealers × 3 stores,
//! each store's signed weekly feedback bundles (what one salesperson reports in a week; WEEKS of
//! them, 2026-W01 on, for the year's benchmark and scorecard), a spreadsheet of 100,000 leads,
//! and the same feedback and leads as plain CSV for the sqlite3 reference.
//!
//! `cargo run --release -p wortel-hq --example hq_bench_data -- OUT_DIR [STORES] [LEADS] [WEEKS]`
//! (one week, W48, when WEEKS is left out).

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
    let weeks: Vec<i8> = match args.get(4).and_then(|s| s.parse::<i8>().ok()) {
        Some(n) => (1..=n.clamp(1, 52)).collect(),
        None => vec![48],
    };
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
    let mut feedback_csv = String::from("recipient,week,file,line,record\n");
    for s in 0..stores {
        let rid = format!("S{s:03}");
        let key = SecretKey(*blake3::hash(rid.as_bytes()).as_bytes());
        std::fs::write(
            out.join("keys").join(format!("{rid}.pub")),
            key.public().to_hex(),
        )?;
        writeln!(network, "store D{:03} {rid}", s / 3).ok();
        for (n, &week) in weeks.iter().enumerate() {
            let files = week_of_feedback(s, week, leads);
            for (name, bytes) in &files {
                for (i, line) in String::from_utf8_lossy(bytes).lines().enumerate() {
                    writeln!(
                        feedback_csv,
                        "{rid},{week},{name},{},\"{}\"",
                        i + 1,
                        line.replace('"', "\"\"")
                    )
                    .ok();
                }
            }
            let monday = monday_of(week);
            let manifest = Manifest {
                format: FORMAT.into(),
                version: VERSION,
                kind: Kind::Feedback,
                id: format!("FB-{rid}-2026-W{week:02}"),
                from: rid.clone(),
                to: "head-office".into(),
                sequence: n as u64 + 1,
                created_at: monday
                    .checked_add(jiff::Span::new().days(7))
                    .expect("a date")
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .expect("a time")
                    .timestamp(),
                period: Some(Period {
                    from: monday,
                    to: monday
                        .checked_add(jiff::Span::new().days(6))
                        .expect("a date"),
                }),
                files: vec![],
            };
            let refs: Vec<(&str, Vec<u8>)> = files.into_iter().collect();
            std::fs::write(
                out.join("feedback").join(format!("{rid}-{:02}.zip", n + 1)),
                write_bundle(manifest, &refs, Some(&key))?,
            )?;
        }
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
        "{stores} stores' feedback of {} weeks, {leads} leads in {}",
        weeks.len(),
        out.display()
    );
    Ok(())
}

/// The Monday of ISO week `week` of 2026.
fn monday_of(week: i8) -> jiff::civil::Date {
    jiff::civil::ISOWeekDate::new(2026, week, jiff::civil::Weekday::Monday)
        .expect("a week of 2026")
        .date()
}

/// One salesperson's week: 30 lead status changes, 20 accounts, 40 activities, 10 deal stage
/// changes (won and lost), 5 NPS answers; the leads move on week by week through the pool.
fn week_of_feedback(store: usize, week: i8, leads: usize) -> Vec<(&'static str, Vec<u8>)> {
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
    let day = monday_of(week)
        .checked_add(jiff::Span::new().days(2))
        .expect("a date");
    let at = format!("{day}T10:00:00Z");
    let w = usize::try_from(week).unwrap_or(1);
    let lead_of = |i: usize| (store * 300 + (w - 1) * 30 + i) % leads.max(1);
    for i in 0..30 {
        let lead = lead_of(i);
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
                r#"{{"id":"A{store:03}{i:05}","name":"Transport {} B.V.","kvk":"{}","postcode":"{} AB","city":"Utrecht","lifecycle":"{}","origin":"head-office","changed_at":"{at}","installed_base":[{{"product":"R 450 tractor","purchased_on":"2020-01-15","replace_by":"{}-{:02}-15"}}]}}"#,
                store * 300 + i,
                20_000_000 + store * 300 + i,
                1000 + ((store * 300 + i) * 7919) % 9000,
                if i % 4 == 0 { "customer" } else { "prospect" },
                // Replacement dates spread over 2027 and 2028: the replacement programme's input.
                2027 + (store + i) % 2,
                1 + (store * 7 + i) % 12,
            ),
        );
    }
    for i in 0..40 {
        push(
            "activities.ndjson",
            format!(
                r#"{{"id":"V{store:03}{week:02}{i:03}","account_id":"A{store:03}{:05}","lead_id":null,"kind":"visit","at":"{at}","outcome":"follow-up","lost_reason":null,"next_step":"2026-12-01"}}"#,
                i % 20
            ),
        );
    }
    for i in 0..10 {
        let won = i % 2 == 0;
        push(
            "opportunities.ndjson",
            format!(
                r#"{{"id":"O{store:03}{week:02}{i:03}","account_id":"A{store:03}{i:05}","lead_id":"HQ-B-{:07}","from":"quote","to":"{}","value_cents":{},"lost_reason":{},"incentive":true,"at":"{at}"}}"#,
                lead_of(i),
                if won { "won" } else { "lost" },
                9_500_000 + 10_000 * (i as i64),
                if won { "null" } else { r#""price""# },
            ),
        );
    }
    for i in 0..5 {
        push(
            "nps.ndjson",
            format!(
                r#"{{"id":"N{store:03}{week:02}{i:03}","account_id":"A{store:03}{i:05}","score":{},"date":"{day}"}}"#,
                6 + (store + i + w) % 5
            ),
        );
    }
    f.into_iter().map(|(n, s)| (n, s.into_bytes())).collect()
}
