//! The rows of the pilot readout, read once for `baton pilot` and the TUI's
//! metrics screen alike: both call [`Workspace::pilot_readout`], so the two
//! fronts show one computation (`metrics::pilot::readout`).

use super::store::time;
use super::{Result, Workspace};
use crate::metrics::pilot::{self, PilotDeal, PilotSpec, Readout};
use jiff::civil::Date;
use std::collections::HashMap;

impl Workspace {
    /// The pilot readout of `spec` as of `today`.
    pub fn pilot_readout(&self, spec: &PilotSpec, today: Date) -> Result<Readout> {
        let (deals, _) = self.metrics_rows()?;
        let names: HashMap<String, PilotDeal> = self
            .list()?
            .into_iter()
            .map(|d| {
                (
                    d.id.clone(),
                    PilotDeal {
                        id: d.id,
                        account: d.account,
                    },
                )
            })
            .collect();
        let events = self.events_in(None, None, None)?;
        Ok(pilot::readout(&deals, &names, &events, spec, today))
    }

    /// Where a pilot starts when no start is given: the day the first
    /// handoff was created (when the team began handing off with baton), or
    /// `today` in a workspace without one.
    pub fn pilot_start(&self, today: Date) -> Result<Date> {
        let first: Option<String> = self.conn.query_row(
            "SELECT min(at) FROM events WHERE kind = 'handoff_created'",
            [],
            |r| r.get(0),
        )?;
        Ok(first.map_or(today, |at| {
            time(&at).to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
        }))
    }
}
