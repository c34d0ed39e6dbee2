//! The approved brief as Markdown (CommonMark with GFM tables), for the CS team's
//! wiki or the kickoff deck. An unapproved handoff exports only as a draft,
//! marked DRAFT at the top and in every section heading.
//!
//! Every piece of text from a bundle goes through [`inline`], so notes cannot
//! break the document: no heading, list, table cell, code span or raw HTML can
//! start inside quoted text.

mod sections;
mod write;

pub use write::{export_to, exported, file_name, file_names, write_atomic};

use crate::handoff::{Handoff, Status};

/// Why an export was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotApproved {
    pub deal: String,
    pub status: Status,
}

impl std::fmt::Display for NotApproved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: not approved (status {}); export --draft to write a draft",
            self.deal, self.status
        )
    }
}

impl std::error::Error for NotApproved {}

/// Whether a handoff exports as final (approved, or kicked off after approval).
pub fn is_final(h: &Handoff) -> bool {
    matches!(h.status, Status::Approved | Status::KickedOff)
}

/// Render the brief. Refused for an unapproved handoff unless `draft`; a draft
/// of an approved handoff is still marked DRAFT (the caller asked for one).
pub fn markdown(h: &Handoff, draft: bool) -> Result<String, NotApproved> {
    if !draft && !is_final(h) {
        return Err(NotApproved {
            deal: h.deal.id.clone(),
            status: h.status,
        });
    }
    // The brief is a file others open in a terminal or a viewer: whatever a
    // workspace holds (a note stored raw by an older baton), it leaves clean.
    Ok(crate::text::sanitize_owned(sections::render(h, draft)))
}

/// Text from a bundle as safe inline Markdown on one line: line breaks become
/// spaces and every character that could open Markdown syntax (emphasis, code,
/// links, HTML, headings, lists, table pipes, entities) is backslash-escaped.
pub fn inline(text: &str) -> String {
    let text = crate::text::sanitize_line(text);
    // Four leading spaces would make an indented code block in a paragraph.
    let mut rest = text.trim();
    let mut out = String::with_capacity(rest.len() + 8);
    // Only what Markdown would read as markup is escaped, so the raw file stays
    // readable: block markers at the start ("# x", "- x", "12. x"), then
    // emphasis, code, links, HTML, table pipes, strikethrough and entities.
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..10).contains(&digits) && rest[digits..].starts_with(['.', ')']) {
        out.push_str(&rest[..digits]);
        out.push('\\');
        rest = &rest[digits..];
    } else if rest.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    }
    for (i, c) in rest.char_indices() {
        let entity = c == '&'
            && rest[i + 1..].split_once(';').is_some_and(|(name, _)| {
                !name.is_empty()
                    && name.len() < 32
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
            });
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A risk that is about a person or a delicate subject: shown to the CS team
/// only, under "internal only", never in the customer-facing sections.
pub fn is_sensitive(text: &str) -> bool {
    static CUES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:sensitiv\w*|touchy|raw about|interviewing|resign\w*|leaving|may leave|on leave|parental leave|layoffs?|union\w*|stewards?|dispute|lawsuit|litigation|finalist for|approached about|confidential|off the record|between us|internal only|personal|(?:don't|do not|never) (?:mention|raise|bring|say|call it|pitch))\b",
        )
        .expect("valid regex")
    });
    CUES.is_match(text)
}

#[cfg(test)]
mod tests;
