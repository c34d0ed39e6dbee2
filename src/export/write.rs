//! Writing a brief to disk and recording it: the one export path the CLI and
//! the TUI share. The file is written to a temporary name and renamed, so a
//! failed export never leaves half a brief behind.

use super::{is_final, markdown};
use crate::handoff::{Change, Ctx, EventKind};
use crate::workspace::{Error, Result, Workspace};
use serde_json::json;
use std::path::{Path, PathBuf};

/// Write `text` to `path` all at once, or not at all.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let tmp = path.with_extension("md.tmp");
    std::fs::write(&tmp, text).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(path)(e)
    })
}

/// A deal id as a file name (`DEAL.md`): nothing that could climb out of a folder.
pub fn file_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}.md", safe.trim_start_matches('.'))
}

/// The `brief_exported` event for an export to `path` (`-` for standard output).
pub fn exported(path: &str, draft: bool) -> Change {
    Change {
        events: vec![(
            EventKind::BriefExported,
            json!({"path": path, "draft": draft}),
        )],
    }
}

/// Render a deal's brief (refused when unapproved unless `draft`), write it to
/// `path` and record the export. Returns the path written.
pub fn export_to(
    ws: &mut Workspace,
    ctx: &Ctx,
    deal: &str,
    path: &Path,
    draft: bool,
) -> Result<PathBuf> {
    let h = ws.handoff(deal)?;
    let text = markdown(&h, draft).map_err(|e| Error::Invalid(e.to_string()))?;
    write_atomic(path, &text)?;
    let shown = path.display().to_string();
    ws.record(ctx, &h.deal.id, &exported(&shown, draft || !is_final(&h)))?;
    Ok(path.to_path_buf())
}
