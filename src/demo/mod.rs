//! TEMPORARY stand-in until the real generator lands (not committed).
use crate::domain::*;
use jiff::{Timestamp, ToSpan};
use rand::{Rng, SeedableRng};

pub struct DemoConfig {
    pub seed: u64,
    pub leads: usize,
    pub now: Timestamp,
}
pub struct DemoData {
    pub accounts: Vec<Account>,
    pub contacts: Vec<Contact>,
    pub leads: Vec<Lead>,
    pub opportunities: Vec<Opportunity>,
    pub activities: Vec<Activity>,
    pub appointments: Vec<Appointment>,
    pub nps: Vec<NpsResponse>,
}
pub fn generate(c: &DemoConfig) -> DemoData {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(c.seed);
    let mut d = DemoData {
        accounts: vec![],
        contacts: vec![],
        leads: vec![],
        opportunities: vec![],
        activities: vec![],
        appointments: vec![],
        nps: vec![],
    };
    let n_acc = (c.leads / 2).max(1);
    for i in 0..n_acc {
        let created = c
            .now
            .checked_sub(((400 - (i % 300) as i64) * 24).hours())
            .unwrap();
        let lc = [
            Lifecycle::Prospect,
            Lifecycle::Customer,
            Lifecycle::ExCustomer,
        ][i % 3];
        let mut a = Account::new(
            AccountId::new_at(created, &mut rng),
            &format!("Transport {i} B.V."),
            lc,
            created,
        );
        a.address.city = "Utrecht".into();
        a.kvk = Some(format!("{:08}", 10000000 + i));
        d.accounts.push(a);
    }
    for i in 0..c.leads {
        let a = &d.accounts[i % n_acc];
        let received = c.now.checked_sub(((i % 50) as i64 * 24).hours()).unwrap();
        let mut l = Lead {
            id: LeadId::new_at(received, &mut rng),
            external_id: Some(format!("HQ-2026-{i:06}")),
            account_id: a.id,
            contact_id: None,
            source: Source {
                channel: Channel::ALL[i % 6],
                campaign: "Replacement 2027".into(),
            },
            score: rng.gen_range(0..=100),
            interest: "R 450".into(),
            signals: vec![],
            incentive: i % 3 == 0,
            received_at: received,
            respond_by: Some(received.checked_add(72.hours()).unwrap()),
            status: LeadStatus::New,
            reason: None,
            snoozed_until: None,
            status_changed_at: received,
            owner: String::new(),
            notes: String::new(),
            tier: Tier::UnknownProspect,
            opportunity_id: None,
            first_contact_at: None,
            created_at: received,
            updated_at: received,
        };
        l.tier = Tier::derive(a.lifecycle, a.created_at < l.received_at);
        d.leads.push(l);
    }
    d
}
