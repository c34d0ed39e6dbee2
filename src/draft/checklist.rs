//! The promise and scope review checklist: every commitment sales made and every
//! conflict between the notes and the signed scope, each with the decision a
//! reviewer owes it (decision rules 2 and 5). Nothing is decided here. A claim
//! said several times is one entry, citing every mention.

use super::{ConflictSides, Findings, Shared};
use crate::analysis::{Category, Evidence, Flag, FlagKind};
use serde::Serialize;

/// What a reviewer decides for a commitment.
pub const COMMITMENT_DECISION: &str = "Accept, reject or send to AE";
/// What a reviewer decides for a conflict.
pub const CONFLICT_DECISION: &str = "Scope stands / notes stand (change order) / clarified";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistItem {
    /// `C1`, `C2`... for commitments, `X1`... for conflicts, in the analysis' order.
    pub id: String,
    pub kind: FlagKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    pub text: String,
    /// Every mention's evidence, in order.
    pub evidence: Vec<Evidence>,
    /// How many times the claim is said (left out when once): one decision
    /// covers every mention.
    #[serde(skip_serializing_if = "said_once")]
    pub mentions: u32,
    /// Who said it, where the analysis knows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// For a conflict: the notes side and the scope side, cited apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sides: Option<Sides>,
    pub decision: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sides {
    pub notes: Vec<Evidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Evidence>,
}

/// Commitments first (the promises to review), then conflicts (the handoff pauses
/// on them).
pub fn draft(findings: &Findings) -> Vec<ChecklistItem> {
    draft_with(&Shared::new(findings))
}

pub(crate) fn draft_with(shared: &Shared) -> Vec<ChecklistItem> {
    let mut out: Vec<ChecklistItem> = Vec::new();
    // The entry of each claim, by the position of its first mention.
    let mut entry: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    let mut add = |at: usize, flag: &Flag, make: &dyn Fn() -> ChecklistItem| {
        let Some(&i) = entry.get(&shared.leader(at)) else {
            entry.insert(at, out.len());
            out.push(make());
            return;
        };
        let item = &mut out[i];
        item.mentions += 1;
        add_new(&mut item.evidence, &flag.evidence);
        if let Some(sides) = &mut item.sides {
            add_new(&mut sides.notes, &ConflictSides::of(flag).notes);
        }
    };
    for c in &shared.commitments {
        add(c.at, c.flag, &|| ChecklistItem {
            id: c.id.clone(),
            kind: FlagKind::Commitment,
            category: c.flag.category,
            text: c.flag.text.clone(),
            evidence: c.flag.evidence.clone(),
            mentions: 1,
            speaker: c.flag.speaker.clone(),
            sides: None,
            decision: COMMITMENT_DECISION,
        });
    }
    for (x, sides) in shared.conflicts.iter().zip(&shared.sides) {
        add(x.at, x.flag, &|| ChecklistItem {
            id: x.id.clone(),
            kind: FlagKind::Conflict,
            category: x.flag.category,
            text: x.flag.text.clone(),
            evidence: x.flag.evidence.clone(),
            mentions: 1,
            speaker: x.flag.speaker.clone(),
            sides: Some(Sides {
                notes: sides.notes.clone(),
                scope: sides.scope.clone(),
            }),
            decision: CONFLICT_DECISION,
        });
    }
    out
}

fn said_once(mentions: &u32) -> bool {
    *mentions <= 1
}

/// Append the citations of `more` that `to` does not have yet.
pub(crate) fn add_new(to: &mut Vec<Evidence>, more: &[Evidence]) {
    for e in more {
        if !to.contains(e) {
            to.push(e.clone());
        }
    }
}

#[cfg(test)]
#[path = "tests/checklist.rs"]
mod tests;
