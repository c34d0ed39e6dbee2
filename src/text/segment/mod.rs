//! Statement splitting.
//!
//! One pass classifies every line (quote depth, heading, rule, table row, bullet,
//! email header, transcript turn, prose); a second pass groups lines into
//! paragraphs (a wrapped sentence is one statement, cited at its first line) and
//! splits each paragraph into sentences. Everything is linear in the input: the
//! only look-behind (abbreviations) and the speaker pattern are bounded.
//!
//! - `lines`: the first pass, one `lines::Class` per line;
//! - `speaker` and `email`: the transcript prefixes and email structure it
//!   recognises; `numbered`: the speakers a recorder numbers, and the legend
//!   that names them;
//! - `paragraph`: the second pass, with `shapes` for how a prose line reads and
//!   `names` for which bullet names are speakers;
//! - `sentences`: sentence boundaries within a paragraph;
//! - `inline`: emphasis removal and the capped context strings;
//! - `lower`: lower-case word-list look-ups that do not allocate.

mod ascii_speaker;
mod bytes;
mod email;
mod inline;
mod lines;
mod lower;
mod names;
mod numbered;
mod paragraph;
mod sentences;
mod shapes;
mod speaker;

use lines::classify_lines;
use paragraph::Segmenter;
use sentences::sentence_bounds;
use std::sync::Arc;

/// What shape of text a statement came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// A sentence of running prose.
    Sentence,
    /// A sentence inside a Markdown bullet or numbered list item.
    Bullet,
    /// A checkbox item (`- [ ]` / `- [x]`).
    Checkbox,
    /// A Markdown table row (not the header separator); `cells` holds its cells.
    TableRow,
    /// A transcript or chat turn (`[00:12:31] Dana:`, `Dana (AE): ...`, `[10:42] dana:`).
    Turn,
}

/// One cited statement of an evidence file. A 16 MB notes folder holds a
/// quarter of a million, so the fields are boxed slices and shared strings.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Statement {
    /// 1-based line on which the statement starts.
    pub line: u32,
    /// The statement with markup removed: list / quote / checkbox markers, the
    /// speaker prefix of a turn, emphasis (`**`, `__`), leading/trailing space.
    pub text: Box<str>,
    pub kind: StatementKind,
    /// Email quote depth: the number of leading `>`.
    pub quote_depth: u8,
    /// Cells of a table row, trimmed, markup removed; empty otherwise.
    pub cells: Box<[String]>,
    /// Who is speaking and under which heading: the same for every statement
    /// of a turn or a section, so they share one, and a statement carries one
    /// pointer where it would carry four.
    #[serde(flatten)]
    context: Arc<Context>,
}

/// What a statement was said under (see [`Statement`]'s accessors).
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Context {
    pub(crate) speaker: Option<Arc<str>>,
    pub(crate) speaker_role: Option<Arc<str>>,
    pub(crate) author: Option<Arc<str>>,
    pub(crate) heading: Option<Arc<str>>,
}

impl Statement {
    /// Speaker of a transcript / chat turn as written, without its role: "Dana".
    pub fn speaker(&self) -> Option<&str> {
        self.context.speaker.as_deref()
    }

    /// Role given with the speaker, e.g. "AE" in `Dana (AE):`.
    pub fn speaker_role(&self) -> Option<&str> {
        self.context.speaker_role.as_deref()
    }

    /// Author of the email text this statement belongs to, when known: from a
    /// `From:` header for depth 0, from an `On <date>, NAME <addr> wrote:` line
    /// for quoted depths.
    pub fn author(&self) -> Option<&str> {
        self.context.author.as_deref()
    }

    /// Text of the nearest heading above (Markdown `#`, or a bold-only /
    /// ALL-CAPS line ending in `:` used as a heading), for context.
    pub fn heading(&self) -> Option<&str> {
        self.context.heading.as_deref()
    }

    /// The heading as shared by the statements under it: equal pointers,
    /// equal headings.
    pub fn shared_heading(&self) -> Option<&Arc<str>> {
        self.context.heading.as_ref()
    }
}

/// Split one file's text into statements, in file order.
pub fn segment(text: &str) -> Vec<Statement> {
    let mut lines = classify_lines(text);
    numbered::apply_legend(&mut lines);
    Segmenter::new(text, &lines).run()
}

/// Split running text into sentences (see [`segment`] for the rules: `.`, `!`, `?`
/// or an ellipsis, then space and an uppercase letter, digit, quote or bracket; not
/// after abbreviations or initials). Returns trimmed slices of `text`.
pub fn split_sentences(text: &str) -> Vec<&str> {
    sentence_bounds(text)
        .map(|(a, b)| text[a..b].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
