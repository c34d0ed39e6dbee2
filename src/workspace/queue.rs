//! What a CSM's queue and the evidence view read: one row per handoff with the
//! counts that say how much review is left, and the stored files of the
//! current revision. Both are single statements so 10,000 handoffs list fast.

use super::store::date;
use super::{Result, Workspace};
use jiff::civil::Date;
use rusqlite::params;
use serde::Serialize;

/// One handoff as the queue shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueRow {
    pub id: String,
    pub name: Option<String>,
    pub account: Option<String>,
    pub segment: Option<String>,
    pub ae: Option<String>,
    pub csm: Option<String>,
    pub status: String,
    /// The planned kickoff, or where `kickoff-moved` put it.
    pub kickoff: Option<Date>,
    /// The handoff score (0-100) of the current revision.
    pub score: Option<u32>,
    /// Commitments pending or sent to the AE.
    pub commitments_to_review: u32,
    /// Conflicts nobody has resolved.
    pub open_conflicts: u32,
    /// Open risks without an owner.
    pub unowned_risks: u32,
    /// Questions for the AE not answered yet.
    pub open_questions: u32,
    pub updated_at: String,
}

/// One evidence file of a revision as stored (text already sanitised on import).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredText {
    pub path: String,
    /// `crm`, `notes`, `scope` or `other`.
    pub role: String,
    /// What the file says line for line: the reader's rendering of a
    /// transcript, e-mail or export, else the stored text.
    pub text: String,
}

impl Workspace {
    /// Every handoff with its review counts, by deal id.
    pub fn queue(&self) -> Result<Vec<QueueRow>> {
        // One scan of `deals`: the counts are kept there by every change.
        let mut stmt = self.conn.prepare(
            "SELECT id, name, account, segment, ae, csm, status,
                    coalesce(kickoff_moved_to, kickoff), score,
                    open_commitments, open_conflicts, unowned_risks, open_questions, updated_at
             FROM deals ORDER BY id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(QueueRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    account: r.get(2)?,
                    segment: r.get(3)?,
                    ae: r.get(4)?,
                    csm: r.get(5)?,
                    status: r.get(6)?,
                    kickoff: date(r.get(7)?),
                    score: r.get(8)?,
                    commitments_to_review: r.get(9)?,
                    open_conflicts: r.get(10)?,
                    unowned_risks: r.get(11)?,
                    open_questions: r.get(12)?,
                    updated_at: r.get(13)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The files of a deal's current revision, by path.
    pub fn files(&self, deal: &str) -> Result<Vec<StoredText>> {
        super::store::require_deal(&self.conn, deal)?;
        let mut stmt = self.conn.prepare(
            "SELECT f.path, f.role, coalesce(f.shown, f.text) FROM files f
             JOIN deals d ON d.id = f.deal_id AND d.revision = f.revision
             WHERE f.deal_id = ?1 ORDER BY f.path",
        )?;
        let rows = stmt
            .query_map(params![deal], |r| {
                Ok(StoredText {
                    path: r.get(0)?,
                    role: r.get(1)?,
                    text: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The drafted brief of a deal's current revision (the `brief` of
    /// `baton analyze --json` as imported). SQLite extracts it, so the rest
    /// of a large analysis is never parsed.
    pub fn drafted_brief(&self, deal: &str) -> Result<serde_json::Value> {
        super::store::require_deal(&self.conn, deal)?;
        let text: Option<String> = self.conn.query_row(
            "SELECT json_extract(r.analysis_json, '$.brief') FROM revisions r
             JOIN deals d ON d.id = r.deal_id AND d.revision = r.number WHERE d.id = ?1",
            params![deal],
            |r| r.get(0),
        )?;
        Ok(text
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(serde_json::Value::Null))
    }

    /// The handoff score of a deal's current revision with its parts
    /// (`score` of `baton analyze --json`); `None` when the stored analysis
    /// has none to read.
    pub fn score(&self, deal: &str) -> Result<Option<crate::draft::score::Score>> {
        super::store::require_deal(&self.conn, deal)?;
        let text: Option<String> = self.conn.query_row(
            "SELECT json_extract(r.analysis_json, '$.score') FROM revisions r
             JOIN deals d ON d.id = r.deal_id AND d.revision = r.number WHERE d.id = ?1",
            params![deal],
            |r| r.get(0),
        )?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }
}
