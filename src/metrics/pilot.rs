//! The pilot readout (`baton pilot`): one page saying whether a pilot met its
//! bar (90% of decided handoffs accepted without a missing-context return),
//! with every number followed by the handoffs behind it and the events that
//! are its evidence (event number, date, who, note), in the terminal or as
//! Markdown. Every number comes from [`super::compute`] over the same cohort,
//! so the readout and `baton metrics` never disagree.

use super::outcomes::per_deal;
use super::{DealRow, EventRow, Filter, Metrics, compute, day};
use crate::handoff::events::Event;
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap};

/// Below this many decided handoffs the readout gives no verdict: one return
/// would move the rate by a third or more.
pub const MIN_DECIDED: u32 = 3;

/// How long a pilot runs when not told (`--days`, the TUI's days prompt).
pub const DEFAULT_DAYS: u32 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Met,
    NotMet,
    TooFew,
}

/// What the readout is over.
#[derive(Debug, Clone)]
pub struct PilotSpec {
    pub segment: Option<String>,
    pub since: Date,
    /// Handoffs created in `[since, since + days)`.
    pub days: u32,
    pub min_decided: u32,
}

impl PilotSpec {
    pub fn until(&self) -> Date {
        self.since
            .checked_add(jiff::Span::new().days(i64::from(self.days.max(1)) - 1))
            .unwrap_or(self.since)
    }
}

/// One handoff of the cohort, as the readout names it.
#[derive(Debug, Clone)]
pub struct PilotDeal {
    pub id: String,
    pub account: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Readout {
    pub spec: PilotSpec,
    pub metrics: Metrics,
    pub verdict: Verdict,
    /// Accepted without a missing-context return.
    pub accepted_clean: u32,
    /// Each section's handoffs, each with its evidence lines.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub number: String,
    pub lines: Vec<Driver>,
}

/// One handoff behind a number, with the event that is its evidence: the
/// deal id is kept apart from the text so a front can open the handoff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driver {
    pub deal: String,
    /// The whole line, the deal and account first (`KW-2026-011 Vredeborg
    /// Metaal B.V.: returned, ...`).
    pub text: String,
}

fn evidence(e: &Event, what: String) -> String {
    let note = e
        .payload
        .get("note")
        .and_then(|n| n.as_str())
        .filter(|n| !n.trim().is_empty())
        .map(|n| {
            format!(
                ": \"{}\"",
                n.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        })
        .unwrap_or_default();
    format!("{what} ({}, {}, event {}){note}", day(e.at), e.actor, e.id)
}

/// Build the readout from every deal, its name, and every event.
pub fn readout(
    deals: &[DealRow],
    names: &HashMap<String, PilotDeal>,
    events: &[Event],
    spec: &PilotSpec,
    today: Date,
) -> Readout {
    let rows: Vec<EventRow> = events
        .iter()
        .map(|e| EventRow {
            deal: e.deal.clone(),
            kind: e.kind.clone(),
            at: e.at,
            payload: e.payload.clone(),
        })
        .collect();
    let filter = Filter {
        segment: spec.segment.clone(),
        since: Some(spec.since),
        until: Some(spec.until()),
    };
    let metrics = compute(deals, &rows, &filter, today);
    // The cohort as `compute` takes it: created in the window, of the segment.
    let created: HashMap<&str, Date> =
        rows.iter()
            .filter(|e| e.kind == "handoff_created")
            .fold(HashMap::new(), |mut m, e| {
                let on = day(e.at);
                m.entry(e.deal.as_str())
                    .and_modify(|c: &mut Date| *c = (*c).min(on))
                    .or_insert(on);
                m
            });
    let cohort: Vec<&DealRow> = deals
        .iter()
        .filter(|d| {
            filter
                .segment
                .as_ref()
                .is_none_or(|s| d.segment.as_ref() == Some(s))
        })
        .filter(|d| {
            created
                .get(d.id.as_str())
                .is_some_and(|c| *c >= spec.since && *c <= spec.until())
        })
        .collect();
    let mut by_deal: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for e in events {
        by_deal.entry(e.deal.as_str()).or_default().push(e);
    }
    let name = |id: &str| match names.get(id).and_then(|n| n.account.as_deref()) {
        Some(a) => format!("{id} {a}"),
        None => id.to_string(),
    };
    let driver = |id: &str, what: String| Driver {
        deal: id.to_string(),
        text: format!("{}: {what}", name(id)),
    };
    let of = |id: &str, kind: &str| -> Vec<&Event> {
        by_deal
            .get(id)
            .map(|v| v.iter().copied().filter(|e| e.kind == kind).collect())
            .unwrap_or_default()
    };
    let outcomes = per_deal(&cohort, &rows, today);

    let mut accepted_clean = 0;
    let mut acceptance = Vec::new();
    let mut returns = Vec::new();
    let mut delays = Vec::new();
    let mut misses = Vec::new();
    let mut escalations = Vec::new();
    let mut risks = Vec::new();
    for d in &cohort {
        let id = d.id.as_str();
        let accepted = of(id, "handoff_accepted");
        let returned = of(id, "handoff_returned");
        let missing_context = outcomes[id].returned_for_missing_context;
        let state = match (accepted.first(), missing_context, returned.is_empty()) {
            (Some(a), false, _) => {
                accepted_clean += 1;
                evidence(a, "accepted without a missing-context return".into())
            }
            (Some(a), true, _) => evidence(a, "accepted after a missing-context return".into()),
            (None, _, false) => "returned, not accepted yet".into(),
            (None, _, true) => "not decided yet".into(),
        };
        acceptance.push(driver(id, state));
        for r in returned {
            let reason = r
                .payload
                .get("reason")
                .and_then(|r| r.as_str())
                .unwrap_or("other");
            returns.push(driver(id, evidence(r, format!("returned, {reason}"))));
        }
        for m in of(id, "kickoff_moved") {
            let (from, to) = (
                m.payload
                    .get("from")
                    .and_then(|v| v.as_str())
                    .unwrap_or("?"),
                m.payload.get("to").and_then(|v| v.as_str()).unwrap_or("?"),
            );
            if to > from {
                delays.push(driver(
                    id,
                    evidence(m, format!("kickoff moved from {from} to {to}")),
                ));
            }
        }
        if outcomes[id].first_value_missed {
            let due = d.first_value_date.map_or("?".into(), |d| d.to_string());
            let line = match of(id, "first_value_reached").first() {
                Some(r) => evidence(r, format!("first value due {due}, reached late")),
                None => format!("first value due {due}, not reached"),
            };
            misses.push(driver(id, line));
        }
        for e in of(id, "escalation_recorded") {
            let s = |k: &str| e.payload.get(k).and_then(|v| v.as_str()).unwrap_or("");
            let ticket = match (
                e.payload.pointer("/ticket/desk").and_then(|v| v.as_str()),
                e.payload.pointer("/ticket/id").and_then(|v| v.as_str()),
            ) {
                (Some(desk), Some(t)) => format!(", {desk} ticket {t}"),
                _ => String::new(),
            };
            escalations.push(driver(
                id,
                evidence(
                    e,
                    format!(
                        "{} escalation on {} from {}{ticket}",
                        s("severity"),
                        s("date"),
                        s("source")
                    ),
                ),
            ));
        }
        for e in of(id, "risk_materialised") {
            let s = |k: &str| e.payload.get(k).and_then(|v| v.as_str()).unwrap_or("");
            risks.push(driver(
                id,
                evidence(
                    e,
                    format!("{} \"{}\" came true on {}", s("item"), s("text"), s("date")),
                ),
            ));
        }
    }
    let verdict = match metrics.cs_handoff_acceptance_rate {
        _ if metrics.handoffs_decided < spec.min_decided => Verdict::TooFew,
        Some(rate) if rate >= metrics.pilot_bar => Verdict::Met,
        _ => Verdict::NotMet,
    };
    let m = &metrics;
    let o = &m.outcomes;
    let reasons: Vec<String> = m
        .returns_by_reason
        .iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect();
    let sections = vec![
        Section {
            title: "Acceptance".into(),
            number: format!(
                "{accepted_clean} of {} decided handoff(s) accepted without a missing-context return",
                m.handoffs_decided
            ),
            lines: acceptance,
        },
        Section {
            title: "Returns to the AE".into(),
            number: format!(
                "{} missing-context return(s){}",
                m.missing_context_returns,
                if reasons.is_empty() {
                    String::new()
                } else {
                    format!("; by reason: {}", reasons.join(", "))
                }
            ),
            lines: returns,
        },
        Section {
            title: "Kickoff delays".into(),
            number: format!(
                "{} handoff(s) delayed, {} move(s), {} day(s) in all",
                m.kickoff_delays.deals_delayed,
                m.kickoff_delays.moves_later,
                m.kickoff_delays.total_days_delayed
            ),
            lines: delays,
        },
        Section {
            title: "First-value misses".into(),
            number: format!("{} handoff(s)", m.first_value_misses),
            lines: misses,
        },
        Section {
            title: "Escalations".into(),
            number: format!(
                "{} escalation(s) on {} handoff(s); median {} from kickoff to the first",
                o.escalations,
                o.handoffs_escalated,
                o.median_days_kickoff_to_first_escalation
                    .map_or_else(|| "n/a".into(), |d| format!("{d:.1} days"))
            ),
            lines: escalations,
        },
        Section {
            title: "Risks that came true".into(),
            number: format!(
                "{} ({} owned at kickoff, {} not)",
                o.risks_materialised,
                o.risks_materialised_owned_at_kickoff,
                o.risks_materialised_unowned_at_kickoff
            ),
            lines: risks,
        },
    ];
    Readout {
        spec: spec.clone(),
        verdict,
        accepted_clean,
        sections,
        metrics,
    }
}

impl Readout {
    /// The verdict as one line.
    pub fn verdict_line(&self) -> String {
        let m = &self.metrics;
        let bar = format!("{:.0}%", m.pilot_bar * 100.0);
        let rate = m
            .cs_handoff_acceptance_rate
            .map_or_else(|| "n/a".into(), |r| format!("{:.1}%", r * 100.0));
        match self.verdict {
            Verdict::Met => format!(
                "MET: {rate} of decided handoffs accepted without a missing-context return ({} of {}), at or above the {bar} bar",
                self.accepted_clean, m.handoffs_decided
            ),
            Verdict::NotMet => format!(
                "NOT MET: {rate} of decided handoffs accepted without a missing-context return ({} of {}), below the {bar} bar",
                self.accepted_clean, m.handoffs_decided
            ),
            Verdict::TooFew => format!(
                "TOO FEW HANDOFFS: {} decided, {} needed for a verdict (acceptance so far {rate})",
                m.handoffs_decided, self.spec.min_decided
            ),
        }
    }

    /// What the readout is over: the segment and the window.
    pub fn scope_line(&self) -> String {
        let spec = &self.spec;
        format!(
            "{}, handoffs created {} to {} ({} days)",
            spec.segment
                .as_deref()
                .map_or_else(|| "every segment".to_string(), |s| format!("segment {s}")),
            spec.since,
            spec.until(),
            spec.days
        )
    }

    /// How many handoffs were created and decided.
    pub fn sample_line(&self) -> String {
        let m = &self.metrics;
        format!(
            "{} handoff(s) created; {} decided ({} accepted, {} returned and not accepted); {} not decided yet",
            m.handoffs_created,
            m.handoffs_decided,
            m.handoffs_accepted,
            m.handoffs_decided - m.handoffs_accepted,
            m.handoffs_created - m.handoffs_decided
        )
    }

    /// Whether the handoffs not returned for missing context went better:
    /// the early customer risk of each group.
    pub fn better_line(&self) -> String {
        let accepted_risk = &self
            .metrics
            .outcomes
            .outcomes_not_returned_for_missing_context;
        let returned_risk = &self.metrics.outcomes.outcomes_returned_for_missing_context;
        let pct = |r: Option<f64>| r.map_or_else(|| "n/a".into(), |r| format!("{:.0}%", r * 100.0));
        format!(
            "early customer risk {} of handoffs not returned for missing context ({} of {}) against {} of those returned ({} of {})",
            pct(accepted_risk.early_risk_rate),
            accepted_risk.early_risk,
            accepted_risk.handoffs,
            pct(returned_risk.early_risk_rate),
            returned_risk.early_risk,
            returned_risk.handoffs
        )
    }

    /// The page: plain text for a terminal, or Markdown.
    pub fn render(&self, markdown: bool) -> String {
        let scope = self.scope_line();
        let sample = self.sample_line();
        let better = self.better_line();
        let mut out = String::new();
        if markdown {
            out.push_str(&format!(
                "# Pilot readout: {scope}\n\n**{}**\n\n",
                self.verdict_line()
            ));
            out.push_str(&format!(
                "- **Sample**: {sample}\n- **Did clean handoffs go better?** {better}\n"
            ));
            for s in &self.sections {
                out.push_str(&format!("\n## {}\n\n{}\n\n", s.title, s.number));
                for l in &s.lines {
                    out.push_str(&format!("- {}\n", markdown_escape(&l.text)));
                }
            }
        } else {
            out.push_str(&format!(
                "Pilot readout: {scope}\n{}\n\n",
                self.verdict_line()
            ));
            out.push_str(&format!(
                "Sample: {sample}\nDid clean handoffs go better? {better}\n"
            ));
            for s in &self.sections {
                out.push_str(&format!("\n{}: {}\n", s.title, s.number));
                for l in &s.lines {
                    out.push_str(&format!("  - {}\n", l.text));
                }
            }
        }
        out
    }
}

/// Keep a note's text as text in Markdown (no emphasis, links or HTML).
fn markdown_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "pilot_tests.rs"]
mod tests;
