//! The weekly view of the event log: per week (Monday to Sunday, UTC), how
//! many handoffs were created, accepted, returned (and of those, for missing
//! context) and kicked off. What the metrics screen charts.

use super::EventRow;
use jiff::civil::{Date, Weekday};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Week {
    /// The Monday the week starts on.
    pub start: Date,
    pub created: u32,
    pub accepted: u32,
    pub returned: u32,
    pub missing_context_returns: u32,
    pub kickoffs: u32,
}

fn monday(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(jiff::Span::new().days(back)).unwrap_or(d)
}

/// The `weeks` weeks ending with the one `today` is in, oldest first.
pub fn weekly(events: &[EventRow], today: Date, weeks: usize) -> Vec<Week> {
    let last = monday(today);
    let mut out: Vec<Week> = (0..weeks)
        .rev()
        .filter_map(|i| {
            last.checked_sub(jiff::Span::new().weeks(i as i64))
                .ok()
                .map(|start| Week {
                    start,
                    ..Week::default()
                })
        })
        .collect();
    let Some(first) = out.first().map(|w| w.start) else {
        return out;
    };
    for e in events {
        let day = e.at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        if day < first || day > today {
            continue;
        }
        let idx = ((day - first).get_days() / 7) as usize;
        let Some(w) = out.get_mut(idx) else { continue };
        match e.kind.as_str() {
            "handoff_created" => w.created += 1,
            "handoff_accepted" => w.accepted += 1,
            "handoff_returned" => {
                w.returned += 1;
                let reason = e.payload.get("reason").and_then(|r| r.as_str());
                w.missing_context_returns += u32::from(reason == Some("missing_context"));
            }
            "kickoff_held" => w.kickoffs += 1,
            _ => {}
        }
    }
    debug_assert!(out.iter().all(|w| w.start.weekday() == Weekday::Monday));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, at: &str, reason: Option<&str>) -> EventRow {
        EventRow {
            deal: "D".into(),
            kind: kind.into(),
            at: at.parse().unwrap(),
            payload: serde_json::json!({ "reason": reason }),
        }
    }

    #[test]
    fn buckets_events_into_monday_weeks_up_to_today() {
        let today = jiff::civil::date(2026, 9, 4); // a Friday
        let events = [
            ev("handoff_created", "2026-08-24T10:00:00Z", None), // Monday, 2 weeks back
            ev(
                "handoff_returned",
                "2026-08-30T23:59:00Z",
                Some("missing_context"),
            ), // Sunday
            ev("handoff_returned", "2026-08-31T00:00:00Z", Some("other")), // Monday
            ev("handoff_accepted", "2026-09-03T12:00:00Z", None),
            ev("handoff_accepted", "2026-09-05T12:00:00Z", None), // after today
            ev("handoff_created", "2026-01-05T12:00:00Z", None),  // before the window
        ];
        let w = weekly(&events, today, 3);
        let starts: Vec<String> = w.iter().map(|w| w.start.to_string()).collect();
        assert_eq!(starts, ["2026-08-17", "2026-08-24", "2026-08-31"]);
        assert_eq!(
            w[0],
            Week {
                start: w[0].start,
                ..Week::default()
            }
        );
        assert_eq!(
            (w[1].created, w[1].returned, w[1].missing_context_returns),
            (1, 1, 1)
        );
        assert_eq!(
            (w[2].returned, w[2].missing_context_returns, w[2].accepted),
            (1, 0, 1)
        );
    }
}
