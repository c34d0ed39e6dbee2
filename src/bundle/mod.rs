//! Reading a deal bundle (`shared/spec/bundle.md`): a folder with `deal.toml`,
//! `notes/`, one signed scope file and any other top-level evidence.

mod deal;
mod error;
mod load;
pub mod readers;

pub use deal::{DealCommitment, DealGoal, DealRecord, DealRisk, DealStakeholder, FirstValue};
pub use error::BundleError;
pub use load::{MAX_FILE_BYTES, SCOPE_STEMS, is_scope_name, load};
pub use readers::Format;
use readers::View;

/// What part a file plays in the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    /// `deal.toml`, the CRM record.
    Crm,
    /// `notes/**`: deal notes, call summaries and transcripts, e-mails, chats,
    /// CRM activity exports.
    Notes,
    /// The signed scope / order form / SOW.
    Scope,
    /// Any other top-level file in a format baton reads.
    Other,
}

/// One evidence file as read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the bundle root, `/` separated: what citations name.
    pub path: String,
    pub role: FileRole,
    pub format: Format,
    /// The stored text: decoded and cleaned of control characters (so nothing
    /// read from a bundle can drive the terminal); for a PDF or DOCX, the text
    /// extracted from it. Citations count lines in this text.
    pub text: String,
    /// What the segmenter reads of a transcript, e-mail or export, mapped back
    /// to lines of `text`; `None` when `text` is read as it stands.
    pub view: Option<View>,
}

impl SourceFile {
    /// A file read as it stands (Markdown or plain text).
    pub fn plain(path: impl Into<String>, role: FileRole, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            role,
            format: Format::Markdown,
            text: text.into(),
            view: None,
        }
    }

    /// The text the segmenter reads.
    pub fn readable(&self) -> &str {
        self.view.as_ref().map_or(&self.text, |v| v.text())
    }

    /// The line of the stored text that line `line` of [`Self::readable`] stands on.
    pub fn stored_line(&self, line: u32) -> u32 {
        self.view.as_ref().map_or(line, |v| v.stored_line(line))
    }

    /// What the reader made of each line of the stored text, line for line
    /// (for showing a cited line readably); `None` when the text reads as it stands.
    pub fn shown(&self) -> Option<String> {
        self.view.as_ref().map(|v| v.aligned(&self.text))
    }

    /// The file's statements, each cited at its line in the stored text.
    pub fn statements(&self) -> Vec<crate::text::Statement> {
        let mut statements = crate::text::segment(self.readable());
        if let Some(view) = &self.view {
            for s in &mut statements {
                s.line = view.stored_line(s.line);
            }
        }
        statements
    }
}

/// One file of the bundle in `files[]` of the analysis: read, or not and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Listed {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    pub read: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Listed {
    fn read(path: &str, format: Option<Format>) -> Self {
        Self {
            path: visible(path),
            format,
            read: true,
            reason: None,
        }
    }

    fn not_read(path: &str, format: Option<Format>, reason: String) -> Self {
        Self {
            path: visible(path),
            format,
            read: false,
            reason: Some(crate::text::sanitize(&error::one_line(&reason))),
        }
    }
}

/// A path as a citation shows it: escape sequences, control characters and
/// bidi overrides (a file named `evil\u{202e}dm.md` would show as `evilmd.md`)
/// each replaced by U+FFFD, never raw.
fn visible(path: &str) -> String {
    crate::text::sanitize_file_name(path)
}

/// A deal bundle read from disk.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The deal record; defaults (id = folder name) filled in when `deal.toml` is absent.
    pub deal: DealRecord,
    /// The text of `deal.toml` as read (decoded), when there is one: what the
    /// workspace stores, so the file is never read a second time.
    pub crm_text: Option<String>,
    /// Evidence files in reading order: other top-level files, notes (by path), scope.
    pub files: Vec<SourceFile>,
    /// Every file of the bundle by path, read or not (and why not).
    pub listing: Vec<Listed>,
}

impl Bundle {
    /// Whether a `deal.toml` was present.
    pub fn has_crm_record(&self) -> bool {
        self.crm_text.is_some()
    }

    pub fn scope(&self) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.role == FileRole::Scope)
    }

    pub fn notes(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter().filter(|f| f.role == FileRole::Notes)
    }

    /// The files that were not read, with the reason.
    pub fn unread(&self) -> impl Iterator<Item = &Listed> {
        self.listing.iter().filter(|l| !l.read)
    }
}
