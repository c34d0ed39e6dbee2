//! `baton import --tickets FILE.csv`: read the export, check every row, match
//! tickets to handoffs, and record the escalations in one transaction; print
//! what matched and what did not.

use super::session::{self, Global};
use baton::handoff::Command;
use baton::handoff::outcomes::Outcome;
use baton::workspace::{self, TicketReadError, config};
use std::path::Path;

pub fn run(global: &Global, file: &Path) -> Result<(), String> {
    let cfg = match config::config_path() {
        Some(p) => workspace::load_ticket_config(&p)?,
        None => workspace::TicketConfig::default(),
    };
    // The whole export is read and checked before the workspace is touched:
    // a bad row writes nothing.
    let read = match workspace::read_tickets(file, &cfg) {
        Ok(read) => read,
        Err(TicketReadError::File(message)) => return Err(message),
        Err(TicketReadError::Rows(errors)) => {
            if let [one] = errors.as_slice() {
                return Err(format!("{one}; nothing was written"));
            }
            for e in &errors {
                eprintln!("baton: {}", super::one_line(&e.to_string()));
            }
            return Err(format!(
                "{}: {} bad rows; nothing was written",
                file.display(),
                errors.len()
            ));
        }
    };
    // A ticket export needs handoffs to match: never create a workspace for it.
    drop(session::open_to_read(global)?);
    let mut s = session::open(global)?;
    let ctx = s.ctx_or_system("import")?;
    let targets = s.ws.ticket_targets().map_err(|e| e.to_string())?;
    let recorded = s.ws.recorded_tickets().map_err(|e| e.to_string())?;
    let total = read.tickets.len();
    let plan = workspace::plan_tickets(&read.desk, read.tickets, &targets, &recorded, &cfg);
    let commands: Vec<(String, Command)> = plan
        .record
        .iter()
        .map(|(deal, e)| {
            (
                deal.clone(),
                Command::Outcome(Outcome::Escalation(e.clone())),
            )
        })
        .collect();
    s.ws.run_all(&ctx, &commands).map_err(|e| e.to_string())?;
    let shown = file.display().to_string();
    session::print(&workspace::ticket_report(
        &shown, &read.desk, total, &plan, &cfg,
    ))
}
