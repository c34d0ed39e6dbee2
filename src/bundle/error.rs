//! Bundle errors. Every error displays as one line that names the file (and the
//! 1-based line where there is one), e.g. `acme/deal.toml:7: "kickoff" must be a date`.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why a bundle could not be read. Nothing of a bundle that fails is usable.
#[derive(Debug)]
pub enum BundleError {
    /// The bundle folder does not exist.
    NotFound { path: PathBuf },
    /// The bundle path exists but is not a folder.
    NotADirectory { path: PathBuf },
    /// The folder holds none of `deal.toml`, `notes/` or a scope file.
    NotABundle { path: PathBuf },
    /// Two (or more) signed scope files; the first two found are named.
    TwoScopeFiles { first: PathBuf, second: PathBuf },
    /// A file or folder could not be read.
    Io { path: PathBuf, source: io::Error },
    /// A file baton would read is larger than [`super::MAX_FILE_BYTES`].
    TooLarge { path: PathBuf, size: u64 },
    /// A file that must be read (`deal.toml`, or a file that changed into a
    /// link, FIFO or device while the bundle was read) is not a regular file
    /// inside the bundle; `why` says what it is.
    NotAFile { path: PathBuf, why: &'static str },
    /// A bundle without `deal.toml` is named after its folder, and that name
    /// is no deal id (see `deal::check_id`).
    FolderId { path: PathBuf, why: &'static str },
    /// A text file is not UTF-8; `line` is the 1-based line of the first bad byte.
    InvalidUtf8 { path: PathBuf, line: u32 },
    /// `deal.toml` does not parse as TOML.
    DealSyntax {
        path: PathBuf,
        line: Option<u32>,
        message: String,
    },
    /// A known `deal.toml` key holds the wrong type of value (or a required entry
    /// key is missing), e.g. `"kickoff" must be a date`.
    DealField {
        path: PathBuf,
        line: u32,
        message: String,
    },
}

impl BundleError {
    /// The file (or folder) the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            BundleError::NotFound { path }
            | BundleError::NotADirectory { path }
            | BundleError::NotABundle { path }
            | BundleError::Io { path, .. }
            | BundleError::TooLarge { path, .. }
            | BundleError::NotAFile { path, .. }
            | BundleError::FolderId { path, .. }
            | BundleError::InvalidUtf8 { path, .. }
            | BundleError::DealSyntax { path, .. }
            | BundleError::DealField { path, .. } => path,
            BundleError::TwoScopeFiles { second, .. } => second,
        }
    }

    /// The 1-based line the error is about, where there is one.
    pub fn line(&self) -> Option<u32> {
        match self {
            BundleError::InvalidUtf8 { line, .. } | BundleError::DealField { line, .. } => {
                Some(*line)
            }
            BundleError::DealSyntax { line, .. } => *line,
            _ => None,
        }
    }
}

pub(crate) use crate::text::one_line;

/// A path for a one-line message: no control characters, whatever the file is called.
fn show(path: &std::path::Path) -> String {
    path.to_string_lossy()
        .chars()
        .filter(|c| !c.is_control())
        .collect()
}

fn name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| show(std::path::Path::new(n)))
        .unwrap_or_default()
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotFound { path } => {
                write!(f, "{}: no such folder", show(path))
            }
            BundleError::NotADirectory { path } => {
                write!(
                    f,
                    "{}: not a folder (a deal bundle is a folder)",
                    show(path)
                )
            }
            BundleError::NotABundle { path } => write!(
                f,
                "{}: not a deal bundle (a bundle needs at least one of deal.toml, a notes/ folder, \
                 or a scope file: scope.md, scope.txt, order-form.md, order-form.txt, sow.md, sow.txt)",
                show(path)
            ),
            BundleError::TwoScopeFiles { first, second } => write!(
                f,
                "{}: two signed scope files, {} and {} (a bundle holds at most one)",
                show(second.parent().unwrap_or(second)),
                name(first),
                name(second),
            ),
            BundleError::Io { path, source } => {
                write!(
                    f,
                    "{}: cannot read: {}",
                    show(path),
                    one_line(&source.to_string())
                )
            }
            BundleError::TooLarge { path, size } => write!(
                f,
                "{}: {} MB, over the limit of {} MB per file; not read (split it, or leave it out of the bundle)",
                show(path),
                size.div_ceil(1024 * 1024),
                super::MAX_FILE_BYTES / (1024 * 1024)
            ),
            BundleError::NotAFile { path, why } => write!(f, "{}: {why}; not read", show(path)),
            BundleError::FolderId { path, why } => write!(
                f,
                "{}: no deal.toml, and the folder's name as the deal id {why} (give the id in deal.toml)",
                show(path)
            ),
            BundleError::InvalidUtf8 { path, line } => {
                write!(f, "{}:{line}: not valid UTF-8 text", show(path))
            }
            BundleError::DealSyntax {
                path,
                line,
                message,
            } => match line {
                Some(line) => write!(f, "{}:{line}: invalid TOML: {message}", show(path)),
                None => write!(f, "{}: invalid TOML: {message}", show(path)),
            },
            BundleError::DealField {
                path,
                line,
                message,
            } => {
                write!(f, "{}:{line}: {message}", show(path))
            }
        }
    }
}

impl std::error::Error for BundleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BundleError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
