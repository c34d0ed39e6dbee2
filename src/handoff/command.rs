//! Every review action as one value: the CLI parses its arguments into a
//! [`Command`], the TUI maps a key (and whatever was typed in place) to one,
//! and both hand it to `Workspace::run`. That is the one write path.

use super::commands::{self, Change, Criteria, Milestone, ReturnReason};
use super::dismiss::Dismissal;
use super::items::{CommitmentOutcome, GoalKind, Resolution, RiskStatus};
use super::outcomes::{self, Outcome};
use super::refusal::DomainError;
use super::{Ctx, Handoff, Role};
use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Accept, reject or send a commitment to the AE.
    Review {
        item: String,
        outcome: CommitmentOutcome,
        note: String,
    },
    /// Decide which side of a conflict stands.
    Resolve {
        item: String,
        resolution: Resolution,
        note: String,
    },
    /// Give a risk an owner, a due date and a status.
    OwnRisk {
        item: String,
        owner: String,
        due: Option<Date>,
        status: RiskStatus,
    },
    Answer {
        item: String,
        text: String,
    },
    ClassifyGoal {
        item: String,
        kind: GoalKind,
    },
    /// Set a finding aside: a duplicate of another item, or no finding.
    Dismiss {
        item: String,
        dismissal: Dismissal,
        reason: String,
    },
    Confirm(Criteria),
    ReturnToAe {
        reason: ReturnReason,
        note: String,
    },
    /// `via` says where the resubmission came from (`command`, `tui`).
    Resubmit {
        via: String,
    },
    /// Approve for the acting role.
    Approve(Role),
    Milestone {
        which: Milestone,
        date: Date,
    },
    /// Record what happened after the handoff: an escalation, a risk that
    /// came true, the customer's health at day 30/60/90.
    Outcome(Outcome),
}

impl Command {
    /// The review item the command decides, if it decides one.
    pub fn item(&self) -> Option<&str> {
        match self {
            Command::Review { item, .. }
            | Command::Resolve { item, .. }
            | Command::OwnRisk { item, .. }
            | Command::Answer { item, .. }
            | Command::ClassifyGoal { item, .. }
            | Command::Dismiss { item, .. } => Some(item),
            Command::Outcome(o) => o.item(),
            _ => None,
        }
    }

    /// The command with its free text cleaned ([`crate::text`]'s sanitiser):
    /// notes and answers may span lines, names and ids are one line. Whatever
    /// was typed (a CLI argument, a TUI field), no escape sequence, control
    /// character or bidi override is stored, hashed or logged.
    pub fn sanitized(&self) -> Command {
        use crate::text::{sanitize, sanitize_line};
        let mut c = self.clone();
        match &mut c {
            Command::Review { item, note, .. } | Command::Resolve { item, note, .. } => {
                *item = sanitize_line(item);
                *note = sanitize(note);
            }
            Command::OwnRisk { item, owner, .. } => {
                *item = sanitize_line(item);
                *owner = sanitize_line(owner);
            }
            Command::Answer { item, text } => {
                *item = sanitize_line(item);
                *text = sanitize(text);
            }
            Command::ClassifyGoal { item, .. } => *item = sanitize_line(item),
            Command::Dismiss {
                item,
                dismissal,
                reason,
            } => {
                *item = sanitize_line(item);
                if let Dismissal::Duplicate { of } = dismissal {
                    *of = sanitize_line(of);
                }
                *reason = sanitize(reason);
            }
            Command::ReturnToAe { note, .. } => *note = sanitize(note),
            Command::Resubmit { via } => *via = sanitize_line(via),
            Command::Outcome(o) => *o = o.sanitized(),
            Command::Confirm(_) | Command::Approve(_) | Command::Milestone { .. } => {}
        }
        c
    }

    /// Run the command on a handoff in memory.
    pub fn apply(&self, h: &mut Handoff, ctx: &Ctx) -> Result<Change, DomainError> {
        match self {
            Command::Review {
                item,
                outcome,
                note,
            } => commands::review(h, ctx, item, *outcome, note),
            Command::Resolve {
                item,
                resolution,
                note,
            } => commands::resolve(h, ctx, item, *resolution, note),
            Command::OwnRisk {
                item,
                owner,
                due,
                status,
            } => commands::own_risk(h, ctx, item, owner, *due, *status),
            Command::Answer { item, text } => commands::answer(h, ctx, item, text),
            Command::ClassifyGoal { item, kind } => commands::classify_goal(h, ctx, item, *kind),
            Command::Dismiss {
                item,
                dismissal,
                reason,
            } => super::dismiss::dismiss(h, ctx, item, dismissal, reason),
            Command::Confirm(which) => commands::confirm(h, ctx, *which),
            Command::ReturnToAe { reason, note } => commands::return_to_ae(h, ctx, *reason, note),
            Command::Resubmit { via } => commands::resubmit(h, ctx, via),
            Command::Approve(role) => commands::approve(h, ctx, *role),
            Command::Milestone { which, date } => commands::milestone(h, ctx, *which, *date),
            Command::Outcome(o) => outcomes::record(h, ctx, o),
        }
    }
}
