//! Readers: one per evidence format (`shared/spec/bundle.md`, `docs/bundle.md`).
//!
//! Reading a file has two steps:
//! 1. [`decode`]: the bytes on disk become the *stored* text: UTF-8 (or UTF-16
//!    with a byte-order mark, or Windows-1252) decoded and cleaned of control
//!    characters; for `.pdf` and `.docx`, the text extracted from the document.
//!    The stored text is what the workspace keeps and what every citation's line
//!    counts in, so the Evidence pane and the export can show any cited line.
//! 2. [`view`]: the stored text of a transcript, an e-mail, a CSV or JSON export
//!    becomes a *view*: plain notes in the dialect the segmenter already reads
//!    (`Name (role): words` turns, `From:` headers, `>` quotes), each view line
//!    mapped back to the stored line its words stand on. The analysis never
//!    knows which format a statement came from.

mod captions;
mod csv;
mod decode;
mod docx;
mod email;
mod json;
mod pasted;
mod pdf;
mod pdf_layout;
mod pdf_text;
mod quiet;
mod slack;
#[cfg(test)]
pub(crate) mod test_documents;
mod turns;
mod view;

pub use captions::{read_srt, read_vtt};
pub use decode::{Decoded, decode};
pub use pasted::read_pasted;
pub(crate) use pdf_text::keeps_hyphen;
pub use slack::slack_users;
pub use view::{View, ViewBuilder};

use std::collections::HashMap;

/// The format of an evidence file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// The CRM record, `deal.toml`.
    Toml,
    #[serde(rename = "md")]
    Markdown,
    #[serde(rename = "txt")]
    Text,
    /// WebVTT captions.
    Vtt,
    /// SubRip captions.
    Srt,
    /// One e-mail message (RFC 5322).
    Eml,
    /// A mailbox: messages each opened by a `From ` line.
    Mbox,
    /// A CRM export of activities or notes.
    Csv,
    /// A chat export (Slack) or a call recorder's transcript.
    Json,
    Pdf,
    Docx,
}

impl Format {
    /// The format a file name says, by its extension (any case); `None` for a
    /// format baton does not read.
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "txt" | "text" => Format::Text,
            "vtt" => Format::Vtt,
            "srt" => Format::Srt,
            "eml" => Format::Eml,
            "mbox" => Format::Mbox,
            "csv" => Format::Csv,
            "json" => Format::Json,
            "pdf" => Format::Pdf,
            "docx" => Format::Docx,
            "toml" => Format::Toml,
            _ => return None,
        })
    }

    /// The name `files[].format` gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::Eml => "eml",
            Format::Mbox => "mbox",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// Whether the stored text is extracted from a binary document.
    pub fn is_document(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx)
    }
}

/// What a reader needs to know beyond the file itself.
#[derive(Debug, Default, Clone)]
pub struct ReadContext {
    /// A Slack export's people (`users.json` beside the channel folders):
    /// user id to display name, and whether the export marks them as outside
    /// the workspace's team (a guest or a Slack Connect member: the customer).
    pub slack_users: HashMap<String, SlackUser>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlackUser {
    pub name: String,
    /// `Some(true)`: the export says this person is outside the team.
    pub external: Option<bool>,
}

/// Why a file's contents could not be read as evidence: one line, naming the
/// stored line where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: Option<u32>,
    pub reason: String,
}

impl Unreadable {
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            line: None,
            reason: reason.into(),
        }
    }

    pub fn at(line: u32, reason: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

/// The view of a stored text in `format`: `None` when the text is read as it
/// stands (the text of a document; Markdown or plain text with no pasted
/// transcript, chat or export artefact in it).
pub fn view(format: Format, stored: &str, ctx: &ReadContext) -> Result<Option<View>, Unreadable> {
    Ok(match format {
        Format::Csv => Some(csv::view(stored)?),
        Format::Json => Some(json::view(stored, ctx)?),
        Format::Eml => Some(email::read_eml(stored)?),
        Format::Mbox => Some(email::read_mbox(stored)?),
        Format::Vtt => Some(read_vtt(stored)?),
        Format::Srt => Some(read_srt(stored)?),
        Format::Markdown | Format::Text => read_pasted(stored),
        Format::Toml | Format::Pdf | Format::Docx => None,
    })
}
