//! The SQLite file: WAL, foreign keys on, a ten-second wait for another process's write lock,
//! statements prepared once per connection.

use super::{Row, Val};
use anyhow::{Context, Result, anyhow, bail};
use std::path::Path;

pub struct Sqlite(rusqlite::Connection);

impl Sqlite {
    pub fn open(path: &Path, create: bool) -> Result<Sqlite> {
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
        Ok(Sqlite(conn))
    }

    pub fn batch(&self, sql: &str) -> Result<()> {
        Ok(self.0.execute_batch(sql)?)
    }

    pub fn exec(&self, sql: &str, params: &[Val]) -> Result<usize> {
        let mut st = self.0.prepare_cached(sql)?;
        Ok(st.execute(rusqlite::params_from_iter(params.iter().map(to_sql)))?)
    }

    pub fn rows(&self, sql: &str, params: &[Val]) -> Result<Vec<Row>> {
        use rusqlite::types::ValueRef;
        let mut st = self.0.prepare_cached(sql)?;
        let n = st.column_count();
        let rows = st.query_map(rusqlite::params_from_iter(params.iter().map(to_sql)), |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        ValueRef::Null => Val::Null,
                        ValueRef::Integer(n) => Val::Int(n),
                        ValueRef::Real(f) => Val::Int(f as i64),
                        ValueRef::Text(t) | ValueRef::Blob(t) => {
                            Val::Text(String::from_utf8_lossy(t).into_owned())
                        }
                    })
                })
                .collect::<rusqlite::Result<Vec<Val>>>()
                .map(Row)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<Row>>>()?)
    }
}

fn to_sql(v: &Val) -> rusqlite::types::Value {
    match v {
        Val::Null => rusqlite::types::Value::Null,
        Val::Int(n) => rusqlite::types::Value::Integer(*n),
        Val::Text(s) => rusqlite::types::Value::Text(s.clone()),
    }
}
