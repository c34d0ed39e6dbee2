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
        other => match p.get("item").and_then(|i| i.as_str()) {
            Some(item) => {
                let what = ["outcome", "resolution", "owner", "to", "answer"]
                    .iter()
                    .find_map(|k| p.get(*k).and_then(|v| v.as_str()))
                    .unwrap_or_default();
                format!(
                    "{item}: {} {}",
                    other.as_str().replace('_', " "),
                    what.replace('_', " ")
                )
                .trim_end()
                .to_string()
            }
            None => other.as_str().replace('_', " "),
        },
    }
}
