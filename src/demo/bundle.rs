//! A sample head-office leads bundle for a demo store, signed with a demo head-office key whose
//! public half the demo store pins — so a newcomer can try `wortel import` at once. A few leads
//! are for customers already in the store (they land as tier 1), the rest for new companies.

use super::names::{CAMPAIGNS, PRODUCTS, SIGNALS};
use super::{Gen, people};
use crate::bundle::SecretKey;
use crate::bundle::leads::{AccountIn, AddressIn, ConsentIn, ContactIn, LeadIn, SourceIn};
use crate::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
use crate::bundle::write::{ndjson, write_bundle};
use crate::domain::{Channel, ConsentPurpose, Lifecycle};
use crate::store::{DEMO_DEALER, Store, StoreError};
use jiff::{SignedDuration, Timestamp};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The demo head office's key, the same for a seed every time.
pub fn head_office_key(seed: u64) -> SecretKey {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0048_514b_4559);
    let mut bytes = [0u8; 32];
    rng.fill_bytes(&mut bytes);
    SecretKey(bytes)
}

/// The bytes of a signed leads bundle addressed to the demo dealer.
pub fn sample_leads_bundle(
    store: &Store,
    seed: u64,
    now: Timestamp,
    count: usize,
) -> Result<Vec<u8>, StoreError> {
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(seed.wrapping_add(0xb0_0d1e)),
        now,
        seed,
    };
    let customers: Vec<_> = store
        .all_accounts()
        .filter_map(Result::ok)
        .filter(|a| a.lifecycle == Lifecycle::Customer && a.kvk.is_some())
        .take(count / 5)
        .collect();
    let mut leads = Vec::with_capacity(count);
    for i in 0..count {
        let received = now
            .checked_sub(SignedDuration::from_mins(g.rng.gen_range(10..3 * 24 * 60)))
            .unwrap_or(now);
        let (account, contact) = match customers.get(i) {
            Some(a) => (a.clone(), None),
            None => {
                let a = people::account(&mut g, 900_000 + i);
                let c = people::contacts(&mut g, &a).into_iter().next();
                (a, c)
            }
        };
        leads.push(LeadIn {
            id: format!("HQ-DEMO-{:06}", i + 1),
            received_at: received,
            respond_by: received.checked_add(SignedDuration::from_hours(48)).ok(),
            source: SourceIn {
                channel: *g.pick(&[
                    Channel::DataMining,
                    Channel::Telemarketing,
                    Channel::Web,
                    Channel::Event,
                ]),
                campaign: g.pick(CAMPAIGNS).to_string(),
            },
            score: g.rng.gen_range(20..=98),
            interest: g.pick(PRODUCTS).to_string(),
            signals: vec![g.pick(SIGNALS).to_string()],
            incentive: g.chance(0.3),
            account: AccountIn {
                name: account.name.clone(),
                kind: Some(if account.kind == crate::domain::AccountKind::Person {
                    "person".into()
                } else {
                    "company".into()
                }),
                kvk: account.kvk.clone(),
                address: AddressIn {
                    street: account.address.street.clone(),
                    postcode: account.address.postcode.clone(),
                    city: account.address.city.clone(),
                    country: account.address.country.clone(),
                },
                phone: account.phone.clone(),
                email: account.email.clone(),
                lifecycle: Some(account.lifecycle),
            },
            contact: contact.map(|c| ContactIn {
                name: c.name,
                role: c.role,
                phone: c.phone,
                email: c.email,
                consent: vec![ConsentIn {
                    purpose: ConsentPurpose::SalesContact,
                    given_at: received.to_zoned(jiff::tz::TimeZone::UTC).date(),
                    source: "web form".into(),
                }],
            }),
            notes: String::new(),
        });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: format!("HQ-DEMO-BUNDLE-{seed}"),
        from: "head-office".into(),
        to: DEMO_DEALER.into(),
        sequence: 1,
        created_at: now,
        period: None,
        files: vec![],
    };
    let key = head_office_key(seed);
    write_bundle(manifest, &[("leads.ndjson", ndjson(&leads))], Some(&key)).map_err(|e| {
        StoreError::Io {
            path: store.path().to_path_buf(),
            detail: e.to_string(),
        }
    })
}
