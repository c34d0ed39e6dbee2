use super::*;
use crate::analysis::{Flag, Goal, GoalKind, Stakeholder};
use crate::bundle::{DealRecord, FirstValue};
use crate::draft::test_support::*;

fn score(
    deal: DealRecord,
    flags: &[Flag],
    goals: &[Goal],
    missing: &[Missing],
    people: &[Stakeholder],
) -> Score {
    let b = bundle(
        deal,
        Some("Implementation takes 6 weeks. Includes a 10% discount on year one.\n"),
    );
    draft(
        &b,
        &Findings {
            rules: rules(),
            flags,
            claims: &[],
            goals,
            missing,
            stakeholders: people,
        },
    )
}

fn healthy_people() -> Vec<Stakeholder> {
    vec![
        customer(
            "Maria Chen",
            Some("VP Operations"),
            Some("executive_sponsor"),
            true,
        ),
        customer("Kath Nguyen", Some("Ops Manager"), Some("champion"), false),
    ]
}

#[test]
fn total_is_the_sum_of_five_parts_within_range() {
    let s = score(
        DealRecord::default(),
        &[conflict_four_vs_six()],
        &[],
        &Missing::ALL,
        &[],
    );
    let sum: u32 = s.parts().iter().map(|(_, p)| p.points).sum();
    assert_eq!(s.total, sum);
    assert_eq!(s.max, 100);
    assert!(s.parts().iter().all(|(_, p)| p.max == 20 && p.points <= 20));
    assert_eq!(
        s.completeness.points, 0,
        "eleven missing items exhaust completeness"
    );
}

#[test]
fn score_drops_when_the_sponsor_is_missing() {
    let with_sponsor = score(DealRecord::default(), &[], &[], &[], &healthy_people());
    let without = score(DealRecord::default(), &[], &[], &[], &healthy_people()[1..]);
    assert_eq!(with_sponsor.stakeholder_coverage.points, 16);
    assert_eq!(without.stakeholder_coverage.points, 6);
    assert!(without.total < with_sponsor.total);
    assert!(
        without
            .stakeholder_coverage
            .explanation
            .starts_with("No executive sponsor")
    );
}

#[test]
fn conflicts_and_unrecorded_promises_cost_promise_points() {
    let flags = [
        commitment(
            Category::Timeline,
            "Told them four weeks.",
            ev("notes/demo.md", 12),
        ),
        conflict_four_vs_six(),
        commitment(
            Category::Custom,
            "Dedicated engineer for the first quarter.",
            ev("notes/demo.md", 20),
        ),
        commitment(
            Category::Discount,
            "Includes a 10% discount on year one.",
            ev("notes/demo.md", 22),
        ),
    ];
    let s = score(DealRecord::default(), &flags, &[], &[], &[]);
    // X1 -5; C2 (custom, not in scope) -2; C1 is behind X1; C3 is in the scope.
    assert_eq!(s.promise_risk.points, 13);
    assert!(s.promise_risk.explanation.contains("X1"));
    assert!(
        s.promise_risk.explanation.contains("(C2; -2 each)"),
        "{}",
        s.promise_risk.explanation
    );
}

#[test]
fn integrations_and_migration_risks_add_complexity() {
    let flags = [
        commitment(
            Category::Integration,
            "We'll sync NetSuite nightly.",
            ev("notes/a.md", 3),
        ),
        flag(
            FlagKind::Risk,
            None,
            "Legacy data export has not been tested.",
            vec![ev("deal.toml", 30)],
        ),
    ];
    let s = score(DealRecord::default(), &flags, &[], &[], &[]);
    assert_eq!(s.implementation_complexity.points, 20 - 3 - 3 - 1);
    assert!(s.implementation_complexity.explanation.contains("NetSuite"));
    assert!(s.implementation_complexity.explanation.contains("R1"));
}

#[test]
fn first_value_clarity_rewards_date_criteria_and_measurable_goals() {
    let fv = FirstValue {
        date: "2026-12-18".parse().ok(),
        criteria: Some("Weekly review from the dashboard".into()),
        line: 9,
    };
    let goals = [goal(
        GoalKind::Buyer,
        "Cut close from 5 days to 2",
        ev("deal.toml", 25),
        true,
    )];
    let clear = score(
        DealRecord {
            first_value: Some(fv),
            ..Default::default()
        },
        &[],
        &goals,
        &[],
        &[],
    );
    assert_eq!(clear.first_value_clarity.points, 16);
    let unclear = score(
        DealRecord::default(),
        &[],
        &[],
        &[Missing::FirstValueMilestone],
        &[],
    );
    assert_eq!(unclear.first_value_clarity.points, 0);
    assert!(
        unclear
            .first_value_clarity
            .explanation
            .starts_with("No first-value milestone")
    );
}

#[test]
fn completeness_names_what_is_missing() {
    let s = score(
        DealRecord::default(),
        &[],
        &[],
        &[Missing::KickoffDate, Missing::SignedScope],
        &[],
    );
    assert_eq!(s.completeness.points, 14);
    assert!(
        s.completeness
            .explanation
            .contains("kickoff date, signed scope")
    );
}

#[test]
fn without_a_scope_every_risky_promise_counts_and_says_why() {
    let flags = [commitment(
        Category::Discount,
        "Includes a 10% discount on year one.",
        ev("notes/demo.md", 22),
    )];
    let b = bundle(DealRecord::default(), None);
    let s = draft(
        &b,
        &Findings {
            rules: rules(),
            flags: &flags,
            claims: &[],
            goals: &[],
            missing: &[],
            stakeholders: &[],
        },
    );
    assert_eq!(s.promise_risk.points, 18);
    assert!(
        s.promise_risk
            .explanation
            .contains("no signed scope to check them against"),
        "{}",
        s.promise_risk.explanation
    );
}

/// A conflict said three times is one promise at risk: -5 once, named once.
#[test]
fn a_claim_said_several_times_costs_once() {
    use crate::analysis::claims::Claim;
    let conflict = |notes: crate::analysis::Evidence| {
        flag(
            FlagKind::Conflict,
            Some(Category::Timeline),
            "Notes say four weeks; the signed scope says 6 weeks.",
            vec![notes, ev("sow.txt", 31)],
        )
    };
    let flags = [
        conflict(ev("notes/call.md", 3)),
        conflict(ev("notes/recap.eml", 9)),
        conflict(ev("deal.toml", 40)),
    ];
    let claims = [Claim {
        kind: FlagKind::Conflict,
        flags: vec![0, 1, 2],
    }];
    let b = bundle(
        DealRecord::default(),
        Some("Implementation takes 6 weeks.\n"),
    );
    let s = draft(
        &b,
        &Findings {
            rules: rules(),
            flags: &flags,
            claims: &claims,
            goals: &[],
            missing: &[],
            stakeholders: &[],
        },
    );
    assert_eq!(s.promise_risk.points, 15);
    assert_eq!(
        s.promise_risk.explanation,
        "1 conflict(s) with the signed scope (X1; -5 each)."
    );
}
