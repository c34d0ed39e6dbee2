//! Pilot metrics, as pure functions over deal and event rows (the workspace
//! reads the rows; nothing here touches storage, so every number is testable
//! on hand-built lists).
//!
//! The cohort is the handoffs *created* in `[since, until]` (and of `segment`);
//! everything is counted over that cohort.

pub mod outcomes;
pub mod pilot;
mod weekly;

pub use outcomes::{DealOutcome, OutcomeGroup, OutcomeMetrics};
pub use weekly::{Week, weekly};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The pilot bar for `cs_handoff_acceptance_rate`.
pub const PILOT_BAR: f64 = 0.9;

#[derive(Debug, Clone, Default)]
pub struct DealRow {
    pub id: String,
    pub segment: Option<String>,
    pub closed_on: Option<Date>,
    pub first_value_date: Option<Date>,
    /// Open risks of the current revision with no owner.
    pub unowned_open_risks: u32,
    /// The kickoff planned (moved, if it was); a held kickoff's date comes
    /// from its event.
    pub kickoff: Option<Date>,
    /// The handoff score (0-100) of the current revision.
    pub score: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct EventRow {
    pub deal: String,
    pub kind: String,
    pub at: Timestamp,
    pub payload: serde_json::Value,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub segment: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KickoffDelays {
    /// `kickoff_moved` events that moved a kickoff later.
    pub moves_later: u32,
    pub deals_delayed: u32,
    pub total_days_delayed: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    pub handoffs_created: u32,
    pub handoffs_accepted: u32,
    /// Accepted or returned at least once.
    pub handoffs_decided: u32,
    /// Accepted without a missing-context return, over decided; `None` before any decision.
    pub cs_handoff_acceptance_rate: Option<f64>,
    pub pilot_bar: f64,
    pub meets_pilot_bar: Option<bool>,
    pub missing_context_returns: u32,
    pub returns_by_reason: BTreeMap<String, u32>,
    pub median_days_closed_to_submitted: Option<f64>,
    pub median_days_closed_to_accepted: Option<f64>,
    pub median_days_closed_to_kickoff: Option<f64>,
    pub kickoff_delays: KickoffDelays,
    /// First-value date passed without `first_value_reached`, or reached late.
    pub first_value_misses: u32,
    pub open_risks_without_owner: u32,
    /// Escalations, risks that came true, early customer risk and how they
    /// vary with handoff quality (`outcomes`).
    #[serde(flatten)]
    pub outcomes: OutcomeMetrics,
}

#[derive(Default)]
struct Life {
    created: Option<Date>,
    accepted: Option<Date>,
    kickoff_held: Option<Date>,
    first_value: Option<Date>,
    returns: Vec<String>,
    moves_later: Vec<i64>,
}

fn day(t: Timestamp) -> Date {
    t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

fn payload_date(p: &serde_json::Value, key: &str) -> Option<Date> {
    p.get(key)?.as_str()?.parse().ok()
}

fn days(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days())
}

fn median(mut xs: Vec<i64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable();
    let n = xs.len();
    Some(if n % 2 == 1 {
        xs[n / 2] as f64
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) as f64 / 2.0
    })
}

/// Compute the metrics of the cohort. `today` decides which first-value dates
/// have passed.
pub fn compute(deals: &[DealRow], events: &[EventRow], filter: &Filter, today: Date) -> Metrics {
    let mut lives: HashMap<&str, Life> = HashMap::new();
    for e in events {
        let life = lives.entry(e.deal.as_str()).or_default();
        let on = day(e.at);
        match e.kind.as_str() {
            "handoff_created" => life.created = Some(life.created.map_or(on, |c| c.min(on))),
            "handoff_accepted" => life.accepted = Some(life.accepted.map_or(on, |c| c.min(on))),
            "handoff_returned" => life.returns.push(
                e.payload
                    .get("reason")
                    .and_then(|r| r.as_str())
                    .unwrap_or("other")
                    .to_string(),
            ),
            "kickoff_held" => life.kickoff_held = payload_date(&e.payload, "date").or(Some(on)),
            "first_value_reached" => {
                life.first_value = payload_date(&e.payload, "date").or(Some(on))
            }
            "kickoff_moved" => {
                if let (Some(from), Some(to)) = (
                    payload_date(&e.payload, "from"),
                    payload_date(&e.payload, "to"),
                ) {
                    if to > from {
                        life.moves_later.push(days(from, to));
                    }
                }
            }
            _ => {}
        }
    }
    let mut m = Metrics {
        pilot_bar: PILOT_BAR,
        ..Metrics::default()
    };
    let (mut to_submit, mut to_accept, mut to_kickoff) = (vec![], vec![], vec![]);
    let mut accepted_clean = 0u32;
    let mut cohort: Vec<&DealRow> = Vec::new();
    for d in deals {
        if filter
            .segment
            .as_ref()
            .is_some_and(|s| d.segment.as_ref() != Some(s))
        {
            continue;
        }
        let Some(life) = lives.get(d.id.as_str()) else {
            continue;
        };
        let Some(created) = life.created else {
            continue;
        };
        if filter.since.is_some_and(|s| created < s) || filter.until.is_some_and(|u| created > u) {
            continue;
        }
        m.handoffs_created += 1;
        cohort.push(d);
        m.open_risks_without_owner += d.unowned_open_risks;
        let missing_context = life.returns.iter().any(|r| r == "missing_context");
        for r in &life.returns {
            *m.returns_by_reason.entry(r.clone()).or_default() += 1;
            m.missing_context_returns += u32::from(r == "missing_context");
        }
        if life.accepted.is_some() {
            m.handoffs_accepted += 1;
            accepted_clean += u32::from(!missing_context);
        }
        if life.accepted.is_some() || !life.returns.is_empty() {
            m.handoffs_decided += 1;
        }
        if let Some(closed) = d.closed_on {
            to_submit.push(days(closed, created));
            to_accept.extend(life.accepted.map(|a| days(closed, a)));
            to_kickoff.extend(life.kickoff_held.map(|k| days(closed, k)));
        }
        if !life.moves_later.is_empty() {
            m.kickoff_delays.deals_delayed += 1;
            m.kickoff_delays.moves_later += life.moves_later.len() as u32;
            m.kickoff_delays.total_days_delayed += life.moves_later.iter().sum::<i64>();
        }
        if let Some(due) = d.first_value_date {
            m.first_value_misses += u32::from(first_value_missed(due, life.first_value, today));
        }
    }
    if m.handoffs_decided > 0 {
        let rate = f64::from(accepted_clean) / f64::from(m.handoffs_decided);
        m.cs_handoff_acceptance_rate = Some(rate);
        m.meets_pilot_bar = Some(rate >= PILOT_BAR);
    }
    m.median_days_closed_to_submitted = median(to_submit);
    m.median_days_closed_to_accepted = median(to_accept);
    m.median_days_closed_to_kickoff = median(to_kickoff);
    m.outcomes = outcomes::compute(&cohort, events, today);
    m
}

/// First value missed: reached after its date, or not reached and the date
/// has passed.
pub fn first_value_missed(due: Date, reached: Option<Date>, today: Date) -> bool {
    match reached {
        Some(reached) => reached > due,
        None => due < today,
    }
}

/// The metrics as a readable report.
pub fn render(m: &Metrics) -> String {
    let days = |d: Option<f64>| d.map_or_else(|| "n/a".to_string(), |d| format!("{d:.1} days"));
    let mut out = String::new();
    let rate = match m.cs_handoff_acceptance_rate {
        Some(r) => format!(
            "{:.1}% ({} the {:.0}% pilot bar)",
            r * 100.0,
            if r >= m.pilot_bar { "meets" } else { "below" },
            m.pilot_bar * 100.0
        ),
        None => "n/a (no handoff decided yet)".to_string(),
    };
    let lines = [
        ("handoffs created", m.handoffs_created.to_string()),
        ("handoffs accepted", m.handoffs_accepted.to_string()),
        ("handoffs decided", m.handoffs_decided.to_string()),
        ("cs_handoff_acceptance_rate", rate),
        (
            "missing-context returns",
            m.missing_context_returns.to_string(),
        ),
        (
            "closed-won to submitted (median)",
            days(m.median_days_closed_to_submitted),
        ),
        (
            "closed-won to accepted (median)",
            days(m.median_days_closed_to_accepted),
        ),
        (
            "closed-won to kickoff (median)",
            days(m.median_days_closed_to_kickoff),
        ),
        (
            "kickoff delays",
            format!(
                "{} deal(s), {} move(s), {} day(s) in all",
                m.kickoff_delays.deals_delayed,
                m.kickoff_delays.moves_later,
                m.kickoff_delays.total_days_delayed
            ),
        ),
        ("first-value misses", m.first_value_misses.to_string()),
        (
            "open risks without owner",
            m.open_risks_without_owner.to_string(),
        ),
    ];
    for (k, v) in lines {
        out.push_str(&format!("{k:<34} {v}\n"));
    }
    if !m.returns_by_reason.is_empty() {
        out.push_str("returns by reason\n");
        for (r, n) in &m.returns_by_reason {
            out.push_str(&format!("  {r:<32} {n}\n"));
        }
    }
    outcomes::render(&m.outcomes, &mut out);
    out
}

#[cfg(test)]
mod tests;
