//! Read-only queries: the deal list, revision diffs, the event log and the rows
//! the metrics are computed from. Each is one simple, indexed statement so a
//! workspace of 10,000 deals answers quickly.

use super::store::{date, time};
use super::{Result, Workspace};
use crate::handoff::Event;
use crate::metrics::{DealRow, EventRow};
use jiff::Timestamp;
use rusqlite::params;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct DealSummary {
    pub id: String,
    pub name: Option<String>,
    pub account: Option<String>,
    pub segment: Option<String>,
    pub status: String,
    pub revision: u32,
    /// Items still waiting for a decision (pending, or sent to the AE).
    pub open_items: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileDiff {
    pub revision: u32,
    pub path: String,
    /// `added`, `removed` or `modified`.
    pub change: String,
    pub diff: String,
}

/// An approval as the history keeps it, including invalidated ones.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalRecord {
    pub role: String,
    pub name: String,
    pub at: String,
    pub hash: String,
    pub invalidated_at: Option<String>,
    pub invalidated_reason: Option<String>,
}

impl Workspace {
    /// Every deal, by id.
    pub fn list(&self) -> Result<Vec<DealSummary>> {
        let mut stmt = self.conn.prepare(
            // One grouped pass over the items, not a subquery per deal: the
            // planner could pick the (kind, state) index for a per-deal count
            // and scan every item of every deal.
            "SELECT d.id, d.name, d.account, d.segment, d.status, d.revision, d.updated_at,
                    coalesce(o.n, 0)
             FROM deals d
             LEFT JOIN (SELECT deal_id, count(*) AS n FROM items
                        WHERE state IN ('pending', 'sent_to_ae') GROUP BY deal_id) o
               ON o.deal_id = d.id
             ORDER BY d.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(DealSummary {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    account: r.get(2)?,
                    segment: r.get(3)?,
                    status: r.get(4)?,
                    revision: r.get(5)?,
                    updated_at: r.get(6)?,
                    open_items: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The diffs of one revision (the latest when `revision` is `None`).
    pub fn diff(&self, deal: &str, revision: Option<u32>) -> Result<Vec<FileDiff>> {
        let h = super::store::load(&self.conn, deal)?;
        let number = revision.unwrap_or(h.revision);
        if number == 0 || number > h.revision {
            return Err(super::Error::Invalid(format!(
                "{deal}: no revision {number} (revisions 1 to {})",
                h.revision
            )));
        }
        let mut stmt = self.conn.prepare(
            "SELECT revision, path, change, diff FROM file_diffs
             WHERE deal_id = ?1 AND revision = ?2 ORDER BY path",
        )?;
        let rows = stmt
            .query_map(params![deal, number], |r| {
                Ok(FileDiff {
                    revision: r.get(0)?,
                    path: r.get(1)?,
                    change: r.get(2)?,
                    diff: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every approval of a deal, invalidated ones with when and why.
    pub fn approval_history(&self, deal: &str) -> Result<Vec<ApprovalRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT role, name, at, hash, invalidated_at, invalidated_reason
             FROM approvals WHERE deal_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([deal], |r| {
                Ok(ApprovalRecord {
                    role: r.get(0)?,
                    name: r.get(1)?,
                    at: r.get(2)?,
                    hash: r.get(3)?,
                    invalidated_at: r.get(4)?,
                    invalidated_reason: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Events in order, optionally from `since` on and for one deal.
    pub fn events(&self, since: Option<Timestamp>, deal: Option<&str>) -> Result<Vec<Event>> {
        self.events_in(since, None, deal)
    }

    /// Events in order from `since` up to and including `until` (each
    /// optional, to the second), optionally for one deal.
    pub fn events_in(
        &self,
        since: Option<Timestamp>,
        until: Option<Timestamp>,
        deal: Option<&str>,
    ) -> Result<Vec<Event>> {
        use crate::handoff::events::stamp;
        let since = since.map(stamp).unwrap_or_default();
        // Stamps are RFC 3339 UTC to the second: text order is time order, and
        // this one is after every stamp.
        let until = until.map_or_else(|| "9999-12-31T23:59:59Z".to_string(), stamp);
        // Two statements, not `(?2 IS NULL OR deal_id = ?2)`: that form keeps
        // the planner off the (deal_id, id) index and scans every event.
        let sql = match deal {
            Some(_) => {
                "SELECT id, deal_id, kind, actor, role, at, payload FROM events
                 WHERE deal_id = ?2 AND at >= ?1 AND at <= ?3 ORDER BY id"
            }
            None => {
                "SELECT id, deal_id, kind, actor, role, at, payload FROM events
                 WHERE at >= ?1 AND at <= ?3 AND ?2 IS NULL ORDER BY id"
            }
        };
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt
            .query_map(params![since, deal, until], |r| {
                let at: String = r.get(5)?;
                let payload: String = r.get(6)?;
                Ok(Event {
                    id: r.get(0)?,
                    deal: r.get(1)?,
                    kind: r.get(2)?,
                    actor: r.get(3)?,
                    role: r.get(4)?,
                    at: time(&at),
                    payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The rows the metrics need: every deal with its unowned open risks, and
    /// only the event kinds the metrics read.
    pub fn metrics_rows(&self) -> Result<(Vec<DealRow>, Vec<EventRow>)> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.segment, d.closed_on, d.first_value_date, coalesce(r.n, 0),
                    coalesce(d.kickoff_moved_to, d.kickoff), d.score
             FROM deals d
             LEFT JOIN (SELECT deal_id, count(*) AS n FROM items
                        WHERE kind = 'risk' AND (state = 'pending'
                              OR (state = 'open' AND coalesce(trim(owner), '') = ''))
                        GROUP BY deal_id) r
               ON r.deal_id = d.id",
        )?;
        let deals = stmt
            .query_map([], |r| {
                Ok(DealRow {
                    id: r.get(0)?,
                    segment: r.get(1)?,
                    closed_on: date(r.get(2)?),
                    first_value_date: date(r.get(3)?),
                    unowned_open_risks: r.get(4)?,
                    kickoff: date(r.get(5)?),
                    score: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT deal_id, kind, at, payload FROM events
             WHERE kind IN ('handoff_created', 'handoff_accepted', 'handoff_returned',
                            'kickoff_held', 'kickoff_moved', 'first_value_reached',
                            'risk_owner_assigned', 'escalation_recorded', 'risk_materialised',
                            'health_recorded')",
        )?;
        let events = stmt
            .query_map([], |r| {
                let at: String = r.get(2)?;
                let payload: String = r.get(3)?;
                Ok(EventRow {
                    deal: r.get(0)?,
                    kind: r.get(1)?,
                    at: time(&at),
                    payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok((deals, events))
    }
}
