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
        None,
    );
    assert_eq!(d.state(), "mitigated");
    assert_eq!(
        Decision::from_columns(
            ItemKind::Commitment,
            "buyer",
            None,
            None,
            None,
            Some(by),
            None
        ),
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

/// The demo's Brannock Hotels: one review item per claim, each listing its
/// mentions, and the questions about conflicts naming the claims' items.
#[test]
fn one_item_per_claim_with_every_mention() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/brannock-hotels-procurement");
    let bundle = crate::bundle::load(&root).unwrap();
    let a = crate::analysis::analyze(&bundle, &crate::rules::Rules::builtin());
    let (items, _) = from_analysis(&bundle, &a, "2026-07-01T09:00:00Z".parse().unwrap());
    let conflicts: Vec<&Item> = items
        .iter()
        .filter(|i| i.kind == ItemKind::Conflict)
        .collect();
    let ids: Vec<&str> = conflicts.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["X1", "X2", "X3"]);
    let counts: Vec<usize> = conflicts.iter().map(|i| i.mention_count()).collect();
    assert_eq!(counts.iter().sum::<usize>(), 9, "{counts:?}");
    for x in &conflicts {
        // Every mention's citations are the item's evidence.
        for m in &x.mentions {
            assert!(m.evidence.iter().all(|c| x.evidence.contains(c)), "{x:?}");
        }
        assert_eq!(x.fingerprint, x.mentions[0].fingerprint);
    }
    let about: Vec<&str> = items
        .iter()
        .filter(|i| i.kind == ItemKind::Question)
        .filter_map(|q| q.about.as_deref())
        .filter(|a| a.starts_with('X'))
        .collect();
    assert_eq!(about, ["X1", "X2", "X3"]);
    // A claim said once has no mention list: its item is as before.
    let single = items
        .iter()
        .find(|i| i.kind == ItemKind::Commitment && i.mentions.is_empty())
        .unwrap();
    assert_eq!(single.mention_count(), 1);
}

#[test]
fn a_decision_follows_a_claim_by_any_mention() {
    let c = ctx("Priya", Role::Csm);
    let mention = |text: &str| Mention {
        text: text.into(),
        evidence: vec![],
        fingerprint: fingerprint(ItemKind::Commitment, text),
    };
    let mut old = vec![item("C1", ItemKind::Commitment, "Four weeks")];
    old[0].mentions = vec![mention("Four weeks"), mention("Recap: four weeks")];
    old[0].decision = Decision::Commitment {
        outcome: CommitmentOutcome::Accepted,
        note: String::new(),
        by: c.signed(),
    };
    // The first mention is gone; the recap is the claim now.
    let mut new = vec![item("C1", ItemKind::Commitment, "Recap: four weeks")];
    assert_eq!(carry_over(&old, &mut new), ["C1"]);
    assert_eq!(new[0].decision.state(), "accepted");
}

#[test]
fn a_duplicate_of_an_item_gone_is_pending_again() {
    let c = ctx("Priya", Role::Csm);
    let duplicate = |of: &str| Decision::Dismissed {
        dismissal: Dismissal::Duplicate { of: of.into() },
        reason: String::new(),
        by: c.signed(),
    };
    let mut old = vec![
        item("C1", ItemKind::Commitment, "Four weeks"),
        item("C2", ItemKind::Commitment, "Recap: four weeks"),
        item("C3", ItemKind::Commitment, "Free training"),
        item("C4", ItemKind::Commitment, "Training at no cost"),
    ];
    old[1].decision = duplicate("C1");
    old[3].decision = duplicate("C3");
    // C1 is gone; C3 stays.
    let mut new = vec![
        item("C2", ItemKind::Commitment, "Recap: four weeks"),
        item("C3", ItemKind::Commitment, "Free training"),
        item("C4", ItemKind::Commitment, "Training at no cost"),
    ];
    assert_eq!(carry_over(&old, &mut new), ["C4"]);
    assert_eq!(new[0].decision, Decision::Pending);
    assert_eq!(new[2].decision.duplicate_of(), Some("C3"));
}
