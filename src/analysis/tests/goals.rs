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
fn the_seller_asking_what_the_customer_needs_is_no_goal_the_answer_is() {
    let notes = "\
Question: Can you describe what your office staff need from the new system day to day?
Answer: Office staff need to record attendance and message parents from one screen.
";
    assert_eq!(goal_lines_by_rules(notes), vec![2]);
}

#[test]
fn a_date_is_no_measure_of_a_goal_the_model_adds() {
    use crate::analysis::goals::is_measured_beyond_dates;
    let bundle = crate::bundle::Bundle {
        deal: Default::default(),
        crm_text: None,
        files: Vec::new(),
        listing: Vec::new(),
    };
    let rules = crate::rules::Rules::builtin();
    let r = crate::analysis::Reading::read(&bundle, &rules);
    assert!(!is_measured_beyond_dates(
        &r,
        "She wants check-in in the app on April 18."
    ));
    assert!(is_measured_beyond_dates(
        &r,
        "By April 18, cut check-in time by half."
    ));
    // A bound with an article is a measure; a duration alone is not.
    assert!(is_measured_beyond_dates(&r, "Invoices out under a week."));
    assert!(is_measured_beyond_dates(
        &r,
        "answers within an hour, every time."
    ));
    assert!(!is_measured_beyond_dates(
        &r,
        "she wants invoicing to be faster."
    ));
    assert!(!is_measured_beyond_dates(
        &r,
        "a week of training would help them."
    ));
}

#[test]
fn a_customers_we_want_is_a_goal_and_a_sellers_is_not() {
    let notes = "\
Kev (Customer): We want overdue invoices below five percent by the end of next year.
Dana Whitfield: We want this closed before the quarter ends, honestly.
";
    assert_eq!(goal_lines_by_rules(notes), vec![1]);
}

#[test]
fn wants_and_targets_read_in_other_languages_and_their_negations_do_not() {
    let notes = "\
- Marta: lo que necesito es bajar la merma de 4,1% a 3% este año.
- Jens: ich will, dass jede Reklamation in zwei Tagen beantwortet ist.
- No queremos sorpresas con la factura del segundo año.
";
    assert_eq!(goal_lines_by_rules(notes), vec![1, 2]);
}

#[test]
fn a_dated_want_that_names_the_level_to_reach_is_a_goal() {
    let notes = "\
Kofi: I want scrap below one thousand parts by March next year.
Kofi: I want the new dashboards in place before March.
";
    // The level to reach makes the first an outcome; the second only a deadline.
    assert_eq!(super::goal_lines_by_rules(notes), vec![1]);
}

/// An item a goals heading makes a goal is no goal when the seller puts it
/// off on the same line; the item beside it stays one. The rules alone.
#[test]
fn an_item_under_a_goals_heading_that_the_seller_defers_is_no_goal() {
    let notes = "\
## Why they bought
- Cut the weekly stock count from two days to one.
- Welsh and Gaelic screens. I said let's see how English goes first.
";
    let b = bundle(deal(), notes, None);
    let r = crate::analysis::Reading::read(&b, &RULES);
    let lines: Vec<u32> = crate::analysis::goals::find(&r)
        .iter()
        .map(|g| g.evidence[0].line)
        .collect();
    assert_eq!(lines, vec![2]);
}

/// A need stated as an ability ("should be able to", "need to be able to")
/// is a want, as "must be able" is.
#[test]
fn a_need_stated_as_an_ability_is_a_goal() {
    let notes = "\
Kev (Customer): When the auditor asks for a lot, I should be able to show its cold-room temperatures in one click.
Kev (Customer): The night shift needs to be able to log a reading without a desktop.
";
    assert_eq!(goal_lines_by_rules(notes), vec![1, 2]);
}

/// A goal named as the objective in French notes is a goal by the rules.
#[test]
fn an_objective_named_in_french_is_a_goal() {
    let notes = "\
- Rappel : l'objectif pour la direction reste de clôturer le mois en cinq jours.
- Rappel : la direction a reçu le devis et le planning.
";
    assert_eq!(goal_lines_by_rules(notes), vec![1]);
}

/// The objective named in Spanish or Portuguese ("objetivo", no c) and a want
/// in Russian are goals by the rules, as the French objective is.
#[test]
fn an_objective_in_spanish_and_a_want_in_russian_are_goals() {
    let notes = "\
- Nota: el objetivo para nosotros es que cada tienda cierre la caja en diez minutos.
- Nota: la gerencia recibió la propuesta y el calendario.
- Заметка: мы хотим отвечать клиенту за один час.
- Заметка: договор подписан во вторник.
";
    assert_eq!(goal_lines_by_rules(notes), vec![1, 3]);
}
