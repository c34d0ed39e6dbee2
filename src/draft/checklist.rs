//! The promise and scope review checklist: every commitment sales made and every
//! conflict between the notes and the signed scope, each with the decision a
//! reviewer owes it (decision rules 2 and 5). Nothing is decided here.

use super::{Findings, Shared};
use crate::analysis::{Category, Evidence, FlagKind};
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
    pub evidence: Vec<Evidence>,
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
    let commitments = shared.commitments.iter().map(|c| ChecklistItem {
        id: c.id.clone(),
        kind: FlagKind::Commitment,
        category: c.flag.category,
        text: c.flag.text.clone(),
        evidence: c.flag.evidence.clone(),
        speaker: c.flag.speaker.clone(),
        sides: None,
        decision: COMMITMENT_DECISION,
    });
    let conflicts = shared
        .conflicts
        .iter()
        .zip(&shared.sides)
        .map(|(x, sides)| ChecklistItem {
            id: x.id.clone(),
            kind: FlagKind::Conflict,
            category: x.flag.category,
            text: x.flag.text.clone(),
            evidence: x.flag.evidence.clone(),
            speaker: x.flag.speaker.clone(),
            sides: Some(Sides {
                notes: sides.notes.clone(),
                scope: sides.scope.clone(),
            }),
            decision: CONFLICT_DECISION,
        });
    commitments.chain(conflicts).collect()
}

#[cfg(test)]
#[path = "tests/checklist.rs"]
mod tests;
