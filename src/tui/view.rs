//! Draws a whole frame from the app state: the focused pane, the status bar and the open
//! overlay. Drawing reads state (and the rows on screen) and never writes the store.

use super::app::{App, Pane, Tone};
use super::theme::Role;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws one frame.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(3), Constraint::Length(1)])
        .split(frame.area());
    match app.pane {
        Pane::Inbox => super::panes::inbox_view::draw(frame, parts[0], app),
        Pane::Accounts => super::panes::accounts_view::draw(frame, parts[0], app),
        Pane::Funnel => super::panes::funnel_view::draw(frame, parts[0], app),
    }
    draw_status(frame, parts[1], app);
    if let Some(o) = &app.overlay {
        super::overlays::view::draw(frame, parts[0], o, &app.theme, &app.keymap);
    }
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let tone = match app.status.tone {
        Tone::Info => Role::Info,
        Tone::Ok => Role::Ok,
        Tone::Error => Role::Error,
    };
    let mut right = vec![];
    for (pane, key) in [
        (Pane::Inbox, "1"),
        (Pane::Accounts, "2"),
        (Pane::Funnel, "3"),
    ] {
        let role = if pane == app.pane {
            Role::FilterActive
        } else {
            Role::Muted
        };
        right.push(Span::styled(
            format!("{key} {} ", pane.title()),
            t.style(role),
        ));
    }
    let index = if app.index.is_building() {
        " · indexing…"
    } else {
        ""
    };
    // The message comes first; the store path only where there is room for both.
    let wide = area.width as usize >= 110 + app.status.text.chars().count().min(60);
    let store = if wide {
        format!(
            " · {}",
            shorten_path(&app.store.path().display().to_string(), 28)
        )
    } else {
        String::new()
    };
    if let Some(notice) = &app.notice {
        right.push(Span::styled(format!("{notice} "), t.style(Role::Error)));
    }
    right.push(Span::styled(
        format!("│ {}{store}{index} ", app.who),
        t.style(Role::StatusBar),
    ));
    let right_width: usize = right.iter().map(|s| s.content.chars().count()).sum();
    let left_width = (area.width as usize).saturating_sub(right_width + 1);
    let mut spans = vec![Span::styled(
        format!(
            "{:<w$}",
            super::format::fit(&app.status.text, left_width),
            w = left_width
        ),
        t.style(tone),
    )];
    spans.push(Span::raw(" "));
    spans.extend(right);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(t.style(Role::StatusBar)),
        area,
    );
}

/// Keeps the end of a long path: "…/wortel/store".
fn shorten_path(path: &str, max: usize) -> String {
    let n = path.chars().count();
    if n <= max {
        return path.to_string();
    }
    let tail: String = path.chars().skip(n - (max - 1)).collect();
    format!("…{tail}")
}
