//! `baton check`: whether the workspace file is sound and its stored
//! evidence is what was imported. SQLite's full integrity check, then every
//! stored file's SHA-256 and every revision's content hash recomputed from
//! the stored text by the routine import computes it with
//! ([`super::import::content_hash`]).

use super::import::{content_hash, sha256_hex};
use super::{Result, Workspace};

/// What `check` found: counts of what it verified and one line per problem.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub revisions: usize,
    pub files: usize,
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Workspace {
    /// Verify the file and the stored evidence; reads only.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let verdicts: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        if verdicts != ["ok"] {
            report.problems.extend(
                verdicts
                    .iter()
                    .map(|v| format!("integrity: {}", crate::text::sanitize(v))),
            );
            // Reading rows of a damaged file proves nothing more.
            return Ok(report);
        }
        let mut revisions = self.conn.prepare(
            "SELECT deal_id, number, content_hash FROM revisions ORDER BY deal_id, number",
        )?;
        let revisions: Vec<(String, i64, String)> = revisions
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let mut files = self.conn.prepare(
            "SELECT path, sha256, text FROM files WHERE deal_id = ?1 AND revision = ?2 ORDER BY path",
        )?;
        for (deal, number, stored_hash) in revisions {
            let shown = crate::text::sanitize(&deal);
            let rows: Vec<(String, String, String)> = files
                .query_map(rusqlite::params![deal, number], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<std::result::Result<_, _>>()?;
            for (path, sha, text) in &rows {
                if sha256_hex(text.as_bytes()) != *sha {
                    report.problems.push(format!(
                        "{shown} revision {number}: {} does not match its stored SHA-256",
                        crate::text::sanitize(path)
                    ));
                }
                report.files += 1;
            }
            let recomputed = content_hash(rows.iter().map(|(p, _, t)| (p.as_str(), t.as_str())));
            if recomputed != stored_hash {
                report.problems.push(format!(
                    "{shown} revision {number}: the stored files do not give the revision's content hash"
                ));
            }
            report.revisions += 1;
        }
        Ok(report)
    }
}
