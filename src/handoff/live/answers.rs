//! What an AE's answer says about a conflict, and the decisions that say the
//! other side stands.

use super::{Contradiction, reads, who_when};
use crate::handoff::Handoff;
use crate::handoff::items::{Decision, ItemKind, Resolution};

/// Words in an answer that say which side of a conflict stands. An answer
/// is free text: only a plain statement of one side counts, and one naming
/// both counts as neither.
const NOTES_SIDE: &[&str] = &[
    "notes stand",
    "note stands",
    "notes are right",
    "notes are correct",
    "as written in the notes",
    "go with the notes",
    "the promise stands",
    "promise holds",
    "honour the promise",
    "honor the promise",
    "change order",
];
const SCOPE_SIDE: &[&str] = &[
    "scope stands",
    "scope governs",
    "scope is right",
    "scope is correct",
    "order form stands",
    "order form governs",
    "sow stands",
    "sow governs",
    "contract stands",
    "contract governs",
    "as signed",
    "go with the scope",
    "per the order form",
    "per the signed scope",
    "per the sow",
    "per the contract",
];

/// The side of a conflict an answer says stands, when it plainly says one.
pub fn answer_side(text: &str) -> Option<Resolution> {
    let lower = text
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let says = |phrases: &[&str]| {
        phrases.iter().any(|p| {
            lower.match_indices(p).any(|(at, _)| {
                // "the notes do not stand" never matches; "not as signed" must not.
                let before: Vec<&str> = lower[..at].split_whitespace().rev().take(2).collect();
                !before
                    .iter()
                    .any(|w| matches!(*w, "not" | "no" | "never" | "isn't"))
            })
        })
    };
    match (says(NOTES_SIDE), says(SCOPE_SIDE)) {
        (true, false) => Some(Resolution::NotesStand),
        (false, true) => Some(Resolution::ScopeStands),
        _ => None,
    }
}

/// Every conflict decided for one side whose question the AE answered for
/// the other.
pub(super) fn contradictions(h: &Handoff) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for x in h.items_of(ItemKind::Conflict) {
        let Decision::Conflict {
            resolution: decided,
            by: decider,
            ..
        } = &x.decision
        else {
            continue;
        };
        if *decided == Resolution::Clarified {
            continue;
        }
        for q in h
            .items_of(ItemKind::Question)
            .filter(|q| q.about.as_deref() == Some(x.id.as_str()))
        {
            let Decision::Answer { text, by } = &q.decision else {
                continue;
            };
            let Some(answered) = answer_side(text).filter(|a| a != decided) else {
                continue;
            };
            out.push(Contradiction {
                conflict: x.id.clone(),
                question: q.id.clone(),
                decided: *decided,
                answered,
                text: format!(
                    "{} is decided \"{}\" ({}), but the answer to {} says {} ({})",
                    x.id,
                    reads(*decided),
                    who_when(decider),
                    q.id,
                    match answered {
                        Resolution::NotesStand => "the notes stand",
                        _ => "the signed scope stands",
                    },
                    who_when(by)
                ),
            });
        }
    }
    out
}
