//! Reading a handoff from its rows and writing its review state back. Dates are
//! stored as `YYYY-MM-DD`, times as RFC 3339 UTC to the second.

use super::{Error, Result};
use crate::handoff::events::stamp;
use crate::handoff::{
    Approval, BriefSnapshot, Change, Ctx, Deal, Decision, EventKind, Handoff, Item, ItemKind,
    Milestones, Outcomes, Role, Signed, Sources, Status,
};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Row, params};

pub(super) fn date(s: Option<String>) -> Option<Date> {
    s.and_then(|s| s.parse().ok())
}

pub(super) fn time(s: &str) -> Timestamp {
    s.parse().unwrap_or(Timestamp::UNIX_EPOCH)
}

fn ymd(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn signed(name: Option<String>, role: Option<String>, at: Option<String>) -> Option<Signed> {
    Some(Signed {
        name: name?,
        role: role.as_deref().and_then(Role::parse),
        at: time(&at?),
    })
}

pub(super) fn require_deal(conn: &Connection, deal: &str) -> Result<()> {
    let found: Option<i64> = conn
        .query_row("SELECT 1 FROM deals WHERE id = ?1", [deal], |r| r.get(0))
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::UnknownDeal(deal.to_string()))
}

pub(super) fn load(conn: &Connection, deal: &str) -> Result<Handoff> {
    let mut h = conn
        .query_row(
            "SELECT id, name, account, segment, ae, csm, closed_on, kickoff, kickoff_moved_to,
                    first_value_date, first_value_criteria, status, revision,
                    success_confirmed_by, success_confirmed_role, success_confirmed_at,
                    first_value_confirmed_by, first_value_confirmed_role, first_value_confirmed_at,
                    kickoff_held_on, first_value_reached_on
             FROM deals WHERE id = ?1",
            [deal],
            deal_row,
        )
        .optional()?
        .ok_or_else(|| Error::UnknownDeal(deal.to_string()))?;
    let (content_hash, notes_files, scope_file, brief_json): (String, u32, Option<String>, String) =
        conn.query_row(
            "SELECT content_hash, notes_files, scope_file, brief_json
             FROM revisions WHERE deal_id = ?1 AND number = ?2",
            params![deal, h.revision],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    h.content_hash = content_hash;
    h.sources = Sources {
        notes_files,
        scope_file,
    };
    h.brief = serde_json::from_str(&brief_json).unwrap_or_default();
    h.items = load_items(conn, deal)?;
    let mut stmt = conn.prepare_cached(
        "SELECT role, name, at, hash FROM approvals
         WHERE deal_id = ?1 AND invalidated_at IS NULL ORDER BY id",
    )?;
    h.approvals = stmt
        .query_map([deal], |r| {
            let role: String = r.get(0)?;
            let at: String = r.get(2)?;
            Ok(Approval {
                role: Role::parse(&role).unwrap_or(Role::Csm),
                name: r.get(1)?,
                at: time(&at),
                hash: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    h.outcomes = load_outcomes(conn, deal)?;
    Ok(h)
}

/// The handoff's outcome events, in the order written (the `events_deal`
/// index serves this).
fn load_outcomes(conn: &Connection, deal: &str) -> Result<Outcomes> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, payload FROM events
         WHERE deal_id = ?1 AND kind IN ('escalation_recorded', 'risk_materialised', 'health_recorded')
         ORDER BY id",
    )?;
    let mut outcomes = Outcomes::default();
    let rows = stmt.query_map([deal], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (kind, payload) = row?;
        if let (Some(kind), Ok(payload)) = (EventKind::parse(&kind), serde_json::from_str(&payload))
        {
            outcomes.absorb(kind, payload);
        }
    }
    Ok(outcomes)
}

fn deal_row(r: &Row) -> rusqlite::Result<Handoff> {
    let status: String = r.get(11)?;
    let kickoff: Option<String> = r.get(7)?;
    let moved: Option<String> = r.get(8)?;
    Ok(Handoff {
        deal: Deal {
            id: r.get(0)?,
            name: r.get(1)?,
            account: r.get(2)?,
            segment: r.get(3)?,
            ae: r.get(4)?,
            csm: r.get(5)?,
            closed_on: date(r.get(6)?),
            kickoff: date(moved.or(kickoff)),
            first_value_date: date(r.get(9)?),
            first_value_criteria: r.get(10)?,
        },
        status: Status::parse(&status).unwrap_or(Status::InReview),
        revision: r.get(12)?,
        content_hash: String::new(),
        brief: BriefSnapshot::default(),
        items: Vec::new(),
        success_confirmed: signed(r.get(13)?, r.get(14)?, r.get(15)?),
        first_value_confirmed: signed(r.get(16)?, r.get(17)?, r.get(18)?),
        sources: Sources::default(),
        milestones: Milestones {
            kickoff_held: date(r.get(19)?),
            first_value_reached: date(r.get(20)?),
        },
        approvals: Vec::new(),
        outcomes: Outcomes::default(),
    })
}

pub(super) fn load_items(conn: &Connection, deal: &str) -> Result<Vec<Item>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, category, about, text, evidence_json, fingerprint,
                state, note, owner, due, decided_by, decided_role, decided_at,
                mentions_json, duplicate_of
         FROM items WHERE deal_id = ?1 ORDER BY position",
    )?;
    let items = stmt
        .query_map([deal], |r| {
            let kind: String = r.get(1)?;
            let kind = ItemKind::parse(&kind).unwrap_or(ItemKind::Risk);
            let evidence: String = r.get(5)?;
            let state: String = r.get(7)?;
            let by = signed(r.get(11)?, r.get(12)?, r.get(13)?);
            let mentions: Option<String> = r.get(14)?;
            Ok(Item {
                id: r.get(0)?,
                kind,
                category: r.get(2)?,
                about: r.get(3)?,
                text: r.get(4)?,
                evidence: serde_json::from_str(&evidence).unwrap_or_default(),
                fingerprint: r.get(6)?,
                mentions: mentions
                    .and_then(|m| serde_json::from_str(&m).ok())
                    .unwrap_or_default(),
                decision: Decision::from_columns(
                    kind,
                    &state,
                    r.get(8)?,
                    r.get(9)?,
                    date(r.get(10)?),
                    by,
                    r.get(15)?,
                ),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

pub(super) fn insert_items(conn: &Connection, deal: &str, items: &[Item]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO items (deal_id, id, position, kind, category, about, text, evidence_json,
                            fingerprint, mentions_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, item) in items.iter().enumerate() {
        stmt.execute(params![
            deal,
            item.id,
            i as i64,
            item.kind.as_str(),
            item.category,
            item.about,
            item.text,
            serde_json::to_string(&item.evidence).unwrap_or_else(|_| "[]".into()),
            item.fingerprint,
            // NULL for an item said once: the column is for claims said more.
            (!item.mentions.is_empty())
                .then(|| serde_json::to_string(&item.mentions).ok())
                .flatten(),
        ])?;
    }
    Ok(())
}

/// Write the review state of `h`: status, confirmations, milestones, and every
/// item's decision.
pub(super) fn save(conn: &Connection, h: &Handoff, ctx: &Ctx) -> Result<()> {
    let s = |x: &Option<Signed>| {
        x.as_ref().map_or((None, None, None), |x| {
            (
                Some(x.name.clone()),
                x.role.map(|r| r.as_str()),
                Some(stamp(x.at)),
            )
        })
    };
    let (sb, sr, sa) = s(&h.success_confirmed);
    let (fb, fr, fa) = s(&h.first_value_confirmed);
    let open = h.open_counts();
    conn.execute(
        "UPDATE deals SET status = ?2,
            kickoff_moved_to = CASE WHEN ?3 IS kickoff AND kickoff_moved_to IS NULL THEN NULL ELSE ?3 END,
            success_confirmed_by = ?4, success_confirmed_role = ?5, success_confirmed_at = ?6,
            first_value_confirmed_by = ?7, first_value_confirmed_role = ?8, first_value_confirmed_at = ?9,
            kickoff_held_on = ?10, first_value_reached_on = ?11, updated_at = ?12,
            open_commitments = ?13, open_conflicts = ?14, unowned_risks = ?15, open_questions = ?16
         WHERE id = ?1",
        params![
            h.deal.id,
            h.status.as_str(),
            ymd(h.deal.kickoff),
            sb,
            sr,
            sa,
            fb,
            fr,
            fa,
            ymd(h.milestones.kickoff_held),
            ymd(h.milestones.first_value_reached),
            stamp(ctx.now),
            open.commitments,
            open.conflicts,
            open.unowned_risks,
            open.questions,
        ],
    )?;
    let mut stmt = conn.prepare_cached(
        "UPDATE items SET state = ?3, note = ?4, owner = ?5, due = ?6,
                decided_by = ?7, decided_role = ?8, decided_at = ?9, duplicate_of = ?10
         WHERE deal_id = ?1 AND id = ?2",
    )?;
    for item in &h.items {
        let d = &item.decision;
        let (owner, due) = match d {
            Decision::Risk { owner, due, .. } => (Some(owner.clone()), ymd(*due)),
            _ => (None, None),
        };
        let by = d.by();
        stmt.execute(params![
            h.deal.id,
            item.id,
            d.state(),
            d.note(),
            owner,
            due,
            by.map(|b| b.name.clone()),
            by.and_then(|b| b.role.map(|r| r.as_str())),
            by.map(|b| stamp(b.at)),
            d.duplicate_of(),
        ])?;
    }
    Ok(())
}

/// Append the events of a change; approval events also update the approvals
/// table, so it always agrees with the log.
pub(super) fn record(conn: &Connection, deal: &str, ctx: &Ctx, change: &Change) -> Result<()> {
    let now = stamp(ctx.now);
    let mut insert = conn.prepare_cached(
        "INSERT INTO events (deal_id, kind, actor, role, at, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    // Every event's text, whoever wrote the change (an import's source folder,
    // an export's path), is stored clean.
    let actor = crate::text::sanitize_line(&ctx.actor.name);
    for (kind, payload) in &change.events {
        let mut payload = payload.clone();
        crate::text::sanitize_json(&mut payload);
        insert.execute(params![
            deal,
            kind.as_str(),
            actor,
            ctx.actor.role.map(|r| r.as_str()),
            now,
            payload.to_string(),
        ])?;
        let text = |k: &str| {
            payload
                .get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        match kind {
            EventKind::ApprovalRecorded => {
                conn.execute(
                    "INSERT INTO approvals (deal_id, role, name, at, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![deal, text("role"), text("name"), now, text("hash")],
                )?;
            }
            EventKind::ApprovalInvalidated => {
                conn.execute(
                    "UPDATE approvals SET invalidated_at = ?4, invalidated_reason = ?5
                     WHERE deal_id = ?1 AND role = ?2 AND hash = ?3 AND invalidated_at IS NULL",
                    params![deal, text("role"), text("hash"), now, text("reason")],
                )?;
            }
            _ => {}
        }
    }
    Ok(())
}
