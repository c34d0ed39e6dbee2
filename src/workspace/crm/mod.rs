//! CRM exports to deal bundles: a HubSpot deals export or a Salesforce
//! opportunity report (and optionally an activities export) becomes one bundle
//! folder per closed-won deal, a `deal.toml` and its `notes/`, which the
//! ordinary import then reads. The folders live beside the workspace
//! (`<workspace dir>/crm/<source>/<deal id>/`) so that importing the same export
//! again writes the same bytes and the import says "unchanged".
//!
//! A bad row is one [`RowError`] (file and physical line) and the other rows
//! go on; a file that is not an export of the expected kind is one error.

mod activities;
mod columns;
mod config;
mod deals;
mod values;
mod write;

pub use activities::{ActivitiesRead, read_activities};
pub use columns::{ACTIVITY_FIELDS, DEAL_FIELDS, VOLATILE};
pub use config::{CrmConfig, load_crm_config, parse_crm_config};
pub use deals::{CrmDeal, DealsRead, read_deals};
pub use values::{DateOrder, folder_name, html_to_text, is_won, parse_amount, parse_date};
pub use write::{bundle_root, write_bundles};

use std::path::{Path, PathBuf};

/// The CRM an export came from: it decides the standard headers and the
/// folder the bundles go in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    HubSpot,
    Salesforce,
}

impl Source {
    pub fn parse(s: &str) -> Option<Source> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hubspot" => Some(Source::HubSpot),
            "salesforce" => Some(Source::Salesforce),
            _ => None,
        }
    }

    /// The name in `--from`, config tables and folder names.
    pub fn key(self) -> &'static str {
        match self {
            Source::HubSpot => "hubspot",
            Source::Salesforce => "salesforce",
        }
    }

    /// Both CRMs' US-locale exports write month first.
    pub fn default_date_order(self) -> DateOrder {
        DateOrder::Mdy
    }
}

/// One bad row: the physical line it starts on (a multi-line cell counts
/// every line) and what is wrong, already free of control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub file: PathBuf,
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// An export read into memory: header cells and records, each record with
/// the line it starts on.
pub(crate) struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Longest export read: far beyond any CRM export of one team's deals, and a
/// bound on what a wrong path (a disk image) can make baton read.
const MAX_EXPORT: u64 = 512 * 1024 * 1024;

/// Read a CSV export: UTF-8 with or without a byte-order mark, UTF-16 with
/// one, else Windows-1252 (Salesforce's default export encoding); comma,
/// semicolon (Excel in much of Europe) or tab separated, told by the header.
/// Every cell comes back cleaned of control characters.
pub(crate) fn read_table(path: &Path) -> Result<Table, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{shown}: not a file (a CSV export is expected)"));
    }
    if meta.len() > MAX_EXPORT {
        return Err(format!("{shown}: too large for a CRM export"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let decoded = crate::bundle::readers::decode(crate::bundle::Format::Csv, &bytes)
        .map_err(|e| format!("{shown}: {e}"))?;
    let text = decoded.text;
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut headers = None;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(format!("{shown}:{line}: not readable as CSV"));
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if headers.is_none() {
            headers = Some(
                cells
                    .iter()
                    .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
                    .collect(),
            );
            continue;
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push((line, cells));
    }
    Ok(Table {
        headers: headers.ok_or_else(|| {
            format!("{shown}: empty file (a CSV export with a header row is expected)")
        })?,
        rows,
    })
}

/// A cell of a row by column index: trimmed, `None` when empty or absent.
pub(crate) fn cell(row: &[String], col: Option<usize>) -> Option<&str> {
    col.and_then(|i| row.get(i))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests;
