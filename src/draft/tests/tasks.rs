use super::*;
use crate::analysis::FlagKind;
use crate::bundle::{DealRecord, DealRisk};
use crate::draft::test_support::*;

fn tasks(
    deal: DealRecord,
    flags: &[Flag],
    missing: &[Missing],
    people: &[crate::analysis::Stakeholder],
) -> Vec<Task> {
    let b = bundle(deal, Some("x\n"));
    draft(
        &b,
        &Findings {
            rules: rules(),
            flags,
            claims: &[],
            goals: &[],
            missing,
            stakeholders: people,
        },
        &[],
    )
}

fn with<'t>(ts: &'t [Task], needle: &str) -> Vec<&'t Task> {
    ts.iter().filter(|t| t.text.contains(needle)).collect()
}

#[test]
fn missing_kickoff_produces_a_scheduling_task() {
    let ts = tasks(DealRecord::default(), &[], &[Missing::KickoffDate], &[]);
    let schedule = with(&ts, "Schedule kickoff");
    assert_eq!(schedule.len(), 1);
    assert_eq!(schedule[0].from, ["kickoff_date"]);
    let dated = DealRecord {
        kickoff: "2026-11-20".parse().ok(),
        ..Default::default()
    };
    assert!(with(&tasks(dated, &[], &[], &[]), "Schedule kickoff").is_empty());
}

#[test]
fn conflicts_come_first_and_cite_both_sides() {
    let ts = tasks(
        DealRecord {
            ae: Some("Dana".into()),
            ..Default::default()
        },
        &[conflict_four_vs_six()],
        &[],
        &[],
    );
    assert_eq!(ts[0].id, "T1");
    assert_eq!(ts[0].from, ["X1"]);
    assert!(
        ts[0].text.starts_with(
            "Resolve X1 with the AE, Dana before kickoff (notes/demo.md:12 vs sow.txt:31)"
        ),
        "{}",
        ts[0].text
    );
}

#[test]
fn risks_get_owners_and_crm_owners_are_named() {
    let deal = DealRecord {
        risks: vec![DealRisk {
            text: "Legacy export untested".into(),
            owner: Some("Dana".into()),
            line: 30,
        }],
        ..Default::default()
    };
    let flags = [
        flag(
            FlagKind::Risk,
            None,
            "Legacy export untested",
            vec![ev("deal.toml", 30)],
        ),
        flag(
            FlagKind::Risk,
            None,
            "Sponsor has not joined a call.",
            vec![ev("notes/demo.md", 3)],
        ),
    ];
    let ts = tasks(deal, &flags, &[], &[]);
    assert!(with(&ts, "Confirm Dana owns R1")[0].from == ["R1"]);
    assert_eq!(
        with(&ts, "Assign an owner to R2")[0].evidence,
        vec![ev("notes/demo.md", 3)]
    );
}

#[test]
fn commitments_grouped_by_category_and_integrations_name_systems() {
    let flags = [
        commitment(
            Category::Discount,
            "Approved 12% off year one.",
            ev("notes/a.md", 2),
        ),
        commitment(
            Category::Integration,
            "We'll build the NetSuite sync.",
            ev("notes/a.md", 5),
        ),
        commitment(
            Category::Discount,
            "Three free months of SMS.",
            ev("notes/b.md", 8),
        ),
        commitment(
            Category::Integration,
            "NetSuite sync included, confirmed.",
            ev("notes/b.md", 9),
        ),
        commitment(
            Category::Scope,
            "All nine stores live.",
            ev("notes/b.md", 10),
        ),
    ];
    let ts = tasks(DealRecord::default(), &flags, &[], &[]);
    let discount = with(&ts, "discount commitments");
    assert_eq!(discount.len(), 1);
    assert_eq!(discount[0].from, ["C1", "C3"]);
    let plan = with(&ts, "Plan the NetSuite integration");
    assert_eq!(plan.len(), 1, "one plan per system");
    assert_eq!(plan[0].from, ["C2", "C4"]);
    assert!(
        with(&ts, "scope commitment").is_empty(),
        "scope promises are reviewed on the checklist"
    );
}

#[test]
fn sponsor_invited_by_name_or_candidates_listed() {
    let sponsor = customer(
        "Maria Chen",
        Some("VP Operations"),
        Some("executive_sponsor"),
        true,
    );
    let ts = tasks(DealRecord::default(), &[], &[], &[sponsor]);
    assert_eq!(
        with(
            &ts,
            "Invite the executive sponsor, Maria Chen (VP Operations)"
        )
        .len(),
        1
    );
    let candidate = customer("Lee Park", Some("COO"), None, false);
    let ts = tasks(
        DealRecord::default(),
        &[],
        &[Missing::ExecutiveSponsor],
        &[candidate],
    );
    assert_eq!(with(&ts, "named: Lee Park (COO)").len(), 1);
}

#[test]
fn ids_are_sequential() {
    let ts = tasks(
        DealRecord::default(),
        &[conflict_four_vs_six()],
        &[Missing::KickoffDate],
        &[],
    );
    let ids: Vec<&str> = ts.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["T1", "T2", "T3"]);
}

/// A claim said three times is one claim in every draft: one id (the second
/// claim is X2, not X4), one task to resolve it, one task per risk claim.
#[test]
fn drafts_number_and_task_each_claim_once() {
    use crate::analysis::claims::Claim;
    let conflict = |notes: Evidence, scope_line: u32| {
        flag(
            FlagKind::Conflict,
            Some(Category::Timeline),
            "Notes say four weeks; the signed scope says 6 weeks.",
            vec![notes, ev("sow.txt", scope_line)],
        )
    };
    let flags = [
        conflict(ev("notes/call.md", 3), 31),
        conflict(ev("notes/recap.eml", 9), 31),
        conflict(ev("deal.toml", 40), 31),
        conflict(ev("notes/call.md", 20), 44),
        flag(
            FlagKind::Risk,
            None,
            "Sponsor not on the call.",
            vec![ev("notes/call.md", 5)],
        ),
        flag(
            FlagKind::Risk,
            None,
            "The sponsor was not on the call either.",
            vec![ev("notes/recap.eml", 12)],
        ),
    ];
    let claims = [
        Claim {
            kind: FlagKind::Conflict,
            flags: vec![0, 1, 2],
        },
        Claim {
            kind: FlagKind::Risk,
            flags: vec![4, 5],
        },
    ];
    let b = bundle(DealRecord::default(), Some("x\n"));
    let findings = Findings {
        rules: rules(),
        flags: &flags,
        claims: &claims,
        goals: &[],
        missing: &[],
        stakeholders: &[],
    };
    let ts = draft(&b, &findings, &[]);
    let resolve: Vec<&str> = with(&ts, "Resolve X")
        .iter()
        .map(|t| t.from[0].as_str())
        .collect();
    assert_eq!(resolve, ["X1", "X2"]);
    assert_eq!(with(&ts, "R1").len(), 1);
    assert!(with(&ts, "R2").is_empty());
    let brief = crate::draft::brief::draft(&b, &findings);
    assert_eq!(brief.risks.len(), 1);
}
