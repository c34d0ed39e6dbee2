use super::*;
use crate::analysis::GoalKind;

fn goals(a: &Analysis) -> Vec<(u32, GoalKind)> {
    a.goals
        .iter()
        .map(|g| (g.evidence[0].line, g.kind))
        .collect()
}

#[test]
fn buyer_outcomes_and_user_workflow_needs_are_kept_apart() {
    let notes = "\
- Gloria wants month-end close down from 6 days to 3.
- Reps need to see margin by customer on their phones before a visit.
- Dispatchers need to reassign a sick tech's jobs by dragging them.
";
    assert_eq!(
        goals(&run(notes, None)),
        vec![
            (1, GoalKind::Buyer),
            (2, GoalKind::User),
            (3, GoalKind::User)
        ]
    );
}

#[test]
fn seller_hopes_and_bare_wants_are_not_goals() {
    let notes = "\
- We want this signed by 10/31.
- And I want Dmitri.
- Push for a case study after go-live.
";
    assert!(goals(&run(notes, None)).is_empty());
}

#[test]
fn a_bound_with_an_article_is_a_measure() {
    use crate::analysis::goals::is_measurable;
    assert!(is_measurable("she wants invoicing under a week."));
    assert!(is_measurable("answers within an hour, every time."));
    assert!(!is_measurable("she wants invoicing to be faster."));
    assert!(!is_measurable("a week of training would help them."));
}
