//! Conflicts the signed scope states in wordings of its own: a list of periods
//! that are not free, an index spelt out, a renewal at the fees then in effect,
//! and a price locked that is written as a monthly figure. Each test is
//! invented and fails without the word family it names in `assets/rules.toml`.

use super::conflict_terms::conflict_pairs_by_checks;

#[test]
fn free_months_conflict_with_a_scope_that_lists_no_free_period() {
    let scope = "\
# Order form
3.1 Fees accrue from the Effective Date. No free, trial or pilot period applies to this Order Form.
";
    let notes = "- Sure thing Dana, the first three months are free, billing starts in May.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_held_price_conflicts_with_an_index_spelt_out_in_the_plural() {
    let scope = "\
# Fees
9.4 Licence fees are adjusted each year by the annual movement in the Consumers Price Index.
";
    let notes = "- We will hold the licence fee flat for the first three years, no CPI.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_monthly_figure_locked_conflicts_with_a_renewal_at_the_fees_then_in_effect() {
    let scope = "\
# Fees
5.3 Renewal: each renewal term is charged at the fees then in effect plus four percent (4%).
";
    let notes = "- Told Marcus that ninety-five a month is locked for three years.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_pilot_count_in_the_scope_does_not_bound_the_whole() {
    let scope = "\
# Scope
2.1 EDI connections: up to 300 pharmacies.
2.4 Pilot with up to 12 pharmacies before go-live.
";
    let notes =
        "- Told Ivana all 450 pharmacies are covered by the annual fee, we will connect them.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}
