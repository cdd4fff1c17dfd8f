use super::*;
use std::collections::{HashMap, HashSet};

fn cfg(seed: u64, leads: usize) -> DemoConfig {
    DemoConfig {
        seed,
        leads,
        now: "2026-11-23T09:00:00Z".parse().unwrap(),
    }
}

#[test]
fn the_same_seed_gives_the_same_store_and_another_seed_another() {
    let a = generate(&cfg(7, 120));
    let b = generate(&cfg(7, 120));
    assert_eq!(a.leads, b.leads);
    assert_eq!(a.accounts, b.accounts);
    assert_eq!(a.activities, b.activities);
    let c = generate(&cfg(8, 120));
    assert_ne!(a.accounts, c.accounts);
}

#[test]
fn some_companies_were_entered_twice_as_real_stores_have_them() {
    use crate::domain::duplicates::duplicate_keys;
    let d = generate(&cfg(1, 2000));
    let mut seen = HashSet::new();
    let mut twins = 0;
    for a in &d.accounts {
        let keys = duplicate_keys(a);
        if keys.iter().any(|k| seen.contains(k)) {
            twins += 1;
        }
        seen.extend(keys);
    }
    assert!(
        (20..=40).contains(&twins),
        "{twins} duplicates in 1000 accounts"
    );
}

#[test]
fn sizes_follow_the_lead_count_and_tiny_demos_work() {
    let d = generate(&cfg(1, 300));
    assert_eq!(d.leads.len(), 300);
    // Half as many accounts as leads, plus a few duplicates entered twice (one in 37 companies).
    assert!(
        (150..=155).contains(&d.accounts.len()),
        "{}",
        d.accounts.len()
    );
    let one = generate(&cfg(1, 1));
    assert_eq!((one.leads.len(), one.accounts.len()), (1, 1));
}

#[test]
fn every_record_passes_the_domain_rules_and_references_resolve() {
    let d = generate(&cfg(3, 400));
    let accounts: HashSet<_> = d.accounts.iter().map(|a| a.id).collect();
    let contacts: HashMap<_, _> = d.contacts.iter().map(|c| (c.id, c.account_id)).collect();
    let leads: HashMap<_, _> = d.leads.iter().map(|l| (l.id, l)).collect();
    let opps: HashMap<_, _> = d.opportunities.iter().map(|o| (o.id, o)).collect();
    for a in &d.accounts {
        a.validate().unwrap();
    }
    for c in &d.contacts {
        c.validate().unwrap();
        assert!(accounts.contains(&c.account_id));
    }
    for l in &d.leads {
        l.validate().unwrap();
        assert!(accounts.contains(&l.account_id));
        if let Some(c) = l.contact_id {
            assert_eq!(
                contacts[&c], l.account_id,
                "a lead's contact works at its account"
            );
        }
        if let Some(o) = l.opportunity_id {
            assert_eq!(
                opps[&o].lead_id,
                Some(l.id),
                "converted lead and deal point at each other"
            );
        }
        assert_eq!(
            l.status == LeadStatus::Converted,
            l.opportunity_id.is_some()
        );
        assert!(l.status_changed_at >= l.received_at && l.status_changed_at <= cfg(0, 0).now);
    }
    for o in &d.opportunities {
        o.validate().unwrap();
        assert!(accounts.contains(&o.account_id));
        if let Some(l) = o.lead_id {
            assert_eq!(leads[&l].opportunity_id, Some(o.id));
        }
    }
    for a in &d.activities {
        a.validate().unwrap();
        assert!(accounts.contains(&a.account_id));
        assert!(a.at <= cfg(0, 0).now);
    }
    for ap in &d.appointments {
        assert!(
            d.activities.iter().any(
                |a| Some(a.id) == ap.activity_id && a.outcome == Some(Outcome::AppointmentMade)
            )
        );
    }
    for n in &d.nps {
        assert!(n.score <= 10 && accounts.contains(&n.account_id));
    }
}

#[test]
fn tiers_follow_the_rule_and_last_activity_is_the_latest() {
    let d = generate(&cfg(5, 300));
    let mut last: HashMap<AccountId, Timestamp> = HashMap::new();
    for a in &d.activities {
        let e = last.entry(a.account_id).or_insert(a.at);
        *e = (*e).max(a.at);
    }
    let by_id: HashMap<_, _> = d.accounts.iter().map(|a| (a.id, a)).collect();
    for a in &d.accounts {
        assert_eq!(a.last_activity_at, last.get(&a.id).copied());
    }
    for l in &d.leads {
        assert_eq!(l.tier, crate::ops::tier_of(l, by_id[&l.account_id]));
    }
    let tiers: HashSet<_> = d.leads.iter().map(|l| l.tier).collect();
    assert_eq!(tiers.len(), 3, "all three tiers appear");
}

#[test]
fn a_300_lead_demo_shows_every_channel_status_stage_and_outcome() {
    let d = generate(&cfg(1, 300));
    let now = cfg(0, 0).now;
    for c in Channel::ALL {
        assert!(d.leads.iter().any(|l| l.source.channel == c), "channel {c}");
    }
    for s in LeadStatus::ALL {
        assert!(d.leads.iter().any(|l| l.status == s), "status {s}");
    }
    for s in Stage::ALL {
        assert!(d.opportunities.iter().any(|o| o.stage == s), "stage {s}");
    }
    for o in Outcome::ALL {
        assert!(
            d.activities.iter().any(|a| a.outcome == Some(o)),
            "outcome {o}"
        );
    }
    assert!(
        d.leads.iter().any(|l| l.is_overdue(now)),
        "some new leads are overdue"
    );
    assert!(
        d.leads
            .iter()
            .any(|l| l.status == LeadStatus::New && !l.is_overdue(now)),
        "some are not yet"
    );
    assert!(!d.nps.is_empty() && !d.appointments.is_empty());
}

#[test]
fn identifiers_are_unique_and_addresses_look_dutch() {
    let d = generate(&cfg(2, 2000));
    let kvks: Vec<_> = d.accounts.iter().filter_map(|a| a.kvk.clone()).collect();
    assert_eq!(kvks.len(), kvks.iter().collect::<HashSet<_>>().len());
    let ext: Vec<_> = d
        .leads
        .iter()
        .filter_map(|l| l.external_id.clone())
        .collect();
    assert_eq!(ext.len(), ext.iter().collect::<HashSet<_>>().len());
    for a in &d.accounts {
        let p = a.address.postcode.as_bytes();
        assert!(
            p.len() == 7
                && p[..4].iter().all(u8::is_ascii_digit)
                && p[4] == b' '
                && p[5..].iter().all(u8::is_ascii_uppercase),
            "postcode {}",
            a.address.postcode
        );
        assert!(a.phone.starts_with("+31 "));
        let digits = a.phone.chars().filter(char::is_ascii_digit).count();
        assert_eq!(digits, 11, "phone {}", a.phone);
        assert!(a.email.is_ascii() && a.email.contains('@'));
    }
}
