//! Themes as data (`themes/*.toml`, after helix): a `[palette]` of named colours and a `[roles]`
//! table that gives each semantic role (`ui.selection`, `tier.1`, `lead.overdue` …) its colours
//! and modifiers. Widgets ask for a role, never for a colour, so a theme can change every colour
//! without touching code. Shipped themes are built into the binary and define every role; a user
//! theme may `inherits` one (and its palette) and change a few. `NO_COLOR` keeps only modifiers,
//! with the roles that carry meaning given a fixed look that survives without colour.
//!
//! The file is walked as a spanned TOML tree (not deserialised into a struct) so that every
//! mistake, down to one modifier in an array, is reported on its own line.

mod parse;

use ratatui::style::{Color, Modifier, Style};
use std::collections::{BTreeMap, HashMap};

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

/// The themes that ship with wortel, by name; the first is the default.
pub const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// Styles per role, plus the palette so that a theme inheriting this one can use its names.
#[derive(Clone, Debug)]
pub struct Theme {
    /// The theme's name: its file name without `.toml` (`dark`, or `mine` for `themes/mine.toml`).
    pub name: String,
    styles: HashMap<Role, Style>,
    palette: BTreeMap<String, Color>,
}

/// ANSI colour names; `default` is the terminal's own colour.
pub(super) const ANSI: &[(&str, Color)] = &[
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

pub(super) const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
];

/// How roles that carry meaning look under `NO_COLOR`. Fixed rather than taken from the theme,
/// so that no theme can make two of them (or one and plain text) look the same: in a list the
/// selected row is reversed, a marked row bold and underlined, an overdue lead bold, matched
/// characters underlined; in the status bar an active filter and an error are reversed too.
pub const NO_COLOR_SIGNALS: &[(Role, Modifier)] = &[
    (Role::Selection, Modifier::REVERSED),
    (Role::Marked, Modifier::BOLD.union(Modifier::UNDERLINED)),
    (Role::Overdue, Modifier::BOLD),
    (Role::Match, Modifier::UNDERLINED),
    (
        Role::FilterActive,
        Modifier::REVERSED.union(Modifier::UNDERLINED),
    ),
    (Role::Error, Modifier::REVERSED.union(Modifier::BOLD)),
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

    /// The theme for `NO_COLOR`: no colours at all, every role keeps its modifiers, and the
    /// roles in [`NO_COLOR_SIGNALS`] get their fixed look so they stay distinguishable.
    pub fn without_colour(&self) -> Theme {
        let styles = Role::ALL
            .iter()
            .map(|role| {
                let modifier = NO_COLOR_SIGNALS
                    .iter()
                    .find(|(r, _)| r == role)
                    .map_or(self.style(*role).add_modifier, |(_, m)| *m);
                (*role, Style::new().add_modifier(modifier))
            })
            .collect();
        Theme {
            name: self.name.clone(),
            styles,
            palette: BTreeMap::new(),
        }
    }

    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::parse::{parse_colour, theme_name};
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

    #[test]
    fn a_theme_is_named_after_its_file() {
        assert_eq!(theme_name("themes/dark.toml"), "dark");
        assert_eq!(
            theme_name("/home/u/.config/wortel/themes/mine.toml"),
            "mine"
        );
        assert_eq!(theme_name("bare"), "bare");
    }

    #[test]
    fn each_mistake_is_placed_on_its_own_line() {
        let text =
            "inherits = \"dark\"\n[roles]\n\"tier.1\" = {\n  fg = \"red\",\n  bg = \"sky\" }\n";
        let e = Theme::parse("t.toml", text, &|_| None).unwrap_err();
        assert_eq!(e.line, 5, "{e}");
    }
}
