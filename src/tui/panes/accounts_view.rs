//! Draws the accounts pane: the opened account, or the list (visible rows only).

use crate::tui::app::App;
use crate::tui::format::{fit, thousands};
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

/// Draws the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    if let Some(view) = app.accounts.open.clone() {
        super::account_view::draw(frame, area, app, &view);
        return;
    }
    let store = app.store.clone();
    if let Err(e) = app.accounts.ensure_loaded(&store) {
        app.error(&e.to_string());
    }
    let t = app.theme.clone();
    let mut title = vec![
        Span::styled(" Accounts ", t.style(Role::Title)),
        Span::styled(
            format!("{} ", thousands(app.accounts.len())),
            t.style(Role::Muted),
        ),
    ];
    if !app.accounts.query.is_empty() {
        title.push(Span::styled(
            format!("[/{}] ", app.accounts.query),
            t.style(Role::FilterActive),
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::BorderFocus))
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.accounts.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                if app.accounts.query.is_empty() {
                    "No accounts yet."
                } else {
                    "No account matches."
                },
                t.style(Role::Muted),
            )),
            inner,
        );
        return;
    }
    let height = inner.height.saturating_sub(1) as usize;
    app.page = height.max(1);
    app.accounts.scroll_into_view(height);
    let name_w = inner.width.saturating_sub(2 + 12 + 16 + 16 + 4).max(12);
    let mut rows = Vec::new();
    for i in app.accounts.offset..(app.accounts.offset + height).min(app.accounts.len()) {
        let Some(id) = app.accounts.id_at(i) else {
            break;
        };
        let selected = i == app.accounts.selected;
        let twin = if app.duplicates_of(id).is_empty() {
            " "
        } else {
            "≈"
        };
        let Some(a) = app.accounts.row(&store, id) else {
            continue;
        };
        let mut r = Row::new(vec![
            Cell::from(Span::styled(twin, t.style(Role::Overdue))),
            Cell::from(fit(&a.name, name_w as usize)),
            Cell::from(a.lifecycle.to_string()),
            Cell::from(fit(&a.address.city, 16)),
            Cell::from(fit(a.kvk.as_deref().unwrap_or(""), 16)),
        ]);
        if selected {
            r = r.style(t.style(Role::Selection));
        }
        rows.push(r);
    }
    let header =
        Row::new(vec!["", "name", "lifecycle", "city", "KvK"]).style(t.style(Role::Header));
    frame.render_widget(
        Table::new(
            rows,
            [
                Constraint::Length(1),
                Constraint::Length(name_w),
                Constraint::Length(12),
                Constraint::Length(16),
                Constraint::Length(16),
            ],
        )
        .header(header)
        .column_spacing(1),
        inner,
    );
}
