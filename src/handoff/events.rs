//! The measurement events every change appends: what happened, to which deal,
//! by whom, when, with a JSON payload of the details.

use jiff::Timestamp;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    HandoffCreated,
    RevisionImported,
    ItemReviewed,
    ConflictResolved,
    RiskOwnerAssigned,
    QuestionAnswered,
    GoalClassified,
    ItemDismissed,
    CriteriaConfirmed,
    HandoffReturned,
    HandoffResubmitted,
    ApprovalRecorded,
    ApprovalInvalidated,
    HandoffAccepted,
    BriefExported,
    KickoffHeld,
    KickoffMoved,
    FirstValueReached,
    EscalationRecorded,
    RiskMaterialised,
    HealthRecorded,
}

impl EventKind {
    pub const ALL: [EventKind; 21] = [
        EventKind::HandoffCreated,
        EventKind::RevisionImported,
        EventKind::ItemReviewed,
        EventKind::ConflictResolved,
        EventKind::RiskOwnerAssigned,
        EventKind::QuestionAnswered,
        EventKind::GoalClassified,
        EventKind::ItemDismissed,
        EventKind::CriteriaConfirmed,
        EventKind::HandoffReturned,
        EventKind::HandoffResubmitted,
        EventKind::ApprovalRecorded,
        EventKind::ApprovalInvalidated,
        EventKind::HandoffAccepted,
        EventKind::BriefExported,
        EventKind::KickoffHeld,
        EventKind::KickoffMoved,
        EventKind::FirstValueReached,
        EventKind::EscalationRecorded,
        EventKind::RiskMaterialised,
        EventKind::HealthRecorded,
    ];

    /// The kind a stored event names (`None` for a kind this baton does not know).
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::HandoffCreated => "handoff_created",
            EventKind::RevisionImported => "revision_imported",
            EventKind::ItemReviewed => "item_reviewed",
            EventKind::ConflictResolved => "conflict_resolved",
            EventKind::RiskOwnerAssigned => "risk_owner_assigned",
            EventKind::QuestionAnswered => "question_answered",
            EventKind::GoalClassified => "goal_classified",
            EventKind::ItemDismissed => "item_dismissed",
            EventKind::CriteriaConfirmed => "criteria_confirmed",
            EventKind::HandoffReturned => "handoff_returned",
            EventKind::HandoffResubmitted => "handoff_resubmitted",
            EventKind::ApprovalRecorded => "approval_recorded",
            EventKind::ApprovalInvalidated => "approval_invalidated",
            EventKind::HandoffAccepted => "handoff_accepted",
            EventKind::BriefExported => "brief_exported",
            EventKind::KickoffHeld => "kickoff_held",
            EventKind::KickoffMoved => "kickoff_moved",
            EventKind::FirstValueReached => "first_value_reached",
            EventKind::EscalationRecorded => "escalation_recorded",
            EventKind::RiskMaterialised => "risk_materialised",
            EventKind::HealthRecorded => "health_recorded",
        }
    }
}

/// An event as stored and exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: i64,
    pub deal: String,
    pub kind: String,
    pub actor: String,
    pub role: Option<String>,
    /// UTC, RFC 3339.
    pub at: Timestamp,
    pub payload: serde_json::Value,
}

/// A UTC timestamp as stored: RFC 3339 to the second, so text order is time order.
pub fn stamp(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}
