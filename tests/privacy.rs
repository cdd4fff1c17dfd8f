//! The rights of the people in the store: access (`privacy export`) and erasure (`privacy
//! erase`) — after which the person's name, phone and e-mail occur nowhere in the store's
//! files, everyone else's data is as it was, and the next feedback bundle carries a tombstone.

mod common;
use common::store_files::{exported_erasures, files_contain};
use common::{NOW, stdout_of, wortel};

use serde_json::Value;
use std::path::Path;
use wortel::store::Store;

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = wortel(&store)
        .args(["demo", "--no-tui", "--leads", "80", "--seed", "9"])
        .output()
        .unwrap();
    assert!(out.status.success());
    (dir, store)
}

/// A contact whose name is unique in the store and who has a phone and an e-mail.
fn someone(store: &Path) -> wortel::domain::Contact {
    let s = Store::open(store).unwrap();
    let all: Vec<_> = s.all_contacts().map(|c| c.unwrap()).collect();
    all.iter()
        .find(|c| {
            !c.phone.is_empty()
                && !c.email.is_empty()
                && all.iter().filter(|o| o.name == c.name).count() == 1
        })
        .unwrap()
        .clone()
}

#[test]
fn access_gives_everything_held_about_a_person_as_one_document() {
    let (_d, store) = setup();
    let c = someone(&store);
    let out = wortel(&store)
        .args(["privacy", "export", &c.name])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["person"]["name"], c.name.as_str());
    assert_eq!(doc["person"]["email"], c.email.as_str());
    assert_eq!(doc["consent"].as_array().unwrap().len(), c.consent.len());
    assert!(doc["account"]["name"].is_string());
    // By id too.
    let out = wortel(&store)
        .args(["privacy", "export", &c.id.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn an_ambiguous_name_is_refused_with_the_candidates() {
    let (_d, store) = setup();
    let c = someone(&store);
    {
        let s = Store::open(&store).unwrap();
        let mut twin = c.clone();
        twin.id = wortel::domain::ContactId::generate(NOW.parse().unwrap());
        let mut ws = wortel::store::WriteSet::new();
        ws.put(twin);
        s.commit(&ws, NOW.parse().unwrap()).unwrap();
    }
    for cmd in [vec!["privacy", "export"], vec!["privacy", "erase", "--yes"]] {
        let out = wortel(&store).args(&cmd).arg(&c.name).output().unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with(&format!("wortel: \"{}\" names 2 people: ", c.name)),
            "{err}"
        );
        assert!(err.contains(&c.id.to_string()), "{err}");
    }
}

#[test]
fn erasure_leaves_no_trace_in_the_files_and_a_tombstone_for_head_office() {
    let (dir, store) = setup();
    let c = someone(&store);
    // A note that mentions the person by name.
    let lead = {
        let s = Store::open(&store).unwrap();
        s.leads_of(c.account_id).unwrap()[0].id.to_string()
    };
    let out = wortel(&store)
        .args(["log-visit", "--lead", &lead, "--outcome", "5", "--note"])
        .arg(format!("Gesproken met {}, belt terug.", c.name))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for needle in [&c.name, &c.phone, &c.email] {
        assert!(
            files_contain(&store, needle.as_bytes()),
            "the test can see {needle} before"
        );
    }
    let others_before: Vec<_> = {
        let s = Store::open(&store).unwrap();
        s.all_contacts()
            .map(|x| x.unwrap())
            .filter(|x| x.id != c.id)
            .collect()
    };

    // Without a terminal and without --yes, nothing happens.
    let out = wortel(&store)
        .args(["privacy", "erase"])
        .arg(&c.name)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "wortel: erasing {} cannot be undone; confirm on a terminal, or pass --yes in a script\n",
            c.name
        )
    );

    let out = wortel(&store)
        .args(["privacy", "erase", "--yes"])
        .arg(&c.name)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for needle in [&c.name, &c.phone, &c.email] {
        assert!(
            !files_contain(&store, needle.as_bytes()),
            "{needle} is still in the store's files"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no old copy of the store is left beside it: {leftovers:?}"
    );
    let s = Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    assert!(s.contact(c.id).unwrap().is_none());
    let others_after: Vec<_> = s.all_contacts().map(|x| x.unwrap()).collect();
    assert_eq!(others_after, others_before, "everyone else is as they were");
    let note = &s.activities_of(c.account_id, 1).unwrap()[0].note;
    assert_eq!(note, "Gesproken met [erased], belt terug.");
    drop(s);

    // The next feedback bundle tells head office.
    let erasures = exported_erasures(&store, &dir.path().join("fb.zip"));
    assert_eq!(erasures.len(), 1);
    assert_eq!(erasures[0]["contact_id"], c.id.to_string());
    assert!(!files_contain(&store, c.name.as_bytes()));
}

#[test]
fn consent_is_withdrawn_as_easily_as_given_and_the_history_stays() {
    let (_d, store) = setup();
    let c = someone(&store);
    let today = jiff::civil::date(2026, 11, 23);
    let out = wortel(&store)
        .args([
            "privacy",
            "consent",
            &c.name,
            "--give",
            "marketing",
            "--source",
            "telefoon",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        Store::open(&store)
            .unwrap()
            .contact(c.id)
            .unwrap()
            .unwrap()
            .has_consent(wortel::domain::ConsentPurpose::Marketing, today)
    );
    let out = wortel(&store)
        .args(["privacy", "consent", &c.name, "--withdraw", "marketing"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{}: marketing consent withdrawn (kept in the history)\n",
            c.name
        )
    );
    let after = Store::open(&store).unwrap().contact(c.id).unwrap().unwrap();
    assert!(!after.has_consent(wortel::domain::ConsentPurpose::Marketing, today));
    assert!(
        after
            .consent
            .iter()
            .any(|x| x.purpose == wortel::domain::ConsentPurpose::Marketing
                && x.withdrawn_at == Some(today)),
        "withdrawn, and kept: {:?}",
        after.consent
    );
    let out = wortel(&store)
        .args(["privacy", "consent", &c.name, "--withdraw", "newsletters"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wortel: `newsletters` is not a consent purpose; use sales-contact or marketing\n"
    );
}

/// `wortel` with the clock set to `now` and the config directory `config`.
fn at(store: &Path, now: &str, config: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("wortel").unwrap();
    c.env("WORTEL_NOW", now)
        .env("TZ", "Europe/Amsterdam")
        .env("WORTEL_CONFIG", config)
        .arg("--store")
        .arg(store);
    c
}

#[test]
fn retention_purges_what_is_past_its_period_and_nothing_else() {
    let (dir, store) = setup();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[retention]\nrejected-leads = 30\ndisqualified-leads = 60\nex-customers = 365\n",
    )
    .unwrap();
    // Reject a lead with a note today.
    let lead = {
        let s = Store::open(&store).unwrap();
        s.all_leads()
            .map(|l| l.unwrap())
            .find(|l| l.status == wortel::domain::LeadStatus::New && l.contact_id.is_some())
            .unwrap()
    };
    let out = at(&store, NOW, &config)
        .args([
            "log-visit",
            "--lead",
            &lead.id.to_string(),
            "--outcome",
            "7",
            "--note",
            "wil niet",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Ten days on nothing of it is due; in 2029 it is, and so are ex-customers idle since 2026.
    let soon = "2026-12-03T09:00:00Z";
    let out = at(&store, soon, &config)
        .args(["privacy", "purge", "--dry-run"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains(&lead.id.to_string()));
    let later = "2029-01-15T09:00:00Z";
    let before = {
        let s = Store::open(&store).unwrap();
        (s.all_contacts().count(), s.last_seq().unwrap())
    };
    let out = at(&store, later, &config)
        .args(["privacy", "purge", "--dry-run"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("dry run: nothing changed"), "{text}");
    assert_eq!(
        {
            let s = Store::open(&store).unwrap();
            (s.all_contacts().count(), s.last_seq().unwrap())
        },
        before,
        "a dry run changes nothing"
    );
    // A backup beside the store, taken before the purge, loses the purged people too.
    let folder = wortel::store::backup::backups_dir(&store);
    std::fs::create_dir_all(&folder).unwrap();
    let kept = folder.join("backup-2026-11-22.zip");
    assert!(
        at(&store, later, &config)
            .arg("backup")
            .arg(&kept)
            .output()
            .unwrap()
            .status
            .success()
    );
    let out = at(&store, later, &config)
        .args(["privacy", "purge"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("; 1 backup rewritten without the erased people"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let restored = store.with_file_name("from-backup");
    assert!(
        at(&restored, later, &config)
            .arg("restore")
            .arg(&kept)
            .output()
            .unwrap()
            .status
            .success()
    );
    let left: Vec<_> = {
        let s = Store::open(&store).unwrap();
        s.all_contacts().map(|c| c.unwrap().id).collect()
    };
    let from_backup: Vec<_> = {
        let s = Store::open(&restored).unwrap();
        s.all_contacts().map(|c| c.unwrap().id).collect()
    };
    assert_eq!(from_backup, left, "the backup holds no purged person");
    let s = Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    let purged = s.lead(lead.id).unwrap().unwrap();
    assert_eq!((purged.notes.as_str(), purged.contact_id), ("", None));
    assert_eq!(
        purged.status,
        wortel::domain::LeadStatus::Disqualified,
        "the outcome stays"
    );
    for a in s.all_accounts().map(|a| a.unwrap()) {
        if a.lifecycle == wortel::domain::Lifecycle::ExCustomer
            && a.last_activity_at.unwrap_or(a.updated_at) < "2028-01-16T09:00:00Z".parse().unwrap()
        {
            assert!(
                s.contacts_of(a.id).unwrap().is_empty(),
                "{} keeps contacts",
                a.name
            );
        }
    }
    assert!(s.all_contacts().count() < before.0);
    drop(s);
    let out = at(&store, later, &config)
        .args(["privacy", "purge"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "nothing is past its retention period\n"
    );
}

/// Two ex-customers idle since early 2026, each with an order won in June 2025: a company
/// (its order titled and noted with the contact's name, an activity linked to the contact, the
/// lead it came from with notes) and an owner-driver, whose account is the person.
fn won_orders(store: &Path) -> [(wortel::domain::Account, wortel::domain::Opportunity); 2] {
    use wortel::domain::*;
    let s = Store::open(store).unwrap();
    let now: jiff::Timestamp = NOW.parse().unwrap();
    let won_at: jiff::Timestamp = "2025-06-02T10:00:00Z".parse().unwrap();
    let idle: jiff::Timestamp = "2026-01-05T10:00:00Z".parse().unwrap();
    let mut picked = s.all_accounts().map(|a| a.unwrap()).filter(|a| {
        a.lifecycle == Lifecycle::ExCustomer && !s.contacts_of(a.id).unwrap().is_empty()
    });
    let template = s.all_activities().next().unwrap().unwrap();
    let mut out = Vec::new();
    let mut ws = wortel::store::WriteSet::new();
    for person in [false, true] {
        let mut a = picked.next().expect("two ex-customers with contacts");
        let c = s.contacts_of(a.id).unwrap().remove(0);
        a.last_activity_at = Some(idle);
        a.updated_at = idle;
        if person {
            a.kind = AccountKind::Person;
            a.name = c.name.clone();
            a.address.street = "Bakkerstraat 9".into();
        }
        let mut o = Opportunity::new(
            OpportunityId::generate(now),
            a.id,
            &format!("Order {}", c.name),
            Cents(8_450_000),
            Stage::Won,
            won_at,
        );
        o.owner = "Demo Verkoper".into();
        o.stage_entered_at = won_at;
        let lead = s.leads_of(a.id).unwrap().into_iter().next();
        if let Some(mut l) = lead.filter(|l| l.opportunity_id.is_none()) {
            o.lead_id = Some(l.id);
            l.notes = format!("Tip van {}", c.name);
            ws.put(l);
        }
        let mut act = template.clone();
        act.id = ActivityId::generate(now);
        act.account_id = a.id;
        act.lead_id = None;
        act.opportunity_id = Some(o.id);
        act.contact_id = Some(c.id);
        act.note = format!("{} tekende de order", c.name);
        act.at = won_at;
        ws.put(act);
        ws.put(a.clone());
        ws.put(o.clone());
        out.push((a, o));
    }
    s.commit(&ws, now).unwrap();
    [out.remove(0), out.remove(0)]
}

#[test]
fn won_orders_keep_bookkeeping_for_seven_years_and_lose_personal_fields_when_their_period_ends() {
    let (dir, store) = setup();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[retention]\nex-customers = 365\nwon-orders = 2557\n",
    )
    .unwrap();
    let [(company, order), (person, person_order)] = won_orders(&store);

    // 2027-06: the ex-customers' year is over. The orders keep value, stage and dates but lose
    // title, notes and contact links; the owner-driver keeps the name and street an invoice needs.
    let text = stdout_of(at(&store, "2027-06-01T09:00:00Z", &config).args(["privacy", "purge"]));
    assert!(
        text.contains("2 won orders of those ex-customers lose their title, notes and contact links (value and dates stay for bookkeeping); 0 won orders older than 2,557 days are anonymised"),
        "{text}"
    );
    let s = Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    for (a, o) in [(&company, &order), (&person, &person_order)] {
        let kept = s.opportunity(o.id).unwrap().unwrap();
        assert_eq!(kept.title, "won order");
        assert_eq!(
            (
                kept.value,
                kept.stage,
                kept.stage_entered_at,
                kept.owner.as_str()
            ),
            (o.value, o.stage, o.stage_entered_at, "Demo Verkoper"),
            "bookkeeping stays"
        );
        for act in s.activities_of(a.id, usize::MAX).unwrap() {
            if act.opportunity_id == Some(o.id) {
                assert_eq!((act.note.as_str(), act.contact_id), ("", None));
            }
        }
        if let Some(l) = o.lead_id {
            let l = s.lead(l).unwrap().unwrap();
            assert_eq!((l.notes.as_str(), l.contact_id), ("", None));
        }
        assert!(s.contacts_of(a.id).unwrap().is_empty());
    }
    let p = s.account(person.id).unwrap().unwrap();
    assert_eq!(
        (p.name.as_str(), p.address.street.as_str()),
        (person.name.as_str(), "Bakkerstraat 9")
    );
    drop(s);

    // 2032-07: seven years after the win the orders are anonymised; the person's account too.
    let text = stdout_of(at(&store, "2032-07-01T09:00:00Z", &config).args(["privacy", "purge"]));
    assert!(
        text.contains("2 won orders older than 2,557 days are anonymised"),
        "{text}"
    );
    let s = Store::open(&store).unwrap();
    assert!(s.check().unwrap().is_ok());
    for o in [&order, &person_order] {
        let kept = s.opportunity(o.id).unwrap().unwrap();
        assert_eq!(
            (
                kept.title.as_str(),
                kept.owner.as_str(),
                kept.value,
                kept.stage_entered_at
            ),
            ("won order", "", o.value, o.stage_entered_at),
            "the value and dates stay, so the funnel's history does"
        );
    }
    let p = s.account(person.id).unwrap().unwrap();
    assert!(p.name.starts_with("Erased person"), "{}", p.name);
    assert_eq!(p.address.street, "");
    assert_eq!(
        s.account(company.id).unwrap().unwrap().name,
        company.name,
        "a company is no person"
    );
    drop(s);
    assert!(!files_contain(&store, b"Bakkerstraat 9"), "compacted");
    let out = at(&store, "2032-07-01T09:00:00Z", &config)
        .args(["privacy", "purge", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "nothing is past its retention period\n",
        "nothing is done twice"
    );
}

#[test]
fn the_won_orders_period_is_read_from_the_config() {
    use wortel::ops::RetentionPolicy;
    let p =
        RetentionPolicy::from_config("config.toml", "[retention]\nwon-orders = 3000\n").unwrap();
    assert_eq!(p.won_order_days, 3000);
    assert_eq!(RetentionPolicy::default().won_order_days, 2557);
    assert_eq!(
        RetentionPolicy::from_config("config.toml", "[retention]\nwon-order = 3000\n").unwrap_err(),
        "config.toml: `won-order` is not a retention period; [retention] knows rejected-leads, disqualified-leads, ex-customers and won-orders"
    );
}

/// An owner-driver's appointments carry their name ("Appointment: NAME (eigen rijder)") and
/// their home as the place: an erasure removes both from the files too.
#[test]
fn erasing_an_owner_driver_clears_their_appointments() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    common::demo(&store, 300, 11);
    let (name, place) = {
        let s = Store::open(&store).unwrap();
        let contacts: Vec<_> = s.all_contacts().map(|c| c.unwrap()).collect();
        s.all_appointments()
            .map(|a| a.unwrap())
            .find_map(|ap| {
                let account = s.account(ap.account_id).unwrap()?;
                let c = contacts.iter().find(|c| {
                    c.account_id == account.id
                        && account.kind == wortel::domain::AccountKind::Person
                        && ap.title.contains(&c.name)
                        && !ap.location.is_empty()
                        && contacts.iter().filter(|o| o.name == c.name).count() == 1
                })?;
                Some((c.name.clone(), ap.location.clone()))
            })
            .expect("the demo has an owner-driver with an appointment")
    };
    assert!(files_contain(&store, name.as_bytes()));
    let out = wortel(&store)
        .args(["privacy", "erase", &name, "--yes"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !files_contain(&store, name.as_bytes()),
        "{name} is still in the files"
    );
    assert!(
        !files_contain(&store, place.as_bytes()),
        "{place} is still in the files"
    );
}

/// Text typed on the command line reaches the store without escape sequences: a note that
/// would retitle the pane, clear the screen and write the terminal's clipboard, and a consent
/// source with a bell and a cursor move.
#[test]
fn escape_sequences_typed_on_the_command_line_are_not_stored() {
    let (_d, store) = setup();
    let c = someone(&store);
    let hostile = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}y";
    stdout_of(wortel(&store).args(["privacy", "consent", &c.name, "--withdraw", "marketing"]));
    let out = wortel(&store)
        .args([
            "privacy",
            "consent",
            &c.name,
            "--give",
            "marketing",
            "--source",
        ])
        .arg(format!("tel\u{7}\u{1b}[1Afoon{hostile}"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lead = common::list(&store, &["leads", "--json"])
        .into_iter()
        .find(|l| l["status"] == "new")
        .unwrap();
    let id = lead["id"].as_str().unwrap().to_string();
    let out = wortel(&store)
        .args([
            "log-visit",
            "--lead",
            &id,
            "--outcome",
            "5",
            "--note",
            hostile,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dump = common::store_files::dump(&store);
    let all: String = dump.values().cloned().collect();
    assert!(
        !all.contains("\\u001b") && !all.contains("\\u0007"),
        "{all}"
    );
    assert!(
        all.contains("\"telfoonxy\""),
        "the source is kept, cleaned: {all}"
    );
    assert!(all.contains("\"xy\""), "the note is kept, cleaned");
}
