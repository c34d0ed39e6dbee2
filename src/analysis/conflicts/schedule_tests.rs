//! Milestone and kickoff words read from invented text.
use crate::rules::Rules;

#[test]
fn a_system_running_by_a_day_is_a_go_live() {
    let rules = Rules::builtin();
    let live = |text: &str| rules.pair_facts.go_live.is_match(text);
    assert!(live(
        "the system will be running on all the depots by 5th october"
    ));
    assert!(live("app and scales up and running by 15 feb 2027"));
    assert!(live(
        "con treinta días desde el arranque tenemos la sede funcionando"
    ));
    assert!(live("le logiciel sera en fonctionnement avant le 1er mars"));
    assert!(!live("the scales keep running all night"));
}

#[test]
fn milestones_are_read_in_the_languages_order_forms_come_in() {
    let rules = Rules::builtin();
    let family = |text: &str| {
        rules
            .pair_facts
            .schedule_milestone
            .families(text)
            .trailing_zeros()
    };
    assert_eq!(family("les capteurs installés avant la semaine 16"), 0);
    assert_eq!(family("instalación de sensores: mayo de 2027"), 0);
    assert_eq!(family("the pumps commissioned by 31 may"), 1);
    assert_eq!(family("abnahme bis ende märz"), 2);
    assert_eq!(family("uat sign-off by 15 march"), 2);
    assert_eq!(family("migração concluída em 30 dias"), 3);
    assert_eq!(family("capacitación completa la semana 9"), 4);
    assert_eq!(family("réunion de lancement le 4 janvier"), 5);
    assert_eq!(
        rules
            .pair_facts
            .schedule_milestone
            .families("the fee is fixed"),
        0
    );
}

#[test]
fn a_kickoff_meeting_in_other_languages_anchors_a_schedule() {
    let rules = Rules::builtin();
    let kickoff = |text: &str| rules.pair_facts.schedule_anchor.families(text) & 2 != 0;
    assert!(kickoff("après la réunion de lancement"));
    assert!(kickoff("desde la reunión de arranque"));
    assert!(kickoff("nach dem auftakttermin"));
    assert!(kickoff("ab projektbeginn"));
    assert!(!kickoff("after the annual review"));
}
