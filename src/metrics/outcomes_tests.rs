use super::super::{DealRow, EventRow, Filter, compute as compute_all};
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

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn deal(id: &str, segment: &str, score: Option<u32>, kickoff: Option<&str>) -> DealRow {
    DealRow {
        id: id.into(),
        segment: Some(segment.into()),
        closed_on: Some(d("2026-06-01")),
        score,
        kickoff: kickoff.map(d),
        ..DealRow::default()
    }
}

/// Four handoffs whose outcomes are counted by hand in the test below.
fn sample() -> (Vec<DealRow>, Vec<EventRow>) {
    let deals = vec![
        deal("A", "smb", Some(85), Some("2026-06-16")),
        deal("B", "smb", Some(65), Some("2026-07-01")),
        deal("C", "enterprise", Some(40), None),
        deal("D", "enterprise", None, None),
    ];
    let created = |id| ev(id, "handoff_created", "2026-06-02", json!({}));
    let events = vec![
        created("A"),
        created("B"),
        created("C"),
        created("D"),
        // A: kicked off 06-21 (held beats the planned 06-16); escalations 4
        // and 19 days on; R1 owned before kickoff, came true; day 30 amber.
        ev(
            "A",
            "risk_owner_assigned",
            "2026-06-10",
            json!({"item": "R1", "owner": "Wen"}),
        ),
        ev(
            "A",
            "kickoff_held",
            "2026-06-21",
            json!({"date": "2026-06-21"}),
        ),
        ev(
            "A",
            "escalation_recorded",
            "2026-06-25",
            json!({"date": "2026-06-25"}),
        ),
        ev(
            "A",
            "escalation_recorded",
            "2026-07-11",
            json!({"date": "2026-07-10"}),
        ),
        ev(
            "A",
            "risk_materialised",
            "2026-07-01",
            json!({"item": "R1", "date": "2026-07-01"}),
        ),
        ev(
            "A",
            "health_recorded",
            "2026-07-21",
            json!({"day": 30, "health": "amber"}),
        ),
        // B: returned for missing context; kickoff planned 07-01; R2 owned
        // only after kickoff, came true 14 days on; an escalation 106 days on.
        ev(
            "B",
            "handoff_returned",
            "2026-06-05",
            json!({"reason": "missing_context"}),
        ),
        ev(
            "B",
            "risk_owner_assigned",
            "2026-07-05",
            json!({"item": "R2", "owner": "Ana"}),
        ),
        ev(
            "B",
            "risk_materialised",
            "2026-07-15",
            json!({"item": "R2", "date": "2026-07-15"}),
        ),
        ev(
            "B",
            "escalation_recorded",
            "2026-10-15",
            json!({"date": "2026-10-15"}),
        ),
        // C: a green reading only.
        ev(
            "C",
            "health_recorded",
            "2026-08-01",
            json!({"day": 30, "health": "green"}),
        ),
        // C: R3's owner came with the bundle (no event): owned at kickoff.
        ev(
            "C",
            "risk_materialised",
            "2026-08-02",
            json!({"item": "R3", "date": "2026-08-02", "owner": "Imogen"}),
        ),
        // D: no kickoff yet, escalated: early whatever the date.
        ev(
            "D",
            "escalation_recorded",
            "2026-06-30",
            json!({"date": "2026-06-30"}),
        ),
    ];
    (deals, events)
}

#[test]
fn outcome_metrics_match_a_hand_count() {
    let (deals, events) = sample();
    let m = compute_all(&deals, &events, &Filter::default(), d("2026-11-01")).outcomes;
    assert_eq!(m.escalations, 4);
    assert_eq!(m.handoffs_escalated, 3);
    assert_eq!(m.escalations_per_handoff, Some(1.0));
    // A: 4 days, B: 106 days; D has no kickoff to count from.
    assert_eq!(m.median_days_kickoff_to_first_escalation, Some(55.0));
    assert_eq!(m.risks_materialised, 3);
    assert_eq!(m.risks_materialised_owned_at_kickoff, 2);
    assert_eq!(m.risks_materialised_unowned_at_kickoff, 1);

    let smb = &m.early_risk_by_segment["smb"];
    assert_eq!(
        (smb.handoffs, smb.early_risk, smb.early_risk_rate),
        (2, 2, Some(1.0))
    );
    let ent = &m.early_risk_by_segment["enterprise"];
    assert_eq!(
        (ent.handoffs, ent.early_risk, ent.early_risk_rate),
        (2, 2, Some(1.0))
    );

    let band = |b: &str| &m.outcomes_by_score_band[b];
    assert_eq!(
        (band("80-100").handoffs, band("80-100").escalations),
        (1, 2)
    );
    assert_eq!(band("60-79").with_materialised_risk, 1);
    assert_eq!((band("0-59").handoffs, band("0-59").early_risk), (1, 1));
    assert_eq!(band("no score").escalated, 1);

    let returned = &m.outcomes_returned_for_missing_context;
    assert_eq!(
        (
            returned.handoffs,
            returned.escalated,
            returned.with_materialised_risk,
            returned.early_risk
        ),
        (1, 1, 1, 1)
    );
    let clean = &m.outcomes_not_returned_for_missing_context;
    assert_eq!(
        (
            clean.handoffs,
            clean.escalated,
            clean.with_materialised_risk,
            clean.early_risk
        ),
        (3, 2, 2, 3)
    );
}

#[test]
fn the_segment_filter_narrows_the_outcomes_too() {
    let (deals, events) = sample();
    let filter = Filter {
        segment: Some("enterprise".into()),
        ..Filter::default()
    };
    let m = compute_all(&deals, &events, &filter, d("2026-11-01")).outcomes;
    assert_eq!(m.escalations, 1);
    assert_eq!(m.risks_materialised, 1);
    assert_eq!(m.escalations_per_handoff, Some(0.5));
    assert!(!m.early_risk_by_segment.contains_key("smb"));
}

#[test]
fn score_bands_cover_every_score() {
    assert_eq!(score_band(Some(100)), Some("80-100"));
    assert_eq!(score_band(Some(80)), Some("80-100"));
    assert_eq!(score_band(Some(79)), Some("60-79"));
    assert_eq!(score_band(Some(0)), Some("0-59"));
    assert_eq!(score_band(None), None);
}
