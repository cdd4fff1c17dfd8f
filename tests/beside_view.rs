//! Commands beside the open full-screen view: the view (in tmux) holds the store and serves its
//! socket; the same commands run from this process print what they print alone on an identical
//! copy of the store, the view shows what they changed, and `u` takes a visit back.

mod common;

use common::beside::{both, bundle, open_view, store_and_copy, wait_for_request_thread};
use common::{NOW, wortel};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

/// `leads --json`, with the ids new records get at random replaced by whether they are set.
fn leads_without_new_ids(store: &Path) -> Vec<Value> {
    let mut leads = common::all_leads(store);
    for l in &mut leads {
        for key in ["id", "account_id", "opportunity_id"] {
            let set = !l[key].is_null();
            l[key] = Value::Bool(set);
        }
    }
    leads.sort_by_key(|l| l["external_id"].as_str().unwrap_or("").to_string());
    leads
}

/// The files in `dir`, each as its sorted lines with record ids masked: the records the visit
/// and the import created got random ids in each store.
fn files_in(dir: &Path) -> Vec<(String, Vec<String>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let mut lines: Vec<String> = text.lines().map(mask_ids).collect();
            lines.sort();
            (e.file_name().to_string_lossy().into_owned(), lines)
        })
        .collect();
    files.sort();
    files
}

fn mask_ids(line: &str) -> String {
    line.split(',')
        .map(|cell| match ulid::Ulid::from_string(cell) {
            Ok(_) => "ID",
            Err(_) => cell,
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn commands_beside_the_open_view_print_what_they_print_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (store, alone) = store_and_copy(dir.path());
    let file = dir.path().join("hq.zip");
    bundle(&store, &file, 5);
    let lead = common::new_leads(&store, 1)[0]["external_id"]
        .as_str()
        .unwrap()
        .to_string();
    let tmux = open_view(&store, "");
    let stores = (store.as_path(), alone.as_path());

    let [served, by_itself] = both(dir.path(), stores, &["leads", "--json"]);
    assert_eq!(served, by_itself, "a listing");
    assert_eq!(served.2, 0);
    let [served, by_itself] = both(dir.path(), stores, &["leads"]);
    assert_eq!(served, by_itself, "a table, as wide as when run alone");

    let visit = [
        "log-visit",
        "--lead",
        &lead,
        "--outcome",
        "follow-up",
        "--note",
        "belde vanuit het andere venster",
        "--next",
        "+3d",
    ];
    let [served, by_itself] = both(dir.path(), stores, &visit);
    assert_eq!(served, by_itself, "a visit");
    assert_eq!(served.2, 0, "{}", served.1);
    // The view shows it without a restart.
    tmux.wait_for("from another terminal: logged visit (follow-up)");

    let bundle_path = file.display().to_string();
    let [served, by_itself] = both(dir.path(), stores, &["import", &bundle_path]);
    assert_eq!(served, by_itself, "an import");
    assert_eq!(served.2, 0, "{}", served.1);
    tmux.wait_for("5 leads imported from another terminal");
    // An imported lead is in the view's inbox: the filter finds its account.
    let imported = common::all_leads(&alone)
        .into_iter()
        .find(|l| {
            l["external_id"]
                .as_str()
                .unwrap_or("")
                .starts_with("HQ-DEMO-")
        })
        .expect("the bundle's leads are in the store");
    let account = imported["account"].as_str().unwrap().to_string();
    tmux.keys(&["/"]);
    tmux.keys(&["-l", &account]);
    tmux.keys(&["Enter"]);
    let shown: String = account.chars().take(15).collect();
    tmux.wait_for(&shown);

    let [served, by_itself] = both(dir.path(), stores, &["export", "--csv", "out"]);
    assert_eq!(served, by_itself, "an export's words");
    assert_eq!(
        files_in(&dir.path().join("cwd-store/out")),
        files_in(&dir.path().join("cwd-alone/out")),
        "the exported files, written where the asking terminal is"
    );

    let [served, by_itself] = both(dir.path(), stores, &["log-visit", "--lead", "HQ-NOPE"]);
    assert_eq!(served, by_itself, "a refusal");
    assert_eq!(served.2, 1);

    // Same store contents, read through the view.
    assert_eq!(leads_without_new_ids(&store), leads_without_new_ids(&alone));
    let visited = |s: &Path| {
        common::all_leads(s)
            .into_iter()
            .find(|l| l["external_id"] == lead.as_str())
            .unwrap()
    };
    assert_ne!(visited(&store)["status"], "new", "the visit moved the lead");

    // The imported leads are in the view's inbox; the visit is the user's own to undo — after
    // the import, which did not touch its records.
    tmux.keys(&["u"]);
    tmux.wait_for("undone: from another terminal: logged visit");
    let after_undo = visited(&store);
    assert_eq!(after_undo["status"], "new", "u took the visit back");
    assert_eq!(after_undo["opportunity_id"], Value::Null);
}

#[test]
fn commands_that_replace_the_store_name_the_open_view() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _alone) = store_and_copy(dir.path());
    let tmux = open_view(&store, "");
    let pid = tmux.pane_pid();
    for args in [
        vec!["restore", "backup.zip"],
        vec!["demo", "--no-tui"],
        vec!["init", "--dealer", "NL-1", "--salesperson", "Ton"],
    ] {
        let out = wortel(&store).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one sentence: {err}");
        assert!(
            err.contains(&format!(
                "the full-screen view (pid {pid}) has this store open"
            )),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_view_killed_during_an_import_leaves_all_or_nothing_and_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _alone) = store_and_copy(dir.path());
    let file = dir.path().join("big.zip");
    bundle(&store, &file, 20_000);
    let before = common::all_leads(&store).len();
    let tmux = open_view(&store, "exec");
    let view = tmux.pane_pid();
    let client = std::process::Command::new(env!("CARGO_BIN_EXE_wortel"))
        .env("WORTEL_NOW", NOW)
        .arg("--store")
        .arg(&store)
        .arg("import")
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The view runs the request on a thread of its own; a moment into the import, it dies.
    wait_for_request_thread(view);
    std::thread::sleep(Duration::from_millis(200));
    // SAFETY: kill(2) on the view's process, which this test started.
    assert_eq!(unsafe { libc::kill(view as i32, libc::SIGKILL) }, 0);
    let out = client.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "one sentence: {err}");
    assert!(
        err.starts_with(&format!(
            "wortel: the full-screen view holding the store (pid {view}) stopped before it finished this command"
        )),
        "{err}"
    );
    // Alone again: the stale socket goes, the store opens, and holds all of the bundle or none.
    let start = Instant::now();
    while !tmux.pane_dead() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let after = common::all_leads(&store).len();
    assert!(
        after == before || after == before + 20_000,
        "{before} leads before, {after} after"
    );
    assert!(
        !store.join("serve.sock").exists(),
        "the stale socket is gone"
    );
    let check = wortel(&store).arg("check").output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// The view runs as another user (nobody); this test's user is refused by the view itself,
/// from the kernel's word on who connected (root passes the file permissions, not the view).
#[test]
fn another_user_is_refused() {
    // SAFETY: getuid cannot fail.
    if unsafe { libc::getuid() } != 0 || !Path::new("/usr/bin/setpriv").exists() {
        eprintln!("skipped: switching users needs root and setpriv");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (store, _alone) = store_and_copy(dir.path());
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let chown = std::process::Command::new("chown")
        .args(["-R", "65534:65534"])
        .arg(&store)
        .status()
        .unwrap();
    assert!(chown.success());
    let tmux = open_view(
        &store,
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups",
    );
    let out = wortel(&store).args(["leads", "--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(out.stdout, b"", "nothing of the store is shown");
    assert_eq!(
        err.trim_end(),
        "wortel: the full-screen view holding this store serves only its owner (uid 65534), not uid 0; ask them, or use a store of your own"
    );
    drop(tmux);
}

mod protocol {
    use super::*;
    use std::io::{Read, Write};
    use std::os::unix::net::{UnixListener, UnixStream};

    fn frame(body: &[u8]) -> Vec<u8> {
        let mut f = (body.len() as u32).to_be_bytes().to_vec();
        f.extend_from_slice(body);
        f
    }

    fn read_reply(conn: &mut UnixStream) -> Value {
        let mut len = [0u8; 4];
        conn.read_exact(&mut len).unwrap();
        let mut body = vec![0u8; u32::from_be_bytes(len) as usize];
        conn.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    #[test]
    fn the_view_answers_another_version_and_an_oversized_request_with_a_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _alone) = store_and_copy(dir.path());
        let _tmux = open_view(&store, "");
        let mut conn = UnixStream::connect(store.join("serve.sock")).unwrap();
        conn.write_all(&frame(br#"{"version":99,"argv":["wortel","leads"]}"#))
            .unwrap();
        assert_eq!(
            read_reply(&mut conn),
            serde_json::json!({"version": 1, "reply": {"refused":
                "the full-screen view holding this store is another wortel build: it speaks version 1 of the socket protocol and this command version 99; run both from the same wortel"}})
        );
        let mut conn = UnixStream::connect(store.join("serve.sock")).unwrap();
        conn.write_all(&(8u32 << 20).to_be_bytes()).unwrap();
        assert_eq!(
            read_reply(&mut conn),
            serde_json::json!({"version": 1, "reply": {"refused":
                "the full-screen view holding this store could not read the request: a message of 8388608 bytes is more than the 1048576 bytes the protocol allows"}})
        );
    }

    /// A holder of another build answers: the command says so in one sentence.
    fn asked_by_a_fake_holder(answer: Vec<u8>) -> std::process::Output {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        common::demo(&store, 5, 7);
        let listener = UnixListener::bind(store.join("serve.sock")).unwrap();
        let holder = std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut len = [0u8; 4];
            conn.read_exact(&mut len).unwrap();
            let mut body = vec![0u8; u32::from_be_bytes(len) as usize];
            conn.read_exact(&mut body).unwrap();
            conn.write_all(&answer).unwrap();
        });
        let out = wortel(&store).args(["leads"]).output().unwrap();
        holder.join().unwrap();
        out
    }

    #[test]
    fn a_holder_of_another_version_or_an_oversized_answer_is_one_sentence() {
        let out = asked_by_a_fake_holder(frame(br#"{"version":2,"reply":{"exit":0}}"#));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1));
        let pid = std::process::id();
        assert_eq!(
            err,
            format!(
                "wortel: the full-screen view holding the store (pid {pid}) is another wortel build (socket protocol version 2, this wortel speaks 1); quit it, or run this command with the same wortel\n"
            )
        );
        let out = asked_by_a_fake_holder((2u32 << 20).to_be_bytes().to_vec());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("sent a message of 2097152 bytes, more than the 1048576"),
            "{err}"
        );
    }

    #[test]
    fn a_stale_socket_is_removed_and_the_command_runs_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        common::demo(&store, 5, 7);
        drop(UnixListener::bind(store.join("serve.sock")).unwrap());
        assert!(store.join("serve.sock").exists());
        let out = wortel(&store).args(["leads", "--json"]).output().unwrap();
        assert!(out.status.success());
        assert!(!store.join("serve.sock").exists());
    }
}
