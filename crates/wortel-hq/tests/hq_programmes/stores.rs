//! The three stores living the script through their own commands (and, where the dealer's CLI
//! has none, the store in-process as the view would write it), exporting each week's feedback
//! for head office to ingest.

use crate::script::*;
use crate::support::*;
use std::path::PathBuf;
use wortel::domain::*;
use wortel::store::{Store, WriteSet};

pub struct Net {
    pub _dir: tempfile::TempDir,
    pub dir: PathBuf,
    pub db: PathBuf,
}

impl Net {
    pub fn store(&self, rid: &str) -> PathBuf {
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
    for (rid, when, account) in DEALER_MADE {
        if *when <= from || *when > until {
            continue;
        }
        let args = [
            "leads",
            "due-replacements",
            "--months",
            "5",
            "--create",
            "--json",
        ];
        let made = dealer_ok(&net.store(rid), when, &args).json();
        assert_eq!(made.as_array().unwrap().len(), 1, "{made}");
        assert_eq!(made[0]["account"], *account);
        assert_eq!(made[0]["created"], true);
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

pub fn network() -> Net {
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
