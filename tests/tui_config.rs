//! Keymaps, themes and config.toml: every shipped file loads, and every kind of mistake in a
//! user's file gets one message naming the file, the line and the problem (fixtures under
//! tests/fixtures/config/, with the exact expected messages here).

use ratatui::style::{Color, Modifier, Style};
use std::path::Path;
use wortel::tui::action::{Action, Context};
use wortel::tui::config;
use wortel::tui::keymap::{self, Keymap};
use wortel::tui::keys::Chord;
use wortel::tui::theme::{self, Role, Theme};

fn fixture(kind: &str, name: &str) -> (String, String) {
    let file = format!("tests/fixtures/config/{kind}/{name}.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    (file, text)
}

fn keymap_error(name: &str) -> String {
    let (file, text) = fixture("keymaps", name);
    Keymap::parse(&file, &text).unwrap_err().to_string()
}

fn theme_error(name: &str) -> String {
    let (file, text) = fixture("themes", name);
    Theme::parse(&file, &text, &|_| None)
        .unwrap_err()
        .to_string()
}

#[test]
fn every_shipped_keymap_loads_and_binds_every_action() {
    for (name, text) in keymap::BUILTIN {
        let map = Keymap::parse(name, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(map.unbound(), Vec::<Action>::new(), "{name}");
    }
}

#[test]
fn the_default_keymap_has_the_keys_of_section_5() {
    let map = Keymap::builtin("default").unwrap();
    let on = |ctx, key: &str| map.action_in(ctx, &Chord::parse(key).unwrap());
    assert_eq!(on(Context::Global, "?"), Some(Action::Help));
    assert_eq!(on(Context::Global, ":"), Some(Action::Palette));
    assert_eq!(on(Context::Global, "ctrl-p"), Some(Action::Palette));
    assert_eq!(on(Context::Global, "/"), Some(Action::Filter));
    assert_eq!(on(Context::Global, "1"), Some(Action::PaneInbox));
    assert_eq!(on(Context::Global, "2"), Some(Action::PaneAccounts));
    assert_eq!(on(Context::Global, "3"), Some(Action::PaneFunnel));
    assert_eq!(on(Context::Global, "tab"), Some(Action::NextPane));
    assert_eq!(on(Context::Global, "u"), Some(Action::Undo));
    assert_eq!(on(Context::Global, "q"), Some(Action::Quit));
    assert_eq!(on(Context::Overlay, "esc"), Some(Action::Close));
    for (k, a) in [
        ("j", Action::Down),
        ("down", Action::Down),
        ("k", Action::Up),
        ("up", Action::Up),
        ("g", Action::Top),
        ("G", Action::Bottom),
        ("enter", Action::Open),
        ("space", Action::Mark),
    ] {
        assert_eq!(on(Context::List, k), Some(a), "{k}");
    }
    for (k, a) in [
        ("a", Action::Accept),
        ("r", Action::Reject),
        ("s", Action::Snooze),
        ("c", Action::Convert),
    ] {
        assert_eq!(on(Context::Inbox, k), Some(a), "{k}");
    }
}

#[test]
fn keymap_mistakes_name_file_line_and_problem() {
    let f = "tests/fixtures/config/keymaps";
    assert_eq!(
        keymap_error("unknown-action"),
        format!(
            "{f}/unknown-action.toml line 3: `frobnicate` is not an action; `wortel` lists them in help (?)"
        )
    );
    assert_eq!(
        keymap_error("bad-key"),
        format!(
            "{f}/bad-key.toml line 2: `hyper-x` is not a key; write one character, a name such as enter, esc, tab, space, up, pagedown or f1, with ctrl-, alt- or shift- in front if needed"
        )
    );
    assert_eq!(
        keymap_error("conflict"),
        format!(
            "{f}/conflict.toml line 3: `shift-g` is bound twice in [list]: `G` on line 2 is the same key"
        )
    );
    assert_eq!(
        keymap_error("wrong-context"),
        format!(
            "{f}/wrong-context.toml line 2: `accept` cannot be bound in [global]; it belongs in [inbox]"
        )
    );
    assert_eq!(
        keymap_error("unknown-context"),
        format!(
            "{f}/unknown-context.toml line 1: `inbx` is not a context; use one of global, list, inbox, accounts, funnel, overlay"
        )
    );
    assert_eq!(
        keymap_error("syntax"),
        format!("{f}/syntax.toml line 2: invalid basic string, expected `\"`")
    );
    assert_eq!(
        keymap_error("duplicate-key"),
        format!("{f}/duplicate-key.toml line 3: duplicate key")
    );
    assert_eq!(
        keymap_error("not-a-name"),
        format!("{f}/not-a-name.toml line 2: the binding of `a` must be an action name in quotes")
    );
}

#[test]
fn every_shipped_theme_stands_alone_with_every_role_and_a_visible_selection() {
    assert_eq!(Theme::builtin_names()[0], "dark", "dark is the default");
    for (name, text) in theme::BUILTIN {
        // Parsed with no parent: a shipped theme that lacked a role would fail here.
        let file = format!("themes/{name}.toml");
        let t = Theme::parse(&file, text, &|_| None).unwrap_or_else(|e| panic!("{e}"));
        let raw: toml::Table = toml::from_str(text).unwrap();
        assert!(!raw.contains_key("inherits"), "{name} must not inherit");
        let roles = raw["roles"].as_table().unwrap();
        for r in Role::ALL {
            assert!(roles.contains_key(r.name()), "{name} lacks {}", r.name());
        }
        assert_eq!(t.name, *name);
        assert_eq!(Theme::builtin(name).unwrap().name, *name);
        let sel = t.style(Role::Selection);
        assert!(sel.bg.is_some(), "{name}: the selection needs a background");
        assert_ne!(sel.bg, t.style(Role::Text).bg, "{name}");
        assert_ne!(t.style(Role::Tier1), t.style(Role::Tier2), "{name}");
        assert_ne!(t.style(Role::Tier2), t.style(Role::Tier3), "{name}");
        assert_ne!(t.style(Role::Tier1), t.style(Role::Tier3), "{name}");
        assert_ne!(t.style(Role::Overdue), t.style(Role::Text), "{name}");
        assert_ne!(t.style(Role::Muted), t.style(Role::Text), "{name}");
    }
}

#[test]
fn theme_mistakes_name_file_line_and_key() {
    let f = "tests/fixtures/config/themes";
    let roles = Role::ALL
        .iter()
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(
        theme_error("unknown-role"),
        format!(
            "{f}/unknown-role.toml line 3: `ui.selectoin` is not a colour role; roles are {roles}"
        )
    );
    assert_eq!(
        theme_error("bad-colour"),
        format!(
            "{f}/bad-colour.toml line 3: `#12g456` in `tier.1` is not a colour; use #rrggbb, an ANSI name (red, light-blue, …), default, or a name from [palette]"
        )
    );
    assert_eq!(
        theme_error("unknown-palette-name"),
        format!(
            "{f}/unknown-palette-name.toml line 5: `ocean` in `tier.1` is not a colour; use #rrggbb, an ANSI name (red, light-blue, …), default, or a name from [palette]"
        )
    );
    assert_eq!(
        theme_error("unknown-modifier"),
        format!(
            "{f}/unknown-modifier.toml line 3: `blink` in `tier.1` is not a modifier; use bold, dim, italic, underlined, reversed, crossed-out"
        )
    );
    assert_eq!(
        theme_error("unknown-inherits"),
        format!(
            "{f}/unknown-inherits.toml line 1: `midnight` is not a theme to inherit from; use one of dark, light, high-contrast"
        )
    );
    assert_eq!(
        theme_error("syntax"),
        format!("{f}/syntax.toml line 1: unclosed table, expected `]`")
    );
    assert_eq!(
        theme_error("missing-roles"),
        format!(
            "{f}/missing-roles.toml: role `ui.text` has no style; give it one under [roles] or add `inherits = \"dark\"`"
        )
    );
    assert_eq!(
        theme_error("unknown-key"),
        format!(
            "{f}/unknown-key.toml line 2: `colours` is not part of a theme; a theme has inherits = \"NAME\", [palette] and [roles]"
        )
    );
    assert_eq!(
        theme_error("unknown-modifier-in-table"),
        format!(
            "{f}/unknown-modifier-in-table.toml line 4: `blink` in `tier.1` is not a modifier; use bold, dim, italic, underlined, reversed, crossed-out"
        )
    );
    assert_eq!(
        theme_error("bad-palette-colour"),
        format!(
            "{f}/bad-palette-colour.toml line 3: palette colour `sea` = \"ocean\" is not a colour; use #rrggbb or an ANSI name (red, light-blue, …)"
        )
    );
    assert_eq!(
        theme_error("not-a-style"),
        format!(
            "{f}/not-a-style.toml line 4: `tier.1` must be a colour in quotes or a table {{ fg, bg, modifiers }}"
        )
    );
}

#[test]
fn a_user_theme_inherits_and_changes_one_role() {
    let t = Theme::parse(
        "themes/mine.toml",
        "inherits = \"light\"\n[roles]\n\"tier.1\" = \"#ff0000\"\n",
        &|_| None,
    )
    .unwrap();
    let light = Theme::builtin("light").unwrap();
    assert_eq!(t.name, "mine");
    for r in Role::ALL.iter().filter(|r| **r != Role::Tier1) {
        assert_eq!(t.style(*r), light.style(*r), "{}", r.name());
    }
    assert_eq!(t.style(Role::Tier1), Style::new().fg(Color::Rgb(255, 0, 0)));
}

#[test]
fn a_user_theme_may_use_the_palette_it_inherits_and_a_parent_of_its_own() {
    let base = Theme::parse(
        "base.toml",
        "inherits = \"dark\"\n[palette]\nsea = \"#0077be\"\n",
        &|_| None,
    )
    .unwrap();
    let parent = |name: &str| (name == "base").then(|| base.clone());
    let t = Theme::parse(
        "mine.toml",
        "inherits = \"base\"\n[roles]\n\"tier.1\" = \"sea\"\n\"tier.2\" = \"carrot\"\n",
        &parent,
    )
    .unwrap();
    assert_eq!(t.style(Role::Tier1).fg, Some(Color::Rgb(0x00, 0x77, 0xbe)));
    assert_eq!(
        t.style(Role::Tier2).fg,
        Theme::builtin("dark").unwrap().style(Role::Title).fg,
        "`carrot` comes from dark's palette"
    );
}

#[test]
fn no_color_leaves_no_colour_but_keeps_the_signals_apart() {
    let signals = [
        Role::Selection,
        Role::Marked,
        Role::Match,
        Role::FilterActive,
        Role::Overdue,
        Role::Error,
    ];
    for name in Theme::builtin_names() {
        let t = Theme::builtin(name).unwrap().without_colour();
        for r in Role::ALL {
            let s = t.style(*r);
            assert_eq!((s.fg, s.bg), (None, None), "{name} {}", r.name());
        }
        assert!(
            t.style(Role::Selection)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        let text = t.style(Role::Text);
        for (i, a) in signals.iter().enumerate() {
            assert_ne!(t.style(*a), text, "{name}: {} looks like text", a.name());
            for b in &signals[i + 1..] {
                assert_ne!(
                    t.style(*a),
                    t.style(*b),
                    "{name}: {} looks like {}",
                    a.name(),
                    b.name()
                );
            }
        }
    }
    // Even a theme that gives them nothing but colour.
    let plain = colour_only_theme().without_colour();
    for r in signals {
        assert!(!plain.style(r).add_modifier.is_empty(), "{}", r.name());
    }
}

/// A theme whose every role is a bare colour, without modifiers.
fn colour_only_theme() -> Theme {
    let text = Role::ALL.iter().fold("[roles]\n".to_string(), |t, r| {
        t + &format!("\"{}\" = \"red\"\n", r.name())
    });
    Theme::parse("bare.toml", &text, &|_| None).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn config_dir_picks_keymap_and_theme_and_lays_user_keys_over() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "config.toml",
        "keymap = \"emacs\"\ntheme = \"mine\"\n",
    );
    write(
        dir.path(),
        "keymap.toml",
        "[inbox]\n\"alt-a\" = \"none\"\n\"A\" = \"accept\"\n",
    );
    write(
        dir.path(),
        "themes/mine.toml",
        "inherits = \"high-contrast\"\n",
    );
    let ui = config::load(Some(dir.path()), false).unwrap();
    assert_eq!(
        ui.keymap.chords_for(Context::Inbox, Action::Accept),
        vec![Chord::parse("A").unwrap()]
    );
    assert_eq!(
        ui.keymap.hint(Action::Down),
        Some(Chord::parse("down").unwrap())
    );
    assert_eq!(
        ui.theme.style(Role::Selection),
        Theme::builtin("high-contrast")
            .unwrap()
            .style(Role::Selection)
    );
}

#[test]
fn no_config_dir_means_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let ui = config::load(Some(&dir.path().join("absent")), false).unwrap();
    assert_eq!(
        ui.keymap.hint(Action::Accept),
        Some(Chord::parse("a").unwrap())
    );
}

#[test]
fn config_mistakes_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml").display().to_string();
    write(dir.path(), "config.toml", "keymap = \"vim\"\n");
    assert_eq!(
        config::load(Some(dir.path()), false)
            .err()
            .unwrap()
            .to_string(),
        format!("{cfg}: keymap `vim` does not exist; pick one of default, emacs")
    );
    write(dir.path(), "config.toml", "theme = \"solarized\"\n");
    assert_eq!(
        config::load(Some(dir.path()), false)
            .err()
            .unwrap()
            .to_string(),
        format!(
            "{cfg}: theme `solarized` does not exist; pick one of dark, light, high-contrast or add themes/solarized.toml"
        )
    );
    write(dir.path(), "config.toml", "\nfont = \"big\"\n");
    assert_eq!(
        config::load(Some(dir.path()), false)
            .err()
            .unwrap()
            .to_string(),
        format!(
            "{cfg} line 2: `font` is not a setting; config.toml knows language, keymap, theme, [stale-days], [retention] and [cadence]"
        )
    );
}

#[test]
fn stale_days_per_stage_come_from_config_toml() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "config.toml",
        "[stale-days]\nquote = 7\nnegotiation = 30\n",
    );
    let ui = config::load(Some(dir.path()), false).unwrap();
    assert_eq!((ui.stale_days.quote, ui.stale_days.negotiation), (7, 30));
    assert_eq!(ui.stale_days.qualify, 14, "the rest keep their defaults");
    let cfg = dir.path().join("config.toml").display().to_string();
    write(dir.path(), "config.toml", "[stale-days]\nwon = 3\n");
    assert_eq!(
        config::load(Some(dir.path()), false)
            .err()
            .unwrap()
            .to_string(),
        format!(
            "{cfg} line 2: `won` is not an open stage; [stale-days] knows qualify, appointment, quote and negotiation"
        )
    );
    write(
        dir.path(),
        "config.toml",
        "[stale-days]\nquote = \"soon\"\n",
    );
    assert_eq!(
        config::load(Some(dir.path()), false)
            .err()
            .unwrap()
            .to_string(),
        format!("{cfg} line 2: stale-days `quote` must be a whole number of days from 1 to 3650")
    );
}
