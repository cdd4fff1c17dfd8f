//! Draws the inbox: a table of the visible rows only (columns that fit the width), the filters
//! and counts in the title, and a preview of the selected lead.

use super::inbox::LeadRow;
use crate::domain::{LeadStatus, Tier};
use crate::search::Query;
use crate::tui::app::App;
use crate::tui::format::{fit, fit_name, relative, thousands};
use crate::tui::theme::Role;
use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

/// A table column, in the order shown; `drop` orders which go first when space runs out.
struct Column {
    title: &'static str,
    width: u16,
    drop: u8,
}

const COLUMNS: [Column; 8] = [
    Column {
        title: "T",
        width: 2,
        drop: 9,
    },
    Column {
        title: "status",
        width: 9,
        drop: 7,
    },
    Column {
        title: "account",
        width: 16,
        drop: 9,
    },
    Column {
        title: "city",
        width: 12,
        drop: 3,
    },
    Column {
        title: "interest",
        width: 18,
        drop: 2,
    },
    Column {
        title: "score",
        width: 5,
        drop: 6,
    },
    Column {
        title: "respond",
        width: 8,
        drop: 5,
    },
    Column {
        title: "source",
        width: 14,
        drop: 1,
    },
];

/// Which columns fit `width`, with the account column taking what is left.
fn columns_for(width: u16) -> Vec<(usize, u16)> {
    let mut shown: Vec<usize> = (0..COLUMNS.len()).collect();
    let need =
        |shown: &[usize]| -> u16 { shown.iter().map(|i| COLUMNS[*i].width + 1).sum::<u16>() };
    while need(&shown) > width {
        let Some(pos) = shown
            .iter()
            .enumerate()
            .filter(|(_, i)| COLUMNS[**i].drop < 9)
            .min_by_key(|(_, i)| COLUMNS[**i].drop)
            .map(|(p, _)| p)
        else {
            break;
        };
        shown.remove(pos);
    }
    // Spare room goes to the account name first, then to interest and source, which are the
    // columns cut short most often.
    let mut spare = width.saturating_sub(need(&shown));
    let mut widths: Vec<(usize, u16)> = shown.iter().map(|i| (*i, COLUMNS[*i].width)).collect();
    for (title, cap) in [
        ("account", 20),
        ("interest", 10),
        ("source", 16),
        ("account", u16::MAX),
    ] {
        if let Some(slot) = widths.iter_mut().find(|(i, _)| COLUMNS[*i].title == title) {
            let extra = spare.min(cap);
            slot.1 += extra;
            spare -= extra;
        }
    }
    widths
}

/// Where the inbox's parts go in its pane: the list, and the preview under it or (from 120
/// columns) beside it when there is room.
pub struct InboxLayout {
    pub list: Rect,
    pub preview: Option<Rect>,
    pub beside: bool,
}

impl InboxLayout {
    /// The layout inside the pane's border.
    pub fn of(inner: Rect) -> InboxLayout {
        let beside = inner.width >= 120;
        let (list, preview) = if beside {
            let parts = Layout::default()
                .direction(Direction::Horizontal)
                .constraints([Constraint::Percentage(64), Constraint::Percentage(36)])
                .split(inner);
            (parts[0], Some(parts[1]))
        } else if inner.height >= 16 {
            let parts = Layout::default()
                .direction(Direction::Vertical)
                .constraints([Constraint::Min(5), Constraint::Length(7)])
                .split(inner);
            (parts[0], Some(parts[1]))
        } else {
            (inner, None)
        };
        InboxLayout {
            list,
            preview,
            beside,
        }
    }

    /// The layout of a pane drawn into `area` (border included).
    pub fn in_pane(area: Rect) -> InboxLayout {
        InboxLayout::of(Block::default().borders(Borders::ALL).inner(area))
    }

    /// How many leads the list shows: its height less the header and the position line.
    pub fn rows(&self) -> usize {
        self.list.height.saturating_sub(2) as usize
    }
}

/// Draws the inbox pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let title = title_line(app);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.style(Role::BorderFocus))
        .title(title);
    let layout = InboxLayout::of(block.inner(area));
    frame.render_widget(block, area);
    draw_table(frame, layout.list, layout.rows(), app);
    if let Some(p) = layout.preview {
        let row = app
            .panes
            .inbox
            .selected_id()
            .and_then(|id| app.panes.inbox.cached_row(id));
        let cx = super::inbox_preview::PreviewContext {
            now: app.clock.now(),
            tz: &app.tz,
            theme: &app.theme,
        };
        super::inbox_preview::draw(frame, p, row, &cx, layout.beside);
    }
}

fn title_line(app: &App) -> Line<'static> {
    let t = &app.theme;
    let inbox = &app.panes.inbox;
    let mut spans = vec![
        Span::styled(" Inbox ", t.style(Role::Title)),
        Span::styled(
            format!("{} new", thousands(inbox.counts().new)),
            t.style(Role::Text),
        ),
        Span::styled(" · ", t.style(Role::Muted)),
        Span::styled(
            format!("{} overdue ", thousands(inbox.counts().overdue)),
            t.style(Role::Overdue),
        ),
    ];
    for f in inbox.filters().describe() {
        spans.push(Span::styled(format!("[{f}]"), t.style(Role::FilterActive)));
        spans.push(Span::raw(" "));
    }
    if !inbox.query().is_empty() {
        spans.push(Span::styled(
            format!("[/{}]", inbox.query()),
            t.style(Role::FilterActive),
        ));
        spans.push(Span::raw(" "));
    }
    if inbox.marked_count() > 0 {
        spans.push(Span::styled(
            format!("{} marked ", inbox.marked_count()),
            t.style(Role::Marked),
        ));
    }
    Line::from(spans)
}

fn draw_table(frame: &mut Frame, area: Rect, height: usize, app: &App) {
    let inbox = &app.panes.inbox;
    let muted = app.theme.style(Role::Muted);
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(1), Constraint::Length(1)])
        .split(area);
    if inbox.is_empty() {
        let text = Line::styled(empty_text(inbox), muted);
        frame.render_widget(Paragraph::new(vec![Line::raw(""), text]), parts[0]);
        frame.render_widget(Paragraph::new(Line::raw("")), parts[1]);
        return;
    }
    frame.render_widget(table(app, area.width, height), parts[0]);
    let mut foot = vec![Span::styled(
        format!(
            "{} of {}",
            thousands(inbox.selected() + 1),
            thousands(inbox.len())
        ),
        muted,
    )];
    if let Some(note) = inbox.note() {
        foot.push(Span::styled(format!("  {note}"), muted));
    }
    frame.render_widget(Paragraph::new(Line::from(foot)), parts[1]);
}

/// What an empty list says: why (the note), else whether filters hide leads.
fn empty_text(inbox: &super::inbox::InboxPane) -> String {
    inbox.note().map(str::to_string).unwrap_or_else(|| {
        if inbox.filters() == &Default::default() && inbox.query().is_empty() {
            "No open leads. Inbox zero.".to_string()
        } else {
            "No leads match these filters.".to_string()
        }
    })
}

/// The table of the rows on screen, `height` high, in the columns that fit `width`.
fn table<'a>(app: &App, width: u16, height: usize) -> Table<'a> {
    let inbox = &app.panes.inbox;
    let cols = columns_for(width);
    let header = Row::new(
        cols.iter()
            .map(|(i, _)| Cell::from(COLUMNS[*i].title))
            .collect::<Vec<_>>(),
    )
    .style(app.theme.style(Role::Header));
    let query = Query::new(inbox.query());
    let cx = CellContext {
        now: app.clock.now(),
        query: &query,
        theme: &app.theme,
        city_shown: cols.iter().any(|(i, _)| COLUMNS[*i].title == "city"),
    };
    let rows: Vec<Row> = inbox
        .shown(height)
        .filter_map(|i| {
            let id = inbox.id_at(i)?;
            let row = inbox.cached_row(id)?;
            let marked = inbox.is_marked(id);
            let cells: Vec<Cell> = cols
                .iter()
                .map(|(c, w)| cell(*c, *w, row, marked, &cx))
                .collect();
            let r = Row::new(cells);
            Some(if i == inbox.selected() {
                r.style(cx.theme.style(Role::Selection))
            } else {
                r
            })
        })
        .collect();
    let widths: Vec<Constraint> = cols.iter().map(|(_, w)| Constraint::Length(*w)).collect();
    Table::new(rows, widths).header(header).column_spacing(1)
}

/// What every cell of a frame shares.
struct CellContext<'a> {
    now: Timestamp,
    query: &'a Query,
    theme: &'a crate::tui::theme::Theme,
    /// Without a city column a cut account name keeps its city, so branches stay apart.
    city_shown: bool,
}

fn cell<'a>(column: usize, width: u16, row: &LeadRow, marked: bool, cx: &CellContext) -> Cell<'a> {
    let (now, theme) = (cx.now, cx.theme);
    let w = width as usize;
    let lead = &row.lead;
    match COLUMNS[column].title {
        "T" => {
            let role = match lead.tier {
                Tier::Customer => Role::Tier1,
                Tier::KnownProspect => Role::Tier2,
                Tier::UnknownProspect => Role::Tier3,
            };
            Cell::from(Line::from(vec![
                Span::styled(if marked { "●" } else { " " }, theme.style(Role::Marked)),
                Span::styled(lead.tier.number().to_string(), theme.style(role)),
            ]))
        }
        "status" => Cell::from(lead.status.to_string()),
        "account" => account_cell(row, w, cx),
        "city" => Cell::from(fit(
            row.account
                .as_ref()
                .map(|a| a.address.city.as_str())
                .unwrap_or(""),
            w,
        )),
        "interest" => Cell::from(fit(&lead.interest, w)),
        "score" => Cell::from(format!("{:>5}", lead.score)),
        "respond" => respond_cell(lead, now, theme),
        "source" => {
            let mut s = lead.source.channel.as_str().to_string();
            if !lead.source.campaign.is_empty() {
                s.push_str(" · ");
                s.push_str(&lead.source.campaign);
            }
            Cell::from(fit(&s, w))
        }
        _ => Cell::from(""),
    }
}

/// The account's name, cut to `w` (keeping its city when no city column shows), with the
/// query's matches marked.
fn account_cell<'a>(row: &LeadRow, w: usize, cx: &CellContext) -> Cell<'a> {
    let (name, city) = row
        .account
        .as_ref()
        .map(|a| (a.name.as_str(), a.address.city.as_str()))
        .unwrap_or(("?", ""));
    let shown = if cx.city_shown {
        fit(name, w)
    } else {
        fit_name(name, city, w)
    };
    Cell::from(highlighted(&shown, cx.query, cx.theme))
}

/// When to respond by (marked when past), when a snooze ends, or "—".
fn respond_cell<'a>(
    lead: &crate::domain::Lead,
    now: Timestamp,
    theme: &crate::tui::theme::Theme,
) -> Cell<'a> {
    match (lead.status, lead.respond_by) {
        (LeadStatus::New, Some(t)) => {
            let style = if t < now {
                theme.style(Role::Overdue)
            } else {
                theme.style(Role::Text)
            };
            Cell::from(Span::styled(relative(now, t), style))
        }
        (LeadStatus::Snoozed, _) => Cell::from(
            lead.snoozed_until
                .map(|t| relative(now, t))
                .unwrap_or_default(),
        ),
        _ => Cell::from(Span::styled("—", theme.style(Role::Muted))),
    }
}

/// The account name with the characters the `/` query matched in the match colour. The lead's
/// search text starts with the account name, so its match positions apply directly.
fn highlighted<'a>(name: &str, query: &Query, theme: &crate::tui::theme::Theme) -> Line<'a> {
    if query.is_empty() {
        return Line::raw(name.to_string());
    }
    let hits = query.indices(name).unwrap_or_default();
    Line::from(
        name.chars()
            .enumerate()
            .map(|(i, c)| {
                if hits.binary_search(&i).is_ok() {
                    Span::styled(c.to_string(), theme.style(Role::Match))
                } else {
                    Span::raw(c.to_string())
                }
            })
            .collect::<Vec<_>>(),
    )
}
