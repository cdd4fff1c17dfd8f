//! `wortel backup` and `wortel restore`: a restore gives back exactly the backed-up content; a
//! damaged backup is refused and the store is left as it was.

mod common;
use common::wortel;

use std::path::Path;

fn run(mut c: assert_cmd::Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The store's content as its listings show it.
/// A demo store of `leads` leads in a folder of its own (kept while the returned folder lives).
fn demo_store(leads: u32) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut c = wortel(&store);
    c.args(["demo", "--no-tui", "--leads", &leads.to_string()]);
    run(c);
    (dir, store)
}

/// Damages a store behind wortel's back: the first entry of `tree` is gone.
fn remove_first_entry(store: &Path, tree: &str) {
    let db = sled::open(store).unwrap();
    let tree = db.open_tree(tree).unwrap();
    let (k, _) = tree.iter().next().unwrap().unwrap();
    tree.remove(&k).unwrap();
    db.flush().unwrap();
}

fn content(store: &Path) -> String {
    let mut s = String::new();
    for args in [
        vec!["leads", "--all", "--json"],
        vec!["accounts", "--json"],
        vec!["funnel", "--json", "--period", "all"],
    ] {
        let mut c = wortel(store);
        c.args(&args);
        s.push_str(&run(c));
    }
    s
}

#[test]
fn a_restore_gives_back_exactly_what_was_backed_up() {
    let (dir, store) = demo_store(60);
    let file = dir.path().join("backup.zip");
    let mut c = wortel(&store);
    c.arg("backup").arg(&file);
    assert!(run(c).contains("a backup of"));
    let before = content(&store);
    // Change the store, then go back.
    let lead = {
        let mut c = wortel(&store);
        c.args(["leads", "--json", "--status", "new"]);
        serde_json::from_str::<serde_json::Value>(&run(c)).unwrap()[0]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut c = wortel(&store);
    c.args(["log-visit", "--lead", &lead, "--outcome", "2"]);
    run(c);
    assert_ne!(content(&store), before);
    let mut c = wortel(&store);
    c.arg("restore").arg(&file);
    run(c);
    assert_eq!(content(&store), before);
    let mut c = wortel(&store);
    c.arg("check");
    run(c);
    // Into a path with no store yet, too.
    let elsewhere = dir.path().join("elsewhere");
    let mut c = wortel(&elsewhere);
    c.arg("restore").arg(&file);
    run(c);
    assert_eq!(content(&elsewhere), before);
}

#[test]
fn a_damaged_backup_is_refused_and_the_store_is_untouched() {
    let (dir, store) = demo_store(30);
    let file = dir.path().join("backup.zip");
    let mut c = wortel(&store);
    c.arg("backup").arg(&file);
    run(c);
    let before = content(&store);
    let mut bytes = std::fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    let damaged = dir.path().join("damaged.zip");
    std::fs::write(&damaged, &bytes).unwrap();
    let out = wortel(&store)
        .arg("restore")
        .arg(&damaged)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "wortel: {} is not a usable wortel backup (",
            damaged.display()
        )) && err.ends_with("); the store was not touched\n"),
        "{err}"
    );
    assert_eq!(content(&store), before);
    std::fs::write(&damaged, b"not a zip").unwrap();
    let out = wortel(&store)
        .arg("restore")
        .arg(&damaged)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "wortel: {} is not a usable wortel backup (not a zip file); the store was not touched\n",
            damaged.display()
        )
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A store whose `conf` file is gone, or with no backup beside it, is named as damaged in one
/// sentence that points to the newest backup that reads back whole, with its date.
#[test]
fn a_damaged_store_is_named_with_the_newest_intact_backup_and_its_date() {
    let (_dir, store) = common::demo_store();
    let backups = store.with_file_name("store-backups");
    std::fs::create_dir(&backups).unwrap();
    let good = backups.join("manual-2026-11-23T090000.zip");
    common::stdout_of(wortel(&store).arg("backup").arg(&good));
    // A newer file that is no backup is passed over.
    std::fs::write(backups.join("manual-2026-11-24T090000.zip"), b"half a zip").unwrap();
    std::fs::remove_file(store.join("conf")).unwrap();
    common::refused(
        wortel(&store).arg("leads"),
        &format!(
            "the store at {} is damaged (its `conf` file is missing); restore the newest intact backup, {} (taken 2026-11-23 09:00 UTC), with `wortel restore {}`",
            store.display(),
            good.display(),
            good.display()
        ),
    );
    std::fs::remove_dir_all(&backups).unwrap();
    common::refused(
        wortel(&store).arg("leads"),
        &format!(
            "the store at {} is damaged (its `conf` file is missing); no intact backup was found in {}; restore one you keep elsewhere with `wortel restore FILE`",
            store.display(),
            backups.display()
        ),
    );
}

/// Gives the second lead with a head-office id the first one's, behind wortel's back (what an
/// older wortel did with a spreadsheet row pasted twice); returns both lead ids.
fn two_leads_share_a_head_office_id(store: &Path) -> (String, String) {
    let db = sled::open(store).unwrap();
    let leads = db.open_tree("leads").unwrap();
    let mut with_ext = leads.iter().map(|kv| kv.unwrap()).filter(|(_, v)| {
        !serde_json::from_slice::<serde_json::Value>(v).unwrap()["external_id"].is_null()
    });
    let (_, first) = with_ext.next().unwrap();
    let (key, second) = with_ext.next().unwrap();
    let first: serde_json::Value = serde_json::from_slice(&first).unwrap();
    let mut second: serde_json::Value = serde_json::from_slice(&second).unwrap();
    second["external_id"] = first["external_id"].clone();
    leads
        .insert(key, serde_json::to_vec(&second).unwrap())
        .unwrap();
    db.flush().unwrap();
    let id = |v: &serde_json::Value| v["id"].as_str().unwrap().to_string();
    (id(&first), id(&second))
}

fn failed(mut c: assert_cmd::Command) -> (String, String) {
    let out = c.output().unwrap();
    assert!(!out.status.success());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_repair_mends_two_leads_sharing_a_head_office_id() {
    let (_dir, store) = demo_store(30);
    let (first, second) = two_leads_share_a_head_office_id(&store);
    let mut c = wortel(&store);
    c.arg("check");
    let (out, err) = failed(c);
    assert!(
        out.contains(&format!(
            "problem: leads {first} and {second} both carry head-office id"
        )),
        "{out}"
    );
    assert!(err.contains("which `wortel check --repair` mends"), "{err}");
    let logged = wortel::store::Store::open(&store)
        .unwrap()
        .last_seq()
        .unwrap();

    let mut c = wortel(&store);
    c.args(["check", "--repair"]);
    let out = run(c);
    assert!(out.contains("found, 0 left)"), "{out}");
    let s = wortel::store::Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    assert_eq!(
        s.last_seq().unwrap(),
        logged + 1,
        "the change to the second lead is logged, for head office"
    );
    let lead = |id: &str| {
        s.lead(wortel::domain::LeadId::from_bytes(
            ulid::Ulid::from_string(id).unwrap().to_bytes(),
        ))
        .unwrap()
        .unwrap()
    };
    let kept = lead(&first).external_id.unwrap();
    assert_eq!(lead(&second).external_id, None, "the second is local now");
    assert_eq!(
        s.lead_by_external(&kept).unwrap().unwrap().id,
        lead(&first).id
    );
}

#[test]
fn a_backup_whose_only_fault_is_repairable_restores_with_repair() {
    let (dir, store) = demo_store(30);
    let (_, second) = two_leads_share_a_head_office_id(&store);
    // And an index entry lost.
    remove_first_entry(&store, "idx:inbox");
    let file = dir.path().join("damaged.zip");
    let mut c = wortel(&store);
    c.arg("backup").arg(&file);
    run(c);

    let target = dir.path().join("elsewhere");
    let mut c = wortel(&target);
    c.arg("restore").arg(&file);
    let (_, err) = failed(c);
    assert!(
        err.contains("the restored store does not check clean (")
            && err.contains("every problem is one `wortel restore --repair` mends"),
        "{err}"
    );
    assert!(!target.exists(), "nothing restored");

    let mut c = wortel(&target);
    c.args(["restore", "--repair"]).arg(&file);
    run(c);
    let s = wortel::store::Store::open(&target).unwrap();
    assert!(s.check().unwrap().is_ok());
    let lead = s
        .lead(wortel::domain::LeadId::from_bytes(
            ulid::Ulid::from_string(&second).unwrap().to_bytes(),
        ))
        .unwrap()
        .unwrap();
    assert_eq!(lead.external_id, None);
}

#[test]
fn a_backup_with_a_fault_repair_cannot_mend_is_refused_without_offering_it() {
    let (dir, store) = demo_store(30);
    // A lead whose account is gone.
    remove_first_entry(&store, "accounts");
    let file = dir.path().join("damaged.zip");
    let mut c = wortel(&store);
    c.arg("backup").arg(&file);
    run(c);
    let target = dir.path().join("elsewhere");
    for repair in [false, true] {
        let mut c = wortel(&target);
        c.arg("restore");
        if repair {
            c.arg("--repair");
        }
        c.arg(&file);
        let (_, err) = failed(c);
        assert!(err.contains("does not check clean ("), "{err}");
        assert!(!err.contains("--repair"), "{err}");
        assert!(!target.exists());
    }
}

#[test]
fn check_repair_removes_links_to_missing_records_and_restores_derived_tiers() {
    use wortel::domain::{Lead, Tier};
    let (_dir, store) = demo_store(30);
    let (lost_contact, wrong_tier) = {
        let db = sled::open(&store).unwrap();
        let leads = db.open_tree("leads").unwrap();
        let all: Vec<(sled::IVec, Lead)> = leads
            .iter()
            .map(|kv| kv.unwrap())
            .map(|(k, v)| (k, serde_json::from_slice(&v).unwrap()))
            .collect();
        // A contact a lead links to goes; another lead gets a tier its account does not give.
        let (_, linked) = all.iter().find(|(_, l)| l.contact_id.is_some()).unwrap();
        let contact = linked.contact_id.unwrap();
        db.open_tree("contacts")
            .unwrap()
            .remove(contact.to_bytes())
            .unwrap();
        let (key, mut other) = all
            .iter()
            .find(|(_, l)| l.contact_id != Some(contact))
            .unwrap()
            .clone();
        let right = other.tier;
        other.tier = if right == Tier::Customer {
            Tier::UnknownProspect
        } else {
            Tier::Customer
        };
        leads
            .insert(key, serde_json::to_vec(&other).unwrap())
            .unwrap();
        db.flush().unwrap();
        (contact, (other.id, right))
    };
    let mut c = wortel(&store);
    c.arg("check");
    let (out, err) = failed(c);
    assert!(
        out.contains(&format!(
            "refers to contact {lost_contact} which does not exist; `wortel check --repair` removes the link"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("lead {} is stored as tier", wrong_tier.0)),
        "{out}"
    );
    assert!(err.contains("which `wortel check --repair` mends"), "{err}");

    let mut c = wortel(&store);
    c.args(["check", "--repair"]);
    assert!(run(c).contains("found, 0 left)"));
    let s = wortel::store::Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    assert_eq!(s.lead(wrong_tier.0).unwrap().unwrap().tier, wrong_tier.1);
    for l in s.all_leads() {
        assert_ne!(l.unwrap().contact_id, Some(lost_contact));
    }
}

/// A backup made before the store cleaned its text (or tampered with) holds an escape sequence
/// in a lead's notes: the restore cleans it away as every write does, and checks clean.
#[test]
fn a_restore_cleans_escape_sequences_out_of_an_old_backup() {
    use wortel::domain::Lead;
    use wortel::store::{EntityKind, Record, Store};
    let (dir, store) = demo_store(30);
    let hostile = "belt terug\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7} dinsdag";
    let lead_id = {
        // Behind wortel's back, as an old build would have stored it.
        let db = sled::open(&store).unwrap();
        let leads = db.open_tree("leads").unwrap();
        let (key, bytes) = leads.iter().next().unwrap().unwrap();
        let Record::Lead(mut lead) = Record::decode(EntityKind::Lead, &bytes).unwrap() else {
            unreachable!()
        };
        lead.notes = hostile.into();
        leads
            .insert(key, Record::Lead(lead.clone()).encode())
            .unwrap();
        db.flush().unwrap();
        lead.id
    };
    let file = dir.path().join("old.zip");
    let mut c = wortel(&store);
    c.arg("backup").arg(&file);
    run(c);
    let notes = |at: &Path| -> String {
        let s = Store::open(at).unwrap();
        let lead: Lead = s.lead(lead_id).unwrap().unwrap();
        lead.notes
    };
    assert_eq!(notes(&store), hostile, "the test stored it raw");
    for target in [dir.path().join("elsewhere"), store.clone()] {
        let mut c = wortel(&target);
        c.arg("restore").arg(&file);
        run(c);
        let restored = notes(&target);
        assert_eq!(restored, "belt terug dinsdag", "{restored:?}");
        let mut c = wortel(&target);
        c.arg("check");
        run(c);
    }
}
