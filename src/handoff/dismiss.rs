//! Setting a finding aside, with a reason: a duplicate of another item (the
//! analysis missed that both say one claim; the other's decision then covers
//! it), or not a finding at all ("not a risk", "not a commitment"). A
//! dismissed item no longer counts for the gates. Each dismissal is an
//! `item_dismissed` event carrying the mentions' text and place, so the log
//! doubles as labelled examples for the analysis (`baton events --labelled`).

use super::commands::{Change, item_mut, non_empty, open_for_review, settled};
use super::events::EventKind;
use super::items::{Decision, ItemKind};
use super::refusal::DomainError;
use super::{Ctx, Handoff};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Why an item is set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "as", rename_all = "snake_case")]
pub enum Dismissal {
    /// The same claim as another item of its kind.
    Duplicate { of: String },
    /// Not a finding of this kind at all.
    NotA { kind: ItemKind },
}

impl Dismissal {
    /// The stored state, and the label of the example it makes.
    pub fn as_str(&self) -> &'static str {
        match self {
            Dismissal::Duplicate { .. } => "duplicate",
            Dismissal::NotA { kind } => match kind {
                ItemKind::Commitment => "not_a_commitment",
                ItemKind::Conflict => "not_a_conflict",
                ItemKind::Risk => "not_a_risk",
                ItemKind::Question => "not_a_question",
                ItemKind::Goal => "not_a_goal",
            },
        }
    }

    /// As a person says it: "duplicate of C1", "not a risk".
    pub fn label(&self) -> String {
        match self {
            Dismissal::Duplicate { of } => format!("duplicate of {of}"),
            other => other.as_str().replace('_', " "),
        }
    }

    /// The dismissal a stored state names, for an item of `kind`: `None`
    /// for any other state (or a duplicate stored without its item).
    pub fn parse(state: &str, kind: ItemKind, of: Option<String>) -> Option<Dismissal> {
        if state == "duplicate" {
            return of.map(|of| Dismissal::Duplicate { of });
        }
        let not_a = Dismissal::NotA { kind };
        (state == not_a.as_str()).then_some(not_a)
    }
}

/// The kinds of item a reviewer may dismiss: the findings of the analysis.
fn dismissible(kind: ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Commitment | ItemKind::Conflict | ItemKind::Risk
    )
}

/// Dismiss item `id` as `dismissal`, for `reason` (needed to say why a
/// finding is none; a duplicate says why by naming its item).
pub fn dismiss(
    h: &mut Handoff,
    ctx: &Ctx,
    id: &str,
    dismissal: &Dismissal,
    reason: &str,
) -> Result<Change, DomainError> {
    open_for_review(h, "dismiss an item of")?;
    let kind = match h.item(id) {
        Some(item) if !dismissible(item.kind) => {
            return Err(DomainError::Invalid(format!(
                "{} is a {}: only commitments, conflicts and risks are dismissed",
                item.id,
                item.kind.as_str()
            )));
        }
        Some(item) => item.kind,
        None => {
            return Err(DomainError::UnknownItem {
                deal: h.deal.id.clone(),
                id: id.to_string(),
            });
        }
    };
    let dismissal = match dismissal {
        Dismissal::NotA { kind: said } => {
            non_empty("the reason (--reason)", reason)?;
            if *said != kind {
                return Err(DomainError::WrongKind {
                    id: id.trim().to_uppercase(),
                    kind,
                    expected: *said,
                });
            }
            dismissal.clone()
        }
        Dismissal::Duplicate { of } => Dismissal::Duplicate {
            of: duplicate_target(h, id, kind, of)?,
        },
    };
    // Items that were duplicates of this one become duplicates of its item:
    // a duplicate always names an item that is not one itself.
    let mut moved = Vec::new();
    if let Dismissal::Duplicate { of } = &dismissal {
        let this = h.item(id).map(|i| i.id.clone()).unwrap_or_default();
        for other in h.items.iter_mut() {
            if let Decision::Dismissed {
                dismissal: Dismissal::Duplicate { of: theirs },
                ..
            } = &mut other.decision
                && *theirs == this
            {
                theirs.clone_from(of);
                moved.push(other.id.clone());
            }
        }
    }
    let item = item_mut(h, id, kind)?;
    item.decision = Decision::Dismissed {
        dismissal: dismissal.clone(),
        reason: reason.trim().to_string(),
        by: ctx.signed(),
    };
    // Where each mention is said (its first citation: for a conflict, the
    // notes side) and what it says: one labelled example each.
    let own = [(item.text.as_str(), item.evidence.as_slice())];
    let mentions: Vec<(&str, &[super::Cite])> = if item.mentions.is_empty() {
        own.to_vec()
    } else {
        item.mentions
            .iter()
            .map(|m| (m.text.as_str(), m.evidence.as_slice()))
            .collect()
    };
    let examples: Vec<serde_json::Value> = mentions
        .iter()
        .filter_map(|(text, ev)| {
            let at = ev.first()?;
            Some(json!({"file": at.file, "line": at.line, "text": text}))
        })
        .collect();
    let payload = json!({
        "item": item.id,
        "kind": kind.as_str(),
        "category": item.category,
        "dismissal": dismissal.as_str(),
        "of": match &dismissal { Dismissal::Duplicate { of } => Some(of), _ => None },
        "reason": reason.trim(),
        "text": item.text,
        "mentions": examples,
        "moved": moved,
    });
    let why = format!("{} dismissed as {}", item.id, dismissal.label());
    settled(h, ctx, Change::one(EventKind::ItemDismissed, payload), &why)
}

/// The item a duplicate names, checked: another item of the same kind that
/// is not a duplicate itself.
fn duplicate_target(
    h: &Handoff,
    id: &str,
    kind: ItemKind,
    of: &str,
) -> Result<String, DomainError> {
    let target = h.item(of.trim()).ok_or_else(|| DomainError::UnknownItem {
        deal: h.deal.id.clone(),
        id: of.trim().to_string(),
    })?;
    if target.kind != kind {
        return Err(DomainError::Invalid(format!(
            "{} is a {} and {} a {}: an item duplicates an item of its own kind",
            id.trim().to_uppercase(),
            kind.as_str(),
            target.id,
            target.kind.as_str()
        )));
    }
    if target.id.eq_ignore_ascii_case(id.trim()) {
        return Err(DomainError::Invalid(format!(
            "{} cannot be a duplicate of itself",
            target.id
        )));
    }
    if let Some(root) = target.decision.duplicate_of() {
        return Err(DomainError::Invalid(format!(
            "{} is itself a duplicate of {root}: name {root}",
            target.id
        )));
    }
    Ok(target.id.clone())
}

#[cfg(test)]
#[path = "dismiss_tests.rs"]
mod tests;
