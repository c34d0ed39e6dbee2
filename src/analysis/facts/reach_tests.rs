//! Terms read the way a promise sets them against another (issue 13, read on
//! styles-16 to 18): an alternative set aside ("monthly rather than
//! annually"), cover promised by someone reachable rather than by "support",
//! and the hour cover ends. Every text is invented.

use super::numbers::end_hour;
use super::tests::{conflicts_in_pairs, pair_value as value};
use super::*;

#[test]
fn the_alternative_set_aside_is_not_the_term_stated() {
    // Two rhythms named: before, neither was read.
    assert_eq!(
        value(
            "Billing: we can invoice you monthly by direct debit rather than annually up front.",
            Topic::BillingPeriod
        ),
        value("we will invoice monthly", Topic::BillingPeriod)
    );
    assert!(value("we can invoice monthly", Topic::BillingPeriod).is_some());
    assert!(conflicts_in_pairs(
        "Instead of paying annually in advance, they pay quarterly.",
        "Fees are invoiced annually in advance, payable within 30 days."
    ));
    assert!(conflicts_in_pairs(
        "Te facturamos la licencia mensualmente, en vez de anualmente.",
        "Forma de pago: la licencia se factura anualmente por anticipado."
    ));
    // The clause after the alternative still counts.
    assert!(!conflicts_in_pairs(
        "Rather than monthly, we invoice annually in advance.",
        "Fees are invoiced annually in advance."
    ));
}

#[test]
fn someone_reachable_at_set_hours_is_a_support_term() {
    assert_eq!(
        value(
            "Ring us any time the boats are landing, somebody'll answer, day or night.",
            Topic::SupportHours
        ),
        Some(Value::AllHours)
    );
    assert!(conflicts_in_pairs(
        "For you we'll have someone on the phone until ten at night and on Saturdays.",
        "Standard support: Monday to Friday, 8:00 a.m. to 4:30 p.m., excluding public holidays."
    ));
    assert!(conflicts_in_pairs(
        "Tomás can be reached on his mobile on Saturdays during harvest.",
        "Support: lundi au vendredi, de 8h00 à 17h00, par e-mail."
    ));
    // Hours that are not someone's cover say nothing of support.
    assert_eq!(
        value(
            "The nightly export runs until 10pm on Saturdays.",
            Topic::SupportHours
        ),
        None
    );
    // Cover within the scope's window is no conflict.
    assert!(!conflicts_in_pairs(
        "Somebody will be on the phone from nine until five, Monday to Friday.",
        "Support desk: Monday to Friday, 08:00 to 17:00, by phone and e-mail."
    ));
}

#[test]
fn the_hour_cover_ends_is_read_from_ranges_and_speech() {
    assert_eq!(end_hour("monday to friday, 08:00 to 17:00"), Some(17 * 60));
    assert_eq!(end_hour("9am-5.30pm weekdays"), Some(17 * 60 + 30));
    assert_eq!(
        end_hour("someone online until 10pm every day"),
        Some(22 * 60)
    );
    assert_eq!(end_hour("on the phone until ten at night"), Some(22 * 60));
    assert_eq!(end_hour("till midnight in season"), Some(24 * 60));
    // A count after "until" or "to" is no hour; a spoken hour needs its half of the day.
    assert_eq!(end_hour("from 3 sites to 12 sites"), None);
    assert_eq!(end_hour("up to 12 users until 2027"), None);
    assert_eq!(end_hour("we stay until five"), None);
    assert!(conflicts_in_pairs(
        "Support is open from eight thirty in the morning until 8pm, so it covers your UK branches.",
        "Standard support by e-mail, 09:00 to 17:30 UK time, Monday to Friday."
    ));
}

#[test]
fn a_single_payment_is_one_whatever_the_word_for_a_part() {
    assert_eq!(
        value(
            "The annual price shall be paid in one single installment, in advance.",
            Topic::PaymentSchedule
        ),
        Some(Value::InFull)
    );
    assert!(conflicts_in_pairs(
        "They pay quarterly, four equal payments.",
        "The annual price shall be paid in one single installment, in advance."
    ));
    // Paid "in three times", as several languages say it.
    assert!(conflicts_in_pairs(
        "Payment in three times: signature, go-live, three months after.",
        "Payment of 100% of the amount at signature of this order form."
    ));
    assert!(conflicts_in_pairs(
        "Pour la trésorerie, vous pourrez payer en trois fois.",
        "Paiement en une seule fois, à la signature."
    ));
    // Parts against parts of another number still compare as parts.
    assert!(!conflicts_in_pairs(
        "Paid in three instalments as agreed.",
        "Fees are invoiced in three instalments: 40%, 30% and 30%."
    ));
}

#[test]
fn a_price_held_against_an_increase_written_without_a_modal() {
    assert!(conflicts_in_pairs(
        "Year two, same price as year one, I hold it for you.",
        "Subscription fees increase by five per cent (5%) on each anniversary of the Effective Date."
    ));
    assert!(!conflicts_in_pairs(
        "Year two, same price as year one.",
        "Subscription fees are fixed for the initial term."
    ));
}

#[test]
fn a_price_held_in_other_languages_against_an_adjustment() {
    assert!(conflicts_in_pairs(
        "Te mantenemos el valor fijo por 36 meses, sin reajuste anual.",
        "El precio anual de la licencia podrá reajustarse al inicio de cada año en hasta un 4%."
    ));
    // The index waived ("sem IPCA") is no cap the price is held to.
    assert!(conflicts_in_pairs(
        "Ofereci manter o valor por licença sem nenhum reajuste por 24 meses (sem IPCA).",
        "Os valores da assinatura serão reajustados anualmente pela variação do IPCA."
    ));
    assert!(!conflicts_in_pairs(
        "Le prix reste le même pendant trois ans.",
        "Les tarifs sont fixes pour la durée initiale."
    ));
}

#[test]
fn round_the_clock_and_working_hours_in_french() {
    assert!(conflicts_in_pairs(
        "Le support c'est 24 heures sur 24, vous appelez quand vous voulez.",
        "Support à distance du lundi au vendredi de 9h00 à 18h00, hors jours fériés."
    ));
    assert!(!conflicts_in_pairs(
        "Le support répond du lundi au vendredi, de 9h à 18h.",
        "Support à distance du lundi au vendredi de 9h00 à 18h00, hors jours fériés."
    ));
}
