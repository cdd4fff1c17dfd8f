//! Draws the open overlay, centred over the panes.

use super::field_view::{FORM_KEYS, INPUT_KEYS, field_spans};
use super::palette::{Hit, Palette};
use super::{Confirm, DateInput, Overlay, TextInput};
use crate::search::Query;
use crate::tui::format::fit;
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Draws `overlay` over `area` (the whole screen but the status bar).
pub fn draw(frame: &mut Frame, area: Rect, overlay: &Overlay, theme: &Theme, keymap: &Keymap) {
    match overlay {
        Overlay::Help(h) => super::help_view::draw_help(frame, area, h, theme),
        Overlay::Palette(p) => draw_palette(frame, area, p, theme),
        Overlay::Picker(p) => super::picker_view::draw_picker(frame, area, p, theme),
        Overlay::DateInput(d) => draw_date(frame, area, d, theme),
        Overlay::Confirm(c) => draw_confirm(frame, area, c, theme, keymap),
        Overlay::Filter(t) => draw_filter(frame, area, t, theme),
        Overlay::Visit(v) => super::visit_view::draw_visit(frame, area, v, theme),
        Overlay::Form(f) => draw_form(frame, area, f, theme),
        Overlay::Agenda(d) => super::agenda_view::draw_agenda(frame, area, d, theme),
        Overlay::Report(r) => super::report_view::draw(frame, area, r, theme),
        Overlay::Messages(m) => super::message_log::draw(frame, area, m, theme),
    }
}

/// A box of at most `w`×`h` in the middle of `area`, cleared, with a titled border.
pub(super) fn boxed(
    frame: &mut Frame,
    area: Rect,
    w: u16,
    h: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::BorderFocus))
        .title(Span::styled(format!(" {title} "), theme.style(Role::Title)));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

pub(super) fn input_line<'a>(prompt: &str, input: &TextInput, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::styled(prompt.to_string(), theme.style(Role::Muted))];
    spans.extend(field_spans(input, true, theme));
    Line::from(spans)
}

/// `text` with the characters at `hits` in the match style.
fn highlight<'a>(text: &str, hits: &[usize], theme: &Theme, base: Role) -> Vec<Span<'a>> {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            let role = if hits.binary_search(&i).is_ok() {
                Role::Match
            } else {
                base
            };
            Span::styled(c.to_string(), theme.style(role))
        })
        .collect()
}

fn draw_palette(frame: &mut Frame, area: Rect, p: &Palette, theme: &Theme) {
    let inner = boxed(
        frame,
        area,
        90,
        area.height.saturating_sub(4),
        "Palette",
        theme,
    );
    let mut lines = vec![
        input_line("> ", &p.input, theme),
        Line::styled(
            if p.index.is_some() {
                "commands, accounts (@) and leads (#); > for commands only"
            } else {
                "commands (accounts and leads join when the search index is ready)"
            },
            theme.style(Role::Muted),
        ),
    ];
    let room = (inner.height as usize).saturating_sub(2);
    let start = p.selected.saturating_sub(room.saturating_sub(1));
    let query_text = match p.input.text.chars().next() {
        Some('>' | '@' | '#') => p.input.text[1..].to_string(),
        _ => p.input.text.clone(),
    };
    let query = Query::new(&query_text);
    let width = inner.width.saturating_sub(12) as usize;
    for (i, hit) in p.hits.iter().enumerate().skip(start).take(room) {
        let (tag, base) = match hit {
            Hit::Command(_) => ("command ", Role::Text),
            Hit::Account(_) => ("account ", Role::Text),
            Hit::Lead(_) => ("lead    ", Role::Text),
        };
        let text = fit(&p.text_of(*hit), width);
        let hits = query.indices(&text).unwrap_or_default();
        let mut spans = vec![Span::styled(format!(" {tag} "), theme.style(Role::Muted))];
        spans.extend(highlight(&text, &hits, theme, base));
        let mut line = Line::from(spans);
        if i == p.selected {
            line = line.style(theme.style(Role::Selection));
        }
        lines.push(line);
    }
    if p.hits.is_empty() {
        lines.push(Line::styled("  nothing matches", theme.style(Role::Muted)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_date(frame: &mut Frame, area: Rect, d: &DateInput, theme: &Theme) {
    let inner = boxed(frame, area, 60, 9, &d.title, theme);
    let reading = match (&d.refusal, d.reading()) {
        (Some(r), _) => Line::styled(r.clone(), theme.style(Role::Error)),
        (None, Ok(date)) => Line::styled(
            format!("→ {}", date.strftime("%A %-d %B %Y")),
            theme.style(Role::Ok),
        ),
        (None, Err(e)) => Line::styled(e, theme.style(Role::Muted)),
    };
    let lines = vec![
        input_line("date: ", &d.input, theme),
        reading,
        Line::raw(""),
        Line::styled(
            "2026-12-01 · +3d · +2w · +1m · mon…sun · today · tomorrow",
            theme.style(Role::Muted),
        ),
        Line::styled(INPUT_KEYS, theme.style(Role::Muted)),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn draw_confirm(frame: &mut Frame, area: Rect, c: &Confirm, theme: &Theme, keymap: &Keymap) {
    // A long question (a merge names both accounts) makes the box taller, never cut.
    let w = 64.min(area.width);
    let rows = crate::tui::format::wrap(&c.question, w.saturating_sub(2) as usize).len() as u16;
    let inner = boxed(frame, area, w, (rows + 4).max(8), "Confirm", theme);
    let yes = keymap
        .chords_for(
            crate::tui::action::Context::Overlay,
            crate::tui::action::Action::Confirm,
        )
        .first()
        .map(|c| c.to_string())
        .unwrap_or_else(|| "y".into());
    let lines = vec![
        Line::styled(c.question.clone(), theme.style(Role::Text)),
        Line::raw(""),
        Line::styled(
            format!("y or {yes}: yes · n or Esc: no"),
            theme.style(Role::Muted),
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn draw_filter(frame: &mut Frame, area: Rect, t: &TextInput, theme: &Theme) {
    let r = Rect {
        x: area.x,
        y: area.y + area.height.saturating_sub(1),
        width: area.width,
        height: 1,
    };
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(Line::from(
            [Span::styled("/", theme.style(Role::Key))]
                .into_iter()
                .chain(field_spans(t, true, theme))
                .chain([Span::styled(
                    "   Enter keeps · Esc clears",
                    theme.style(Role::Muted),
                )])
                .collect::<Vec<_>>(),
        )),
        r,
    );
}

fn draw_form(frame: &mut Frame, area: Rect, f: &super::Form, theme: &Theme) {
    use super::form::Value;
    let h = f.fields.len() as u16 + 6;
    let inner = boxed(frame, area, 72, h, &f.title, theme);
    let mut lines = Vec::new();
    for (i, field) in f.fields.iter().enumerate() {
        let focused = i == f.focus;
        let label = if focused {
            Span::styled(format!("› {:<16}", field.label), theme.style(Role::Key))
        } else {
            Span::styled(format!("  {:<16}", field.label), theme.style(Role::Muted))
        };
        let value = match &field.value {
            Value::Text(t) => field_spans(t, focused, theme),
            Value::Check(on) => vec![Span::styled(
                if *on { "[x]" } else { "[ ]" },
                theme.style(if focused {
                    Role::Selection
                } else {
                    Role::Input
                }),
            )],
        };
        let hint = if focused && !field.hint.is_empty() {
            Span::styled(format!("  {}", field.hint), theme.style(Role::Muted))
        } else {
            Span::raw("")
        };
        let mut spans = vec![label];
        spans.extend(value);
        spans.push(hint);
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    match &f.error {
        Some(e) => lines.push(Line::styled(e.clone(), theme.style(Role::Error))),
        None => lines.push(Line::raw("")),
    }
    lines.push(Line::styled(FORM_KEYS, theme.style(Role::Muted)));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
