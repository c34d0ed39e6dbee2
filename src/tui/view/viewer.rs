//! The full-text viewer: a bordered overlay, its lines wrapped with a
//! hanging indent and scrolled; the footer says where in the text it is.

use super::{centered, hang};
use crate::tui::action::Action;
use crate::tui::keymap::Section;
use crate::tui::state::App;
use crate::tui::state::viewer::{ViewLine, Viewer};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The widest the overlay gets, and its width on a terminal this size.
fn width(size: (u16, u16)) -> u16 {
    size.0.saturating_sub(4).min(100)
}

/// The overlay: as tall as its text (borders included), at most nearly the
/// whole terminal.
fn area(size: (u16, u16), v: &Viewer) -> Rect {
    let full = Rect::new(0, 0, size.0, size.1);
    let text = rows(size, v) as u16;
    centered(full, width(size), (text + 2).min(size.1.saturating_sub(2)))
}

/// Rows of text the viewer shows at once.
pub fn height(size: (u16, u16), v: &Viewer) -> usize {
    (area(size, v).height as usize).saturating_sub(2).max(1)
}

fn styled(l: &ViewLine, t: &Theme) -> Line<'static> {
    match l {
        ViewLine::Head(s) => Line::from(Span::styled(s.clone(), t.title())),
        ViewLine::Text(s) => Line::from(s.clone()),
        ViewLine::Dim(s) => Line::from(Span::styled(s.clone(), t.dim())),
        ViewLine::Error(s) => Line::from(Span::styled(s.clone(), t.bad())),
        ViewLine::Blank => Line::from(""),
    }
}

fn wrapped(v: &Viewer, width: usize, t: &Theme) -> Vec<Line<'static>> {
    v.lines
        .iter()
        .flat_map(|l| hang(&styled(l, t), width))
        .collect()
}

/// How many rows the viewer's text takes, wrapped: how far it scrolls.
pub fn rows(size: (u16, u16), v: &Viewer) -> usize {
    let width = (width(size) as usize).saturating_sub(4);
    wrapped(v, width, &Theme::plain(false)).len()
}

pub fn draw(f: &mut Frame, app: &App, v: &Viewer) {
    let t = &app.config.theme;
    let r = area(app.size, v);
    let lines = wrapped(v, (r.width as usize).saturating_sub(4), t);
    let shown = height(app.size, v);
    let key = |a: Action| {
        app.config
            .keymap
            .key_for(Section::Viewer, a)
            .unwrap_or_default()
    };
    let place = if lines.len() > shown {
        format!(
            "{}-{} of {} · {}/{} scroll · ",
            v.scroll + 1,
            (v.scroll + shown).min(lines.len()),
            lines.len(),
            key(Action::Down),
            key(Action::Up)
        )
    } else {
        String::new()
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.accent())
        .title(Span::styled(format!(" {} ", v.title), t.title()))
        .title_bottom(Span::styled(
            format!(" {place}{} closes ", key(Action::Back)),
            t.dim(),
        ));
    let body: Vec<Line> = lines
        .into_iter()
        .skip(v.scroll)
        .take(shown)
        .map(|l| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(body).block(block), r);
}
