//! Feedback that must not go in is refused in one sentence with the database unchanged; the
//! real bundles go in once, and the pool takes the stores' statuses.

use crate::exchange::Worked;
use crate::network::*;
use crate::support::*;
use std::path::Path;
use wortel_core::bundle::SecretKey;
use wortel_core::bundle::manifest::Manifest;
use wortel_core::bundle::read_bundle;
use wortel_core::bundle::write::write_bundle;

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

/// Tampered, forged, wrong-recipient and gapped bundles.
pub fn bad_feedback_is_refused(net: &Net, w: &Worked) {
    let fb = &w.fb;
    // Refused, each with the database unchanged.
    let d044 = fb.join("D044-W48.zip");
    let mut tampered = std::fs::read(&d044).unwrap();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x55;
    refused(net, &tampered, "tampered.zip", "tampered.zip");
    refused(
        net,
        &forged(&d044, &SecretKey::generate(), |_| {}),
        "forged.zip",
        "the signature does not match the key registered for D044",
    );
    let key = store_key(net.store("D044"));
    refused(
        net,
        &forged(&d044, &key, |m| m.to = "D043".into()),
        "wrong-to.zip",
        "is addressed to D043, not head-office",
    );
    refused(
        net,
        &forged(&d044, &key, |m| {
            m.sequence = 2;
            m.id = "FB-D044-2026-W49".into();
        }),
        "gap.zip",
        "sequence 1 is missing",
    );
}

/// The real bundles, a replay of one, and what the pool says afterwards.
pub fn real_feedback_is_ingested_once(net: &Net, w: &Worked) {
    let db = &net.db;
    let (fb, bobs) = (&w.fb, &w.bobs);
    let d044 = fb.join("D044-W48.zip");
    let key = store_key(net.store("D044"));

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
        net,
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
    assert_eq!(lead(bobs)["status"], "contacted");
    let won = query(
        db,
        &format!(
            "SELECT value_cents FROM deal_changes WHERE lead_id = '{WON}' AND to_stage = 'won' AND incentive = 1"
        ),
    );
    let won: i64 = won[0][0].as_deref().unwrap().parse().unwrap();
    assert_eq!(won, 9_500_000, "the won incentive order's value, in cents");
}
