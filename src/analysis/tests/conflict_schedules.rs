//! Go-live schedules and service terms as both sides state them (issue 13,
//! styles-14): week numbers, outer-bound deadlines, dues known to the day,
//! and exclusions written in the order form's own language. Every text is
//! invented.

use super::*;
use jiff::civil::date;

const FIXED_DAY: &str = "\
# Order form
- Route planning licence for the Ostrava depot.
- Target go-live: Monday, 19 April 2027 (all depots).
";

#[test]
fn a_bare_week_number_against_a_fixed_go_live_day_conflicts() {
    // Week 13 of 2027 runs 29 March to 4 April: more than a few days
    // before the scope's 19 April.
    let a = run_closed(
        date(2027, 1, 10),
        "- Told Pavel we'll be live wk 13, all depots.\n",
        FIXED_DAY,
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_day_a_little_before_an_outer_bound_keeps_it() {
    let scope = "\
# Order form
- Route planning licence for the Ostrava depot.
- Go-Live: all depots live no later than 30 April 2027.
";
    let a = run_closed(
        date(2027, 1, 10),
        "- Promised Pavel all depots live by April 23, a week early.\n",
        scope,
    );
    assert!(conflict_pairs(&a).is_empty(), "{:#?}", a.flags);
    // A day after the bound does not keep it.
    let b = run_closed(
        date(2027, 1, 10),
        "- Promised Pavel all depots live by May 28.\n",
        scope,
    );
    assert_eq!(conflict_pairs(&b), vec![(1, 3)], "{:#?}", b.flags);
}

#[test]
fn two_days_named_to_the_day_are_one_plan_only_when_they_nearly_meet() {
    // Eleven days before the scope's fixed day: within the fortnight of a
    // rough due, but both name the day.
    let a = run_closed(
        date(2027, 1, 10),
        "- We'll have every depot live by April eighth, told Pavel.\n",
        FIXED_DAY,
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    // A rough due ("mid-April") keeps its fortnight.
    let b = run_closed(
        date(2027, 1, 10),
        "- We'll have every depot live by mid-April, told Pavel.\n",
        FIXED_DAY,
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}

#[test]
fn on_site_work_against_an_exclusion_in_spanish_conflicts() {
    let a = run_closed(
        date(2027, 1, 10),
        "- Told Lucía our consultant will spend three days on site with the planners.\n",
        "# Orden de compra\n- Licencia de planificación para 12 usuarios.\n- Capacitación: seis (6) sesiones remotas. La capacitación presencial no está incluida.\n",
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_scope_line_on_another_footing_does_not_agree_with_a_schedule() {
    // No close date: "ten weeks from signing" and "twenty weeks of the
    // Effective Date" count from one undated event; the pilot line's date
    // cannot be compared with either and must not count as agreeing.
    let scope = "\
# Order form
- Route planning licence for the Ostrava depot.
- The Supplier shall complete implementation within twenty (20) weeks of the Effective Date.
- Pilot depot go-live on 3 May 2027.
";
    let a = run(
        "- Told Pavel implementation runs ten weeks from contract signing.\n",
        Some(scope),
    );
    let pairs = conflict_pairs(&a);
    assert!(pairs.contains(&(1, 3)), "{:#?}", a.flags);
}

/// A scope that sets the work's period rather than naming go-live.
const PERIOD: &str = "\
# Order form
- Dispatch licence for the Kettering depot.
- Implementation period: twenty (20) weeks from the Effective Date.
";

#[test]
fn a_promise_counted_from_signing_against_the_scopes_implementation_period_conflicts() {
    let a = run_closed(
        date(2026, 11, 2),
        "- Told Maria you're live twelve weeks after signing.\n",
        PERIOD,
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    // The event named before the duration counts as well.
    let b = run_closed(
        date(2026, 11, 2),
        "- From signature it's ten weeks to go-live, Maria.\n",
        PERIOD,
    );
    assert_eq!(conflict_pairs(&b), vec![(1, 3)], "{:#?}", b.flags);
    let summary = first_conflict_text(&b);
    assert!(summary.contains("ten weeks from 2026-11-02"), "{summary}");
    // The same period is no conflict.
    let c = run_closed(
        date(2026, 11, 2),
        "- Told Maria you're live twenty weeks after signing.\n",
        PERIOD,
    );
    assert!(conflict_pairs(&c).is_empty(), "{:#?}", c.flags);
}

#[test]
fn a_figure_first_legal_numeral_dates_the_scopes_go_live() {
    let a = run_closed(
        date(2026, 11, 2),
        "- We will have you live by 1 January, Maria.\n",
        "# Order form\n- Dispatch licence for the Kettering depot.\n- Target go-live: 12 (twelve) weeks from the Order Form date.\n",
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    let summary = first_conflict_text(&a);
    assert!(summary.contains("12 weeks from 2026-11-02"), "{summary}");
}

#[test]
fn schedules_in_the_order_forms_language_are_compared() {
    let a = run_closed(
        date(2026, 11, 2),
        "- Je lui ai dit oui : mise en service 4 mois après la signature.\n",
        "# Bon de commande\n- Licence pour le dépôt de Lyon.\n- Mise en service : six (6) mois à compter de la signature du bon de commande.\n",
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    let b = run_closed(
        date(2026, 11, 2),
        "- Le dije que sí: puesta en producción 16 semanas desde la firma.\n",
        "# Orden de compra\n- Licencia para el depósito de Quito.\n- Puesta en producción: dieciséis (16) semanas desde la fecha de firma.\n",
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}
