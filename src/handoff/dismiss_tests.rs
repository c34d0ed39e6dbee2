//! Dismissals: a duplicate joins its item's decision, "not a risk" no longer
//! counts, each is an event with the mentions it labels.

use super::*;
use crate::handoff::gates::{failing, gates};
use crate::handoff::items::{Cite, CommitmentOutcome, Mention, fingerprint};
use crate::handoff::test_support::{ctx, handoff, item};
use crate::handoff::{Command, Role};
use serde_json::json;

fn gate_reason(h: &Handoff, id: &str) -> (bool, String) {
    let g = gates(h).into_iter().find(|g| g.id == id).unwrap();
    (g.pass, g.reason)
}

fn run(h: &mut Handoff, command: Command) -> Result<Change, DomainError> {
    command.apply(h, &ctx("Priya", Role::Csm))
}

fn dismiss_as(item: &str, dismissal: Dismissal, reason: &str) -> Command {
    Command::Dismiss {
        item: item.into(),
        dismissal,
        reason: reason.into(),
    }
}

#[test]
fn not_a_risk_no_longer_counts_for_the_gates() {
    let mut h = handoff();
    assert!(!gate_reason(&h, "risks_owned").0);
    assert_eq!(h.open_counts().unowned_risks, 1);
    let not_a_risk = Dismissal::NotA {
        kind: ItemKind::Risk,
    };
    // A reason is needed, and the kind must be the item's.
    let e = run(&mut h, dismiss_as("R1", not_a_risk.clone(), "  ")).unwrap_err();
    assert!(e.to_string().contains("reason"), "{e}");
    let not_a_commitment = Dismissal::NotA {
        kind: ItemKind::Commitment,
    };
    let e = run(&mut h, dismiss_as("R1", not_a_commitment, "x")).unwrap_err();
    assert!(
        e.to_string().contains("R1 is a risk, not a commitment"),
        "{e}"
    );
    let change = run(
        &mut h,
        dismiss_as("r1", not_a_risk, "settled before signature"),
    )
    .unwrap();
    let (pass, reason) = gate_reason(&h, "risks_owned");
    assert!(pass, "{reason}");
    assert!(reason.starts_with("0 risk(s)"), "{reason}");
    assert_eq!(h.open_counts().unowned_risks, 0);
    assert_eq!(h.item("R1").unwrap().decision.state(), "not_a_risk");
    let (kind, p) = &change.events[0];
    assert_eq!(*kind, EventKind::ItemDismissed);
    assert_eq!(p["item"], "R1");
    assert_eq!(p["dismissal"], "not_a_risk");
    assert_eq!(p["reason"], "settled before signature");
    assert_eq!(
        p["mentions"],
        json!([{"file": "notes/a.md", "line": 3, "text": "Legacy export untested"}])
    );
}

#[test]
fn a_duplicate_joins_its_items_decision() {
    let mut h = handoff();
    h.items.push(item(
        "C2",
        ItemKind::Commitment,
        "Recap: four weeks to go live",
    ));
    let duplicate = |of: &str| Dismissal::Duplicate { of: of.into() };
    let change = run(&mut h, dismiss_as("C2", duplicate("c1"), "")).unwrap();
    assert_eq!(change.events[0].1["of"], "C1");
    assert_eq!(h.item("C2").unwrap().decision.duplicate_of(), Some("C1"));
    assert!(!h.item("C2").unwrap().needs_decision());
    // C1's decision is the one left to make, and it covers C2.
    let (pass, reason) = gate_reason(&h, "commitments_reviewed");
    assert!(
        !pass && reason.contains("C1") && !reason.contains("C2"),
        "{reason}"
    );
    assert_eq!(h.open_counts().commitments, 1);
    run(
        &mut h,
        Command::Review {
            item: "C1".into(),
            outcome: CommitmentOutcome::Accepted,
            note: String::new(),
        },
    )
    .unwrap();
    assert!(gate_reason(&h, "commitments_reviewed").0);
    assert!(!failing(&h).iter().any(|g| g.id == "commitments_reviewed"));
}

#[test]
fn a_duplicate_names_another_item_of_its_kind_that_is_no_duplicate() {
    let mut h = handoff();
    h.items
        .push(item("C2", ItemKind::Commitment, "Recap: four weeks"));
    h.items
        .push(item("C3", ItemKind::Commitment, "Again: four weeks"));
    let duplicate = |of: &str| Dismissal::Duplicate { of: of.into() };
    let refused = |h: &mut Handoff, id: &str, of: &str| {
        run(h, dismiss_as(id, duplicate(of), ""))
            .unwrap_err()
            .to_string()
    };
    assert!(refused(&mut h, "C2", "C2").contains("itself"));
    assert!(refused(&mut h, "C2", "R1").contains("its own kind"));
    assert!(refused(&mut h, "C2", "C9").contains("no item C9"));
    assert!(refused(&mut h, "Q1", "C1").contains("only commitments, conflicts and risks"));
    run(&mut h, dismiss_as("C3", duplicate("C2"), "")).unwrap();
    let e = refused(&mut h, "C1", "C3");
    assert!(e.contains("C3 is itself a duplicate of C2: name C2"), "{e}");
    // C2 turns out to duplicate C1: C3 follows it to C1, never a chain.
    let change = run(&mut h, dismiss_as("C2", duplicate("C1"), "")).unwrap();
    assert_eq!(h.item("C3").unwrap().decision.duplicate_of(), Some("C1"));
    assert_eq!(change.events[0].1["moved"], json!(["C3"]));
}

#[test]
fn a_dismissed_claim_labels_every_mention_and_changes_the_review_hash() {
    let mut h = handoff();
    let cite = |file: &str, line| Cite {
        file: file.into(),
        line,
    };
    let mention = |text: &str, at: Cite| Mention {
        text: text.into(),
        evidence: vec![at],
        fingerprint: fingerprint(ItemKind::Risk, text),
    };
    let r = &mut h.items[2];
    r.mentions = vec![
        mention("Legacy export untested", cite("notes/a.md", 3)),
        mention("The export was never tested", cite("notes/b.eml", 40)),
    ];
    r.evidence = vec![cite("notes/a.md", 3), cite("notes/b.eml", 40)];
    let before = crate::handoff::review_hash(&h);
    let change = run(
        &mut h,
        dismiss_as(
            "R1",
            Dismissal::NotA {
                kind: ItemKind::Risk,
            },
            "the export ran in the pilot",
        ),
    )
    .unwrap();
    assert_eq!(
        change.events[0].1["mentions"],
        json!([
            {"file": "notes/a.md", "line": 3, "text": "Legacy export untested"},
            {"file": "notes/b.eml", "line": 40, "text": "The export was never tested"},
        ])
    );
    assert_ne!(crate::handoff::review_hash(&h), before);
}

#[test]
fn a_stored_dismissal_reads_back() {
    let by = ctx("Priya", Role::Csm).signed();
    let d = Decision::from_columns(
        ItemKind::Commitment,
        "duplicate",
        Some("the recap".into()),
        None,
        None,
        Some(by.clone()),
        Some("C1".into()),
    );
    assert_eq!(d.duplicate_of(), Some("C1"));
    assert_eq!(d.note(), Some("the recap"));
    let d = Decision::from_columns(
        ItemKind::Risk,
        "not_a_risk",
        Some("settled".into()),
        None,
        None,
        Some(by.clone()),
        None,
    );
    assert_eq!(d.state(), "not_a_risk");
    // A state of another kind, or a duplicate naming no item, is pending.
    for (kind, state, of) in [
        (ItemKind::Commitment, "not_a_risk", None),
        (ItemKind::Commitment, "duplicate", None),
    ] {
        let d = Decision::from_columns(kind, state, None, None, None, Some(by.clone()), of);
        assert_eq!(d, Decision::Pending, "{state}");
    }
}
