//! Property test: random sequences of writes go to a real store and to a plain in-memory model,
//! with the store closed and reopened in between; records, every index-backed read, the change
//! log and `check` must agree with the model throughout.

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use rand::SeedableRng;
use std::collections::BTreeMap;
use std::path::Path;
use wortel::domain::*;
use wortel::ops::tier_of;
use wortel::store::{ChangeOp, EntityKind, LeadOrder, Receipt, Record, Store, WriteSet};

/// One planned write: kind, key, and the new record (or `None` to delete).
type Planned = Vec<(EntityKind, [u8; 16], Option<Record>)>;

const NOW: &str = "2026-11-23T09:00:00Z";

#[derive(Clone, Debug)]
enum Op {
    NewAccount {
        lifecycle: u8,
        name: u8,
        days_ago: i64,
    },
    NewLead {
        account: usize,
        score: u8,
        hours_ago: i64,
        sla_hours: i64,
        external: bool,
    },
    StepLead {
        lead: usize,
        step: u8,
    },
    SetLifecycle {
        account: usize,
        lifecycle: u8,
    },
    NewOpportunity {
        account: usize,
        stage: u8,
        euros: i64,
    },
    MoveOpportunity {
        opp: usize,
        to: u8,
    },
    LogActivity {
        account: usize,
        minutes_ago: i64,
    },
    DeleteActivity {
        activity: usize,
    },
    PutUnchanged {
        lead: usize,
    },
    UndoLast,
    Reopen,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0u8..3, 0u8..6, 1i64..400).prop_map(|(lifecycle, name, days_ago)| Op::NewAccount { lifecycle, name, days_ago }),
        3 => (any::<usize>(), 0u8..=100, 0i64..500, 1i64..200, any::<bool>())
            .prop_map(|(account, score, hours_ago, sla_hours, external)| Op::NewLead { account, score, hours_ago, sla_hours, external }),
        3 => (any::<usize>(), 0u8..9).prop_map(|(lead, step)| Op::StepLead { lead, step }),
        1 => (any::<usize>(), 0u8..3).prop_map(|(account, lifecycle)| Op::SetLifecycle { account, lifecycle }),
        1 => (any::<usize>(), 0u8..4, 0i64..200_000).prop_map(|(account, stage, euros)| Op::NewOpportunity { account, stage, euros }),
        1 => (any::<usize>(), 0u8..6).prop_map(|(opp, to)| Op::MoveOpportunity { opp, to }),
        1 => (any::<usize>(), 0i64..10_000).prop_map(|(account, minutes_ago)| Op::LogActivity { account, minutes_ago }),
        1 => any::<usize>().prop_map(|activity| Op::DeleteActivity { activity }),
        1 => any::<usize>().prop_map(|lead| Op::PutUnchanged { lead }),
        1 => Just(Op::UndoLast),
        1 => Just(Op::Reopen),
    ]
}

/// The model: every record by kind and key, plus the change-log operations we expect.
#[derive(Default)]
struct Model {
    records: BTreeMap<(EntityKind, [u8; 16]), Record>,
    changes: Vec<(EntityKind, String, String)>,
}

impl Model {
    fn of<T>(&self, kind: EntityKind, f: impl Fn(&Record) -> Option<&T>) -> Vec<&T> {
        self.records
            .range((kind, [0; 16])..=(kind, [255; 16]))
            .filter_map(|(_, r)| f(r))
            .collect()
    }
    fn accounts(&self) -> Vec<&Account> {
        self.of(EntityKind::Account, |r| {
            if let Record::Account(a) = r {
                Some(a)
            } else {
                None
            }
        })
    }
    fn leads(&self) -> Vec<&Lead> {
        self.of(EntityKind::Lead, |r| {
            if let Record::Lead(a) = r {
                Some(a)
            } else {
                None
            }
        })
    }
    fn opps(&self) -> Vec<&Opportunity> {
        self.of(EntityKind::Opportunity, |r| {
            if let Record::Opportunity(a) = r {
                Some(a)
            } else {
                None
            }
        })
    }
    fn activities(&self) -> Vec<&Activity> {
        self.of(EntityKind::Activity, |r| {
            if let Record::Activity(a) = r {
                Some(a)
            } else {
                None
            }
        })
    }

    /// What the store should log and hold after `ws` commits.
    fn apply(&mut self, ws: &[(EntityKind, [u8; 16], Option<Record>)]) {
        for (kind, key, new) in ws {
            let old = self.records.get(&(*kind, *key)).cloned();
            let ops: Vec<&str> = match (&old, new) {
                // A deal created past qualify also logs its stage (e.g. won at once).
                (None, Some(Record::Opportunity(n))) if n.stage != Stage::Qualify => {
                    vec!["created", "stage"]
                }
                (None, Some(_)) => vec!["created"],
                (Some(_), None) => vec!["deleted"],
                (Some(o), Some(n)) if o == n => vec![],
                (Some(Record::Lead(o)), Some(Record::Lead(n))) if o.status != n.status => {
                    vec!["lead-status"]
                }
                (Some(Record::Opportunity(o)), Some(Record::Opportunity(n)))
                    if o.stage != n.stage =>
                {
                    vec!["stage"]
                }
                (Some(_), Some(_)) => vec!["updated"],
                (None, None) => vec![],
            };
            for op in ops {
                self.changes.push((
                    *kind,
                    ulid::Ulid::from_bytes(*key).to_string(),
                    op.to_string(),
                ));
            }
            match new {
                Some(r) => self.records.insert((*kind, *key), r.clone()),
                None => self.records.remove(&(*kind, *key)),
            };
        }
    }
}

fn lifecycle(n: u8) -> Lifecycle {
    Lifecycle::ALL[usize::from(n) % 3]
}

fn hours(t: Timestamp, h: i64) -> Timestamp {
    t.checked_add(SignedDuration::from_hours(h)).unwrap()
}

/// Puts the account and re-tiers its leads in the same write, as the ops layer does.
fn with_retier(
    model: &Model,
    account: &Account,
    ws: &mut Vec<(EntityKind, [u8; 16], Option<Record>)>,
) {
    ws.push((
        EntityKind::Account,
        account.id.to_bytes(),
        Some(Record::Account(account.clone())),
    ));
    for l in model
        .leads()
        .into_iter()
        .filter(|l| l.account_id == account.id)
    {
        let mut l = l.clone();
        l.tier = tier_of(&l, account);
        ws.push((EntityKind::Lead, l.id.to_bytes(), Some(Record::Lead(l))));
    }
}

fn plan(
    op: &Op,
    model: &Model,
    now: Timestamp,
    rng: &mut rand_chacha::ChaCha8Rng,
) -> Option<Planned> {
    let accounts = model.accounts();
    let pick = |n: usize, len: usize| if len == 0 { None } else { Some(n % len) };
    let mut ws = Vec::new();
    match op {
        Op::NewAccount {
            lifecycle: lc,
            name,
            days_ago,
        } => {
            let at = hours(now, -24 * days_ago);
            let mut a = Account::new(
                AccountId::new_at(at, rng),
                &format!("Transport {name} B.V."),
                lifecycle(*lc),
                at,
            );
            a.kvk = Some(format!("{:08}", 10_000_000 + u32::from(*name)));
            ws.push((
                EntityKind::Account,
                a.id.to_bytes(),
                Some(Record::Account(a)),
            ));
        }
        Op::NewLead {
            account,
            score,
            hours_ago,
            sla_hours,
            external,
        } => {
            let a = accounts[pick(*account, accounts.len())?];
            let received = hours(now, -hours_ago);
            let mut l = Lead::new(
                LeadId::new_at(received, rng),
                a.id,
                Channel::Web,
                *score,
                received,
            );
            l.interest = "R 450".into();
            l.respond_by = Some(hours(received, *sla_hours));
            if *external {
                l.external_id = Some(format!("HQ-{}", l.id));
            }
            l.tier = tier_of(&l, a);
            ws.push((EntityKind::Lead, l.id.to_bytes(), Some(Record::Lead(l))));
        }
        Op::StepLead { lead, step } => {
            let leads = model.leads();
            let mut l = leads[pick(*lead, leads.len())?].clone();
            let s = match step {
                0 => LeadStep::Accept,
                1 => LeadStep::Reject {
                    reason: "duplicate".into(),
                },
                2 => LeadStep::Snooze {
                    until: hours(now, 48),
                },
                3 => LeadStep::Wake,
                4 => LeadStep::Contact,
                5 => LeadStep::Qualify,
                6 => LeadStep::Disqualify {
                    reason: "no budget".into(),
                },
                7 => LeadStep::Retract,
                _ => LeadStep::Accept,
            };
            l.apply(s, now).ok()?;
            ws.push((EntityKind::Lead, l.id.to_bytes(), Some(Record::Lead(l))));
        }
        Op::SetLifecycle {
            account,
            lifecycle: lc,
        } => {
            let mut a = accounts[pick(*account, accounts.len())?].clone();
            a.lifecycle = lifecycle(*lc);
            with_retier(model, &a, &mut ws);
        }
        Op::NewOpportunity {
            account,
            stage,
            euros,
        } => {
            let a = accounts[pick(*account, accounts.len())?];
            let o = Opportunity::new(
                OpportunityId::new_at(now, rng),
                a.id,
                "Deal",
                Cents::euros(*euros),
                Stage::OPEN[usize::from(*stage) % 4],
                now,
            );
            ws.push((
                EntityKind::Opportunity,
                o.id.to_bytes(),
                Some(Record::Opportunity(o)),
            ));
        }
        Op::MoveOpportunity { opp, to } => {
            let opps = model.opps();
            let mut o = opps[pick(*opp, opps.len())?].clone();
            match Stage::ALL[usize::from(*to) % 6] {
                Stage::Won => o.win(Cents::euros(1000), now).ok()?,
                Stage::Lost => o.lose("price", now).ok()?,
                s => o.move_to(s, now).ok()?,
            }
            ws.push((
                EntityKind::Opportunity,
                o.id.to_bytes(),
                Some(Record::Opportunity(o)),
            ));
        }
        Op::LogActivity {
            account,
            minutes_ago,
        } => {
            let mut a = accounts[pick(*account, accounts.len())?].clone();
            let at = now
                .checked_sub(SignedDuration::from_mins(*minutes_ago))
                .unwrap();
            let act = Activity {
                id: ActivityId::new_at(at, rng),
                account_id: a.id,
                lead_id: None,
                opportunity_id: None,
                contact_id: None,
                kind: ActivityKind::Call,
                at,
                outcome: Some(Outcome::FollowUp),
                lost_reason: None,
                note: String::new(),
                next_step: None,
                created_at: now,
            };
            ws.push((
                EntityKind::Activity,
                act.id.to_bytes(),
                Some(Record::Activity(act)),
            ));
            if a.last_activity_at.is_none_or(|t| t < at) {
                a.last_activity_at = Some(at);
            }
            with_retier(model, &a, &mut ws);
        }
        Op::DeleteActivity { activity } => {
            let acts = model.activities();
            let a = acts[pick(*activity, acts.len())?];
            ws.push((EntityKind::Activity, a.id.to_bytes(), None));
        }
        Op::PutUnchanged { lead } => {
            let leads = model.leads();
            let l = leads[pick(*lead, leads.len())?].clone();
            ws.push((EntityKind::Lead, l.id.to_bytes(), Some(Record::Lead(l))));
        }
        Op::UndoLast | Op::Reopen => return None,
    }
    Some(ws)
}

fn to_writeset(ops: &[(EntityKind, [u8; 16], Option<Record>)]) -> WriteSet {
    let mut ws = WriteSet::new();
    for (kind, key, r) in ops {
        match r {
            Some(r) => ws.put(r.clone()),
            None => ws.delete(*kind, *key),
        };
    }
    ws
}

fn inbox_key(l: &Lead, now: Timestamp) -> (Tier, u8, u8, Timestamp, LeadId) {
    (
        l.tier,
        if l.is_overdue(now) { 0 } else { 1 },
        100 - l.score,
        l.received_at,
        l.id,
    )
}

fn assert_agrees(store: &Store, model: &Model, now: Timestamp) {
    // Records, both ways.
    for kind in EntityKind::ALL {
        let stored: Vec<Record> = store.scan(kind).map(|r| r.unwrap()).collect();
        let expected: Vec<Record> = model
            .records
            .range((kind, [0; 16])..=(kind, [255; 16]))
            .map(|(_, r)| r.clone())
            .collect();
        assert_eq!(stored, expected, "records of kind {kind}");
    }
    // Index-backed reads.
    for a in model.accounts() {
        let leads: Vec<LeadId> = store.leads_of(a.id).unwrap().iter().map(|l| l.id).collect();
        let want: Vec<LeadId> = model
            .leads()
            .iter()
            .filter(|l| l.account_id == a.id)
            .map(|l| l.id)
            .collect();
        assert_eq!(leads, want, "leads_of");
        let opps: Vec<OpportunityId> = store
            .opportunities_of(a.id)
            .unwrap()
            .iter()
            .map(|o| o.id)
            .collect();
        let want: Vec<OpportunityId> = model
            .opps()
            .iter()
            .filter(|o| o.account_id == a.id)
            .map(|o| o.id)
            .collect();
        assert_eq!(opps, want, "opportunities_of");
        let acts: Vec<ActivityId> = store
            .activities_of(a.id, usize::MAX)
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect();
        let mut want: Vec<&Activity> = model
            .activities()
            .into_iter()
            .filter(|x| x.account_id == a.id)
            .collect();
        want.sort_by_key(|x| std::cmp::Reverse((x.at, x.id)));
        assert_eq!(
            acts,
            want.iter().map(|x| x.id).collect::<Vec<_>>(),
            "activities_of newest first"
        );
        if let Some(kvk) = &a.kvk {
            assert!(
                store
                    .accounts_by_kvk(kvk)
                    .unwrap()
                    .iter()
                    .any(|x| x.id == a.id),
                "accounts_by_kvk"
            );
        }
    }
    for s in Stage::ALL {
        let got: Vec<OpportunityId> = store
            .opportunities_in(s)
            .unwrap()
            .iter()
            .map(|o| o.id)
            .collect();
        let want: Vec<OpportunityId> = model
            .opps()
            .iter()
            .filter(|o| o.stage == s)
            .map(|o| o.id)
            .collect();
        assert_eq!(got, want, "opportunities_in {s}");
    }
    for l in model.leads() {
        if let Some(ext) = &l.external_id {
            assert_eq!(
                store.lead_by_external(ext).unwrap().map(|x| x.id),
                Some(l.id),
                "lead_by_external"
            );
        }
    }
    let order: Vec<LeadId> = store
        .lead_ids_in_order(&LeadOrder::all(), now)
        .map(|r| r.unwrap())
        .collect();
    let mut want = model.leads();
    want.sort_by_key(|l| inbox_key(l, now));
    assert_eq!(
        order,
        want.iter().map(|l| l.id).collect::<Vec<_>>(),
        "inbox order"
    );
    assert_eq!(
        store.overdue_count(now).unwrap(),
        model.leads().iter().filter(|l| l.is_overdue(now)).count()
    );
    for s in LeadStatus::ALL {
        assert_eq!(
            store.status_count(s),
            model.leads().iter().filter(|l| l.status == s).count(),
            "status_count {s}"
        );
    }
    // The change log: contiguous, and exactly the operations the model predicts.
    let changes: Vec<_> = store.changes_since(0).map(|c| c.unwrap()).collect();
    assert_eq!(store.last_seq().unwrap(), changes.len() as u64);
    for (i, c) in changes.iter().enumerate() {
        assert_eq!(c.seq, i as u64 + 1);
    }
    let got: Vec<(EntityKind, String, String)> = changes
        .iter()
        .map(|c| {
            let op = match &c.op {
                ChangeOp::Created => "created",
                ChangeOp::Updated => "updated",
                ChangeOp::Deleted => "deleted",
                ChangeOp::LeadStatus { .. } => "lead-status",
                ChangeOp::Stage { .. } => "stage",
                ChangeOp::Merged { .. } => "merged",
            };
            (c.entity, c.id.clone(), op.to_string())
        })
        .collect();
    assert_eq!(got, model.changes, "change log");
    let report = store.check().unwrap();
    assert!(report.is_ok(), "check: {:?}", report.problems);
}

fn run(ops: Vec<Op>, seed: u64, dir: &Path) {
    let now: Timestamp = NOW.parse().unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let path = dir.join("store");
    let mut store = Some(Store::open_or_create(&path).unwrap());
    let mut model = Model::default();
    let mut last: Option<Receipt> = None;
    for op in &ops {
        match op {
            Op::Reopen => {
                drop(store.take());
                store = Some(Store::open(&path).unwrap());
            }
            Op::UndoLast => {
                if let Some(r) = last.take() {
                    let undo: Vec<_> = r
                        .before
                        .iter()
                        .rev()
                        .map(|(k, key, old)| (*k, *key, old.clone()))
                        .collect();
                    let receipt = store.as_ref().unwrap().commit(&r.undo(), now).unwrap();
                    model.apply(&undo);
                    last = Some(receipt);
                }
            }
            other => {
                if let Some(ws) = plan(other, &model, now, &mut rng) {
                    let receipt = store
                        .as_ref()
                        .unwrap()
                        .commit(&to_writeset(&ws), now)
                        .unwrap();
                    model.apply(&ws);
                    last = Some(receipt);
                }
            }
        }
        assert_agrees(store.as_ref().unwrap(), &model, now);
    }
    drop(store.take());
    assert_agrees(&Store::open(&path).unwrap(), &model, now);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_store_agrees_with_a_simple_model_across_reopens(
        ops in proptest::collection::vec(op(), 1..40),
        seed in any::<u64>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        run(ops, seed, dir.path());
    }
}
