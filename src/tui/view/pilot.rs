//! The metrics screen's pilot readout: the verdict against the 90% bar, the
//! settings it is over (each with the key that changes it), then the page
//! `baton pilot` prints, every handoff behind a number a row to select and
//! open. The top stays put; the rest scrolls to keep the selection in view.

use crate::metrics::pilot::Verdict;
use crate::tui::action::Action;
use crate::tui::keymap::Section;
use crate::tui::state::App;
use crate::tui::state::pilot::PilotView;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use std::ops::Range;

/// Where each driver sits in the scrolling part, wrapped to a width.
pub struct Geometry {
    /// Rows of the scrolling part.
    pub rows: usize,
    /// Rows of it on screen.
    pub height: usize,
    /// Each driver's rows, in order.
    pub drivers: Vec<Range<usize>>,
}

/// The verdict lines, the rate bar, the settings line: the fixed top.
fn top_lines(app: &App, pv: &PilotView) -> Vec<Line<'static>> {
    let t = &app.config.theme;
    let r = &pv.readout;
    let style = match r.verdict {
        Verdict::Met => t.good(),
        Verdict::NotMet => t.bad(),
        Verdict::TooFew => t.warn(),
    };
    let key = |a: Action| {
        app.config
            .keymap
            .key_for(Section::Pilot, a)
            .unwrap_or_default()
    };
    let spec = pv.spec();
    let settings = Line::from(vec![
        Span::styled(" from ", t.dim()),
        Span::styled(spec.since.to_string(), t.accent()),
        Span::styled(format!(" ({}) · ", key(Action::PilotSince)), t.dim()),
        Span::styled(
            spec.segment
                .clone()
                .unwrap_or_else(|| "every segment".into()),
            t.accent(),
        ),
        Span::styled(format!(" ({}) · ", key(Action::PilotSegment)), t.dim()),
        Span::styled(format!("{} days", spec.days), t.accent()),
        Span::styled(
            format!(" ({}) to {}", key(Action::PilotDays), spec.until()),
            t.dim(),
        ),
    ]);
    vec![
        Line::from(Span::styled(format!(" {}", r.verdict_line()), style)),
        settings,
    ]
}

/// The scrolling part as rows on screen `width` wide, each with the driver
/// it shows.
fn body_rows(app: &App, pv: &PilotView, width: usize) -> Vec<(Option<usize>, Line<'static>)> {
    let t = &app.config.theme;
    let r = &pv.readout;
    let head = |label: String, text: String| {
        let line = Line::from(vec![
            Span::styled(format!(" {label} "), t.title()),
            Span::raw(text),
        ]);
        super::hang(&line, width)
            .into_iter()
            .map(|row| (None, row))
            .collect::<Vec<_>>()
    };
    let mut out = head("Sample:".into(), r.sample_line());
    out.extend(head(
        "Did clean handoffs go better?".into(),
        r.better_line(),
    ));
    let mut n = 0;
    for s in &r.sections {
        out.push((None, Line::from("")));
        out.extend(head(format!("{}:", s.title), s.number.clone()));
        for d in &s.lines {
            // Marked as well as highlighted, so the selection shows without
            // colour; wrapped under its own text, so the rows do not move
            // with the selection.
            let (mark, style) = if n == pv.selected {
                ("  ▸ ", t.selected())
            } else {
                ("    ", Style::new())
            };
            let text = Line::from(d.text.clone());
            for (i, row) in super::hang(&text, width.saturating_sub(4))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 { mark } else { "    " };
                let mut spans = vec![Span::raw(lead)];
                spans.extend(row.spans);
                out.push((Some(n), Line::from(spans).style(style)));
            }
            n += 1;
        }
    }
    out
}

/// The fixed top and the scrolling part of the body.
fn areas(app: &App, pv: &PilotView, body: Rect) -> (Vec<Line<'static>>, Rect, Rect) {
    let top: Vec<Line> = top_lines(app, pv)
        .iter()
        .flat_map(|l| super::hang(l, body.width as usize))
        .collect();
    // The top and the rate bar; the page starts with a rule.
    let [top_area, page] = Layout::vertical([
        Constraint::Length(top.len() as u16 + 1),
        Constraint::Fill(1),
    ])
    .areas(body);
    (top, top_area, page)
}

/// Where the drivers fall on a terminal this size.
pub fn geometry(app: &App, pv: &PilotView) -> Geometry {
    let [_, body, _] = super::frame_areas(Rect::new(0, 0, app.size.0, app.size.1));
    let (_, _, page) = areas(app, pv, body);
    let body = body_rows(app, pv, page.width as usize);
    let mut drivers: Vec<Range<usize>> = Vec::new();
    for (row, (driver, _)) in body.iter().enumerate() {
        let Some(d) = *driver else {
            continue;
        };
        // A driver's rows are consecutive: the first opens its range.
        if d == drivers.len() {
            drivers.push(row..row + 1);
        } else if let Some(last) = drivers.last_mut() {
            last.end = row + 1;
        }
    }
    let rows = body.len();
    Geometry {
        rows,
        // The rule above the page takes a row.
        height: (page.height as usize).saturating_sub(1).max(1),
        drivers,
    }
}

/// The first row to show: `scroll` moved just enough to show the selected
/// driver, with the heading above it when that fits; the first driver shows
/// the page from its top, the last to its end.
pub fn follow(g: &Geometry, selected: usize, scroll: usize) -> usize {
    let max = g.rows.saturating_sub(g.height);
    let Some(here) = g.drivers.get(selected) else {
        return scroll.min(max);
    };
    // The rows that belong with the driver: the headings between it and
    // the one before, and after the last driver the end of the page.
    let above = selected.checked_sub(1).map_or(0, |p| g.drivers[p].end);
    let below = if selected + 1 == g.drivers.len() {
        g.rows
    } else {
        here.end
    };
    let mut s = scroll;
    if below > s + g.height {
        s = below - g.height;
    }
    if here.start < s {
        s = if here.end - above <= g.height {
            above
        } else {
            here.start
        };
    }
    s.min(max)
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let t = &app.config.theme;
    let Some(pv) = &app.pilot else {
        f.render_widget(Paragraph::new(" loading…"), area);
        return;
    };
    let (top, top_area, page) = areas(app, pv, area);
    let [text_rows, bar_row] =
        Layout::vertical([Constraint::Length(top.len() as u16), Constraint::Length(1)])
            .areas(top_area);
    f.render_widget(Paragraph::new(top), text_rows);
    let m = &pv.readout.metrics;
    let style = match pv.readout.verdict {
        Verdict::Met => t.good(),
        Verdict::NotMet => t.bad(),
        Verdict::TooFew => t.warn(),
    };
    f.render_widget(
        Paragraph::new(super::metrics::rate_bar(
            m.cs_handoff_acceptance_rate.unwrap_or(0.0).clamp(0.0, 1.0),
            m.pilot_bar,
            bar_row.width,
            style,
            t,
        )),
        bar_row,
    );
    let g = geometry(app, pv);
    let scroll = follow(&g, pv.selected, pv.scroll);
    let shown = if g.rows > g.height {
        format!(
            " rows {}-{} of {} ",
            scroll + 1,
            (scroll + g.height).min(g.rows),
            g.rows
        )
    } else {
        String::new()
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(" Pilot readout ", t.title()))
        .title(Line::from(Span::styled(shown, t.dim())).right_aligned());
    let inner = block.inner(page);
    f.render_widget(block, page);
    let rows: Vec<Line> = body_rows(app, pv, inner.width as usize)
        .into_iter()
        .map(|(_, l)| l)
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    f.render_widget(Paragraph::new(rows), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows: 0-1 sample, 2 blank, 3 heading, 4 d0, 5-6 d1, 7 blank,
    /// 8 heading, 9 d2, 10 blank, 11 heading (a section with no driver).
    fn page(height: usize) -> Geometry {
        Geometry {
            rows: 12,
            height,
            drivers: vec![4..5, 5..7, 9..10],
        }
    }

    #[test]
    fn the_first_driver_shows_the_top_and_the_last_the_end() {
        let g = page(4);
        assert_eq!(follow(&page(6), 0, 7), 0);
        // When the top does not fit with it, the driver itself.
        assert_eq!(follow(&g, 0, 7), 4);
        // The last driver brings the empty section after it into view.
        assert_eq!(follow(&g, 2, 0), 8);
    }

    #[test]
    fn moving_scrolls_only_as_far_as_needed_and_up_shows_the_heading() {
        let g = page(4);
        // d1 (rows 5-6) is in view from 3: no scroll.
        assert_eq!(follow(&g, 1, 3), 3);
        // Down to d1 from the top: its last row comes into view.
        assert_eq!(follow(&g, 1, 0), 3);
        // Up to d2 from the end: in view, no scroll.
        assert_eq!(follow(&g, 2, 8), 8);
        // Scrolled past d1: back up to the end of d0, d1 and nothing above it
        // lost; d2 from below shows its heading (rows 7-9).
        assert_eq!(follow(&g, 1, 6), 5);
        assert_eq!(follow(&g, 2, 10), 7);
        // A page that fits never scrolls.
        assert_eq!(follow(&page(20), 2, 5), 0);
    }
}
