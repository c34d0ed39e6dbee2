//! Writing a brief to disk and recording it: the one export path the CLI and
//! the TUI share. The file is written whole through an exclusive temporary
//! file and a rename ([`atomic::write_atomic`]), and `brief_exported` is
//! recorded only once the file is on disk: a failed export leaves neither half
//! a brief nor an event.

use super::{is_final, markdown};
use crate::handoff::{Change, Ctx, EventKind};
use crate::workspace::{Error, Result, Workspace, atomic};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Write `text` to `path` durably, all at once, or not at all.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    atomic::write_atomic(path, text.as_bytes()).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A deal id as a file name (`DEAL.md`), one per id: an id that is already a
/// safe name (ASCII letters, digits, `-`, `_`, `.`, not starting with a dot)
/// is its own name; any other has its unsafe characters replaced by `_` and
/// a hash of the id appended (`a/b` -> `a_b-1f3a9c2e.md`), so `a/b`, `a?b` and
/// `a_b` write three files and nothing can climb out of the folder.
pub fn file_name(id: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if !id.is_empty() && !id.starts_with('.') && id.chars().all(safe) {
        return format!("{id}.md");
    }
    let cleaned: String = id
        .chars()
        .map(|c| if safe(c) { c } else { '_' })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    let hash: String = Sha256::digest(id.as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    match cleaned.is_empty() {
        true => format!("deal-{hash}.md"),
        false => format!("{cleaned}-{hash}.md"),
    }
}

/// The file of each deal in `dir` (`DIR/DEAL.md`), refused when two deals
/// would write one file: names are compared ignoring case, since a folder on
/// macOS or Windows holds only one of `ABC.md` and `abc.md`.
pub fn file_names<'a>(
    dir: &Path,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<(&'a str, PathBuf)>> {
    let mut taken: HashMap<String, &str> = HashMap::new();
    let mut out = Vec::new();
    for id in ids {
        let name = file_name(id);
        if let Some(other) = taken.insert(name.to_lowercase(), id) {
            return Err(Error::Invalid(format!(
                "{}: deals {} and {} would both be written to {name}; nothing exported (export them one by one with -o)",
                dir.display(),
                crate::text::sanitize(other),
                crate::text::sanitize(id),
            )));
        }
        out.push((id, dir.join(name)));
    }
    Ok(out)
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
/// `path` and, once it is on disk, record the export. Returns the path written.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_its_own_safe_file_name() {
        assert_eq!(file_name("TF-OPP-26-0457"), "TF-OPP-26-0457.md");
        assert_eq!(file_name("a_b"), "a_b.md");
        let names: Vec<String> = ["a/b", "a?b", "a_b", "a\\b", "A_B"]
            .iter()
            .map(|id| file_name(id))
            .collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for id in [
            "",
            ".",
            "..",
            "../../etc/passwd",
            "a/b",
            ".hidden",
            "/abs",
            "x\u{202e}y",
        ] {
            let name = file_name(id);
            assert!(
                !name.starts_with('.') && name.ends_with(".md") && name.len() > 3,
                "{id:?}: {name}"
            );
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')),
                "{id:?}: {name}"
            );
        }
        assert!(file_name(&"x/".repeat(200)).len() < 120);
    }

    #[test]
    fn two_deals_of_one_file_name_are_refused() {
        let dir = Path::new("briefs");
        let ok = file_names(dir, ["a/b", "a?b", "a_b"]).unwrap();
        assert_eq!(ok.len(), 3);
        assert_eq!(ok[2].1, dir.join("a_b.md"));
        let e = file_names(dir, ["ABC", "x", "abc"])
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "briefs: deals ABC and abc would both be written to abc.md; nothing exported (export them one by one with -o)"
        );
    }
}
