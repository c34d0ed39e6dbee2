//! The metrics screen's filters: by segment and by period, each key stepping
//! to the next value. The numbers and the weekly chart are recomputed from
//! the workspace's rows with the library's own metrics (what `baton metrics
//! --segment --since` prints).

use super::action::Action;
use super::state::{App, MetricsFilter, MetricsView};
use super::view;
use crate::metrics::{self, Filter};

/// Compute the metrics screen under `filter`.
pub(super) fn load(app: &App, filter: MetricsFilter) -> crate::workspace::Result<MetricsView> {
    let (deals, events) = app.ws.metrics_rows()?;
    let mut segments: Vec<String> = deals.iter().filter_map(|d| d.segment.clone()).collect();
    segments.sort();
    segments.dedup();
    // The chart's weeks: the period's, or the default span for all time.
    let span = filter.weeks.unwrap_or(view::METRIC_WEEKS);
    let of_segment: Option<std::collections::HashSet<&str>> = filter.segment.as_ref().map(|s| {
        deals
            .iter()
            .filter(|d| d.segment.as_ref() == Some(s))
            .map(|d| d.id.as_str())
            .collect()
    });
    let events: Vec<_> = events
        .iter()
        .filter(|e| {
            of_segment
                .as_ref()
                .is_none_or(|ids| ids.contains(e.deal.as_str()))
        })
        .cloned()
        .collect();
    let weeks = metrics::weekly(&events, app.today, span);
    let since = filter.weeks.and_then(|_| weeks.first().map(|w| w.start));
    let library_filter = Filter {
        segment: filter.segment.clone(),
        since,
        until: None,
    };
    Ok(MetricsView {
        metrics: metrics::compute(&deals, &events, &library_filter, app.today),
        weeks,
        filter,
        segments,
    })
}

/// Step the segment or the period filter and recompute.
pub(super) fn filter(app: &mut App, action: Action) {
    let Some(mv) = &app.metrics else {
        return;
    };
    let mut next = mv.filter.clone();
    match action {
        Action::NextSegment => {
            next.segment = match &next.segment {
                None => mv.segments.first().cloned(),
                Some(s) => {
                    let at = mv.segments.iter().position(|x| x == s);
                    at.and_then(|i| mv.segments.get(i + 1)).cloned()
                }
            };
        }
        Action::NextPeriod => {
            let periods = MetricsFilter::PERIODS;
            let at = periods.iter().position(|p| *p == next.weeks);
            next.weeks = periods[at.map_or(0, |i| (i + 1) % periods.len())];
        }
        _ => return,
    }
    match load(app, next) {
        Ok(m) => {
            let said = format!(
                "metrics: {} · {}",
                m.filter.segment_label(),
                m.filter.period_label()
            );
            app.metrics = Some(m);
            app.info(said);
        }
        Err(e) => app.error(e.to_string()),
    }
}
