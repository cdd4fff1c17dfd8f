//! `wortel backup` and `wortel restore`: a restore gives back exactly the backed-up content; a
//! damaged backup is refused and the store is left as it was.

mod common;
use common::wortel;

use std::path::Path;

fn run(mut c: assert_cmd::Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The store's content as its listings show it.
fn content(store: &Path) -> String {
    let mut s = String::new();
    for args in [
        vec!["leads", "--all", "--json"],
        vec!["accounts", "--json"],
        vec!["funnel", "--json"],
    ] {
        let mut c = wortel(store);
        c.args(&args);
        s.push_str(&run(c));
    }
    s
}

#[test]
fn a_restore_gives_back_exactly_what_was_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut c = wortel(&store);
    c.args(["demo", "--no-tui", "--leads", "60"]);
    run(c);
    let file = dir.path().join("backup.zip");
    let mut c = wortel(&store);
    c.arg("backup").arg(&file);
    assert!(run(c).contains("a backup of"));
    let before = content(&store);
    // Change the store, then go back.
    let lead = {
        let mut c = wortel(&store);
        c.args(["leads", "--json", "--status", "new"]);
        serde_json::from_str::<serde_json::Value>(&run(c)).unwrap()[0]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut c = wortel(&store);
    c.args(["log-visit", "--lead", &lead, "--outcome", "2"]);
    run(c);
    assert_ne!(content(&store), before);
    let mut c = wortel(&store);
    c.arg("restore").arg(&file);
    run(c);
    assert_eq!(content(&store), before);
    let mut c = wortel(&store);
    c.arg("check");
    run(c);
    // Into a path with no store yet, too.
    let elsewhere = dir.path().join("elsewhere");
    let mut c = wortel(&elsewhere);
    c.arg("restore").arg(&file);
    run(c);
    assert_eq!(content(&elsewhere), before);
}

#[test]
fn a_damaged_backup_is_refused_and_the_store_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut c = wortel(&store);
    c.args(["demo", "--no-tui", "--leads", "30"]);
    run(c);
    let file = dir.path().join("backup.zip");
    let mut c = wortel(&store);
    c.arg("backup").arg(&file);
    run(c);
    let before = content(&store);
    let mut bytes = std::fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    let damaged = dir.path().join("damaged.zip");
    std::fs::write(&damaged, &bytes).unwrap();
    let out = wortel(&store)
        .arg("restore")
        .arg(&damaged)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "wortel: {} is not a usable wortel backup (",
            damaged.display()
        )) && err.ends_with("); the store was not touched\n"),
        "{err}"
    );
    assert_eq!(content(&store), before);
    std::fs::write(&damaged, b"not a zip").unwrap();
    let out = wortel(&store)
        .arg("restore")
        .arg(&damaged)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "wortel: {} is not a usable wortel backup (not a zip file); the store was not touched\n",
            damaged.display()
        )
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A store whose `conf` file is gone, or with no backup beside it, is named as damaged in one
/// sentence that points to the newest backup that reads back whole, with its date.
#[test]
fn a_damaged_store_is_named_with_the_newest_intact_backup_and_its_date() {
    let (_dir, store) = common::demo_store();
    let backups = store.with_file_name("store-backups");
    std::fs::create_dir(&backups).unwrap();
    let good = backups.join("manual-2026-11-23T090000.zip");
    common::stdout_of(wortel(&store).arg("backup").arg(&good));
    // A newer file that is no backup is passed over.
    std::fs::write(backups.join("manual-2026-11-24T090000.zip"), b"half a zip").unwrap();
    std::fs::remove_file(store.join("conf")).unwrap();
    common::refused(
        wortel(&store).arg("leads"),
        &format!(
            "the store at {} is damaged (its `conf` file is missing); restore the newest intact backup, {} (taken 2026-11-23 09:00 UTC), with `wortel restore {}`",
            store.display(),
            good.display(),
            good.display()
        ),
    );
    std::fs::remove_dir_all(&backups).unwrap();
    common::refused(
        wortel(&store).arg("leads"),
        &format!(
            "the store at {} is damaged (its `conf` file is missing); no intact backup was found in {}; restore one you keep elsewhere with `wortel restore FILE`",
            store.display(),
            backups.display()
        ),
    );
}
