//! Milestones other than go-live (installation, commissioning, acceptance,
//! kickoff) dated by both sides, and a kickoff named in the order form's own
//! language. Every text is invented.

use super::*;
use jiff::civil::date;

const INSTALLATION: &str = "\
# Order form
- Fuel probes for the Kestrel depot fleet.
- Installation of all probes shall be completed within ten (10) weeks of the Effective Date.
";

#[test]
fn an_installation_promised_sooner_than_the_scopes_period_conflicts() {
    let a = run_closed(
        date(2026, 10, 5),
        "- Told Baraka all probes installed within three weeks from signing.\n",
        INSTALLATION,
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    assert!(first_conflict_text(&a).contains("installation"));
    // The same period is one plan.
    let b = run_closed(
        date(2026, 10, 5),
        "- Told Baraka all probes installed within ten weeks of signing.\n",
        INSTALLATION,
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}

#[test]
fn a_go_live_date_does_not_answer_an_installation_promise() {
    // The scope dates go-live only: an installation date says nothing of it.
    let scope = "\
# Order form
- Fuel probes for the Kestrel depot fleet.
- Go-live: 1 June 2027.
";
    let a = run_closed(
        date(2026, 10, 5),
        "- Promised Baraka the probes installed by 15 February 2027.\n",
        scope,
    );
    assert!(conflict_pairs(&a).is_empty(), "{:#?}", a.flags);
}

#[test]
fn milestones_named_together_share_the_scopes_date() {
    // "Supply, installation and commissioning" are all due at the period's end.
    let scope = "\
# Order form
- Dam monitoring system with forty instruments.
- Supply, installation and commissioning shall be completed within nine (9) months from the Effective Date.
";
    let a = run_closed(
        date(2026, 12, 1),
        "- Promised Karma we will have the monitoring system commissioned by 31 March 2027.\n",
        scope,
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_kickoff_meeting_in_french_is_the_event_a_schedule_counts_from() {
    // No kickoff date: both durations count from the same undated kickoff.
    let scope = "\
# Bon de commande
- Licence de gestion de parc pour le terminal.
- Mise en service : quatorze (14) semaines après la réunion de lancement.
";
    let a = run(
        "- Told Moussa twelve weeks from the kickoff to go-live.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn round_the_clock_support_in_spanish_against_working_hours_conflicts() {
    let scope = "\
# Orden de compra
- Licencia de pesaje para la báscula del puerto.
- Horario de soporte: de lunes a viernes de 7:00 a.m. a 6:00 p.m., por teléfono y portal.
";
    let a = run(
        "- Soporte 24/7 con línea directa para la báscula.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_date_between_two_milestone_words_dates_only_the_nearer() {
    // "mid November" is the kickoff, "end of December" the go-live: the
    // go-live date is no kickoff date.
    let scope = "\
# Order form
- Service desk licence for the Pune campus.
- Kickoff date: 16 November 2026.
";
    let a = run_closed(
        date(2026, 10, 30),
        "- Promised Anil: if we kick off mid November you are live by end of December.\n",
        scope,
    );
    assert!(conflict_pairs(&a).is_empty(), "{:#?}", a.flags);
}
