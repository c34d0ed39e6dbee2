//! What happened after the handoff, over the same cohort as the other
//! metrics: escalations, risks that came true (owned at kickoff or not),
//! early customer risk per segment, and whether handoff quality predicts it
//! (outcomes by handoff-score band, and by whether the handoff was returned
//! for missing context).
//!
//! Early customer risk: an escalation or a materialised risk dated no later
//! than [`EARLY_DAYS`] after kickoff (any date when there is no kickoff yet),
//! or an amber or red health reading at day 30, 60 or 90.

use super::{DealRow, EventRow, day, days, first_value_missed, median, payload_date};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How long after kickoff an outcome counts as early.
pub const EARLY_DAYS: i64 = 90;

/// The handoff-score bands outcomes are compared across, high to low.
pub const SCORE_BANDS: [(&str, u32, u32); 3] =
    [("80-100", 80, 100), ("60-79", 60, 79), ("0-59", 0, 59)];

/// Outcomes of one group of handoffs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OutcomeGroup {
    pub handoffs: u32,
    /// Handoffs with at least one escalation.
    pub escalated: u32,
    pub escalations: u32,
    /// Handoffs with at least one risk that came true.
    pub with_materialised_risk: u32,
    pub first_value_misses: u32,
    /// Handoffs at early customer risk, and their share of the group.
    pub early_risk: u32,
    pub early_risk_rate: Option<f64>,
}

impl OutcomeGroup {
    fn add(&mut self, o: &DealOutcome) {
        self.handoffs += 1;
        self.escalated += u32::from(o.escalations > 0);
        self.escalations += o.escalations;
        self.with_materialised_risk += u32::from(o.materialised > 0);
        self.first_value_misses += u32::from(o.first_value_missed);
        self.early_risk += u32::from(o.early_risk);
        self.early_risk_rate = Some(f64::from(self.early_risk) / f64::from(self.handoffs));
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OutcomeMetrics {
    pub escalations: u32,
    pub handoffs_escalated: u32,
    /// Escalations over handoffs created; `None` for an empty cohort.
    pub escalations_per_handoff: Option<f64>,
    /// Median days from kickoff to a handoff's first escalation on or after it.
    pub median_days_kickoff_to_first_escalation: Option<f64>,
    pub risks_materialised: u32,
    /// Of those, the risk had an owner on kickoff day (else by the day it
    /// came true, for a handoff with no kickoff date).
    pub risks_materialised_owned_at_kickoff: u32,
    pub risks_materialised_unowned_at_kickoff: u32,
    pub early_risk_by_segment: BTreeMap<String, OutcomeGroup>,
    pub outcomes_by_score_band: BTreeMap<String, OutcomeGroup>,
    pub outcomes_returned_for_missing_context: OutcomeGroup,
    pub outcomes_not_returned_for_missing_context: OutcomeGroup,
}

/// One handoff's outcomes, as the readout lists them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DealOutcome {
    pub escalations: u32,
    /// Days from kickoff to the first escalation on or after it.
    pub days_to_first_escalation: Option<i64>,
    pub materialised: u32,
    pub materialised_owned: u32,
    pub first_value_missed: bool,
    pub returned_for_missing_context: bool,
    pub early_risk: bool,
}

/// Each handoff's outcomes from the events (every kind the metrics read).
pub fn per_deal(
    deals: &[&DealRow],
    events: &[EventRow],
    today: Date,
) -> HashMap<String, DealOutcome> {
    let ids: HashSet<&str> = deals.iter().map(|d| d.id.as_str()).collect();
    let mut by_deal: HashMap<&str, Vec<&EventRow>> = HashMap::new();
    for e in events.iter().filter(|e| ids.contains(e.deal.as_str())) {
        by_deal.entry(e.deal.as_str()).or_default().push(e);
    }
    let mut out = HashMap::new();
    for d in deals {
        let evs = by_deal.get(d.id.as_str()).map_or(&[][..], Vec::as_slice);
        let held = evs
            .iter()
            .filter(|e| e.kind == "kickoff_held")
            .find_map(|e| payload_date(&e.payload, "date").or(Some(day(e.at))));
        let kickoff = held.or(d.kickoff);
        let early = |on: Date| kickoff.is_none_or(|k| days(k, on) <= EARLY_DAYS);
        let mut o = DealOutcome::default();
        let mut first: Option<i64> = None;
        for e in evs {
            match e.kind.as_str() {
                "escalation_recorded" => {
                    o.escalations += 1;
                    let on = payload_date(&e.payload, "date").unwrap_or(day(e.at));
                    o.early_risk |= early(on);
                    if let Some(k) = kickoff.filter(|k| on >= *k) {
                        let n = days(k, on);
                        first = Some(first.map_or(n, |f| f.min(n)));
                    }
                }
                "risk_materialised" => {
                    o.materialised += 1;
                    let on = payload_date(&e.payload, "date").unwrap_or(day(e.at));
                    o.early_risk |= early(on);
                    let item = e.payload.get("item").and_then(|i| i.as_str());
                    let by = kickoff.unwrap_or(on);
                    let named = |p: &serde_json::Value| {
                        p.get("owner")
                            .and_then(|w| w.as_str())
                            .is_some_and(|w| !w.trim().is_empty())
                    };
                    let assigned: Vec<&&EventRow> = evs
                        .iter()
                        .filter(|a| {
                            a.kind == "risk_owner_assigned"
                                && a.payload.get("item").and_then(|i| i.as_str()) == item
                        })
                        .collect();
                    // An owner the bundle named (deal.toml) came with the
                    // import, with no event of its own: owned since the
                    // handoff was created.
                    let created = evs
                        .iter()
                        .filter(|c| c.kind == "handoff_created")
                        .map(|c| day(c.at))
                        .min();
                    let owned = assigned
                        .iter()
                        .any(|a| named(&a.payload) && day(a.at) <= by)
                        || (assigned.is_empty()
                            && named(&e.payload)
                            && created.is_some_and(|c| c <= by));
                    o.materialised_owned += u32::from(owned);
                }
                "health_recorded" => {
                    let health = e.payload.get("health").and_then(|h| h.as_str());
                    o.early_risk |= matches!(health, Some("amber" | "red"));
                }
                "handoff_returned" => {
                    o.returned_for_missing_context |=
                        e.payload.get("reason").and_then(|r| r.as_str()) == Some("missing_context");
                }
                _ => {}
            }
        }
        o.days_to_first_escalation = first;
        if let Some(due) = d.first_value_date {
            let reached = evs
                .iter()
                .filter(|e| e.kind == "first_value_reached")
                .find_map(|e| payload_date(&e.payload, "date").or(Some(day(e.at))));
            o.first_value_missed = first_value_missed(due, reached, today);
        }
        out.insert(d.id.clone(), o);
    }
    out
}

/// The score band a handoff falls in (`None`: no score stored).
pub fn score_band(score: Option<u32>) -> Option<&'static str> {
    let s = score?;
    SCORE_BANDS
        .iter()
        .find(|(_, lo, hi)| (*lo..=*hi).contains(&s))
        .map(|(name, _, _)| *name)
}

/// The outcome metrics of a cohort.
pub fn compute(cohort: &[&DealRow], events: &[EventRow], today: Date) -> OutcomeMetrics {
    let per = per_deal(cohort, events, today);
    let mut m = OutcomeMetrics::default();
    let mut to_first = Vec::new();
    for d in cohort {
        let o = &per[&d.id];
        m.escalations += o.escalations;
        m.handoffs_escalated += u32::from(o.escalations > 0);
        to_first.extend(o.days_to_first_escalation);
        m.risks_materialised += o.materialised;
        m.risks_materialised_owned_at_kickoff += o.materialised_owned;
        m.risks_materialised_unowned_at_kickoff += o.materialised - o.materialised_owned;
        let segment = d.segment.clone().unwrap_or_else(|| "(none)".into());
        m.early_risk_by_segment.entry(segment).or_default().add(o);
        let band = score_band(d.score).unwrap_or("no score");
        m.outcomes_by_score_band
            .entry(band.to_string())
            .or_default()
            .add(o);
        if o.returned_for_missing_context {
            m.outcomes_returned_for_missing_context.add(o);
        } else {
            m.outcomes_not_returned_for_missing_context.add(o);
        }
    }
    if !cohort.is_empty() {
        m.escalations_per_handoff = Some(f64::from(m.escalations) / cohort.len() as f64);
    }
    m.median_days_kickoff_to_first_escalation = median(to_first);
    m
}

/// The outcome lines of `baton metrics`.
pub fn render(m: &OutcomeMetrics, out: &mut String) {
    let rate =
        |r: Option<f64>| r.map_or_else(|| "n/a".to_string(), |r| format!("{:.0}%", r * 100.0));
    let lines = [
        (
            "escalations",
            format!(
                "{} on {} handoff(s), {} per handoff",
                m.escalations,
                m.handoffs_escalated,
                m.escalations_per_handoff
                    .map_or_else(|| "n/a".to_string(), |r| format!("{r:.2}"))
            ),
        ),
        (
            "kickoff to first escalation (median)",
            m.median_days_kickoff_to_first_escalation
                .map_or_else(|| "n/a".to_string(), |d| format!("{d:.1} days")),
        ),
        (
            "risks materialised",
            format!(
                "{} ({} owned at kickoff, {} not)",
                m.risks_materialised,
                m.risks_materialised_owned_at_kickoff,
                m.risks_materialised_unowned_at_kickoff
            ),
        ),
    ];
    for (k, v) in lines {
        out.push_str(&format!("{k:<34} {v}\n"));
    }
    let group = |g: &OutcomeGroup| {
        format!(
            "{} handoff(s): {} escalated, {} with a risk come true, {} first-value miss(es); early risk {}",
            g.handoffs,
            g.escalated,
            g.with_materialised_risk,
            g.first_value_misses,
            rate(g.early_risk_rate)
        )
    };
    let mut section = |title: &str, rows: Vec<(String, &OutcomeGroup)>| {
        let rows: Vec<_> = rows.into_iter().filter(|(_, g)| g.handoffs > 0).collect();
        if rows.is_empty() {
            return;
        }
        out.push_str(title);
        out.push('\n');
        for (name, g) in rows {
            out.push_str(&format!("  {name:<32} {}\n", group(g)));
        }
    };
    section(
        "early customer risk by segment",
        m.early_risk_by_segment
            .iter()
            .map(|(s, g)| (s.clone(), g))
            .collect(),
    );
    let mut bands: Vec<(String, &OutcomeGroup)> = SCORE_BANDS
        .iter()
        .filter_map(|(b, _, _)| {
            m.outcomes_by_score_band
                .get(*b)
                .map(|g| (format!("score {b}"), g))
        })
        .collect();
    bands.extend(
        m.outcomes_by_score_band
            .get("no score")
            .map(|g| ("no score".to_string(), g)),
    );
    section("outcomes by handoff score", bands);
    section(
        "outcomes by missing-context return",
        vec![
            (
                "returned for missing context".into(),
                &m.outcomes_returned_for_missing_context,
            ),
            (
                "not returned".into(),
                &m.outcomes_not_returned_for_missing_context,
            ),
        ],
    );
}

#[cfg(test)]
#[path = "outcomes_tests.rs"]
mod tests;
