//! Notes and signed scope side by side (stacked below 100 columns), every
//! line numbered, conflicting statements highlighted in both panes and
//! findings marked in the gutter; a detail box shows the current conflict's
//! two sides with what they disagree on highlighted. Only the lines on screen are wrapped, so a
//! 2 MB note draws as fast as a short one.

use crate::tui::state::App;
use crate::tui::state::evidence::{Evidence, PaneLine, Side};
use crate::tui::state::handoff::HandoffView;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::ops::Range;

/// Below this width the panes stack.
pub const SIDE_BY_SIDE: u16 = 100;
/// Rows of the conflict detail box.
const DETAIL: u16 = 7;
/// Line number and mark columns.
const GUTTER: usize = 7;

/// The notes pane, the scope pane and the detail box.
pub fn areas(body: Rect) -> (Rect, Rect, Rect) {
    let [panes, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(DETAIL)]).areas(body);
    let [a, b] = if body.width >= SIDE_BY_SIDE {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(panes)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(panes)
    };
    (a, b, detail)
}

/// Text rows inside a pane (its border takes one), for paging.
pub fn pane_rows(size: (u16, u16), side: Side) -> usize {
    (pane_text_area(size, side).height as usize).max(1)
}

/// Where a pane's lines are drawn on a terminal of `size`: below its
/// border row.
pub fn pane_text_area(size: (u16, u16), side: Side) -> Rect {
    let (a, b, _) = areas(super::handoff::tab_body(size));
    let r = if side == Side::Notes { a } else { b };
    Rect {
        y: r.y.saturating_add(1),
        height: r.height.saturating_sub(1),
        ..r
    }
}

/// The width a pane line wraps at, beside the gutter.
fn wrap_width(area_width: u16) -> usize {
    (area_width as usize).saturating_sub(GUTTER).max(8)
}

/// The pieces a pane line shows as, one per screen row.
fn wrapped(text: &str, width: usize) -> Vec<std::borrow::Cow<'_, str>> {
    if text.is_empty() {
        vec![std::borrow::Cow::Borrowed("")]
    } else {
        textwrap::wrap(text, width)
    }
}

/// How many screen rows pane line `i` takes in a pane `area_width` wide:
/// what scrolling to a line must count, since a long line wraps.
pub fn line_rows(ev: &Evidence, side: Side, i: usize, area_width: u16) -> usize {
    match ev.pane(side).lines.get(i) {
        Some(line @ PaneLine::Text { .. }) => wrapped(ev.text(line), wrap_width(area_width)).len(),
        _ => 1,
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, v: &HandoffView) {
    let t = &app.config.theme;
    let (notes_area, scope_area, detail_area) = areas(area);
    let ev = &v.evidence;
    let current = v.scroll.current.and_then(|i| ev.conflicts.get(i));
    let marked = |side: Side| -> Option<usize> {
        if let Some((s, i)) = v.scroll.target
            && s == side
        {
            return Some(i);
        }
        current.and_then(|c| match side {
            Side::Notes => c.notes,
            Side::Scope => c.scope,
        })
    };
    for (side, r, top, title) in [
        (
            Side::Notes,
            notes_area,
            v.scroll.notes_top,
            "Notes and CRM record",
        ),
        (Side::Scope, scope_area, v.scroll.scope_top, "Signed scope"),
    ] {
        let focused = v.scroll.focus == side;
        let title_style = if focused { t.selected() } else { t.title() };
        // Scrolled into a file, the title says which one.
        let at = ev.pane(side).lines.get(top).map(|l| ev.path(l));
        let title = match at {
            Some(path) if top > 0 => format!(" {title} · {path} "),
            _ => format!(" {title} "),
        };
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(if focused { t.accent() } else { t.dim() })
            .title(Span::styled(title, title_style));
        let inner = block.inner(r);
        f.render_widget(block, r);
        let pane = ev.pane(side);
        if pane.lines.is_empty() {
            let msg = match side {
                Side::Notes => " no notes in this bundle",
                Side::Scope => " no signed scope in this bundle: the evidence gate fails",
            };
            f.render_widget(Paragraph::new(msg).style(t.bad()), inner);
            continue;
        }
        let lines = visible_lines(ev, side, top, inner, marked(side), t);
        f.render_widget(Paragraph::new(lines), inner);
    }
    detail(f, detail_area, app, v);
}

/// Wrap and style the pane lines from `top` until `area` is full.
pub fn visible_lines<'a>(
    ev: &'a Evidence,
    side: Side,
    top: usize,
    area: Rect,
    marked: Option<usize>,
    t: &Theme,
) -> Vec<Line<'a>> {
    let width = wrap_width(area.width);
    let mut out: Vec<Line> = Vec::with_capacity(area.height as usize);
    let pane = ev.pane(side);
    for (i, line) in pane.lines.iter().enumerate().skip(top) {
        if out.len() >= area.height as usize {
            break;
        }
        match line {
            PaneLine::Header { .. } => {
                out.push(Line::from(Span::styled(
                    format!("── {} ", ev.text(line)),
                    t.accent(),
                )));
            }
            PaneLine::Text { number, marks, .. } => {
                let text = ev.text(line);
                let style = if Some(i) == marked {
                    t.current_conflict()
                } else if marks.conflict {
                    t.conflict()
                } else {
                    Style::new()
                };
                let mark = if marks.conflict {
                    Span::styled("X", t.bad())
                } else if marks.commitment {
                    Span::styled("C", t.accent())
                } else if marks.risk {
                    Span::styled("R", t.warn())
                } else {
                    Span::raw(" ")
                };
                for (n, piece) in wrapped(text, width).into_iter().enumerate() {
                    if out.len() >= area.height as usize {
                        break;
                    }
                    let gutter = if n == 0 {
                        Span::styled(format!("{number:>5}"), t.dim())
                    } else {
                        Span::raw("     ")
                    };
                    let m = if n == 0 { mark.clone() } else { Span::raw(" ") };
                    out.push(Line::from(vec![
                        gutter,
                        m,
                        Span::raw(" "),
                        Span::styled(piece.into_owned(), style),
                    ]));
                }
            }
        }
    }
    out
}

/// The current conflict: whether it is decided, its summary, then both
/// sides cited with what they disagree on highlighted.
fn detail(f: &mut Frame, area: Rect, app: &App, v: &HandoffView) {
    let t = &app.config.theme;
    let ev = &v.evidence;
    let block = Block::new().borders(Borders::TOP).border_style(t.dim());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let keys = |a| {
        app.config
            .keymap
            .key_for(app.screen_section(), a)
            .unwrap_or_default()
    };
    let Some(spot) = v.scroll.current.and_then(|i| ev.conflicts.get(i)) else {
        let n = ev.conflicts.len();
        let text = if n == 0 {
            " No conflicts between the notes and the signed scope.".to_string()
        } else {
            format!(
                " {n} conflict(s): {} / {} go to the next / previous one, both panes follow. {} switches pane.",
                keys(crate::tui::action::Action::NextConflict),
                keys(crate::tui::action::Action::PrevConflict),
                keys(crate::tui::action::Action::FocusNext)
            )
        };
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    };
    let item = v.h.item(&spot.item);
    let side_text = |side: Side, at: Option<usize>| -> (String, String) {
        match at.and_then(|i| ev.pane(side).lines.get(i).map(|l| (i, l))) {
            Some((i, l)) => (ev.cite(side, i).unwrap_or_default(), ev.text(l).to_string()),
            None => ("—".into(), String::new()),
        }
    };
    let (ncite, ntext) = side_text(Side::Notes, spot.notes);
    let (scite, stext) = side_text(Side::Scope, spot.scope);
    let index = v.scroll.current.unwrap_or(0) + 1;
    let title = format!(" {} ({index}/{}) ", spot.item, ev.conflicts.len());
    // Decided or not, and how to decide it, before the summary.
    let state = match item {
        Some(i) if i.needs_decision() => {
            format!("open, {} decides · ", keys(crate::tui::action::Action::Act))
        }
        Some(i) => format!("{} · ", i.decision.state().replace('_', " ")),
        None => String::new(),
    };
    let state_style = if item.is_some_and(|i| i.needs_decision()) {
        t.warn()
    } else {
        t.good()
    };
    let room = (inner.width as usize)
        .saturating_sub(title.chars().count())
        .saturating_sub(state.chars().count());
    let what = item.map(|i| i.text.as_str()).unwrap_or_default();
    let found = &spot.disagreement;
    let side = |label: &str, cite: &str, mut words: Vec<Span<'static>>| {
        let mut spans = vec![Span::styled(format!(" {label} {cite} › "), t.dim())];
        spans.append(&mut words);
        Line::from(spans)
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(title, t.title()),
            Span::styled(state, state_style),
            Span::raw(super::clip(what, room)),
        ]),
        side(
            "notes",
            &ncite,
            highlighted(&ntext, &found.notes, t.disagreeing()),
        ),
        side(
            "scope",
            &scite,
            highlighted(&stext, &found.scope, t.disagreeing()),
        ),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// `text` with the byte `ranges` where it disagrees with the other side in
/// `style` (the analysis' reading of the two lines: figures, dates, terms,
/// an exclusion), the rest plain: the words both sides share never stand out.
pub fn highlighted(text: &str, ranges: &[Range<usize>], style: Style) -> Vec<Span<'static>> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        let ok = r.start >= at
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if !ok {
            continue;
        }
        if r.start > at {
            out.push(Span::raw(text[at..r.start].to_string()));
        }
        out.push(Span::styled(text[r.clone()].to_string(), style));
        at = r.end;
    }
    if at < text.len() {
        out.push(Span::raw(text[at..].to_string()));
    }
    out
}
