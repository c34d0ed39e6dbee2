//! Why a command was refused: one enum, each case one line for the user.

use super::approval::Approval;
use super::gates::Gate;
use super::items::ItemKind;
use super::status::Status;

/// Why a command was refused. Each displays as one line.
#[derive(Debug, Clone, PartialEq)]
pub enum DomainError {
    UnknownItem {
        deal: String,
        id: String,
    },
    WrongKind {
        id: String,
        kind: ItemKind,
        expected: ItemKind,
    },
    /// The handoff's status does not allow the command.
    WrongState {
        status: Status,
        action: String,
    },
    /// The command needs an earlier step first ("hold the kickoff first").
    NotYet {
        status: Status,
        action: String,
        first: &'static str,
    },
    /// A value that makes no sense (an empty owner, nothing to confirm).
    Invalid(String),
    /// Approval refused while gates fail.
    GatesFail(Vec<Gate>),
    /// The change would cancel approvals of the current state, and the actor
    /// did not say to (`Ctx::may_invalidate_approvals`).
    WouldInvalidate {
        deal: String,
        approvals: Vec<Approval>,
    },
}

impl std::fmt::Display for DomainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DomainError::UnknownItem { deal, id } => {
                write!(f, "{deal}: no item {id} (baton show {deal} lists the ids)")
            }
            DomainError::WrongKind { id, kind, expected } => write!(
                f,
                "{id} is a {}, not a {} (ids start with {} for a {})",
                kind.as_str(),
                expected.as_str(),
                expected.prefix(),
                expected.as_str()
            ),
            DomainError::WrongState { status, action } => {
                write!(f, "cannot {action} a handoff that is {}", status.label())
            }
            DomainError::NotYet {
                status,
                action,
                first,
            } => write!(
                f,
                "cannot {action} a handoff that is {}; {first} first",
                status.label()
            ),
            DomainError::Invalid(m) => f.write_str(m),
            DomainError::GatesFail(gates) => {
                write!(f, "approval refused, {} gate(s) fail: ", gates.len())?;
                let parts: Vec<String> = gates
                    .iter()
                    .map(|g| format!("{} ({})", g.title, g.reason))
                    .collect();
                f.write_str(&parts.join(" | "))
            }
            DomainError::WouldInvalidate { deal, approvals } => {
                let who: Vec<String> = approvals
                    .iter()
                    .map(|a| format!("{} ({})", a.name, a.role.as_str()))
                    .collect();
                write!(
                    f,
                    "{deal}: this change would cancel the approval{} of {}; nothing was changed \
                     (say so to go ahead: --invalidate-approvals, or yes in the TUI)",
                    if approvals.len() == 1 { "" } else { "s" },
                    who.join(" and ")
                )
            }
        }
    }
}

impl std::error::Error for DomainError {}
