//! Kickoff preparation tasks derived from the findings: settle conflicts, get the
//! AE's answers, give every risk an owner, confirm risky promises, plan each
//! integration, pin down first value, schedule kickoff and bring the sponsor in.
//! Each task says where it comes from (ids or missing-context names) and cites
//! the evidence, so the CSM can check it before acting on it.

use super::questions::Question;
use super::{
    Findings, Numbered, Shared, cites, clip, executive_candidates, id, person, same_system,
};
use crate::analysis::{Category, Evidence, Flag, Missing, Side};
use crate::bundle::Bundle;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// `T1`, `T2`... in the order below.
    pub id: String,
    pub kind: TaskKind,
    pub text: String,
    /// Checklist, risk or question ids, or missing-context names.
    pub from: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// What a task is for: which decisions settle it once the handoff is under
/// review (the live brief, [`crate::handoff::live`], reads it with `from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// Settle conflict `from[0]`: done when it is resolved.
    ResolveConflict,
    /// Send the questions `from` to the AE: done when none is open.
    AskAe,
    /// Give risk `from[0]` an owner.
    OwnRisk,
    /// Confirm the owner the CRM record gives risk `from[0]`.
    ConfirmRiskOwner,
    /// Confirm the commitments `from` of one category with the AE.
    ConfirmCommitments,
    /// Plan the integration the commitments `from` promise.
    PlanIntegration,
    /// Pin down the first-value milestone.
    FirstValue,
    /// Schedule (or confirm) the kickoff date.
    ScheduleKickoff,
    /// Bring the executive sponsor to kickoff.
    InviteSponsor,
}

/// "Send Q1, Q2 to the AE, Dana and record the answers before kickoff.": the
/// draft's text, and the live brief's for the questions still open.
pub fn ask_ae_text(ids: &[String], ae: Option<&str>) -> String {
    format!(
        "Send {} to {} and record the answers before kickoff.",
        ids.join(", "),
        the_ae(ae)
    )
}

/// "the AE, Dana", or "the AE" when nobody is named.
fn the_ae(ae: Option<&str>) -> String {
    ae.map_or_else(|| "the AE".to_string(), |n| format!("the AE, {n}"))
}

/// The sponsor task for `sponsor` ("Fiona Marsh-Hale (CFO)") or, with none
/// marked, the executives named (`candidates`), to a kickoff on `kickoff`:
/// the draft's text, and the live brief's once the kickoff moves.
pub fn sponsor_text(sponsor: Option<&str>, candidates: &[String], kickoff: Option<Date>) -> String {
    let when = kickoff.map_or_else(String::new, |d| format!(" on {d}"));
    match sponsor {
        Some(s) => format!("Invite the executive sponsor, {s}, to kickoff{when}."),
        None if candidates.is_empty() => format!(
            "Identify the executive sponsor with the AE and invite them to kickoff{when}: no customer executive is named."
        ),
        None => format!(
            "Confirm with the AE which executive sponsors the rollout (named: {}) and invite them to kickoff{when}.",
            candidates.join(", ")
        ),
    }
}

/// Commitment categories that need their owner's confirmation before kickoff: the
/// ones CS cannot deliver on its own say-so.
const CONFIRM: [Category; 4] = [
    Category::Custom,
    Category::Timeline,
    Category::Discount,
    Category::Integration,
];

pub fn draft(bundle: &Bundle, f: &Findings, questions: &[Question]) -> Vec<Task> {
    draft_with(bundle, f, &Shared::new(f), questions)
}

pub(crate) fn draft_with(
    bundle: &Bundle,
    f: &Findings,
    shared: &Shared,
    questions: &[Question],
) -> Vec<Task> {
    let ae = the_ae(bundle.deal.ae.as_deref());
    let mut tasks: Vec<Drafted> = Vec::new();

    // One task per claim (its first mention's words and lines).
    for (x, sides) in shared.conflicts.iter().zip(&shared.sides) {
        if !shared.leads(x.at) {
            continue;
        }
        let scope = sides
            .scope
            .as_ref()
            .map_or_else(String::new, |s| format!(" vs {s}"));
        tasks.push((
            TaskKind::ResolveConflict,
            format!(
                "Resolve {} with {ae} before kickoff ({}{scope}): {}. Record whether the scope stands or a change order is needed.",
                x.id,
                cites(&sides.notes),
                [sides.notes_claim.as_str(), sides.scope_claim.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("; "),
            ),
            vec![x.id.clone()],
            x.flag.evidence.clone(),
        ));
    }

    if !questions.is_empty() {
        let ids: Vec<String> = questions.iter().map(|q| q.id.clone()).collect();
        tasks.push((
            TaskKind::AskAe,
            ask_ae_text(&ids, bundle.deal.ae.as_deref()),
            ids,
            vec![],
        ));
    }

    for r in shared.risks.iter().filter(|r| shared.leads(r.at)) {
        let (kind, text) = match risk_owner(bundle, r.flag) {
            Some(owner) => (
                TaskKind::ConfirmRiskOwner,
                format!(
                    "Confirm {owner} owns {} and has a plan before kickoff: {}",
                    r.id,
                    clip(&r.flag.text, 120)
                ),
            ),
            None => (
                TaskKind::OwnRisk,
                format!(
                    "Assign an owner to {} before kickoff: {}",
                    r.id,
                    clip(&r.flag.text, 120)
                ),
            ),
        };
        tasks.push((kind, text, vec![r.id.clone()], r.flag.evidence.clone()));
    }

    let commitments = &shared.commitments;
    for category in CONFIRM {
        let group: Vec<&Numbered> = commitments
            .iter()
            .filter(|c| c.flag.category == Some(category) && shared.leads(c.at))
            .collect();
        if let Some(task) = confirm_group(category, &group, &ae) {
            tasks.push(task);
        }
    }
    tasks.extend(integration_plans(shared));
    tasks.extend(first_value(bundle, f));

    if bundle.deal.kickoff.is_none() {
        let customer = bundle.deal.account.as_deref().unwrap_or("the customer");
        if f.missing.contains(&Missing::KickoffDate) {
            tasks.push((
                TaskKind::ScheduleKickoff,
                format!("Schedule kickoff with {customer}: no date is agreed in the CRM record or the notes."),
                vec![Missing::KickoffDate.as_str().into()],
                vec![],
            ));
        } else {
            tasks.push((
                TaskKind::ScheduleKickoff,
                format!("Confirm the kickoff date the notes give with {customer} and record it in the CRM record."),
                vec!["kickoff".into()],
                vec![],
            ));
        }
    }
    tasks.push(sponsor_invite(bundle, f));

    tasks
        .into_iter()
        .enumerate()
        .map(|(i, (kind, text, from, evidence))| Task {
            id: id('T', i + 1),
            kind,
            text,
            from,
            evidence,
        })
        .collect()
}

/// A task before it is numbered.
type Drafted = (TaskKind, String, Vec<String>, Vec<Evidence>);

/// The owner a `deal.toml` `[[risks]]` entry names, for the risk flag it raised.
fn risk_owner<'b>(bundle: &'b Bundle, flag: &Flag) -> Option<&'b str> {
    bundle
        .deal
        .risks
        .iter()
        .find(|r| {
            flag.evidence
                .iter()
                .any(|e| &*e.file == "deal.toml" && e.line == r.line)
                || r.text == flag.text
        })
        .and_then(|r| r.owner.as_deref())
}

/// One task per category: "Confirm with the AE, Dana the 2 discount commitments".
/// The AE owns what sales promised; who said it is shown beside each quote.
fn confirm_group(category: Category, group: &[&Numbered], ae: &str) -> Option<Drafted> {
    if group.is_empty() {
        return None;
    }
    let ids: Vec<String> = group.iter().map(|c| c.id.clone()).collect();
    let quotes: Vec<String> = group
        .iter()
        .map(|c| {
            let said_by = c
                .flag
                .speaker
                .as_deref()
                .map_or_else(String::new, |s| format!("{s}, "));
            format!(
                "{} \"{}\" ({said_by}{})",
                c.id,
                clip(&c.flag.text, 70),
                cites(&c.flag.evidence)
            )
        })
        .collect();
    let noun = if group.len() == 1 {
        "commitment"
    } else {
        "commitments"
    };
    Some((
        TaskKind::ConfirmCommitments,
        format!(
            "Confirm with {ae} the {} {} {noun} before kickoff: {}.",
            group.len(),
            category.as_str(),
            quotes.join("; ")
        ),
        ids,
        group.iter().flat_map(|c| c.flag.evidence.clone()).collect(),
    ))
}

/// One plan per system named in an integration commitment (a promise repeated in
/// several notes is one plan), and one per integration that names no system.
fn integration_plans(shared: &Shared) -> Vec<Drafted> {
    let mut by_system: Vec<(String, Vec<String>, Vec<Evidence>)> = Vec::new();
    let mut unnamed = Vec::new();
    for c in shared
        .commitments
        .iter()
        .filter(|c| c.flag.category == Some(Category::Integration) && shared.leads(c.at))
    {
        let systems = shared.systems(c.at);
        if systems.is_empty() {
            unnamed.push((
                TaskKind::PlanIntegration,
                format!(
                    "Plan the integration promised in {} (\"{}\"): which system, who owns it on each side, data flow, access and a test date.",
                    c.id,
                    clip(&c.flag.text, 80)
                ),
                vec![c.id.clone()],
                c.flag.evidence.clone(),
            ));
        }
        for system in systems {
            match by_system.iter_mut().find(|(s, ..)| same_system(s, system)) {
                Some((_, ids, evidence)) => {
                    ids.push(c.id.clone());
                    evidence.extend(c.flag.evidence.iter().cloned());
                }
                None => {
                    by_system.push((system.clone(), vec![c.id.clone()], c.flag.evidence.clone()))
                }
            }
        }
    }
    by_system
        .into_iter()
        .map(|(system, ids, evidence)| {
            (
                TaskKind::PlanIntegration,
                format!(
                    "Plan the {system} integration ({}): who owns it on each side, data flow, access and a test date.",
                    ids.join(", ")
                ),
                ids,
                evidence,
            )
        })
        .chain(unnamed)
        .collect()
}

fn first_value(bundle: &Bundle, f: &Findings) -> Option<Drafted> {
    let fv = bundle.deal.first_value.as_ref();
    let at = fv
        .map(|fv| {
            vec![Evidence {
                file: "deal.toml".into(),
                line: fv.line,
            }]
        })
        .unwrap_or_default();
    let from = vec!["first_value".to_string()];
    match (
        fv.and_then(|v| v.criteria.as_deref()),
        fv.and_then(|v| v.date),
    ) {
        (Some(criteria), Some(date)) => Some((
            TaskKind::FirstValue,
            format!(
                "Confirm the first-value milestone with the customer at kickoff: \"{}\" by {date}.",
                clip(criteria, 120)
            ),
            from,
            at,
        )),
        (Some(criteria), None) => Some((
            TaskKind::FirstValue,
            format!(
                "Agree a date for the first-value milestone \"{}\" with the AE before kickoff.",
                clip(criteria, 120)
            ),
            from,
            at,
        )),
        (None, Some(date)) => Some((
            TaskKind::FirstValue,
            format!(
                "Agree what concrete outcome marks first value by {date} with the AE before kickoff."
            ),
            from,
            at,
        )),
        (None, None) if f.missing.contains(&Missing::FirstValueMilestone) => {
            let candidates: Vec<&crate::analysis::Goal> =
                f.goals.iter().filter(|g| g.measurable).take(3).collect();
            let hint = if candidates.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = candidates
                    .iter()
                    .map(|g| format!("\"{}\" ({})", clip(&g.text, 70), cites(&g.evidence)))
                    .collect();
                format!(" Measurable goals to start from: {}.", list.join("; "))
            };
            Some((
                TaskKind::FirstValue,
                format!(
                    "Agree a first-value milestone (a concrete outcome and a date) with the AE before kickoff.{hint}"
                ),
                vec![Missing::FirstValueMilestone.as_str().into()],
                candidates.iter().flat_map(|g| g.evidence.clone()).collect(),
            ))
        }
        (None, None) => None,
    }
}

fn sponsor_invite(bundle: &Bundle, f: &Findings) -> Drafted {
    let kickoff = bundle.deal.kickoff;
    let from = vec![Missing::ExecutiveSponsor.as_str().to_string()];
    let sponsor = f
        .stakeholders
        .iter()
        .find(|s| s.side == Side::Customer && s.executive_sponsor);
    if let Some(s) = sponsor {
        return (
            TaskKind::InviteSponsor,
            sponsor_text(Some(&person(s)), &[], kickoff),
            from,
            s.evidence.clone(),
        );
    }
    let candidates = executive_candidates(f.stakeholders);
    let names: Vec<String> = candidates.iter().map(|s| person(s)).collect();
    (
        TaskKind::InviteSponsor,
        sponsor_text(None, &names, kickoff),
        from,
        candidates.iter().flat_map(|s| s.evidence.clone()).collect(),
    )
}

#[cfg(test)]
#[path = "tests/tasks.rs"]
mod tests;
