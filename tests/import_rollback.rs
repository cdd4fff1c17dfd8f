//! The pending-import mark (issue 15): an import whose process stopped between its chunks is
//! rolled back at the next open — a record it created is gone, one it overwrote is back as it
//! was, its change-log entries and sequence numbers are gone — the user is told once, and the
//! store checks clean and opens again without a word.

use jiff::Timestamp;
use wortel::domain::*;
use wortel::store::{EntityKind, Identity, Store, WriteSet, take_notices};

fn now() -> Timestamp {
    "2026-11-23T09:00:00Z".parse().unwrap()
}

/// Every record and change-log entry, and the sequence counter.
fn everything(s: &Store) -> String {
    let mut out = String::new();
    for kind in EntityKind::ALL {
        for r in s.scan(kind) {
            out.push_str(&String::from_utf8(r.unwrap().encode()).unwrap());
        }
    }
    for c in s.changes_since(0) {
        out.push_str(&serde_json::to_string(&c.unwrap()).unwrap());
    }
    format!("{out} last_seq={}", s.last_seq().unwrap())
}

#[test]
fn an_import_stopped_between_chunks_is_rolled_back_at_open_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let account = Account::new(
        AccountId::generate(now()),
        "Jansen B.V.",
        Lifecycle::Customer,
        now(),
    );
    let mut lead = Lead::new(LeadId::generate(now()), account.id, Channel::Web, 40, now());
    lead.external_id = Some("HQ-1".into());
    lead.tier = wortel::ops::tier_of(&lead, &account);
    let before = {
        let s = Store::open_or_create(&path).unwrap();
        s.set_identity(&Identity {
            dealer_id: "D1".into(),
            salesperson: "Sam".into(),
            created_at: now(),
        })
        .unwrap();
        let mut ws = WriteSet::new();
        ws.put(account.clone()).put(lead.clone());
        s.commit(&ws, now()).unwrap();
        everything(&s)
    };
    {
        // Two chunks of an import, then the process stops (the store is dropped unfinished).
        let s = Store::open(&path).unwrap();
        s.begin_import("bundle HQ-B from head-office", now())
            .unwrap();
        let mut changed = lead.clone();
        changed.score = 90;
        changed.interest = "trekker".into();
        let mut first = WriteSet::new();
        first.put(changed.clone());
        s.commit_import_chunk(first, now()).unwrap();
        let other = Account::new(
            AccountId::generate(now()),
            "Pietersen",
            Lifecycle::Prospect,
            now(),
        );
        let mut second = WriteSet::new();
        changed.score = 95;
        second.put(other.clone()).put(changed);
        s.commit_import_chunk(second, now()).unwrap();
        assert_eq!(
            s.pending_import().unwrap().as_deref(),
            Some("bundle HQ-B from head-office")
        );
        assert!(s.account(other.id).unwrap().is_some());
    }
    let _ = take_notices();
    let s = Store::open(&path).unwrap();
    let notices = take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("bundle HQ-B from head-office") && notices[0].contains("rolled back"),
        "{}",
        notices[0]
    );
    assert_eq!(
        everything(&s),
        before,
        "the store is exactly as before the import"
    );
    assert_eq!(s.pending_import().unwrap(), None);
    let report = s.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(s.lead_by_external("HQ-1").unwrap().unwrap().score, 40);
    drop(s);
    let s = Store::open(&path).unwrap();
    assert!(take_notices().is_empty(), "the rollback is done once");
    assert_eq!(everything(&s), before);
}

#[test]
fn a_finished_import_leaves_no_mark_and_no_before_images() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let s = Store::open_or_create(&path).unwrap();
    let account = Account::new(
        AccountId::generate(now()),
        "Jansen B.V.",
        Lifecycle::Customer,
        now(),
    );
    let mut ws = WriteSet::new();
    ws.put(account.clone());
    s.commit(&ws, now()).unwrap();
    s.begin_import("sheet", now()).unwrap();
    let mut renamed = account.clone();
    renamed.name = "Jansen Transport B.V.".into();
    let mut chunk = WriteSet::new();
    chunk.put(renamed);
    s.commit_import_chunk(chunk, now()).unwrap();
    assert!(!s.meta_with_prefix(b"import-before:").unwrap().is_empty());
    s.finish_import(WriteSet::new(), now()).unwrap();
    assert_eq!(s.pending_import().unwrap(), None);
    assert!(s.meta_with_prefix(b"import-").unwrap().is_empty());
    drop(s);
    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.account(account.id).unwrap().unwrap().name,
        "Jansen Transport B.V."
    );
}
