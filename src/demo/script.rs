//! The demo's story, as data: who did what to which sample deal, and when.
//! Acts are generic ("accept every pending commitment") and expand to the
//! commands the handoff needs at that moment, so the story survives changes
//! to what the analysis finds.

use crate::handoff::commands::{Criteria, Milestone, ReturnReason};
use crate::handoff::items::{CommitmentOutcome, Resolution, RiskStatus};
use crate::handoff::outcomes::{
    Checkpoint, Escalation, Health, HealthCheck, Outcome, Severity, Source,
};
use crate::handoff::{Command, Decision, Handoff, ItemKind, Role};
use jiff::civil::Date;

pub enum Act {
    Import,
    /// Accept the first `n` pending commitments (all with `usize::MAX`).
    AcceptCommitments(usize),
    /// Every pending conflict: the signed scope stands.
    ResolveConflicts,
    /// Every unowned risk gets this owner, due two weeks after the step.
    OwnRisks(&'static str),
    AnswerQuestions,
    ConfirmCriteria,
    Return(ReturnReason, &'static str),
    Resubmit,
    Approve(Role),
    KickoffMoved(&'static str),
    KickoffHeld(&'static str),
    FirstValueReached(&'static str),
    /// An escalation on a date, of a severity, from a source, with a note.
    Escalation(&'static str, Severity, Source, &'static str),
    /// The handoff's first risk came true on a date.
    RiskMaterialised(&'static str, &'static str),
    Health(Checkpoint, Health, &'static str),
}

pub struct Step {
    pub bundle: &'static str,
    pub at: &'static str,
    pub who: &'static str,
    pub role: Option<Role>,
    pub act: Act,
}

const fn step(
    bundle: &'static str,
    at: &'static str,
    who: &'static str,
    role: Option<Role>,
    act: Act,
) -> Step {
    Step {
        bundle,
        at,
        who,
        role,
        act,
    }
}

const LARKSPUR: &str = "larkspur-architects-resourcing";
const VREDEBORG: &str = "vredeborg-metaal-oee-study";
const BRANNOCK: &str = "brannock-hotels-procurement";
const BELLBIRD: &str = "bellbird-garden-centres-rostering";
const SALTMARSH: &str = "saltmarsh-home-health-evv";
const HOLLOW_OAK: &str = "hollow-oak-cidery-minimal";

const IMPORT: Option<Role> = None;
const CSM: Option<Role> = Some(Role::Csm);
const AE: Option<Role> = Some(Role::Ae);
const ALL: usize = usize::MAX;

/// In time order, ending on the demo clock.
pub static STORY: &[Step] = &[
    // Returned for missing context, answered and resubmitted, still in review.
    step(
        VREDEBORG,
        "2026-03-06T18:00:00Z",
        "baton import",
        IMPORT,
        Act::Import,
    ),
    step(
        VREDEBORG,
        "2026-03-10T09:00:00Z",
        "Priya Raman",
        CSM,
        Act::AcceptCommitments(2),
    ),
    step(
        VREDEBORG,
        "2026-03-10T09:20:00Z",
        "Priya Raman",
        CSM,
        Act::Return(
            ReturnReason::MissingContext,
            "No CSM, kickoff date or first-value milestone in the record: who agreed what with the plant manager?",
        ),
    ),
    step(
        VREDEBORG,
        "2026-03-13T14:00:00Z",
        "Bas Hoekstra",
        AE,
        Act::AnswerQuestions,
    ),
    step(
        VREDEBORG,
        "2026-03-13T14:05:00Z",
        "Bas Hoekstra",
        AE,
        Act::Resubmit,
    ),
    step(
        VREDEBORG,
        "2026-03-16T10:00:00Z",
        "Priya Raman",
        CSM,
        Act::OwnRisks("Priya Raman"),
    ),
    // Reviewed, approved, kicked off and first value reached.
    step(
        LARKSPUR,
        "2026-04-03T17:00:00Z",
        "baton import",
        IMPORT,
        Act::Import,
    ),
    step(
        LARKSPUR,
        "2026-04-06T10:00:00Z",
        "Owen Tremblay",
        CSM,
        Act::AcceptCommitments(ALL),
    ),
    step(
        LARKSPUR,
        "2026-04-06T10:30:00Z",
        "Owen Tremblay",
        CSM,
        Act::ResolveConflicts,
    ),
    step(
        LARKSPUR,
        "2026-04-06T10:40:00Z",
        "Owen Tremblay",
        CSM,
        Act::OwnRisks("Owen Tremblay"),
    ),
    step(
        LARKSPUR,
        "2026-04-07T09:30:00Z",
        "Owen Tremblay",
        CSM,
        Act::AnswerQuestions,
    ),
    step(
        LARKSPUR,
        "2026-04-07T09:45:00Z",
        "Owen Tremblay",
        CSM,
        Act::ConfirmCriteria,
    ),
    step(
        LARKSPUR,
        "2026-04-08T15:00:00Z",
        "Noor Haddad",
        AE,
        Act::Approve(Role::Ae),
    ),
    step(
        LARKSPUR,
        "2026-04-09T11:00:00Z",
        "Owen Tremblay",
        CSM,
        Act::Approve(Role::Csm),
    ),
    step(
        LARKSPUR,
        "2026-04-20T16:00:00Z",
        "Owen Tremblay",
        CSM,
        Act::KickoffHeld("2026-04-20"),
    ),
    // After kickoff: a blank report the night before the partners' meeting,
    // amber at day 30.
    step(
        LARKSPUR,
        "2026-05-12T17:30:00Z",
        "Owen Tremblay",
        CSM,
        Act::Escalation(
            "2026-05-12",
            Severity::High,
            Source::Email,
            "The partners saw a blank resourcing report the night before their meeting",
        ),
    ),
    step(
        LARKSPUR,
        "2026-05-20T10:00:00Z",
        "Owen Tremblay",
        CSM,
        Act::Health(
            Checkpoint::Day30,
            Health::Amber,
            "Trust dented by the blank report",
        ),
    ),
    step(
        LARKSPUR,
        "2026-06-02T12:00:00Z",
        "Owen Tremblay",
        CSM,
        Act::FirstValueReached("2026-06-02"),
    ),
    step(
        LARKSPUR,
        "2026-06-19T10:00:00Z",
        "Owen Tremblay",
        CSM,
        Act::Health(
            Checkpoint::Day60,
            Health::Green,
            "Weekly resourcing review runs in baton",
        ),
    ),
    // Approved; the customer moved the kickoff past its planned date.
    step(
        BRANNOCK,
        "2026-06-29T12:00:00Z",
        "baton import",
        IMPORT,
        Act::Import,
    ),
    step(
        BRANNOCK,
        "2026-07-01T09:00:00Z",
        "Dev Anand",
        CSM,
        Act::AcceptCommitments(ALL),
    ),
    step(
        BRANNOCK,
        "2026-07-01T09:40:00Z",
        "Dev Anand",
        CSM,
        Act::OwnRisks("Dev Anand"),
    ),
    step(
        BRANNOCK,
        "2026-07-02T10:00:00Z",
        "Dev Anand",
        CSM,
        Act::ResolveConflicts,
    ),
    step(
        BRANNOCK,
        "2026-07-02T10:30:00Z",
        "Imogen Latchford",
        AE,
        Act::AnswerQuestions,
    ),
    step(
        BRANNOCK,
        "2026-07-03T16:00:00Z",
        "Dev Anand",
        CSM,
        Act::ConfirmCriteria,
    ),
    step(
        BRANNOCK,
        "2026-07-06T11:00:00Z",
        "Imogen Latchford",
        AE,
        Act::Approve(Role::Ae),
    ),
    step(
        BRANNOCK,
        "2026-07-06T15:00:00Z",
        "Dev Anand",
        CSM,
        Act::Approve(Role::Csm),
    ),
    step(
        BRANNOCK,
        "2026-07-10T09:00:00Z",
        "Dev Anand",
        CSM,
        Act::KickoffMoved("2026-09-14"),
    ),
    step(
        LARKSPUR,
        "2026-07-19T10:00:00Z",
        "Owen Tremblay",
        CSM,
        Act::Health(Checkpoint::Day90, Health::Green, ""),
    ),
    // Before its moved kickoff, Brannock's COO goes over the team's head.
    step(
        BRANNOCK,
        "2026-08-20T15:00:00Z",
        "Dev Anand",
        CSM,
        Act::Escalation(
            "2026-08-20",
            Severity::Critical,
            Source::Executive,
            "The COO called our CEO: the moved kickoff clashes with their peak season",
        ),
    ),
    step(
        BRANNOCK,
        "2026-08-20T15:10:00Z",
        "Dev Anand",
        CSM,
        Act::RiskMaterialised("2026-08-20", "Their peak season now overlaps the rollout"),
    ),
    // Returned to the AE, kickoff days away.
    step(
        BELLBIRD,
        "2026-08-21T17:30:00Z",
        "baton import",
        IMPORT,
        Act::Import,
    ),
    step(
        BELLBIRD,
        "2026-08-24T10:00:00Z",
        "Liam O'Dea",
        CSM,
        Act::AcceptCommitments(3),
    ),
    step(
        BELLBIRD,
        "2026-08-24T10:20:00Z",
        "Liam O'Dea",
        CSM,
        Act::OwnRisks("Liam O'Dea"),
    ),
    step(
        BELLBIRD,
        "2026-08-25T09:00:00Z",
        "Liam O'Dea",
        CSM,
        Act::Return(
            ReturnReason::MissingContext,
            "No first-value milestone, and the notes promise a site the order form does not list.",
        ),
    ),
    // Review under way.
    step(
        SALTMARSH,
        "2026-09-03T15:00:00Z",
        "baton import",
        IMPORT,
        Act::Import,
    ),
    step(
        SALTMARSH,
        "2026-09-04T08:30:00Z",
        "Marisol Quintero",
        CSM,
        Act::AcceptCommitments(2),
    ),
    // Just arrived.
    step(
        HOLLOW_OAK,
        "2026-09-04T08:45:00Z",
        "baton import",
        IMPORT,
        Act::Import,
    ),
];

fn date(s: &str) -> Date {
    s.parse().expect("the story's dates are valid")
}

/// What `act` takes on `h` as it stands.
pub fn commands(act: &Act, h: &Handoff, at: jiff::Timestamp) -> Vec<Command> {
    let pending = |kind| {
        h.items_of(kind)
            .filter(|i| matches!(i.decision, Decision::Pending))
            .map(|i| i.id.clone())
    };
    match act {
        Act::Import => vec![],
        Act::AcceptCommitments(n) => pending(ItemKind::Commitment)
            .take(*n)
            .map(|item| Command::Review {
                item,
                outcome: CommitmentOutcome::Accepted,
                note: "Checked with the AE; in the kickoff plan".into(),
            })
            .collect(),
        Act::ResolveConflicts => pending(ItemKind::Conflict)
            .map(|item| Command::Resolve {
                item,
                resolution: Resolution::ScopeStands,
                note: "The signed scope governs; the AE told the customer".into(),
            })
            .collect(),
        Act::OwnRisks(owner) => {
            let due = at
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date()
                .checked_add(jiff::Span::new().days(14))
                .ok();
            pending(ItemKind::Risk)
                .map(|item| Command::OwnRisk {
                    item,
                    owner: owner.to_string(),
                    due,
                    status: RiskStatus::Open,
                })
                .collect()
        }
        Act::AnswerQuestions => pending(ItemKind::Question)
            .map(|item| Command::Answer {
                item,
                text: "Confirmed with the customer on a call; the notes stand as written".into(),
            })
            .collect(),
        Act::ConfirmCriteria => vec![
            Command::Confirm(Criteria::Success),
            Command::Confirm(Criteria::FirstValue),
        ],
        Act::Return(reason, note) => vec![Command::ReturnToAe {
            reason: *reason,
            note: note.to_string(),
        }],
        Act::Resubmit => vec![Command::Resubmit { via: "demo".into() }],
        Act::Approve(role) => vec![Command::Approve(*role)],
        Act::KickoffMoved(d) => vec![Command::Milestone {
            which: Milestone::KickoffMoved,
            date: date(d),
        }],
        Act::KickoffHeld(d) => vec![Command::Milestone {
            which: Milestone::KickoffHeld,
            date: date(d),
        }],
        Act::FirstValueReached(d) => vec![Command::Milestone {
            which: Milestone::FirstValueReached,
            date: date(d),
        }],
        Act::Escalation(d, severity, source, note) => {
            vec![Command::Outcome(Outcome::Escalation(Escalation {
                date: date(d),
                severity: *severity,
                source: *source,
                ticket: None,
                note: note.to_string(),
            }))]
        }
        Act::RiskMaterialised(d, note) => h
            .items_of(ItemKind::Risk)
            .take(1)
            .map(|risk| {
                Command::Outcome(Outcome::RiskMaterialised {
                    item: risk.id.clone(),
                    date: date(d),
                    note: note.to_string(),
                })
            })
            .collect(),
        Act::Health(day, health, note) => vec![Command::Outcome(Outcome::Health(HealthCheck {
            day: *day,
            health: *health,
            note: note.to_string(),
        }))],
    }
}
