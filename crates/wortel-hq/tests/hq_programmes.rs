//! Lead programmes (issue 22 items 1 and 2) with the real binaries and a fixed clock: three
//! dealer stores live through 2026 (accounts with installed base, lost deals, customers who
//! leave), export real feedback bundles week by week, and head office ingests them. On
//! 30 November the replacement, lost-order and ex-customer programmes make exactly the leads
//! the script implies (recomputed here from the script, not read back from the database), once;
//! `route` sends each to the store whose feedback showed its cause; the dealers' own
//! `wortel leads due-replacements` agrees and never duplicates head office's lead.

mod support;

use jiff::civil::Date;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use support::*;
use wortel::domain::*;
use wortel::store::{Store, WriteSet};

const SETUP: &str = "2026-01-05T09:00:00Z";
const RUN: &str = "2026-11-30T09:00:00Z";
const RUN_DAY: &str = "2026-11-30";

/// An account a store holds, and what it owns.
struct Held {
    store: &'static str,
    name: &'static str,
    kvk: Option<&'static str>,
    postcode: &'static str,
    lifecycle: Lifecycle,
    /// (product, purchased on, replace by)
    owns: &'static [(&'static str, &'static str, Option<&'static str>)],
}

const HELD: &[Held] = &[
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
const LOSSES: &[(&str, &str, &str, i64, &str, &str)] = &[
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
const LEFT: &[(&str, &str, &str)] = &[
    ("D043", "Groenteboer Amersfoort", "2026-03-03T10:00:00Z"),
    ("D043", "Eikhout Logistiek B.V.", "2026-03-03T10:00:00Z"),
    ("D043", "Old Fleet BV", "2026-09-01T10:00:00Z"),
];

/// Head office already has an open lead for this company (so the ex-customer rule skips it).
const OPEN_LEAD_KVK: &str = "55500005";

/// The weeks each store exports, with the Monday after each.
const WEEKS: &[(&str, &str)] = &[
    ("2026-W03", "2026-01-19T09:00:00Z"),
    ("2026-W07", "2026-02-16T09:00:00Z"),
    ("2026-W10", "2026-03-09T09:00:00Z"),
    ("2026-W23", "2026-06-08T09:00:00Z"),
    ("2026-W36", "2026-09-07T09:00:00Z"),
];

const STORES: &[(&str, &str, &str)] = &[
    ("D042", "D042-anna", "Anna"),
    ("D042", "D042-bob", "Bob"),
    ("D043", "D043", "Carla"),
];

fn day(text: &str) -> Date {
    text[..10].parse().unwrap()
}

fn months(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().months(n)).unwrap()
}

/// What each programme should make, from the script alone: (programme, account, store, interest).
fn expected() -> BTreeSet<(String, String, String, String)> {
    let run = day(RUN_DAY);
    let mut out = BTreeSet::new();
    let mut companies = BTreeSet::new();
    for h in HELD {
        for (product, _, by) in h.owns {
            let company = h.kvk.map_or(h.name.to_string(), str::to_string);
            let due = by.is_some_and(|b| day(b) <= months(run, 6));
            if due && companies.insert((company, product.to_string(), *by)) {
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

struct Net {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
}

impl Net {
    fn store(&self, rid: &str) -> PathBuf {
        self.dir.join(format!("store-{rid}"))
    }
}

fn at(t: &str) -> jiff::Timestamp {
    t.parse().unwrap()
}

fn account_named(s: &Store, name: &str) -> Account {
    s.all_accounts()
        .map(Result::unwrap)
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("{name} in the store"))
}

/// The accounts and open deals, written in January as the dealer's view would.
fn hold_accounts(net: &Net) {
    let now = at("2026-01-13T10:00:00Z");
    for (_, rid, _) in STORES {
        let s = Store::open(&net.store(rid)).unwrap();
        let mut ws = WriteSet::new();
        for h in HELD.iter().filter(|h| h.store == *rid) {
            let mut a = Account::new(AccountId::generate(now), h.name, h.lifecycle, now);
            a.kvk = h.kvk.map(str::to_string);
            a.address.postcode = h.postcode.into();
            a.address.city = "Utrecht".into();
            for (product, bought, by) in h.owns {
                a.installed_base.push(InstalledProduct {
                    product: product.to_string(),
                    purchased_on: bought.parse().unwrap(),
                    replace_by: by.map(|b| b.parse().unwrap()),
                });
            }
            for (_, _, product, euros, _, _) in
                LOSSES.iter().filter(|l| l.0 == *rid && l.1 == h.name)
            {
                let mut o = Opportunity::new(
                    OpportunityId::generate(now),
                    a.id,
                    product,
                    Cents::euros(*euros),
                    Stage::Quote,
                    now,
                );
                o.details.product = product.to_string();
                ws.put(o);
            }
            ws.put(a);
        }
        s.commit(&ws, now).unwrap();
    }
}

/// The script's events up to `until`, each through the dealer's own commands.
fn live_until(net: &Net, from: &str, until: &str) {
    for (rid, account, product, _, reason, when) in LOSSES {
        if *when <= from || *when > until {
            continue;
        }
        let deal = {
            let s = Store::open(&net.store(rid)).unwrap();
            let a = account_named(&s, account);
            s.opportunities_of(a.id)
                .unwrap()
                .into_iter()
                .find(|o| o.details.product == *product)
                .unwrap()
                .id
        };
        dealer_ok(
            &net.store(rid),
            when,
            &[
                "log-visit",
                "--opportunity",
                &deal.to_string(),
                "--outcome",
                "order-lost",
                "--reason",
                reason,
            ],
        );
    }
    for (rid, account, when) in LEFT {
        if *when <= from || *when > until {
            continue;
        }
        let s = Store::open(&net.store(rid)).unwrap();
        let mut a = account_named(&s, account);
        a.lifecycle = Lifecycle::ExCustomer;
        wortel::ops::update_account(&s, a, at(when)).unwrap();
    }
}

fn export_and_ingest(net: &Net, week: &str, monday: &str) {
    for (_, rid, _) in STORES {
        let file = net.dir.join(format!("{rid}-{week}.zip"));
        dealer_ok(
            &net.store(rid),
            monday,
            &["export", "--week", week, "--out", file.to_str().unwrap()],
        );
        hq_ok(&net.db, monday, &["ingest", file.to_str().unwrap()]);
    }
}

fn network() -> Net {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().to_path_buf();
    let db = new_db(&dir);
    let key = dir.join("hq.pub");
    hq_ok(
        &db,
        SETUP,
        &[
            "init",
            "--name",
            "Truck NL",
            "--key-out",
            key.to_str().unwrap(),
        ],
    );
    hq_ok(
        &db,
        SETUP,
        &[
            "dealer",
            "add",
            "D042",
            "--name",
            "Utrecht Trucks",
            "--postcodes",
            "3500-3599",
        ],
    );
    hq_ok(
        &db,
        SETUP,
        &[
            "dealer",
            "add",
            "D043",
            "--name",
            "Amersfoort",
            "--postcodes",
            "3800-3899",
        ],
    );
    for (dealer, rid, who) in STORES {
        new_store(&dir, &db, SETUP, dealer, rid, who);
    }
    let net = Net { _dir: d, dir, db };
    hold_accounts(&net);
    let mut from = SETUP;
    for (week, monday) in WEEKS {
        live_until(&net, from, monday);
        export_and_ingest(&net, week, monday);
        from = monday;
    }
    let open = net.dir.join("open.ndjson");
    std::fs::write(
        &open,
        format!(r#"{{"id":"HQ-2026-000900","received_at":"2026-11-20T08:00:00Z","source":{{"channel":"web"}},"score":40,"interest":"FH 16","account":{{"name":"Eikhout Logistiek B.V.","kvk":"{OPEN_LEAD_KVK}","address":{{"postcode":"3812 AB"}}}}}}"#) + "\n",
    )
    .unwrap();
    hq_ok(&net.db, RUN, &["leads", "add", open.to_str().unwrap()]);
    net
}

fn add_programmes(db: &Path) {
    hq_ok(
        db,
        RUN,
        &[
            "programme",
            "add",
            "replacements",
            "--rule",
            "replacement",
            "--campaign",
            "Replacement 2027",
        ],
    );
    hq_ok(
        db,
        RUN,
        &["programme", "add", "winback-lost", "--rule", "lost-order"],
    );
    hq_ok(
        db,
        RUN,
        &[
            "programme",
            "add",
            "winback-ex",
            "--rule",
            "ex-customer",
            "--months",
            "6",
            "--campaign",
            "Welcome back",
        ],
    );
}

fn made(run: &Value) -> BTreeSet<(String, String, String, String)> {
    run.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let s = |k: &str| m[k].as_str().unwrap().to_string();
            (s("programme"), s("account"), s("store"), s("interest"))
        })
        .collect()
}

#[test]
fn programmes_make_the_scripts_leads_once_and_route_them_to_the_stores_that_showed_them() {
    let net = network();
    let db = &net.db;
    add_programmes(db);
    let listed = hq_ok(db, RUN, &["programme", "list", "--json"]).json();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["replacements", "winback-ex", "winback-lost"],
        "by name"
    );
    assert_eq!(listed[0]["months"], 6, "replacement's default");
    assert_eq!(listed[1]["months"], 6);
    assert_eq!(listed[2]["months"], 9, "lost-order's default");
    assert_eq!(
        listed[2]["reasons"],
        serde_json::json!(["price", "delivery time", "no decision"])
    );
    let want = expected();
    assert_eq!(want.len(), 4, "the script implies four leads: {want:?}");

    // A dry run lists them and why, and changes nothing.
    let before = dump(db);
    let dry = hq_ok(db, RUN, &["programme", "run", "--dry-run", "--json"]).json();
    assert_eq!(made(&dry), want);
    assert_eq!(dump(db), before, "the dry run changed the database");
    let text = hq_ok(db, RUN, &["programme", "run", "--dry-run"]).stdout;
    assert!(
        text.contains(
            "Transport Jansen B.V. owns R 450 tractor, due for replacement by 2027-03-15"
        ),
        "{text}"
    );
    assert!(
        text.contains("4 new leads would be made (dry run: nothing changed)"),
        "{text}"
    );

    // The run makes exactly those, once.
    let run = hq_ok(db, RUN, &["programme", "run", "--json"]).json();
    assert_eq!(made(&run), want);
    assert!(
        run.as_array()
            .unwrap()
            .iter()
            .all(|m| m["new_lead"] == true)
    );
    let again = hq_ok(db, RUN, &["programme", "run", "--json"]).json();
    assert_eq!(again, serde_json::json!([]), "a second run makes nothing");
    let listed = hq_ok(db, RUN, &["programme", "list", "--json"]).json();
    let counts: Vec<i64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["leads"].as_i64().unwrap())
        .collect();
    assert_eq!(
        counts,
        vec![2, 1, 1],
        "leads per programme (replacements, winback-ex, winback-lost)"
    );

    // The lost order's lead carries the loss; every lead its programme's campaign.
    let pool = hq_ok(db, RUN, &["leads", "list", "--json"]).json();
    let lead_of = |account: &str| {
        let id = run
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["account"] == account)
            .unwrap()["lead_id"]
            .clone();
        let record = query(
            db,
            &format!(
                "SELECT record FROM leads WHERE id = '{}'",
                id.as_str().unwrap()
            ),
        );
        serde_json::from_str::<Value>(record[0][0].as_deref().unwrap()).unwrap()
    };
    let lost = lead_of("Bakkerij de Vries");
    assert_eq!(lost["source"]["campaign"], "winback-lost");
    assert_eq!(
        lost["signals"],
        serde_json::json!([
            "lost on 2026-02-10",
            "lost reason: price",
            "lost value: € 95.000,00"
        ])
    );
    assert!(
        lost["notes"]
            .as_str()
            .unwrap()
            .contains("FH 500 tractor lost on 2026-02-10 for price, worth € 95.000,00")
    );
    assert_eq!(
        lead_of("Groenteboer Amersfoort")["source"]["campaign"],
        "Welcome back"
    );
    assert_eq!(
        lead_of("Kipperbedrijf Vos")["signals"],
        serde_json::json!(["replacement of Kipper K8 due 2026-12-20"])
    );
    assert!(pool.as_array().unwrap().len() >= 5);

    // Route: each to the store whose feedback showed the cause (the bakery is in D043's area).
    let routed = hq_ok(db, RUN, &["route", "--json"]).json();
    for m in run.as_array().unwrap() {
        let d = routed["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["lead_id"] == m["lead_id"])
            .unwrap();
        assert_eq!(d["store"], m["store"], "{d}");
        assert!(
            d["reason"]
                .as_str()
                .unwrap()
                .starts_with("programme lead from"),
            "{d}"
        );
    }
    dealer_side_agrees(&net, &run);
}

/// The stores import head office's leads; their own rule then sees those replacements covered.
fn dealer_side_agrees(net: &Net, run: &Value) {
    let out = net.dir.join("out");
    hq_ok(&net.db, RUN, &["send", "--out", out.to_str().unwrap()]);
    let hq_lead = |account: &str| {
        run.as_array()
            .unwrap()
            .iter()
            .find(|m| m["account"] == account)
            .unwrap()["lead_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for rid in ["D042-anna", "D043"] {
        let bundle = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with(&format!("{rid}-"))
            })
            .unwrap();
        dealer_ok(&net.store(rid), RUN, &["import", bundle.to_str().unwrap()]);
    }
    // Anna: Jansen's tractor is due and covered by head office's lead; the trailer is not due.
    let anna = dealer_ok(
        &net.store("D042-anna"),
        RUN,
        &["leads", "due-replacements", "--json"],
    )
    .json();
    assert_eq!(anna.as_array().unwrap().len(), 1, "{anna}");
    assert_eq!(anna[0]["product"], "R 450 tractor");
    assert_eq!(anna[0]["lead_id"], hq_lead("Transport Jansen B.V."));
    let made = dealer_ok(
        &net.store("D042-anna"),
        RUN,
        &["leads", "due-replacements", "--create", "--json"],
    )
    .json();
    assert_eq!(
        made[0]["created"], false,
        "head office's lead is not made again"
    );
    // Carla: the same rule as head office's programme, the same product, covered.
    let carla = dealer_ok(
        &net.store("D043"),
        RUN,
        &["leads", "due-replacements", "--months", "6", "--json"],
    )
    .json();
    assert_eq!(carla.as_array().unwrap().len(), 1);
    assert_eq!(carla[0]["product"], "Kipper K8");
    assert_eq!(carla[0]["lead_id"], hq_lead("Kipperbedrijf Vos"));
    // Bob got no lead from head office (Anna did): his store makes its own, once.
    let bob = net.store("D042-bob");
    let first = dealer_ok(
        &bob,
        RUN,
        &["leads", "due-replacements", "--create", "--json"],
    )
    .json();
    assert_eq!(first[0]["created"], true);
    let second = dealer_ok(
        &bob,
        RUN,
        &["leads", "due-replacements", "--create", "--json"],
    )
    .json();
    assert_eq!(second[0]["created"], false);
    assert_eq!(second[0]["lead_id"], first[0]["lead_id"]);
    let text = dealer_ok(&bob, RUN, &["leads", "due-replacements", "--months", "1"]).stdout;
    assert!(
        text.contains("no replacements due within 1 month"),
        "{text}"
    );
    let s = Store::open(&bob).unwrap();
    assert_eq!(
        wortel::ops::replacements_due_this_quarter(&s, day(RUN_DAY)).unwrap(),
        0,
        "covered now"
    );
}

#[test]
fn bad_programmes_are_refused_in_one_sentence() {
    let d = tempfile::tempdir().unwrap();
    let db = new_db(d.path());
    hq_ok(&db, SETUP, &["init", "--name", "Truck NL"]);
    for (args, says) in [
        (
            vec!["programme", "add", "Bad Name", "--rule", "replacement"],
            "is not 1 to 32 lower-case letters",
        ),
        (
            vec!["programme", "add", "x", "--rule", "birthday"],
            "rule `birthday` is unknown",
        ),
        (
            vec![
                "programme",
                "add",
                "x",
                "--rule",
                "replacement",
                "--months",
                "500",
            ],
            "--months 500 is outside 0 to 120",
        ),
        (
            vec![
                "programme",
                "add",
                "x",
                "--rule",
                "replacement",
                "--reasons",
                "price",
            ],
            "--reasons is for lost-order programmes only",
        ),
        (
            vec!["programme", "run", "nothing"],
            "there is no programme nothing",
        ),
    ] {
        let before = dump(&db);
        let r = hq(&db, SETUP, &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stdout);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
        assert_eq!(dump(&db), before);
    }
    hq_ok(
        &db,
        SETUP,
        &["programme", "add", "x", "--rule", "replacement"],
    );
    let r = hq(
        &db,
        SETUP,
        &["programme", "add", "x", "--rule", "ex-customer"],
    );
    assert!(
        r.stderr.contains("programme x exists already"),
        "{}",
        r.stderr
    );
    let empty = hq_ok(&db, SETUP, &["programme", "run"]).stdout;
    assert!(empty.contains("0 new leads made"), "{empty}");
}
