//! Draws one account: header, contacts with consent, installed base (replacements due within
//! six months highlighted), open leads and deals (the selectable rows), NPS, and the timeline of
//! activities, newest first. Two columns from 120 wide, stacked below that.

use super::account::{AccountView, Item};
use crate::domain::{ConsentPurpose, NpsResponse, Tier, net_promoter_score};
use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::theme::{Role, Theme};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Draws the opened account into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &AccountView) {
    let t = &app.theme;
    let today = app.now().to_zoned(app.tz.clone()).date();
    let a = &view.account;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::BorderFocus))
        .title(Line::from(vec![
            Span::styled(format!(" {} ", a.name), t.style(Role::Title)),
            Span::styled(
                format!("{} · tier {} ", a.lifecycle, tier_of(view).number()),
                t.style(Role::Muted),
            ),
        ]));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let header = header_with_next_step(app, view, today);
    let (top, rest) = split_v(inner, header.len() as u16);
    frame.render_widget(Paragraph::new(header), top);
    let sections = Sections {
        contacts: contact_lines(view, t, today),
        base: base_lines(view, t, today),
        items: item_lines(view, t, inner.width),
        nps: nps_lines(&view.nps, t),
    };
    let rest = if inner.width >= 120 {
        sections.draw_wide(frame, rest)
    } else {
        sections.draw_stacked(frame, rest)
    };
    draw_timeline(frame, rest, view, t, &app.tz);
}

/// The header, the next step, and the likely duplicates with the key that merges them.
fn header_with_next_step<'a>(app: &App, view: &AccountView, today: Date) -> Vec<Line<'a>> {
    let t = &app.theme;
    let mut header = header_lines(view, t);
    let (text, warn) =
        crate::tui::format::next_step(view.activities.first().and_then(|a| a.next_step), today);
    header.push(Line::styled(
        text,
        t.style(if warn { Role::Overdue } else { Role::Ok }),
    ));
    let twins = app.duplicates_of(view.account.id);
    if !twins.is_empty() {
        let names: Vec<String> = twins
            .iter()
            .filter_map(|id| app.store.account(*id).ok().flatten().map(|x| x.name))
            .collect();
        let key = app
            .keymap
            .hint(crate::tui::action::Action::Merge)
            .map(|c| format!(" ({c} merges)"))
            .unwrap_or_default();
        header.push(Line::styled(
            format!("likely duplicate of {}{key}", names.join(", ")),
            t.style(Role::Overdue),
        ));
    }
    header
}

/// The sections between the header and the timeline.
struct Sections<'a> {
    contacts: Vec<Line<'a>>,
    base: Vec<Line<'a>>,
    items: Vec<Line<'a>>,
    nps: Vec<Line<'a>>,
}

impl Sections<'_> {
    /// Two columns: contacts beside the installed base, the open items beside NPS; returns
    /// what is left for the timeline.
    fn draw_wide(self, frame: &mut Frame, rest: Rect) -> Rect {
        let h1 = (self.contacts.len().max(self.base.len()) as u16).min(rest.height / 3);
        let (row1, r) = split_v(rest, h1);
        let (left, right) = split_h(row1, 55);
        frame.render_widget(Paragraph::new(self.contacts), left);
        frame.render_widget(Paragraph::new(self.base), right);
        let h2 = (self.items.len().max(self.nps.len()) as u16).min(r.height / 2);
        let (row2, r) = split_v(r, h2);
        let (left, right) = split_h(row2, 62);
        frame.render_widget(Paragraph::new(self.items), left);
        frame.render_widget(Paragraph::new(self.nps), right);
        r
    }

    /// Stacked: each section takes what it needs, the timeline keeps at least 4 rows.
    fn draw_stacked(self, frame: &mut Frame, rest: Rect) -> Rect {
        let mut r = rest;
        for lines in [self.items, self.contacts, self.base, self.nps] {
            let h = (lines.len() as u16).min(r.height.saturating_sub(4).max(1));
            if h == 0 || r.height <= 4 {
                break;
            }
            let (s, below) = split_v(r, h);
            frame.render_widget(Paragraph::new(lines), s);
            r = below;
        }
        r
    }
}

fn split_v(area: Rect, top: u16) -> (Rect, Rect) {
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(top.min(area.height)), Constraint::Min(0)])
        .split(area);
    (parts[0], parts[1])
}

fn split_h(area: Rect, left_percent: u16) -> (Rect, Rect) {
    let parts = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(left_percent), Constraint::Min(0)])
        .split(area);
    (parts[0], parts[1])
}

/// The account's tier as its leads carry it (the best of them), else as the rule derives it.
pub fn tier_of(view: &AccountView) -> Tier {
    view.leads.iter().map(|l| l.tier).min().unwrap_or_else(|| {
        Tier::derive(
            view.account.lifecycle,
            view.account.last_activity_at.is_some(),
        )
    })
}

fn section<'a>(title: &str, t: &Theme) -> Line<'a> {
    Line::styled(title.to_string(), t.style(Role::Header))
}

fn header_lines<'a>(view: &AccountView, t: &Theme) -> Vec<Line<'a>> {
    let a = &view.account;
    let muted = t.style(Role::Muted);
    let mut first = vec![];
    let mut push = |label: &str, value: &str| {
        if !value.is_empty() {
            if !first.is_empty() {
                first.push(Span::styled(" · ", muted));
            }
            first.push(Span::styled(format!("{label} "), muted));
            first.push(Span::styled(value.to_string(), t.style(Role::Text)));
        }
    };
    push("owner", &a.owner);
    push("KvK", a.kvk.as_deref().unwrap_or(""));
    push("origin", a.origin.as_str());
    push("segment", &a.segment);
    let place = format!("{} {}", a.address.postcode, a.address.city);
    let address = [a.address.street.as_str(), place.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let reach = [address.as_str(), a.phone.as_str(), a.email.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    vec![Line::from(first), Line::styled(reach, t.style(Role::Text))]
}

fn contact_lines<'a>(view: &AccountView, t: &Theme, today: Date) -> Vec<Line<'a>> {
    let mut lines = vec![section("Contacts", t)];
    if view.contacts.is_empty() {
        lines.push(Line::styled("  none yet", t.style(Role::Muted)));
    }
    for c in &view.contacts {
        // Consent before the phone and e-mail: whether one may call matters more than how.
        let mut spans = vec![Span::styled(format!("  {}", c.name), t.style(Role::Text))];
        if !c.role.is_empty() {
            spans.push(Span::styled(format!(" · {}", c.role), t.style(Role::Muted)));
        }
        for (purpose, label) in [
            (ConsentPurpose::SalesContact, "sales"),
            (ConsentPurpose::Marketing, "marketing"),
        ] {
            let (mark, role) = if c.has_consent(purpose, today) {
                ("✓", Role::Ok)
            } else {
                ("✗", Role::Overdue)
            };
            spans.push(Span::styled(format!(" {mark}{label}"), t.style(role)));
        }
        for extra in [&c.phone, &c.email] {
            if !extra.is_empty() {
                spans.push(Span::styled(format!(" · {extra}"), t.style(Role::Muted)));
            }
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn base_lines<'a>(view: &AccountView, t: &Theme, today: Date) -> Vec<Line<'a>> {
    let mut lines = vec![section("Installed base", t)];
    let horizon = today
        .checked_add(jiff::Span::new().months(6))
        .unwrap_or(today);
    if view.account.installed_base.is_empty() {
        lines.push(Line::styled("  nothing recorded", t.style(Role::Muted)));
    }
    for p in &view.account.installed_base {
        let due = p.replacement_due(horizon);
        let replace = p
            .replace_by
            .map(|d| format!(" · replace by {d}"))
            .unwrap_or_default();
        let mut spans = vec![Span::styled(
            format!("  {}", p.product),
            t.style(Role::Text),
        )];
        if due {
            spans.push(Span::styled(" · replacement due", t.style(Role::Incentive)));
        }
        spans.push(Span::styled(
            format!(" · bought {}{replace}", p.purchased_on),
            t.style(Role::Muted),
        ));
        lines.push(Line::from(spans));
    }
    lines
}

fn item_lines<'a>(view: &AccountView, t: &Theme, width: u16) -> Vec<Line<'a>> {
    let mut lines = vec![section("Open leads and deals", t)];
    if view.items.is_empty() {
        lines.push(Line::styled(
            "  none open — v logs a visit on the account",
            t.style(Role::Muted),
        ));
    }
    let w = width as usize;
    for (i, item) in view.items.ids().iter().enumerate() {
        let text = match item {
            Item::Deal(id) => view.deals.iter().find(|d| d.id == *id).map(|d| {
                let mut s = format!(
                    "deal  {:<11} {:>13}  {}",
                    d.stage.to_string(),
                    d.value.to_string(),
                    d.title
                );
                if d.incentive {
                    s.push_str("  (incentive)");
                }
                s
            }),
            Item::Lead(id) => view.leads.iter().find(|l| l.id == *id).map(|l| {
                format!(
                    "lead  {:<11} {:>13}  {} {}",
                    l.status.to_string(),
                    format!("score {}", l.score),
                    l.external_id.clone().unwrap_or_else(|| "own lead".into()),
                    l.interest
                )
            }),
        }
        .unwrap_or_default();
        let mut line = Line::styled(
            format!("  {}", fit(&text, w.saturating_sub(2))),
            t.style(Role::Text),
        );
        if i == view.items.selected() {
            line = line.style(t.style(Role::Selection));
        }
        lines.push(line);
    }
    let closed = view.deals.iter().filter(|d| !d.stage.is_open()).count()
        + view.leads.iter().filter(|l| !l.status.is_open()).count();
    if closed > 0 {
        lines.push(Line::styled(
            format!("  and {closed} closed"),
            t.style(Role::Muted),
        ));
    }
    lines
}

fn nps_lines<'a>(nps: &[NpsResponse], t: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![section("NPS", t)];
    match net_promoter_score(nps.iter().map(|r| r.score)) {
        None => lines.push(Line::styled("  no responses yet", t.style(Role::Muted))),
        Some(score) => {
            lines.push(Line::styled(
                format!(
                    "  {score:+} from {} response{}",
                    nps.len(),
                    if nps.len() == 1 { "" } else { "s" }
                ),
                t.style(Role::Text),
            ));
            let mut recent: Vec<&NpsResponse> = nps.iter().collect();
            recent.sort_by_key(|r| std::cmp::Reverse(r.date));
            for r in recent.into_iter().take(3) {
                let comment = if r.comment.is_empty() {
                    String::new()
                } else {
                    format!(" \"{}\"", r.comment)
                };
                lines.push(Line::styled(
                    format!("  {} · {}{comment}", r.date, r.score),
                    t.style(Role::Muted),
                ));
            }
        }
    }
    lines
}

/// Each activity with its local date and time of day, and who was contacted.
fn draw_timeline(
    frame: &mut Frame,
    area: Rect,
    view: &AccountView,
    t: &Theme,
    tz: &jiff::tz::TimeZone,
) {
    if area.height == 0 {
        return;
    }
    let mut lines = vec![section("Timeline, newest first", t)];
    if view.activities.is_empty() {
        lines.push(Line::styled("  nothing logged yet", t.style(Role::Muted)));
    }
    let room = (area.height as usize).saturating_sub(1);
    let start = view
        .timeline_offset
        .min(view.activities.len().saturating_sub(room));
    for a in view.activities.iter().skip(start).take(room) {
        let when =
            a.at.to_zoned(tz.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string();
        let mut spans = vec![
            Span::styled(format!("  {when} "), t.style(Role::Muted)),
            Span::styled(format!("{:<8}", a.kind.as_str()), t.style(Role::Text)),
        ];
        let who = a
            .contact_id
            .and_then(|c| view.contacts.iter().find(|x| x.id == c));
        if let Some(person) = who {
            spans.push(Span::styled(
                format!(" with {}", crate::domain::text::displayable(&person.name)),
                t.style(Role::Text),
            ));
        }
        if let Some(o) = a.outcome {
            spans.push(Span::styled(format!(" {}", o.as_str()), t.style(Role::Key)));
        }
        if let Some(r) = &a.lost_reason {
            spans.push(Span::styled(format!(" ({r})"), t.style(Role::Muted)));
        }
        if !a.note.is_empty() {
            spans.push(Span::styled(format!("  {}", a.note), t.style(Role::Text)));
        }
        if let Some(n) = a.next_step {
            spans.push(Span::styled(format!("  next {n}"), t.style(Role::Muted)));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
