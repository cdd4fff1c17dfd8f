//! Privacy in the full-screen view: at start it counts, on a thread of its own, what is past its
//! retention period and says so in the status bar; `Ctrl-b` writes a backup of the open store
//! in the background and names the file when done.

mod tui_support;
use tui_support::*;
use wortel::ops::{RetentionPolicy, purge_due};

fn last_line(frame: &str) -> String {
    frame.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_status_bar_says_when_a_purge_is_due() {
    let (_dir, _path, mut app) = demo_app();
    // Short periods, so the demo's rejected and disqualified leads are past them.
    let policy = RetentionPolicy {
        rejected_lead_days: 1,
        disqualified_lead_days: 1,
        ex_customer_days: 36_500,
        ..RetentionPolicy::default()
    };
    let due = purge_due(app.store(), &policy, now()).unwrap().len();
    assert!(due > 0, "the demo has leads past a one-day period");
    app.check_retention(policy);
    app.finish_jobs();
    let frame = render(&mut app, 160, 20);
    let status = last_line(&frame);
    assert!(
        status.starts_with(&format!(
            "privacy: {due} records past their retention period — run `wortel privacy purge`"
        )),
        "{status}"
    );
    assert!(status.contains("purge due │ DEMO"), "{status}");
    // On a narrow terminal the standing reminder stays.
    let narrow = last_line(&render(&mut app, 80, 20));
    assert!(narrow.contains("purge due"), "{narrow}");
}

#[test]
fn nothing_is_said_when_nothing_is_due() {
    let (_dir, _path, mut app) = demo_app();
    let before = render(&mut app, 160, 20);
    let policy = RetentionPolicy {
        rejected_lead_days: 36_500,
        disqualified_lead_days: 36_500,
        ex_customer_days: 36_500,
        ..RetentionPolicy::default()
    };
    app.check_retention(policy);
    app.finish_jobs();
    assert_eq!(render(&mut app, 160, 20), before);
    assert!(app.notice().is_none());
}

#[test]
fn ctrl_b_writes_a_backup_of_the_open_store_and_names_it() {
    let (dir, path, mut app) = demo_app();
    let leads = app.store().all_leads().count();
    press(&mut app, "ctrl-b");
    assert_eq!(app.status().text, "writing a backup…");
    app.finish_jobs();
    let written = app
        .status()
        .text
        .strip_prefix("backup written: ")
        .unwrap_or_else(|| panic!("{}", app.status().text))
        .to_string();
    let file = std::path::PathBuf::from(&written);
    assert_eq!(
        file.parent().unwrap(),
        wortel::store::backup::backups_dir(&path)
    );
    assert!(
        file.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("manual-2026-11-23T090000"),
        "{written}"
    );
    // A second one a moment later does not overwrite the first.
    press(&mut app, "ctrl-b");
    app.finish_jobs();
    assert!(
        app.status().text.ends_with("-2.zip"),
        "{}",
        app.status().text
    );
    // The backup is whole: it restores into a store with the same leads.
    let copy = dir.path().join("restored");
    wortel::store::Store::restore(&copy, &file).unwrap();
    let restored = wortel::store::Store::open(&copy).unwrap();
    assert_eq!(restored.all_leads().count(), leads);
    assert!(restored.check().unwrap().is_ok());
}

/// Today's automatic backup used to fail without a word; now the status line says so.
#[test]
fn a_failing_daily_backup_is_said_on_the_status_line() {
    let (dir, _path, mut app) = demo_app();
    // The backups directory cannot be made: a plain file stands where it would go.
    let blocked = dir.path().join("not-a-dir");
    std::fs::write(&blocked, b"x").unwrap();
    let (start, started) = std::sync::mpsc::channel();
    app.daily_backup(
        blocked.join("backups"),
        now().to_zoned(tz()).date(),
        started,
    );
    start.send(()).unwrap();
    let failures = app.finish_jobs();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        app.status()
            .text
            .starts_with("today's backup was not written ("),
        "{}",
        app.status().text
    );
    // The message is longer than the bar: it takes a second line rather than being cut.
    let frame = render(&mut app, 160, 20);
    let bar: Vec<&str> = frame.lines().rev().take(2).collect();
    let both = format!("{} {}", bar[1].trim_end(), bar[0]);
    assert!(
        bar[1].starts_with("today's backup was not written")
            && both.contains("; press the backup key to try again "),
        "{frame}"
    );
}
