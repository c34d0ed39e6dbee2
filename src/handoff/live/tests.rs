use super::*;
use crate::draft::tasks::TaskKind;
use crate::handoff::commands::{
    Criteria, Milestone, answer, confirm, milestone, own_risk, resolve, return_to_ae, review,
};
use crate::handoff::items::{CommitmentOutcome, Criterion, Person, RiskStatus, TaskLine};
use crate::handoff::test_support::{ctx, handoff};
use crate::handoff::{Ctx, Role};

fn csm() -> Ctx {
    ctx("Priya", Role::Csm)
}

fn task(id: &str, kind: TaskKind, from: &[&str], text: &str) -> TaskLine {
    TaskLine {
        id: id.into(),
        text: text.into(),
        evidence: vec![],
        kind: Some(kind),
        from: from.iter().map(|s| s.to_string()).collect(),
    }
}

/// The test handoff with the tasks its drafts would have: resolve X1, ask
/// Q1, own R1, confirm C1, invite the sponsor to the 2026-07-15 kickoff.
fn with_tasks() -> Handoff {
    let mut h = handoff();
    h.brief.stakeholders.push(Person {
        name: "Fiona Marsh".into(),
        title: Some("Chief Financial Officer".into()),
        role: Some("executive_sponsor".into()),
        executive_sponsor: true,
        evidence: vec![],
    });
    h.brief.tasks = vec![
        task(
            "T1",
            TaskKind::ResolveConflict,
            &["X1"],
            "Resolve X1 with the AE, Dana before kickoff.",
        ),
        task(
            "T2",
            TaskKind::AskAe,
            &["Q1"],
            "Send Q1 to the AE, Dana and record the answers before kickoff.",
        ),
        task(
            "T3",
            TaskKind::OwnRisk,
            &["R1"],
            "Assign an owner to R1 before kickoff: Legacy export untested",
        ),
        task(
            "T4",
            TaskKind::ConfirmCommitments,
            &["C1"],
            "Confirm with the AE, Dana the 1 timeline commitment before kickoff.",
        ),
        task(
            "T5",
            TaskKind::InviteSponsor,
            &["executive_sponsor"],
            "Invite the executive sponsor, Fiona Marsh (Chief Financial Officer), to kickoff on 2026-07-15.",
        ),
    ];
    h
}

fn state_of<'a>(b: &'a LiveBrief, id: &str) -> &'a LiveTask {
    b.tasks.iter().find(|t| t.id == id).unwrap()
}

#[test]
fn as_drafted_every_task_and_question_is_open() {
    let h = with_tasks();
    let b = live(&h);
    assert!(b.tasks.iter().all(|t| t.state == TaskState::Open));
    // Re-rendered from the decisions, the sponsor task reads as drafted.
    assert_eq!(b.tasks[4].text, h.brief.tasks[4].text);
    assert_eq!(b.questions[0].state, QuestionState::Open);
    assert_eq!(b.conflicts[0].reads, "open");
    assert_eq!(h.open_questions().count(), 1);
    assert_eq!(h.open_counts().questions, 1);
}

#[test]
fn a_resolved_conflict_closes_its_question_and_it_is_not_sent_with_a_return() {
    let mut h = with_tasks();
    let c = csm();
    resolve(
        &mut h,
        &c,
        "X1",
        Resolution::NotesStand,
        "change order CO-4",
    )
    .unwrap();
    let b = live(&h);
    assert_eq!(
        b.questions[0].state,
        QuestionState::Closed {
            reason: "X1 decided: the notes stand: a change order is needed".into()
        }
    );
    assert_eq!(h.open_questions().count(), 0);
    assert_eq!(h.open_counts().questions, 0);
    // The task asking it is done; so is the task resolving the conflict.
    assert_eq!(state_of(&b, "T2").state.word(), "done");
    assert_eq!(
        state_of(&b, "T1").state.why(),
        Some("X1 decided: the notes stand: a change order is needed (Priya, 2026-07-01)")
    );
    let change = return_to_ae(
        &mut h,
        &c,
        crate::handoff::commands::ReturnReason::Other,
        "",
    )
    .unwrap();
    let (_, payload) = &change.events[0];
    assert_eq!(payload["open_questions"].as_array().unwrap().len(), 0);
}

#[test]
fn conflict_resolutions_read_as_decided() {
    let mut h = with_tasks();
    resolve(&mut h, &csm(), "X1", Resolution::NotesStand, "CO-4").unwrap();
    let x = &live(&h).conflicts[0];
    assert_eq!(x.resolution, Some(Resolution::NotesStand));
    assert_eq!(x.reads, "the notes stand: a change order is needed");
    assert_eq!(x.note.as_deref(), Some("CO-4"));
    resolve(&mut h, &csm(), "X1", Resolution::ScopeStands, "").unwrap();
    let x = &live(&h).conflicts[0];
    assert_eq!(x.reads, "the signed scope stands");
    assert_eq!(x.note, None);
}

#[test]
fn a_moved_kickoff_moves_the_task_dates() {
    let mut h = with_tasks();
    milestone(
        &mut h,
        &csm(),
        Milestone::KickoffMoved,
        "2026-09-14".parse().unwrap(),
    )
    .unwrap();
    let b = live(&h);
    assert_eq!(b.kickoff, "2026-09-14".parse().ok());
    assert_eq!(
        state_of(&b, "T5").text,
        "Invite the executive sponsor, Fiona Marsh (Chief Financial Officer), to kickoff on 2026-09-14."
    );
}

#[test]
fn a_set_kickoff_closes_the_kickoff_question_and_the_scheduling_task() {
    let mut h = handoff();
    h.deal.kickoff = None;
    let q = h
        .items
        .iter_mut()
        .find(|i| i.kind == ItemKind::Question)
        .unwrap();
    q.about = Some("kickoff_date".into());
    h.brief.tasks = vec![task(
        "T1",
        TaskKind::ScheduleKickoff,
        &["kickoff_date"],
        "Schedule kickoff",
    )];
    assert_eq!(live(&h).questions[0].state, QuestionState::Open);
    milestone(
        &mut h,
        &csm(),
        Milestone::KickoffMoved,
        "2026-10-01".parse().unwrap(),
    )
    .unwrap();
    let b = live(&h);
    assert_eq!(b.questions[0].state.word(), "closed");
    assert_eq!(
        b.tasks[0].state.why(),
        Some("kickoff planned for 2026-10-01")
    );
}

#[test]
fn a_confirmed_criterion_shows_as_confirmed() {
    let mut h = handoff();
    h.brief.success_criteria = vec![
        Criterion {
            source: "first_value".into(),
            text: "Ops runs its weekly review in baton".into(),
            date: None,
            evidence: vec![],
        },
        Criterion {
            source: "measurable_goal".into(),
            text: "Close in 2 days".into(),
            date: None,
            evidence: vec![],
        },
    ];
    let b = live(&h);
    assert!(b.criteria.iter().all(|c| c.confirmed.is_none()));
    confirm(&mut h, &csm(), Criteria::FirstValue).unwrap();
    let b = live(&h);
    assert_eq!(
        b.criteria[0].confirmed.as_ref().map(|s| s.name.as_str()),
        Some("Priya")
    );
    assert!(b.criteria[1].confirmed.is_none());
    confirm(&mut h, &csm(), Criteria::Success).unwrap();
    assert!(live(&h).criteria.iter().all(|c| c.confirmed.is_some()));
}

#[test]
fn a_decision_against_the_ae_answer_is_flagged() {
    let mut h = with_tasks();
    let ae = ctx("Dana", Role::Ae);
    answer(
        &mut h,
        &ae,
        "Q1",
        "Confirmed with the customer; the notes stand as written",
    )
    .unwrap();
    resolve(
        &mut h,
        &csm(),
        "X1",
        Resolution::ScopeStands,
        "order form governs",
    )
    .unwrap();
    let b = live(&h);
    assert_eq!(b.contradictions.len(), 1);
    let flag = &b.contradictions[0];
    assert_eq!(
        (flag.conflict.as_str(), flag.question.as_str()),
        ("X1", "Q1")
    );
    assert_eq!(
        (flag.decided, flag.answered),
        (Resolution::ScopeStands, Resolution::NotesStand)
    );
    assert!(
        flag.text.contains("the answer to Q1 says the notes stand"),
        "{}",
        flag.text
    );
    assert_eq!(b.conflicts[0].contradicted_by.as_deref(), Some("Q1"));
    // The answered question stays answered: the answer is evidence.
    assert_eq!(b.questions[0].state.word(), "answered");
    // Deciding as the AE answered, or as clarified, is no contradiction.
    resolve(&mut h, &csm(), "X1", Resolution::NotesStand, "CO-4").unwrap();
    assert!(live(&h).contradictions.is_empty());
    resolve(&mut h, &csm(), "X1", Resolution::Clarified, "both wrong").unwrap();
    assert!(live(&h).contradictions.is_empty());
}

#[test]
fn an_answer_says_a_side_only_when_it_plainly_says_one() {
    assert_eq!(
        answer_side("The notes stand as written"),
        Some(Resolution::NotesStand)
    );
    assert_eq!(
        answer_side("we'll raise a change order"),
        Some(Resolution::NotesStand)
    );
    assert_eq!(
        answer_side("Order form governs; told Callum"),
        Some(Resolution::ScopeStands)
    );
    assert_eq!(
        answer_side("It goes ahead as signed."),
        Some(Resolution::ScopeStands)
    );
    assert_eq!(
        answer_side("Not as signed: the notes are right"),
        Some(Resolution::NotesStand)
    );
    assert_eq!(
        answer_side("The scope stands, no change order"),
        Some(Resolution::ScopeStands)
    );
    assert_eq!(answer_side("Asked the customer, will come back"), None);
    assert_eq!(
        answer_side("notes stand for X1, scope stands for the rest"),
        None
    );
}

#[test]
fn tasks_are_done_when_their_decisions_are_made() {
    let mut h = with_tasks();
    let c = csm();
    own_risk(
        &mut h,
        &c,
        "R1",
        "Dev Anand",
        "2026-07-10".parse().ok(),
        RiskStatus::Open,
    )
    .unwrap();
    review(&mut h, &c, "C1", CommitmentOutcome::Accepted, "ok").unwrap();
    let b = live(&h);
    assert_eq!(
        state_of(&b, "T3").state.why(),
        Some("R1 owned by Dev Anand, due 2026-07-10 (Priya, 2026-07-01)")
    );
    assert_eq!(
        state_of(&b, "T4").state.why(),
        Some("C1 reviewed: 1 accepted, 0 rejected")
    );
    // Still open: the conflict, the question about it, the sponsor.
    for id in ["T1", "T2", "T5"] {
        assert_eq!(state_of(&b, id).state, TaskState::Open, "{id}");
    }
}

#[test]
fn an_owner_from_the_crm_record_is_confirmed_only_by_a_reviewer() {
    let mut h = with_tasks();
    h.brief.tasks[2].kind = Some(TaskKind::ConfirmRiskOwner);
    let r1 = h.items.iter_mut().find(|i| i.id == "R1").unwrap();
    r1.decision = Decision::Risk {
        owner: "Imogen".into(),
        due: None,
        status: RiskStatus::Open,
        by: Signed {
            name: "deal.toml".into(),
            role: None,
            at: crate::handoff::test_support::at("2026-06-29T12:00:00Z"),
        },
    };
    assert_eq!(state_of(&live(&h), "T3").state, TaskState::Open);
    own_risk(&mut h, &csm(), "R1", "Imogen", None, RiskStatus::Open).unwrap();
    assert_eq!(state_of(&live(&h), "T3").state.word(), "done");
}

#[test]
fn the_ask_task_lists_only_the_questions_still_open() {
    let mut h = with_tasks();
    let mut q2 = h.item("Q1").unwrap().clone();
    q2.id = "Q2".into();
    q2.about = Some("first_value_milestone".into());
    h.items.push(q2);
    h.brief.tasks[1].from = vec!["Q1".into(), "Q2".into()];
    resolve(&mut h, &csm(), "X1", Resolution::ScopeStands, "").unwrap();
    let b = live(&h);
    assert_eq!(
        state_of(&b, "T2").text,
        "Send Q2 to the AE, Dana and record the answers before kickoff."
    );
    assert_eq!(state_of(&b, "T2").state, TaskState::Open);
}

#[test]
fn an_integration_plan_is_not_needed_once_its_promises_are_rejected() {
    let mut h = with_tasks();
    h.brief.tasks.push(task(
        "T6",
        TaskKind::PlanIntegration,
        &["C1"],
        "Plan the Sage integration (C1).",
    ));
    review(
        &mut h,
        &csm(),
        "C1",
        CommitmentOutcome::Rejected,
        "not sold",
    )
    .unwrap();
    assert_eq!(
        state_of(&live(&h), "T6").state,
        TaskState::NotNeeded {
            why: "C1 rejected".into()
        }
    );
}

#[test]
fn a_task_drafted_before_tasks_had_kinds_reads_as_drafted() {
    let mut h = with_tasks();
    h.brief.tasks[0].kind = None;
    resolve(&mut h, &csm(), "X1", Resolution::ScopeStands, "").unwrap();
    let t = &live(&h).tasks[0];
    assert_eq!(
        (t.text.as_str(), &t.state),
        (h.brief.tasks[0].text.as_str(), &TaskState::Open)
    );
}

#[test]
fn an_integration_plan_is_not_needed_once_the_scope_stands_against_its_promise() {
    let mut h = with_tasks();
    // X1's notes side is C1's line: the conflict is about that promise.
    let c1 = h.item("C1").unwrap().evidence.clone();
    let x1 = h.items.iter_mut().find(|i| i.id == "X1").unwrap();
    x1.evidence = vec![
        c1[0].clone(),
        Cite {
            file: "scope.md".into(),
            line: 9,
        },
    ];
    h.brief.tasks.push(task(
        "T6",
        TaskKind::PlanIntegration,
        &["C1"],
        "Plan the Sage integration (C1).",
    ));
    review(&mut h, &csm(), "C1", CommitmentOutcome::Accepted, "").unwrap();
    resolve(&mut h, &csm(), "X1", Resolution::NotesStand, "CO-4").unwrap();
    assert_eq!(state_of(&live(&h), "T6").state, TaskState::Open);
    resolve(&mut h, &csm(), "X1", Resolution::ScopeStands, "").unwrap();
    assert_eq!(
        state_of(&live(&h), "T6").state,
        TaskState::NotNeeded {
            why: "C1: the signed scope stands (X1)".into()
        }
    );
}

/// `with_tasks` plus a second conflict X2 (with its question Q2 and task T6)
/// and a second risk R2 (task T7).
fn with_duplicates() -> Handoff {
    use crate::handoff::test_support::item;
    let mut h = with_tasks();
    h.items.push(item(
        "X2",
        ItemKind::Conflict,
        "Recap says four weeks; scope says eight",
    ));
    let mut q2 = item("Q2", ItemKind::Question, "Which did the customer agree to?");
    q2.about = Some("X2".into());
    h.items.push(q2);
    h.items
        .push(item("R2", ItemKind::Risk, "We won the deal on price"));
    h.brief.tasks.push(task(
        "T6",
        TaskKind::ResolveConflict,
        &["X2"],
        "Resolve X2 with the AE, Dana before kickoff.",
    ));
    h.brief.tasks.push(task(
        "T7",
        TaskKind::OwnRisk,
        &["R2"],
        "Assign an owner to R2 before kickoff: We won the deal on price",
    ));
    h
}

#[test]
fn a_duplicate_reads_as_the_decision_of_the_item_it_duplicates() {
    use crate::handoff::dismiss::{Dismissal, dismiss};
    let mut h = with_duplicates();
    let c = csm();
    let dup = Dismissal::Duplicate { of: "X1".into() };
    dismiss(&mut h, &c, "X2", &dup, "the recap repeats the call").unwrap();
    // Until X1 is decided, X2's question and task stay open with it.
    let b = live(&h);
    assert_eq!(b.questions[1].state, QuestionState::Open);
    assert_eq!(state_of(&b, "T6").state, TaskState::Open);
    resolve(&mut h, &c, "X1", Resolution::ScopeStands, "").unwrap();
    let b = live(&h);
    assert_eq!(
        b.questions[1].state,
        QuestionState::Closed {
            reason: "X2 decided (as X1, its duplicate): the signed scope stands".into()
        }
    );
    assert_eq!(state_of(&b, "T6").state.word(), "done");
    let x2 = b.conflicts.iter().find(|x| x.id == "X2").unwrap();
    assert_eq!(x2.reads, "as X1 (duplicate): the signed scope stands");
    assert_eq!(h.open_questions().count(), 0);
}

#[test]
fn a_dismissed_finding_needs_no_task_and_closes_its_question() {
    use crate::handoff::dismiss::{Dismissal, dismiss};
    let mut h = with_duplicates();
    let c = csm();
    let not_risk = Dismissal::NotA {
        kind: ItemKind::Risk,
    };
    dismiss(&mut h, &c, "R2", &not_risk, "a won objection").unwrap();
    let not_conflict = Dismissal::NotA {
        kind: ItemKind::Conflict,
    };
    dismiss(&mut h, &c, "X2", &not_conflict, "same four weeks").unwrap();
    let b = live(&h);
    assert_eq!(
        state_of(&b, "T7").state,
        TaskState::NotNeeded {
            why: "R2 dismissed: not a risk (Priya, 2026-07-01)".into()
        }
    );
    assert_eq!(state_of(&b, "T6").state.word(), "not needed");
    assert_eq!(
        b.questions[1].state,
        QuestionState::Closed {
            reason: "X2 dismissed: not a conflict".into()
        }
    );
    // X1's question is still open: one dismissal closes only its own.
    assert_eq!(b.questions[0].state, QuestionState::Open);
}
