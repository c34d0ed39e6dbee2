//! The handoff brief: why the customer bought, their goals (buyer outcomes kept
//! apart from user requirements, decision rule 3), how success and first value
//! are measured, who is who, what was promised, what the scope says, the risks and
//! the dates. Every item cites its evidence; nothing here is agreed with the
//! customer yet.

use super::scope::{self, ScopeSummary};
use super::{Findings, Numbered, Shared, cites, clip};
use crate::analysis::quantity::{Quantity, find_quantities, may_hold_date};
use crate::analysis::{Category, Evidence, Goal, GoalKind, Side};
use crate::bundle::Bundle;
use foldhash::HashMap;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Brief {
    /// One sentence: who bought what, for how much, to reach which outcomes.
    pub why_they_bought: String,
    pub buyer_goals: Vec<BriefGoal>,
    pub user_requirements: Vec<BriefGoal>,
    pub success_criteria: Vec<Criterion>,
    /// Customer-side people; the executive sponsor is marked.
    pub stakeholders: Vec<BriefPerson>,
    pub commitments: Vec<BriefFlag>,
    pub scope: ScopeSummary,
    pub risks: Vec<BriefFlag>,
    pub timeline: Vec<Milestone>,
    /// Files of the bundle that were not read, and why: what the brief
    /// cannot speak for.
    pub unread_files: Vec<UnreadFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnreadFile {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefGoal {
    pub text: String,
    pub measurable: bool,
    /// The CRM's `measure` for this goal, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    /// `first_value`, `goal_measure` or `measurable_goal`.
    pub source: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefPerson {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub executive_sponsor: bool,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefFlag {
    /// The checklist id (`C1`) or risk id (`R1`).
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    pub text: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    /// `None` for a milestone the handoff needs but nobody has dated.
    pub date: Option<Date>,
    pub what: String,
    /// The commitment it comes from, for dated promises.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub evidence: Vec<Evidence>,
}

pub fn draft(bundle: &Bundle, f: &Findings) -> Brief {
    draft_with(bundle, f, &Shared::new(f))
}

pub(crate) fn draft_with(bundle: &Bundle, f: &Findings, shared: &Shared) -> Brief {
    let goals_of = |kind: GoalKind| -> Vec<BriefGoal> {
        f.goals
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| brief_goal(bundle, g))
            .collect()
    };
    let buyer_goals = goals_of(GoalKind::Buyer);
    // Each claim once, as its first mention says it.
    let as_brief = |flags: &[Numbered]| {
        flags
            .iter()
            .filter(|n| shared.leads(n.at))
            .map(|n| BriefFlag {
                id: n.id.clone(),
                category: n.flag.category,
                text: n.flag.text.clone(),
                evidence: n.flag.evidence.clone(),
            })
            .collect::<Vec<_>>()
    };
    Brief {
        why_they_bought: why_they_bought(bundle, &buyer_goals),
        user_requirements: goals_of(GoalKind::User),
        success_criteria: success_criteria(bundle, f.goals),
        stakeholders: f
            .stakeholders
            .iter()
            .filter(|s| s.side == Side::Customer)
            .map(|s| BriefPerson {
                name: s.name.clone(),
                title: s.title.clone(),
                role: s.role.clone(),
                executive_sponsor: s.executive_sponsor,
                evidence: s.evidence.clone(),
            })
            .collect(),
        commitments: as_brief(&shared.commitments),
        scope: scope::summarize(bundle),
        risks: as_brief(&shared.risks),
        timeline: timeline(bundle, shared),
        buyer_goals,
        unread_files: bundle
            .unread()
            .map(|l| UnreadFile {
                path: l.path.clone(),
                reason: l.reason.clone().unwrap_or_default(),
            })
            .collect(),
    }
}

/// The CRM `measure` of a goal the CRM record lists (matched by its text).
fn measure_of(bundle: &Bundle, goal: &Goal) -> Option<String> {
    bundle
        .deal
        .goals
        .iter()
        .find(|g| g.text == goal.text)
        .and_then(|g| g.measure.clone())
}

fn brief_goal(bundle: &Bundle, g: &Goal) -> BriefGoal {
    BriefGoal {
        text: g.text.clone(),
        measurable: g.measurable,
        measure: measure_of(bundle, g),
        evidence: g.evidence.clone(),
    }
}

/// "48,000", "1,250.50": amounts as a person writes them.
pub(crate) fn money(amount: f64) -> String {
    let cents = (amount * 100.0).round() as i64;
    let whole = (cents / 100).abs().to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if cents < 0 { "-" } else { "" };
    match cents.abs() % 100 {
        0 => format!("{sign}{grouped}"),
        c => format!("{sign}{grouped}.{c:02}"),
    }
}

fn why_they_bought(bundle: &Bundle, buyer_goals: &[BriefGoal]) -> String {
    let deal = &bundle.deal;
    let who = deal.account.as_deref().unwrap_or("The customer");
    let what = deal
        .name
        .as_deref()
        .map_or_else(|| format!("deal {}", deal.id), |n| format!("\"{n}\""));
    let price = match deal.amount {
        Some(amount) => format!(
            " ({} {})",
            money(amount),
            deal.currency.as_deref().unwrap_or("")
        )
        .replace(" )", ")"),
        None => String::new(),
    };
    if buyer_goals.is_empty() {
        return format!(
            "{who} bought {what}{price}; no buyer outcome is stated, so why they bought is a question for the AE."
        );
    }
    let reasons: Vec<String> = buyer_goals
        .iter()
        .take(3)
        .map(|g| format!("{} ({})", clip(&g.text, 100), cites(&g.evidence)))
        .collect();
    format!(
        "{who} bought {what}{price} to reach: {}.",
        reasons.join("; ")
    )
}

/// First-value criteria first, then CRM goal measures, then goals whose text
/// carries a number: the ways the customer will judge the rollout.
fn success_criteria(bundle: &Bundle, goals: &[Goal]) -> Vec<Criterion> {
    let mut out = Vec::new();
    if let Some(fv) = &bundle.deal.first_value
        && (fv.criteria.is_some() || fv.date.is_some())
    {
        out.push(Criterion {
            source: "first_value",
            text: fv
                .criteria
                .clone()
                .unwrap_or_else(|| "First value (no criteria stated)".into()),
            date: fv.date,
            evidence: vec![Evidence {
                file: "deal.toml".into(),
                line: fv.line,
            }],
        });
    }
    for g in goals {
        if let Some(measure) = measure_of(bundle, g) {
            out.push(Criterion {
                source: "goal_measure",
                text: format!("{measure} (goal: {})", clip(&g.text, 80)),
                date: None,
                evidence: g.evidence.clone(),
            });
        } else if g.measurable {
            out.push(Criterion {
                source: "measurable_goal",
                text: g.text.clone(),
                date: None,
                evidence: g.evidence.clone(),
            });
        }
    }
    out
}

/// Closing, kickoff and first value (undated when nobody has set them), then every
/// commitment whose text names a date; sorted by date, undated last.
fn timeline(bundle: &Bundle, shared: &Shared) -> Vec<Milestone> {
    let deal = &bundle.deal;
    let fv = deal.first_value.as_ref();
    let mut out = Vec::new();
    if let Some(date) = deal.closed_on {
        out.push(Milestone {
            date: Some(date),
            what: "Deal closed".into(),
            from: None,
            evidence: vec![],
        });
    }
    out.push(Milestone {
        date: deal.kickoff,
        what: if deal.kickoff.is_some() {
            "Kickoff".into()
        } else {
            "Kickoff (not scheduled)".into()
        },
        from: None,
        evidence: vec![],
    });
    out.push(Milestone {
        date: fv.and_then(|fv| fv.date),
        what: match fv.and_then(|fv| fv.criteria.as_deref()) {
            Some(criteria) => format!("First value: {}", clip(criteria, 100)),
            None => "First value (no milestone agreed)".into(),
        },
        from: None,
        evidence: fv
            .map(|fv| {
                vec![Evidence {
                    file: "deal.toml".into(),
                    line: fv.line,
                }]
            })
            .unwrap_or_default(),
    });
    let year = deal.closed_on.or(deal.kickoff).map_or(2026, |d| d.year());
    // A promise repeated in many notes is read for a date once.
    let mut dates: HashMap<&str, Option<Date>> = HashMap::default();
    for c in shared.commitments.iter().filter(|c| shared.leads(c.at)) {
        let date = *dates.entry(c.flag.text.as_str()).or_insert_with(|| {
            may_hold_date(&c.flag.text)
                .then(|| find_quantities(&c.flag.text, year))
                .into_iter()
                .flatten()
                .find_map(|found| match found.quantity {
                    Quantity::Date { date, .. } => Some(date),
                    _ => None,
                })
        });
        // A date before the close is when a promise was logged, not when it is due.
        if let Some(date) = date.filter(|d| deal.closed_on.is_none_or(|closed| *d >= closed)) {
            out.push(Milestone {
                date: Some(date),
                what: format!("Promised: {}", clip(&c.flag.text, 100)),
                from: Some(c.id.clone()),
                evidence: c.flag.evidence.clone(),
            });
        }
    }
    // Stable sort keeps the order above for equal dates.
    out.sort_by_key(|m| (m.date.is_none(), m.date));
    out
}

#[cfg(test)]
#[path = "tests/brief.rs"]
mod tests;
