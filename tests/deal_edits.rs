//! Deal edits and recorded quotes through `ops`: one logged write each, undone exactly by its
//! receipt, and refused without writing anything when a field is wrong.

use jiff::Timestamp;
use jiff::civil::date;
use wortel::demo::{DemoConfig, load_into};
use wortel::domain::{Cents, DealEdit, Opportunity, Stage};
use wortel::ops::{edit_deal, record_quote};
use wortel::store::{ChangeOp, EntityKind, Store};

fn now() -> Timestamp {
    "2026-11-23T09:00:00Z".parse().unwrap()
}

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(&dir.path().join("store")).unwrap();
    let config = DemoConfig {
        seed: 3,
        leads: 40,
        now: now(),
    };
    load_into(&store, &config).unwrap();
    (dir, store)
}

fn an_open_deal(store: &Store) -> Opportunity {
    store.opportunities_in(Stage::Qualify).unwrap().remove(0)
}

#[test]
fn an_edit_is_logged_and_its_receipt_undoes_it() {
    let (_dir, store) = demo();
    let before = an_open_deal(&store);
    let edit = DealEdit {
        value: Some(Some(Cents::euros(95_000))),
        quantity: Some(2),
        next_step: Some(Some(date(2026, 11, 30))),
        ..DealEdit::default()
    };
    let done = edit_deal(&store, before.id, &edit, now()).unwrap();
    let stored = store.opportunity(before.id).unwrap().unwrap();
    assert_eq!(stored, done.deal);
    assert_eq!(
        (stored.value, stored.details.quantity),
        (Cents::euros(95_000), 2)
    );
    assert!(
        done.receipt
            .changes
            .iter()
            .any(|c| c.entity == EntityKind::Opportunity && c.op == ChangeOp::Updated),
        "the change log records the edit (the feedback bundle reports it)"
    );
    store.commit(&done.receipt.undo(), now()).unwrap();
    assert_eq!(store.opportunity(before.id).unwrap().unwrap(), before);
}

#[test]
fn a_recorded_quote_sets_the_value_and_a_bad_one_writes_nothing() {
    let (_dir, store) = demo();
    let deal = an_open_deal(&store);
    let tz = jiff::tz::TimeZone::UTC;
    let seq = store.last_seq().unwrap();
    assert!(record_quote(&store, deal.id, Cents(0), None, now(), &tz).is_err());
    let past = Some(date(2026, 11, 1));
    assert!(record_quote(&store, deal.id, Cents(100), past, now(), &tz).is_err());
    assert_eq!(store.last_seq().unwrap(), seq, "nothing was written");
    let until = Some(date(2026, 12, 31));
    let (quoted, receipt) =
        record_quote(&store, deal.id, Cents::euros(70_000), until, now(), &tz).unwrap();
    assert_eq!(quoted.details.quote_value, Some(Cents::euros(70_000)));
    assert_eq!(quoted.value, Cents::euros(70_000));
    store.commit(&receipt.undo(), now()).unwrap();
    assert_eq!(store.opportunity(deal.id).unwrap().unwrap(), deal);
}
