//! Draws the inbox: a table of the visible rows only (columns that fit the width), the filters
//! and counts in the title, and a preview of the selected lead.

use super::inbox::LeadRow;
use crate::domain::{LeadStatus, Tier};
use crate::search::Query;
use crate::tui::app::App;
use crate::tui::format::{fit, local_minute, relative, thousands};
use crate::tui::theme::Role;
use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

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

/// Draws the inbox pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    let title = title_line(app);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.style(Role::BorderFocus))
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let beside = inner.width >= 120;
    let (list_area, preview_area) = if beside {
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
    draw_table(frame, list_area, app);
    if let Some(p) = preview_area {
        draw_preview(frame, p, app, beside);
    }
}

fn title_line(app: &App) -> Line<'static> {
    let t = &app.theme;
    let inbox = &app.inbox;
    let mut spans = vec![
        Span::styled(" Inbox ", t.style(Role::Title)),
        Span::styled(
            format!("{} new", thousands(inbox.counts.new)),
            t.style(Role::Text),
        ),
        Span::styled(" · ", t.style(Role::Muted)),
        Span::styled(
            format!("{} overdue ", thousands(inbox.counts.overdue)),
            t.style(Role::Overdue),
        ),
    ];
    for f in inbox.filters.describe() {
        spans.push(Span::styled(format!("[{f}]"), t.style(Role::FilterActive)));
        spans.push(Span::raw(" "));
    }
    if !inbox.query.is_empty() {
        spans.push(Span::styled(
            format!("[/{}]", inbox.query),
            t.style(Role::FilterActive),
        ));
        spans.push(Span::raw(" "));
    }
    if !inbox.marked.is_empty() {
        spans.push(Span::styled(
            format!("{} marked ", inbox.marked.len()),
            t.style(Role::Marked),
        ));
    }
    Line::from(spans)
}

fn draw_table(frame: &mut Frame, area: Rect, app: &mut App) {
    let height = area.height.saturating_sub(2) as usize; // header + position line
    app.page = height.max(1);
    app.inbox.scroll_into_view(height);
    let cols = columns_for(area.width);
    let header = Row::new(
        cols.iter()
            .map(|(i, _)| Cell::from(COLUMNS[*i].title))
            .collect::<Vec<_>>(),
    )
    .style(app.theme.style(Role::Header));

    let now = app.now();
    let store = app.store.clone();
    let query = Query::new(&app.inbox.query);
    let mut rows = Vec::with_capacity(height);
    for i in app.inbox.offset..(app.inbox.offset + height).min(app.inbox.len()) {
        let Some(id) = app.inbox.id_at(i) else { break };
        let marked = app.inbox.marked.contains(&id);
        let selected = i == app.inbox.selected;
        let theme = app.theme.clone();
        let Some(row) = app.inbox.row(&store, id) else {
            continue;
        };
        let cells: Vec<Cell> = cols
            .iter()
            .map(|(c, w)| cell(*c, *w, row, marked, now, &query, &theme))
            .collect();
        let mut r = Row::new(cells);
        if selected {
            r = r.style(theme.style(Role::Selection));
        }
        rows.push(r);
    }
    let widths: Vec<Constraint> = cols.iter().map(|(_, w)| Constraint::Length(*w)).collect();
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(1), Constraint::Length(1)])
        .split(area);
    if app.inbox.is_empty() {
        let text = app.inbox.note.clone().unwrap_or_else(|| {
            if app.inbox.filters == Default::default() && app.inbox.query.is_empty() {
                "No open leads. Inbox zero.".to_string()
            } else {
                "No leads match these filters.".to_string()
            }
        });
        frame.render_widget(
            Paragraph::new(vec![
                Line::raw(""),
                Line::styled(text, app.theme.style(Role::Muted)),
            ]),
            parts[0],
        );
    } else {
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(1),
            parts[0],
        );
    }
    let position = if app.inbox.is_empty() {
        String::new()
    } else {
        format!(
            "{} of {}",
            thousands(app.inbox.selected + 1),
            thousands(app.inbox.len())
        )
    };
    let mut foot = vec![Span::styled(position, app.theme.style(Role::Muted))];
    if let Some(note) = &app.inbox.note {
        if !app.inbox.is_empty() {
            foot.push(Span::styled(
                format!("  {note}"),
                app.theme.style(Role::Muted),
            ));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(foot)), parts[1]);
}

fn cell<'a>(
    column: usize,
    width: u16,
    row: &LeadRow,
    marked: bool,
    now: Timestamp,
    query: &Query,
    theme: &crate::tui::theme::Theme,
) -> Cell<'a> {
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
        "account" => {
            let name = row.account.as_ref().map(|a| a.name.as_str()).unwrap_or("?");
            Cell::from(highlighted(&fit(name, w), query, theme))
        }
        "city" => Cell::from(fit(
            row.account
                .as_ref()
                .map(|a| a.address.city.as_str())
                .unwrap_or(""),
            w,
        )),
        "interest" => Cell::from(fit(&lead.interest, w)),
        "score" => Cell::from(format!("{:>5}", lead.score)),
        "respond" => match (lead.status, lead.respond_by) {
            (LeadStatus::New, Some(t)) => {
                let style = if t < now {
                    theme.style(Role::Overdue)
                } else {
                    theme.style(Role::Text)
                };
                Cell::from(Span::styled(relative(now, t), style))
            }
            (LeadStatus::Snoozed, Some(_)) | (LeadStatus::Snoozed, None) => Cell::from(
                lead.snoozed_until
                    .map(|t| relative(now, t))
                    .unwrap_or_default(),
            ),
            _ => Cell::from(Span::styled("—", theme.style(Role::Muted))),
        },
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

fn draw_preview(frame: &mut Frame, area: Rect, app: &mut App, beside: bool) {
    let theme = app.theme.clone();
    let block = Block::default()
        .borders(if beside { Borders::LEFT } else { Borders::TOP })
        .border_style(theme.style(Role::Border))
        .title(Span::styled(" Lead ", theme.style(Role::Title)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(id) = app.inbox.selected_id() else {
        return;
    };
    let now = app.now();
    let tz = app.tz.clone();
    let store = app.store.clone();
    let Some(row) = app.inbox.row(&store, id) else {
        return;
    };
    let lead = &row.lead;
    let muted = theme.style(Role::Muted);
    let label = |s: &str| Span::styled(format!("{s} "), muted);
    let mut lines = Vec::new();
    let (name, city) = row
        .account
        .as_ref()
        .map(|a| (a.name.clone(), a.address.city.clone()))
        .unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(name, theme.style(Role::Title)),
        Span::styled(format!("  {city}"), muted),
    ]));
    let mut head = vec![
        Span::raw(
            lead.external_id
                .clone()
                .unwrap_or_else(|| "own lead".into()),
        ),
        Span::styled(" · ", muted),
        Span::raw(lead.status.to_string()),
        Span::styled(" · score ", muted),
        Span::raw(lead.score.to_string()),
        Span::styled(
            format!(" · tier {}: {}", lead.tier.number(), tier_name(lead.tier)),
            muted,
        ),
    ];
    if lead.incentive {
        head.push(Span::styled(" · incentive", theme.style(Role::Incentive)));
    }
    lines.push(Line::from(head));
    if !lead.interest.is_empty() {
        lines.push(Line::from(vec![
            label("interest"),
            Span::raw(lead.interest.clone()),
        ]));
    }
    if !lead.signals.is_empty() {
        lines.push(Line::from(vec![
            label("signals"),
            Span::raw(lead.signals.join(", ")),
        ]));
    }
    let mut source = lead.source.channel.as_str().to_string();
    if !lead.source.campaign.is_empty() {
        source.push_str(" · ");
        source.push_str(&lead.source.campaign);
    }
    lines.push(Line::from(vec![label("source"), Span::raw(source)]));
    let mut when = vec![
        label("received"),
        Span::raw(local_minute(lead.received_at, &tz)),
    ];
    if let Some(by) = lead.respond_by {
        when.push(label(" respond by"));
        let style = if lead.status == LeadStatus::New && by < now {
            theme.style(Role::Overdue)
        } else {
            Style::default()
        };
        when.push(Span::styled(
            format!("{} ({})", local_minute(by, &tz), relative(now, by)),
            style,
        ));
    }
    lines.push(Line::from(when));
    if let Some(c) = &row.contact {
        let mut parts = vec![c.name.clone()];
        for extra in [&c.role, &c.phone, &c.email] {
            if !extra.is_empty() {
                parts.push(extra.clone());
            }
        }
        lines.push(Line::from(vec![
            label("contact"),
            Span::raw(parts.join(" · ")),
        ]));
    }
    if lead.status.is_open() && lead.status != LeadStatus::New {
        let today = now.to_zoned(tz.clone()).date();
        let (text, warn) = crate::tui::format::next_step(row.next.and_then(|n| n.date), today);
        lines.push(Line::styled(
            text,
            if warn {
                theme.style(Role::Overdue)
            } else {
                theme.style(Role::Text)
            },
        ));
    }
    if let Some(r) = &lead.reason {
        lines.push(Line::from(vec![label("reason"), Span::raw(r.clone())]));
    }
    if let Some(t) = lead.snoozed_until {
        lines.push(Line::from(vec![
            label("snoozed until"),
            Span::raw(local_minute(t, &tz)),
        ]));
    }
    if !lead.notes.is_empty() {
        lines.push(Line::from(vec![
            label("notes"),
            Span::raw(lead.notes.clone()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Customer => "customer",
        Tier::KnownProspect => "known prospect",
        Tier::UnknownProspect => "unknown prospect",
    }
}
