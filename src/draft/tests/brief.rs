use super::*;
use crate::analysis::Stakeholder;
use crate::bundle::{DealGoal, DealRecord, FirstValue};
use crate::draft::test_support::*;

fn deal() -> DealRecord {
    DealRecord {
        id: "OPP-1".into(),
        name: Some("Acme: analytics rollout".into()),
        account: Some("Acme Corp".into()),
        amount: Some(48000.0),
        currency: Some("USD".into()),
        closed_on: "2026-11-02".parse().ok(),
        first_value: Some(FirstValue {
            date: "2026-12-18".parse().ok(),
            criteria: Some("Ops runs its weekly review from the dashboard".into()),
            line: 14,
        }),
        goals: vec![DealGoal {
            text: "Cut month-end reporting from 5 days to 2".into(),
            kind: Some("buyer".into()),
            measure: Some("days to close the monthly report".into()),
            line: 25,
        }],
        ..Default::default()
    }
}

fn goals() -> Vec<Goal> {
    vec![
        goal(
            GoalKind::Buyer,
            "Cut month-end reporting from 5 days to 2",
            ev("deal.toml", 25),
            true,
        ),
        goal(
            GoalKind::User,
            "Reps need margin on their phones",
            ev("notes/demo.md", 4),
            false,
        ),
    ]
}

fn brief(flags: &[crate::analysis::Flag], stakeholders: &[Stakeholder]) -> Brief {
    let goals = goals();
    draft(
        &bundle(deal(), None),
        &Findings {
            rules: rules(),
            flags,
            claims: &[],
            goals: &goals,
            missing: &[],
            stakeholders,
        },
    )
}

#[test]
fn why_they_bought_names_deal_amount_and_cited_buyer_goals() {
    let b = brief(&[], &[]);
    assert_eq!(
        b.why_they_bought,
        "Acme Corp bought \"Acme: analytics rollout\" (48,000 USD) to reach: Cut month-end reporting from 5 days to 2 (deal.toml:25)."
    );
}

#[test]
fn buyer_goals_and_user_requirements_stay_apart() {
    let b = brief(&[], &[]);
    assert_eq!(b.buyer_goals.len(), 1);
    assert_eq!(
        b.buyer_goals[0].measure.as_deref(),
        Some("days to close the monthly report")
    );
    assert_eq!(b.user_requirements.len(), 1);
    assert_eq!(
        b.user_requirements[0].evidence,
        vec![ev("notes/demo.md", 4)]
    );
}

#[test]
fn success_criteria_lead_with_first_value_then_measures() {
    let b = brief(&[], &[]);
    let sources: Vec<&str> = b.success_criteria.iter().map(|c| c.source).collect();
    assert_eq!(sources, ["first_value", "goal_measure"]);
    assert_eq!(b.success_criteria[0].evidence, vec![ev("deal.toml", 14)]);
}

#[test]
fn timeline_is_dated_in_order_with_unscheduled_kickoff_last() {
    let flags = [commitment(
        Category::Timeline,
        "Told them go-live by December 1, 2026.",
        ev("notes/demo.md", 9),
    )];
    let b = brief(&flags, &[]);
    let whats: Vec<(Option<String>, &str)> = b
        .timeline
        .iter()
        .map(|m| (m.date.map(|d| d.to_string()), m.what.as_str()))
        .collect();
    assert_eq!(whats[0], (Some("2026-11-02".into()), "Deal closed"));
    assert_eq!(whats[1].0.as_deref(), Some("2026-12-01"));
    assert_eq!(b.timeline[1].from.as_deref(), Some("C1"));
    assert_eq!(whats[2].0.as_deref(), Some("2026-12-18"));
    assert_eq!(whats[3], (None, "Kickoff (not scheduled)"));
}

#[test]
fn only_customer_stakeholders_with_sponsor_marked() {
    let mut seller = customer("Dana Whitfield", Some("Account Executive"), None, false);
    seller.side = Side::Seller;
    let people = [
        seller,
        customer(
            "Maria Chen",
            Some("VP Operations"),
            Some("executive_sponsor"),
            true,
        ),
    ];
    let b = brief(&[], &people);
    assert_eq!(b.stakeholders.len(), 1);
    assert!(b.stakeholders[0].executive_sponsor);
}

#[test]
fn money_groups_thousands() {
    assert_eq!(money(52811.2), "52,811.20");
    assert_eq!(money(48000.0), "48,000");
    assert_eq!(money(950.0), "950");
}
