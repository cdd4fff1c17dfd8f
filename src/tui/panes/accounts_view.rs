//! Draws the accounts pane: the opened account, or the list (visible rows only) with each
//! account's next step, open deals' value and last contact.

use super::accounts::{AccountsPane, ListMode};
use crate::domain::AccountId;
use crate::domain::money::compact;
use crate::domain::text::displayable;
use crate::tui::app::App;
use crate::tui::format::{fit, thousands};
use crate::tui::theme::Role;
use crate::tui::theme::Theme;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

/// How many accounts the list in a pane drawn into `area` shows: the inside of its border
/// less the header.
pub fn list_rows(area: Rect) -> usize {
    let inner = Block::default().borders(Borders::ALL).inner(area);
    inner.height.saturating_sub(1) as usize
}

/// Draws the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let accounts = &app.panes.accounts;
    if let Some(view) = accounts.opened() {
        super::account_view::draw(frame, area, app, view);
        return;
    }
    let t = &app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::BorderFocus))
        .title(title_line(accounts, t));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if accounts.is_empty() {
        let text = Line::styled(empty_text(accounts), t.style(Role::Muted));
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    let columns = Columns::for_width(inner.width);
    let today = app.now().to_zoned(app.tz.clone()).date();
    let rows: Vec<Row> = accounts
        .shown(list_rows(area))
        .filter_map(|i| {
            let id = accounts.id_at(i)?;
            let row = account_row(app, id, &columns, today)?;
            Some(if i == accounts.selected() {
                row.style(t.style(Role::Selection))
            } else {
                row
            })
        })
        .collect();
    frame.render_widget(
        Table::new(rows, columns.widths())
            .header(Row::new(columns.header()).style(t.style(Role::Header)))
            .column_spacing(1),
        inner,
    );
}

/// " Accounts 1.234 [due for a visit] [/query] ".
fn title_line<'a>(accounts: &AccountsPane, t: &Theme) -> Line<'a> {
    let mut title = vec![
        Span::styled(" Accounts ", t.style(Role::Title)),
        Span::styled(
            format!("{} ", thousands(accounts.len())),
            t.style(Role::Muted),
        ),
    ];
    match accounts.mode() {
        ListMode::All => {}
        ListMode::DueVisit => title.push(Span::styled(
            "[due for a visit] ",
            t.style(Role::FilterActive),
        )),
        ListMode::Duplicates => {
            title.push(Span::styled("[duplicates] ", t.style(Role::FilterActive)))
        }
    }
    if !accounts.query().is_empty() {
        title.push(Span::styled(
            format!("[/{}] ", accounts.query()),
            t.style(Role::FilterActive),
        ));
    }
    Line::from(title)
}

/// What an empty list says, by why it is empty.
fn empty_text(accounts: &AccountsPane) -> &'static str {
    match (accounts.mode(), accounts.query().is_empty()) {
        (ListMode::DueVisit, true) => "No account is due for a visit.",
        (ListMode::Duplicates, true) => "No likely duplicates.",
        (_, true) => "No accounts yet.",
        (_, false) => "No account matches.",
    }
}

/// One account's row, from what `prepare` read; `None` when it could not be read.
fn account_row<'a>(app: &App, id: AccountId, columns: &Columns, today: Date) -> Option<Row<'a>> {
    let t = &app.theme;
    let accounts = &app.panes.accounts;
    let a = accounts.cached_row(id)?;
    let facts = accounts.cached_facts(id);
    let twin = if app.duplicates_of(id).is_empty() {
        " "
    } else {
        "≈"
    };
    let mut cells = vec![
        Cell::from(Span::styled(twin, t.style(Role::Overdue))),
        Cell::from(fit(&displayable(&a.name), columns.name as usize)),
        Cell::from(a.lifecycle.to_string()),
    ];
    if columns.city {
        cells.push(Cell::from(fit(&displayable(&a.address.city), 16)));
    }
    cells.push(next_step_cell(facts.next_step, today, t));
    cells.push(Cell::from(if facts.open_deals == 0 {
        "—".to_string()
    } else {
        compact(facts.open_value)
    }));
    cells.push(Cell::from(
        facts.last_contact.map_or("never".to_string(), |at| {
            at.to_zoned(app.tz.clone()).date().to_string()
        }),
    ));
    if columns.kvk {
        cells.push(Cell::from(fit(a.kvk.as_deref().unwrap_or(""), 12)));
    }
    Some(Row::new(cells))
}

/// Which columns fit: the next step, open value and last contact always; the city from 100
/// columns, the KvK from 130.
struct Columns {
    name: u16,
    city: bool,
    kvk: bool,
}

impl Columns {
    fn for_width(width: u16) -> Columns {
        let city = width >= 100;
        let kvk = width >= 130;
        // The other columns and a space after each of them.
        let fixed = 1 + 11 + 10 + 10 + 12 + 5 + u16::from(city) * 17 + u16::from(kvk) * 13;
        Columns {
            name: width.saturating_sub(fixed).max(12),
            city,
            kvk,
        }
    }

    fn header(&self) -> Vec<&'static str> {
        let mut h = vec!["", "name", "lifecycle"];
        if self.city {
            h.push("city");
        }
        h.extend(["next step", "open value", "last contact"]);
        if self.kvk {
            h.push("KvK");
        }
        h
    }

    fn widths(&self) -> Vec<Constraint> {
        let mut w = vec![
            Constraint::Length(1),
            Constraint::Length(self.name),
            Constraint::Length(11),
        ];
        if self.city {
            w.push(Constraint::Length(16));
        }
        w.extend([
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(12),
        ]);
        if self.kvk {
            w.push(Constraint::Length(12));
        }
        w
    }
}

/// The next step's date, marked when it is today or past.
fn next_step_cell<'a>(
    date: Option<jiff::civil::Date>,
    today: jiff::civil::Date,
    t: &crate::tui::theme::Theme,
) -> Cell<'a> {
    match date {
        None => Cell::from(Span::styled("none", t.style(Role::Muted))),
        Some(d) if d <= today => Cell::from(Span::styled(d.to_string(), t.style(Role::Overdue))),
        Some(d) => Cell::from(d.to_string()),
    }
}
