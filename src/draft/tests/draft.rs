use super::test_support::*;
use super::*;

#[test]
fn conflict_sides_split_notes_and_scope() {
    let sides = ConflictSides::of(&conflict_four_vs_six());
    assert_eq!(sides.notes_claim, "Notes say four weeks");
    assert_eq!(sides.scope_claim, "the signed scope says 6 weeks");
    assert_eq!(sides.notes, vec![ev("notes/demo.md", 12)]);
    assert_eq!(sides.scope, Some(ev("sow.txt", 31)));
}

#[test]
fn executive_titles_exclude_directors_and_managers() {
    assert!(is_executive_title("VP Operations"));
    assert!(is_executive_title("COO"));
    assert!(is_executive_title("Owner and Managing Director"));
    assert!(!is_executive_title("Finance Director"));
    assert!(!is_executive_title("Operations Manager"));
}

#[test]
fn clip_cuts_at_a_word() {
    assert_eq!(clip("one two three four", 10), "one two...");
    assert_eq!(clip("short", 10), "short");
}
