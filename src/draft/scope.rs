//! A short summary of the signed scope for the brief: what it includes and what it
//! excludes, each item cited. Order forms and SOWs are mostly boilerplate (parties,
//! addresses, signatures), so the summary prefers statements under headings that
//! name deliverables and drops the preamble before the first section.

use crate::analysis::Evidence;
use crate::bundle::Bundle;
use crate::text::{Statement, StatementKind};
use serde::Serialize;

/// At most this many items of each side, so the brief stays readable.
pub const MAX_ITEMS: usize = 8;

const EXCLUSION_HEADINGS: &[&str] = &[
    "not included",
    "out of scope",
    "exclusion",
    "excluded",
    "not in scope",
];
const EXCLUSION_PHRASES: &[&str] = &[
    "not included",
    "out of scope",
    "excluded",
    "not in scope",
    "outside the scope",
    "separate sow",
    "separate statement of work",
];
/// Headings whose statements say what was bought.
const INCLUSION_HEADINGS: &[&str] = &[
    "includ",
    "scope",
    "service",
    "deliverable",
    "module",
    "product",
    "licen",
    "onboarding",
    "training",
    "site",
    "seat",
    "subscription",
    "implementation",
];

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScopeSummary {
    /// The scope file summarised; `None` when the bundle has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub included: Vec<ScopeItem>,
    /// How many included statements there are in all (only `MAX_ITEMS` are listed).
    pub included_total: usize,
    pub excluded: Vec<ScopeItem>,
    pub excluded_total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScopeItem {
    pub text: String,
    pub evidence: Evidence,
}

pub fn summarize(bundle: &Bundle) -> ScopeSummary {
    let Some(file) = bundle.scope() else {
        return ScopeSummary::default();
    };
    let statements = file.statements();
    let sections = sections(&statements);
    // The document's title block: the statements before the first section title
    // (plain text), or under the first heading when the file opens with one.
    let title = sections.first().cloned().flatten();
    let later_sections = sections.iter().flatten().any(|s| Some(s) != title.as_ref());

    let mut included: Vec<(u8, ScopeItem)> = Vec::new();
    let mut excluded: Vec<ScopeItem> = Vec::new();
    for (st, section) in statements.iter().zip(&sections) {
        if is_section_title(&st.text) || is_boilerplate(st) {
            continue;
        }
        let section_lower = section.as_deref().unwrap_or("").to_lowercase();
        let lower = st.text.to_lowercase();
        let item = ScopeItem {
            text: super::clip(&item_text(st), 140),
            evidence: Evidence {
                file: file.path.as_str().into(),
                line: st.line,
            },
        };
        if EXCLUSION_HEADINGS.iter().any(|h| section_lower.contains(h))
            || EXCLUSION_PHRASES.iter().any(|p| lower.contains(p))
        {
            excluded.push(item);
            continue;
        }
        // A title block is parties and references, not scope.
        if later_sections && (section.is_none() || *section == title) {
            continue;
        }
        let names_deliverables = INCLUSION_HEADINGS.iter().any(|h| section_lower.contains(h));
        included.push((u8::from(!names_deliverables), item));
    }

    let included_total = included.len();
    let excluded_total = excluded.len();
    // Deliverable sections first, then the rest; shown in file order.
    included.sort_by_key(|(rank, item)| (*rank, item.evidence.line));
    let mut included: Vec<ScopeItem> = included
        .into_iter()
        .take(MAX_ITEMS)
        .map(|(_, i)| i)
        .collect();
    included.sort_by_key(|i| i.evidence.line);
    excluded.truncate(MAX_ITEMS);
    ScopeSummary {
        file: Some(file.path.clone()),
        included,
        included_total,
        excluded,
        excluded_total,
    }
}

/// The section each statement belongs to: its Markdown heading, or a plain-text
/// section title line ("6. OUT OF SCOPE") seen since that heading.
fn sections(statements: &[Statement]) -> Vec<Option<String>> {
    let mut out = Vec::with_capacity(statements.len());
    let mut heading: Option<&std::sync::Arc<str>> = None;
    let mut current: Option<String> = None;
    for st in statements {
        if st.shared_heading() != heading {
            heading = st.shared_heading();
            current = heading.map(|h| h.to_string());
        }
        if is_section_title(&st.text) {
            current = Some(st.text.to_string());
        }
        out.push(current.clone());
    }
    out
}

/// A short all-capitals line is a section title in a plain-text SOW.
fn is_section_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    text.chars().any(char::is_alphabetic)
        && !text.chars().any(char::is_lowercase)
        && (1..=6).contains(&words)
}

/// Signature lines, table header and total rows and fragments say nothing about
/// what is in scope.
fn is_boilerplate(st: &Statement) -> bool {
    let lower = st.text.to_lowercase();
    let header_row =
        st.kind == StatementKind::TableRow && !st.text.chars().any(|c| c.is_ascii_digit());
    // A statement opening in lower case is the tail of a wrapped line, not an item.
    let fragment = st.text.chars().next().is_some_and(char::is_lowercase);
    header_row
        || fragment
        || lower.starts_with("total")
        || lower.starts_with("signed")
        || lower.starts_with("signature")
        || st.text.split_whitespace().count() < 3
}

fn item_text(st: &Statement) -> String {
    if st.kind == StatementKind::TableRow && !st.cells.is_empty() {
        st.cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" | ")
    } else {
        st.text.to_string()
    }
}

/// The words of four letters or more, and numbers, of `lower` (lower-cased),
/// sorted and without repeats: enough to tell whether the scope writes down
/// the same promise. Slices of the one lower-cased copy, not a set of strings.
pub(crate) fn words(lower: &str) -> Vec<&str> {
    let mut words: Vec<&str> = distinctive(lower).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The words of [`words`] in `lower` (lower-cased), repeats and all.
fn distinctive(lower: &str) -> impl Iterator<Item = &str> {
    const FILLER: &[&str] = &[
        "told",
        "said",
        "agreed",
        "confirmed",
        "promised",
        "will",
        "they",
        "them",
        "their",
        "with",
        "that",
        "this",
        "have",
        "from",
        "we'll",
        "would",
        "also",
        "there",
        "what",
        "when",
        "make",
        "sure",
    ];
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| w.len() >= 4 || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit())))
        .filter(|w| !FILLER.contains(w))
}

/// Whether the scope (its [`words`]) writes down a promise: most (60%) of the
/// promise's distinctive words appear in it.
pub(crate) fn records(scope_words: &[&str], commitment: &str) -> bool {
    let lower = commitment.to_lowercase();
    let own = words(&lower);
    !own.is_empty()
        && own
            .iter()
            .filter(|w| scope_words.binary_search(w).is_ok())
            .count()
            * 5
            >= own.len() * 3
}

#[cfg(test)]
#[path = "tests/scope.rs"]
mod tests;
