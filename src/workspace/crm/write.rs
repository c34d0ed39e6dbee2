//! Writing the bundle folders: `deal.toml` serialised by the `toml` crate and
//! the notes, every file through a temporary file and a rename so that a kill
//! never leaves one half-written, and a file whose bytes are the same is not
//! touched at all.

use super::deals::CrmDeal;
use super::{RowError, Source};
use crate::workspace::atomic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// Where bundles of `source` are kept: `<workspace dir>/crm/<source>/`.
pub fn bundle_root(workspace: &Path, source: Source) -> PathBuf {
    workspace
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("crm")
        .join(source.key())
}

/// The first line of every generated deal.toml: the folder is baton's, and
/// hand edits would be lost on the next import.
const HEADER: &str = "# Written by `baton import --from`: edit the deal in the CRM, not here; the next import replaces this file.\n";

/// Write each deal's bundle under `root`; returns the folders written and the
/// deals that could not be (two ids that make one folder, a write error).
pub fn write_bundles(
    root: &Path,
    deals: &[CrmDeal],
    export: &Path,
) -> (Vec<PathBuf>, Vec<RowError>) {
    let mut written = Vec::new();
    let mut errors = Vec::new();
    // Folders compared without case: on macOS and Windows `ab` and `AB` are one.
    let mut folders: BTreeMap<String, &CrmDeal> = BTreeMap::new();
    for deal in deals {
        let err = |message: String| RowError {
            file: export.to_path_buf(),
            line: deal.line,
            message,
        };
        let dir = root.join(&deal.folder);
        if let Some(first) = folders.get(&deal.folder.to_lowercase()) {
            errors.push(err(format!(
                "deal ids \"{}\" (line {}) and \"{}\" both make the folder {}: one of them must change in the CRM",
                first.id,
                first.line,
                deal.id,
                dir.display()
            )));
            continue;
        }
        folders.insert(deal.folder.to_lowercase(), deal);
        if let Some(other) = existing_id(&dir).filter(|other| *other != deal.id) {
            errors.push(err(format!(
                "deal id \"{}\" makes the folder {}, which holds deal \"{}\"",
                deal.id,
                dir.display(),
                crate::text::sanitize(&other)
            )));
            continue;
        }
        match write_bundle(&dir, deal) {
            Ok(()) => written.push(dir),
            Err(e) => errors.push(err(e)),
        }
    }
    (written, errors)
}

/// The id in an earlier run's deal.toml in `dir`, if there is one.
fn existing_id(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("deal.toml")).ok()?;
    let table: Table = text.parse().ok()?;
    table.get("id")?.as_str().map(str::to_string)
}

fn write_bundle(dir: &Path, deal: &CrmDeal) -> Result<(), String> {
    let notes_dir = dir.join("notes");
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    remove_stale_temps(dir);
    write_atomic(&dir.join("deal.toml"), &render_deal(&deal.record)?)?;
    if !deal.notes.is_empty() {
        std::fs::create_dir_all(&notes_dir)
            .map_err(|e| format!("cannot create {}: {e}", notes_dir.display()))?;
    }
    remove_stale_temps(&notes_dir);
    for (path, text) in &deal.notes {
        write_atomic(&dir.join(path), text)?;
    }
    // Activities gone from the export (deleted in the CRM) leave the bundle
    // too: the folder is baton's copy of the CRM, not a place for other files.
    if let Ok(entries) = std::fs::read_dir(&notes_dir) {
        for e in entries.flatten() {
            let rel = format!("notes/{}", e.file_name().to_string_lossy());
            if e.path().is_file() && !deal.notes.contains_key(&rel) {
                std::fs::remove_file(e.path())
                    .map_err(|err| format!("cannot remove {}: {err}", e.path().display()))?;
            }
        }
    }
    Ok(())
}

/// deal.toml: the record's fields in the order the spec lists them, then the
/// CRM's other columns, then the tables. Each part is serialised by `toml`.
pub(crate) fn render_deal(record: &Table) -> Result<String, String> {
    const ORDER: &[&str] = super::deals::SCALAR_KEYS;
    let mut scalars = Table::new();
    let mut text = String::from(HEADER);
    let ser = |t: &Table| toml::to_string(t).map_err(|e| format!("cannot write deal.toml: {e}"));
    for key in ORDER {
        if let Some(v) = record.get(*key) {
            let mut one = Table::new();
            one.insert((*key).to_string(), v.clone());
            text.push_str(&ser(&one)?);
        }
    }
    let mut tables = Table::new();
    for (k, v) in record {
        if ORDER.contains(&k.as_str()) {
            continue;
        }
        match v {
            Value::Table(_) | Value::Array(_) => tables.insert(k.clone(), v.clone()),
            _ => scalars.insert(k.clone(), v.clone()),
        };
    }
    if !scalars.is_empty() {
        text.push_str("\n# Other columns of the export\n");
        text.push_str(&ser(&scalars)?);
    }
    if !tables.is_empty() {
        text.push('\n');
        text.push_str(&ser(&tables)?);
    }
    Ok(text)
}

/// Temporary files a killed run left (they are hidden, so never evidence).
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name()
            .to_string_lossy()
            .ends_with(atomic::TEMP_SUFFIX)
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Write through a temporary file and a rename ([`atomic::write_atomic`]),
/// so the file is either the old one or the new one whole; an unchanged
/// file is left alone.
fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    atomic::write_atomic(path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
