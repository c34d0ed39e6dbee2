//! The queue: one row per handoff, only the visible rows built.

use super::{clip, days_left, status_label};
use crate::tui::state::App;
use crate::workspace::QueueRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// The summary line, the table (header and rows), the legend of the counts.
pub fn areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(body)
}

/// How many rows of the table fit in the body of a terminal this size.
pub fn visible_rows(size: (u16, u16)) -> usize {
    // Header and status rows, the summary line, the table header, the legend.
    (size.1 as usize).saturating_sub(5).max(1)
}

/// The queue row at screen row `y`, if any (for mouse clicks).
pub fn row_at(app: &App, y: u16) -> Option<usize> {
    // Rows start under the header row, the summary line and the table header.
    let first = 3u16;
    let i = y.checked_sub(first)? as usize + app.queue.cursor.offset;
    // The legend and the status bar are the last two rows.
    (i < app.queue.visible.len() && (y as usize) < (app.size.1 as usize).saturating_sub(2))
        .then_some(i)
}

struct Columns {
    segment: bool,
    people: bool,
    /// The kickoff's year is left out on narrow screens.
    short_dates: bool,
}

fn columns(width: u16) -> Columns {
    Columns {
        segment: width >= 140,
        people: width >= 110,
        short_dates: width < 100,
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let t = &app.config.theme;
    let q = &app.queue;
    let [summary, table_area, legend] = areas(area);
    if q.rows.is_empty() {
        empty(f, area, app);
        return;
    }
    let order = match q.ranked() {
        true => "best match first".to_string(),
        false => format!(
            "sorted by {}{}",
            q.sort.label(),
            if q.descending { " (reversed)" } else { "" }
        ),
    };
    let mut parts = vec![
        Span::styled(
            format!(" {} of {} handoffs", q.visible.len(), q.rows.len()),
            t.accent(),
        ),
        Span::raw(format!(" · status: {} · {order}", q.status_filter.label())),
    ];
    if let Some(me) = &q.mine {
        parts.push(Span::raw(" · mine: "));
        parts.push(Span::styled(me.clone(), t.warn()));
    }
    if !q.text_filter.is_empty() {
        parts.push(Span::raw(" · filter: "));
        parts.push(Span::styled(q.text_filter.clone(), t.warn()));
    }
    f.render_widget(Paragraph::new(Line::from(parts)), summary);
    f.render_widget(Paragraph::new(format!(" {LEGEND}")).style(t.dim()), legend);

    let cols = columns(area.width);
    let mut widths = vec![
        Constraint::Length(10),
        Constraint::Length(15),
        Constraint::Fill(2),
    ];
    let mut header = vec!["Status", "Deal", "Account"];
    if cols.segment {
        widths.push(Constraint::Length(12));
        header.push("Segment");
    }
    if cols.people {
        widths.extend([Constraint::Fill(1), Constraint::Fill(1)]);
        header.extend(["AE", "CSM"]);
    }
    widths.extend([
        Constraint::Length(if cols.short_dates { 14 } else { 19 }),
        Constraint::Length(5),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(2),
    ]);
    header.extend(["Kickoff", "Score", "C", "X", "R", "Q"]);

    let height = table_area.height.saturating_sub(1) as usize;
    let start = q.cursor.offset.min(q.visible.len());
    let end = (start + height).min(q.visible.len());
    let rows: Vec<Row> = q.visible[start..end]
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let row = build_row(app, &q.rows[i], &cols);
            if start + n == q.cursor.selected {
                row.style(t.selected())
            } else {
                row
            }
        })
        .collect();
    if q.visible.is_empty() {
        let hint = format!(
            " nothing matches: {} clears the filters",
            app.config
                .keymap
                .key_for(
                    app.screen_section(),
                    crate::tui::action::Action::ClearFilter
                )
                .unwrap_or_else(|| "clear_filter".into())
        );
        f.render_widget(Paragraph::new(hint).style(t.dim()), table_area);
        return;
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.title()))
        .column_spacing(1);
    f.render_widget(table, table_area);
}

fn count_cell(n: u32, style: Style) -> Cell<'static> {
    if n == 0 {
        Cell::from("·")
    } else {
        Cell::from(Span::styled(n.to_string(), style))
    }
}

fn build_row<'a>(app: &App, r: &'a QueueRow, cols: &Columns) -> Row<'a> {
    let t = &app.config.theme;
    let status_style = match r.status.as_str() {
        "returned_to_ae" | "paused" => t.bad(),
        "ready_for_sign_off" | "approved" | "kicked_off" => t.good(),
        _ => Style::new(),
    };
    let approved = matches!(r.status.as_str(), "approved" | "kicked_off");
    let kickoff = match r.kickoff {
        Some(d) => {
            let (days, left) = days_left(app.today, d);
            let style = if approved {
                Style::new()
            } else if days < 0 {
                t.bad()
            } else if days <= app.config.kickoff_warning_days {
                t.warn()
            } else {
                Style::new()
            };
            let date = if cols.short_dates {
                d.strftime("%m-%d").to_string()
            } else {
                d.to_string()
            };
            Cell::from(Span::styled(format!("{date} {left}"), style))
        }
        None => Cell::from(Span::styled("none set", t.dim())),
    };
    let account = r.account.as_deref().or(r.name.as_deref()).unwrap_or("—");
    let mut cells = vec![
        Cell::from(Span::styled(
            status_label(&r.status).to_string(),
            status_style,
        )),
        Cell::from(clip(&r.id, 15)),
        Cell::from(account.to_string()),
    ];
    if cols.segment {
        cells.push(Cell::from(r.segment.clone().unwrap_or_else(|| "—".into())));
    }
    if cols.people {
        cells.push(Cell::from(r.ae.clone().unwrap_or_else(|| "—".into())));
        cells.push(Cell::from(r.csm.clone().unwrap_or_else(|| "—".into())));
    }
    cells.extend([
        kickoff,
        Cell::from(r.score.map_or("—".into(), |s| format!("{s:>3}"))),
        count_cell(r.commitments_to_review, t.warn()),
        count_cell(r.open_conflicts, t.bad()),
        count_cell(r.unowned_risks, t.warn()),
        count_cell(r.open_questions, Style::new()),
    ]);
    Row::new(cells)
}

fn empty(f: &mut Frame, area: Rect, app: &App) {
    let t = &app.config.theme;
    let path = app.ws.path().display().to_string();
    let lines = vec![
        Line::from(""),
        Line::from(Span::styled(
            " No handoffs in this workspace yet.",
            t.title(),
        )),
        Line::from(""),
        Line::from(" Import a closed-won deal bundle (a folder with deal.toml, notes/ and the"),
        Line::from(format!(
            " signed scope), or a folder of bundles: press {} here, or from another terminal:",
            app.config
                .keymap
                .key_for(
                    crate::tui::keymap::Section::Queue,
                    crate::tui::action::Action::Import
                )
                .unwrap_or_else(|| "import".into())
        )),
        Line::from(""),
        Line::from(Span::styled(
            format!("     baton import --workspace {path} path/to/bundles/"),
            t.accent(),
        )),
        Line::from(""),
        Line::from(format!(
            " then press {} here to reload. To look around first: baton demo",
            app.config
                .keymap
                .key_for(
                    crate::tui::keymap::Section::Queue,
                    crate::tui::action::Action::Refresh
                )
                .unwrap_or_else(|| "refresh".into())
        )),
        Line::from(" README.md (Usage) describes what a bundle holds."),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}

/// What C, X, R and Q count: under the queue and in its help.
pub const LEGEND: &str =
    "C commitments to review · X open conflicts · R unowned risks · Q open questions";
