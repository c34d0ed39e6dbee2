use super::*;
use serde_json::json;

fn ev(deal: &str, kind: &str, at: &str, payload: serde_json::Value) -> EventRow {
    EventRow {
        deal: deal.into(),
        kind: kind.into(),
        at: format!("{at}T10:00:00Z").parse().unwrap(),
        payload,
    }
}

fn deal(id: &str, segment: &str, closed: Date) -> DealRow {
    DealRow {
        id: id.into(),
        segment: Some(segment.into()),
        closed_on: Some(closed),
        ..DealRow::default()
    }
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn sample() -> (Vec<DealRow>, Vec<EventRow>) {
    let mut deals = vec![
        deal("A", "smb", d("2026-06-01")),
        deal("B", "smb", d("2026-06-01")),
        deal("C", "enterprise", d("2026-06-10")),
        deal("D", "smb", d("2026-06-20")),
    ];
    deals[0].first_value_date = Some(d("2026-08-01"));
    deals[1].first_value_date = Some(d("2026-09-01"));
    deals[2].unowned_open_risks = 2;
    let events = vec![
        // A: created day 3, accepted day 10, kickoff day 20 (moved 5 days later), first value late.
        ev("A", "handoff_created", "2026-06-04", json!({})),
        ev("A", "handoff_accepted", "2026-06-11", json!({})),
        ev(
            "A",
            "kickoff_moved",
            "2026-06-12",
            json!({"from": "2026-06-16", "to": "2026-06-21"}),
        ),
        ev(
            "A",
            "kickoff_held",
            "2026-06-21",
            json!({"date": "2026-06-21"}),
        ),
        ev(
            "A",
            "first_value_reached",
            "2026-08-05",
            json!({"date": "2026-08-05"}),
        ),
        // B: returned for missing context, then accepted.
        ev("B", "handoff_created", "2026-06-02", json!({})),
        ev(
            "B",
            "handoff_returned",
            "2026-06-03",
            json!({"reason": "missing_context"}),
        ),
        ev("B", "handoff_accepted", "2026-06-05", json!({})),
        // C: returned for a scope conflict, not accepted yet.
        ev("C", "handoff_created", "2026-06-12", json!({})),
        ev(
            "C",
            "handoff_returned",
            "2026-06-13",
            json!({"reason": "scope_conflict"}),
        ),
        // D: created only, outside a since filter.
        ev("D", "handoff_created", "2026-07-01", json!({})),
    ];
    (deals, events)
}

#[test]
fn counts_rates_and_clocks() {
    let (deals, events) = sample();
    let m = compute(&deals, &events, &Filter::default(), d("2026-10-01"));
    assert_eq!(m.handoffs_created, 4);
    assert_eq!(m.handoffs_accepted, 2);
    assert_eq!(m.handoffs_decided, 3);
    // Only A was accepted without a missing-context return: 1 of 3 decided.
    assert!((m.cs_handoff_acceptance_rate.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(m.meets_pilot_bar, Some(false));
    assert_eq!(m.missing_context_returns, 1);
    assert_eq!(m.returns_by_reason["scope_conflict"], 1);
    // Submitted: A 3, B 1, C 2, D 11 days -> median 2.5.
    assert_eq!(m.median_days_closed_to_submitted, Some(2.5));
    // Accepted: A 10, B 4 -> 7.
    assert_eq!(m.median_days_closed_to_accepted, Some(7.0));
    assert_eq!(m.median_days_closed_to_kickoff, Some(20.0));
    assert_eq!(
        m.kickoff_delays,
        KickoffDelays {
            moves_later: 1,
            deals_delayed: 1,
            total_days_delayed: 5
        }
    );
    // A reached first value late; B's date passed without it.
    assert_eq!(m.first_value_misses, 2);
    assert_eq!(m.open_risks_without_owner, 2);
}

#[test]
fn filters_by_segment_and_creation_date() {
    let (deals, events) = sample();
    let smb = Filter {
        segment: Some("smb".into()),
        ..Filter::default()
    };
    assert_eq!(
        compute(&deals, &events, &smb, d("2026-07-01")).handoffs_created,
        3
    );
    let june = Filter {
        since: Some(d("2026-06-03")),
        until: Some(d("2026-06-30")),
        ..Filter::default()
    };
    let m = compute(&deals, &events, &june, d("2026-07-01"));
    assert_eq!(m.handoffs_created, 2, "A and C");
    assert_eq!(
        m.first_value_misses, 1,
        "A reached it late; B is not in the cohort"
    );
    let none = compute(&[], &[], &Filter::default(), d("2026-07-01"));
    assert_eq!(none.cs_handoff_acceptance_rate, None);
    assert!(render(&none).contains("n/a"));
}

#[test]
fn meets_the_bar_when_all_accepted_clean() {
    let deals = vec![deal("A", "smb", d("2026-06-01"))];
    let events = vec![
        ev("A", "handoff_created", "2026-06-02", json!({})),
        ev(
            "A",
            "handoff_returned",
            "2026-06-03",
            json!({"reason": "other"}),
        ),
        ev("A", "handoff_accepted", "2026-06-04", json!({})),
    ];
    let m = compute(&deals, &events, &Filter::default(), d("2026-06-05"));
    assert_eq!(m.cs_handoff_acceptance_rate, Some(1.0));
    assert_eq!(m.meets_pilot_bar, Some(true));
    assert!(render(&m).contains("meets the 90% pilot bar"));
}
