//! Themes as data (`themes/*.toml`): a `[palette]` of named colours and a `[roles]` table that
//! gives each semantic role (`ui.selection`, `tier.1`, `lead.overdue` …) its colours and
//! modifiers. Widgets ask for a role, never for a colour. Shipped themes are built in and define
//! every role; a user theme may `inherits` one and change a few. `NO_COLOR` keeps only the
//! modifiers, with the roles that must stay visible made so by reverse, bold or underline.

use super::config_error::ConfigError;
use ratatui::style::{Color, Modifier, Style};
use std::collections::{BTreeMap, HashMap};
use toml::Spanned;

macro_rules! roles {
    ($( $variant:ident = $name:literal, $doc:literal; )+) => {
        /// A semantic colour role: widgets ask for a role, never for a colour.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Role { $( #[doc = $doc] $variant, )+ }

        impl Role {
            pub const ALL: &'static [Role] = &[$(Role::$variant,)+];
            /// The key in a theme file.
            pub fn name(self) -> &'static str {
                match self { $(Role::$variant => $name,)+ }
            }
            pub fn from_name(name: &str) -> Option<Role> {
                Role::ALL.iter().copied().find(|r| r.name() == name)
            }
        }
    };
}

roles! {
    Text = "ui.text", "ordinary text";
    Muted = "ui.muted", "secondary text: hints, empty states, dates";
    Border = "ui.border", "borders of panes";
    BorderFocus = "ui.border.focus", "the border of the focused pane or overlay";
    Title = "ui.title", "pane and overlay titles";
    Header = "ui.header", "table column headers";
    Selection = "ui.selection", "the selected row";
    Marked = "ui.marked", "rows marked for a bulk action";
    Match = "ui.match", "characters a fuzzy query matched";
    Key = "ui.key", "key names in help and hints";
    StatusBar = "ui.statusbar", "the status bar";
    Input = "ui.input", "text being typed";
    FilterActive = "ui.filter.active", "a filter that is on";
    Tier1 = "tier.1", "tier 1: customers";
    Tier2 = "tier.2", "tier 2: known prospects";
    Tier3 = "tier.3", "tier 3: unknown prospects";
    Overdue = "lead.overdue", "a lead past its respond-by";
    Incentive = "lead.incentive", "head office pays an incentive on this lead";
    Info = "status.info", "a neutral status message";
    Ok = "status.ok", "a change was saved";
    Error = "status.error", "something went wrong";
    Stale = "card.stale", "a deal idle too long in its stage";
}

/// The themes that ship with wortel, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// Styles per role.
#[derive(Clone, Debug)]
pub struct Theme {
    pub name: String,
    styles: HashMap<Role, Style>,
}

/// A theme file as written.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    inherits: Option<Spanned<String>>,
    #[serde(default)]
    palette: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    roles: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

const ANSI: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
];

impl Theme {
    /// A shipped theme by name.
    pub fn builtin(name: &str) -> Option<Theme> {
        let (n, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Theme::parse(&format!("themes/{n}.toml"), text, &|_| None).ok()
    }

    /// The names a user can pick from.
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    /// Parses a theme; `file` is how errors name it, `parent` finds the theme it inherits.
    /// A theme without `inherits` must give every role.
    pub fn parse(
        file: &str,
        text: &str,
        parent: &dyn Fn(&str) -> Option<Theme>,
    ) -> Result<Theme, ConfigError> {
        let err = |at: usize, problem: String| ConfigError::new(file, text, Some(at), problem);
        let raw: RawTheme =
            toml::from_str(text).map_err(|e| ConfigError::from_toml(file, text, &e))?;
        let mut styles = match &raw.inherits {
            Some(p) => {
                let name = p.get_ref();
                parent(name)
                    .or_else(|| Theme::builtin(name))
                    .ok_or_else(|| {
                        err(
                            p.span().start,
                            format!(
                                "`{name}` is not a theme to inherit from; use one of {}",
                                Theme::builtin_names().join(", ")
                            ),
                        )
                    })?
                    .styles
            }
            None => HashMap::new(),
        };
        let colour = |name: &str, at: usize, role: &str| -> Result<Color, ConfigError> {
            let resolved = raw
                .palette
                .get(name)
                .map(|p| p.get_ref().as_str())
                .unwrap_or(name);
            parse_colour(resolved).ok_or_else(|| {
                err(
                    at,
                    format!(
                        "`{name}` in `{role}` is not a colour; use #rrggbb, an ANSI name (red, light-blue, …), default, or a name from [palette]"
                    ),
                )
            })
        };
        for (name, value) in &raw.palette {
            if parse_colour(value.get_ref()).is_none() {
                return Err(err(
                    value.span().start,
                    format!(
                        "palette colour `{name}` = `{}` is not a colour; use #rrggbb or an ANSI name",
                        value.get_ref()
                    ),
                ));
            }
        }
        for (role_name, value) in &raw.roles {
            let role = Role::from_name(role_name.get_ref()).ok_or_else(|| {
                err(
                    role_name.span().start,
                    format!(
                        "`{}` is not a colour role; roles are {}",
                        role_name.get_ref(),
                        Role::ALL
                            .iter()
                            .map(|r| r.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?;
            let r = role.name();
            let at = value.span().start;
            let style = match value.get_ref() {
                toml::Value::String(c) => Style::new().fg(colour(c, at, r)?),
                toml::Value::Table(t) => {
                    let mut st = Style::new();
                    for (key, v) in t {
                        match (key.as_str(), v) {
                            ("fg", toml::Value::String(c)) => st = st.fg(colour(c, at, r)?),
                            ("bg", toml::Value::String(c)) => st = st.bg(colour(c, at, r)?),
                            ("modifiers", toml::Value::Array(ms)) => {
                                for m in ms {
                                    let name = m.as_str().unwrap_or_default();
                                    let (_, modifier) = MODIFIERS
                                        .iter()
                                        .find(|(n, _)| *n == name)
                                        .ok_or_else(|| {
                                            err(
                                                at,
                                                format!(
                                                    "`{name}` in `{r}` is not a modifier; use {}",
                                                    MODIFIERS
                                                        .iter()
                                                        .map(|(n, _)| *n)
                                                        .collect::<Vec<_>>()
                                                        .join(", ")
                                                ),
                                            )
                                        })?;
                                    st = st.add_modifier(*modifier);
                                }
                            }
                            _ => {
                                return Err(err(
                                    at,
                                    format!(
                                        "`{key}` in `{r}` is not understood; a role takes fg = \"colour\", bg = \"colour\" and modifiers = [\"bold\", …]"
                                    ),
                                ));
                            }
                        }
                    }
                    st
                }
                _ => {
                    return Err(err(
                        at,
                        format!(
                            "`{r}` must be a colour in quotes or a table {{ fg, bg, modifiers }}"
                        ),
                    ));
                }
            };
            styles.insert(role, style);
        }
        if let Some(missing) = Role::ALL.iter().find(|r| !styles.contains_key(r)) {
            return Err(ConfigError {
                file: file.to_string(),
                line: 0,
                problem: format!(
                    "role `{}` has no style; give it one under [roles] or add `inherits = \"dark\"`",
                    missing.name()
                ),
            });
        }
        Ok(Theme {
            name: file.to_string(),
            styles,
        })
    }

    /// The theme for `NO_COLOR`: modifiers only, and the roles that carry meaning kept visible
    /// by reverse, bold or underline.
    pub fn without_colour(&self) -> Theme {
        let mut styles = HashMap::new();
        for role in Role::ALL {
            let kept = self.style(*role).add_modifier;
            let needed = match role {
                Role::Selection => Modifier::REVERSED,
                Role::Marked | Role::Title | Role::Header | Role::Error | Role::Overdue => {
                    Modifier::BOLD
                }
                Role::Match | Role::FilterActive => Modifier::UNDERLINED,
                _ => Modifier::empty(),
            };
            styles.insert(*role, Style::new().add_modifier(kept | needed));
        }
        Theme {
            name: self.name.clone(),
            styles,
        }
    }

    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }
}

/// `#rrggbb` or an ANSI colour name.
fn parse_colour(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let n = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8));
    }
    ANSI.iter().find(|(n, _)| *n == text).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_theme_loads_and_styles_every_role() {
        for (name, text) in BUILTIN {
            let t = Theme::parse(name, text, &|_| None).unwrap_or_else(|e| panic!("{e}"));
            for r in Role::ALL {
                assert!(t.styles.contains_key(r), "{name} lacks {}", r.name());
            }
            assert_ne!(t.style(Role::Selection), t.style(Role::Text), "{name}");
        }
    }

    #[test]
    fn colours_parse() {
        assert_eq!(parse_colour("#ff8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_colour("light-blue"), Some(Color::LightBlue));
        assert_eq!(parse_colour("#12g456"), None);
        assert_eq!(parse_colour("#123"), None);
        assert_eq!(parse_colour("purple"), None);
    }

    #[test]
    fn no_color_keeps_the_meaningful_roles_visible() {
        let t = Theme::builtin("dark").unwrap().without_colour();
        for r in Role::ALL {
            let s = t.style(*r);
            assert_eq!((s.fg, s.bg), (None, None), "{}", r.name());
        }
        assert!(
            t.style(Role::Selection)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert!(!t.style(Role::Match).add_modifier.is_empty());
        assert!(!t.style(Role::Overdue).add_modifier.is_empty());
    }
}
