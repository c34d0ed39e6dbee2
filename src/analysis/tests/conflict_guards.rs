//! What a conflict check must not read as a contradiction: a common word that
//! shares its spelling with an excluded module's name, a signature block under
//! an "Exclusions" heading, an index the promise waives, a count inside a
//! larger one. Each test runs the checks without the learned model.

use super::conflict_terms::conflict_pairs_by_checks;
use super::*;

/// The summaries of the conflicts the checks find, without the model.
fn conflict_summaries_by_checks(notes: &str, scope: &str) -> Vec<String> {
    let b = bundle(deal(), notes, Some(scope));
    let r = crate::analysis::Reading::read(&b, &RULES);
    let commitments = crate::analysis::commitments::find(&r);
    crate::analysis::conflicts::find(&r, &commitments, None)
        .iter()
        .map(|f| f.text.clone())
        .collect()
}

const EXCLUSIONS: &str = "\
# Statement of work
## Exclusions
The following are not part of this Statement of Work:
- the Shift Calendar module;
- the Travel module.

Name: Damien Cole                Name: Lisa Marchetti
";

#[test]
fn a_common_word_written_in_lower_case_does_not_name_an_excluded_module() {
    let notes = "- We will include the shift data for Tobias, Tobias needs it.\n";
    assert_eq!(conflict_pairs_by_checks(notes, EXCLUSIONS), vec![]);
    let notes = "- We will include the Shift Calendar module for Tobias, Tobias needs it.\n";
    assert_eq!(conflict_pairs_by_checks(notes, EXCLUSIONS), vec![(1, 4)]);
}

#[test]
fn a_signature_block_under_the_exclusions_heading_excludes_nobody() {
    let notes = "- We will invoice monthly in arrears, Damien approved it for Lisa.\n";
    assert!(
        !conflict_pairs_by_checks(notes, EXCLUSIONS)
            .iter()
            .any(|&(_, scope)| scope == 7)
    );
}

#[test]
fn a_price_held_with_its_index_waived_contradicts_indexation() {
    let scope = "\
# Order form
5.4 On each anniversary the Subscription Fees shall be increased by CPI.
";
    let notes = "- Price held flat for the three years, no CPI.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_count_inside_a_larger_count_is_part_of_it() {
    let scope = "\
# Order form
Subscription covers 62 delivery routes.
";
    let notes =
        "- We will include 85 routes incl. the 23 bottled-water routes, same price per route.\n";
    let found = conflict_summaries_by_checks(notes, scope);
    assert!(
        found.iter().all(|t| !t.contains("23")),
        "the part is not compared: {found:?}"
    );
}

#[test]
fn names_listed_after_a_count_are_its_members_not_another_site() {
    // The scope counts three greenhouses and names them: a promise of five
    // greenhouses exceeds the count, though it names none of them.
    let scope = "\
# Order form
2.1 Greenhouses covered: three (3) greenhouses, Vantorp, Eskedal and Brumholt.
";
    let notes = "- We will cover all five greenhouses from day one, no extra fee.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}
