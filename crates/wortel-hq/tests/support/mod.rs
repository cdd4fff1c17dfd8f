//! What the loop tests share: both real binaries, a head-office database, dealer stores, and a
//! dump of every table to prove a refused bundle changed nothing.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The dealer's `wortel` binary. Cargo only builds and names (`CARGO_BIN_EXE_…`) binaries of
/// the package under test, so the test asks the same cargo for `wortel` into the same target
/// directory and profile (a no-op when it is fresh; `cargo test` at the top has built it
/// already). Cargo holds no lock while tests run, so this does not wait on the outer build.
pub fn wortel_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let hq = PathBuf::from(env!("CARGO_BIN_EXE_wortel-hq"));
        let profile_dir = hq.parent().expect("target/<profile>");
        let target_dir = profile_dir.parent().expect("target");
        let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => "dev".to_string(),
            Some(other) => other.to_string(),
        };
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "-p",
                "wortel",
                "--bin",
                "wortel",
                "--profile",
                &profile,
            ])
            .env("CARGO_TARGET_DIR", target_dir)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the wortel binary failed");
        profile_dir.join(format!("wortel{}", std::env::consts::EXE_SUFFIX))
    })
}

pub struct Run {
    pub ok: bool,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

fn run(mut c: Command, now: &str) -> Run {
    c.env("WORTEL_NOW", now)
        .env("TZ", "Europe/Amsterdam")
        .env_remove("WORTEL_HQ_DB");
    let out = c.output().expect("the binary runs");
    Run {
        ok: out.status.success(),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `wortel-hq --db DB ARGS…` at `now`.
pub fn hq(db: &Path, now: &str, args: &[&str]) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wortel-hq"));
    c.arg("--db").arg(db).args(args);
    run(c, now)
}

/// Like [`hq`], and it must succeed.
pub fn hq_ok(db: &Path, now: &str, args: &[&str]) -> Run {
    let r = hq(db, now, args);
    assert!(r.ok, "wortel-hq {args:?} failed: {}", r.stderr);
    r
}

/// `wortel --store STORE ARGS…` at `now`; it must succeed.
pub fn dealer_ok(store: &Path, now: &str, args: &[&str]) -> Run {
    let mut c = Command::new(wortel_bin());
    c.arg("--store").arg(store).args(args);
    let r = run(c, now);
    assert!(r.ok, "wortel {args:?} failed: {}", r.stderr);
    r
}

/// The PostgreSQL server the suite runs against instead of SQLite files, when set
/// (`postgres://user@host:port`, no database: each test gets a fresh one).
pub const PG_ENV: &str = "WORTEL_HQ_TEST_PG";

pub fn server() -> Option<String> {
    std::env::var(PG_ENV)
        .ok()
        .filter(|u| !u.trim().is_empty())
        .map(|u| u.trim_end_matches('/').to_string())
}

/// A new, empty head-office database for one test: a SQLite file in `dir`, or, with
/// `WORTEL_HQ_TEST_PG` set, a fresh database on that server (byte-wise collation, as SQLite sorts).
pub fn new_db(dir: &Path) -> PathBuf {
    let Some(base) = server() else {
        return dir.join("hq.sqlite");
    };
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let name = format!("hq_test_{}_{n}_{nanos}", std::process::id());
    let mut admin = postgres::Client::connect(&format!("{base}/postgres"), postgres::NoTls)
        .unwrap_or_else(|e| panic!("{PG_ENV}={base}: the server cannot be reached: {e}"));
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {name} TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"
        ))
        .unwrap();
    PathBuf::from(format!("{base}/{name}"))
}

/// Says loudly, past the test harness's capture, that PostgreSQL was not tested.
pub fn say_skipped_without_server() -> bool {
    if server().is_some() {
        return false;
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "\n*** SKIPPED: wortel-hq on PostgreSQL — set {PG_ENV}=postgres://user@host:port to run the suite against a server (CI does) ***\n"
    );
    true
}

fn is_server(db: &Path) -> bool {
    db.to_str().is_some_and(|d| d.starts_with("postgres://"))
}

/// Rows of one query as text, on either database.
pub fn query(db: &Path, sql: &str) -> Vec<Vec<Option<String>>> {
    if is_server(db) {
        let mut c = postgres::Client::connect(db.to_str().unwrap(), postgres::NoTls).unwrap();
        return c
            .simple_query(sql)
            .unwrap()
            .into_iter()
            .filter_map(|m| match m {
                postgres::SimpleQueryMessage::Row(r) => {
                    Some((0..r.len()).map(|i| r.get(i).map(str::to_string)).collect())
                }
                _ => None,
            })
            .collect();
    }
    let conn = rusqlite::Connection::open(db).expect("the database opens");
    let mut st = conn.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => None,
                rusqlite::types::ValueRef::Integer(v) => Some(v.to_string()),
                rusqlite::types::ValueRef::Real(v) => Some(v.to_string()),
                rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                    Some(String::from_utf8_lossy(t).into_owned())
                }
            })
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// Every row of every table, in a fixed order: equal dumps mean an unchanged database.
pub fn dump(db: &Path) -> String {
    if is_server(db) {
        let tables = query(
            db,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
        );
        let mut out = String::new();
        for t in tables
            .into_iter()
            .filter_map(|r| r.into_iter().next().flatten())
        {
            let mut rows: Vec<String> = query(db, &format!("SELECT * FROM {t}"))
                .into_iter()
                .map(|r| format!("{r:?}"))
                .collect();
            rows.sort();
            out.push_str(&format!("== {t}\n{}\n", rows.join("\n")));
        }
        return out;
    }
    let conn = rusqlite::Connection::open(db).expect("the database opens");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = String::new();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.push_str(&format!("== {t}\n{}\n", rows.join("\n")));
    }
    out
}

/// A store set up with `wortel init` for `rid`, head office's key pinned, registered at head
/// office under `dealer`.
pub fn new_store(
    dir: &Path,
    db: &Path,
    now: &str,
    dealer: &str,
    rid: &str,
    person: &str,
) -> PathBuf {
    let store = dir.join(format!("store-{rid}"));
    let hq_key = dir.join("hq.pub");
    let out = dealer_ok(
        &store,
        now,
        &[
            "init",
            "--dealer",
            rid,
            "--salesperson",
            person,
            "--head-office-key",
            hq_key.to_str().unwrap(),
        ],
    );
    let key = out
        .stdout
        .split_whitespace()
        .find(|w| w.len() == 64 && w.chars().all(|c| c.is_ascii_hexdigit()))
        .expect("wortel init prints the store's public key")
        .to_string();
    let key_file = dir.join(format!("{rid}.pub"));
    std::fs::write(&key_file, format!("{key}\n")).unwrap();
    hq_ok(
        db,
        now,
        &[
            "store",
            "add",
            dealer,
            "--recipient",
            rid,
            "--key",
            key_file.to_str().unwrap(),
            "--salesperson",
            person,
        ],
    );
    store
}

/// Every file under `path` (a store's directory, or the database file with its WAL and journal).
pub fn files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        return std::fs::read_dir(path)
            .unwrap()
            .flat_map(|e| files(&e.unwrap().path()))
            .collect();
    }
    let name = path.file_name().unwrap().to_str().unwrap();
    ["", "-wal", "-journal", "-shm"]
        .iter()
        .map(|s| path.with_file_name(format!("{name}{s}")))
        .filter(|p| p.exists())
        .collect()
}

/// Which of `words` (a person's name, e-mail and phone, case aside) the files at `path` hold.
pub fn traces(path: &Path, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for f in files(path) {
        let bytes = std::fs::read(&f).unwrap().to_ascii_lowercase();
        for t in words {
            let t = t.to_ascii_lowercase();
            if bytes.windows(t.len()).any(|w| w == t.as_bytes()) {
                found.push(format!("{t} in {}", f.display()));
            }
        }
    }
    found
}
