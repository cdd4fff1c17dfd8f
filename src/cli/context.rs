//! What every command needs: where the store is, what time it is, which time zone.

use anyhow::{Context as _, Result};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::cell::OnceCell;
use std::path::PathBuf;
use std::sync::Arc;
use wortel::store::{Store, StoreError};
use wortel_core::lang::Language;

/// The store location and the clock, resolved once per run.
#[derive(Clone)]
pub struct Context {
    /// The store this process already holds: the full-screen view running a command typed in
    /// another terminal (`crate::serve`) lends its open store instead of opening it again.
    pub held: Option<Arc<Store>>,
    pub store: PathBuf,
    /// True when the path came from `--store`/`WORTEL_STORE` rather than the default.
    pub explicit_store: bool,
    pub now: Timestamp,
    /// True when `WORTEL_NOW` fixed the clock (the TUI then keeps that time).
    pub fixed_now: bool,
    pub tz: TimeZone,
    /// Where config.toml is (`WORTEL_CONFIG`, else the platform's): the asking terminal's when
    /// the full-screen view runs the command for it.
    pub config_dir: Option<PathBuf>,
    /// Resolved on first use, so a command that shows no text never reads config.toml.
    lang: OnceCell<Language>,
}

impl Context {
    /// `--store` (or `WORTEL_STORE`), else the platform data directory. `WORTEL_NOW` (RFC 3339)
    /// fixes the clock, for reproducible scripts and tests.
    pub fn new(store: Option<PathBuf>) -> Result<Context> {
        Self::with_clock(store, std::env::var("WORTEL_NOW").ok(), None)
    }

    /// As [`Context::new`], with `WORTEL_NOW` as the asking terminal has it and the store this
    /// process holds, if any.
    pub fn with_clock(
        store: Option<PathBuf>,
        wortel_now: Option<String>,
        held: Option<Arc<Store>>,
    ) -> Result<Context> {
        let explicit_store = store.is_some();
        let store = match store {
            Some(p) if p.as_os_str().is_empty() => {
                anyhow::bail!(wortel_core::said!("context-empty-store-path"))
            }
            Some(p) => p,
            None => default_store_path()?,
        };
        let fixed = wortel_now.as_ref().is_some_and(|s| !s.trim().is_empty());
        let now = match wortel_now {
            Some(s) if !s.trim().is_empty() => s
                .trim()
                .parse::<Timestamp>()
                .map_err(|_| anyhow::anyhow!(wortel_core::said!("context-bad-now", now = &s)))?,
            // Whole seconds: listings and files show times a person can read.
            _ => Timestamp::now()
                .round(jiff::Unit::Second)
                .unwrap_or_else(|_| Timestamp::now()),
        };
        Ok(Context {
            held,
            store,
            explicit_store,
            now,
            fixed_now: fixed,
            tz: TimeZone::system(),
            config_dir: wortel::tui::config::config_dir(),
            lang: OnceCell::new(),
        })
    }

    /// The language listings and messages are in: `language` in config.toml, else the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. A `language` wortel does not offer is
    /// refused with the file and line.
    pub fn lang(&self) -> Result<Language> {
        if let Some(l) = self.lang.get() {
            return Ok(*l);
        }
        let l = wortel::tui::config::language(self.config_dir.as_deref())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(*self.lang.get_or_init(|| l))
    }

    /// Fixes the language, as the asking terminal reads it (a command run inside the view).
    pub fn set_lang(&mut self, lang: Language) {
        self.lang = OnceCell::from(lang);
    }

    /// A catalogue sentence in the reader's language. A config.toml that cannot be read does
    /// not stop a receipt: it is said in the locale's language, and the listing that needs the
    /// setting reports the file.
    pub fn said(&self, s: &wortel_core::said::Said) -> String {
        s.say(
            self.lang()
                .unwrap_or_else(|_| super::say::reader_language()),
        )
    }

    /// A date as the salesperson typed it (`4-12`, `morgen`, `+3d`, …), counted from today; a
    /// refusal is in the reader's language.
    pub fn date(&self, typed: &str) -> Result<jiff::civil::Date> {
        Ok(wortel::domain::parse_date_input_in(
            typed,
            self.today(),
            self.lang()?,
        )?)
    }

    /// The store: the one this process holds, else opened now (and closed when dropped). An
    /// erasure whose backups were not all rewritten (its process was killed) is finished first.
    pub fn open_store(&self) -> Result<StoreRef, StoreError> {
        match &self.held {
            Some(store) => Ok(StoreRef::Held(store.clone())),
            None => {
                let store = Store::open(&self.store)?;
                finish_pending_erasure(&store, self.now);
                Ok(StoreRef::Own(store))
            }
        }
    }

    /// True when this command runs inside the full-screen view for another terminal: what needs
    /// the store closed (rewriting its files) waits until the view closes.
    pub fn beside_view(&self) -> bool {
        self.held.is_some()
    }

    /// Today's date in the local time zone.
    pub fn today(&self) -> jiff::civil::Date {
        self.now.to_zoned(self.tz.clone()).date()
    }
}

/// Rewrites the backups an erasure left holding the erased people (see
/// [`wortel::ops::finish_pending_erasure`]) and says so on standard error; a failure is said
/// too, and the next open tries again.
pub fn finish_pending_erasure(store: &Store, now: Timestamp) {
    let lang = super::say::reader_language();
    let said = match wortel::ops::finish_pending_erasure(store, now) {
        Ok(None) => return,
        Ok(Some(done)) => wortel_core::said!(
            "erasure-finished-now",
            backups = super::privacy::backups_said_in(lang, &done, "erased")
        ),
        Err(e) => wortel_core::said!("erasure-not-finished", why = super::errors::link(&e, lang)),
    };
    errln!("wortel: {}", said.say(lang));
}

/// The platform's data directory for wortel (e.g. `~/.local/share/wortel/store` on Linux).
pub fn default_store_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("nl", "wortel", "wortel")
        .map(|d| d.data_dir().join("store"))
        .context(wortel_core::said!("context-no-home"))
}

/// A store opened for one command, or the one the full-screen view holds and lends.
pub enum StoreRef {
    Own(Store),
    Held(Arc<Store>),
}

impl std::ops::Deref for StoreRef {
    type Target = Store;

    fn deref(&self) -> &Store {
        match self {
            StoreRef::Own(s) => s,
            StoreRef::Held(s) => s,
        }
    }
}
