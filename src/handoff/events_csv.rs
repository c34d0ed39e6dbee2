//! The event log as CSV for a BI tool: one column per field a report needs,
//! read out of each kind's payload, instead of one JSON column no BI tool can
//! use; every cell cleaned by the one sanitiser, and no cell a spreadsheet
//! would run as a formula. README.md (Workflow, the events CSV) documents the
//! columns; JSON lines keep every field of every payload.

use super::events::{Event, EventKind, stamp};
use serde_json::Value;

/// The header, in column order.
pub const COLUMNS: [&str; 32] = [
    "id",
    "at",
    "deal",
    "kind",
    "actor",
    "role",
    "item",
    "decision",
    "reason",
    "note",
    "text",
    "owner",
    "due",
    "approval_role",
    "approver",
    "criteria",
    "date",
    "planned",
    "open_questions",
    "revision",
    "segment",
    "closed_on",
    "source",
    "via",
    "path",
    "draft",
    "duplicate_of",
    // Outcomes after the handoff (appended, so earlier columns keep their place).
    "severity",
    "desk",
    "ticket",
    "day",
    "health",
];

/// The header line.
pub fn header() -> String {
    COLUMNS.join(",") + "\n"
}

/// One event as one CSV line (RFC 4180, `\n`-terminated).
pub fn line(e: &Event) -> String {
    let cells = row(e);
    let mut out = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    out.push('\n');
    out
}

/// The cells of one event, in [`COLUMNS`] order. A payload field a kind does
/// not carry is empty; a kind this baton does not know fills the common
/// columns only.
pub fn row(e: &Event) -> [String; COLUMNS.len()] {
    let p = &e.payload;
    let s = |key: &str| scalar(p.get(key));
    let mut r: [String; COLUMNS.len()] = Default::default();
    let mut set = |column: &str, value: String| {
        let i = COLUMNS
            .iter()
            .position(|c| *c == column)
            .expect("a column of COLUMNS");
        r[i] = value;
    };
    set("id", e.id.to_string());
    set("at", stamp(e.at));
    set("deal", e.deal.clone());
    set("kind", e.kind.clone());
    set("actor", e.actor.clone());
    set("role", e.role.clone().unwrap_or_default());
    set("item", s("item"));
    let Some(kind) = EventKind::parse(&e.kind) else {
        return r;
    };
    match kind {
        EventKind::HandoffCreated => {
            set("source", s("source"));
            set("segment", s("segment"));
            set("closed_on", s("closed_on"));
        }
        EventKind::RevisionImported => set("revision", s("revision")),
        EventKind::ItemReviewed => {
            set("decision", s("outcome"));
            set("note", s("note"));
            set("text", s("text"));
        }
        EventKind::ConflictResolved => {
            set("decision", s("resolution"));
            set("note", s("note"));
        }
        EventKind::RiskOwnerAssigned => {
            set("decision", s("status"));
            set("owner", s("owner"));
            set("due", s("due"));
        }
        EventKind::QuestionAnswered => set("note", s("answer")),
        EventKind::GoalClassified => set("decision", s("to")),
        EventKind::ItemDismissed => {
            set("decision", s("dismissal"));
            set("note", s("reason"));
            set("text", s("text"));
            set("duplicate_of", s("of"));
        }
        EventKind::CriteriaConfirmed => set("criteria", s("criteria")),
        EventKind::HandoffReturned => {
            set("reason", s("reason"));
            set("note", s("note"));
            let open = p["open_questions"].as_array().map_or(0, Vec::len);
            set("open_questions", open.to_string());
        }
        EventKind::HandoffResubmitted => set("via", s("via")),
        EventKind::ApprovalRecorded | EventKind::ApprovalInvalidated => {
            set("approval_role", s("role"));
            set("approver", s("name"));
            set("reason", s("reason"));
        }
        EventKind::HandoffAccepted => {}
        EventKind::BriefExported => {
            set("path", s("path"));
            set("draft", s("draft"));
        }
        EventKind::KickoffHeld | EventKind::FirstValueReached => {
            set("date", s("date"));
            set("planned", s("planned"));
        }
        // The new date and the one it replaces.
        EventKind::KickoffMoved => {
            set("date", s("to"));
            set("planned", s("from"));
        }
        EventKind::EscalationRecorded => {
            set("date", s("date"));
            set("severity", s("severity"));
            set("source", s("source"));
            set("note", s("note"));
            set("desk", scalar(p.get("ticket").and_then(|t| t.get("desk"))));
            set("ticket", scalar(p.get("ticket").and_then(|t| t.get("id"))));
        }
        EventKind::RiskMaterialised => {
            set("date", s("date"));
            set("note", s("note"));
            set("text", s("text"));
            set("owner", s("owner"));
        }
        EventKind::HealthRecorded => {
            set("day", s("day"));
            set("health", s("health"));
            set("note", s("note"));
        }
    }
    r
}

/// A payload value as a cell: text, a number or true/false; empty otherwise.
fn scalar(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// One cell: cleaned by the one sanitiser, on one line (a note's line breaks
/// become spaces, so every event is one line of the file); a value a
/// spreadsheet would read as a formula prefixed with `'`, as OWASP
/// recommends, so `=HYPERLINK(...)` stays text. OWASP names a leading `=`,
/// `+`, `-`, `@`, tab or carriage return; tabs and line breaks are spaces by
/// then, so any leading blank before those four counts too. Quoted when it
/// holds a comma or a quote.
pub fn cell(value: &str) -> String {
    let clean = crate::text::sanitize_line(value);
    let text = if clean.trim_start().starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean
    };
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(kind: &str, actor: &str, payload: Value) -> Event {
        Event {
            id: 7,
            deal: "D-1".into(),
            kind: kind.into(),
            actor: actor.into(),
            role: Some("csm".into()),
            at: "2026-07-01T09:00:00Z".parse().unwrap(),
            payload,
        }
    }

    fn column(r: &[String], name: &str) -> String {
        r[COLUMNS.iter().position(|c| *c == name).unwrap()].clone()
    }

    #[test]
    fn a_formula_is_never_live() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for value in ["+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(
                cell(value).trim_start_matches('"').starts_with('\''),
                "{value}"
            );
        }
        assert_eq!(cell("Dev Anand"), "Dev Anand");
        assert_eq!(cell("2026-07-01"), "2026-07-01");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("two\nlines"), "two lines");
        assert_eq!(cell(" =1"), "' =1");
        assert_eq!(cell("x\x1b]52;c;eA==\x07\u{202e}y"), "xy");
    }

    #[test]
    fn each_kind_fills_its_columns() {
        let r = row(&event(
            "item_reviewed",
            "Dev",
            json!({"item": "C3", "outcome": "accepted", "note": "ok", "text": "SSO in week one"}),
        ));
        assert_eq!(column(&r, "at"), "2026-07-01T09:00:00Z");
        assert_eq!(column(&r, "item"), "C3");
        assert_eq!(column(&r, "decision"), "accepted");
        assert_eq!(column(&r, "note"), "ok");
        assert_eq!(column(&r, "text"), "SSO in week one");
        assert_eq!(column(&r, "role"), "csm");

        let r = row(&event(
            "handoff_returned",
            "Dev",
            json!({"reason": "missing_context", "note": "who?", "open_questions": [{"id": "Q1"}, {"id": "Q2"}]}),
        ));
        assert_eq!(
            (column(&r, "reason"), column(&r, "open_questions")),
            ("missing_context".into(), "2".into())
        );

        let r = row(&event(
            "kickoff_moved",
            "Dev",
            json!({"from": "2026-07-10", "to": "2026-07-20"}),
        ));
        assert_eq!(
            (column(&r, "date"), column(&r, "planned")),
            ("2026-07-20".into(), "2026-07-10".into())
        );

        let r = row(&event(
            "approval_invalidated",
            "Dev",
            json!({"role": "ae", "name": "Imogen", "hash": "ab", "reason": "C1 decided"}),
        ));
        assert_eq!(column(&r, "approval_role"), "ae");
        assert_eq!(column(&r, "approver"), "Imogen");
        assert_eq!(column(&r, "reason"), "C1 decided");
        assert_eq!(column(&r, "decision"), "");

        let r = row(&event(
            "brief_exported",
            "baton export",
            json!({"path": "-", "draft": true}),
        ));
        assert_eq!(
            (column(&r, "path"), column(&r, "draft")),
            ("-".into(), "true".into())
        );

        // A kind this baton does not know: the common columns, no panic.
        let r = row(&event(
            "from_the_future",
            "Dev",
            json!({"item": "C1", "x": 1}),
        ));
        assert_eq!(
            (column(&r, "kind"), column(&r, "item")),
            ("from_the_future".into(), "C1".into())
        );
    }

    #[test]
    fn a_line_has_one_cell_per_column() {
        let l = line(&event(
            "risk_owner_assigned",
            "=HYPERLINK(\"http://evil\",\"x\")",
            json!({"item": "R1", "owner": "Wen, Li", "due": "2026-07-10", "status": "open"}),
        ));
        assert!(l.ends_with('\n'));
        assert!(
            l.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","),
            "{l}"
        );
        assert!(l.contains(",\"Wen, Li\",2026-07-10,"), "{l}");
        assert_eq!(header().trim_end().split(',').count(), COLUMNS.len());
    }
}
