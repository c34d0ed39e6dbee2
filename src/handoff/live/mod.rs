//! The brief as the decisions stand now. The analysis drafts tasks, questions
//! and criteria once, at import; a review then resolves conflicts, owns risks,
//! moves the kickoff and confirms criteria. [`live`] reads the drafted brief
//! against those decisions: a resolved conflict reads as decided and closes
//! its question (which no longer goes to the AE with a return), a task whose
//! decision is made is done, the sponsor is invited to the kickoff as now
//! planned, each criterion says whether it is confirmed, and a decision that
//! says the other side of a conflict stands from what the AE answered is
//! flagged. The CLI's `show` and `export` and the TUI all read this one
//! reading, so what a reviewer sees is what the exported brief says.

mod answers;
mod tasks;

pub use answers::answer_side;
use answers::contradictions;
use tasks::tasks;

use super::items::{Cite, Decision, Item, ItemKind, Resolution};
use super::{Handoff, Signed};
use jiff::civil::Date;
use serde::Serialize;

/// The brief of a handoff, read against its decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveBrief {
    /// The kickoff as now planned (moved by milestones).
    pub kickoff: Option<Date>,
    pub criteria: Vec<LiveCriterion>,
    pub conflicts: Vec<LiveConflict>,
    pub questions: Vec<LiveQuestion>,
    pub tasks: Vec<LiveTask>,
    /// Decisions that say the other side stands from the AE's answer.
    pub contradictions: Vec<Contradiction>,
}

/// A success or first-value criterion and whether it is confirmed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveCriterion {
    /// `first_value`, `goal_measure`, `measurable_goal`, or `answer` (the
    /// AE's answer to the success or first-value question).
    pub source: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub evidence: Vec<Cite>,
    /// For an answer: the question, and who answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_by: Option<Signed>,
    /// A first-value criterion (else a success criterion).
    pub first_value: bool,
    /// Who confirmed the criteria of its kind, when someone has.
    pub confirmed: Option<Signed>,
}

/// A conflict and how it reads now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveConflict {
    pub id: String,
    pub text: String,
    pub resolution: Option<Resolution>,
    /// "open", or the decision in words ("the notes stand: a change order
    /// is needed").
    pub reads: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Signed>,
    /// The question whose answer says the other side stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contradicted_by: Option<String>,
}

/// Where a question for the AE stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum QuestionState {
    /// Still to ask: goes to the AE with a return.
    Open,
    Answered {
        text: String,
        by: Signed,
    },
    /// Settled by a decision before anyone answered: no longer asked.
    Closed {
        reason: String,
    },
}

impl QuestionState {
    /// The one word a list shows.
    pub fn word(&self) -> &'static str {
        match self {
            QuestionState::Open => "open",
            QuestionState::Answered { .. } => "answered",
            QuestionState::Closed { .. } => "closed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveQuestion {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    pub text: String,
    #[serde(flatten)]
    pub state: QuestionState,
}

/// Where a kickoff task stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum TaskState {
    Open,
    /// Its decision is made: `why` says which.
    Done {
        why: String,
    },
    /// A decision made it moot (every promise it plans was rejected, or
    /// decided against by the signed scope).
    NotNeeded {
        why: String,
    },
}

impl TaskState {
    pub fn word(&self) -> &'static str {
        match self {
            TaskState::Open => "open",
            TaskState::Done { .. } => "done",
            TaskState::NotNeeded { .. } => "not needed",
        }
    }

    /// Why it is settled, when it is.
    pub fn why(&self) -> Option<&str> {
        match self {
            TaskState::Open => None,
            TaskState::Done { why } | TaskState::NotNeeded { why } => Some(why),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveTask {
    pub id: String,
    /// The task as it reads now (open questions only, the kickoff as planned).
    pub text: String,
    #[serde(flatten)]
    pub state: TaskState,
    pub evidence: Vec<Cite>,
}

/// A conflict decided one way while the AE's answer says the other side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    pub conflict: String,
    pub question: String,
    pub decided: Resolution,
    pub answered: Resolution,
    /// The flag in words, naming both and who answered.
    pub text: String,
}

/// A resolution in words, as the brief reads it.
pub fn reads(resolution: Resolution) -> &'static str {
    match resolution {
        Resolution::ScopeStands => "the signed scope stands",
        Resolution::NotesStand => "the notes stand: a change order is needed",
        Resolution::Clarified => "clarified with the customer",
    }
}

/// The item whose decision stands for `item`: itself, or, when a reviewer
/// dismissed it as a duplicate, the item it duplicates (followed a few
/// steps, so a chain of duplicates reads as its head and a hand-edited
/// cycle cannot loop).
pub fn deciding<'a>(h: &'a Handoff, item: &'a Item) -> &'a Item {
    let mut at = item;
    for _ in 0..8 {
        match at.decision.duplicate_of().and_then(|of| h.item(of)) {
            Some(next) if next.kind == at.kind => at = next,
            _ => break,
        }
    }
    at
}

/// "Dev Anand, 2026-07-02".
fn who_when(s: &Signed) -> String {
    format!("{}, {}", s.name, s.at.strftime("%Y-%m-%d"))
}

/// The brief of `h` read against its decisions.
pub fn live(h: &Handoff) -> LiveBrief {
    let questions: Vec<LiveQuestion> = h
        .items_of(ItemKind::Question)
        .map(|q| LiveQuestion {
            id: q.id.clone(),
            about: q.about.clone(),
            text: q.text.clone(),
            state: question_state(h, q),
        })
        .collect();
    let contradictions = contradictions(h);
    let conflicts = h
        .items_of(ItemKind::Conflict)
        .map(|x| {
            let lead = deciding(h, x);
            let (resolution, note, by) = match &lead.decision {
                Decision::Conflict {
                    resolution,
                    note,
                    by,
                } => (
                    Some(*resolution),
                    Some(note.clone()).filter(|n| !n.trim().is_empty()),
                    Some(by.clone()),
                ),
                _ => (None, None, None),
            };
            LiveConflict {
                id: x.id.clone(),
                text: x.text.clone(),
                resolution,
                reads: match (&x.decision, resolution) {
                    (Decision::Dismissed { dismissal, .. }, None) => {
                        format!("dismissed: {}", dismissal.label())
                    }
                    (_, Some(r)) if lead.id != x.id => {
                        format!("as {} (duplicate): {}", lead.id, reads(r))
                    }
                    (_, r) => r.map_or("open", reads).to_string(),
                },
                note,
                by,
                contradicted_by: contradictions
                    .iter()
                    .find(|c| c.conflict == x.id)
                    .map(|c| c.question.clone()),
            }
        })
        .collect();
    LiveBrief {
        kickoff: h.deal.kickoff,
        criteria: criteria(h),
        conflicts,
        tasks: tasks(h, &questions),
        questions,
        contradictions,
    }
}

/// Whether question `q` is still to ask, answered, or settled by a
/// decision: a conflict resolved, a kickoff date set.
pub fn question_state(h: &Handoff, q: &Item) -> QuestionState {
    if let Decision::Answer { text, by } = &q.decision {
        return QuestionState::Answered {
            text: text.clone(),
            by: by.clone(),
        };
    }
    let about = q.about.as_deref().unwrap_or_default();
    if let Some(x) = h.item(about).filter(|x| x.kind == ItemKind::Conflict) {
        let lead = deciding(h, x);
        match &lead.decision {
            Decision::Conflict { resolution, .. } => {
                let via = if lead.id == x.id {
                    String::new()
                } else {
                    format!(" (as {}, its duplicate)", lead.id)
                };
                return QuestionState::Closed {
                    reason: format!("{about} decided{via}: {}", reads(*resolution)),
                };
            }
            Decision::Dismissed { dismissal, .. } => {
                return QuestionState::Closed {
                    reason: format!("{} dismissed: {}", lead.id, dismissal.label()),
                };
            }
            _ => {}
        }
    }
    if about == "kickoff_date"
        && let Some(k) = h.deal.kickoff
    {
        return QuestionState::Closed {
            reason: format!("kickoff planned for {k}"),
        };
    }
    QuestionState::Open
}

fn criteria(h: &Handoff) -> Vec<LiveCriterion> {
    let confirmed = |first_value: bool| {
        if first_value {
            h.first_value_confirmed.clone()
        } else {
            h.success_confirmed.clone()
        }
    };
    let mut out: Vec<LiveCriterion> = h
        .brief
        .success_criteria
        .iter()
        .map(|c| {
            let first_value = c.source == "first_value";
            LiveCriterion {
                source: c.source.clone(),
                text: c.text.clone(),
                date: c.date,
                evidence: c.evidence.clone(),
                answer_to: None,
                answered_by: None,
                first_value,
                confirmed: confirmed(first_value),
            }
        })
        .collect();
    // An answer to the first-value or success question is a criterion too.
    for q in h.items_of(ItemKind::Question) {
        let first_value = match q.about.as_deref() {
            Some("first_value_milestone") => true,
            Some("success_criteria") => false,
            _ => continue,
        };
        if let Decision::Answer { text, by } = &q.decision {
            out.push(LiveCriterion {
                source: "answer".into(),
                text: text.clone(),
                date: None,
                evidence: vec![],
                answer_to: Some(q.id.clone()),
                answered_by: Some(by.clone()),
                first_value,
                confirmed: confirmed(first_value),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
