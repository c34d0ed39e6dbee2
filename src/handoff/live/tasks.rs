//! The kickoff tasks as the decisions leave them: each drafted task read by
//! its kind against the items it comes from.

use super::{LiveQuestion, LiveTask, QuestionState, TaskState, deciding, reads, who_when};
use crate::draft::tasks::{TaskKind, ask_ae_text, sponsor_text};
use crate::handoff::Handoff;
use crate::handoff::items::{CommitmentOutcome, Decision, Item, ItemKind, Resolution, RiskStatus};

pub(super) fn tasks(h: &Handoff, questions: &[LiveQuestion]) -> Vec<LiveTask> {
    h.brief
        .tasks
        .iter()
        .map(|t| {
            let (text, state) = match t.kind {
                Some(kind) => task(h, questions, kind, &t.from, &t.text),
                // Drafted before tasks had kinds: as drafted.
                None => (t.text.clone(), TaskState::Open),
            };
            LiveTask {
                id: t.id.clone(),
                text,
                state,
                evidence: t.evidence.clone(),
            }
        })
        .collect()
}

/// One task's text and state, from what decides it.
fn task(
    h: &Handoff,
    questions: &[LiveQuestion],
    kind: TaskKind,
    from: &[String],
    drafted: &str,
) -> (String, TaskState) {
    let items = || from.iter().filter_map(|id| h.item(id));
    let open = || (drafted.to_string(), TaskState::Open);
    match kind {
        TaskKind::ResolveConflict => match items().next().map(|x| &deciding(h, x).decision) {
            Some(Decision::Dismissed { dismissal, by, .. }) => {
                (drafted.to_string(), dismissed(&from[0], dismissal, by))
            }
            Some(Decision::Conflict { resolution, by, .. }) => (
                drafted.to_string(),
                TaskState::Done {
                    why: format!(
                        "{} decided: {} ({})",
                        from[0],
                        reads(*resolution),
                        who_when(by)
                    ),
                },
            ),
            _ => open(),
        },
        TaskKind::AskAe => {
            let still: Vec<String> = questions
                .iter()
                .filter(|q| from.contains(&q.id) && q.state == QuestionState::Open)
                .map(|q| q.id.clone())
                .collect();
            if still.is_empty() {
                (
                    drafted.to_string(),
                    TaskState::Done {
                        why: format!("{} answered or closed", from.join(", ")),
                    },
                )
            } else {
                (ask_ae_text(&still, h.deal.ae.as_deref()), TaskState::Open)
            }
        }
        TaskKind::OwnRisk | TaskKind::ConfirmRiskOwner => {
            match items().next().map(|r| &deciding(h, r).decision) {
                Some(Decision::Dismissed { dismissal, by, .. }) => {
                    (drafted.to_string(), dismissed(&from[0], dismissal, by))
                }
                Some(Decision::Risk {
                    owner,
                    due,
                    status,
                    by,
                }) if !owner.trim().is_empty() || *status != RiskStatus::Open => {
                    // An owner the CRM record gave is confirmed only when a
                    // reviewer records it again.
                    let from_crm = by.name == "deal.toml" && by.role.is_none();
                    if kind == TaskKind::ConfirmRiskOwner && from_crm && *status == RiskStatus::Open
                    {
                        return open();
                    }
                    let due = due.map_or(String::new(), |d| format!(", due {d}"));
                    let what = if owner.trim().is_empty() {
                        status.as_str().to_string()
                    } else {
                        format!("owned by {owner}{due}")
                    };
                    (
                        drafted.to_string(),
                        TaskState::Done {
                            why: format!("{} {what} ({})", from[0], who_when(by)),
                        },
                    )
                }
                _ => open(),
            }
        }
        TaskKind::ConfirmCommitments => {
            let undecided: Vec<&str> = items()
                .filter(|c| c.needs_decision())
                .map(|c| c.id.as_str())
                .collect();
            if undecided.is_empty() {
                let accepted = items()
                    .filter(|c| matches!(&c.decision, Decision::Commitment { outcome, .. } if *outcome == CommitmentOutcome::Accepted))
                    .count();
                let dismissed = items()
                    .filter(|c| matches!(c.decision, Decision::Dismissed { .. }))
                    .count();
                let rejected = items().count() - accepted - dismissed;
                let dismissed = if dismissed > 0 {
                    format!(", {dismissed} dismissed")
                } else {
                    String::new()
                };
                (
                    drafted.to_string(),
                    TaskState::Done {
                        why: format!(
                            "{} reviewed: {accepted} accepted, {rejected} rejected{dismissed}",
                            from.join(", "),
                        ),
                    },
                )
            } else if undecided.len() < from.len() {
                (
                    format!("{drafted} Still open: {}.", undecided.join(", ")),
                    TaskState::Open,
                )
            } else {
                open()
            }
        }
        TaskKind::PlanIntegration => {
            // Each promise the plan rests on, if a decision took it back: the
            // reviewer rejected it, or its conflict with the scope was decided
            // for the scope (the notes side of a conflict cites the promise).
            let taken_back = |c: &Item| -> Option<String> {
                if matches!(&c.decision, Decision::Commitment { outcome, .. } if *outcome == CommitmentOutcome::Rejected)
                {
                    return Some(format!("{} rejected", c.id));
                }
                h.items_of(ItemKind::Conflict)
                    .find(|x| {
                        matches!(&x.decision, Decision::Conflict { resolution, .. } if *resolution == Resolution::ScopeStands)
                            && x.evidence.first().is_some_and(|e| c.evidence.contains(e))
                    })
                    .map(|x| format!("{}: the signed scope stands ({})", c.id, x.id))
            };
            let why: Vec<String> = items().filter_map(taken_back).collect();
            if !from.is_empty() && items().count() == from.len() && why.len() == from.len() {
                (
                    drafted.to_string(),
                    TaskState::NotNeeded {
                        why: why.join("; "),
                    },
                )
            } else {
                open()
            }
        }
        TaskKind::FirstValue => match &h.first_value_confirmed {
            Some(by) => (
                drafted.to_string(),
                TaskState::Done {
                    why: format!("first-value criteria confirmed ({})", who_when(by)),
                },
            ),
            None => open(),
        },
        TaskKind::ScheduleKickoff => match h.deal.kickoff {
            Some(k) => (
                drafted.to_string(),
                TaskState::Done {
                    why: format!("kickoff planned for {k}"),
                },
            ),
            None => open(),
        },
        TaskKind::InviteSponsor => {
            let people = &h.brief.stakeholders;
            let person = |p: &crate::handoff::items::Person| match &p.title {
                Some(t) => format!("{} ({t})", p.name),
                None => p.name.clone(),
            };
            let sponsor = people.iter().find(|p| p.executive_sponsor).map(person);
            let candidates: Vec<String> = people
                .iter()
                .filter(|p| {
                    p.title
                        .as_deref()
                        .is_some_and(crate::draft::is_executive_title)
                })
                .map(person)
                .collect();
            let text = sponsor_text(sponsor.as_deref(), &candidates, h.deal.kickoff);
            match h.milestones.kickoff_held {
                Some(d) => (
                    text,
                    TaskState::Done {
                        why: format!("kickoff held on {d}"),
                    },
                ),
                None => (text, TaskState::Open),
            }
        }
    }
}

/// A task about an item a reviewer dismissed (or whose duplicate's head was
/// dismissed): nothing left to do, and why.
fn dismissed(
    id: &str,
    dismissal: &crate::handoff::dismiss::Dismissal,
    by: &crate::handoff::Signed,
) -> TaskState {
    TaskState::NotNeeded {
        why: format!("{id} dismissed: {} ({})", dismissal.label(), who_when(by)),
    }
}
