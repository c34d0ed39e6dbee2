//! Decisions that need a few answers (which outcome, a note, a date, a
//! confirmation) as small step-by-step flows. A flow asks one step at a
//! time in an overlay; when it has every answer it becomes one library
//! [`Command`]. Nothing is written before the last step.

use crate::handoff::commands::{Criteria, Milestone, ReturnReason};
use crate::handoff::dismiss::Dismissal;
use crate::handoff::items::{CommitmentOutcome, GoalKind, Resolution, RiskStatus};
use crate::handoff::{Command, Decision, Handoff, Role};
use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq)]
pub enum FlowKind {
    /// Choose accept / reject / send to AE, then a note.
    DecideCommitment,
    /// A direct key (`a`, `x`, `s`): only the note is asked.
    QuickCommitment(CommitmentOutcome),
    ResolveConflict,
    ClassifyGoal,
    OwnRisk,
    Answer,
    ReturnToAe,
    Approve,
    ConfirmCriteria(Criteria),
    Resubmit,
    Milestone,
    /// Pick the item this one duplicates, then a reason (optional).
    DismissDuplicate,
    /// Not a finding of its kind: the reason is asked.
    DismissNotAFinding,
    /// An onboarding escalation: date, severity, source (and ticket), note.
    Escalation,
    /// The selected risk came true: date, note.
    RiskMaterialised,
    /// The customer's health at day 30, 60 or 90: which day, rating, note.
    Health,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Picked(usize),
    Text(String),
    Yes,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Pick {
        title: String,
        options: Vec<String>,
        selected: usize,
    },
    Text {
        title: String,
        text: super::field::TextField,
        hint: String,
        rule: TextRule,
        error: Option<String>,
    },
    Confirm {
        message: String,
    },
}

/// What a typed answer must be before the flow takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRule {
    Any,
    NonEmpty,
    /// A date, or empty for none.
    OptionalDate,
    Date,
    /// An escalation's severity as `Severity::parse` reads it.
    Severity,
    /// A support-desk ticket, `DESK:ID`.
    Ticket,
    /// A whole number of days, at least one.
    Days,
}

impl TextRule {
    pub fn check(self, typed: &str) -> Result<(), String> {
        match self {
            TextRule::Any => Ok(()),
            TextRule::NonEmpty if typed.trim().is_empty() => Err("this cannot be empty".into()),
            TextRule::NonEmpty => Ok(()),
            TextRule::OptionalDate => parse_date(typed).map(|_| ()),
            TextRule::Date => match parse_date(typed)? {
                Some(_) => Ok(()),
                None => Err("a date is needed (YYYY-MM-DD)".into()),
            },
            TextRule::Severity => crate::handoff::outcomes::Severity::parse(typed)
                .map(|_| ())
                .ok_or_else(|| {
                    format!(
                        "{:?} is not a severity: low, medium, high or critical",
                        typed.trim()
                    )
                }),
            TextRule::Ticket => crate::handoff::outcomes::TicketRef::parse(typed)
                .map(|_| ())
                .ok_or_else(|| {
                    format!(
                        "{:?} is not a ticket: DESK:ID, e.g. zendesk:4521",
                        typed.trim()
                    )
                }),
            TextRule::Days => match typed.trim().parse::<u32>() {
                Ok(n) if n > 0 => Ok(()),
                _ => Err(format!(
                    "{:?} is not a number of days: a whole number, 1 or more",
                    typed.trim()
                )),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub kind: FlowKind,
    pub deal: String,
    pub item: Option<String>,
    pub answers: Vec<Answer>,
    /// Whether the user was asked, and agreed, to cancel the approvals the
    /// flow's command would cancel.
    pub consent: Consent,
}

/// Consent to cancel approvals of the current state: asked only when the
/// flow's command would cancel some.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Consent {
    #[default]
    NotAsked,
    /// The question is on screen; a yes answers it.
    Asked,
    Given,
}

/// What a flow needs next.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Ask(Step),
    Run(Command),
}

/// What a flow may draw on: the handoff, the team, who is acting, today.
pub struct Context<'a> {
    pub h: &'a Handoff,
    pub team: &'a [String],
    pub role: Option<Role>,
    pub today: Date,
}

const TYPE_A_NAME: &str = "Type a name…";

fn pick(title: String, options: &[&str], selected: usize) -> Next {
    Next::Ask(Step::Pick {
        title,
        options: options.iter().map(|s| s.to_string()).collect(),
        selected,
    })
}

fn text(title: String, initial: &str, hint: &str, rule: TextRule) -> Next {
    Next::Ask(Step::Text {
        title,
        text: super::field::TextField::new(initial),
        hint: hint.to_string(),
        rule,
        error: None,
    })
}

/// Parse a typed date; empty is `None`.
pub fn parse_date(s: &str) -> Result<Option<Date>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|_| format!("{s:?} is not a date: use YYYY-MM-DD"))
}

impl Flow {
    pub fn new(kind: FlowKind, deal: &str, item: Option<&str>) -> Flow {
        Flow {
            kind,
            deal: deal.to_string(),
            item: item.map(str::to_string),
            answers: vec![],
            consent: Consent::NotAsked,
        }
    }

    fn picked(&self, i: usize) -> usize {
        match self.answers.get(i) {
            Some(Answer::Picked(n)) => *n,
            _ => 0,
        }
    }

    fn typed(&self, i: usize) -> &str {
        match self.answers.get(i) {
            Some(Answer::Text(t)) => t,
            _ => "",
        }
    }

    fn id(&self) -> String {
        self.item.clone().unwrap_or_default()
    }

    /// Owner choices for a risk: the current owner, the customer's and the
    /// team's people, then free text.
    pub fn owner_options(cx: &Context, current: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |n: &str| {
            let n = n.trim();
            if !n.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                out.push(n.to_string());
            }
        };
        if let Some(c) = current {
            add(c);
        }
        for m in cx.team {
            add(m);
        }
        for d in [&cx.h.deal.csm, &cx.h.deal.ae].into_iter().flatten() {
            add(d);
        }
        for p in &cx.h.brief.stakeholders {
            add(&p.name);
        }
        out.push(TYPE_A_NAME.to_string());
        out
    }

    /// The items `id` may be a duplicate of, in the order listed: the others
    /// of its kind that are not duplicates themselves.
    pub fn duplicate_targets<'a>(h: &'a Handoff, id: &str) -> Vec<&'a crate::handoff::Item> {
        let Some(kind) = h.item(id).map(|i| i.kind) else {
            return vec![];
        };
        h.items_of(kind)
            .filter(|i| !i.id.eq_ignore_ascii_case(id) && i.decision.duplicate_of().is_none())
            .collect()
    }

    /// The next step, or the command once every answer is in.
    pub fn next(&self, cx: &Context) -> Next {
        let n = self.answers.len();
        let id = self.id();
        let item = cx.h.item(&id);
        let note = item
            .and_then(|i| i.decision.note())
            .unwrap_or("")
            .to_string();
        // The note of the decision in place, offered only to edit that same
        // decision: a reversal starts blank, never saved with the note that
        // justified the opposite.
        let (outcome_now, resolution_now) = match item.map(|i| &i.decision) {
            Some(Decision::Commitment { outcome, .. }) => (Some(*outcome), None),
            Some(Decision::Conflict { resolution, .. }) => (None, Some(*resolution)),
            _ => (None, None),
        };
        let note_if = |same: bool| if same { note.as_str() } else { "" };
        const OUTCOMES: [CommitmentOutcome; 3] = [
            CommitmentOutcome::Accepted,
            CommitmentOutcome::Rejected,
            CommitmentOutcome::SentToAe,
        ];
        const RESOLUTIONS: [Resolution; 3] = [
            Resolution::ScopeStands,
            Resolution::NotesStand,
            Resolution::Clarified,
        ];
        match &self.kind {
            FlowKind::DecideCommitment => match n {
                0 => pick(
                    format!("Decide {id}"),
                    &["Accept", "Reject", "Send to AE"],
                    0,
                ),
                1 => text(
                    format!("Note on {id}"),
                    note_if(outcome_now == Some(OUTCOMES[self.picked(0).min(2)])),
                    "optional; Enter to save",
                    TextRule::Any,
                ),
                _ => Next::Run(Command::Review {
                    item: id,
                    outcome: OUTCOMES[self.picked(0).min(2)],
                    note: self.typed(1).to_string(),
                }),
            },
            FlowKind::QuickCommitment(outcome) => match n {
                0 => {
                    let verb = match outcome {
                        CommitmentOutcome::Accepted => "Accept",
                        CommitmentOutcome::Rejected => "Reject",
                        CommitmentOutcome::SentToAe => "Send to AE",
                    };
                    text(
                        format!("{verb} {id}: note"),
                        note_if(outcome_now == Some(*outcome)),
                        "optional; Enter to save",
                        TextRule::Any,
                    )
                }
                _ => Next::Run(Command::Review {
                    item: id,
                    outcome: *outcome,
                    note: self.typed(0).to_string(),
                }),
            },
            FlowKind::ResolveConflict => match n {
                0 => pick(
                    format!("Resolve {id}"),
                    &[
                        "The signed scope stands",
                        "The notes stand",
                        "Clarified with the customer",
                    ],
                    0,
                ),
                1 => text(
                    format!("Note on {id}"),
                    note_if(resolution_now == Some(RESOLUTIONS[self.picked(0).min(2)])),
                    "what was decided, with whom",
                    TextRule::Any,
                ),
                _ => Next::Run(Command::Resolve {
                    item: id,
                    resolution: RESOLUTIONS[self.picked(0).min(2)],
                    note: self.typed(1).to_string(),
                }),
            },
            FlowKind::ClassifyGoal => match n {
                0 => {
                    let user = item.and_then(|i| i.goal_kind()) == Some(GoalKind::User);
                    pick(
                        format!("{id} is a"),
                        &[
                            "Buyer goal (business outcome)",
                            "User requirement (workflow)",
                        ],
                        usize::from(user),
                    )
                }
                _ => Next::Run(Command::ClassifyGoal {
                    item: id,
                    kind: [GoalKind::Buyer, GoalKind::User][self.picked(0).min(1)],
                }),
            },
            FlowKind::OwnRisk => {
                let (owner, due, status) = match item.map(|i| &i.decision) {
                    Some(Decision::Risk {
                        owner, due, status, ..
                    }) => (Some(owner.as_str()), *due, *status),
                    _ => (None, None, RiskStatus::Open),
                };
                let options = Self::owner_options(cx, owner);
                let typed_name = self.picked(0) + 1 == options.len();
                // With a typed name the answers are: pick, name, due, status.
                let base = usize::from(typed_name);
                match n {
                    0 => Next::Ask(Step::Pick {
                        title: format!("Owner of {id}"),
                        options,
                        selected: 0,
                    }),
                    1 if typed_name => {
                        text(format!("Owner of {id}"), "", "a name", TextRule::NonEmpty)
                    }
                    _ if n == 1 + base => text(
                        format!("{id} due"),
                        &due.map(|d| d.to_string()).unwrap_or_default(),
                        "YYYY-MM-DD, or empty for none",
                        TextRule::OptionalDate,
                    ),
                    _ if n == 2 + base => pick(
                        format!("{id} status"),
                        &["Open", "Mitigated", "Accepted"],
                        match status {
                            RiskStatus::Open => 0,
                            RiskStatus::Mitigated => 1,
                            RiskStatus::Accepted => 2,
                        },
                    ),
                    _ => {
                        let name = if typed_name {
                            self.typed(1).to_string()
                        } else {
                            options.get(self.picked(0)).cloned().unwrap_or_default()
                        };
                        Next::Run(Command::OwnRisk {
                            item: id,
                            owner: name,
                            due: parse_date(self.typed(1 + base)).ok().flatten(),
                            status: [
                                RiskStatus::Open,
                                RiskStatus::Mitigated,
                                RiskStatus::Accepted,
                            ][self.picked(2 + base).min(2)],
                        })
                    }
                }
            }
            FlowKind::Answer => match n {
                0 => text(
                    format!("Answer {id}"),
                    &note,
                    "what the AE said",
                    TextRule::NonEmpty,
                ),
                _ => Next::Run(Command::Answer {
                    item: id,
                    text: self.typed(0).to_string(),
                }),
            },
            FlowKind::ReturnToAe => match n {
                0 => pick(
                    format!("Return {} to the AE because", self.deal),
                    &[
                        "Missing context",
                        "Scope conflict",
                        "No first-value criteria",
                        "Other",
                    ],
                    0,
                ),
                1 => text(
                    "Note for the AE".into(),
                    "",
                    "what you need from them",
                    TextRule::Any,
                ),
                2 => Next::Ask(Step::Confirm {
                    message: format!(
                        "Return {} to the AE with {} open question(s)? The return is recorded and counts in the metrics.",
                        self.deal,
                        cx.h.open_questions().count()
                    ),
                }),
                _ => Next::Run(Command::ReturnToAe {
                    reason: [
                        ReturnReason::MissingContext,
                        ReturnReason::ScopeConflict,
                        ReturnReason::NoFirstValue,
                        ReturnReason::Other,
                    ][self.picked(0).min(3)],
                    note: self.typed(1).to_string(),
                }),
            },
            // One approval per person, in their own role: nothing to pick.
            // A missing role is refused before the flow starts (precheck).
            FlowKind::Approve => {
                let role = cx.role.unwrap_or(Role::Csm);
                match n {
                    0 => Next::Ask(Step::Confirm {
                        message: format!(
                            "Approve {} as {}? The approval covers the review state {}; any later change invalidates it.",
                            self.deal,
                            role.as_str().to_uppercase(),
                            &crate::handoff::review_hash(cx.h)[..12]
                        ),
                    }),
                    _ => Next::Run(Command::Approve(role)),
                }
            }
            FlowKind::ConfirmCriteria(which) => match n {
                0 => Next::Ask(Step::Confirm {
                    message: format!(
                        "Confirm the {} of {} as written?",
                        match which {
                            Criteria::Success => "success criteria",
                            Criteria::FirstValue => "first-value criteria",
                        },
                        self.deal
                    ),
                }),
                _ => Next::Run(Command::Confirm(*which)),
            },
            FlowKind::Resubmit => match n {
                0 => Next::Ask(Step::Confirm {
                    message: format!("Record that the AE resubmitted {}?", self.deal),
                }),
                _ => Next::Run(Command::Resubmit { via: "tui".into() }),
            },
            FlowKind::DismissDuplicate => {
                let targets = Self::duplicate_targets(cx.h, &id);
                match n {
                    0 => {
                        let options: Vec<String> = targets
                            .iter()
                            // One line each in the prompt box (64 wide).
                            .map(|t| format!("{} {}", t.id, crate::draft::clip(&t.text, 50)))
                            .collect();
                        Next::Ask(Step::Pick {
                            title: format!("{id} says the same claim as"),
                            options,
                            selected: 0,
                        })
                    }
                    1 => text(
                        format!("Why is {id} a duplicate?"),
                        "",
                        "optional; Enter to save",
                        TextRule::Any,
                    ),
                    _ => Next::Run(Command::Dismiss {
                        item: id,
                        dismissal: Dismissal::Duplicate {
                            of: targets
                                .get(self.picked(0))
                                .map(|t| t.id.clone())
                                .unwrap_or_default(),
                        },
                        reason: self.typed(1).to_string(),
                    }),
                }
            }
            FlowKind::DismissNotAFinding => {
                let kind = item.map_or(crate::handoff::ItemKind::Risk, |i| i.kind);
                match n {
                    0 => text(
                        format!("{id} is not a {}: why?", kind.as_str()),
                        "",
                        "the reason, kept with the dismissal",
                        TextRule::NonEmpty,
                    ),
                    _ => Next::Run(Command::Dismiss {
                        item: id,
                        dismissal: Dismissal::NotA { kind },
                        reason: self.typed(0).to_string(),
                    }),
                }
            }
            FlowKind::Escalation | FlowKind::RiskMaterialised | FlowKind::Health => {
                outcome::next(self, cx)
            }
            FlowKind::Milestone => match n {
                0 => pick(
                    format!("Milestone for {}", self.deal),
                    &["Kickoff held", "Kickoff moved", "First value reached"],
                    0,
                ),
                1 => text(
                    "On (YYYY-MM-DD)".into(),
                    &cx.today.to_string(),
                    "the date",
                    TextRule::Date,
                ),
                _ => Next::Run(Command::Milestone {
                    which: [
                        Milestone::KickoffHeld,
                        Milestone::KickoffMoved,
                        Milestone::FirstValueReached,
                    ][self.picked(0).min(2)],
                    date: parse_date(self.typed(1)).ok().flatten().unwrap_or(cx.today),
                }),
            },
        }
    }
}

// The outcome flows (escalation, risk come true, health) live apart to keep
// this file readable; as a child module they use the step helpers above.
#[path = "flow_outcome.rs"]
mod outcome;

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
