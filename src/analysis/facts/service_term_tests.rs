//! Service terms as speech and other languages state them (issue 13,
//! styles-14): cover cut down to some incidents, spoken start hours, payment
//! days in other languages, rhythms, languages of more regions. Every text
//! is invented.

use super::numbers::{payment_days, start_hour};
use super::tests::{conflicts_in_pairs, pair_facts};
use super::*;

#[test]
fn days_cut_down_to_some_incidents_are_not_covered() {
    let days = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::SupportDays)
            .map(|f| f.value)
    };
    assert_eq!(
        days(
            "Helpdesk: Monday to Friday, 07:00 to 19:00. Weekend support is restricted to outages only."
        ),
        Some(Value::Weekdays(0b001_1111))
    );
    assert_eq!(
        days("Support runs Monday to Friday; Sunday support is limited to critical tickets."),
        Some(Value::Weekdays(0b001_1111))
    );
    assert_eq!(
        days("Weekend support is restricted to outages only."),
        Some(Value::Weekdays(0b001_1111))
    );
    assert!(conflicts_in_pairs(
        "Relax, weekend support is included, my crew answers on Saturday and Sunday.",
        "Service desk hours: Monday to Friday 9-5. Weekend support is limited to Severity 1 incidents."
    ));
}

#[test]
fn spoken_start_hours_are_read_after_from() {
    assert_eq!(
        start_hour("the support desk is open from half six perth time"),
        Some(390)
    );
    assert_eq!(
        start_hour("support answers from seven, weekdays"),
        Some(420)
    );
    assert_eq!(start_hour("support from eight in the morning"), Some(480));
    // A number word that counts something is no hour.
    assert_eq!(start_hour("support from seven sites"), None);
    assert!(conflicts_in_pairs(
        "Our support line opens from half six Darwin time, so the early shift is fine.",
        "Phone support: 8:30am to 5:00pm ACST, Monday to Friday."
    ));
}

#[test]
fn payment_days_are_read_in_other_languages_and_legal_numerals() {
    assert_eq!(
        payment_days(
            "condiciones de pago: cuarenta y cinco (45) días naturales a partir de la factura"
        ),
        Some(45)
    );
    assert_eq!(
        payment_days("paiement à trente (30) jours fin de mois"),
        Some(30)
    );
    assert_eq!(
        payment_days("termin pembayaran 14 hari setelah faktur"),
        Some(14)
    );
    assert!(conflicts_in_pairs(
        "Net 90 is fine for your finance team.",
        "Condiciones de pago: treinta (30) días naturales desde la fecha de factura."
    ));
}

#[test]
fn languages_of_more_regions_are_named() {
    assert!(conflicts_in_pairs(
        "Sure, we'll deliver the sessions in BM and Tamil, not only English.",
        "All training is delivered online and in English."
    ));
    assert!(conflicts_in_pairs(
        "Yes, the kiosk screens will be in Yoruba for your Lagos stores.",
        "Customer-facing screens are delivered in English only."
    ));
}

#[test]
fn rhythms_are_read_as_minutes_between_runs() {
    let every = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::Frequency)
            .map(|f| f.value)
    };
    assert_eq!(
        every("We'll push stock levels every ten minutes."),
        Some(Value::Interval(10.0))
    );
    assert_eq!(
        every("| Stock levels | ERP to shop | every six (6) hours | Included |"),
        Some(Value::Interval(360.0))
    );
    assert_eq!(
        every("Reports are emailed every Monday."),
        Some(Value::Interval(10080.0))
    );
    assert_eq!(
        every("Prices sync in real time."),
        Some(Value::Interval(0.0))
    );
    // Two rhythms in one statement state neither.
    assert_eq!(every("Fees are computed daily and settled weekly."), None);
    assert!(conflicts_in_pairs(
        "Prices will sync in real time, no more overnight files.",
        "Price lists are synchronised daily by SFTP file."
    ));
    assert!(!conflicts_in_pairs(
        "Prices will sync daily.",
        "Price lists are synchronised every hour."
    ));
}

#[test]
fn a_billing_rhythm_is_read_from_a_fee_said_to_recur_and_in_french() {
    let pair = conflicts_in_pairs;
    let annual = "8.1 Subscription: invoiced annually in advance on the Order date.";
    assert!(pair(
        "Remember the subscription is quarterly, as we agreed.",
        annual
    ));
    assert!(!pair(
        "Remember the subscription is annual, as we agreed.",
        annual
    ));
    assert!(pair(
        "Paiement de la licence en quatre échéances trimestrielles, c'est accordé.",
        "8.1 Licence : facturée annuellement, payable d'avance."
    ));
}
