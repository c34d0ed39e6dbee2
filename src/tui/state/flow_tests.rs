//! The flows' questions and the commands they end in.

use super::*;
use crate::handoff::test_support;

fn cx(h: &Handoff) -> Context<'_> {
    Context {
        h,
        team: &[],
        role: Some(Role::Csm),
        today: jiff::civil::date(2026, 9, 4),
    }
}

/// Answer each step in turn; returns the command the flow ends in.
fn walk(mut flow: Flow, h: &Handoff, answers: Vec<Answer>) -> Command {
    for a in answers {
        assert!(matches!(flow.next(&cx(h)), Next::Ask(_)), "{flow:?}");
        flow.answers.push(a);
    }
    match flow.next(&cx(h)) {
        Next::Run(c) => c,
        other => panic!("still asking: {other:?}"),
    }
}

#[test]
fn a_commitment_decision_asks_outcome_then_note() {
    let h = test_support::handoff();
    let c = walk(
        Flow::new(FlowKind::DecideCommitment, "OPP-1", Some("C1")),
        &h,
        vec![Answer::Picked(2), Answer::Text("ask Dana".into())],
    );
    assert_eq!(
        c,
        Command::Review {
            item: "C1".into(),
            outcome: CommitmentOutcome::SentToAe,
            note: "ask Dana".into()
        }
    );
}

#[test]
fn a_reversal_starts_with_a_blank_note_and_an_edit_with_the_old_one() {
    let mut h = test_support::handoff();
    h.items[0].decision = Decision::Commitment {
        outcome: CommitmentOutcome::Accepted,
        note: "in the kickoff plan".into(),
        by: test_support::ctx("Priya", Role::Csm).signed(),
    };
    let first_text = |flow: &Flow| match flow.next(&cx(&h)) {
        Next::Ask(Step::Text { text, .. }) => text.text().to_string(),
        other => panic!("{other:?}"),
    };
    let quick = |o| Flow::new(FlowKind::QuickCommitment(o), "OPP-1", Some("C1"));
    assert_eq!(first_text(&quick(CommitmentOutcome::Rejected)), "");
    assert_eq!(
        first_text(&quick(CommitmentOutcome::Accepted)),
        "in the kickoff plan"
    );
    let mut decide = Flow::new(FlowKind::DecideCommitment, "OPP-1", Some("C1"));
    decide.answers.push(Answer::Picked(1));
    assert_eq!(first_text(&decide), "", "rejecting an accepted one");
    decide.answers[0] = Answer::Picked(0);
    assert_eq!(first_text(&decide), "in the kickoff plan");
}

#[test]
fn a_risk_owner_can_be_picked_or_typed() {
    let h = test_support::handoff();
    let team = vec!["Priya Raman".to_string()];
    let options = Flow::owner_options(
        &Context {
            h: &h,
            team: &team,
            role: None,
            today: jiff::civil::date(2026, 9, 4),
        },
        None,
    );
    assert_eq!(options.first().map(String::as_str), Some("Priya Raman"));
    assert_eq!(options.last().map(String::as_str), Some(TYPE_A_NAME));
    // Picking the last option ("Type a name…") asks for the name.
    let typed = Flow::owner_options(&cx(&h), None).len() - 1;
    let flow = Flow::new(FlowKind::OwnRisk, "OPP-1", Some("R1"));
    let c = walk(
        flow,
        &h,
        vec![
            Answer::Picked(typed),
            Answer::Text("Sam Ode".into()),
            Answer::Text("2026-09-30".into()),
            Answer::Picked(1),
        ],
    );
    assert_eq!(
        c,
        Command::OwnRisk {
            item: "R1".into(),
            owner: "Sam Ode".into(),
            due: Some(jiff::civil::date(2026, 9, 30)),
            status: RiskStatus::Mitigated
        }
    );
}

#[test]
fn return_and_approve_end_on_a_confirmation() {
    let h = test_support::handoff();
    let mut f = Flow::new(FlowKind::ReturnToAe, "OPP-1", None);
    f.answers = vec![Answer::Picked(0), Answer::Text("who owns it?".into())];
    assert!(matches!(f.next(&cx(&h)), Next::Ask(Step::Confirm { .. })));
    let mut f = Flow::new(FlowKind::Approve, "OPP-1", None);
    let as_ae = Context {
        role: Some(Role::Ae),
        ..cx(&h)
    };
    let Next::Ask(Step::Confirm { message }) = f.next(&as_ae) else {
        panic!()
    };
    assert!(message.contains("as AE"), "{message}");
    f.answers.push(Answer::Yes);
    assert_eq!(f.next(&as_ae), Next::Run(Command::Approve(Role::Ae)));
}

#[test]
fn typed_dates_are_checked() {
    assert!(TextRule::OptionalDate.check("").is_ok());
    assert!(TextRule::OptionalDate.check("2026-13-01").is_err());
    assert!(TextRule::Date.check("").is_err());
    assert!(TextRule::Date.check("2026-09-30").is_ok());
    assert!(TextRule::NonEmpty.check("  ").is_err());
}
