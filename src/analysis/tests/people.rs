use super::*;
use crate::analysis::Side;

#[test]
fn sides_come_from_titles_organisations_and_the_record() {
    let notes = "\
Attendees: Devin Park (Orbitex, Director of Sales Ops), Marcus Oyelaran (Lumenstack, AE), Sam Whitaker (Lumenstack, Solutions Engineer)
- Sam confirmed the sync.
";
    let a = run(notes, None);
    let side = |name: &str| {
        a.stakeholders
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.side)
    };
    assert_eq!(side("Devin Park"), Some(Side::Customer));
    assert_eq!(side("Marcus Oyelaran"), Some(Side::Seller));
    assert_eq!(side("Sam Whitaker"), Some(Side::Seller));
    assert_eq!(side("Dana Whitfield"), Some(Side::Seller));
}

#[test]
fn an_executive_named_as_signer_is_the_sponsor() {
    let a = run(
        "Signed: Maria Chen, COO, Orbitex Health\nMaria Chen (COO) signs the order.\n",
        None,
    );
    assert!(
        a.stakeholders
            .iter()
            .any(|s| s.name == "Maria Chen" && s.executive_sponsor)
    );
}
