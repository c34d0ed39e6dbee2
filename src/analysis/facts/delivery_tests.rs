//! How a service is delivered, as the languages deals mix in state it: where
//! (on site or remote), in which language, at which hours. Every text is
//! invented.

use super::numbers::{end_hour, start_hour};
use super::tests::{conflicts_in_pairs, pair_facts};
use super::*;

fn delivery(text: &str) -> Option<Value> {
    pair_facts(text)
        .into_iter()
        .find(|f| f.topic == Topic::Delivery)
        .map(|f| f.value)
}

fn languages(text: &str) -> Option<Value> {
    pair_facts(text)
        .into_iter()
        .find(|f| f.topic == Topic::Language)
        .map(|f| f.value)
}

#[test]
fn remote_delivery_is_read_in_french_portuguese_polish_and_by_its_platform() {
    for text in [
        "Formation : trois séances dispensées à distance.",
        "Treinamento: duas sessões a distância para os supervisores.",
        "Szkolenie zdalne dla operatorów (2 sesje).",
        "User training: 4 sessions of 2 hours (Microsoft Teams).",
        "Capacitación en línea para los jefes de turno.",
    ] {
        assert!(
            matches!(delivery(text), Some(Value::Remote { services }) if services != 0),
            "{text}"
        );
    }
    // A video tool named for something else is no delivery term.
    assert_eq!(
        delivery("Alerts are posted to a Microsoft Teams channel."),
        None
    );
}

#[test]
fn onsite_delivery_is_read_in_contract_language_and_spanish() {
    for text in [
        "All training shall be delivered at the Purchaser's premises.",
        "Mariela estará dos semanas en sitio para el arranque.",
        "La formación se hará en sus instalaciones de Rosario.",
        "Our lead will be on the floor in Tarbes for the whole cut-over week.",
    ] {
        assert!(
            matches!(delivery(text), Some(Value::OnSite { .. })),
            "{text}"
        );
    }
}

#[test]
fn onsite_training_against_training_at_a_distance_conflicts() {
    assert!(conflicts_in_pairs(
        "On fera la formation sur place chez vous à Tarbes, deux jours.",
        "Formation des utilisateurs : deux séances à distance."
    ));
    assert!(conflicts_in_pairs(
        "Training on site in Leiria for both shifts.",
        "Formação dos utilizadores: três sessões a distância."
    ));
}

#[test]
fn languages_are_named_in_the_languages_deals_mix_in() {
    assert!(conflicts_in_pairs(
        "Pas de souci, l'interface sera en arabe pour les opérateurs.",
        "User interface languages: English and French."
    ));
    assert!(conflicts_in_pairs(
        "Die Kunden wünschen eine türkische Oberfläche, das liefern wir.",
        "Sprachversionen der App: Deutsch, Englisch."
    ));
    // A language of a region, past the first 64 families.
    assert!(conflicts_in_pairs(
        "We'll have the field app in Kinyarwanda for the collectors by go-live.",
        "The mobile application is delivered in English and French."
    ));
    assert!(!conflicts_in_pairs(
        "We'll have the field app in Kinyarwanda for the collectors by go-live.",
        "App languages: English, French and Kinyarwanda."
    ));
}

#[test]
fn a_language_before_what_comes_in_it_is_a_language() {
    assert!(matches!(
        languages("Tamil dashboard for the shop floor, we will give."),
        Some(Value::Languages(_))
    ));
    assert!(matches!(
        languages("Spanish chute app from day one, told him yes."),
        Some(Value::Languages(_))
    ));
    // A people or a team is no language.
    assert_eq!(languages("The Korean team joins the call on Monday."), None);
}

#[test]
fn a_language_summary_names_languages_of_both_lists() {
    let rules = Rules::builtin();
    let fact = pair_facts("The portal will be in Kinyarwanda and French.")
        .into_iter()
        .find(|f| f.topic == Topic::Language)
        .expect("a language fact");
    let said = fact.describe(&rules);
    assert!(
        said.contains("french") && said.contains("kinyarwanda"),
        "{said}"
    );
}

#[test]
fn hours_are_read_from_ranges_joined_in_other_languages() {
    assert_eq!(start_hour("soporte en temporada de 6am a 9pm"), Some(360));
    assert_eq!(end_hour("soporte en temporada de 6am a 9pm"), Some(21 * 60));
    assert_eq!(start_hour("help desk operativo dalle 8 alle 12"), Some(480));
    assert_eq!(end_hour("hotline von 7 bis 19 uhr"), Some(19 * 60));
    // A span of time is no hour of the day.
    assert_eq!(start_hour("respuesta de 4 a 8 horas"), None);
    // A spoken evening hour with its dotted half of the day.
    assert_eq!(
        end_hour("the support line answered until ten p.m. atlantic"),
        Some(22 * 60)
    );
}

#[test]
fn support_promised_earlier_in_spanish_conflicts_with_the_scopes_hours() {
    assert!(conflicts_in_pairs(
        "Soporte en cosecha de 6am a 9pm, le dije que sí.",
        "Soporte por correo y teléfono, lunes a viernes de 8:00 a 17:00."
    ));
}

#[test]
fn cover_every_day_promised_to_one_person_conflicts_with_working_days() {
    assert!(conflicts_in_pairs(
        "He can call or WhatsApp me any day, Sundays inclusive, through harvest.",
        "Support desk: Monday to Friday, 08:00 to 17:00."
    ));
    assert!(conflicts_in_pairs(
        "In the season it is 24 hours, any day, you call me directly.",
        "Support desk: Monday to Friday, 08:00 to 17:00."
    ));
    assert!(conflicts_in_pairs(
        "For you the support line is open at night as well, someone answers.",
        "Standard support Monday to Friday, 9:00 to 17:30."
    ));
}
