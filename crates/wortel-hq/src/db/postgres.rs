//! A PostgreSQL server (`--db postgres://user@host:port/database`): the same SQL as SQLite. Each
//! parameter is converted to the type the server inferred for it (a null is typed too), and
//! statements are prepared once per connection.

use super::{Row, Val};
use anyhow::{Result, anyhow};
use postgres::types::{ToSql, Type};
use std::cell::RefCell;
use std::collections::HashMap;

pub struct Postgres {
    client: RefCell<postgres::Client>,
    prepared: RefCell<HashMap<String, postgres::Statement>>,
}

/// The URL without its password, for messages.
pub fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let user = &url[s + 3..at];
            let user = user.split(':').next().unwrap_or("");
            format!("{}{user}@{}", &url[..s + 3], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

pub fn is_serialization_failure(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<postgres::Error>()
            .and_then(|p| p.code())
            .is_some_and(|code| {
                // A unique key another process inserted first is the same race lost.
                *code == postgres::error::SqlState::T_R_SERIALIZATION_FAILURE
                    || *code == postgres::error::SqlState::UNIQUE_VIOLATION
            })
    })
}

impl Postgres {
    pub fn connect(url: &str) -> Result<Postgres> {
        let client = postgres::Client::connect(url, postgres::NoTls).map_err(|e| {
            anyhow!(
                "the PostgreSQL server at {} cannot be reached ({e}); check the URL and that the server runs",
                shown(url)
            )
        })?;
        Ok(Postgres {
            client: RefCell::new(client),
            prepared: RefCell::new(HashMap::new()),
        })
    }

    pub fn batch(&self, sql: &str) -> Result<()> {
        Ok(self.client.borrow_mut().batch_execute(sql)?)
    }

    fn statement(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(st) = self.prepared.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.borrow_mut().prepare(sql)?;
        self.prepared
            .borrow_mut()
            .insert(sql.to_string(), st.clone());
        Ok(st)
    }

    pub fn exec(&self, sql: &str, params: &[Val]) -> Result<usize> {
        let st = self.statement(sql)?;
        let values = typed(&st, params)?;
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
        Ok(self.client.borrow_mut().execute(&st, &refs)? as usize)
    }

    pub fn rows(&self, sql: &str, params: &[Val]) -> Result<Vec<Row>> {
        let st = self.statement(sql)?;
        let values = typed(&st, params)?;
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
        let rows = self.client.borrow_mut().query(&st, &refs)?;
        rows.iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| read(r, i))
                    .collect::<Result<Vec<Val>>>()
                    .map(Row)
            })
            .collect()
    }
}

/// Each value as the Rust type of the parameter the server expects.
fn typed(st: &postgres::Statement, params: &[Val]) -> Result<Vec<Box<dyn ToSql + Sync>>> {
    st.params()
        .iter()
        .zip(params)
        .map(|(ty, v)| -> Result<Box<dyn ToSql + Sync>> {
            let int = |v: &Val| match v {
                Val::Int(n) => Ok(Some(*n)),
                Val::Text(s) => s
                    .parse()
                    .map(Some)
                    .map_err(|_| anyhow!("`{s}` is not a number")),
                Val::Null => Ok(None),
            };
            Ok(match *ty {
                Type::INT8 => Box::new(int(v)?),
                Type::INT4 => Box::new(int(v)?.map(|n| n as i32)),
                Type::INT2 => Box::new(int(v)?.map(|n| n as i16)),
                _ => Box::new(match v {
                    Val::Text(s) => Some(s.clone()),
                    Val::Int(n) => Some(n.to_string()),
                    Val::Null => None,
                }),
            })
        })
        .collect()
}

fn read(r: &postgres::Row, i: usize) -> Result<Val> {
    let ty = r.columns()[i].type_().clone();
    Ok(match ty {
        Type::INT8 => r.get::<_, Option<i64>>(i).map_or(Val::Null, Val::Int),
        Type::INT4 => r
            .get::<_, Option<i32>>(i)
            .map_or(Val::Null, |n| Val::Int(n.into())),
        Type::INT2 => r
            .get::<_, Option<i16>>(i)
            .map_or(Val::Null, |n| Val::Int(n.into())),
        _ => r
            .try_get::<_, Option<String>>(i)?
            .map_or(Val::Null, Val::Text),
    })
}
