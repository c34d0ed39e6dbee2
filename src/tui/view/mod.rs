//! Drawing: a pure function of the app state. Each screen's layout is a
//! function of the terminal size alone, shared with `update` (paging and
//! mouse clicks need the same geometry the screen was drawn with).

mod brief;
mod chart;
pub mod evidence;
pub mod handoff;
mod lists;
mod metrics;
mod overlay;
pub mod pilot;
pub mod queue;
mod signoff;
mod status;
mod viewer;

use super::state::{App, Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub use lists::cites;
pub use metrics::WEEKS as METRIC_WEEKS;
pub use viewer::{height as viewer_height, rows as viewer_rows};

/// Rows of a list tab's table on a terminal this size.
pub fn lists_rows(size: (u16, u16), tab: super::state::handoff::Tab) -> usize {
    lists::visible_rows(size, tab)
}

/// The list row at screen row `y` of a list tab, if any (for mouse clicks).
pub fn list_row_at(
    size: (u16, u16),
    v: &super::state::handoff::HandoffView,
    y: u16,
) -> Option<usize> {
    use super::state::handoff::Tab;
    if matches!(v.tab, Tab::Brief | Tab::Evidence | Tab::SignOff) {
        return None;
    }
    let [table, _] = lists::areas(handoff::tab_body(size), v.tab);
    // The table's first row is its header.
    let first = table.y + 1;
    if y < first || y >= table.y + table.height {
        return None;
    }
    let i = (y - first) as usize + v.cursor().offset;
    (i < v.rows()).then_some(i)
}

/// Rows of the open handoff's text tab (brief, sign-off) as wrapped on
/// screen: how far it scrolls.
pub fn text_len(app: &App) -> usize {
    use super::state::handoff::Tab;
    let width = handoff::tab_body(app.size).width as usize;
    app.view.as_ref().map_or(0, |v| {
        let lines = match v.tab {
            Tab::SignOff => signoff::lines(app, v),
            _ => brief::lines(app, v),
        };
        wrapped(&lines, width).count()
    })
}

/// A text tab's lines as rows on screen (hanging indent), for drawing and
/// for knowing how far the tab scrolls.
fn wrapped<'a>(lines: &'a [Line<'a>], width: usize) -> impl Iterator<Item = Line<'static>> + 'a {
    lines.iter().flat_map(move |l| hang(l, width))
}

/// Draw a text tab from its row `offset`.
fn draw_text(f: &mut Frame, area: Rect, lines: &[Line], offset: usize) {
    let rows: Vec<Line> = wrapped(lines, area.width as usize)
        .skip(offset)
        .take(area.height as usize)
        .collect();
    f.render_widget(Paragraph::new(rows), area);
}

/// The smallest terminal baton draws on.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// The header row, the body, the status row.
pub fn frame_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

pub fn draw(f: &mut Frame, app: &App) {
    draw_screen(f, app);
    scrub(f.buffer_mut());
}

/// The last step of every frame: each cell passes the one sanitiser, so no
/// text the state holds (a note stored raw by an older baton, a file name
/// with a bidi override, a field being typed) reaches the terminal raw.
/// ratatui drops control characters itself, but appends a zero-width one such
/// as U+202E to the cell before it.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        if !crate::text::is_clean(cell.symbol()) {
            let clean = crate::text::sanitize_line(cell.symbol());
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

fn draw_screen(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(f, area, app);
        return;
    }
    let [header, body, status_row] = frame_areas(area);
    draw_header(f, header, app);
    match app.screen {
        Screen::Queue => queue::draw(f, body, app),
        Screen::Handoff => match &app.view {
            Some(v) => handoff::draw(f, body, app, v),
            None => queue::draw(f, body, app),
        },
        Screen::Metrics => metrics::draw(f, body, app),
        Screen::Pilot => pilot::draw(f, body, app),
    }
    status::draw(f, status_row, app);
    overlay::draw(f, area, app);
}

fn draw_header(f: &mut Frame, area: Rect, app: &App) {
    let t = &app.config.theme;
    let screen = match app.screen {
        Screen::Queue => "onboarding queue",
        Screen::Handoff => "handoff review",
        Screen::Metrics => "metrics",
        Screen::Pilot => "pilot readout",
    };
    let mut spans = vec![
        Span::styled(" baton ", t.title()),
        Span::styled(screen, t.accent()),
    ];
    if let Some(b) = &app.banner {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(b.clone(), t.warn()));
    }
    let who = match &app.actor {
        Some(a) => match a.role {
            Some(r) => format!(
                "{} ({}) · {} ",
                a.name,
                r.as_str().to_uppercase(),
                app.today
            ),
            None => format!("{} · {} ", a.name, app.today),
        },
        None => format!("no identity · {} ", app.today),
    };
    let left = Line::from(spans);
    let room = (area.width as usize).saturating_sub(left.width() + 1);
    f.render_widget(Paragraph::new(left).style(t.bar()), area);
    let who = clip(&who, room);
    let w = who.chars().count() as u16;
    f.render_widget(
        Paragraph::new(who).style(t.bar()),
        Rect {
            x: area.x + area.width.saturating_sub(w),
            width: w.min(area.width),
            ..area
        },
    );
}

fn too_small(f: &mut Frame, area: Rect, app: &App) {
    let text = vec![
        Line::from(Span::styled(
            "baton needs at least 80x24",
            app.config.theme.bad(),
        )),
        Line::from(format!("this terminal is {}x{}", area.width, area.height)),
        Line::from("enlarge it, or press q to quit"),
    ];
    f.render_widget(
        Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// Cut `s` to `width` characters, marking the cut with an ellipsis.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// A centred rectangle of at most `w` x `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Days from `today` to `date`, as the queue and header show them.
pub fn days_left(today: jiff::civil::Date, date: jiff::civil::Date) -> (i64, String) {
    let d = i64::from((date - today).get_days());
    let text = match d {
        0 => "today".to_string(),
        d if d > 0 => format!("in {d}d"),
        d => format!("{}d ago", -d),
    };
    (d, text)
}

/// A handoff status as people read it.
pub fn status_label(s: &str) -> &str {
    match s {
        "new" => "new",
        "in_review" => "in review",
        "returned_to_ae" => "returned",
        "paused" => "paused",
        "ready_for_sign_off" => "ready",
        "approved" => "approved",
        "kicked_off" => "kicked off",
        other => other,
    }
}

/// Wrap a styled line to `width` at word boundaries, continuation rows
/// indented past the line's own leading spaces, so lists stay readable.
pub fn hang<'a>(line: &Line<'a>, width: usize) -> Vec<Line<'static>> {
    let width = width.max(10);
    let lead = line
        .spans
        .first()
        .map_or(0, |s| s.content.len() - s.content.trim_start().len());
    let indent = (lead + 2).min(width / 2);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    for span in &line.spans {
        // Words with the spaces before them, so joins keep the spacing.
        let mut rest: &str = &span.content;
        while !rest.is_empty() {
            let start = rest.len() - rest.trim_start().len();
            let end = rest[start..].find(' ').map_or(rest.len(), |e| start + e);
            let word = &rest[..end];
            rest = &rest[end..];
            let w = word.chars().count();
            if used + w > width && used > indent {
                rows.push(Line::from(std::mem::take(&mut row)).style(line.style));
                row.push(Span::raw(" ".repeat(indent)));
                used = indent;
                let trimmed = word.trim_start();
                push_word(
                    &mut row, &mut used, trimmed, span.style, width, indent, &mut rows, line.style,
                );
            } else {
                push_word(
                    &mut row, &mut used, word, span.style, width, indent, &mut rows, line.style,
                );
            }
        }
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(Line::from(row).style(line.style));
    }
    rows
}

/// Add a word to the row, breaking a word longer than a row by characters.
#[allow(clippy::too_many_arguments)]
fn push_word(
    row: &mut Vec<Span<'static>>,
    used: &mut usize,
    word: &str,
    style: ratatui::style::Style,
    width: usize,
    indent: usize,
    rows: &mut Vec<Line<'static>>,
    line_style: ratatui::style::Style,
) {
    let mut chars: Vec<char> = word.chars().collect();
    while *used + chars.len() > width {
        let room = width.saturating_sub(*used).max(1);
        let head: String = chars.drain(..room.min(chars.len())).collect();
        row.push(Span::styled(head, style));
        rows.push(Line::from(std::mem::take(row)).style(line_style));
        row.push(Span::raw(" ".repeat(indent)));
        *used = indent;
    }
    *used += chars.len();
    row.push(Span::styled(chars.into_iter().collect::<String>(), style));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn hanging_indent_keeps_words_and_styles() {
        let bold = ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw("  G1 "),
            Span::styled("Cut write-offs to under fifty thousand", bold),
            Span::raw("  deal.toml:49"),
        ]);
        let rows = hang(&line, 20);
        assert_eq!(
            text(&rows),
            [
                "  G1 Cut write-offs",
                "    to under fifty",
                "    thousand",
                "    deal.toml:49"
            ]
        );
        assert!(
            rows[1]
                .spans
                .iter()
                .any(|s| s.style == bold && s.content.contains("fifty"))
        );
        // A word longer than a row is broken, nothing is lost.
        let long = Line::from("x".repeat(25));
        let rows = hang(&long, 12);
        assert_eq!(
            rows.iter()
                .map(|r| r.to_string().trim().len())
                .sum::<usize>(),
            25
        );
        assert!(rows.iter().all(|r| r.width() <= 12));
        assert_eq!(text(&hang(&Line::from(""), 20)), [""]);
    }
}
