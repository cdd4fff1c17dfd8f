//! The one boundary between head office's commands and its database. Commands speak SQL in the
//! subset SQLite and PostgreSQL share (TEXT and BIGINT columns, `$1`-style parameters written in
//! order, `ON CONFLICT … DO UPDATE`, no AUTOINCREMENT, no SQLite-only functions), pass [`Val`]s
//! and read [`Row`]s, so a PostgreSQL connection can stand behind the same three calls. The
//! schema is versioned: [`MIGRATIONS`] are applied in order, each in its own transaction.

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
pub const MIGRATIONS: &[(i64, &str)] = &[(1, include_str!("migrations/0001_network.sql"))];

/// Head office's database.
pub struct Db {
    conn: rusqlite::Connection,
    pub path: PathBuf,
}

impl Db {
    /// Opens the database at `path`, creating it (and its directory) if `create`.
    pub fn open(path: &Path, create: bool) -> Result<Db> {
        if !create && !path.exists() {
            bail!(
                "there is no head-office database at {}; run `wortel-hq init --name NAME` first or pass --db",
                path.display()
            );
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("the directory {} cannot be created", dir.display()))?;
        }
        let conn = rusqlite::Connection::open(path).map_err(|e| {
            anyhow!(
                "the database {} cannot be opened ({e}); check the path",
                path.display()
            )
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;")
            .map_err(|e| anyhow!("{} is not a head-office database ({e})", path.display()))?;
        let mut db = Db {
            conn,
            path: path.to_path_buf(),
        };
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
                self.path.display()
            );
        }
        for (version, sql) in MIGRATIONS.iter().filter(|m| m.0 > at) {
            self.in_tx(|db| {
                db.conn.execute_batch(sql)?;
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

    /// Runs a statement; returns the rows changed.
    pub fn exec(&self, sql: &str, params: &[Val]) -> Result<usize> {
        let mut st = self.conn.prepare_cached(sql)?;
        Ok(st.execute(rusqlite::params_from_iter(params.iter().map(to_sql)))?)
    }

    /// Runs a query; returns every row.
    pub fn rows(&self, sql: &str, params: &[Val]) -> Result<Vec<Row>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let n = st.column_count();
        let rows = st.query_map(rusqlite::params_from_iter(params.iter().map(to_sql)), |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => Val::Null,
                        rusqlite::types::ValueRef::Integer(n) => Val::Int(n),
                        rusqlite::types::ValueRef::Real(f) => Val::Int(f as i64),
                        rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                            Val::Text(String::from_utf8_lossy(t).into_owned())
                        }
                    })
                })
                .collect::<rusqlite::Result<Vec<Val>>>()
                .map(Row)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<Row>>>()?)
    }

    /// Runs `work` in one transaction: all of it is written, or (on an error) none of it.
    pub fn in_tx<T>(&mut self, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match work(self) {
            Ok(v) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Runs `work` in a transaction that is always rolled back (a dry run).
    pub fn rolled_back<T>(&mut self, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = work(self);
        self.conn.execute_batch("ROLLBACK")?;
        result
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

fn to_sql(v: &Val) -> rusqlite::types::Value {
    match v {
        Val::Null => rusqlite::types::Value::Null,
        Val::Int(n) => rusqlite::types::Value::Integer(*n),
        Val::Text(s) => rusqlite::types::Value::Text(s.clone()),
    }
}

/// Where the database lives: `--db`/`WORTEL_HQ_DB`, else `wortel-hq/hq.sqlite` in the
/// platform's data directory.
pub fn default_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "wortel-hq")
        .map(|d| d.data_dir().join("hq.sqlite"))
        .ok_or_else(|| anyhow!("no home directory is known; pass --db PATH or set WORTEL_HQ_DB"))
}
