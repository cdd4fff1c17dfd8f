//! The story the programme tests play: what each store holds, loses and sees leave in 2026,
//! and what head office's programmes should make of it, recomputed from this script alone.

use jiff::civil::Date;
use std::collections::BTreeSet;
use wortel::domain::Lifecycle;

pub const SETUP: &str = "2026-01-05T09:00:00Z";
pub const RUN: &str = "2026-11-30T09:00:00Z";
pub const RUN_DAY: &str = "2026-11-30";

/// An account a store holds, and what it owns.
pub struct Held {
    pub store: &'static str,
    pub name: &'static str,
    pub kvk: Option<&'static str>,
    pub postcode: &'static str,
    pub lifecycle: Lifecycle,
    /// (product, purchased on, replace by)
    pub owns: &'static [(&'static str, &'static str, Option<&'static str>)],
}

pub const HELD: &[Held] = &[
    Held {
        store: "D042-anna",
        name: "Transport Jansen B.V.",
        kvk: Some("12345678"),
        postcode: "3542 AD",
        lifecycle: Lifecycle::Customer,
        owns: &[
            ("R 450 tractor", "2020-03-01", Some("2027-03-15")),
            ("Trailer T3", "2024-06-01", Some("2028-06-01")),
            ("Forklift F2", "2023-01-10", None),
        ],
    },
    // The same company at the other salesperson's laptop: one cause, not two.
    Held {
        store: "D042-bob",
        name: "Jansen Transport BV",
        kvk: Some("12345678"),
        postcode: "3542 AD",
        lifecycle: Lifecycle::Customer,
        owns: &[("R 450 tractor", "2020-03-01", Some("2027-03-15"))],
    },
    // Bob makes this replacement's lead himself in September: head office makes none.
    Held {
        store: "D042-bob",
        name: "Garage Bos",
        kvk: Some("77700007"),
        postcode: "3544 LM",
        lifecycle: Lifecycle::Customer,
        owns: &[("Bakwagen 12", "2021-01-10", Some("2027-01-10"))],
    },
    // A prospect in D043's postcode area that D042 lost an order to.
    Held {
        store: "D042-anna",
        name: "Bakkerij de Vries",
        kvk: None,
        postcode: "3811 AB",
        lifecycle: Lifecycle::Prospect,
        owns: &[],
    },
    Held {
        store: "D042-anna",
        name: "Koeltransport Smit",
        kvk: Some("22200002"),
        postcode: "3521 CD",
        lifecycle: Lifecycle::Prospect,
        owns: &[],
    },
    Held {
        store: "D043",
        name: "Kipperbedrijf Vos",
        kvk: Some("33300003"),
        postcode: "3813 EF",
        lifecycle: Lifecycle::Customer,
        owns: &[("Kipper K8", "2019-12-01", Some("2026-12-20"))],
    },
    Held {
        store: "D043",
        name: "Groenteboer Amersfoort",
        kvk: Some("44400004"),
        postcode: "3814 GH",
        lifecycle: Lifecycle::Customer,
        owns: &[],
    },
    Held {
        store: "D043",
        name: "Eikhout Logistiek B.V.",
        kvk: Some("55500005"),
        postcode: "3812 AB",
        lifecycle: Lifecycle::Customer,
        owns: &[],
    },
    Held {
        store: "D043",
        name: "Old Fleet BV",
        kvk: Some("66600006"),
        postcode: "3815 JK",
        lifecycle: Lifecycle::Customer,
        owns: &[],
    },
];

/// A deal the store lost: (store, account, product, euros, reason, when).
pub const LOSSES: &[(&str, &str, &str, i64, &str, &str)] = &[
    (
        "D042-anna",
        "Bakkerij de Vries",
        "FH 500 tractor",
        95_000,
        "price",
        "2026-02-10T10:00:00Z",
    ),
    (
        "D042-anna",
        "Koeltransport Smit",
        "Koeltrailer",
        40_000,
        "competitor product",
        "2026-02-11T10:00:00Z",
    ),
    (
        "D042-anna",
        "Koeltransport Smit",
        "Bakwagen B2",
        30_000,
        "delivery time",
        "2026-06-02T10:00:00Z",
    ),
];

/// An account that became ex-customer: (store, account, when).
pub const LEFT: &[(&str, &str, &str)] = &[
    ("D043", "Groenteboer Amersfoort", "2026-03-03T10:00:00Z"),
    ("D043", "Eikhout Logistiek B.V.", "2026-03-03T10:00:00Z"),
    ("D043", "Old Fleet BV", "2026-09-01T10:00:00Z"),
];

/// A store runs `wortel leads due-replacements --create` itself: (store, when, the account whose
/// replacement it makes; the only one due then).
pub const DEALER_MADE: &[(&str, &str, &str)] =
    &[("D042-bob", "2026-09-02T10:00:00Z", "Garage Bos")];

/// Head office already has an open lead for this company (so the ex-customer rule skips it).
pub const OPEN_LEAD_KVK: &str = "55500005";

/// The weeks each store exports, with the Monday after each.
pub const WEEKS: &[(&str, &str)] = &[
    ("2026-W03", "2026-01-19T09:00:00Z"),
    ("2026-W07", "2026-02-16T09:00:00Z"),
    ("2026-W10", "2026-03-09T09:00:00Z"),
    ("2026-W23", "2026-06-08T09:00:00Z"),
    ("2026-W36", "2026-09-07T09:00:00Z"),
];

pub const STORES: &[(&str, &str, &str)] = &[
    ("D042", "D042-anna", "Anna"),
    ("D042", "D042-bob", "Bob"),
    ("D043", "D043", "Carla"),
];

pub fn day(text: &str) -> Date {
    text[..10].parse().unwrap()
}

pub fn months(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().months(n)).unwrap()
}

/// What each programme should make, from the script alone: (programme, account, store, interest).
pub fn expected() -> BTreeSet<(String, String, String, String)> {
    let run = day(RUN_DAY);
    let mut out = BTreeSet::new();
    let mut companies = BTreeSet::new();
    for h in HELD {
        for (product, _, by) in h.owns {
            let company = h.kvk.map_or(h.name.to_string(), str::to_string);
            let due = by.is_some_and(|b| day(b) <= months(run, 6));
            let made_by_dealer = DEALER_MADE.iter().any(|(_, _, a)| *a == h.name);
            if due && !made_by_dealer && companies.insert((company, product.to_string(), *by)) {
                out.insert((
                    "replacements".into(),
                    h.name.into(),
                    h.store.into(),
                    product.to_string(),
                ));
            }
        }
    }
    for (store, account, product, _, reason, at) in LOSSES {
        if ["price", "delivery time", "no decision"].contains(reason) && day(at) <= months(run, -9)
        {
            out.insert((
                "winback-lost".into(),
                account.to_string(),
                store.to_string(),
                product.to_string(),
            ));
        }
    }
    for (store, account, at) in LEFT {
        let kvk = HELD.iter().find(|h| h.name == *account).and_then(|h| h.kvk);
        if day(at) <= months(run, -6) && kvk != Some(OPEN_LEAD_KVK) {
            out.insert((
                "winback-ex".into(),
                account.to_string(),
                store.to_string(),
                "win-back".into(),
            ));
        }
    }
    out
}
