//! Notes exports: Pipedrive notes, HubSpot engagements, ticket comments, as
//! JSON records that each hold a note's text and name no speaker.

use super::super::csv::{html_lines, looks_html, unescape_entities};
use super::tree::Node;
use super::{Turn, find_arrays};

/// Where a CRM or ticketing export keeps its records.
const RECORD_KEYS: &[&str] = &[
    "data",
    "items",
    "notes",
    "records",
    "results",
    "entries",
    "activities",
    "comments",
    "engagements",
];
/// The members that hold a record's text, most specific first.
const NOTE_KEYS: &[&str] = &[
    "content",
    "note",
    "body",
    "text",
    "description",
    "comment",
    "message",
    "details",
];

/// A notes export: records that each hold a note's text ("content", "note",
/// "body") and name no speaker (Pipedrive notes, HubSpot engagements,
/// ticket comments). The notes are the file's writer's; each is cited at the
/// line its text stands on.
pub(super) fn records(root: &Node) -> Option<Vec<Turn>> {
    fn note(n: &Node) -> Option<(&String, u32)> {
        NOTE_KEYS.iter().find_map(|k| match n.get(k) {
            Some(Node::Str(text, line)) if !text.trim().is_empty() => Some((text, *line)),
            _ => None,
        })
    }
    let mut found = None;
    find_arrays(root, RECORD_KEYS, 0, true, &mut |a| {
        if found.is_none() && a.iter().any(|n| note(n).is_some()) {
            found = Some(a);
        }
    });
    let turns = found?
        .iter()
        .filter_map(note)
        .map(|(text, line)| Turn {
            name: String::new(),
            role: None,
            time: None,
            pieces: vec![(as_text(text), line)],
            line_per_piece: false,
        })
        .collect();
    Some(turns)
}

/// A CRM note's HTML (`<p>`, `<br>`, `&amp;`) as text, read as the CSV
/// reader reads HubSpot's.
fn as_text(text: &str) -> String {
    if looks_html(text) {
        html_lines(text).join("\n")
    } else {
        unescape_entities(text)
    }
}
