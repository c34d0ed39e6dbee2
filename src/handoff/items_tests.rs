//! Review items: fingerprints, carrying decisions over, stored columns.

use super::*;
use crate::handoff::test_support::{ctx, item};

#[test]
fn fingerprint_ignores_case_spacing_and_citations() {
    let a = fingerprint(
        ItemKind::Question,
        "Notes say 4 weeks (notes/a.md:12): which?",
    );
    let b = fingerprint(
        ItemKind::Question,
        "notes  say 4 weeks (notes/a.md:15) which",
    );
    assert_eq!(a, b);
    assert_ne!(a, fingerprint(ItemKind::Risk, "Notes say 4 weeks which"));
    assert_ne!(
        a,
        fingerprint(ItemKind::Question, "Notes say 5 weeks which")
    );
}

#[test]
fn decisions_carry_over_by_fingerprint_not_id() {
    let c = ctx("Priya", Role::Csm);
    let mut old = vec![
        item("C1", ItemKind::Commitment, "Four weeks"),
        item("C2", ItemKind::Commitment, "Free training"),
    ];
    old[1].decision = Decision::Commitment {
        outcome: CommitmentOutcome::Accepted,
        note: "ok".into(),
        by: c.signed(),
    };
    old[0].decision = old[1].decision.clone();
    // C2's text is now C1; the old C1 changed its text.
    let mut new = vec![
        item("C1", ItemKind::Commitment, "Free training"),
        item("C2", ItemKind::Commitment, "Six weeks"),
    ];
    assert_eq!(carry_over(&old, &mut new), vec!["C1".to_string()]);
    assert_eq!(new[0].decision.state(), "accepted");
    assert_eq!(new[1].decision, Decision::Pending);
}

#[test]
fn each_old_decision_carries_over_once_in_order() {
    let c = ctx("Priya", Role::Csm);
    let decided = |outcome| Decision::Commitment {
        outcome,
        note: String::new(),
        by: c.signed(),
    };
    let mut old = vec![
        item("C1", ItemKind::Commitment, "Same"),
        item("C2", ItemKind::Commitment, "Same"),
        item("C3", ItemKind::Commitment, "Same"),
    ];
    old[0].decision = decided(CommitmentOutcome::Rejected);
    old[2].decision = decided(CommitmentOutcome::Accepted);
    let mut new = vec![
        item("C1", ItemKind::Commitment, "Same"),
        item("C2", ItemKind::Commitment, "Same"),
        item("C3", ItemKind::Commitment, "Same"),
    ];
    assert_eq!(carry_over(&old, &mut new), vec!["C1", "C2"]);
    assert_eq!(new[0].decision.state(), "rejected");
    assert_eq!(new[1].decision.state(), "accepted");
    assert_eq!(new[2].decision, Decision::Pending);
}

#[test]
fn stored_columns_round_trip() {
    let by = ctx("Priya", Role::Csm).signed();
    let d = Decision::from_columns(
        ItemKind::Risk,
        "mitigated",
        None,
        Some("Dana".into()),
        None,
        Some(by.clone()),
    );
    assert_eq!(d.state(), "mitigated");
    assert_eq!(
        Decision::from_columns(ItemKind::Commitment, "buyer", None, None, None, Some(by)),
        Decision::Pending
    );
    assert_eq!(
        CommitmentOutcome::parse("send-to-ae"),
        Some(CommitmentOutcome::SentToAe)
    );
    assert_eq!(
        Resolution::parse("notes-stand"),
        Some(Resolution::NotesStand)
    );
}
