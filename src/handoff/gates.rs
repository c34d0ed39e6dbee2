//! The gates a handoff passes before sign-off, computed from the decision rules
//! alone. Each says pass or fail and why, naming the items that hold it up.

use super::Handoff;
use super::items::{CommitmentOutcome, Decision, GoalKind, ItemKind, RiskStatus};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gate {
    /// A stable name for scripts: `goals_and_first_value`...
    pub id: &'static str,
    /// What the gate asks, for people.
    pub title: &'static str,
    pub pass: bool,
    /// Why it passes or fails, naming items.
    pub reason: String,
}

fn gate(id: &'static str, title: &'static str, failures: Vec<String>, ok: String) -> Gate {
    let pass = failures.is_empty();
    Gate {
        id,
        title,
        pass,
        reason: if pass { ok } else { failures.join("; ") },
    }
}

fn ids<'a>(items: impl Iterator<Item = &'a super::Item>) -> Vec<String> {
    items.map(|i| i.id.clone()).collect()
}

/// The items of `kind` a gate counts: a dismissed one (a duplicate, or no
/// finding) no longer does.
fn counted(h: &Handoff, kind: ItemKind) -> usize {
    h.items_of(kind)
        .filter(|i| !matches!(i.decision, Decision::Dismissed { .. }))
        .count()
}

/// Every gate, in the order a reviewer works through them.
pub fn gates(h: &Handoff) -> Vec<Gate> {
    vec![
        goals_and_first_value(h),
        commitments_reviewed(h),
        goals_kept_apart(h),
        risks_owned(h),
        conflicts_resolved(h),
        evidence_present(h),
        csm_and_kickoff(h),
    ]
}

/// The gates that fail.
pub fn failing(h: &Handoff) -> Vec<Gate> {
    gates(h).into_iter().filter(|g| !g.pass).collect()
}

fn goals_and_first_value(h: &Handoff) -> Gate {
    let mut fail = Vec::new();
    let goals = h.items_of(ItemKind::Goal).count();
    if goals == 0 {
        fail.push("no customer goal found in the bundle".to_string());
    }
    if h.success_confirmed.is_none() {
        fail.push("success criteria not confirmed (baton confirm DEAL success-criteria)".into());
    }
    if h.first_value_confirmed.is_none() {
        fail.push("first-value criteria not confirmed (baton confirm DEAL first-value)".into());
    }
    gate(
        "goals_and_first_value",
        "Customer goals and first-value criteria are explicit",
        fail,
        format!("{goals} goal(s); success and first-value criteria confirmed"),
    )
}

fn commitments_reviewed(h: &Handoff) -> Gate {
    let pending = ids(h
        .items_of(ItemKind::Commitment)
        .filter(|c| matches!(c.decision, Decision::Pending)));
    let with_ae = ids(h.items_of(ItemKind::Commitment).filter(|c| {
        matches!(
            c.decision,
            Decision::Commitment {
                outcome: CommitmentOutcome::SentToAe,
                ..
            }
        )
    }));
    let mut fail = Vec::new();
    if !pending.is_empty() {
        fail.push(format!("not reviewed: {}", pending.join(", ")));
    }
    if !with_ae.is_empty() {
        fail.push(format!(
            "sent to the AE, awaiting a decision: {}",
            with_ae.join(", ")
        ));
    }
    let n = counted(h, ItemKind::Commitment);
    gate(
        "commitments_reviewed",
        "Every commitment is reviewed",
        fail,
        format!("{n} commitment(s) accepted or rejected"),
    )
}

fn goals_kept_apart(h: &Handoff) -> Gate {
    let kinds: Vec<Option<GoalKind>> = h.items_of(ItemKind::Goal).map(|g| g.goal_kind()).collect();
    let buyer = kinds
        .iter()
        .filter(|k| **k == Some(GoalKind::Buyer))
        .count();
    let user = kinds.iter().filter(|k| **k == Some(GoalKind::User)).count();
    let unclassified = ids(h
        .items_of(ItemKind::Goal)
        .filter(|g| g.goal_kind().is_none()));
    let mut fail = Vec::new();
    if buyer == 0 {
        fail.push(
            "no buyer goal: the brief has no business outcome apart from user requirements \
             (correct a goal with baton goal DEAL G1 --kind buyer)"
                .to_string(),
        );
    }
    if !unclassified.is_empty() {
        fail.push(format!(
            "not classified buyer or user: {}",
            unclassified.join(", ")
        ));
    }
    gate(
        "goals_kept_apart",
        "Buyer goals are kept apart from user requirements",
        fail,
        format!("{buyer} buyer goal(s), {user} user requirement(s)"),
    )
}

fn risks_owned(h: &Handoff) -> Gate {
    let unowned = ids(h.items_of(ItemKind::Risk).filter(|r| match &r.decision {
        Decision::Risk { owner, status, .. } => {
            *status == RiskStatus::Open && owner.trim().is_empty()
        }
        Decision::Dismissed { .. } => false,
        _ => true,
    }));
    let n = counted(h, ItemKind::Risk);
    gate(
        "risks_owned",
        "Every open risk has an owner",
        if unowned.is_empty() {
            vec![]
        } else {
            vec![format!("no owner: {}", unowned.join(", "))]
        },
        format!("{n} risk(s), each owned, mitigated or accepted"),
    )
}

fn conflicts_resolved(h: &Handoff) -> Gate {
    let open = ids(h
        .items_of(ItemKind::Conflict)
        .filter(|x| matches!(x.decision, Decision::Pending)));
    let n = counted(h, ItemKind::Conflict);
    gate(
        "conflicts_resolved",
        "No unresolved conflict with the signed scope",
        if open.is_empty() {
            vec![]
        } else {
            vec![format!(
                // A conflict pauses a handoff under review; a returned one
                // waits for the AE anyway.
                "unresolved{}: {}",
                if h.status == super::Status::ReturnedToAe {
                    ""
                } else {
                    " (the handoff is paused)"
                },
                open.join(", ")
            )]
        },
        format!("{n} conflict(s), each resolved"),
    )
}

fn evidence_present(h: &Handoff) -> Gate {
    let mut fail = Vec::new();
    if h.sources.notes_files == 0 {
        fail.push("no deal notes in the bundle".to_string());
    }
    if h.sources.scope_file.is_none() {
        fail.push("no signed scope in the bundle".to_string());
    }
    gate(
        "evidence_present",
        "Source evidence is present (notes and signed scope)",
        fail,
        format!(
            "{} notes file(s) and {}",
            h.sources.notes_files,
            h.sources.scope_file.as_deref().unwrap_or("")
        ),
    )
}

/// Onboarding needs someone to run it and a day to start: a handoff with no
/// CSM or no kickoff date hands over to no one.
fn csm_and_kickoff(h: &Handoff) -> Gate {
    let mut fail = Vec::new();
    let csm = h
        .deal
        .csm
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if csm.is_none() {
        fail.push("no CSM named in the CRM record (csm in deal.toml; re-import)".to_string());
    }
    if h.deal.kickoff.is_none() {
        fail.push("no kickoff date in the CRM record (kickoff in deal.toml; re-import)".into());
    }
    gate(
        "csm_and_kickoff",
        "A CSM is named and a kickoff date is set",
        fail,
        format!(
            "CSM {}, kickoff {}",
            csm.unwrap_or_default(),
            h.deal.kickoff.map(|d| d.to_string()).unwrap_or_default()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::Role;
    use crate::handoff::items::Resolution;
    use crate::handoff::test_support::{ctx, handoff};

    fn by_id(h: &Handoff, id: &str) -> Gate {
        gates(h).into_iter().find(|g| g.id == id).unwrap()
    }

    #[test]
    fn a_fresh_handoff_fails_with_reasons() {
        let h = handoff();
        let failing: Vec<&str> = failing(&h).iter().map(|g| g.id).collect();
        assert_eq!(
            failing,
            [
                "goals_and_first_value",
                "commitments_reviewed",
                "risks_owned",
                "conflicts_resolved"
            ]
        );
        assert!(by_id(&h, "commitments_reviewed").reason.contains("C1"));
        assert!(by_id(&h, "conflicts_resolved").reason.contains("paused"));
        assert!(by_id(&h, "goals_kept_apart").pass);
        assert!(by_id(&h, "evidence_present").pass);
    }

    #[test]
    fn decisions_make_gates_pass() {
        let mut h = handoff();
        let by = ctx("Priya", Role::Csm).signed();
        h.items[0].decision = Decision::Commitment {
            outcome: CommitmentOutcome::SentToAe,
            note: String::new(),
            by: by.clone(),
        };
        assert!(
            by_id(&h, "commitments_reviewed")
                .reason
                .contains("awaiting")
        );
        h.items[0].decision = Decision::Commitment {
            outcome: CommitmentOutcome::Accepted,
            note: String::new(),
            by: by.clone(),
        };
        h.items[1].decision = Decision::Conflict {
            resolution: Resolution::ScopeStands,
            note: String::new(),
            by: by.clone(),
        };
        h.items[2].decision = Decision::Risk {
            owner: String::new(),
            due: None,
            status: RiskStatus::Accepted,
            by: by.clone(),
        };
        h.success_confirmed = Some(by.clone());
        h.first_value_confirmed = Some(by);
        assert!(failing(&h).is_empty(), "{:?}", failing(&h));
    }

    #[test]
    fn a_handoff_without_a_csm_or_a_kickoff_date_fails() {
        let mut h = handoff();
        assert!(by_id(&h, "csm_and_kickoff").pass);
        h.deal.csm = Some("  ".into());
        let g = by_id(&h, "csm_and_kickoff");
        assert!(!g.pass && g.reason.contains("no CSM"), "{}", g.reason);
        h.deal.csm = Some("Priya".into());
        h.deal.kickoff = None;
        let g = by_id(&h, "csm_and_kickoff");
        assert!(!g.pass && g.reason.contains("no kickoff"), "{}", g.reason);
    }

    #[test]
    fn only_user_goals_and_missing_scope_fail() {
        let mut h = handoff();
        h.items[4].category = Some("user".into());
        h.sources.scope_file = None;
        h.sources.notes_files = 0;
        assert!(!by_id(&h, "goals_kept_apart").pass);
        let ev = by_id(&h, "evidence_present");
        assert!(
            ev.reason.contains("notes") && ev.reason.contains("scope"),
            "{}",
            ev.reason
        );
    }
}
