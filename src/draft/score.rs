//! The handoff score: five parts of 0-20 each, summed to 0-100, higher meaning a
//! healthier handoff. Every part starts from fixed, readable rules (no weights
//! learned from data) and explains itself with the counts and names behind its
//! points, so a CSM can argue with it.

use super::{Findings, Shared, executive_candidates, same_system, scope};
use crate::analysis::{Category, FlagKind, Missing, Side};
use crate::bundle::Bundle;
use serde::{Deserialize, Serialize};

pub const PART_MAX: u32 = 20;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub total: u32,
    pub max: u32,
    pub completeness: Part,
    pub promise_risk: Part,
    pub implementation_complexity: Part,
    pub stakeholder_coverage: Part,
    pub first_value_clarity: Part,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub points: u32,
    pub max: u32,
    pub explanation: String,
}

impl Score {
    /// The parts with their readable names, in report order.
    pub fn parts(&self) -> [(&'static str, &Part); 5] {
        [
            ("Completeness", &self.completeness),
            ("Promise risk", &self.promise_risk),
            ("Implementation complexity", &self.implementation_complexity),
            ("Stakeholder coverage", &self.stakeholder_coverage),
            ("First-value clarity", &self.first_value_clarity),
        ]
    }
}

pub fn draft(bundle: &Bundle, f: &Findings) -> Score {
    draft_with(bundle, f, &Shared::new(f))
}

pub(crate) fn draft_with(bundle: &Bundle, f: &Findings, shared: &Shared) -> Score {
    let parts = [
        completeness(f),
        promise_risk(bundle, shared),
        complexity(f, shared),
        stakeholders(f),
        first_value(bundle, f),
    ];
    let total = parts.iter().map(|p| p.points).sum();
    let [
        completeness,
        promise_risk,
        implementation_complexity,
        stakeholder_coverage,
        first_value_clarity,
    ] = parts;
    Score {
        total,
        max: PART_MAX * 5,
        completeness,
        promise_risk,
        implementation_complexity,
        stakeholder_coverage,
        first_value_clarity,
    }
}

/// Full marks less the deductions, never below zero.
fn deducted(penalty: u32, explanation: String) -> Part {
    Part {
        points: PART_MAX.saturating_sub(penalty),
        max: PART_MAX,
        explanation,
    }
}

fn earned(points: u32, explanation: String) -> Part {
    Part {
        points: points.min(PART_MAX),
        max: PART_MAX,
        explanation,
    }
}

fn completeness(f: &Findings) -> Part {
    if f.missing.is_empty() {
        return deducted(0, "All required handoff context is present.".into());
    }
    // Without notes or a signed scope there is nothing to check promises against.
    let weight = |m: &Missing| {
        if matches!(m, Missing::DealNotes | Missing::SignedScope) {
            4
        } else {
            2
        }
    };
    let penalty = f.missing.iter().map(weight).sum();
    let names: Vec<&str> = f.missing.iter().map(|m| m.label()).collect();
    deducted(
        penalty,
        format!(
            "{} of {} required items missing: {} (-4 for notes or scope, -2 for each other).",
            f.missing.len(),
            Missing::ALL.len(),
            names.join(", ")
        ),
    )
}

/// `ids` in order, each once.
fn once_each(ids: Vec<&str>) -> Vec<&str> {
    let mut seen = foldhash::HashSet::default();
    ids.into_iter().filter(|id| seen.insert(*id)).collect()
}

fn promise_risk(bundle: &Bundle, shared: &Shared) -> Part {
    let conflicts = &shared.conflicts;
    // A commitment already behind a conflict is counted there, not twice.
    let in_conflict: foldhash::HashSet<_> = shared.sides.iter().flat_map(|s| &s.notes).collect();
    let scope_lower = bundle
        .scope()
        .map(|s| s.text.to_lowercase())
        .unwrap_or_default();
    let scope_words = scope::words(&scope_lower);
    // A promise repeated in many notes is looked for in the scope once.
    let mut recorded: foldhash::HashMap<&str, bool> = foldhash::HashMap::default();
    let unrecorded: Vec<&str> = shared
        .commitments
        .iter()
        .filter(|c| {
            matches!(
                c.flag.category,
                Some(Category::Custom | Category::Discount | Category::Timeline)
            )
        })
        .filter(|c| !c.flag.evidence.iter().any(|e| in_conflict.contains(e)))
        .filter(|c| {
            !*recorded
                .entry(c.flag.text.as_str())
                .or_insert_with(|| scope::records(&scope_words, &c.flag.text))
        })
        .map(|c| c.id.as_str())
        .collect();
    // A claim said several times is one risk: its mentions share its id.
    let unrecorded = once_each(unrecorded);
    let conflicts = once_each(conflicts.iter().map(|x| x.id.as_str()).collect());
    let penalty = 5 * conflicts.len() as u32 + 2 * unrecorded.len() as u32;
    let mut reasons = Vec::new();
    if !conflicts.is_empty() {
        reasons.push(format!(
            "{} conflict(s) with the signed scope ({}; -5 each)",
            conflicts.len(),
            conflicts.join(", ")
        ));
    }
    if !unrecorded.is_empty() {
        let against = if bundle.scope().is_some() {
            "not found in the signed scope"
        } else {
            "with no signed scope to check them against"
        };
        reasons.push(format!(
            "{} custom, discount or timeline commitment(s) {against} ({}; -2 each)",
            unrecorded.len(),
            unrecorded.join(", ")
        ));
    }
    let explanation = if reasons.is_empty() {
        "No conflicts, and every custom, discount or timeline commitment appears in the signed scope.".into()
    } else {
        format!("{}.", reasons.join("; "))
    };
    deducted(penalty, explanation)
}

const MIGRATION_CUES: &[&str] = &[
    "migrat",
    "legacy",
    "data quality",
    "spreadsheet",
    "import",
    "export",
    "cutover",
    "cut-over",
    "historical data",
];

fn complexity(f: &Findings, shared: &Shared) -> Part {
    let mut integrations: Vec<&str> = Vec::new();
    let mut unnamed = 0u32;
    let mut systems: Vec<&str> = Vec::new();
    for (at, flag) in f.flags.iter().enumerate() {
        if flag.kind == FlagKind::Conflict {
            continue;
        }
        let named = shared.systems(at);
        if flag.kind == FlagKind::Commitment && flag.category == Some(Category::Integration) {
            if named.is_empty() {
                unnamed += 1;
            }
            for s in named {
                if !integrations.iter().any(|i| same_system(i, s)) {
                    integrations.push(s);
                }
            }
        }
        for s in named {
            if !systems.iter().any(|i| same_system(i, s)) {
                systems.push(s);
            }
        }
    }
    let migrations: Vec<&str> = shared
        .risks
        .iter()
        .filter(|r| {
            let lower = r.flag.text.to_lowercase();
            MIGRATION_CUES.iter().any(|c| lower.contains(c))
        })
        .map(|r| r.id.as_str())
        .collect();
    let migrations = once_each(migrations);
    let integration_count = integrations.len() as u32 + unnamed;
    let penalty = 3 * integration_count + 3 * migrations.len() as u32 + systems.len() as u32;
    let mut reasons = Vec::new();
    if integration_count > 0 {
        let mut what = integrations.join(", ");
        if unnamed > 0 {
            what = [what, format!("{unnamed} promise(s) naming no system")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
        }
        reasons.push(format!(
            "{integration_count} integration(s) promised ({what}; -3 each)"
        ));
    }
    if !migrations.is_empty() {
        reasons.push(format!(
            "{} migration or legacy-data risk(s) ({}; -3 each)",
            migrations.len(),
            migrations.join(", ")
        ));
    }
    if !systems.is_empty() {
        reasons.push(format!(
            "{} system(s) named ({}; -1 each)",
            systems.len(),
            systems.join(", ")
        ));
    }
    let explanation = if reasons.is_empty() {
        "No integrations, migration risks or other systems named in the findings.".into()
    } else {
        format!("{}.", reasons.join("; "))
    };
    deducted(penalty, explanation)
}

fn stakeholders(f: &Findings) -> Part {
    let customer: Vec<_> = f
        .stakeholders
        .iter()
        .filter(|s| s.side == Side::Customer)
        .collect();
    let mut points = 0;
    let mut reasons = Vec::new();
    match customer.iter().find(|s| s.executive_sponsor) {
        Some(s) => {
            points += 8;
            reasons.push(format!("executive sponsor {} named (8/8)", s.name));
        }
        None => match executive_candidates(f.stakeholders).first() {
            Some(s) => {
                points += 3;
                reasons.push(format!(
                    "no confirmed executive sponsor, executive {} is a candidate (3/8)",
                    s.name
                ));
            }
            None => reasons.push("no executive sponsor or customer executive named (0/8)".into()),
        },
    }
    match customer
        .iter()
        .find(|s| s.role.as_deref() == Some("champion"))
    {
        Some(s) => {
            points += 4;
            reasons.push(format!("champion {} (4/4)", s.name));
        }
        None => reasons.push("no champion named (0/4)".into()),
    }
    let titled = customer.iter().filter(|s| s.title.is_some()).count() as u32;
    let for_titles = (2 * titled).min(8);
    points += for_titles;
    reasons.push(format!(
        "{titled} customer people with titles ({for_titles}/8, 2 each)"
    ));
    let mut explanation = reasons.join("; ");
    explanation[..1].make_ascii_uppercase();
    earned(points, format!("{explanation}."))
}

fn first_value(bundle: &Bundle, f: &Findings) -> Part {
    let fv = bundle.deal.first_value.as_ref();
    let mut points = 0;
    let mut reasons = Vec::new();
    match (
        fv.and_then(|v| v.date),
        fv.and_then(|v| v.criteria.as_ref()),
    ) {
        (date, criteria) if date.is_some() || criteria.is_some() => {
            match date {
                Some(d) => {
                    points += 6;
                    reasons.push(format!("first-value date {d} (6/6)"));
                }
                None => reasons.push("no first-value date (0/6)".into()),
            }
            match criteria {
                Some(_) => {
                    points += 6;
                    reasons.push("first-value criteria stated (6/6)".into());
                }
                None => reasons.push("no first-value criteria (0/6)".into()),
            }
        }
        _ if !f.missing.contains(&Missing::FirstValueMilestone) => {
            // The notes supply a milestone, but it is not in the CRM record yet.
            points += 8;
            reasons.push(
                "first-value milestone stated in the notes but not in the CRM record (8/12)".into(),
            );
        }
        _ => reasons.push("no first-value milestone: neither date nor criteria (0/12)".into()),
    }
    let measurable = f.goals.iter().filter(|g| g.measurable).count() as u32;
    let for_goals = (4 * measurable).min(8);
    points += for_goals;
    reasons.push(format!(
        "{measurable} measurable goal(s) ({for_goals}/8, 4 each)"
    ));
    let mut explanation = reasons.join("; ");
    explanation[..1].make_ascii_uppercase();
    earned(points, format!("{explanation}."))
}

#[cfg(test)]
#[path = "tests/score.rs"]
mod tests;
