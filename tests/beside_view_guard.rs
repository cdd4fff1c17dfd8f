//! Beside the open full-screen view, the cases at the edges: a command that panics answers its
//! terminal in one sentence and leaves the view running and the store unchanged; bare `wortel`
//! off a terminal prints the summary as alone; `privacy purge` reads the asking terminal's
//! retention policy; an erasure rewrites the backups at once and says so as alone.

mod common;

use common::beside::{both, open_view, store_and_copy};
use common::store_files::dump;
use common::tmux::Tmux;
use common::wortel;
use std::path::Path;
use std::time::{Duration, Instant};

fn quit(tmux: &Tmux) {
    tmux.keys(&["q"]);
    let start = Instant::now();
    while !tmux.pane_dead() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the view never quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_command_that_panics_beside_the_view_is_one_sentence_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _alone) = store_and_copy(dir.path());
    let lead = common::new_leads(&store, 1)[0]["external_id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = dump(&store);
    let tmux = open_view(&store, "exec env WORTEL_TEST_PANIC_REQUEST=1");
    let visit = ["log-visit", "--lead", &lead, "--outcome", "follow-up"];
    let out = wortel(&store).args(visit).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{err}");
    assert_eq!(out.stdout, b"");
    assert_eq!(err.lines().count(), 1, "one sentence: {err}");
    assert!(
        err.starts_with("wortel: an internal error stopped this command in the full-screen view (a bug, not your data; every change it confirmed is saved): WORTEL_TEST_PANIC_REQUEST is set"),
        "{err}"
    );
    // The view runs on, its screen whole, and serves the next command.
    assert!(!tmux.pane_dead(), "the view ended");
    let screen = tmux.screen();
    assert!(screen.contains("1 Inbox"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
    let listing = wortel(&store).args(["leads", "--json"]).output().unwrap();
    assert!(listing.status.success(), "the view serves again");
    quit(&tmux);
    assert_eq!(dump(&store), before, "the store is as it was");
}

/// Bare `wortel` with its output in a pipe: the summary and the script commands, as alone.
#[test]
fn bare_wortel_off_a_terminal_prints_the_summary_beside_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let (store, alone) = store_and_copy(dir.path());
    let _tmux = open_view(&store, "");
    let [served, by_itself] = both(dir.path(), (&store, &alone), &[]);
    assert_eq!(served.2, 0, "{}", served.1);
    let masked = |text: &str, path: &Path| text.replace(&path.display().to_string(), "STORE");
    assert_eq!(masked(&served.0, &store), masked(&by_itself.0, &alone));
    assert_eq!(served.1, by_itself.1);
    assert!(served.0.contains("leads: 60 in all"), "{}", served.0);
}

const RETENTION: &str =
    "[retention]\nrejected-leads = 30\ndisqualified-leads = 60\nex-customers = 365\n";
const LATER: &str = "2029-06-01T09:00:00Z";

/// The purge beside the view reads `WORTEL_CONFIG` of the terminal that asks (the view has no
/// config at all), and prints what the same purge prints alone, but for when the store's files
/// are rewritten.
#[test]
fn purge_beside_the_view_follows_the_asking_terminals_retention() {
    let dir = tempfile::tempdir().unwrap();
    let (store, alone) = store_and_copy(dir.path());
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(config.join("config.toml"), RETENTION).unwrap();
    let tmux = open_view(&store, "");
    let purge = |at: &Path| {
        let out = wortel(at)
            .env("WORTEL_NOW", LATER)
            .env("WORTEL_CONFIG", &config)
            .args(["privacy", "purge"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let served = purge(&store);
    let by_itself = purge(&alone);
    assert!(
        by_itself.contains("are erased: "),
        "the purge had people to erase: {by_itself}"
    );
    assert_eq!(
        served.replace(
            "are rewritten without the removed data when the full-screen view open on this store closes",
            "were rewritten without the removed data"
        ),
        by_itself
    );
    quit(&tmux);
    assert_eq!(dump(&store), dump(&alone), "the same records purged");
}

/// Whether `needle` is in any unpacked entry of the zip.
fn backup_holds(file: &Path, needle: &str) -> bool {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    (0..zip.len()).any(|i| {
        let mut out = Vec::new();
        zip.by_index(i).unwrap().read_to_end(&mut out).unwrap();
        out.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

#[test]
fn an_erasure_beside_the_view_rewrites_the_backups_at_once_and_says_so_as_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (store, alone) = store_and_copy(dir.path());
    let person = {
        let s = wortel::store::Store::open(&store).unwrap();
        let all: Vec<_> = s.all_contacts().map(|c| c.unwrap()).collect();
        all.iter()
            .find(|c| c.name.len() > 8 && all.iter().filter(|o| o.name == c.name).count() == 1)
            .unwrap()
            .name
            .clone()
    };
    let backup = |at: &Path| {
        let file = wortel::store::backup::backups_dir(at).join("manual-1.zip");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        assert!(
            wortel(at)
                .arg("backup")
                .arg(&file)
                .output()
                .unwrap()
                .status
                .success()
        );
        assert!(backup_holds(&file, &person));
        file
    };
    let (file, alone_file) = (backup(&store), backup(&alone));
    let tmux = open_view(&store, "");
    let erase = ["privacy", "erase", &person, "--yes"];
    let [served, by_itself] = both(dir.path(), (&store, &alone), &erase);
    assert_eq!(served.2, 0, "{}", served.1);
    assert!(
        by_itself.0.contains("1 backup rewritten without them"),
        "{}",
        by_itself.0
    );
    assert_eq!(
        served.0.replace(
            "are rewritten without them when the full-screen view open on this store closes",
            "were rewritten without them"
        ),
        by_itself.0
    );
    // Rewritten while the view still runs.
    assert!(!backup_holds(&file, &person), "the view's store's backup");
    assert!(!backup_holds(&alone_file, &person));
    quit(&tmux);
    let s = wortel::store::Store::open(&store).unwrap();
    assert!(
        !s.backups_pending().unwrap(),
        "the view's close finished the erasure"
    );
    for f in std::fs::read_dir(wortel::store::backup::backups_dir(&store)).unwrap() {
        let f = f.unwrap().path();
        assert!(
            !backup_holds(&f, &person),
            "{} (the daily backup too)",
            f.display()
        );
    }
}

/// A command from a Dutch terminal beside a view opened in English answers in Dutch, listing
/// and refusal alike, exactly as it does alone.
#[test]
fn a_command_beside_the_view_answers_in_the_asking_terminals_language() {
    let dir = tempfile::tempdir().unwrap();
    let (store, alone) = store_and_copy(dir.path());
    let tmux = open_view(&store, "exec env LANG=en_US.UTF-8");
    let dutch = |store: &Path, args: &[&str]| {
        let out = wortel(store)
            .env("LANG", "nl_NL.UTF-8")
            .args(args)
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code(),
        )
    };
    let listing = dutch(&store, &["accounts"]);
    assert_eq!(listing, dutch(&alone, &["accounts"]));
    assert!(listing.0.starts_with(" NAAM"), "{}", listing.0);
    let refusal = dutch(&store, &["log-visit", "--lead", "HQ-NOPE"]);
    assert_eq!(refusal, dutch(&alone, &["log-visit", "--lead", "HQ-NOPE"]));
    assert!(refusal.1.contains("bestaat niet"), "{}", refusal.1);
    assert_eq!(refusal.2, Some(1));
    quit(&tmux);
}
