//! Merging duplicate accounts: every kind of linked record moves, nothing is lost or doubled,
//! indexes agree (`check`), the change log records the merge, and undo puts everything back.

use jiff::Timestamp;
use std::collections::BTreeMap;
use wortel::demo::{DemoConfig, load_into};
use wortel::domain::AccountId;
use wortel::ops::merge_accounts;
use wortel::store::{ChangeOp, EntityKind, Record, Store};

const NOW: &str = "2026-11-23T09:00:00Z";

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

/// Every record in the store, by kind and id.
fn dump(store: &Store) -> BTreeMap<(String, String), String> {
    let mut all = BTreeMap::new();
    for kind in [
        EntityKind::Account,
        EntityKind::Contact,
        EntityKind::Lead,
        EntityKind::Opportunity,
        EntityKind::Activity,
        EntityKind::Appointment,
        EntityKind::Nps,
    ] {
        for r in store.scan(kind) {
            let r: Record = r.unwrap();
            all.insert(
                (
                    format!("{kind:?}"),
                    ulid::Ulid::from_bytes(r.key()).to_string(),
                ),
                String::from_utf8(r.encode()).unwrap(),
            );
        }
    }
    all
}

/// How many records of each kind hang off an account.
fn linked(store: &Store, id: AccountId) -> [usize; 6] {
    [
        store.contacts_of(id).unwrap().len(),
        store.leads_of(id).unwrap().len(),
        store.opportunities_of(id).unwrap().len(),
        store.activities_of(id, usize::MAX).unwrap().len(),
        store
            .all_appointments()
            .filter(|a| a.as_ref().unwrap().account_id == id)
            .count(),
        store.nps_of(id).unwrap().len(),
    ]
}

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(&dir.path().join("store")).unwrap();
    load_into(
        &store,
        &DemoConfig {
            seed: 11,
            leads: 400,
            now: now(),
        },
    )
    .unwrap();
    (dir, store)
}

/// Two accounts that each have something of every kind (appointments where the demo has them).
fn two_rich_accounts(store: &Store) -> (AccountId, AccountId) {
    let mut rich: Vec<(AccountId, [usize; 6])> = store
        .all_accounts()
        .map(|a| {
            let id = a.unwrap().id;
            (id, linked(store, id))
        })
        .filter(|(_, n)| n[0] > 0 && n[1] > 0 && n[2] > 0 && n[3] > 0 && n[5] > 0)
        .collect();
    rich.sort_by_key(|(_, n)| std::cmp::Reverse(n[4]));
    (rich[0].0, rich[1].0)
}

#[test]
fn every_kind_of_linked_record_moves_and_nothing_is_lost_or_doubled() {
    let (_d, store) = demo();
    let (keep, gone) = two_rich_accounts(&store);
    let before_keep = linked(&store, keep);
    let before_gone = linked(&store, gone);
    let base = store.account(keep).unwrap().unwrap().installed_base.len()
        + store.account(gone).unwrap().unwrap().installed_base.len();
    let before = dump(&store);

    let result = merge_accounts(&store, keep, gone, now()).unwrap();

    assert!(
        store.account(gone).unwrap().is_none(),
        "the duplicate is gone"
    );
    let after_keep = linked(&store, keep);
    for k in 0..6 {
        assert_eq!(after_keep[k], before_keep[k] + before_gone[k], "kind {k}");
    }
    assert_eq!(
        linked(&store, gone),
        [0; 6],
        "nothing hangs off the removed account"
    );
    let survivor = store.account(keep).unwrap().unwrap();
    assert!(survivor.installed_base.len() <= base && survivor.installed_base.len() >= base / 2);
    let after = dump(&store);
    assert_eq!(
        after.len(),
        before.len() - 1,
        "one record (the duplicate) fewer, no copies"
    );
    let report = store.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);
    assert!(
        result
            .receipt
            .changes
            .iter()
            .any(|c| c.entity == EntityKind::Account
                && c.id == gone.to_string()
                && c.op
                    == ChangeOp::Merged {
                        into: keep.to_string()
                    })
    );

    // Undo restores exactly what was there.
    store.commit(&result.receipt.undo(), now()).unwrap();
    assert_eq!(dump(&store), before);
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn an_account_cannot_be_merged_into_itself() {
    let (_d, store) = demo();
    let (keep, _) = two_rich_accounts(&store);
    let before = dump(&store);
    let e = merge_accounts(&store, keep, keep, now()).unwrap_err();
    assert!(
        e.to_string().contains("cannot be merged into itself"),
        "{e}"
    );
    assert_eq!(dump(&store), before);
}

#[test]
fn the_merged_tiers_follow_the_survivor() {
    let (_d, store) = demo();
    // A prospect's leads merged into a customer become tier 1.
    let accounts: Vec<_> = store.all_accounts().map(|a| a.unwrap()).collect();
    let customer = accounts
        .iter()
        .find(|a| a.lifecycle == wortel::domain::Lifecycle::Customer)
        .unwrap();
    let prospect = accounts
        .iter()
        .find(|a| {
            a.lifecycle == wortel::domain::Lifecycle::Prospect
                && !store.leads_of(a.id).unwrap().is_empty()
        })
        .unwrap();
    merge_accounts(&store, customer.id, prospect.id, now()).unwrap();
    for l in store.leads_of(customer.id).unwrap() {
        assert_eq!(l.tier.number(), 1, "{l:?}");
    }
    assert!(store.check().unwrap().is_ok());
}
