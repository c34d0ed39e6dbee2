//! `baton import --tickets FILE.csv`: a support desk's ticket export
//! (Zendesk, Jira Service Management, Freshdesk, or any desk mapped in
//! `[tickets]`) matched to handoffs by account or e-mail domain; tickets
//! tagged or prioritised as escalations within the window after kickoff
//! become `escalation_recorded` events, all in one transaction, keyed on desk
//! and ticket id so a second import adds nothing.

mod config;
mod plan;
mod read;

pub use config::{TicketConfig, load_ticket_config, parse_ticket_config};
pub use plan::{Plan, Skip, Target, email_domain, normalise_account, plan, report};
pub use read::{ReadError, Ticket, read_tickets};

use super::store::date;
use super::{Result, Workspace};
use crate::handoff::outcomes::{Desk, TicketRef};
use std::collections::{BTreeMap, BTreeSet, HashSet};

impl Workspace {
    /// Every handoff as a ticket can match it: account, kickoff (held, else
    /// planned) and the e-mail domains its current evidence mentions.
    pub fn ticket_targets(&self) -> Result<Vec<Target>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, account, closed_on, coalesce(kickoff_held_on, kickoff_moved_to, kickoff)
             FROM deals ORDER BY id",
        )?;
        let mut targets: Vec<Target> = stmt
            .query_map([], |r| {
                Ok(Target {
                    deal: r.get(0)?,
                    account: r.get(1)?,
                    closed_on: date(r.get(2)?),
                    kickoff: date(r.get(3)?),
                    domains: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let address = regex::Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
            .expect("a valid pattern");
        let mut domains: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT f.deal_id, f.text FROM files f JOIN deals d
               ON d.id = f.deal_id AND d.revision = f.revision",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let deal: String = r.get(0)?;
            let text: String = r.get(1)?;
            let found = domains.entry(deal).or_default();
            for m in address.find_iter(&text) {
                found.extend(email_domain(m.as_str()));
            }
        }
        for t in &mut targets {
            t.domains = domains
                .remove(&t.deal)
                .unwrap_or_default()
                .into_iter()
                .collect();
        }
        Ok(targets)
    }

    /// The tickets already recorded as escalations, on any handoff.
    pub fn recorded_tickets(&self) -> Result<HashSet<TicketRef>> {
        let mut stmt = self.conn.prepare(
            "SELECT json_extract(payload, '$.ticket.desk'), json_extract(payload, '$.ticket.id')
             FROM events WHERE kind = 'escalation_recorded'
               AND json_extract(payload, '$.ticket.id') IS NOT NULL",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let desk: String = r.get(0)?;
                Ok(TicketRef {
                    desk: Desk::named(&desk),
                    id: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests;
