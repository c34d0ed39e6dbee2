//! One line per event a change caused, as people read it: what the CLI
//! prints after a command and the TUI shows in its status bar.

use super::EventKind;
use serde_json::Value;

pub fn describe(kind: EventKind, p: &Value) -> String {
    let s = |k: &str| p.get(k).and_then(|v| v.as_str()).unwrap_or("");
    match kind {
        EventKind::ApprovalInvalidated => format!(
            "approval by {} ({}) invalidated: {}",
            s("name"),
            s("role"),
            s("reason")
        ),
        EventKind::HandoffAccepted => {
            "handoff accepted: AE and CSM approvals cover the same state".to_string()
        }
        EventKind::HandoffReturned => format!(
            "returned to the AE ({}) with {} open question(s)",
            s("reason"),
            p["open_questions"].as_array().map_or(0, Vec::len)
        ),
        EventKind::ApprovalRecorded => format!(
            "approval recorded: {} as {}",
            s("name"),
            s("role").to_uppercase()
        ),
        EventKind::ItemReviewed => format!("{} {}", s("item"), s("outcome").replace('_', " ")),
        EventKind::ConflictResolved => format!(
            "{} resolved: {}",
            s("item"),
            s("resolution").replace('_', " ")
        ),
        EventKind::RiskOwnerAssigned => {
            let due = p["due"]
                .as_str()
                .map_or(String::new(), |d| format!(", due {d}"));
            format!(
                "{} owned by {} ({}{due})",
                s("item"),
                s("owner"),
                s("status")
            )
        }
        EventKind::QuestionAnswered => format!("{} answered", s("item")),
        EventKind::GoalClassified => format!("{} is a {} goal", s("item"), s("to")),
        EventKind::ItemDismissed => match s("of") {
            "" => format!(
                "{} dismissed: {}",
                s("item"),
                s("dismissal").replace('_', " ")
            ),
            of => format!("{} dismissed: duplicate of {of}", s("item")),
        },
        EventKind::CriteriaConfirmed => format!("{} confirmed", s("criteria").replace('_', " ")),
        EventKind::KickoffMoved => format!("kickoff moved from {} to {}", s("from"), s("to")),
        EventKind::KickoffHeld => format!("kickoff held on {}", s("date")),
        EventKind::FirstValueReached => format!("first value reached on {}", s("date")),
        EventKind::EscalationRecorded => {
            let ticket = match (p["ticket"]["desk"].as_str(), p["ticket"]["id"].as_str()) {
                (Some(desk), Some(id)) => format!(" ({desk} ticket {id})"),
                _ => String::new(),
            };
            format!(
                "{} escalation on {} from {}{ticket}",
                s("severity"),
                s("date"),
                s("source")
            )
        }
        EventKind::RiskMaterialised => {
            let owner = p["owner"]
                .as_str()
                .map_or_else(|| "no owner".to_string(), |o| format!("owner {o}"));
            format!("{} materialised on {} ({owner})", s("item"), s("date"))
        }
        EventKind::HealthRecorded => format!(
            "customer health at day {}: {}",
            p["day"].as_u64().unwrap_or_default(),
            s("health")
        ),
        other => other.as_str().replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_event_reads_as_a_sentence() {
        let d = |k, p: Value| describe(k, &p);
        assert_eq!(
            d(
                EventKind::ItemReviewed,
                json!({"item": "C3", "outcome": "sent_to_ae"})
            ),
            "C3 sent to ae"
        );
        assert_eq!(
            d(
                EventKind::RiskOwnerAssigned,
                json!({"item": "R2", "owner": "Wen", "due": "2026-09-30", "status": "open"})
            ),
            "R2 owned by Wen (open, due 2026-09-30)"
        );
        assert_eq!(
            d(
                EventKind::RiskOwnerAssigned,
                json!({"item": "R2", "owner": "Wen", "due": null, "status": "mitigated"})
            ),
            "R2 owned by Wen (mitigated)"
        );
        assert_eq!(
            d(
                EventKind::HandoffReturned,
                json!({"reason": "missing_context", "open_questions": [1, 2]})
            ),
            "returned to the AE (missing_context) with 2 open question(s)"
        );
        assert_eq!(d(EventKind::BriefExported, json!({})), "brief exported");
    }
}
