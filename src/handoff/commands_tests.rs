use super::*;
use crate::handoff::test_support::{ctx, handoff};

fn ready() -> (Handoff, Ctx) {
    let mut h = handoff();
    let c = ctx("Priya", Role::Csm);
    review(&mut h, &c, "c1", CommitmentOutcome::Accepted, "fine").unwrap();
    resolve(&mut h, &c, "X1", Resolution::ScopeStands, "eight weeks").unwrap();
    own_risk(&mut h, &c, "R1", "Dana", None, RiskStatus::Open).unwrap();
    confirm(&mut h, &c, Criteria::Success).unwrap_err();
    h.brief
        .success_criteria
        .push(crate::handoff::items::Criterion {
            source: "measurable_goal".into(),
            text: "5 days to 2".into(),
            date: None,
            evidence: vec![],
        });
    confirm(&mut h, &c, Criteria::Success).unwrap();
    confirm(&mut h, &c, Criteria::FirstValue).unwrap();
    (h, c)
}

#[test]
fn wrong_ids_and_kinds_are_clear_errors() {
    let mut h = handoff();
    let c = ctx("Priya", Role::Csm);
    let e = review(&mut h, &c, "C9", CommitmentOutcome::Accepted, "").unwrap_err();
    assert_eq!(
        e.to_string(),
        "OPP-1: no item C9 (baton show OPP-1 lists the ids)"
    );
    let e = review(&mut h, &c, "R1", CommitmentOutcome::Accepted, "").unwrap_err();
    assert!(
        e.to_string().starts_with("R1 is a risk, not a commitment"),
        "{e}"
    );
    let e = own_risk(&mut h, &c, "R1", "  ", None, RiskStatus::Open).unwrap_err();
    assert!(e.to_string().contains("owner"), "{e}");
    assert_eq!(h.status, Status::New);
}

#[test]
fn approve_refused_while_gates_fail_listing_them() {
    let mut h = handoff();
    let e = approve(&mut h, &ctx("Dana", Role::Ae), Role::Ae).unwrap_err();
    let DomainError::GatesFail(gates) = &e else {
        panic!("{e}")
    };
    assert_eq!(gates.len(), 4);
    assert!(
        e.to_string()
            .contains("Every commitment is reviewed (not reviewed: C1)"),
        "{e}"
    );
    assert!(h.approvals.is_empty());
}

#[test]
fn both_roles_approve_then_a_change_invalidates() {
    let (mut h, c) = ready();
    assert_eq!(h.status, Status::ReadyForSignOff);
    let ae = ctx("Dana", Role::Ae);
    let change = approve(&mut h, &ae, Role::Ae).unwrap();
    assert_eq!(change.events.len(), 1);
    assert!(approve(&mut h, &ae, Role::Ae).is_err(), "same role twice");
    let change = approve(&mut h, &c, Role::Csm).unwrap();
    let kinds: Vec<EventKind> = change.events.iter().map(|e| e.0).collect();
    assert_eq!(
        kinds,
        [EventKind::ApprovalRecorded, EventKind::HandoffAccepted]
    );
    assert_eq!(h.status, Status::Approved);

    let change = review(&mut h, &c, "C1", CommitmentOutcome::Rejected, "not offered").unwrap();
    let kinds: Vec<EventKind> = change.events.iter().map(|e| e.0).collect();
    assert_eq!(
        kinds,
        [
            EventKind::ItemReviewed,
            EventKind::ApprovalInvalidated,
            EventKind::ApprovalInvalidated
        ]
    );
    assert_eq!(change.events[1].1["reason"], "C1 reviewed");
    assert!(h.approvals.is_empty());
    assert_eq!(h.status, Status::ReadyForSignOff);
}

#[test]
fn return_and_resubmit() {
    let mut h = handoff();
    let c = ctx("Priya", Role::Csm);
    let change = return_to_ae(&mut h, &c, ReturnReason::MissingContext, "no sponsor").unwrap();
    assert_eq!(h.status, Status::ReturnedToAe);
    assert_eq!(change.events[0].1["open_questions"][0]["id"], "Q1");
    assert!(return_to_ae(&mut h, &c, ReturnReason::Other, "").is_err());
    assert!(approve(&mut h, &c, Role::Csm).is_err());
    answer(&mut h, &c, "Q1", "The scope").unwrap();
    assert_eq!(
        h.status,
        Status::ReturnedToAe,
        "answers do not end a return"
    );
    resubmit(&mut h, &ctx("Dana", Role::Ae), "command").unwrap();
    assert_eq!(h.status, Status::Paused);
    assert!(resubmit(&mut h, &c, "command").is_err());
}

#[test]
fn milestones_follow_sign_off() {
    let (mut h, c) = ready();
    let d = jiff::civil::date(2026, 7, 20);
    assert!(milestone(&mut h, &c, Milestone::KickoffHeld, d).is_err());
    milestone(&mut h, &c, Milestone::KickoffMoved, d).unwrap();
    assert_eq!(h.deal.kickoff, Some(d));
    approve(&mut h, &ctx("Dana", Role::Ae), Role::Ae).unwrap();
    approve(&mut h, &c, Role::Csm).unwrap();
    milestone(&mut h, &c, Milestone::KickoffHeld, d).unwrap();
    assert_eq!(h.status, Status::KickedOff);
    assert!(review(&mut h, &c, "C1", CommitmentOutcome::Rejected, "").is_err());
    milestone(&mut h, &c, Milestone::FirstValueReached, d).unwrap();
    assert!(milestone(&mut h, &c, Milestone::FirstValueReached, d).is_err());
}

#[test]
fn goal_correction_is_recorded() {
    let mut h = handoff();
    let c = ctx("Priya", Role::Csm);
    let change = classify_goal(&mut h, &c, "G1", GoalKind::User).unwrap();
    assert_eq!(change.events[0].1["from"], "buyer");
    assert_eq!(h.item("g1").unwrap().goal_kind(), Some(GoalKind::User));
}
