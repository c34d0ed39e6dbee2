use super::*;
use crate::draft::test_support::*;

fn findings_of(flags: &[crate::analysis::Flag]) -> Vec<ChecklistItem> {
    draft(&Findings {
        rules: rules(),
        flags,
        claims: &[],
        goals: &[],
        missing: &[],
        stakeholders: &[],
    })
}

#[test]
fn ids_are_stable_and_ordered_per_kind() {
    let flags = vec![
        commitment(
            Category::Timeline,
            "Told them four weeks.",
            ev("notes/demo.md", 12),
        ),
        flag(
            FlagKind::Risk,
            None,
            "Sponsor has not joined.",
            vec![ev("notes/demo.md", 3)],
        ),
        conflict_four_vs_six(),
        commitment(
            Category::Discount,
            "Approved 12% off.",
            ev("notes/demo.md", 20),
        ),
    ];
    let items = findings_of(&flags);
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["C1", "C2", "X1"]);
    assert_eq!(items[1].text, "Approved 12% off.");
    assert_eq!(items[1].category, Some(Category::Discount));
    // The same findings always give the same checklist.
    assert_eq!(items, findings_of(&flags));
}

#[test]
fn each_kind_gets_its_own_decision_and_conflicts_cite_both_sides() {
    let flags = vec![
        commitment(
            Category::Custom,
            "Dedicated engineer for 3 months.",
            ev("notes/demo.md", 7),
        ),
        conflict_four_vs_six(),
    ];
    let items = findings_of(&flags);
    assert_eq!(items[0].decision, COMMITMENT_DECISION);
    assert_eq!(items[1].decision, CONFLICT_DECISION);
    let sides = items[1].sides.as_ref().expect("conflict sides");
    assert_eq!(sides.notes, vec![ev("notes/demo.md", 12)]);
    assert_eq!(sides.scope, Some(ev("sow.txt", 31)));
    assert!(items[0].sides.is_none());
}

#[test]
fn risks_are_not_checklist_items() {
    let flags = vec![flag(
        FlagKind::Risk,
        None,
        "Legacy export untested.",
        vec![ev("deal.toml", 30)],
    )];
    assert!(findings_of(&flags).is_empty());
}
