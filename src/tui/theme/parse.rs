//! Reading a theme file: the top level (`inherits`, `[palette]`, `[roles]`), the inherited
//! base, the palette's colours and each role's style, every mistake placed on its own line.

use super::{ANSI, MODIFIERS, Role, Theme};
use crate::tui::config_error::ConfigError;
use ratatui::style::{Color, Modifier, Style};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// How a mistake at a place in the file becomes the error that names it.
type Err<'e> = &'e dyn Fn(&Range<usize>, String) -> ConfigError;

/// The three things a theme file may hold.
struct Parts<'a, 'i> {
    inherits: Option<&'a Spanned<DeValue<'i>>>,
    palette: Option<&'a Spanned<DeValue<'i>>>,
    roles: Option<&'a Spanned<DeValue<'i>>>,
}

impl<'a, 'i> Parts<'a, 'i> {
    /// Sorts the top-level keys; anything else is refused where it is.
    fn of(doc: &'a DeTable<'i>, err: Err) -> Result<Parts<'a, 'i>, ConfigError> {
        let mut parts = Parts {
            inherits: None,
            palette: None,
            roles: None,
        };
        for (key, value) in doc {
            let slot = match key.get_ref().as_ref() {
                "inherits" => &mut parts.inherits,
                "palette" => &mut parts.palette,
                "roles" => &mut parts.roles,
                other => {
                    return Err(err(
                        &key.span(),
                        format!(
                            "`{other}` is not part of a theme; a theme has inherits = \"NAME\", [palette] and [roles]"
                        ),
                    ));
                }
            };
            *slot = Some(value);
        }
        Ok(parts)
    }
}

/// The theme `inherits = "NAME"` names (a user theme through `parent`, else a shipped one),
/// renamed after this file.
fn inherited(
    p: &Spanned<DeValue>,
    file: &str,
    parent: &dyn Fn(&str) -> Option<Theme>,
    err: Err,
) -> Result<Theme, ConfigError> {
    let name = p.get_ref().as_str().ok_or_else(|| {
        err(
            &p.span(),
            "`inherits` must be a theme name in quotes, e.g. inherits = \"dark\"".into(),
        )
    })?;
    let mut base = parent(name)
        .or_else(|| Theme::builtin(name))
        .ok_or_else(|| {
            err(
                &p.span(),
                format!(
                    "`{name}` is not a theme to inherit from; use one of {}",
                    Theme::builtin_names().join(", ")
                ),
            )
        })?;
    base.name = theme_name(file);
    Ok(base)
}

impl Theme {
    /// Parses a theme; `file` is how errors name it, `parent` finds a user theme it inherits
    /// (shipped themes are found without it). A theme without `inherits` must give every role.
    pub fn parse(
        file: &str,
        text: &str,
        parent: &dyn Fn(&str) -> Option<Theme>,
    ) -> Result<Theme, ConfigError> {
        let err = |at: &Range<usize>, problem: String| {
            ConfigError::new(file, text, Some(at.start), problem)
        };
        let doc = DeTable::parse(text).map_err(|e| ConfigError::from_toml(file, text, &e))?;
        let parts = Parts::of(doc.get_ref(), &err)?;
        let mut theme = match parts.inherits {
            Some(p) => inherited(p, file, parent, &err)?,
            None => Theme {
                name: theme_name(file),
                styles: HashMap::new(),
                palette: BTreeMap::new(),
            },
        };
        theme.read_palette(parts.palette, &err)?;
        theme.read_roles(parts.roles, &err)?;
        if let Some(missing) = Role::ALL.iter().find(|r| !theme.styles.contains_key(r)) {
            return Err(ConfigError::new(
                file,
                text,
                None,
                format!(
                    "role `{}` has no style; give it one under [roles] or add `inherits = \"dark\"`",
                    missing.name()
                ),
            ));
        }
        Ok(theme)
    }

    /// The `[palette]`'s named colours, over those inherited.
    fn read_palette(
        &mut self,
        palette: Option<&Spanned<DeValue>>,
        err: Err,
    ) -> Result<(), ConfigError> {
        for (name, value) in table(palette, "[palette]", err)?.into_iter().flatten() {
            let colour = value
                .get_ref()
                .as_str()
                .and_then(parse_colour)
                .ok_or_else(|| {
                    err(
                        &value.span(),
                        format!(
                            "palette colour `{}` = {} is not a colour; use #rrggbb or an ANSI name (red, light-blue, …)",
                            name.get_ref(),
                            shown(value.get_ref())
                        ),
                    )
                })?;
            self.palette.insert(name.get_ref().to_string(), colour);
        }
        Ok(())
    }

    /// The `[roles]`' styles, over those inherited.
    fn read_roles(
        &mut self,
        roles: Option<&Spanned<DeValue>>,
        err: Err,
    ) -> Result<(), ConfigError> {
        for (name, value) in table(roles, "[roles]", err)?.into_iter().flatten() {
            let role = Role::from_name(name.get_ref()).ok_or_else(|| {
                err(
                    &name.span(),
                    format!(
                        "`{}` is not a colour role; roles are {}",
                        name.get_ref(),
                        Role::ALL
                            .iter()
                            .map(|r| r.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?;
            let style = self.role_style(role, value, err)?;
            self.styles.insert(role, style);
        }
        Ok(())
    }

    /// One role's style: a colour (the foreground) or a table `{ fg, bg, modifiers }`.
    fn role_style(
        &self,
        role: Role,
        value: &Spanned<DeValue>,
        err: Err,
    ) -> Result<Style, ConfigError> {
        let r = role.name();
        let colour = |v: &Spanned<DeValue>| -> Result<Color, ConfigError> {
            let Some(name) = v.get_ref().as_str() else {
                return Err(err(
                    &v.span(),
                    format!("a colour in `{r}` must be in quotes, e.g. \"#ff8000\" or \"red\""),
                ));
            };
            self.palette
                .get(name)
                .copied()
                .or_else(|| parse_colour(name))
                .ok_or_else(|| {
                    err(
                        &v.span(),
                        format!(
                            "`{name}` in `{r}` is not a colour; use #rrggbb, an ANSI name (red, light-blue, …), default, or a name from [palette]"
                        ),
                    )
                })
        };
        let fields = match value.get_ref() {
            DeValue::String(_) => return Ok(Style::new().fg(colour(value)?)),
            DeValue::Table(t) => t,
            _ => {
                return Err(err(
                    &value.span(),
                    format!("`{r}` must be a colour in quotes or a table {{ fg, bg, modifiers }}"),
                ));
            }
        };
        let mut style = Style::new();
        for (key, v) in fields {
            match key.get_ref().as_ref() {
                "fg" => style = style.fg(colour(v)?),
                "bg" => style = style.bg(colour(v)?),
                "modifiers" => style = style.add_modifier(modifiers(r, v, err)?),
                other => {
                    return Err(err(
                        &key.span(),
                        format!(
                            "`{other}` in `{r}` is not understood; a role takes fg = \"colour\", bg = \"colour\" and modifiers = [\"bold\", …]"
                        ),
                    ));
                }
            }
        }
        Ok(style)
    }
}

/// A theme is named after its file: `themes/dark.toml` is `dark`.
pub(super) fn theme_name(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.strip_suffix(".toml").unwrap_or(base).to_string()
}

/// The `[palette]` or `[roles]` table, if the file has one.
fn table<'a, 'i>(
    value: Option<&'a Spanned<DeValue<'i>>>,
    what: &str,
    err: Err,
) -> Result<Option<&'a DeTable<'i>>, ConfigError> {
    match value.map(|v| (v, v.get_ref())) {
        None => Ok(None),
        Some((_, DeValue::Table(t))) => Ok(Some(t)),
        Some((v, _)) => Err(err(
            &v.span(),
            format!(
                "{what} must be a table: put it on its own line as {what} with `name = ...` lines below"
            ),
        )),
    }
}

/// A value as the user wrote it, for messages (`"ocean"`, `3`).
fn shown(value: &DeValue) -> String {
    match value {
        DeValue::String(s) => format!("\"{s}\""),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) => "a list".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

/// `modifiers = ["bold", …]` of role `r`.
fn modifiers(r: &str, value: &Spanned<DeValue>, err: Err) -> Result<Modifier, ConfigError> {
    let names = || {
        MODIFIERS
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let DeValue::Array(items) = value.get_ref() else {
        return Err(err(
            &value.span(),
            format!(
                "`modifiers` in `{r}` must be a list such as [\"bold\"]; use {}",
                names()
            ),
        ));
    };
    let mut all = Modifier::empty();
    for item in items.iter() {
        let Some(name) = item.get_ref().as_str() else {
            return Err(err(
                &item.span(),
                format!(
                    "modifiers of `{r}` must be names in quotes; use {}",
                    names()
                ),
            ));
        };
        let Some((_, m)) = MODIFIERS.iter().find(|(n, _)| *n == name) else {
            return Err(err(
                &item.span(),
                format!("`{name}` in `{r}` is not a modifier; use {}", names()),
            ));
        };
        all |= *m;
    }
    Ok(all)
}

/// `#rrggbb` or an ANSI colour name.
pub(super) fn parse_colour(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let n = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8));
    }
    ANSI.iter().find(|(n, _)| *n == text).map(|(_, c)| *c)
}
