//! The outcome flows: what happened after the handoff, asked step by step
//! and recorded as one `Command::Outcome` (the command `baton outcome`
//! runs). Typed answers are checked as the CLI checks its flags (a date, a
//! severity, a ticket); what only the handoff can refuse (a risk that
//! already came true, health before kickoff) is refused by the command.

use super::{Context, Flow, FlowKind, Next, TextRule, parse_date, pick, text};
use crate::handoff::Command;
use crate::handoff::outcomes::{
    Checkpoint, Escalation, Health, HealthCheck, Outcome, Severity, Source, TicketRef,
};

/// Where an escalation came from, as the source pick lists it.
const SOURCES: [(Source, &str); 6] = [
    (Source::Email, "Email"),
    (Source::Call, "Call"),
    (Source::Meeting, "Meeting"),
    (Source::Executive, "Executive (over the team's head)"),
    (Source::Ticket, "Support-desk ticket"),
    (Source::Other, "Other"),
];

const HEALTH: [(Health, &str); 3] = [
    (Health::Green, "Green: on track"),
    (Health::Amber, "Amber: at risk"),
    (Health::Red, "Red: in trouble"),
];

/// The next step of an outcome flow, or its command.
pub(super) fn next(flow: &Flow, cx: &Context) -> Next {
    match flow.kind {
        FlowKind::Escalation => escalation(flow, cx),
        FlowKind::RiskMaterialised => risk(flow, cx),
        _ => health(flow, cx),
    }
}

fn escalation(flow: &Flow, cx: &Context) -> Next {
    let n = flow.answers.len();
    let source = SOURCES[flow.picked(2).min(SOURCES.len() - 1)].0;
    // With a ticket the answers are: date, severity, source, ticket, note.
    let ticket = usize::from(source == Source::Ticket);
    match n {
        0 => text(
            format!("Escalation on {}: when", flow.deal),
            &cx.today.to_string(),
            "the day it was raised, YYYY-MM-DD",
            TextRule::Date,
        ),
        1 => text(
            "Severity".into(),
            "",
            "low, medium, high or critical (P1-P4 read too)",
            TextRule::Severity,
        ),
        2 => Next::Ask(super::Step::Pick {
            title: "Where did it come from?".into(),
            options: SOURCES.iter().map(|(_, l)| l.to_string()).collect(),
            selected: 0,
        }),
        3 if ticket == 1 => text(
            "Ticket".into(),
            "",
            "DESK:ID, e.g. zendesk:4521 or jsm:CS-88",
            TextRule::Ticket,
        ),
        _ if n == 3 + ticket => text(
            "Note".into(),
            "",
            "what happened; optional, Enter to save",
            TextRule::Any,
        ),
        _ => Next::Run(Command::Outcome(Outcome::Escalation(Escalation {
            date: parse_date(flow.typed(0)).ok().flatten().unwrap_or(cx.today),
            severity: Severity::parse(flow.typed(1)).unwrap_or(Severity::Medium),
            source,
            ticket: (ticket == 1)
                .then(|| TicketRef::parse(flow.typed(3)))
                .flatten(),
            note: flow.typed(3 + ticket).to_string(),
        }))),
    }
}

fn risk(flow: &Flow, cx: &Context) -> Next {
    let id = flow.id();
    match flow.answers.len() {
        0 => text(
            format!("{id} came true: when"),
            &cx.today.to_string(),
            "the day it happened, YYYY-MM-DD",
            TextRule::Date,
        ),
        1 => text(
            format!("What happened with {id}?"),
            "",
            "optional; Enter to save",
            TextRule::Any,
        ),
        _ => Next::Run(Command::Outcome(Outcome::RiskMaterialised {
            item: id,
            date: parse_date(flow.typed(0)).ok().flatten().unwrap_or(cx.today),
            note: flow.typed(1).to_string(),
        })),
    }
}

fn health(flow: &Flow, cx: &Context) -> Next {
    let day = Checkpoint::ALL[flow.picked(0).min(Checkpoint::ALL.len() - 1)];
    match flow.answers.len() {
        0 => {
            // The first day without a reading is the one usually due.
            let due = Checkpoint::ALL
                .iter()
                .position(|c| cx.h.outcomes.health_at(*c).is_none())
                .unwrap_or(0);
            let labels: Vec<String> = Checkpoint::ALL
                .iter()
                .map(|c| match cx.h.outcomes.health_at(*c) {
                    Some(h) => format!("Day {} (now {})", c.days(), h.health.as_str()),
                    None => format!("Day {}", c.days()),
                })
                .collect();
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            pick(
                format!("Health of {} after kickoff at", flow.deal),
                &labels,
                due,
            )
        }
        1 => {
            // A second reading for a day starts from the one it replaces.
            let now = cx.h.outcomes.health_at(day).map(|h| h.health);
            pick(
                format!("Health at day {}", day.days()),
                &HEALTH.map(|(_, l)| l),
                HEALTH
                    .iter()
                    .position(|(h, _)| Some(*h) == now)
                    .unwrap_or(0),
            )
        }
        2 => text(
            "Note".into(),
            "",
            "why; optional, Enter to save",
            TextRule::Any,
        ),
        _ => Next::Run(Command::Outcome(Outcome::Health(HealthCheck {
            day,
            health: HEALTH[flow.picked(1).min(HEALTH.len() - 1)].0,
            note: flow.typed(2).to_string(),
        }))),
    }
}
