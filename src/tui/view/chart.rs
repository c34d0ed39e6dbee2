//! The weekly chart of the metrics screen, drawn as text: a y-axis with
//! values, three bars a week, each series with its own glyph (and colour
//! when there is colour), a legend, and the weeks' dates under the bars. It
//! reads the same without colour: the glyphs tell the series apart.

use crate::metrics::Week;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One series: its label, its glyph, how a week counts it.
type Series = (&'static str, char, fn(&Week) -> u32);

/// The series, in bar order.
pub const SERIES: [Series; 3] = [
    ("created", '█', |w| w.created),
    ("accepted", '▒', |w| w.accepted),
    ("returned", '░', |w| w.returned),
];

fn series_style(i: usize, t: &Theme) -> Style {
    match i {
        0 => t.accent(),
        1 => t.good(),
        _ => t.bad(),
    }
}

/// The legend line: each series' glyph and name.
pub fn legend(t: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, (label, glyph, _)) in SERIES.iter().enumerate() {
        spans.push(Span::styled(format!("{glyph}{glyph}"), series_style(i, t)));
        spans.push(Span::raw(format!(" {label}   ")));
    }
    Line::from(spans)
}

/// How many of the most recent weeks fit `width`, and each bar's width.
fn fit(weeks: usize, width: usize, axis: usize) -> (usize, usize) {
    let room = width.saturating_sub(axis);
    for bar in [2, 1] {
        let group = 3 * bar + 1;
        if weeks * group <= room {
            return (weeks, bar);
        }
    }
    ((room / 4).clamp(1, weeks.max(1)), 1)
}

/// The chart in `width` x `height` cells (the legend not included): the
/// plot rows, then the x-axis with the weeks' dates. Values are exact: one
/// row per `unit`, the axis labelled in units.
pub fn lines(weeks: &[Week], width: u16, height: u16, t: &Theme) -> Vec<Line<'static>> {
    let plot = (height as usize).saturating_sub(1).max(1);
    let max = weeks
        .iter()
        .flat_map(|w| SERIES.iter().map(move |(_, _, f)| f(w)))
        .max()
        .unwrap_or(0)
        .max(1) as usize;
    // Small counts get several rows each (a row left for the tallest
    // bar's value); large ones several counts a row. Either way a label
    // reads an exact count.
    let (per_count, unit) = match max < plot {
        true => (plot / (max + 1), 1),
        false => (1, max.div_ceil(plot)),
    };
    let level = |k: usize| k * unit / per_count; // count at row k's top
    let axis = level(plot).to_string().len() + 2;
    let (shown, bar) = fit(weeks.len(), width as usize, axis);
    let weeks = &weeks[weeks.len() - shown.min(weeks.len())..];
    // Label about four rows (every count when each has rows of its own).
    let step = match per_count > 1 {
        true => per_count,
        false => (plot / 4).max(1),
    };
    let mut out = Vec::with_capacity(plot + 1);
    for r in 0..plot {
        let k = plot - r; // this row, 1-based from the bottom
        let label = if k % step == 0 || (per_count == 1 && r == 0) {
            format!("{:>w$} ┤", level(k), w = axis - 2)
        } else {
            format!("{:>w$} │", "", w = axis - 2)
        };
        let mut spans = vec![Span::styled(label, t.dim())];
        for w in weeks {
            for (i, (_, glyph, value)) in SERIES.iter().enumerate() {
                let v = value(w) as usize;
                let filled = v * per_count / unit + usize::from(unit > 1 && v % unit > 0);
                let cell = if k <= filled {
                    Span::styled(glyph.to_string().repeat(bar), series_style(i, t))
                } else if v > 0 && k == filled + 1 && v.to_string().len() <= bar {
                    // The value just above its bar.
                    Span::raw(format!("{v:>bar$}"))
                } else {
                    Span::raw(" ".repeat(bar))
                };
                spans.push(cell);
            }
            spans.push(Span::raw(" "));
        }
        out.push(Line::from(spans));
    }
    // The x-axis: 0, then each week's Monday under its bars.
    let mut x = vec![Span::styled(format!("{:>w$} └", 0, w = axis - 2), t.dim())];
    let group = 3 * bar + 1;
    let every = if group >= 6 { 1 } else { 2 };
    let mut pending = String::new();
    for (n, w) in weeks.iter().enumerate() {
        if n % every == 0 {
            pending.push_str(&w.start.strftime("%m/%d").to_string());
        }
        let cells = group.min(pending.chars().count().max(group));
        let take: String = pending.chars().take(cells).collect();
        pending = pending.chars().skip(cells).collect();
        x.push(Span::styled(format!("{take:<group$}"), t.dim()));
    }
    out.push(Line::from(x));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(d: &str, created: u32, accepted: u32, returned: u32) -> Week {
        Week {
            start: d.parse().unwrap(),
            created,
            accepted,
            returned,
            ..Week::default()
        }
    }

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn bars_have_their_own_glyph_and_the_axis_reads_exact_values() {
        let t = Theme::plain(false);
        let weeks = [week("2026-08-24", 3, 1, 0), week("2026-08-31", 1, 0, 2)];
        let rows = text(&lines(&weeks, 40, 5, &t));
        assert_eq!(
            rows,
            [
                // Each value sits just above its bar: 3 1 0, then 1 0 2.
                "4 ┤ 3            ",
                "3 ┤██          2 ",
                "2 ┤██ 1    1  ░░ ",
                "1 ┤██▒▒   ██  ░░ ",
                "0 └08/24  08/31  ",
            ]
            .map(|r| r.to_string()),
            "{rows:#?}"
        );
    }

    #[test]
    fn a_tall_series_counts_in_units_and_narrow_screens_keep_the_latest_weeks() {
        let t = Theme::plain(false);
        let weeks: Vec<Week> = (0..12)
            .map(|i| {
                let start = jiff::civil::date(2026, 6, 1)
                    .checked_add(jiff::Span::new().weeks(i))
                    .unwrap();
                Week {
                    start,
                    created: 40,
                    ..Week::default()
                }
            })
            .collect();
        let rows = text(&lines(&weeks, 30, 5, &t));
        // 40 over 4 rows: 10 a row, the top labelled 40.
        assert!(rows[0].starts_with("40 ┤"), "{rows:#?}");
        assert!(rows.iter().all(|r| r.chars().count() <= 30), "{rows:#?}");
        // The last week shown is the latest.
        assert!(rows[4].contains("08/"), "{rows:#?}");
    }

    #[test]
    fn small_counts_get_rows_of_their_own() {
        let t = Theme::plain(false);
        let rows = text(&lines(&[week("2026-08-31", 2, 1, 0)], 30, 8, &t));
        // Seven plot rows for counts up to 2: two rows a count.
        assert_eq!(
            rows,
            [
                "  │       ",
                "3 ┤       ",
                "  │ 2     ",
                "2 ┤██     ",
                "  │██ 1   ",
                "1 ┤██▒▒   ",
                "  │██▒▒   ",
                "0 └08/31  ",
            ]
            .map(|r| r.to_string()),
            "{rows:#?}"
        );
    }
}
