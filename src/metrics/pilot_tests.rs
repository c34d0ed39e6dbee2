use super::*;
use serde_json::{Value, json};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

struct Log(Vec<Event>);

impl Log {
    fn add(&mut self, deal: &str, kind: &str, on: &str, who: &str, payload: Value) -> i64 {
        let id = self.0.len() as i64 + 1;
        self.0.push(Event {
            id,
            deal: deal.into(),
            kind: kind.into(),
            actor: who.into(),
            role: None,
            at: format!("{on}T10:00:00Z").parse().unwrap(),
            payload,
        });
        id
    }
}

fn row(id: &str, segment: &str) -> DealRow {
    DealRow {
        id: id.into(),
        segment: Some(segment.into()),
        closed_on: Some(d("2026-05-30")),
        ..DealRow::default()
    }
}

/// Six handoffs, four in the pilot (smb, created 2026-06-01 .. 07-30);
/// every number of the readout is counted by hand in the comments.
fn sample() -> (Vec<DealRow>, HashMap<String, PilotDeal>, Vec<Event>) {
    let mut deals = vec![
        row("P1", "smb"),
        row("P2", "smb"),
        row("P3", "smb"),
        row("P4", "smb"),
        row("P5", "enterprise"),
        row("P6", "smb"),
    ];
    deals[0].kickoff = Some(d("2026-06-25"));
    deals[0].first_value_date = Some(d("2026-07-15"));
    deals[2].first_value_date = Some(d("2026-08-01"));
    let mut log = Log(Vec::new());
    for (id, on) in [
        ("P1", "2026-06-02"),
        ("P2", "2026-06-03"),
        ("P3", "2026-06-04"),
        ("P4", "2026-06-05"),
        ("P5", "2026-06-05"),
        ("P6", "2026-08-15"),
    ] {
        log.add(id, "handoff_created", on, "baton import", json!({}));
    }
    // P1: accepted clean; kickoff moved 5 days later; escalated 6 days after
    // the moved kickoff; first value 5 days late.
    log.add("P1", "handoff_accepted", "2026-06-10", "Ana", json!({}));
    log.add(
        "P1",
        "kickoff_moved",
        "2026-06-11",
        "Ana",
        json!({"from": "2026-06-20", "to": "2026-06-25"}),
    );
    log.add(
        "P1",
        "escalation_recorded",
        "2026-07-01",
        "Ana",
        json!({"date": "2026-07-01", "severity": "high", "source": "email", "note": "CFO *angry*"}),
    );
    log.add(
        "P1",
        "first_value_reached",
        "2026-07-20",
        "Ana",
        json!({"date": "2026-07-20"}),
    );
    // P2: returned for missing context, then accepted; R1 owned before its
    // kickoff and came true 16 days after it.
    log.add(
        "P2",
        "handoff_returned",
        "2026-06-05",
        "Ana",
        json!({"reason": "missing_context", "note": "who approved the discount?"}),
    );
    log.add(
        "P2",
        "risk_owner_assigned",
        "2026-06-06",
        "Ana",
        json!({"item": "R1", "owner": "Wen"}),
    );
    log.add("P2", "handoff_accepted", "2026-06-12", "Ana", json!({}));
    log.add(
        "P2",
        "kickoff_held",
        "2026-06-15",
        "Ana",
        json!({"date": "2026-06-15"}),
    );
    log.add(
        "P2",
        "risk_materialised",
        "2026-07-01",
        "Wen",
        json!({"item": "R1", "date": "2026-07-01", "text": "Legacy export untested", "owner": "Wen"}),
    );
    // P3: returned for a scope conflict, not accepted; first value not reached.
    log.add(
        "P3",
        "handoff_returned",
        "2026-06-06",
        "Ana",
        json!({"reason": "scope_conflict"}),
    );
    // P5 (another segment) and P6 (created after the window) are not counted.
    log.add("P5", "handoff_accepted", "2026-06-09", "Ana", json!({}));
    log.add(
        "P6",
        "handoff_returned",
        "2026-08-16",
        "Ana",
        json!({"reason": "missing_context"}),
    );
    let names = deals
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                PilotDeal {
                    id: r.id.clone(),
                    account: Some(format!("{} Ltd", r.id)),
                },
            )
        })
        .collect();
    (deals, names, log.0)
}

fn spec(segment: &str, min_decided: u32) -> PilotSpec {
    PilotSpec {
        segment: Some(segment.into()),
        since: d("2026-06-01"),
        days: 60,
        min_decided,
    }
}

#[test]
fn every_number_matches_a_hand_count() {
    let (deals, names, events) = sample();
    let r = readout(
        &deals,
        &names,
        &events,
        &spec("smb", MIN_DECIDED),
        d("2026-09-01"),
    );
    let m = &r.metrics;
    assert_eq!(r.spec.until(), d("2026-07-30"));
    // Sample: P1-P4; decided P1, P2, P3; accepted P1, P2; clean P1 only.
    assert_eq!(
        (m.handoffs_created, m.handoffs_decided, m.handoffs_accepted),
        (4, 3, 2)
    );
    assert_eq!(r.accepted_clean, 1);
    assert_eq!(r.verdict, Verdict::NotMet);
    assert_eq!(
        r.verdict_line(),
        "NOT MET: 33.3% of decided handoffs accepted without a missing-context return (1 of 3), below the 90% bar"
    );
    let page = r.render(false);
    for expected in [
        "Pilot readout: segment smb, handoffs created 2026-06-01 to 2026-07-30 (60 days)",
        "Sample: 4 handoff(s) created; 3 decided (2 accepted, 1 returned and not accepted); 1 not decided yet",
        "Acceptance: 1 of 3 decided handoff(s) accepted without a missing-context return",
        "  - P1 P1 Ltd: accepted without a missing-context return (2026-06-10, Ana, event 7)",
        "  - P2 P2 Ltd: accepted after a missing-context return (2026-06-12, Ana, event 13)",
        "  - P3 P3 Ltd: returned, not accepted yet",
        "  - P4 P4 Ltd: not decided yet",
        "Returns to the AE: 1 missing-context return(s); by reason: missing_context 1, scope_conflict 1",
        "  - P2 P2 Ltd: returned, missing_context (2026-06-05, Ana, event 11): \"who approved the discount?\"",
        "Kickoff delays: 1 handoff(s) delayed, 1 move(s), 5 day(s) in all",
        "  - P1 P1 Ltd: kickoff moved from 2026-06-20 to 2026-06-25 (2026-06-11, Ana, event 8)",
        "First-value misses: 2 handoff(s)",
        "  - P1 P1 Ltd: first value due 2026-07-15, reached late (2026-07-20, Ana, event 10)",
        "  - P3 P3 Ltd: first value due 2026-08-01, not reached",
        "Escalations: 1 escalation(s) on 1 handoff(s); median 6.0 days from kickoff to the first",
        "  - P1 P1 Ltd: high escalation on 2026-07-01 from email (2026-07-01, Ana, event 9): \"CFO *angry*\"",
        "Risks that came true: 1 (1 owned at kickoff, 0 not)",
        "  - P2 P2 Ltd: R1 \"Legacy export untested\" came true on 2026-07-01 (2026-07-01, Wen, event 15)",
        // Not returned: P1 (escalated), P3, P4 -> 1 of 3; returned: P2 (risk) -> 1 of 1.
        "early customer risk 33% of handoffs not returned for missing context (1 of 3) against 100% of those returned (1 of 1)",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in\n{page}");
    }
    assert!(!page.contains("P5") && !page.contains("P6"), "{page}");
    let md = r.render(true);
    assert!(md.starts_with("# Pilot readout: segment smb"), "{md}");
    assert!(md.contains("\n**NOT MET: 33.3%"), "{md}");
    assert!(md.contains("## Escalations"), "{md}");
    assert!(
        md.contains(r#"\"CFO \*angry\*\""#) || md.contains("\"CFO \\*angry\\*\""),
        "{md}"
    );
}

#[test]
fn the_verdict_needs_enough_decided_handoffs() {
    let (deals, names, events) = sample();
    let r = readout(&deals, &names, &events, &spec("smb", 4), d("2026-09-01"));
    assert_eq!(r.verdict, Verdict::TooFew);
    assert_eq!(
        r.verdict_line(),
        "TOO FEW HANDOFFS: 3 decided, 4 needed for a verdict (acceptance so far 33.3%)"
    );
    let r = readout(
        &deals,
        &names,
        &events,
        &spec("enterprise", 1),
        d("2026-09-01"),
    );
    assert_eq!(r.verdict, Verdict::Met);
    assert!(
        r.verdict_line()
            .starts_with("MET: 100.0% of decided handoffs"),
        "{}",
        r.verdict_line()
    );
}
