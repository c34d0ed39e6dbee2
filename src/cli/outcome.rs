//! `baton outcome escalation|risk|health`: what happened after the handoff,
//! each parsed into one `Command::Outcome` and run through `Workspace::run`
//! like every review command.

use super::review::{actor, bad, run};
use super::session::{Global, parse_date};
use baton::handoff::Command;
use baton::handoff::outcomes::{
    Checkpoint, Escalation, Health, HealthCheck, Outcome, Severity, Source, TicketRef,
};

#[derive(clap::Subcommand)]
pub enum OutcomeCommand {
    /// An onboarding escalation: its date, severity, where it came from.
    Escalation {
        deal: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(long, value_name = "low|medium|high|critical")]
        severity: String,
        /// Where it came from (default: ticket with --ticket, else other).
        #[arg(long, value_name = "ticket|email|call|meeting|executive|other")]
        source: Option<String>,
        /// The support-desk ticket, as DESK:ID (zendesk:4521, jsm:CS-88).
        #[arg(long, value_name = "DESK:ID")]
        ticket: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A risk of the handoff (R1, R2 ...) that came true.
    Risk {
        deal: String,
        item: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// The customer's health at day 30, 60 or 90 after kickoff.
    Health {
        deal: String,
        #[arg(long, value_name = "30|60|90")]
        day: String,
        #[arg(long, value_name = "green|amber|red")]
        health: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub fn run_outcome(g: &Global, command: OutcomeCommand) -> Result<(), String> {
    let (deal, outcome) = parse(command)?;
    run(g, &deal, actor, |_| Command::Outcome(outcome))
}

fn parse(command: OutcomeCommand) -> Result<(String, Outcome), String> {
    Ok(match command {
        OutcomeCommand::Escalation {
            deal,
            date,
            severity,
            source,
            ticket,
            note,
        } => {
            let severity = Severity::parse(&severity)
                .ok_or_else(|| bad("--severity", &severity, "low, medium, high or critical"))?;
            let ticket = ticket.as_deref().map(parse_ticket).transpose()?;
            let source = match source {
                Some(s) => Source::parse(&s).ok_or_else(|| {
                    bad(
                        "--source",
                        &s,
                        "ticket, email, call, meeting, executive or other",
                    )
                })?,
                None if ticket.is_some() => Source::Ticket,
                None => Source::Other,
            };
            let date = parse_date("--date", &date)?;
            (
                deal,
                Outcome::Escalation(Escalation {
                    date,
                    severity,
                    source,
                    ticket,
                    note,
                }),
            )
        }
        OutcomeCommand::Risk {
            deal,
            item,
            date,
            note,
        } => {
            let date = parse_date("--date", &date)?;
            (deal, Outcome::RiskMaterialised { item, date, note })
        }
        OutcomeCommand::Health {
            deal,
            day,
            health,
            note,
        } => {
            let day = Checkpoint::parse(&day).ok_or_else(|| bad("--day", &day, "30, 60 or 90"))?;
            let health = Health::parse(&health)
                .ok_or_else(|| bad("--health", &health, "green, amber or red"))?;
            (deal, Outcome::Health(HealthCheck { day, health, note }))
        }
    })
}

fn parse_ticket(s: &str) -> Result<TicketRef, String> {
    TicketRef::parse(s).ok_or_else(|| bad("--ticket", s, "DESK:ID, e.g. zendesk:4521"))
}
