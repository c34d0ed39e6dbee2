use super::*;
use crate::handoff::test_support::handoff;
use crate::handoff::{Actor, Command, Role, Signed};
use jiff::civil::date;

fn ctx() -> Ctx {
    Ctx::new(
        Actor {
            name: "Priya".into(),
            role: Some(Role::Csm),
        },
        "2026-09-01T10:00:00Z".parse().unwrap(),
    )
}

fn escalation(day: Date, ticket: Option<(&str, &str)>) -> Outcome {
    Outcome::Escalation(Escalation {
        date: day,
        severity: Severity::High,
        source: if ticket.is_some() {
            Source::Ticket
        } else {
            Source::Email
        },
        ticket: ticket.map(|(desk, id)| TicketRef {
            desk: Desk::named(desk),
            id: id.into(),
        }),
        note: "  CFO emailed the CEO  ".into(),
    })
}

#[test]
fn an_escalation_is_one_event_with_its_fields() {
    let mut h = handoff();
    let change = Command::Outcome(escalation(date(2026, 8, 3), None))
        .apply(&mut h, &ctx())
        .unwrap();
    assert_eq!(change.events.len(), 1);
    let (kind, p) = &change.events[0];
    assert_eq!(*kind, EventKind::EscalationRecorded);
    assert_eq!(p["date"], "2026-08-03");
    assert_eq!(p["severity"], "high");
    assert_eq!(p["source"], "email");
    assert_eq!(p["note"], "CFO emailed the CEO");
    assert!(p.get("ticket").is_none());
    assert_eq!(h.outcomes.escalations.len(), 1);
}

#[test]
fn the_same_ticket_twice_is_refused_and_another_desk_is_not() {
    let mut h = handoff();
    let c = ctx();
    Command::Outcome(escalation(date(2026, 8, 3), Some(("zendesk", "4521"))))
        .apply(&mut h, &c)
        .unwrap();
    let again = Command::Outcome(escalation(date(2026, 8, 4), Some(("Zendesk", "4521"))))
        .apply(&mut h, &c)
        .unwrap_err();
    assert_eq!(
        again.to_string(),
        "OPP-1: zendesk ticket 4521 is already recorded as an escalation"
    );
    Command::Outcome(escalation(date(2026, 8, 4), Some(("freshdesk", "4521"))))
        .apply(&mut h, &c)
        .unwrap();
    assert_eq!(h.outcomes.escalations.len(), 2);
}

#[test]
fn an_escalation_before_the_deal_closed_is_refused() {
    let mut h = handoff();
    let err = Command::Outcome(escalation(date(2026, 5, 31), None))
        .apply(&mut h, &ctx())
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("before the deal closed (2026-06-01)")
    );
}

#[test]
fn a_materialised_risk_names_a_risk_item_and_keeps_its_owner() {
    let mut h = handoff();
    let c = ctx();
    let risk = |item: &str| {
        Command::Outcome(Outcome::RiskMaterialised {
            item: item.into(),
            date: date(2026, 8, 20),
            note: "export failed at cutover".into(),
        })
    };
    assert_eq!(
        risk("R9").apply(&mut h, &c).unwrap_err().to_string(),
        "OPP-1: no item R9 (baton show OPP-1 lists the ids)"
    );
    assert!(
        risk("C1")
            .apply(&mut h, &c)
            .unwrap_err()
            .to_string()
            .starts_with("C1 is a commitment, not a risk")
    );
    let i = h.items.iter().position(|i| i.id == "R1").unwrap();
    h.items[i].decision = Decision::Risk {
        owner: "Wen".into(),
        due: None,
        status: crate::handoff::items::RiskStatus::Open,
        by: Signed {
            name: "Priya".into(),
            role: Some(Role::Csm),
            at: c.now,
        },
    };
    let change = risk("r1").apply(&mut h, &c).unwrap();
    let p = &change.events[0].1;
    assert_eq!(p["item"], "R1");
    assert_eq!(p["owner"], "Wen");
    assert_eq!(p["text"], "Legacy export untested");
    assert!(
        risk("R1")
            .apply(&mut h, &c)
            .unwrap_err()
            .to_string()
            .contains("R1 already materialised on 2026-08-20")
    );
}

#[test]
fn health_needs_a_held_kickoff_and_the_latest_reading_counts() {
    let mut h = handoff();
    let c = ctx();
    let reading = |health| {
        Command::Outcome(Outcome::Health(HealthCheck {
            day: Checkpoint::Day30,
            health,
            note: String::new(),
        }))
    };
    // One sentence: what was refused, the state, and what comes first.
    let refused = reading(Health::Red).apply(&mut h, &c).unwrap_err();
    assert_eq!(
        refused.to_string(),
        format!(
            "cannot record the health of a handoff that is {}; hold the kickoff first",
            h.status.label()
        )
    );
    h.status = Status::KickedOff;
    reading(Health::Red).apply(&mut h, &c).unwrap();
    let change = reading(Health::Amber).apply(&mut h, &c).unwrap();
    assert_eq!(change.events[0].1["day"], 30);
    assert_eq!(change.events[0].1["health"], "amber");
    assert_eq!(
        h.outcomes.health_at(Checkpoint::Day30).unwrap().health,
        Health::Amber
    );
    assert!(h.outcomes.health_at(Checkpoint::Day60).is_none());
}

#[test]
fn payloads_read_back_into_outcomes() {
    let mut h = handoff();
    h.status = Status::KickedOff;
    let c = ctx();
    let mut outcomes = Outcomes::default();
    for o in [
        escalation(date(2026, 8, 3), Some(("jira", "CS-12"))),
        Outcome::Health(HealthCheck {
            day: Checkpoint::Day60,
            health: Health::Green,
            note: "fine".into(),
        }),
    ] {
        for (kind, p) in Command::Outcome(o).apply(&mut h, &c).unwrap().events {
            outcomes.absorb(kind, p);
        }
    }
    assert_eq!(outcomes, h.outcomes);
    assert_eq!(
        outcomes.escalations[0].ticket.as_ref().unwrap().desk,
        Desk::JiraServiceManagement
    );
}

#[test]
fn desk_priorities_read_as_severities() {
    for (word, severity) in [
        ("Urgent", Severity::Critical),
        ("Highest", Severity::Critical),
        ("Blocker", Severity::Critical),
        ("High", Severity::High),
        ("Major", Severity::High),
        ("Normal", Severity::Medium),
        ("Medium", Severity::Medium),
        ("Lowest", Severity::Low),
        ("P1", Severity::Critical),
        ("sev-2", Severity::High),
    ] {
        assert_eq!(Severity::parse(word), Some(severity), "{word}");
    }
    assert_eq!(Severity::parse("whenever"), None);
    assert_eq!(Checkpoint::parse("day-60"), Some(Checkpoint::Day60));
    assert_eq!(Checkpoint::parse("45"), None);
}
