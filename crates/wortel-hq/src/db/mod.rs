//! The one boundary between head office's commands and its database. Commands speak SQL in the
//! subset SQLite and PostgreSQL share (TEXT and BIGINT columns, `$1`-style parameters written in
//! order, `ON CONFLICT … DO UPDATE`, no AUTOINCREMENT, no SQLite-only functions), pass [`Val`]s
//! and read [`Row`]s; [`sqlite`] and [`postgres`] run them. `--db postgres://…` picks the server,
//! anything else is a SQLite file. The schema is versioned: [`MIGRATIONS`] are applied in order,
//! each in its own transaction, the same files on both.

mod postgres;
mod sqlite;

use anyhow::{Context, Result, anyhow, bail};
use std::path::{Path, PathBuf};

/// A value passed to or read from the database.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Null,
    Int(i64),
    Text(String),
}

impl From<&str> for Val {
    fn from(s: &str) -> Val {
        Val::Text(s.to_string())
    }
}
impl From<String> for Val {
    fn from(s: String) -> Val {
        Val::Text(s)
    }
}
impl From<&String> for Val {
    fn from(s: &String) -> Val {
        Val::Text(s.clone())
    }
}
impl From<i64> for Val {
    fn from(n: i64) -> Val {
        Val::Int(n)
    }
}
impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(v: Option<T>) -> Val {
        v.map_or(Val::Null, Into::into)
    }
}

/// One row of a query's result.
#[derive(Clone, Debug)]
pub struct Row(Vec<Val>);

impl Row {
    pub fn text(&self, i: usize) -> String {
        self.opt_text(i).unwrap_or_default()
    }
    pub fn opt_text(&self, i: usize) -> Option<String> {
        match self.0.get(i) {
            Some(Val::Text(s)) => Some(s.clone()),
            Some(Val::Int(n)) => Some(n.to_string()),
            _ => None,
        }
    }
    pub fn int(&self, i: usize) -> i64 {
        self.opt_int(i).unwrap_or(0)
    }
    pub fn opt_int(&self, i: usize) -> Option<i64> {
        match self.0.get(i) {
            Some(Val::Int(n)) => Some(*n),
            Some(Val::Text(s)) => s.parse().ok(),
            _ => None,
        }
    }
}

/// The schema, version by version. A released migration never changes; a new one is appended.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_network.sql")),
    (2, include_str!("../migrations/0002_erasures.sql")),
    (3, include_str!("../migrations/0003_programmes.sql")),
];

/// How often a write transaction runs before a lost race with another process is reported.
pub const ATTEMPTS: usize = 5;

/// Head office's database.
pub struct Db {
    conn: Conn,
    /// The file or server, as shown in messages (a server's password left out).
    pub path: String,
}

enum Conn {
    Sqlite(sqlite::Sqlite),
    Postgres(Box<postgres::Postgres>),
}

/// Whether `--db` names a PostgreSQL server rather than a file.
pub fn is_server(target: &Path) -> bool {
    target
        .to_str()
        .is_some_and(|t| t.starts_with("postgres://") || t.starts_with("postgresql://"))
}

impl Db {
    /// Opens the database `target` (a file, or a `postgres://` URL), creating a file if `create`.
    pub fn open(target: &Path, create: bool) -> Result<Db> {
        let (conn, path) = if is_server(target) {
            let url = target.to_str().unwrap_or_default();
            let pg = postgres::Postgres::connect(url)?;
            (Conn::Postgres(Box::new(pg)), postgres::shown(url))
        } else {
            (
                Conn::Sqlite(sqlite::Sqlite::open(target, create)?),
                target.display().to_string(),
            )
        };
        let mut db = Db { conn, path };
        db.migrate()?;
        Ok(db)
    }

    /// The schema version the database is at (0: empty).
    pub fn version(&self) -> Result<i64> {
        self.exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
            &[],
        )?;
        let rows = self.rows("SELECT MAX(version) FROM schema_migrations", &[])?;
        Ok(rows.first().and_then(|r| r.opt_int(0)).unwrap_or(0))
    }

    fn migrate(&mut self) -> Result<()> {
        let at = self.version()?;
        let newest = MIGRATIONS.last().map_or(0, |m| m.0);
        if at > newest {
            bail!(
                "{} is at schema version {at}, newer than this wortel-hq knows ({newest}); upgrade wortel-hq",
                self.path
            );
        }
        for (version, sql) in MIGRATIONS.iter().filter(|m| m.0 > at) {
            self.in_tx(|db| {
                db.batch(sql)?;
                db.exec(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                    &[
                        Val::Int(*version),
                        jiff::Timestamp::now().to_string().into(),
                    ],
                )?;
                Ok(())
            })
            .with_context(|| format!("migration {version} failed"))?;
        }
        Ok(())
    }

    fn batch(&self, sql: &str) -> Result<()> {
        match &self.conn {
            Conn::Sqlite(c) => c.batch(sql),
            Conn::Postgres(c) => c.batch(sql),
        }
    }

    /// Runs a statement; returns the rows changed.
    pub fn exec(&self, sql: &str, params: &[Val]) -> Result<usize> {
        match &self.conn {
            Conn::Sqlite(c) => c.exec(sql, params),
            Conn::Postgres(c) => c.exec(sql, params),
        }
    }

    /// Runs a query; returns every row.
    pub fn rows(&self, sql: &str, params: &[Val]) -> Result<Vec<Row>> {
        match &self.conn {
            Conn::Sqlite(c) => c.rows(sql, params),
            Conn::Postgres(c) => c.rows(sql, params),
        }
    }

    fn begin(&self) -> Result<()> {
        match &self.conn {
            // IMMEDIATE: the write lock is taken at the start, so two processes never both
            // read the same unrouted leads and then both write.
            Conn::Sqlite(c) => c.batch("BEGIN IMMEDIATE"),
            // SERIALIZABLE: two lead-desk processes that touch the same rows cannot both commit.
            Conn::Postgres(c) => c.batch("BEGIN ISOLATION LEVEL SERIALIZABLE"),
        }
    }

    /// Runs `work` in one transaction: all of it is written, or (on an error) none of it.
    pub fn in_tx<T>(&mut self, work: impl FnMut(&Db) -> Result<T>) -> Result<T> {
        self.in_tx_locking(None, work)
    }

    /// Like [`Db::in_tx`], and no other process writes `table` until it ends. SQLite's
    /// `BEGIN IMMEDIATE` already makes writers take turns; on PostgreSQL the table is locked
    /// before the transaction reads anything, so it sees what the process before it committed
    /// (two `route`s: the second finds nothing left to route; two `send`s: nothing left to send).
    ///
    /// On PostgreSQL a transaction that loses a race with another process (SQLSTATE 40001, or a
    /// key the other inserted first) is rolled back and `work` runs again on what that process
    /// committed, up to [`ATTEMPTS`] times in all; only then does the command say so and fail.
    pub fn in_tx_locking<T>(
        &mut self,
        table: Option<&str>,
        mut work: impl FnMut(&Db) -> Result<T>,
    ) -> Result<T> {
        let mut attempt = 1;
        loop {
            match self.attempt(table, &mut work) {
                Err(e) if attempt < ATTEMPTS && self.lost_race(&e) => {
                    std::thread::sleep(std::time::Duration::from_millis(20 * attempt as u64));
                    attempt += 1;
                }
                other => return other.map_err(conflict),
            }
        }
    }

    fn lost_race(&self, e: &anyhow::Error) -> bool {
        matches!(self.conn, Conn::Postgres(_)) && postgres::is_serialization_failure(e)
    }

    /// One try of a transaction; an error has rolled it back.
    fn attempt<T>(
        &mut self,
        table: Option<&str>,
        work: &mut impl FnMut(&Db) -> Result<T>,
    ) -> Result<T> {
        self.begin()?;
        if let (Some(table), Conn::Postgres(c)) = (table, &self.conn) {
            if let Err(e) = c.batch(&format!("LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")) {
                let _ = self.batch("ROLLBACK");
                return Err(e);
            }
        }
        match work(self) {
            Ok(v) => match self.batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    let _ = self.batch("ROLLBACK");
                    Err(e)
                }
            },
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Runs `work` in a transaction that is always rolled back (a dry run).
    pub fn rolled_back<T>(&mut self, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        self.begin()?;
        let result = work(self);
        self.batch("ROLLBACK")?;
        result
    }

    /// Rewrites the database so that rows changed or deleted leave no old bytes behind (after
    /// an erasure). SQLite: the WAL is checkpointed into the file, the file rebuilt by VACUUM and
    /// the WAL emptied again. PostgreSQL: VACUUM of the tables an erasure rewrites, so their old
    /// row versions are freed (the server reuses, not zeroes, that space).
    pub fn compact(&self) -> Result<()> {
        match &self.conn {
            Conn::Sqlite(c) => c.batch(
                "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
            ),
            Conn::Postgres(c) => c.batch(
                "VACUUM leads, feedback_records, outbox, deal_changes, lead_updates, dealer_accounts",
            ),
        }
    }

    /// A head-office setting (name, keys).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .rows("SELECT value FROM hq_meta WHERE key = $1", &[key.into()])?
            .first()
            .map(|r| r.text(0)))
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.exec(
            "INSERT INTO hq_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[key.into(), value.into()],
        )?;
        Ok(())
    }
}

/// Where the database lives: `--db`/`WORTEL_HQ_DB`, else `wortel-hq/hq.sqlite` in the
/// platform's data directory.
pub fn default_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "wortel-hq")
        .map(|d| d.data_dir().join("hq.sqlite"))
        .ok_or_else(|| anyhow!("no home directory is known; pass --db PATH or set WORTEL_HQ_DB"))
}

/// A transaction another process won says so in one sentence; others pass unchanged.
fn conflict(e: anyhow::Error) -> anyhow::Error {
    if postgres::is_serialization_failure(&e) {
        anyhow!(
            "another wortel-hq process changed the same records at the same moment; nothing was written, run the command again"
        )
    } else {
        e
    }
}
