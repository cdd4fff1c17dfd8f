//! STUB — being replaced by the full theme loader (themes/*.toml). Interface is fixed.

use super::config_error::ConfigError;
use ratatui::style::{Color, Modifier, Style};

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

/// Styles per role.
#[derive(Clone, Debug)]
pub struct Theme {
    pub name: String,
    colourless: bool,
}

impl Theme {
    pub fn builtin(name: &str) -> Option<Theme> {
        Some(Theme {
            name: name.to_string(),
            colourless: false,
        })
    }
    pub fn builtin_names() -> Vec<&'static str> {
        vec!["dark", "light", "high-contrast"]
    }
    pub fn parse(
        file: &str,
        _text: &str,
        _parent: &dyn Fn(&str) -> Option<Theme>,
    ) -> Result<Theme, ConfigError> {
        Ok(Theme {
            name: file.to_string(),
            colourless: false,
        })
    }
    pub fn without_colour(&self) -> Theme {
        Theme {
            name: self.name.clone(),
            colourless: true,
        }
    }
    pub fn style(&self, role: Role) -> Style {
        let s = match role {
            Role::Selection => Style::new().add_modifier(Modifier::REVERSED),
            Role::Title | Role::Header => Style::new().add_modifier(Modifier::BOLD),
            Role::Match => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Role::Overdue | Role::Error => Style::new().fg(Color::Red),
            Role::Ok => Style::new().fg(Color::Green),
            Role::Muted => Style::new().fg(Color::DarkGray),
            Role::Marked => Style::new().fg(Color::Magenta),
            _ => Style::new(),
        };
        if self.colourless {
            Style::new().add_modifier(s.add_modifier)
        } else {
            s
        }
    }
}
