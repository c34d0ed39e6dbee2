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

    // Unasked, a change that cancels the sign-off is refused, naming it.
    let before = h.clone();
    let e = review(&mut h, &c, "C1", CommitmentOutcome::Rejected, "not offered").unwrap_err();
    let DomainError::WouldInvalidate { approvals, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(approvals.len(), 2);
    assert!(
        e.to_string()
            .contains("cancel the approvals of Dana (ae) and Priya (csm)"),
        "{e}"
    );
    assert_eq!(before.approvals, h.approvals);
    assert_eq!(h.status, Status::Approved);
    let mut c = c;
    c.may_invalidate_approvals = true;
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

#[test]
fn only_the_deals_people_or_the_team_approve_each_in_their_own_role() {
    let (mut h, c) = ready();
    // Not the deal's AE, not on the team.
    let e = approve(&mut h, &ctx("Mallory", Role::Ae), Role::Ae).unwrap_err();
    assert!(
        e.to_string().contains("Mallory may not approve as ae")
            && e.to_string().contains("the deal's ae is Dana"),
        "{e}"
    );
    // The deal's CSM signing for the AE side, whatever role is asked for.
    let e = approve(&mut h, &c, Role::Ae).unwrap_err();
    assert!(e.to_string().contains("own role"), "{e}");
    let e = approve(&mut h, &ctx("Priya", Role::Ae), Role::Ae).unwrap_err();
    assert!(e.to_string().contains("Priya may not approve as ae"), "{e}");
    assert!(h.approvals.is_empty());
    // A team member with role ae signs for the AE side of any deal.
    let mut stand_in = ctx("Sam Okafor", Role::Ae);
    stand_in.team = crate::handoff::Team::from_roles(&["sam  okafor".into()], &[]);
    approve(&mut h, &stand_in, Role::Ae).unwrap();
    assert_eq!(h.approvals[0].name, "Sam Okafor");
}

#[test]
fn one_person_never_holds_both_approvals() {
    let (mut h, _) = ready();
    // Priya is the deal's CSM and, on the team, an AE too.
    let team = crate::handoff::Team::from_roles(&["Priya".into()], &["Priya".into()]);
    let mut as_ae = ctx("Priya", Role::Ae);
    as_ae.team = team.clone();
    approve(&mut h, &as_ae, Role::Ae).unwrap();
    let mut as_csm = ctx("priya", Role::Csm);
    as_csm.team = team;
    let e = approve(&mut h, &as_csm, Role::Csm).unwrap_err();
    assert!(
        e.to_string()
            .contains("already approved this state as ae: one person never holds both"),
        "{e}"
    );
    assert_eq!(h.status, Status::ReadyForSignOff);
    approve(&mut h, &ctx("Dana", Role::Csm), Role::Csm).unwrap_err();
}

#[test]
fn a_note_pasted_on_every_question_confirms_no_first_value() {
    let mut h = handoff();
    h.deal.first_value_criteria = None;
    let mut asks = crate::handoff::test_support::item(
        "Q2",
        ItemKind::Question,
        "What is the first-value milestone?",
    );
    asks.about = Some("first_value_milestone".into());
    h.items.push(asks);
    let c = ctx("Priya", Role::Csm);
    let ae = ctx("Dana", Role::Ae);
    let canned = "Confirmed with the customer; the notes stand as written";
    answer(&mut h, &ae, "Q1", canned).unwrap();
    answer(&mut h, &ae, "Q2", canned).unwrap();
    let e = confirm(&mut h, &c, Criteria::FirstValue).unwrap_err();
    assert!(e.to_string().contains("no first value to confirm"), "{e}");
    answer(
        &mut h,
        &ae,
        "Q2",
        "Two stores run their weekly rota in baton",
    )
    .unwrap();
    confirm(&mut h, &c, Criteria::FirstValue).unwrap();
}
