//! Reading a deal bundle (`shared/spec/bundle.md`): a folder with `deal.toml`,
//! `notes/`, one signed scope file and any other top-level evidence.

mod deal;
mod error;
mod load;

pub use deal::{DealCommitment, DealGoal, DealRecord, DealRisk, DealStakeholder, FirstValue};
pub use error::BundleError;
pub use load::{SCOPE_FILE_NAMES, load};

/// What part a file plays in the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    /// `deal.toml`, the CRM record.
    Crm,
    /// `notes/*.md|txt`: deal notes, call summaries, emails.
    Notes,
    /// The signed scope / order form / SOW.
    Scope,
    /// Any other top-level `*.md` / `*.txt`.
    Other,
}

/// One evidence file, its text already checked as UTF-8 and cleaned of control
/// characters (so nothing read from a bundle can drive the terminal).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the bundle root, `/` separated: what citations name.
    pub path: String,
    pub role: FileRole,
    pub text: String,
}

/// A deal bundle read from disk.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The deal record; defaults (id = folder name) filled in when `deal.toml` is absent.
    pub deal: DealRecord,
    /// Whether a `deal.toml` was present.
    pub has_crm_record: bool,
    /// Evidence files in reading order: other top-level files, notes (by name), scope.
    pub files: Vec<SourceFile>,
}

impl Bundle {
    pub fn scope(&self) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.role == FileRole::Scope)
    }

    pub fn notes(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter().filter(|f| f.role == FileRole::Notes)
    }
}
