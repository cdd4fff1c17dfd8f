//! Exports survive `kill -9`: the feedback bundle (`wortel export --out FILE`) and the §9 files
//! (`--csv DIR --ics FILE --vcf FILE`) are killed at random moments. Every time, a file under
//! its final name is either absent or complete (a bundle that reads and verifies, the very
//! bytes an uninterrupted run writes), the store's record of what was exported agrees with
//! the disk, and `check` passes.

mod common;
use common::crash::{
    command, copy_dir, hidden_entries, reopen_and_check, run_and_kill, seed, spread_delays,
    whole_run_ms,
};

use rand::SeedableRng;
use std::path::{Path, PathBuf};
use wortel::bundle::read_bundle;

const FEEDBACK_KILLS: usize = common::crash::kills::FEEDBACK_EXPORT;
const INTEROP_KILLS: usize = common::crash::kills::FILE_EXPORT;
/// The ISO week of [`common::NOW`].
const WEEK: &str = "2026-W48";

/// A demo store with a week of fresh work in it, so the feedback bundle has content.
fn base(dir: &Path) -> PathBuf {
    let store = dir.join("base");
    common::demo(&store, 300, 12);
    let status = command(&store)
        .args(["debug-write-loop", "--count", "150"])
        .status()
        .unwrap();
    assert!(status.success());
    store
}

/// Leftovers beside the outputs may only be hidden temporary files, never a final name.
fn only_temporary(dir: &Path, what: &str) -> usize {
    let hidden = hidden_entries(dir);
    for p in &hidden {
        let name = p.file_name().unwrap().to_string_lossy();
        assert!(name.ends_with(".tmp"), "{what}: unexpected leftover {name}");
    }
    hidden.len()
}

#[test]
fn a_killed_feedback_export_leaves_no_partial_bundle_and_the_store_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let base = base(dir.path());
    let probe = dir.path().join("probe");
    copy_dir(&base, &probe.join("store"));
    let out = probe.join("feedback.zip");
    let whole = whole_run_ms(
        command(&probe.join("store"))
            .arg("export")
            .arg("--out")
            .arg(&out),
    );
    let bundle = read_bundle(&std::fs::read(&out).unwrap(), None).unwrap();
    assert!(
        bundle.lines("activities.ndjson").count() > 0,
        "the feedback bundle carries the week's work"
    );

    let seed = seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut kills, mut mid_run, mut written, mut leftovers) = (0, 0, 0, 0);
    for (round, delay) in spread_delays(&mut rng, whole, FEEDBACK_KILLS)
        .into_iter()
        .enumerate()
    {
        let round_dir = dir.path().join(format!("feedback-{round}"));
        let victim = round_dir.join("store");
        copy_dir(&base, &victim);
        let out = round_dir.join("feedback.zip");
        let what = format!("round {round} (seed {seed}, killed after {delay} of {whole} ms)");
        let export = |store: &Path| {
            let mut c = command(store);
            c.arg("export").arg("--out").arg(&out);
            c
        };
        mid_run += run_and_kill(&mut export(&victim), delay) as usize;
        kills += 1;
        {
            let s = reopen_and_check(&victim, &what);
            let on_disk = std::fs::read(&out).ok();
            if let Some(bytes) = &on_disk {
                written += 1;
                read_bundle(bytes, None)
                    .unwrap_or_else(|e| panic!("{what}: an incomplete bundle under its name: {e}"));
            }
            if s.was_exported(WEEK).unwrap() {
                assert_eq!(
                    on_disk,
                    s.exported_week(WEEK).unwrap(),
                    "{what}: the store records an export that is not on disk"
                );
            }
        }
        leftovers += only_temporary(&round_dir, &what);
        // The next export works and ends with file and record in agreement.
        whole_run_ms(&mut export(&victim));
        assert_eq!(
            hidden_entries(&round_dir),
            Vec::<PathBuf>::new(),
            "{what}: exporting again leaves no temporary file of the killed run"
        );
        let s = reopen_and_check(&victim, &what);
        assert!(s.was_exported(WEEK).unwrap(), "{what}");
        assert_eq!(
            std::fs::read(&out).ok(),
            s.exported_week(WEEK).unwrap(),
            "{what}: file and record disagree after exporting again"
        );
        drop(s);
        std::fs::remove_dir_all(&round_dir).unwrap();
    }
    assert_eq!(kills, FEEDBACK_KILLS);
    assert!(mid_run > 0, "no kill landed while the export ran");
    eprintln!(
        "{kills} kills during a {whole} ms feedback export ({mid_run} mid-run): {written} bundles written, {leftovers} temporary files left"
    );
}

/// The §9 output files of one export run into `dir`.
fn interop_outputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [
        "accounts.csv",
        "leads.csv",
        "opportunities.csv",
        "activities.csv",
    ]
    .iter()
    .map(|f| dir.join("csv").join(f))
    .collect();
    files.push(dir.join("calendar.ics"));
    files.push(dir.join("people.vcf"));
    files
}

fn interop(store: &Path, dir: &Path) -> std::process::Command {
    let mut c = command(store);
    c.arg("export")
        .arg("--csv")
        .arg(dir.join("csv"))
        .arg("--ics")
        .arg(dir.join("calendar.ics"))
        .arg("--vcf")
        .arg(dir.join("people.vcf"));
    c
}

#[test]
fn a_killed_csv_ics_vcf_export_leaves_each_file_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let base = base(dir.path());
    let probe = dir.path().join("probe");
    copy_dir(&base, &probe.join("store"));
    let whole = whole_run_ms(&mut interop(&probe.join("store"), &probe));
    let reference: Vec<Vec<u8>> = interop_outputs(&probe)
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();

    let seed = seed();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut kills, mut mid_run, mut complete, mut leftovers) = (0, 0, 0, 0);
    for (round, delay) in spread_delays(&mut rng, whole, INTEROP_KILLS)
        .into_iter()
        .enumerate()
    {
        let round_dir = dir.path().join(format!("interop-{round}"));
        let victim = round_dir.join("store");
        copy_dir(&base, &victim);
        let what = format!("round {round} (seed {seed}, killed after {delay} of {whole} ms)");
        mid_run += run_and_kill(&mut interop(&victim, &round_dir), delay) as usize;
        kills += 1;
        drop(reopen_and_check(&victim, &what));
        for (file, want) in interop_outputs(&round_dir).iter().zip(&reference) {
            if let Ok(bytes) = std::fs::read(file) {
                complete += 1;
                assert!(
                    &bytes == want,
                    "{what}: {} is under its final name but incomplete ({} of {} bytes)",
                    file.display(),
                    bytes.len(),
                    want.len()
                );
            }
        }
        leftovers += only_temporary(&round_dir, &what);
        leftovers += only_temporary(&round_dir.join("csv"), &what);
        std::fs::remove_dir_all(&round_dir).unwrap();
    }
    assert_eq!(kills, INTEROP_KILLS);
    assert!(mid_run > 0, "no kill landed while the export ran");
    eprintln!(
        "{kills} kills during a {whole} ms CSV/ICS/vCard export ({mid_run} mid-run): {complete} complete files, {leftovers} temporary files left"
    );
}
