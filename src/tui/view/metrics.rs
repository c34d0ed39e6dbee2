//! The metrics screen: the acceptance rate against the pilot bar, returns,
//! kickoff delays, first-value misses, unowned risks, and a weekly chart.

use crate::tui::state::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// The rate as a bar with the pilot bar marked: `█████░░░│░`.
pub(super) fn rate_bar(
    ratio: f64,
    bar: f64,
    width: u16,
    style: Style,
    t: &crate::tui::theme::Theme,
) -> Line<'static> {
    let w = (width as usize).saturating_sub(2).max(10);
    let filled = (ratio * w as f64).round() as usize;
    let mark = ((bar * w as f64).round() as usize).min(w - 1);
    let mut spans = vec![Span::raw(" ")];
    for i in 0..w {
        let (c, s) = match (i == mark, i < filled) {
            (true, _) => ("│", t.accent()),
            (false, true) => ("█", style),
            (false, false) => ("░", t.dim()),
        };
        spans.push(Span::styled(c, s));
    }
    Line::from(spans)
}

/// Weeks the chart shows.
pub const WEEKS: usize = 12;

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let t = &app.config.theme;
    let Some(mv) = &app.metrics else {
        f.render_widget(Paragraph::new(" loading…"), area);
        return;
    };
    let m = &mv.metrics;
    let [gauge_area, numbers, chart] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(9),
        Constraint::Fill(1),
    ])
    .areas(area);

    let (ratio, label, style) = match m.cs_handoff_acceptance_rate {
        Some(r) => {
            let meets = r >= m.pilot_bar;
            (
                r.clamp(0.0, 1.0),
                format!(
                    " cs_handoff_acceptance_rate {:.1}% — {} the {:.0}% pilot bar ({} of {} decided accepted without a missing-context return)",
                    r * 100.0,
                    if meets { "meets" } else { "below" },
                    m.pilot_bar * 100.0,
                    (r * f64::from(m.handoffs_decided)).round(),
                    m.handoffs_decided
                ),
                if meets { t.good() } else { t.bad() },
            )
        }
        None => (0.0, " no handoff accepted or returned yet".into(), t.dim()),
    };
    let [label_row, bar_row, filter_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(gauge_area);
    f.render_widget(Paragraph::new(Span::styled(label, style)), label_row);
    f.render_widget(
        Paragraph::new(rate_bar(ratio, m.pilot_bar, bar_row.width, style, t)),
        bar_row,
    );
    let key = |a: crate::tui::action::Action| {
        app.config
            .keymap
            .key_for(crate::tui::keymap::Section::Metrics, a)
            .unwrap_or_default()
    };
    let filters = Line::from(vec![
        Span::styled(" segment: ", t.dim()),
        Span::styled(mv.filter.segment_label().to_string(), t.accent()),
        Span::styled(
            format!(
                " ({}) · period: ",
                key(crate::tui::action::Action::NextSegment)
            ),
            t.dim(),
        ),
        Span::styled(mv.filter.period_label(), t.accent()),
        Span::styled(
            format!(" ({})", key(crate::tui::action::Action::NextPeriod)),
            t.dim(),
        ),
    ]);
    f.render_widget(Paragraph::new(filters), filter_row);

    let days = |d: Option<f64>| d.map_or_else(|| "n/a".to_string(), |d| format!("{d:.1} days"));
    let returns = if m.returns_by_reason.is_empty() {
        "none".to_string()
    } else {
        m.returns_by_reason
            .iter()
            .map(|(r, n)| format!("{} {n}", r.replace('_', " ")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let row = |k: &str, v: String, s: Style| {
        Line::from(vec![
            Span::styled(format!(" {k:<32}"), t.dim()),
            Span::styled(v, s),
        ])
    };
    let plain = Style::new();
    let warn_if = |n: u32| if n > 0 { t.warn() } else { t.good() };
    let lines = vec![
        row(
            "handoffs created / accepted",
            format!("{} / {}", m.handoffs_created, m.handoffs_accepted),
            plain,
        ),
        row(
            "missing-context returns",
            m.missing_context_returns.to_string(),
            warn_if(m.missing_context_returns),
        ),
        row("returns by reason", returns, plain),
        row(
            "kickoff delays",
            format!(
                "{} deal(s) moved later, {} day(s) in all",
                m.kickoff_delays.deals_delayed, m.kickoff_delays.total_days_delayed
            ),
            warn_if(m.kickoff_delays.deals_delayed),
        ),
        row(
            "first-value misses",
            m.first_value_misses.to_string(),
            warn_if(m.first_value_misses),
        ),
        row(
            "open risks without an owner",
            m.open_risks_without_owner.to_string(),
            warn_if(m.open_risks_without_owner),
        ),
        row(
            "closed-won to accepted (median)",
            days(m.median_days_closed_to_accepted),
            plain,
        ),
        row(
            "closed-won to kickoff (median)",
            days(m.median_days_closed_to_kickoff),
            plain,
        ),
    ];
    f.render_widget(Paragraph::new(lines), numbers);

    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        format!(
            " Weekly, {}: created · accepted · returned ",
            match mv.filter.weeks {
                Some(n) => format!("last {n} weeks"),
                None => format!("last {} weeks", mv.weeks.len()),
            }
        ),
        t.title(),
    ));
    let inner = block.inner(chart);
    f.render_widget(block, chart);
    let [legend_row, plot] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    f.render_widget(Paragraph::new(super::chart::legend(t)), legend_row);
    let lines = super::chart::lines(&mv.weeks, plot.width, plot.height, t);
    f.render_widget(Paragraph::new(lines), plot);
}
