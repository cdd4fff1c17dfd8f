//! Accounts and contacts: Dutch companies and people with plausible addresses and numbers.

use super::Gen;
use super::names::*;
use crate::domain::*;
use jiff::ToSpan;
use rand::Rng;

/// One account; `i` keeps KvK numbers unique.
pub fn account(g: &mut Gen, i: usize) -> Account {
    let created = g.days_ago(20.0, 1100.0);
    let lifecycle = match g.rng.gen_range(0..100) {
        0..40 => Lifecycle::Customer,
        40..85 => Lifecycle::Prospect,
        _ => Lifecycle::ExCustomer,
    };
    let person = g.chance(0.12);
    let name = if person {
        format!("{} (eigen rijder)", person_name(g))
    } else if g.chance(0.02) {
        format!("Gemeente {}", g.pick(CITIES).0)
    } else {
        let family = *g.pick(FAMILY_FIRMS);
        g.pick(COMPANY_PATTERNS).replace("{}", family)
    };
    let mut a = Account::new(
        AccountId::new_at(created, &mut g.rng),
        &name,
        lifecycle,
        created,
    );
    a.kind = if person {
        AccountKind::Person
    } else {
        AccountKind::Company
    };
    if !person {
        // A bijection on 0..90,000,000 keeps every KvK number unique for any seed.
        let n = (i as u64)
            .wrapping_mul(7_368_787)
            .wrapping_add(g.seed.wrapping_mul(13))
            % 90_000_000;
        a.kvk = Some(format!("{:08}", 10_000_000 + n));
    }
    let &(city, lo, hi, area) = g.pick(CITIES);
    a.address = Address {
        street: format!("{} {}", g.pick(STREETS), g.rng.gen_range(1..220)),
        postcode: postcode(g, lo, hi),
        city: city.to_string(),
        country: "NL".to_string(),
    };
    a.phone = landline(g, area);
    a.email = format!("info@{}.nl", slug(&name));
    a.segment = g.pick(SEGMENTS).to_string();
    a.owner = g.pick(OWNERS).to_string();
    if g.chance(0.5) {
        a.tags.push(g.pick(TAGS).to_string());
    }
    a.origin = if g.chance(0.6) {
        Origin::HeadOffice
    } else {
        Origin::Dealer
    };
    if lifecycle != Lifecycle::Prospect {
        for _ in 0..g.rng.gen_range(1..=5) {
            let year = g.rng.gen_range(2014..=2025);
            let purchased: jiff::civil::Date =
                jiff::civil::date(year, g.rng.gen_range(1..=12), g.rng.gen_range(1..=28));
            let replace_by = purchased.checked_add(g.rng.gen_range(6..=8).years()).ok();
            a.installed_base.push(InstalledProduct {
                product: g.pick(PRODUCTS).to_string(),
                purchased_on: purchased,
                replace_by,
            });
        }
    }
    a
}

/// One to three people at the account (the owner-driver themself for a person).
pub fn contacts(g: &mut Gen, account: &Account) -> Vec<Contact> {
    let n = if account.kind == AccountKind::Person {
        1
    } else {
        g.rng.gen_range(1..=3)
    };
    let domain = account
        .email
        .split('@')
        .nth(1)
        .unwrap_or("example.nl")
        .to_string();
    (0..n)
        .map(|k| {
            let at = g.between(account.created_at, g.now);
            let name = if account.kind == AccountKind::Person {
                account.name.trim_end_matches(" (eigen rijder)").to_string()
            } else {
                person_name(g)
            };
            let first = slug(name.split_whitespace().next().unwrap_or("info"));
            let given = g.date(at);
            let mut consent = vec![Consent {
                purpose: ConsentPurpose::SalesContact,
                given_at: given,
                source: (*g.pick(&["web form", "truck show", "phone", "visit"])).to_string(),
                expires: None,
                withdrawn_at: None,
            }];
            if g.chance(0.5) {
                let withdrawn = g
                    .chance(0.1)
                    .then(|| given.checked_add(30.days()).unwrap_or(given));
                let expires = g
                    .chance(0.1)
                    .then(|| given.checked_add(1.year()).unwrap_or(given));
                consent.push(Consent {
                    purpose: ConsentPurpose::Marketing,
                    given_at: given,
                    source: "newsletter sign-up".to_string(),
                    expires,
                    withdrawn_at: withdrawn,
                });
            }
            Contact {
                id: ContactId::new_at(at, &mut g.rng),
                account_id: account.id,
                name,
                role: if k == 0 && account.kind == AccountKind::Person {
                    "owner".to_string()
                } else {
                    g.pick(ROLES).to_string()
                },
                phone: mobile(g),
                email: format!("{first}@{domain}"),
                consent,
                created_at: at,
                updated_at: at,
            }
        })
        .collect()
}

fn person_name(g: &mut Gen) -> String {
    let first = *g.pick(FIRST_NAMES);
    let particle = *g.pick(PARTICLES);
    let surname = g.pick(SURNAMES).trim_start_matches("de ").to_string();
    if particle.is_empty() {
        format!("{first} {surname}")
    } else {
        format!("{first} {particle} {surname}")
    }
}

/// "3542 AD": four digits in the city's range, two letters (never SA, SD or SS).
fn postcode(g: &mut Gen, lo: u16, hi: u16) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTVWXZ";
    loop {
        let a = LETTERS[g.rng.gen_range(0..LETTERS.len())] as char;
        let b = LETTERS[g.rng.gen_range(0..LETTERS.len())] as char;
        if a == 'S' && matches!(b, 'A' | 'D' | 'S') {
            continue;
        }
        return format!("{} {a}{b}", g.rng.gen_range(lo..=hi));
    }
}

/// "+31 30 686 6920": the city's area code and a local number making ten digits in all.
fn landline(g: &mut Gen, area: &str) -> String {
    let local_len = 9 - area.len();
    let mut digits: String = (0..local_len)
        .map(|i| char::from(b'0' + g.rng.gen_range(if i == 0 { 2 } else { 0 }..10)))
        .collect();
    if local_len == 7 {
        digits.insert(3, ' ');
    } else {
        digits.insert(2, ' ');
    }
    format!("+31 {area} {digits}")
}

fn mobile(g: &mut Gen) -> String {
    format!("+31 6 {:08}", g.rng.gen_range(10_000_000..100_000_000u32))
}

/// Lower-case ASCII letters and digits only: for e-mail domains.
pub fn slug(s: &str) -> String {
    let folded = crate::domain::text::normalise_name(s);
    let out: String = folded
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if out.is_empty() {
        "dealer".to_string()
    } else {
        out
    }
}

/// Duplicates, as real stores have them: now and then a salesperson entered a company again,
/// spelled a little differently (with or without "B.V."), at the same address and without its
/// KvK number. Two or three in a hundred companies.
pub fn duplicates(g: &mut Gen, accounts: &mut Vec<Account>) {
    let originals: Vec<Account> = accounts
        .iter()
        .enumerate()
        .filter(|(i, a)| i % 37 == 5 && a.kind == AccountKind::Company)
        .map(|(_, a)| a.clone())
        .collect();
    for original in originals {
        let created = g.between(original.created_at, g.now);
        let name = match original.name.strip_suffix(" B.V.") {
            Some(short) => short.to_string(),
            None => format!("{} B.V.", original.name),
        };
        let mut twin = Account::new(
            AccountId::new_at(created, &mut g.rng),
            &name,
            Lifecycle::Prospect,
            created,
        );
        twin.address = original.address.clone();
        twin.phone = original.phone.clone();
        twin.email = format!("verkoop@{}.nl", slug(&name));
        twin.owner = original.owner.clone();
        twin.segment = original.segment.clone();
        twin.origin = Origin::Dealer;
        accounts.push(twin);
    }
}
