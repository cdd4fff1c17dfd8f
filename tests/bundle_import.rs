//! Importing head-office bundles through the real binary: a good bundle lands once and only once,
//! in order; every bad bundle in the corpus below is refused with its exact sentence and leaves
//! the store's content exactly as it was.

mod common;
use common::store_files::{dump, import};
use common::{NOW, wortel};

use jiff::Timestamp;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use wortel::bundle::SecretKey;
use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use wortel::bundle::write::write_bundle;
use wortel::store::Store;

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

/// A demo store of dealer DEMO that pins the demo head office's key (seed 7).
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = wortel(&store)
        .args([
            "demo", "--no-tui", "--leads", "20", "--seed", "7", "--bundle",
        ])
        .arg(dir.path().join("sample.zip"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, store)
}

fn hq() -> SecretKey {
    wortel::demo::bundle::head_office_key(7)
}

fn lead(i: usize) -> Value {
    json!({
        "id": format!("HQ-T-{i:04}"),
        "received_at": "2026-11-22T08:00:00Z",
        "respond_by": "2026-11-24T17:00:00Z",
        "source": {"channel": "web", "campaign": "Test"},
        "score": 60,
        "interest": "XF 480 FT",
        "signals": ["asked for a quote"],
        "incentive": false,
        "account": {"name": format!("Testbedrijf {i} B.V."), "kvk": format!("{:08}", 55_000_000 + i),
                    "address": {"street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Utrecht", "country": "NL"}},
        "contact": {"name": "Jan Test", "role": "owner", "consent": [{"purpose": "sales-contact", "given_at": "2026-11-01", "source": "web form"}]}
    })
}

fn lines(values: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in values {
        out.extend(serde_json::to_vec(v).unwrap());
        out.push(b'\n');
    }
    out
}

fn manifest(id: &str, sequence: u64) -> Manifest {
    Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: id.into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence,
        created_at: now(),
        period: None,
        files: vec![],
    }
}

/// A well-formed, signed leads bundle.
fn good(id: &str, sequence: u64, leads: &[Value]) -> Vec<u8> {
    write_bundle(
        manifest(id, sequence),
        &[("leads.ndjson", lines(leads))],
        Some(&hq()),
    )
    .unwrap()
}

/// A zip made entry by entry, for bundles no honest writer makes.
fn raw_zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The manifest (as JSON) and a signature over it, for hand-made bundles.
fn signed_manifest(m: &Value) -> (Vec<u8>, Vec<u8>) {
    let bytes = serde_json::to_vec_pretty(m).unwrap();
    let sig = format!("{}\n", hq().sign(&bytes)).into_bytes();
    (bytes, sig)
}

fn manifest_json(files: &[(&str, &[u8])]) -> Value {
    json!({
        "format": "wortel-bundle", "version": 1, "kind": "leads", "id": "HQ-RAW-1",
        "from": "head-office", "to": "DEMO", "sequence": 1, "created_at": NOW,
        "files": files.iter().map(|(n, b)| json!({
            "name": n,
            "records": b.split(|c| *c == b'\n').filter(|l| !l.is_empty()).count(),
            "blake3": blake3::hash(b).to_hex().to_string(),
        })).collect::<Vec<_>>()
    })
}

/// Imports `bytes`, expects exactly `sentence` after the file name, and an unchanged store.
fn refused(store: &Path, bytes: &[u8], sentence: &str) {
    let before = dump(store);
    let file = store.parent().unwrap().join("bad.zip");
    let out = import(store, bytes, "bad.zip");
    assert!(
        !out.status.success(),
        "imported a bad bundle: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("wortel: {}: {sentence}\n", file.display())
    );
    assert_eq!(dump(store), before, "a refused bundle changed the store");
}

#[test]
fn the_corpus_of_bad_bundles_is_refused_each_with_its_sentence() {
    let (_d, store) = setup();
    let ok = good("HQ-OK", 1, &[lead(1), lead(2)]);
    let leads = lines(&[lead(1), lead(2)]);

    refused(&store, b"", "the file is empty; it is not a bundle");
    refused(
        &store,
        b"hello, this is not a zip",
        "the file is not a readable zip archive; it is not a bundle, or it is damaged: ask for it again",
    );
    refused(
        &store,
        &ok[..ok.len() / 2],
        "the file is not a readable zip archive; it is not a bundle, or it is damaged: ask for it again",
    );

    // A flipped bit inside a stored payload: the zip's own check or the checksum catches it.
    let (m, sig) = signed_manifest(&manifest_json(&[("leads.ndjson", &leads)]));
    let mut flipped = raw_zip(&[
        ("manifest.json", m.clone()),
        ("manifest.sig", sig.clone()),
        ("leads.ndjson", leads.clone()),
    ]);
    let at = flipped
        .windows(10)
        .position(|w| w == b"Testbedrij")
        .unwrap();
    flipped[at] ^= 0x20;
    refused(
        &store,
        &flipped,
        "\"leads.ndjson\" cannot be unpacked; the bundle is damaged, ask for it again",
    );

    // Wrong checksum in a signed manifest.
    let mut mj = manifest_json(&[("leads.ndjson", &leads)]);
    mj["files"][0]["blake3"] = json!(blake3::hash(b"other").to_hex().to_string());
    let (m2, s2) = signed_manifest(&mj);
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m2),
            ("manifest.sig", s2),
            ("leads.ndjson", leads.clone()),
        ]),
        "\"leads.ndjson\" does not match its checksum in the manifest; the bundle was damaged or altered, ask for it again",
    );

    // Wrong record count.
    let mut mj = manifest_json(&[("leads.ndjson", &leads)]);
    mj["files"][0]["records"] = json!(3);
    let (m3, s3) = signed_manifest(&mj);
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m3),
            ("manifest.sig", s3),
            ("leads.ndjson", leads.clone()),
        ]),
        "\"leads.ndjson\" holds 2 records, but the manifest says 3; ask head office for a corrected bundle",
    );

    // Signed with another key, and not signed at all, while a key is pinned.
    let other = write_bundle(
        manifest("HQ-X", 1),
        &[("leads.ndjson", leads.clone())],
        Some(&SecretKey([9; 32])),
    )
    .unwrap();
    refused(
        &store,
        &other,
        "the bundle's signature does not match the head-office key pinned in this store; it may have been altered, ask head office to send it again",
    );
    let unsigned = write_bundle(
        manifest("HQ-X", 1),
        &[("leads.ndjson", leads.clone())],
        None,
    )
    .unwrap();
    refused(
        &store,
        &unsigned,
        "the bundle is not signed, and this store only accepts bundles signed with the pinned head-office key; ask head office for a signed bundle",
    );

    // Exchange rules.
    let mut to_other = manifest("HQ-X", 1);
    to_other.to = "NL-9999".into();
    refused(
        &store,
        &write_bundle(to_other, &[("leads.ndjson", leads.clone())], Some(&hq())).unwrap(),
        "this bundle is addressed to dealer \"NL-9999\", and this store is dealer \"DEMO\"; import it into that dealer's store",
    );
    let mut v2 = manifest_json(&[("leads.ndjson", &leads)]);
    v2["version"] = json!(2);
    let (m4, s4) = signed_manifest(&v2);
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m4),
            ("manifest.sig", s4),
            ("leads.ndjson", leads.clone()),
        ]),
        "the bundle is format version 2, and this wortel reads version 1; upgrade wortel or ask for a version 1 bundle",
    );
    let mut kind = manifest_json(&[("leads.ndjson", &leads)]);
    kind["kind"] = json!("offers");
    let (m5, s5) = signed_manifest(&kind);
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m5),
            ("manifest.sig", s5),
            ("leads.ndjson", leads.clone()),
        ]),
        "the bundle's kind \"offers\" is unknown; wortel imports leads, feedback and benchmark bundles",
    );
    refused(
        &store,
        &good("HQ-GAP", 3, &[lead(1)]),
        "bundle 3 from \"head-office\" follows 0: bundles 1 to 2 are missing; import those first",
    );

    // Records.
    let mut changed = lead(1);
    changed["score"] = json!(12);
    refused(
        &store,
        &good("HQ-DUP", 1, &[lead(1), lead(2), changed]),
        "leads.ndjson lines 1 and 3: lead id \"HQ-T-0001\" occurs twice with different values; ask head office for a corrected bundle",
    );
    // Identity is decided on the cleaned id: a bell character does not make a second lead.
    let mut belled = lead(1);
    belled["id"] = json!("HQ-T-0001\u{7}");
    belled["score"] = json!(13);
    refused(
        &store,
        &good("HQ-DUP", 1, &[lead(1), belled]),
        "leads.ndjson lines 1 and 2: lead id \"HQ-T-0001\" occurs twice with different values; ask head office for a corrected bundle",
    );
    let mut missing = lead(2);
    missing.as_object_mut().unwrap().remove("received_at");
    refused(
        &store,
        &good("HQ-MISS", 1, &[lead(1), missing]),
        "leads.ndjson line 2: missing field `received_at`; ask head office for a corrected bundle",
    );
    let mut score = lead(1);
    score["score"] = json!(250);
    refused(
        &store,
        &good("HQ-SCORE", 1, &[score]),
        "leads.ndjson line 1: score 250 is outside 0 to 100; ask head office for a corrected bundle",
    );
    let mut bad_utf8 = lines(&[lead(1)]);
    bad_utf8.extend_from_slice(b"{\"id\":\"\xff\xfe\"}\n");
    refused(
        &store,
        &write_bundle(
            manifest("HQ-UTF", 1),
            &[("leads.ndjson", bad_utf8)],
            Some(&hq()),
        )
        .unwrap(),
        "leads.ndjson line 2 is not UTF-8 text; ask head office for a corrected bundle",
    );
    let mut huge = lead(1);
    let field: String = (0..64 * 1024 * 1024)
        .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
        .collect();
    huge["notes"] = json!(field);
    let huge_lines = lines(&[huge]);
    let (m6, s6) = signed_manifest(&manifest_json(&[("leads.ndjson", &huge_lines)]));
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m6),
            ("manifest.sig", s6),
            ("leads.ndjson", huge_lines),
        ]),
        "leads.ndjson line 1 is longer than 256 KiB, more than any record needs; the bundle is refused",
    );

    // Structure: a zip bomb, paths outside the bundle, links of names, unlisted entries.
    let zeros = vec![0u8; 32 * 1024 * 1024];
    let (m7, s7) = signed_manifest(&manifest_json(&[("leads.ndjson", &zeros)]));
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [
        ("manifest.json", &m7),
        ("manifest.sig", &s7),
        ("leads.ndjson", &zeros),
    ] {
        bomb.start_file(name, deflate).unwrap();
        bomb.write_all(bytes).unwrap();
    }
    let bomb = bomb.finish().unwrap().into_inner();
    let packed = bomb.len();
    assert!(packed < 200_000, "{packed}");
    let out = import(&store, &bomb, "bad.zip");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("\"leads.ndjson\" would unpack to 33554432 bytes from")
            && err.ends_with("beyond what a bundle may hold; it is refused\n"),
        "{err}"
    );

    let (m8, s8) = signed_manifest(&manifest_json(&[("leads.ndjson", &leads)]));
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m8.clone()),
            ("manifest.sig", s8.clone()),
            ("leads.ndjson", leads.clone()),
            ("../evil", b"x".to_vec()),
        ]),
        "the bundle holds an entry named \"../evil\", a path outside the bundle; it is refused, ask head office for a clean bundle",
    );
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m8.clone()),
            ("/etc/passwd", b"x".to_vec()),
        ]),
        "the bundle holds an entry named \"/etc/passwd\", a path outside the bundle; it is refused, ask head office for a clean bundle",
    );
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m8.clone()),
            ("manifest.sig", s8.clone()),
            ("leads.ndjson", leads.clone()),
            ("extra.txt", b"x".to_vec()),
        ]),
        "the bundle holds \"extra.txt\", which its manifest does not list; it is refused, ask head office for a clean bundle",
    );
    refused(
        &store,
        &raw_zip(&[
            ("manifest.json", m8.clone()),
            ("leads\u{1b}[31m.ndjson", b"x".to_vec()),
        ]),
        "the bundle holds an entry named \"leads[31m.ndjson\", which is not a plain file name; it is refused, ask head office for a clean bundle",
    );
    refused(
        &store,
        &raw_zip(&[("leads.ndjson", leads.clone())]),
        "the bundle has no manifest.json; it is not a wortel bundle",
    );
    refused(
        &store,
        &raw_zip(&[("manifest.json", m8.clone()), ("manifest.sig", s8.clone())]),
        "the manifest lists \"leads.ndjson\", but the bundle does not hold it; the bundle is incomplete, ask for it again",
    );
    let mut feedback = manifest("HQ-FB", 1);
    feedback.kind = Kind::Feedback;
    refused(
        &store,
        &write_bundle(
            feedback,
            &[("leads.ndjson", lines(&[lead(1)]))],
            Some(&hq()),
        )
        .unwrap(),
        "this is a feedback bundle, which a dealer sends to head office; it is not imported into a dealer's store",
    );
    refused(
        &store,
        b"{\"format\":\"wortel-bundle\"}",
        "the file is not a readable zip archive; it is not a bundle, or it is damaged: ask for it again",
    );
}

#[test]
fn a_bundle_lands_once_in_order_and_updates_instead_of_duplicating() {
    let (_d, store) = setup();
    let first = good("HQ-A", 1, &[lead(1), lead(2)]);
    let out = import(&store, &first, "a.zip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 new leads"));
    let after_first = dump(&store);
    // The same bundle again: "already imported", exit 0, nothing changed.
    let out = import(&store, &first, "a.zip");
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("already imported"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(dump(&store), after_first);
    // Sequence 2 updates lead 1's score and adds lead 3; nothing is duplicated.
    let mut newer = lead(1);
    newer["score"] = json!(91);
    let out = import(&store, &good("HQ-B", 2, &[newer, lead(3)]), "b.zip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 new lead ("),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let s = Store::open(&store).unwrap();
    let l1 = s.lead_by_external("HQ-T-0001").unwrap().unwrap();
    assert_eq!(l1.score, 91);
    let ours: Vec<_> = s
        .all_leads()
        .map(|l| l.unwrap())
        .filter(|l| {
            l.external_id
                .as_deref()
                .is_some_and(|e| e.starts_with("HQ-T-"))
        })
        .collect();
    assert_eq!(ours.len(), 3);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn a_lead_for_an_existing_customer_lands_on_that_account_as_tier_1() {
    let (_d, store) = setup();
    let customer = {
        let s = Store::open(&store).unwrap();
        s.all_accounts()
            .map(|a| a.unwrap())
            .find(|a| a.lifecycle == wortel::domain::Lifecycle::Customer && a.kvk.is_some())
            .unwrap()
    };
    let mut l = lead(7);
    l["account"]["name"] = json!("Some Other Spelling");
    l["account"]["kvk"] = json!(customer.kvk.clone().unwrap());
    let out = import(&store, &good("HQ-C", 1, &[l]), "c.zip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = Store::open(&store).unwrap();
    let lead = s.lead_by_external("HQ-T-0007").unwrap().unwrap();
    assert_eq!(lead.account_id, customer.id, "matched by KvK");
    assert_eq!(lead.tier.number(), 1);
}

#[test]
fn a_retraction_takes_an_open_lead_back() {
    let (_d, store) = setup();
    assert!(
        import(&store, &good("HQ-R1", 1, &[lead(1)]), "r1.zip")
            .status
            .success()
    );
    let retract = write_bundle(
        manifest("HQ-R2", 2),
        &[(
            "retractions.ndjson",
            lines(&[json!({"lead_id": "HQ-T-0001"})]),
        )],
        Some(&hq()),
    )
    .unwrap();
    let out = import(&store, &retract, "r2.zip");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 retracted"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let s = Store::open(&store).unwrap();
    assert_eq!(
        s.lead_by_external("HQ-T-0001").unwrap().unwrap().status,
        wortel::domain::LeadStatus::Retracted
    );
}

#[test]
fn the_demo_bundle_imports_on_the_demo_store_in_one_command_and_inspects_without_touching_it() {
    let (d, store) = setup();
    let sample = d.path().join("sample.zip");
    let before = dump(&store);
    let out = wortel(&store)
        .args(["bundle", "inspect"])
        .arg(&sample)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("a valid leads bundle") && text.contains("verified with the pinned key"),
        "{text}"
    );
    assert_eq!(dump(&store), before, "inspect does not touch the store");
    let out = wortel(&store).arg("import").arg(&sample).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("25 new leads"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_documented_example_lead_is_read_field_by_field() {
    let doc = std::fs::read_to_string("docs/bundle-format.md").unwrap();
    let start = doc.find("<!-- example-lead -->").unwrap();
    let end = doc.find("<!-- /example-lead -->").unwrap();
    let block = &doc[start..end];
    let line = block.lines().find(|l| l.starts_with('{')).unwrap();
    let l: wortel::bundle::leads::LeadIn = serde_json::from_str(line).unwrap();
    assert_eq!(l.id, "HQ-2026-000123");
    assert_eq!(l.received_at.to_string(), "2026-11-16T08:00:00Z");
    assert_eq!(l.respond_by.unwrap().to_string(), "2026-11-18T17:00:00Z");
    assert_eq!(l.source.channel.as_str(), "data-mining");
    assert_eq!(l.source.campaign, "Replacement 2027");
    assert_eq!((l.score, l.incentive), (82, true));
    assert_eq!(l.interest, "R 450 tractor");
    assert_eq!(l.signals, ["fleet older than 6 years"]);
    assert_eq!(l.account.name, "Transport Jansen B.V.");
    assert_eq!(l.account.kvk.as_deref(), Some("12345678"));
    assert_eq!(l.account.address.postcode, "3542 AD");
    assert_eq!(
        l.account.lifecycle,
        Some(wortel::domain::Lifecycle::Customer)
    );
    let c = l.contact.unwrap();
    assert_eq!(
        (c.name.as_str(), c.role.as_str()),
        ("Ton de Vries", "fleet manager")
    );
    assert_eq!(c.consent[0].given_at.to_string(), "2026-03-01");
    assert_eq!(l.notes, "Asked for a quote at the truck show.");

    // And a bundle built as the document says imports.
    let (_d, store) = setup();
    let mut v: Value = serde_json::from_str(line).unwrap();
    v["account"]["kvk"] = json!("87654321");
    let out = import(&store, &good("HQ-DOC", 1, &[v]), "doc.zip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn escape_sequences_in_a_bundle_never_reach_the_store_or_a_terminal() {
    let (_d, store) = setup();
    let mut evil = lead(5);
    evil["account"]["name"] = json!("Evil\u{1b}[2J\u{1b}]0;pwned\u{7} B.V.");
    evil["notes"] = json!("line one\nline two\u{1b}[31m red");
    let out = import(&store, &good("HQ-ESC", 1, &[evil]), "esc.zip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = Store::open(&store).unwrap();
    let l = s.lead_by_external("HQ-T-0005").unwrap().unwrap();
    let a = s.account(l.account_id).unwrap().unwrap();
    assert_eq!(a.name, "Evil[2J]0;pwned B.V.");
    assert_eq!(l.notes, "line one line two[31m red");
    assert!(!a.name.chars().chain(l.notes.chars()).any(char::is_control));
}

#[test]
fn a_lead_repeated_exactly_in_a_bundle_is_one_lead_and_the_store_checks_clean() {
    let (_d, store) = setup();
    let out = import(&store, &good("HQ-TWICE", 1, &[lead(1), lead(1)]), "t.zip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 new lead ("));
    let check = wortel(&store).arg("check").output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// Replaces every occurrence of `from` in `bytes` with `to` (same length).
fn patch(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut found = 0;
    for at in 0..bytes.len() - from.len() {
        if &bytes[at..at + from.len()] == from {
            bytes[at..at + from.len()].copy_from_slice(to);
            found += 1;
        }
    }
    assert!(found > 0, "nothing to patch");
}

#[test]
fn two_entries_of_one_name_are_refused_though_the_zip_library_keeps_one() {
    let (_d, store) = setup();
    let leads = lines(&[lead(1)]);
    let (m, sig) = signed_manifest(&manifest_json(&[("leads.ndjson", &leads)]));
    let mut bytes = raw_zip(&[
        ("manifest.json", m),
        ("manifest.sig", sig),
        ("leads.ndjson", leads.clone()),
        ("leads.ndjsoX", lines(&[lead(2)])),
    ]);
    patch(&mut bytes, b"leads.ndjsoX", b"leads.ndjson");
    refused(
        &store,
        &bytes,
        "the bundle holds \"leads.ndjson\" twice; it is refused, ask head office for a clean bundle",
    );
}

#[test]
fn an_entry_whose_header_understates_its_size_is_stopped_at_what_it_declared() {
    let (_d, store) = setup();
    // 40 MB of one lead line repeated, deflated to a few hundred KB; the headers then claim
    // 1,000,000 bytes (a believable ratio) while the data unpacks to forty times more.
    let one = lines(&[lead(1)]);
    let real: Vec<u8> = one.iter().copied().cycle().take(40_000_000).collect();
    let (m, sig) = signed_manifest(&manifest_json(&[("leads.ndjson", &real)]));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("manifest.json", stored).unwrap();
    zip.write_all(&m).unwrap();
    zip.start_file("manifest.sig", stored).unwrap();
    zip.write_all(&sig).unwrap();
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("leads.ndjson", deflated).unwrap();
    zip.write_all(&real).unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    patch(
        &mut bytes,
        &40_000_000u32.to_le_bytes(),
        &1_000_000u32.to_le_bytes(),
    );
    refused(
        &store,
        &bytes,
        "\"leads.ndjson\" unpacks to more than the 1000000 bytes it declares; the bundle is refused, ask head office for a clean bundle",
    );
}

#[test]
fn a_manifest_sender_that_is_empty_huge_or_escaped_is_refused() {
    let (_d, store) = setup();
    let leads = lines(&[lead(1)]);
    for from in [
        json!(""),
        json!("x".repeat(500_000)),
        json!("hq\u{1b}]0;pwned\u{7}"),
    ] {
        let mut m = manifest_json(&[("leads.ndjson", &leads)]);
        m["from"] = from;
        let (m, sig) = signed_manifest(&m);
        refused(
            &store,
            &raw_zip(&[
                ("manifest.json", m),
                ("manifest.sig", sig),
                ("leads.ndjson", leads.clone()),
            ]),
            "the bundle's sender (`from`) is empty, too long or holds control characters; ask head office for a corrected bundle",
        );
    }
}

#[test]
fn a_contact_name_too_long_is_refused_naming_the_file_and_line() {
    let (_d, store) = setup();
    let mut long = lead(2);
    // Hex of hashes: 200,000 characters that do not compress past the zip-bomb ratio.
    let name: String = (0..3125u32)
        .map(|i| blake3::hash(&i.to_le_bytes()).to_hex().to_string())
        .collect();
    long["contact"] = json!({ "name": name });
    refused(
        &store,
        &good("HQ-LONG", 1, &[lead(1), long]),
        "leads.ndjson line 2: contact.name is longer than 10000 characters; ask head office for a corrected bundle",
    );
}
