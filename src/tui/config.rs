//! The user's choices: which keymap and theme (`config.toml`), single bindings laid over the
//! keymap (`keymap.toml`) and their own themes (`themes/NAME.toml`), all in the config
//! directory. Shipped keymaps and themes are built in, so a missing directory is fine; a broken
//! file stops start-up with a message naming the file, the line and the problem.

use super::config_error::ConfigError;
use super::keymap::Keymap;
use super::theme::Theme;
use crate::domain::board::StaleDays;
use std::path::{Path, PathBuf};
use wortel_core::lang::Language;

/// What the TUI starts with.
pub struct UiConfig {
    pub keymap: Keymap,
    pub theme: Theme,
    /// Days in a stage after which a deal is stale (`[stale-days]` in config.toml).
    pub stale_days: StaleDays,
    /// `language` in config.toml, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    pub language: Language,
}

/// `WORTEL_CONFIG`, else the platform config directory (e.g. `~/.config/wortel`).
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os("WORTEL_CONFIG") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => directories::ProjectDirs::from("nl", "wortel", "wortel")
            .map(|d| d.config_dir().to_path_buf()),
    }
}

/// Loads the configuration from `dir` (nothing there means the defaults); `no_color` strips
/// every colour (the `NO_COLOR` convention).
pub fn load(dir: Option<&Path>, no_color: bool) -> Result<UiConfig, ConfigError> {
    let settings = match dir {
        Some(dir) => read_settings(&dir.join("config.toml"))?,
        None => Settings::default(),
    };
    let keymap_name = &settings.keymap;
    let mut keymap = Keymap::builtin(keymap_name).ok_or_else(|| ConfigError {
        file: dir
            .map(|d| d.join("config.toml").display().to_string())
            .unwrap_or_else(|| "config.toml".into()),
        line: 0,
        problem: format!(
            "keymap `{keymap_name}` does not exist; pick one of {}",
            Keymap::builtin_names().join(", ")
        ),
    })?;
    if let Some(dir) = dir {
        let path = dir.join("keymap.toml");
        if let Some(text) = read_if_present(&path)? {
            keymap.lay_over(&path.display().to_string(), &text)?;
        }
    }
    let theme = load_theme(dir, &settings.theme, &mut Vec::new())?;
    Ok(UiConfig {
        stale_days: settings.stale_days,
        language: settings.language.unwrap_or_else(locale_language),
        keymap,
        theme: if no_color {
            theme.without_colour()
        } else {
            theme
        },
    })
}

/// What config.toml sets for the view (the defaults where it says nothing).
struct Settings {
    keymap: String,
    theme: String,
    stale_days: StaleDays,
    language: Option<Language>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            keymap: "default".to_string(),
            theme: "dark".to_string(),
            stale_days: StaleDays::default(),
            language: None,
        }
    }
}

/// Reads config.toml at `path` if it is there; every unknown key or bad value is refused with
/// its line.
fn read_settings(path: &Path) -> Result<Settings, ConfigError> {
    let mut settings = Settings::default();
    let Some(text) = read_if_present(path)? else {
        return Ok(settings);
    };
    let file = path.display().to_string();
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| ConfigError::from_toml(&file, &text, &e))?;
    for (key, value) in table {
        let at = text.find(&key);
        // Read by `wortel privacy purge` and `ops::Cadence::load`, not here.
        if key == "retention" || key == "cadence" {
            continue;
        }
        if key == "stale-days" {
            settings.stale_days = read_stale_days(&file, &text, &value)?;
            continue;
        }
        let name = value.as_str().ok_or_else(|| {
            ConfigError::new(
                &file,
                &text,
                at,
                format!("`{key}` must be a name in quotes"),
            )
        })?;
        match key.as_str() {
            "keymap" => settings.keymap = name.to_string(),
            "theme" => settings.theme = name.to_string(),
            "language" => {
                settings.language = Some(
                    Language::parse_setting(name)
                        .map_err(|e| ConfigError::new(&file, &text, at, e))?,
                )
            }
            _ => {
                return Err(ConfigError::new(
                    &file,
                    &text,
                    at,
                    format!(
                        "`{key}` is not a setting; config.toml knows language, keymap, theme, [stale-days], [retention] and [cadence]"
                    ),
                ));
            }
        }
    }
    Ok(settings)
}

/// The language the CLI speaks: `language` in `dir/config.toml` (refused in a sentence naming
/// the file and line when wortel does not offer it), else the locale, else English. Only that
/// key is read, so the CLI keeps working whatever the view's other settings hold.
pub fn language(dir: Option<&Path>) -> Result<Language, ConfigError> {
    let Some(path) = dir.map(|d| d.join("config.toml")) else {
        return Ok(locale_language());
    };
    let Some(text) = read_if_present(&path)? else {
        return Ok(locale_language());
    };
    let file = path.display().to_string();
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| ConfigError::from_toml(&file, &text, &e))?;
    let Some(value) = table.get("language") else {
        return Ok(locale_language());
    };
    let at = text.find("language");
    let name = value
        .as_str()
        .ok_or_else(|| ConfigError::new(&file, &text, at, "`language` must be a name in quotes"))?;
    Language::parse_setting(name).map_err(|e| ConfigError::new(&file, &text, at, e))
}

/// The locale's language (without a setting, resolving cannot fail).
fn locale_language() -> Language {
    Language::from_setting_and_env(None).unwrap_or_default()
}

/// A user theme from `dir/themes/NAME.toml` (which may inherit another), else a shipped one.
fn load_theme(
    dir: Option<&Path>,
    name: &str,
    seen: &mut Vec<String>,
) -> Result<Theme, ConfigError> {
    if let Some(dir) = dir {
        let path = dir.join("themes").join(format!("{name}.toml"));
        if let Some(text) = read_if_present(&path)? {
            let file = path.display().to_string();
            if seen.contains(&name.to_string()) {
                return Err(ConfigError {
                    file,
                    line: 0,
                    problem: format!(
                        "theme `{name}` inherits itself through {}",
                        seen.join(" → ")
                    ),
                });
            }
            seen.push(name.to_string());
            let parent = |p: &str| load_theme(Some(dir), p, &mut seen.clone()).ok();
            return Theme::parse(&file, &text, &parent);
        }
    }
    Theme::builtin(name).ok_or_else(|| ConfigError {
        file: dir
            .map(|d| d.join("config.toml").display().to_string())
            .unwrap_or_else(|| "config.toml".into()),
        line: 0,
        problem: format!(
            "theme `{name}` does not exist; pick one of {} or add themes/{name}.toml",
            Theme::builtin_names().join(", ")
        ),
    })
}

fn read_if_present(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError {
            file: path.display().to_string(),
            line: 0,
            problem: format!("cannot be read ({e})"),
        }),
    }
}

/// `[stale-days]`: qualify, appointment, quote, negotiation, each a whole number of days.
fn read_stale_days(file: &str, text: &str, value: &toml::Value) -> Result<StaleDays, ConfigError> {
    let at = text.find("stale-days");
    let table = value.as_table().ok_or_else(|| {
        ConfigError::new(
            file,
            text,
            at,
            "[stale-days] must be a table of stage = days",
        )
    })?;
    let mut days = StaleDays::default();
    for (stage, v) in table {
        let at = text.find(stage.as_str()).or(at);
        let n = v
            .as_integer()
            .filter(|n| (1..=3650).contains(n))
            .ok_or_else(|| {
                ConfigError::new(
                    file,
                    text,
                    at,
                    format!("stale-days `{stage}` must be a whole number of days from 1 to 3650"),
                )
            })?;
        match stage.as_str() {
            "qualify" => days.qualify = n,
            "appointment" => days.appointment = n,
            "quote" => days.quote = n,
            "negotiation" => days.negotiation = n,
            _ => {
                return Err(ConfigError::new(
                    file,
                    text,
                    at,
                    format!(
                        "`{stage}` is not an open stage; [stale-days] knows qualify, appointment, quote and negotiation"
                    ),
                ));
            }
        }
    }
    Ok(days)
}
