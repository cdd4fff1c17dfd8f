//! The preview of the selected lead, under or beside the inbox list. It has a few rows, so its
//! lines have priorities: the account and the contact (who to call, and on what number) always
//! stay; signals, source and notes give way first. "Respond by" and "snoozed until" say what
//! the list's respond column says, with the date.

use super::inbox::LeadRow;
use crate::domain::{LeadStatus, Tier};
use crate::tui::format::{local_minute, relative, wrap};
use crate::tui::theme::{Role, Theme};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// One line of the preview and how much it matters when rows run out (higher stays); a
/// line may have a shorter form, one row, used before anything is left out.
struct Item {
    keep: u8,
    line: Line<'static>,
    short: Option<Line<'static>>,
}

/// What the preview needs besides the row.
pub struct PreviewContext<'a> {
    pub now: Timestamp,
    pub tz: &'a TimeZone,
    pub theme: &'a Theme,
}

/// Draws the preview box; `beside` puts its border on the left (wide screens), else on top.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    row: Option<&LeadRow>,
    cx: &PreviewContext,
    beside: bool,
) {
    let block = Block::default()
        .borders(if beside { Borders::LEFT } else { Borders::TOP })
        .border_style(cx.theme.style(Role::Border))
        .title(Span::styled(" Lead ", cx.theme.style(Role::Title)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(row) = row else {
        return;
    };
    let width = inner.width as usize;
    let items = fitting(preview_items(row, cx, width), inner.height as usize, width);
    let mut y = inner.y;
    for item in items {
        let rows = rows_of(&item.line, width) as u16;
        let h = rows.min(inner.y + inner.height - y);
        let r = Rect {
            y,
            height: h,
            ..inner
        };
        frame.render_widget(Paragraph::new(item.line).wrap(Wrap { trim: true }), r);
        y += h;
        if y >= inner.y + inner.height {
            break;
        }
    }
}

/// The items that fit `height` rows, in their order: the least important go first.
fn fitting(mut items: Vec<Item>, height: usize, width: usize) -> Vec<Item> {
    let rows = |items: &[Item]| items.iter().map(|i| rows_of(&i.line, width)).sum::<usize>();
    if rows(&items) > height {
        for item in &mut items {
            if let Some(short) = item.short.take() {
                item.line = short;
            }
        }
    }
    while items.len() > 1 && rows(&items) > height {
        let Some(pos) = items
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|(_, i)| i.keep)
            .map(|(p, _)| p)
        else {
            break;
        };
        items.remove(pos);
    }
    items
}

/// Rows a line takes when wrapped to `width`.
fn rows_of(line: &Line, width: usize) -> usize {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    wrap(&text, width).len()
}

/// Received and due share a row where they fit; else the due date has its own row, which
/// outlasts the received one.
fn when_items(row: &LeadRow, cx: &PreviewContext, width: usize) -> Vec<Item> {
    let item = |keep, line| Item {
        keep,
        line,
        short: None,
    };
    let (received, due) = when_spans(row, cx);
    let both = received
        .iter()
        .chain(&due)
        .map(|s| s.content.chars().count());
    if due.is_empty() || both.sum::<usize>() <= width {
        return vec![item(8, Line::from([received, due].concat()))];
    }
    let due: Vec<Span> = due
        .into_iter()
        .skip_while(|s| s.content.trim().is_empty())
        .collect();
    vec![item(5, Line::from(received)), item(8, Line::from(due))]
}

/// Every line the preview could show, in display order.
fn preview_items(row: &LeadRow, cx: &PreviewContext, width: usize) -> Vec<Item> {
    let lead = &row.lead;
    let muted = cx.theme.style(Role::Muted);
    let label = |s: &str| Span::styled(format!("{s} "), muted);
    let item = |keep, line| Item {
        keep,
        line,
        short: None,
    };
    let mut items = vec![
        item(10, name_line(row, cx.theme, width)),
        item(7, head_line(row, cx.theme)),
    ];
    if !lead.interest.is_empty() {
        let line = Line::from(vec![label("interest"), Span::raw(lead.interest.clone())]);
        items.push(item(6, line));
    }
    if !lead.signals.is_empty() {
        let line = Line::from(vec![label("signals"), Span::raw(lead.signals.join(", "))]);
        items.push(item(4, line));
    }
    let mut source = lead.source.channel.as_str().to_string();
    if !lead.source.campaign.is_empty() {
        source.push_str(" · ");
        source.push_str(&lead.source.campaign);
    }
    items.push(item(
        3,
        Line::from(vec![label("source"), Span::raw(source)]),
    ));
    items.extend(when_items(row, cx, width));
    if let Some(line) = contact_line(row, cx.theme, usize::MAX) {
        items.push(Item {
            keep: 9,
            line,
            short: contact_line(row, cx.theme, width),
        });
    }
    if lead.status.is_open() && lead.status != LeadStatus::New {
        let today = cx.now.to_zoned(cx.tz.clone()).date();
        let (text, warn) = crate::tui::format::next_step(row.next.and_then(|n| n.date), today);
        let role = if warn { Role::Overdue } else { Role::Text };
        items.push(item(7, Line::styled(text, cx.theme.style(role))));
    }
    if let Some(r) = &lead.reason {
        items.push(item(
            6,
            Line::from(vec![label("reason"), Span::raw(r.clone())]),
        ));
    }
    if !lead.notes.is_empty() {
        let line = Line::from(vec![label("notes"), Span::raw(lead.notes.clone())]);
        items.push(item(2, line));
    }
    items
}

/// The account and its city on one row; a long name is cut, never the city.
fn name_line(row: &LeadRow, theme: &Theme, width: usize) -> Line<'static> {
    let (name, city) = row
        .account
        .as_ref()
        .map(|a| (a.name.as_str(), a.address.city.as_str()))
        .unwrap_or_default();
    let room = width.saturating_sub(city.chars().count() + 2).max(8);
    Line::from(vec![
        Span::styled(
            crate::tui::format::fit(name, room),
            theme.style(Role::Title),
        ),
        Span::styled(format!("  {city}"), theme.style(Role::Muted)),
    ])
}

fn head_line(row: &LeadRow, theme: &Theme) -> Line<'static> {
    let lead = &row.lead;
    let muted = theme.style(Role::Muted);
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
    Line::from(head)
}

/// When it came in, and when it is due: "respond by" for a new lead (as the list's respond
/// column), "snoozed until" for a snoozed one (the date the list counts down to).
fn when_spans(row: &LeadRow, cx: &PreviewContext) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    let lead = &row.lead;
    let muted = cx.theme.style(Role::Muted);
    let received = vec![
        Span::styled("received ", muted),
        Span::raw(local_minute(lead.received_at, cx.tz)),
    ];
    let due = match lead.status {
        LeadStatus::New => lead.respond_by.map(|t| ("respond by ", t)),
        LeadStatus::Snoozed => lead.snoozed_until.map(|t| ("snoozed until ", t)),
        _ => None,
    };
    let Some((label, t)) = due else {
        return (received, Vec::new());
    };
    let style = if lead.status == LeadStatus::New && t < cx.now {
        cx.theme.style(Role::Overdue)
    } else {
        Style::default()
    };
    let due = vec![
        Span::raw(" "),
        Span::styled(label, muted),
        Span::styled(
            format!("{} ({})", local_minute(t, cx.tz), relative(cx.now, t)),
            style,
        ),
    ];
    (received, due)
}

/// "contact Name · +31 6 … · e-mail · role": the number and address a salesperson reaches
/// for come before the role. Within `width`, what does not fit is left off from the end (the
/// role first) and the name is cut last.
fn contact_line(row: &LeadRow, theme: &Theme, width: usize) -> Option<Line<'static>> {
    let c = row.contact.as_ref()?;
    let mut parts = vec![c.name.clone()];
    for extra in [&c.phone, &c.email, &c.role] {
        if !extra.is_empty() {
            parts.push(extra.clone());
        }
    }
    let room = width.saturating_sub("contact ".len());
    while parts.len() > 1 && parts.join(" · ").chars().count() > room {
        parts.pop();
    }
    Some(Line::from(vec![
        Span::styled("contact ", theme.style(Role::Muted)),
        Span::raw(crate::tui::format::fit(&parts.join(" · "), room)),
    ]))
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Customer => "customer",
        Tier::KnownProspect => "known prospect",
        Tier::UnknownProspect => "unknown prospect",
    }
}
