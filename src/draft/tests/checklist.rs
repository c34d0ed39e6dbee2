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

/// A discount said on a call and again in the recap, each against the same
/// scope line: one commitment and one conflict to decide, citing both.
#[test]
fn a_claim_said_twice_is_one_entry_citing_every_mention() {
    use crate::analysis::claims::Claim;
    let flags = vec![
        commitment(
            Category::Discount,
            "15% off the first-year subscription.",
            ev("notes/call.md", 4),
        ),
        commitment(
            Category::Discount,
            "Recap: 15% off the first-year subscription, approved.",
            ev("notes/recap.eml", 9),
        ),
        flag(
            FlagKind::Conflict,
            Some(Category::Discount),
            "Notes grant a price concession; the signed scope has none.",
            vec![ev("notes/call.md", 4), ev("sow.txt", 22)],
        ),
        flag(
            FlagKind::Conflict,
            Some(Category::Discount),
            "Notes grant a price concession; the signed scope has none.",
            vec![ev("notes/recap.eml", 9), ev("sow.txt", 22)],
        ),
    ];
    let claims = [
        Claim {
            kind: FlagKind::Commitment,
            flags: vec![0, 1],
        },
        Claim {
            kind: FlagKind::Conflict,
            flags: vec![2, 3],
        },
    ];
    let items = draft(&Findings {
        rules: rules(),
        flags: &flags,
        claims: &claims,
        goals: &[],
        missing: &[],
        stakeholders: &[],
    });
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["C1", "X1"]);
    assert_eq!(items[0].mentions, 2);
    assert_eq!(
        items[0].evidence,
        [ev("notes/call.md", 4), ev("notes/recap.eml", 9)]
    );
    assert_eq!(items[1].mentions, 2);
    assert_eq!(
        items[1].evidence,
        [
            ev("notes/call.md", 4),
            ev("sow.txt", 22),
            ev("notes/recap.eml", 9)
        ]
    );
    let sides = items[1].sides.as_ref().unwrap();
    assert_eq!(
        sides.notes,
        [ev("notes/call.md", 4), ev("notes/recap.eml", 9)]
    );
    assert_eq!(sides.scope, Some(ev("sow.txt", 22)));
    // Without the claims, each mention is its own entry, as before.
    assert_eq!(findings_of(&flags).len(), 4);
    assert!(findings_of(&flags).iter().all(|i| i.mentions == 1));
}
