//! The handoff lifecycle as plain domain types and rules, with no storage and no
//! terminal: review items derived from the analysis, the decisions a reviewer
//! records on them, the gates that must pass before sign-off, the approval hash,
//! and the status a handoff is in.
//!
//! Every state change is one function in [`commands`] that mutates a [`Handoff`]
//! in memory and returns the events it caused; the workspace runs it inside one
//! SQLite transaction, so the CLI and the TUI share one write path.

pub mod approval;
pub mod command;
pub mod commands;
mod describe;
pub mod dismiss;
pub mod events;
pub mod events_csv;
pub mod gates;
pub mod items;
pub mod labelled;
pub mod live;
mod mentions;
pub mod outcomes;
mod refusal;
pub mod status;

pub use approval::{Approval, is_approved, may_approve, review_hash};
pub use command::Command;
pub use commands::Change;
pub use describe::describe;
pub use events::{Event, EventKind};
pub use gates::{Gate, gates};
pub use items::{BriefSnapshot, Cite, Decision, Item, ItemKind, fingerprint};
pub use live::{LiveBrief, live};
pub use outcomes::{Outcome, Outcomes};
pub use refusal::DomainError;
pub use status::Status;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Which side of the handoff someone signs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The account executive: owns the sales-side answers.
    Ae,
    /// The customer success manager: owns the handoff.
    Csm,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Ae => "ae",
            Role::Csm => "csm",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ae" => Some(Role::Ae),
            "csm" => Some(Role::Csm),
            _ => None,
        }
    }
}

/// Who does something. The role is absent for machine actions (an import run
/// with no identity configured).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    pub role: Option<Role>,
}

/// Who recorded a decision, and when: kept with the decision as its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signed {
    pub name: String,
    pub role: Option<Role>,
    pub at: Timestamp,
}

/// The actor and the time of one command: every command takes one, with
/// the team the workspace's users configured (who may sign for which side
/// besides the deal's own AE and CSM).
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: Actor,
    pub now: Timestamp,
    pub team: Team,
    /// The actor agreed that this change may cancel approvals of the
    /// current state (`--invalidate-approvals`, a yes in the TUI).
    pub may_invalidate_approvals: bool,
}

/// People who may sign for a side of any handoff: `[team]` in config.toml
/// (`"Dana Smith" = "ae"`). The deal's own AE and CSM need no entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Team {
    members: Vec<(String, Role)>,
}

impl Team {
    /// The team of `[team] ae = [...]` and `csm = [...]`: blank names dropped.
    pub fn from_roles(ae: &[String], csm: &[String]) -> Self {
        let named = |names: &[String], role: Role| -> Vec<(String, Role)> {
            names
                .iter()
                .map(|n| crate::text::sanitize_line(n.trim()).trim().to_string())
                .filter(|n| !n.is_empty())
                .map(|n| (n, role))
                .collect()
        };
        let mut members = named(ae, Role::Ae);
        members.extend(named(csm, Role::Csm));
        Self { members }
    }

    /// The team and `name` signing for `role`.
    pub fn with(mut self, name: &str, role: Role) -> Self {
        self.members.push((name.trim().to_string(), role));
        self
    }

    /// Everyone on the team, in the order configured.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(n, _)| n.as_str())
    }

    /// The role `name` is configured with, if any.
    pub fn role_of(&self, name: &str) -> Option<Role> {
        self.members
            .iter()
            .find(|(n, _)| same_person(n, name))
            .map(|(_, r)| *r)
    }
}

/// Whether two written names are one person: case and spacing aside
/// ("dev  anand" is "Dev Anand").
pub fn same_person(a: &str, b: &str) -> bool {
    same_words(a, b)
}

/// Whether two texts say the same words, case and spacing aside; an empty
/// text is the same as nothing.
pub fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

impl Ctx {
    /// `actor` acting at `now`, with no team and no consent to cancel
    /// approvals: what a one-off command or a test starts from.
    pub fn new(actor: Actor, now: Timestamp) -> Ctx {
        Ctx {
            actor,
            now,
            team: Team::default(),
            may_invalidate_approvals: false,
        }
    }

    /// The context with the actor's name cleaned ([`crate::text::sanitize_line`]):
    /// a name typed with `--as`, read from config.toml or typed in the TUI may
    /// hold escape sequences, and it is stored and shown with every decision.
    pub fn sanitized(&self) -> Ctx {
        Ctx {
            actor: Actor {
                name: crate::text::sanitize_line(&self.actor.name),
                role: self.actor.role,
            },
            now: self.now,
            team: self.team.clone(),
            may_invalidate_approvals: self.may_invalidate_approvals,
        }
    }

    pub fn signed(&self) -> Signed {
        Signed {
            name: self.actor.name.clone(),
            role: self.actor.role,
            at: self.now,
        }
    }
}

/// The CRM facts a handoff carries (from `deal.toml`, latest revision).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    pub id: String,
    pub name: Option<String>,
    pub account: Option<String>,
    pub segment: Option<String>,
    pub ae: Option<String>,
    pub csm: Option<String>,
    pub closed_on: Option<Date>,
    /// The planned kickoff, moved by `kickoff_moved` milestones.
    pub kickoff: Option<Date>,
    pub first_value_date: Option<Date>,
    pub first_value_criteria: Option<String>,
}

/// What evidence the current revision holds (decision rule: notes and signed scope).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sources {
    pub notes_files: u32,
    pub scope_file: Option<String>,
}

/// Dated milestones after sign-off.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Milestones {
    pub kickoff_held: Option<Date>,
    pub first_value_reached: Option<Date>,
}

/// How much review a handoff has left. Kept on the `deals` row so the queue
/// reads one table; migration 2 computes the same counts in SQL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCounts {
    /// Commitments pending or sent to the AE.
    pub commitments: u32,
    /// Conflicts nobody has resolved.
    pub conflicts: u32,
    /// Open risks without an owner.
    pub unowned_risks: u32,
    /// Questions for the AE not answered yet.
    pub questions: u32,
}

/// One handoff: a deal's latest revision with its review state.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Handoff {
    pub deal: Deal,
    pub status: Status,
    /// 1 for the first import; each changed import adds one.
    pub revision: u32,
    /// SHA-256 over every file of the revision: what "unchanged" means on import.
    pub content_hash: String,
    pub brief: BriefSnapshot,
    pub items: Vec<Item>,
    pub success_confirmed: Option<Signed>,
    pub first_value_confirmed: Option<Signed>,
    pub sources: Sources,
    pub milestones: Milestones,
    /// Approvals not (yet) invalidated.
    pub approvals: Vec<Approval>,
    /// Escalations, risks that came true and health readings after the
    /// handoff: read from the event log (`outcomes`).
    #[serde(default)]
    pub outcomes: Outcomes,
}

impl Handoff {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id.eq_ignore_ascii_case(id))
    }

    pub fn items_of(&self, kind: ItemKind) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.kind == kind)
    }

    /// The items a reviewer dismissed as duplicates of `id`: its decision
    /// covers them.
    pub fn duplicates_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Item> {
        self.items
            .iter()
            .filter(move |i| i.decision.duplicate_of() == Some(id))
    }

    /// Questions neither answered nor settled by a decision (a resolved
    /// conflict closes its question): what goes back to the AE with a return.
    pub fn open_questions(&self) -> impl Iterator<Item = &Item> {
        self.items_of(ItemKind::Question)
            .filter(|q| live::question_state(self, q) == live::QuestionState::Open)
    }

    /// What is left to review, as the queue counts it.
    pub fn open_counts(&self) -> OpenCounts {
        let mut c = OpenCounts::default();
        let open = |i: &Item| match i.kind {
            ItemKind::Question => live::question_state(self, i) == live::QuestionState::Open,
            _ => i.needs_decision(),
        };
        for i in self.items.iter().filter(|i| open(i)) {
            match i.kind {
                ItemKind::Commitment => c.commitments += 1,
                ItemKind::Conflict => c.conflicts += 1,
                ItemKind::Risk => c.unowned_risks += 1,
                ItemKind::Question => c.questions += 1,
                ItemKind::Goal => {}
            }
        }
        c
    }

    /// Whether any reviewer has recorded anything yet.
    pub fn touched(&self) -> bool {
        self.items
            .iter()
            .any(|i| !matches!(i.decision, Decision::Pending))
            || self.success_confirmed.is_some()
            || self.first_value_confirmed.is_some()
            || !self.approvals.is_empty()
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    pub fn ctx(name: &str, role: Role) -> Ctx {
        Ctx {
            actor: Actor {
                name: name.into(),
                role: Some(role),
            },
            now: at("2026-07-01T09:00:00Z"),
            team: Team::default(),
            may_invalidate_approvals: false,
        }
    }

    pub fn item(id: &str, kind: ItemKind, text: &str) -> Item {
        Item {
            id: id.into(),
            kind,
            category: None,
            about: None,
            text: text.into(),
            evidence: vec![Cite {
                file: "notes/a.md".into(),
                line: 3,
            }],
            fingerprint: fingerprint(kind, text),
            mentions: vec![],
            decision: Decision::Pending,
        }
    }

    /// A handoff with one item of each kind, nothing decided.
    pub fn handoff() -> Handoff {
        let mut goal = item("G1", ItemKind::Goal, "Cut month-end close from 5 days to 2");
        goal.category = Some("buyer".into());
        let mut question = item("Q1", ItemKind::Question, "Which did the customer agree to?");
        question.about = Some("X1".into());
        Handoff {
            deal: Deal {
                id: "OPP-1".into(),
                ae: Some("Dana".into()),
                csm: Some("Priya".into()),
                kickoff: Some(jiff::civil::date(2026, 7, 15)),
                closed_on: Some(jiff::civil::date(2026, 6, 1)),
                first_value_criteria: Some("Ops runs its weekly review in baton".into()),
                ..Deal::default()
            },
            status: Status::New,
            revision: 1,
            content_hash: "abc".into(),
            brief: BriefSnapshot::default(),
            items: vec![
                item("C1", ItemKind::Commitment, "Four weeks to go live"),
                item(
                    "X1",
                    ItemKind::Conflict,
                    "Notes say four weeks; scope says eight",
                ),
                item("R1", ItemKind::Risk, "Legacy export untested"),
                question,
                goal,
            ],
            success_confirmed: None,
            first_value_confirmed: None,
            sources: Sources {
                notes_files: 1,
                scope_file: Some("scope.md".into()),
            },
            milestones: Milestones::default(),
            approvals: vec![],
            outcomes: Outcomes::default(),
        }
    }
}
