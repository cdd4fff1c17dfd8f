//! The user's choices: which keymap and theme (`config.toml`), single bindings laid over the
//! keymap (`keymap.toml`) and their own themes (`themes/NAME.toml`), all in the config
//! directory. Shipped keymaps and themes are built in, so a missing directory is fine; a broken
//! file stops start-up with a message naming the file, the line and the problem.

use super::config_error::ConfigError;
use super::keymap::Keymap;
use super::theme::Theme;
use std::path::{Path, PathBuf};

/// What the TUI starts with.
pub struct UiConfig {
    pub keymap: Keymap,
    pub theme: Theme,
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
    let mut keymap_name = "default".to_string();
    let mut theme_name = "dark".to_string();
    if let Some(dir) = dir {
        let path = dir.join("config.toml");
        if let Some(text) = read_if_present(&path)? {
            let file = path.display().to_string();
            let table: toml::Table =
                toml::from_str(&text).map_err(|e| ConfigError::from_toml(&file, &text, &e))?;
            for (key, value) in table {
                let at = text.find(&key);
                let name = value.as_str().ok_or_else(|| {
                    ConfigError::new(
                        &file,
                        &text,
                        at,
                        format!("`{key}` must be a name in quotes"),
                    )
                })?;
                match key.as_str() {
                    "keymap" => keymap_name = name.to_string(),
                    "theme" => theme_name = name.to_string(),
                    _ => {
                        return Err(ConfigError::new(
                            &file,
                            &text,
                            at,
                            format!("`{key}` is not a setting; config.toml knows keymap and theme"),
                        ));
                    }
                }
            }
        }
    }
    let mut keymap = Keymap::builtin(&keymap_name).ok_or_else(|| ConfigError {
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
    let theme = load_theme(dir, &theme_name, &mut Vec::new())?;
    Ok(UiConfig {
        keymap,
        theme: if no_color {
            theme.without_colour()
        } else {
            theme
        },
    })
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
