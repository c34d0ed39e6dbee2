use super::*;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(Rules::builtin);

/// The highlighted pieces of each side, as text.
fn marked(notes: &str, scope: &str) -> (Vec<String>, Vec<String>) {
    marked_under(notes, scope, None)
}

fn marked_under(notes: &str, scope: &str, heading: Option<&str>) -> (Vec<String>, Vec<String>) {
    let line = Line {
        text: scope,
        heading,
    };
    let d = disagreement(&RULES, notes, line, jiff::civil::date(2026, 2, 1));
    let pieces = |text: &str, ranges: &[Range<usize>]| -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_string()).collect()
    };
    (pieces(notes, &d.notes), pieces(scope, &d.scope))
}

#[test]
fn a_duration_against_a_week_number_is_what_stands_out() {
    let (notes, scope) = marked(
        "[09:14] bas: told joost we'd have the baseline OEE numbers for both plants in 4 weeks",
        "3.2 The OEE baseline for both plants is delivered at the end of week 6.",
    );
    assert_eq!(notes, ["4 weeks"]);
    assert_eq!(scope, ["week 6"]);
}

#[test]
fn durations_that_differ_are_marked_and_the_words_both_sides_use_are_not() {
    let (notes, scope) = marked(
        "- Callum asked how long a group rollout takes. Imogen told him six weeks from kickoff to",
        "• Estimated implementation period: 12 weeks from kickoff to group-wide go-live,",
    );
    assert_eq!(notes, ["six weeks"]);
    assert_eq!(scope, ["12 weeks"]);
}

#[test]
fn a_figure_that_agrees_with_the_other_side_is_common_ground() {
    let (notes, scope) = marked(
        "We will train 40 users within 6 weeks.",
        "Training for 40 users, delivered in 8 weeks.",
    );
    assert_eq!(notes, ["6 weeks"]);
    assert_eq!(scope, ["8 weeks"]);
}

#[test]
fn on_site_against_a_remote_only_exclusion() {
    let (notes, scope) = marked(
        "[00:10:18] Jordan Pike (AE): Wen and I will be onsite at Brunswick and Waycross for go-live week. You have our word on that.",
        "All training and go-live support is delivered remotely. Onsite services are not included.",
    );
    assert_eq!(notes, ["onsite"], "{scope:?}");
    assert!(scope.contains(&"Onsite".to_string()), "{scope:?}");
    assert!(scope.contains(&"not included".to_string()), "{scope:?}");
    assert!(!scope.iter().any(|s| s.contains("go-live")), "{scope:?}");
}

#[test]
fn an_excluded_system_is_marked_on_both_sides_with_the_exclusion() {
    let (notes, scope) = marked(
        "[13:44] bas: agreed w/ sanne we'll write the isah connector spec as part of this engagement",
        "6.2 Design, specification or build of interfaces to the Client's ERP (Isah); available under",
    );
    assert_eq!(notes, ["isah"]);
    assert_eq!(scope, ["Isah", "available under"]);
}

#[test]
fn a_discount_against_list_price() {
    let (notes, scope) = marked(
        "After the call Imogen got deal desk approval for 15% off the first-year subscription if the",
        "All fees are at list price; no discount applies to this Order Form.",
    );
    assert!(notes.iter().any(|n| n.contains("15%")), "{notes:?}");
    assert!(scope.iter().any(|s| s.contains("at list")), "{scope:?}");
    assert!(scope.iter().any(|s| s.contains("no discount")), "{scope:?}");
}

#[test]
fn a_price_hold_against_a_renewal_increase() {
    let (notes, scope) = marked(
        "2026-08-18 | Note | Jordan Pike | Deal desk approved the 3-year price hold at $9.50 per active caregiver per month.",
        "Renewal pricing: subscription fees may increase by up to 5% at each renewal.",
    );
    assert!(notes.iter().any(|n| n.contains("price hold")), "{notes:?}");
    assert!(
        scope.iter().any(|s| s.contains("may increase")),
        "{scope:?}"
    );
}

#[test]
fn support_hours_set_otherwise() {
    let (notes, scope) = marked(
        "Don't worry, our support team answers around the clock.",
        "Support is available Monday to Friday, 08:00-18:00 CET.",
    );
    assert!(
        notes.iter().any(|n| n.contains("around the clock")),
        "{notes:?}"
    );
    assert!(!scope.is_empty(), "{scope:?}");
    assert!(!notes.iter().any(|n| n.contains("support")), "{notes:?}");
}

#[test]
fn without_a_known_disagreement_only_words_one_side_lacks_are_marked() {
    let (notes, scope) = marked(
        "The rollout covers the kitchen tablets and the loading bay.",
        "The loading bay and the kitchen tablets: the pilot covers them.",
    );
    assert_eq!(notes, ["rollout"]);
    assert_eq!(scope, ["pilot"]);
}

#[test]
fn ranges_are_merged_sorted_and_on_character_boundaries() {
    // "é" is two bytes: a range starting or ending inside it is dropped.
    let text = "é4 weeks";
    let merged = tidy(vec![3..5, 0..1, 2..4, 1..3], text);
    assert_eq!((merged.len(), merged[0].clone()), (1, 2..5));
    // Backwards or past the end: dropped.
    let backwards = Range { start: 5, end: 2 };
    assert!(tidy(vec![backwards, 0..99], text).is_empty());
}

#[test]
fn a_count_against_a_bare_number_of_the_scope() {
    let (notes, scope) = marked(
        "- big one: i told kath all 9 stores incl geelong. the signed OF only lists 8 sites",
        "Sites covered: 8 (listed in Schedule A). Additional sites are added by change order at the",
    );
    // The 8 sites the notes also give agree with the scope's 8.
    assert_eq!(notes, ["9 stores"]);
    assert_eq!(scope, ["8"]);
}

#[test]
fn a_system_under_an_exclusions_heading() {
    let notes =
        "whether received POs could land in KitchenLedger automatically. Rafael: \"No problem, we";
    let scope = "• Integration with KitchenLedger or any other stock or recipe-costing system;";
    let (n, s) = marked_under(notes, scope, Some("Not included in this Order Form"));
    assert_eq!(n, ["KitchenLedger"]);
    assert_eq!(s, ["KitchenLedger"]);
    // The same line under no such heading excludes nothing: no name is marked.
    let (n, _) = marked_under(notes, scope, None);
    assert!(!n.contains(&"KitchenLedger".to_string()), "{n:?}");
}

#[test]
fn the_heading_of_a_line_as_the_analysis_reads_it() {
    let text = "# Order form\n\n## Not included\n\n- Integration with KitchenLedger;\n";
    let headings = Headings::of(text);
    assert_eq!(headings.at(5), Some("Not included"));
    assert_eq!(headings.at(1), None);
}

#[test]
fn a_count_against_a_hyphenated_count_and_a_date_against_a_duration() {
    let (notes, scope) = marked(
        "> - Timeline: six weeks from kickoff to all 14 hotels ordering through Tall=",
        "with a three-hotel pilot completing in weeks 1 to 6",
    );
    assert_eq!(notes, ["14 hotels"]);
    assert_eq!(scope, ["three-hotel"]);
    let (notes, scope) = marked(
        "Main thing to know: I told them the whole group would be live by mid-August",
        "• Estimated implementation period: 12 weeks from kickoff to group-wide go-live,",
    );
    assert_eq!(notes, ["mid-August"]);
    assert_eq!(scope, ["12 weeks"]);
}
