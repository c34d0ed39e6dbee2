//! The commands: each validates, changes a [`Handoff`] in memory and returns the
//! events it caused. None touches storage; the workspace runs them inside one
//! transaction and appends the events in it. Each ends with [`settle`], which
//! invalidates approvals the change made stale and moves the status on.

use super::approval::{Approval, review_hash};
use super::events::EventKind;
use super::gates::failing;
use super::items::{CommitmentOutcome, Decision, GoalKind, ItemKind, Resolution, RiskStatus};
use super::refusal::DomainError;
use super::status::{Status, derive};
use super::{Ctx, Handoff, Role};
use jiff::civil::Date;
use serde_json::{Value, json};

/// What a command did: the events to append, in order.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub events: Vec<(EventKind, Value)>,
}

impl Change {
    pub(super) fn one(kind: EventKind, payload: Value) -> Self {
        Change {
            events: vec![(kind, payload)],
        }
    }
}

type Result<T> = std::result::Result<T, DomainError>;

/// Why a handoff went back to the AE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnReason {
    MissingContext,
    ScopeConflict,
    NoFirstValue,
    Other,
}

impl ReturnReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ReturnReason::MissingContext => "missing_context",
            ReturnReason::ScopeConflict => "scope_conflict",
            ReturnReason::NoFirstValue => "no_first_value",
            ReturnReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "missing_context" => Some(Self::MissingContext),
            "scope_conflict" => Some(Self::ScopeConflict),
            "no_first_value" => Some(Self::NoFirstValue),
            "other" => Some(Self::Other),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criteria {
    Success,
    FirstValue,
}

impl Criteria {
    pub fn as_str(self) -> &'static str {
        match self {
            Criteria::Success => "success_criteria",
            Criteria::FirstValue => "first_value",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "success_criteria" | "success" => Some(Self::Success),
            "first_value" => Some(Self::FirstValue),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    KickoffHeld,
    KickoffMoved,
    FirstValueReached,
}

impl Milestone {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "kickoff_held" => Some(Self::KickoffHeld),
            "kickoff_moved" => Some(Self::KickoffMoved),
            "first_value_reached" => Some(Self::FirstValueReached),
            _ => None,
        }
    }
}

pub(super) fn open_for_review(h: &Handoff, action: &str) -> Result<()> {
    if h.status == Status::KickedOff {
        return Err(DomainError::WrongState {
            status: h.status,
            action: action.to_string(),
        });
    }
    Ok(())
}

pub(super) fn item_mut<'a>(
    h: &'a mut Handoff,
    id: &str,
    expected: ItemKind,
) -> Result<&'a mut super::Item> {
    let deal = h.deal.id.clone();
    let item = h
        .items
        .iter_mut()
        .find(|i| i.id.eq_ignore_ascii_case(id.trim()))
        .ok_or_else(|| DomainError::UnknownItem {
            deal,
            id: id.to_string(),
        })?;
    if item.kind != expected {
        return Err(DomainError::WrongKind {
            id: item.id.clone(),
            kind: item.kind,
            expected,
        });
    }
    Ok(item)
}

pub(super) fn non_empty(what: &str, text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(DomainError::Invalid(format!("{what} must not be empty")));
    }
    Ok(t.to_string())
}

/// Accept, reject or send a commitment to the AE.
pub fn review(
    h: &mut Handoff,
    ctx: &Ctx,
    id: &str,
    outcome: CommitmentOutcome,
    note: &str,
) -> Result<Change> {
    open_for_review(h, "review")?;
    let item = item_mut(h, id, ItemKind::Commitment)?;
    item.decision = Decision::Commitment {
        outcome,
        note: note.trim().to_string(),
        by: ctx.signed(),
    };
    let payload = json!({"item": item.id, "outcome": outcome.as_str(), "note": note.trim(), "text": item.text});
    settled(
        h,
        ctx,
        Change::one(EventKind::ItemReviewed, payload),
        &format!("{} reviewed", id.to_uppercase()),
    )
}

/// Settle a conflict between the notes and the signed scope.
pub fn resolve(
    h: &mut Handoff,
    ctx: &Ctx,
    id: &str,
    resolution: Resolution,
    note: &str,
) -> Result<Change> {
    open_for_review(h, "resolve a conflict of")?;
    let item = item_mut(h, id, ItemKind::Conflict)?;
    item.decision = Decision::Conflict {
        resolution,
        note: note.trim().to_string(),
        by: ctx.signed(),
    };
    let payload = json!({"item": item.id, "resolution": resolution.as_str(), "note": note.trim()});
    settled(
        h,
        ctx,
        Change::one(EventKind::ConflictResolved, payload),
        &format!("{} resolved", id.to_uppercase()),
    )
}

/// Give a risk an owner, an optional due date and a status.
pub fn own_risk(
    h: &mut Handoff,
    ctx: &Ctx,
    id: &str,
    owner: &str,
    due: Option<Date>,
    status: RiskStatus,
) -> Result<Change> {
    open_for_review(h, "assign a risk of")?;
    let owner = non_empty("the risk owner (--name)", owner)?;
    let item = item_mut(h, id, ItemKind::Risk)?;
    item.decision = Decision::Risk {
        owner: owner.clone(),
        due,
        status,
        by: ctx.signed(),
    };
    let payload = json!({"item": item.id, "owner": owner, "due": due.map(|d| d.to_string()), "status": status.as_str()});
    settled(
        h,
        ctx,
        Change::one(EventKind::RiskOwnerAssigned, payload),
        &format!("{} owner assigned", id.to_uppercase()),
    )
}

/// Record the answer to a question, citing who answered and when.
pub fn answer(h: &mut Handoff, ctx: &Ctx, id: &str, text: &str) -> Result<Change> {
    open_for_review(h, "answer a question of")?;
    let text = non_empty("the answer (--text)", text)?;
    let item = item_mut(h, id, ItemKind::Question)?;
    item.decision = Decision::Answer {
        text: text.clone(),
        by: ctx.signed(),
    };
    let payload = json!({"item": item.id, "about": item.about, "answer": text});
    settled(
        h,
        ctx,
        Change::one(EventKind::QuestionAnswered, payload),
        &format!("{} answered", id.to_uppercase()),
    )
}

/// Correct (or confirm) whether a goal is a buyer outcome or a user requirement.
pub fn classify_goal(h: &mut Handoff, ctx: &Ctx, id: &str, kind: GoalKind) -> Result<Change> {
    open_for_review(h, "classify a goal of")?;
    let item = item_mut(h, id, ItemKind::Goal)?;
    let from = item.goal_kind().map(GoalKind::as_str);
    item.decision = Decision::Goal {
        kind,
        by: ctx.signed(),
    };
    let payload = json!({"item": item.id, "from": from, "to": kind.as_str()});
    settled(
        h,
        ctx,
        Change::one(EventKind::GoalClassified, payload),
        &format!("{} reclassified", id.to_uppercase()),
    )
}

/// An answered question about `missing` (e.g. `first_value_milestone`).
/// Whether the question asking for `missing` has an answer that states
/// criteria of its own: a few words, not the same text as another decision
/// or answer of the handoff. A note pasted on every item ("confirmed with the
/// customer; the notes stand as written") confirms nothing.
fn answered_about(h: &Handoff, missing: &str) -> bool {
    h.items_of(ItemKind::Question).any(|q| {
        let Decision::Answer { text, .. } = &q.decision else {
            return false;
        };
        q.about.as_deref() == Some(missing)
            && text.split_whitespace().count() >= CRITERIA_WORDS
            && !h
                .items
                .iter()
                .filter(|other| other.id != q.id)
                .any(|other| {
                    other
                        .decision
                        .note()
                        .is_some_and(|n| super::same_words(n, text))
                })
    })
}

/// The fewest words an answer needs to state criteria ("three stores live").
const CRITERIA_WORDS: usize = 3;

/// Confirm the success or first-value criteria. There must be something to
/// confirm: criteria in the bundle, or an answer to the question asking for them.
pub fn confirm(h: &mut Handoff, ctx: &Ctx, which: Criteria) -> Result<Change> {
    open_for_review(h, "confirm criteria of")?;
    let present = match which {
        Criteria::Success => {
            !h.brief.success_criteria.is_empty() || answered_about(h, "success_criteria")
        }
        Criteria::FirstValue => {
            h.deal.first_value_criteria.is_some()
                || h.brief
                    .success_criteria
                    .iter()
                    .any(|c| c.source == "first_value")
                || answered_about(h, "first_value_milestone")
        }
    };
    if !present {
        let question = h
            .items_of(ItemKind::Question)
            .find(|q| {
                let about = if which == Criteria::Success {
                    "success_criteria"
                } else {
                    "first_value_milestone"
                };
                q.about.as_deref() == Some(about)
            })
            .map_or_else(String::new, |q| format!(": answer {} first", q.id));
        return Err(DomainError::Invalid(format!(
            "{}: no {} to confirm{question}",
            h.deal.id,
            which.as_str().replace('_', " ")
        )));
    }
    let signed = ctx.signed();
    match which {
        Criteria::Success => h.success_confirmed = Some(signed),
        Criteria::FirstValue => h.first_value_confirmed = Some(signed),
    }
    let payload = json!({"criteria": which.as_str()});
    settled(
        h,
        ctx,
        Change::one(EventKind::CriteriaConfirmed, payload),
        &format!("{} confirmed", which.as_str()),
    )
}

/// CS sends an incomplete handoff back to the AE; the open questions go with it.
pub fn return_to_ae(
    h: &mut Handoff,
    ctx: &Ctx,
    reason: ReturnReason,
    note: &str,
) -> Result<Change> {
    if matches!(
        h.status,
        Status::ReturnedToAe | Status::Approved | Status::KickedOff
    ) {
        return Err(DomainError::WrongState {
            status: h.status,
            action: "return".into(),
        });
    }
    let questions: Vec<Value> = h
        .open_questions()
        .map(|q| json!({"id": q.id, "about": q.about, "text": q.text}))
        .collect();
    h.status = Status::ReturnedToAe;
    let payload =
        json!({"reason": reason.as_str(), "note": note.trim(), "open_questions": questions});
    settled(
        h,
        ctx,
        Change::one(EventKind::HandoffReturned, payload),
        "returned to the AE",
    )
}

/// The AE sends a returned handoff back (also recorded by a re-import).
pub fn resubmit(h: &mut Handoff, ctx: &Ctx, via: &str) -> Result<Change> {
    if h.status != Status::ReturnedToAe {
        return Err(DomainError::WrongState {
            status: h.status,
            action: "resubmit".into(),
        });
    }
    h.status = Status::InReview;
    settled(
        h,
        ctx,
        Change::one(EventKind::HandoffResubmitted, json!({"via": via})),
        "resubmitted",
    )
}

/// Record an approval for `role`, refused while any gate fails.
pub fn approve(h: &mut Handoff, ctx: &Ctx, role: Role) -> Result<Change> {
    if matches!(h.status, Status::ReturnedToAe | Status::KickedOff) {
        return Err(DomainError::WrongState {
            status: h.status,
            action: "approve".into(),
        });
    }
    super::may_approve(h, &ctx.actor, &ctx.team, role)
        .map_err(|why| DomainError::Invalid(format!("{}: {why}", h.deal.id)))?;
    let fails = failing(h);
    if !fails.is_empty() {
        return Err(DomainError::GatesFail(fails));
    }
    let hash = review_hash(h);
    if let Some(a) = h
        .approvals
        .iter()
        .find(|a| a.role == role && a.hash == hash)
    {
        return Err(DomainError::Invalid(format!(
            "{}: already approved as {} by {} for this state ({})",
            h.deal.id,
            role.as_str(),
            a.name,
            &hash[..12]
        )));
    }
    h.approvals.push(Approval {
        role,
        name: ctx.actor.name.clone(),
        at: ctx.now,
        hash: hash.clone(),
    });
    let payload = json!({"role": role.as_str(), "name": ctx.actor.name, "hash": hash});
    settled(
        h,
        ctx,
        Change::one(EventKind::ApprovalRecorded, payload),
        "approval recorded",
    )
}

/// A dated milestone after sign-off.
pub fn milestone(h: &mut Handoff, ctx: &Ctx, which: Milestone, date: Date) -> Result<Change> {
    let refuse = |action: &str| DomainError::WrongState {
        status: h.status,
        action: action.into(),
    };
    let not_yet = |action: &str, first: &'static str| DomainError::NotYet {
        status: h.status,
        action: action.into(),
        first,
    };
    let (kind, payload) = match which {
        Milestone::KickoffHeld => {
            if h.status != Status::Approved {
                return Err(not_yet("hold the kickoff of", "approve it"));
            }
            h.milestones.kickoff_held = Some(date);
            h.status = Status::KickedOff;
            (
                EventKind::KickoffHeld,
                json!({"date": date.to_string(), "planned": h.deal.kickoff.map(|d| d.to_string())}),
            )
        }
        Milestone::KickoffMoved => {
            if h.status == Status::KickedOff {
                return Err(refuse("move the kickoff of"));
            }
            let from = h.deal.kickoff.replace(date);
            (
                EventKind::KickoffMoved,
                json!({"from": from.map(|d| d.to_string()), "to": date.to_string()}),
            )
        }
        Milestone::FirstValueReached => {
            if h.status != Status::KickedOff {
                return Err(not_yet("record first value of", "hold the kickoff"));
            }
            if h.milestones.first_value_reached.is_some() {
                return Err(DomainError::Invalid(format!(
                    "{}: first value is already recorded",
                    h.deal.id
                )));
            }
            h.milestones.first_value_reached = Some(date);
            (
                EventKind::FirstValueReached,
                json!({"date": date.to_string(), "planned": h.deal.first_value_date.map(|d| d.to_string())}),
            )
        }
    };
    settled(h, ctx, Change::one(kind, payload), "milestone")
}

/// Finish a reviewer's change: refused when it would cancel approvals the
/// actor did not agree to cancel (a sign-off never vanishes unasked), else
/// [`settle`]d.
pub(super) fn settled(h: &mut Handoff, ctx: &Ctx, mut change: Change, why: &str) -> Result<Change> {
    // Every approval held covers the state before the change: `settle`
    // drops the others as each change lands.
    let hash = review_hash(h);
    let cancelled: Vec<Approval> = h
        .approvals
        .iter()
        .filter(|a| a.hash != hash)
        .cloned()
        .collect();
    if !cancelled.is_empty() && !ctx.may_invalidate_approvals {
        return Err(DomainError::WouldInvalidate {
            deal: h.deal.id.clone(),
            approvals: cancelled,
        });
    }
    change.events.extend(settle(h, ctx, why));
    Ok(change)
}

/// After any change: approvals whose hash is no longer current are invalidated
/// (one event each, saying why), and the status follows the new state; becoming
/// approved records `handoff_accepted`.
pub fn settle(h: &mut Handoff, ctx: &Ctx, why: &str) -> Vec<(EventKind, Value)> {
    let mut events = Vec::new();
    let hash = review_hash(h);
    let (current, stale): (Vec<Approval>, Vec<Approval>) = std::mem::take(&mut h.approvals)
        .into_iter()
        .partition(|a| a.hash == hash);
    h.approvals = current;
    for a in stale {
        events.push((
            EventKind::ApprovalInvalidated,
            json!({"role": a.role.as_str(), "name": a.name, "hash": a.hash, "reason": why}),
        ));
    }
    let before = h.status;
    h.status = derive(before, h);
    if h.status == Status::Approved && before != Status::Approved {
        let approvers: Vec<Value> = h
            .approvals
            .iter()
            .map(|a| json!({"role": a.role.as_str(), "name": a.name, "at": super::events::stamp(a.at)}))
            .collect();
        events.push((
            EventKind::HandoffAccepted,
            json!({"hash": hash, "approvals": approvers, "by": ctx.actor.name}),
        ));
    }
    events
}

#[cfg(test)]
#[path = "commands_tests.rs"]
mod tests;
