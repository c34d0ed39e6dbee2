//! Dismissed findings as labelled examples for the quality loop: each
//! mention of an item a reviewer dismissed ("not a risk", "duplicate of C1"),
//! with its file, line, text, kind, label and reason, read out of the
//! `item_dismissed` events (`baton events --labelled`). A dismissal a later
//! decision on the same item reversed (the item accepted, owned, resolved or
//! dismissed again) is no example.

use super::events::{Event, EventKind, stamp};
use super::events_csv::cell;
use serde::Serialize;
use std::collections::HashMap;

/// One mention a reviewer labelled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labelled {
    pub deal: String,
    pub item: String,
    pub file: String,
    pub line: u64,
    pub text: String,
    /// `commitment`, `conflict` or `risk`: what the analysis called it.
    pub kind: String,
    /// The commitment's or conflict's category, as the analysis filed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `duplicate`, `not_a_commitment`, `not_a_conflict` or `not_a_risk`.
    pub label: String,
    pub reason: String,
    /// For a duplicate: the item it duplicates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    pub at: String,
    pub by: String,
}

/// The CSV header, in column order.
pub const COLUMNS: [&str; 12] = [
    "deal",
    "item",
    "file",
    "line",
    "kind",
    "label",
    "reason",
    "text",
    "duplicate_of",
    "at",
    "by",
    "category",
];

/// The examples `events` (in the order written) leave standing.
pub fn labelled(events: &[Event]) -> Vec<Labelled> {
    // The standing dismissal of each item, by (deal, item).
    let mut standing: HashMap<(&str, &str), usize> = HashMap::new();
    let mut dismissals: Vec<Option<&Event>> = Vec::new();
    for e in events {
        let Some(kind) = EventKind::parse(&e.kind) else {
            continue;
        };
        let Some(item) = e.payload.get("item").and_then(|v| v.as_str()) else {
            continue;
        };
        let decides = matches!(
            kind,
            EventKind::ItemReviewed
                | EventKind::ConflictResolved
                | EventKind::RiskOwnerAssigned
                | EventKind::ItemDismissed
        );
        if !decides {
            continue;
        }
        if let Some(i) = standing.remove(&(e.deal.as_str(), item)) {
            dismissals[i] = None;
        }
        if kind == EventKind::ItemDismissed {
            standing.insert((&e.deal, item), dismissals.len());
            dismissals.push(Some(e));
        }
    }
    dismissals
        .into_iter()
        .flatten()
        .flat_map(examples)
        .collect()
}

/// The examples of one `item_dismissed` event: one per mention.
fn examples(e: &Event) -> Vec<Labelled> {
    let p = &e.payload;
    let s = |k: &str| p.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let mentions = p.get("mentions").and_then(|m| m.as_array());
    mentions
        .into_iter()
        .flatten()
        .map(|m| {
            let of = s("of");
            Labelled {
                deal: e.deal.clone(),
                item: s("item"),
                file: m["file"].as_str().unwrap_or("").to_string(),
                line: m["line"].as_u64().unwrap_or(0),
                text: m["text"].as_str().unwrap_or("").to_string(),
                kind: s("kind"),
                category: p.get("category").and_then(|c| c.as_str()).map(String::from),
                label: s("dismissal"),
                reason: s("reason"),
                duplicate_of: (!of.is_empty()).then_some(of),
                at: stamp(e.at),
                by: e.actor.clone(),
            }
        })
        .collect()
}

/// The CSV header line.
pub fn header() -> String {
    COLUMNS.join(",") + "\n"
}

/// One example as one CSV line, cleaned as every events cell is.
pub fn line(l: &Labelled) -> String {
    let cells = [
        l.deal.as_str(),
        &l.item,
        &l.file,
        &l.line.to_string(),
        &l.kind,
        &l.label,
        &l.reason,
        &l.text,
        l.duplicate_of.as_deref().unwrap_or(""),
        &l.at,
        &l.by,
        l.category.as_deref().unwrap_or(""),
    ];
    let mut out = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn event(id: i64, kind: &str, payload: Value) -> Event {
        Event {
            id,
            deal: "D-1".into(),
            kind: kind.into(),
            actor: "Priya".into(),
            role: Some("csm".into()),
            at: "2026-07-01T09:00:00Z".parse().unwrap(),
            payload,
        }
    }

    fn dismissed(item: &str, dismissal: &str, of: Option<&str>) -> Value {
        json!({
            "item": item, "kind": "risk", "category": null, "dismissal": dismissal,
            "of": of, "reason": "settled on the call", "text": "Legacy export untested",
            "mentions": [
                {"file": "notes/a.md", "line": 3, "text": "Legacy export untested"},
                {"file": "notes/b.eml", "line": 40, "text": "The export was never tested"},
            ],
        })
    }

    #[test]
    fn each_mention_of_a_standing_dismissal_is_an_example() {
        let events = [
            event(1, "item_dismissed", dismissed("R1", "not_a_risk", None)),
            event(
                2,
                "item_dismissed",
                dismissed("R2", "duplicate", Some("R3")),
            ),
            event(
                3,
                "risk_owner_assigned",
                json!({"item": "R2", "owner": "Wen"}),
            ),
            event(
                4,
                "item_reviewed",
                json!({"item": "C1", "outcome": "accepted"}),
            ),
        ];
        let got = labelled(&events);
        assert_eq!(got.len(), 2, "R2 was owned after: no longer dismissed");
        let first = &got[0];
        assert_eq!(
            (first.file.as_str(), first.line, first.label.as_str()),
            ("notes/a.md", 3, "not_a_risk")
        );
        assert_eq!(got[1].text, "The export was never tested");
        assert_eq!(got[1].reason, "settled on the call");
        let l = line(&got[1]);
        assert_eq!(
            l,
            "D-1,R1,notes/b.eml,40,risk,not_a_risk,settled on the call,The export was never tested,,2026-07-01T09:00:00Z,Priya,\n"
        );
        assert_eq!(header().trim_end().split(',').count(), COLUMNS.len());
    }

    #[test]
    fn a_dismissal_dismissed_again_counts_once_as_the_last() {
        let events = [
            event(1, "item_dismissed", dismissed("R1", "not_a_risk", None)),
            event(
                2,
                "item_dismissed",
                dismissed("R1", "duplicate", Some("R4")),
            ),
        ];
        let got = labelled(&events);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter()
                .all(|l| l.label == "duplicate" && l.duplicate_of.as_deref() == Some("R4"))
        );
    }
}
