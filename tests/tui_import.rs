//! Importing a bundle from the TUI: `I`, the path, Enter; the inbox shows what arrived, and a
//! bad path or bundle is said in the form without touching the store.

mod tui_support;
use tui_support::*;
use wortel::tui::overlays::Overlay;

#[test]
fn i_imports_a_bundle_and_the_inbox_shows_the_new_leads() {
    let (dir, _p, mut app) = demo_app();
    let bytes = wortel::demo::bundle::sample_leads_bundle(app.store(), 7, now(), 25).unwrap();
    let file = dir.path().join("hq.zip");
    std::fs::write(&file, bytes).unwrap();
    let before = app.inbox().len();
    press(&mut app, "I");
    type_text(&mut app, &file.display().to_string());
    press(&mut app, "enter");
    assert!(
        app.overlay().is_none(),
        "{:?}",
        match app.overlay() {
            Some(Overlay::Form(f)) => f.error.clone(),
            _ => None,
        }
    );
    assert!(
        app.status().text.contains("25 new leads"),
        "{}",
        app.status().text
    );
    assert_eq!(app.inbox().len(), before + 25);
    // Again: already imported, nothing changes.
    press(&mut app, "I");
    type_text(&mut app, &file.display().to_string());
    press(&mut app, "enter");
    assert!(
        app.status().text.contains("already imported"),
        "{}",
        app.status().text
    );
    assert_eq!(app.inbox().len(), before + 25);
}

#[test]
fn leads_imported_in_the_view_are_found_by_the_filter_once_the_index_is_rebuilt() {
    let (dir, _p, mut app) = demo_app();
    let bytes = wortel::demo::bundle::sample_leads_bundle(app.store(), 7, now(), 25).unwrap();
    let file = dir.path().join("hq.zip");
    std::fs::write(&file, bytes).unwrap();
    press(&mut app, "I");
    type_text(&mut app, &file.display().to_string());
    press(&mut app, "enter");
    let started = std::time::Instant::now();
    while app.index().is_building() {
        assert!(started.elapsed().as_secs() < 30, "the index is rebuilt");
        app.tick();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    press(&mut app, "/");
    type_text(&mut app, "HQ-DEMO-000017");
    assert_eq!(app.inbox().len(), 1, "the new lead is found by its id");
    let lead = selected_lead(&app);
    assert_eq!(lead.external_id.as_deref(), Some("HQ-DEMO-000017"));
}

#[test]
fn a_bad_path_or_file_is_said_in_the_form() {
    let (dir, _p, mut app) = demo_app();
    let seq = app.store().last_seq().unwrap();
    press(&mut app, "I");
    type_text(&mut app, "/nowhere/leads.zip");
    press(&mut app, "enter");
    let Some(Overlay::Form(f)) = app.overlay() else {
        panic!("the form stays open")
    };
    assert!(
        f.error
            .as_deref()
            .unwrap()
            .starts_with("/nowhere/leads.zip cannot be read"),
        "{:?}",
        f.error
    );
    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"not a zip").unwrap();
    press(&mut app, "ctrl-u");
    type_text(&mut app, &junk.display().to_string());
    press(&mut app, "enter");
    let Some(Overlay::Form(f)) = app.overlay() else {
        panic!("the form stays open")
    };
    assert_eq!(
        f.error.as_deref(),
        Some(
            "the file is not a readable zip archive; it is not a bundle, or it is damaged: ask for it again"
        )
    );
    assert_eq!(app.store().last_seq().unwrap(), seq);
}

#[test]
fn an_erasure_request_in_a_bundle_is_applied_and_counted_in_the_status_line() {
    use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
    let (dir, path, mut app) = demo_app();
    let person = app
        .store()
        .all_contacts()
        .map(|c| c.unwrap())
        .find(|c| !c.email.is_empty())
        .unwrap();
    let erasures = format!(
        "{}\n{}\n",
        serde_json::json!({"request_id": "ER-T-1", "requested_at": "2026-11-20", "email": person.email}),
        serde_json::json!({"request_id": "ER-T-2", "requested_at": "2026-11-20", "phone": "+31 6 00000001"}),
    );
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: "HQ-TUI-ERASE".into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence: 1,
        created_at: now(),
        period: None,
        files: vec![],
    };
    let key = wortel::demo::bundle::head_office_key(7);
    let bytes = wortel::bundle::write::write_bundle(
        manifest,
        &[("erasures.ndjson", erasures.into_bytes())],
        Some(&key),
    )
    .unwrap();
    let file = dir.path().join("erase.zip");
    std::fs::write(&file, bytes).unwrap();
    press(&mut app, "I");
    type_text(&mut app, &file.display().to_string());
    press(&mut app, "enter");
    assert!(app.overlay().is_none(), "the form closed");
    assert!(
        app.status().text.contains(
            "2 erasure requests applied (1 contacts erased, 1 not found); the store's files are rewritten without them when you quit"
        ),
        "{}",
        app.status().text
    );
    assert!(app.store().contact(person.id).unwrap().is_none());
    drop(app);
    // Quitting rewrites the files (what `wortel` does when the view closes).
    assert!(wortel::store::Store::compact_if_pending(&path).unwrap());
    assert!(!wortel::store::Store::compact_if_pending(&path).unwrap());
}

/// The benchmarks overlay tells the user to import a benchmark bundle with `I`: that works.
#[test]
fn i_imports_a_benchmark_bundle_and_b_shows_its_figures() {
    use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
    let (dir, _p, mut app) = demo_app();
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Benchmark,
        id: "HQ-BENCH-TUI".into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence: 1,
        created_at: now(),
        period: None,
        files: vec![],
    };
    let figures = format!(
        "{}\n{}\n",
        serde_json::json!({"measure": "win_rate", "value": 61}),
        serde_json::json!({"measure": "nps", "value": 42}),
    );
    let bytes = wortel::bundle::write::write_bundle(
        manifest,
        &[("benchmarks.ndjson", figures.into_bytes())],
        Some(&wortel::demo::bundle::head_office_key(7)),
    )
    .unwrap();
    let file = dir.path().join("bench.zip");
    std::fs::write(&file, bytes).unwrap();
    press(&mut app, "I");
    type_text(&mut app, &file.display().to_string());
    press(&mut app, "enter");
    assert!(
        app.overlay().is_none(),
        "{:?}",
        match app.overlay() {
            Some(Overlay::Form(f)) => f.error.clone(),
            _ => None,
        }
    );
    assert!(
        app.status().text.contains("2 network figures"),
        "{}",
        app.status().text
    );
    press(&mut app, "B");
    let frame = render(&mut app, 120, 40);
    assert!(
        frame.contains("network figures from HQ-BENCH-TUI"),
        "{frame}"
    );
    press(&mut app, "esc I");
    type_text(&mut app, &file.display().to_string());
    press(&mut app, "enter");
    assert!(
        app.status().text.contains("already imported"),
        "{}",
        app.status().text
    );
}

/// A signed leads bundle holding only erasure requests for these e-mail addresses.
fn erasure_bundle(id: &str, emails: &[&str]) -> Vec<u8> {
    use wortel::bundle::manifest::{FORMAT, Kind, Manifest, VERSION};
    let lines: String = emails
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let request = format!("ER-{id}-{i}");
            format!(
                "{}\n",
                serde_json::json!({"request_id": request, "requested_at": "2026-11-20", "email": e})
            )
        })
        .collect();
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        kind: Kind::Leads,
        id: id.into(),
        from: "head-office".into(),
        to: "DEMO".into(),
        sequence: 1,
        created_at: now(),
        period: None,
        files: vec![],
    };
    let key = wortel::demo::bundle::head_office_key(7);
    wortel::bundle::write::write_bundle(
        manifest,
        &[("erasures.ndjson", lines.into_bytes())],
        Some(&key),
    )
    .unwrap()
}

/// Edit a contact, import a bundle whose erasure request erases that person, `u`: the erased
/// data used to come back while the tombstone stayed. Now the step is dropped by the import and
/// the erasure stands.
#[test]
fn undo_after_an_import_that_erased_the_person_does_not_bring_them_back() {
    let (dir, _p, mut app) = demo_app();
    let account = rich_account(&app);
    app.open_account(account);
    let person = app.store().contacts_of(account).unwrap()[0].clone();
    assert!(!person.email.is_empty(), "the demo contact has an e-mail");
    press(&mut app, "c 2 tab ctrl-u");
    type_text(&mut app, "inkoper");
    press(&mut app, "enter");
    assert_eq!(
        app.store().contact(person.id).unwrap().unwrap().role,
        "inkoper"
    );
    let file = dir.path().join("erase.zip");
    std::fs::write(&file, erasure_bundle("HQ-ERASE-UNDO", &[&person.email])).unwrap();
    press(&mut app, "I");
    type_text(&mut app, &file.display().to_string());
    press(&mut app, "enter");
    assert!(app.store().contact(person.id).unwrap().is_none(), "erased");
    assert!(
        app.status().text.contains("1 undo step dropped"),
        "{}",
        app.status().text
    );
    press(&mut app, "u");
    assert_eq!(app.status().text, "nothing to undo");
    assert!(
        app.store().contact(person.id).unwrap().is_none(),
        "still erased"
    );
    let tombstone = wortel::ops::tombstone_key(&person.id.to_string());
    assert!(app.store().meta_value(&tombstone).unwrap().is_some());
}
