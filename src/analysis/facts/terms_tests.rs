//! Payment terms, billing rhythms and price holds as other languages and
//! spoken deals state them (s16): the whole amount at one event against
//! shares, rhythms in Romance and Nordic words, holds and indexation in
//! Italian, Dutch and Norwegian. Every text is invented.

use super::numbers::{instalment_count, shares_of_whole};
use super::tests::{conflicts_in_pairs, pair_value as value};
use super::*;

#[test]
fn the_whole_amount_at_one_event_is_one_payment_in_other_languages() {
    for text in [
        "Condiciones de pago: 100% anticipado, contra la firma de esta orden.",
        "Modalités : paiement de 100 % du montant HT à la signature du contrat.",
        "Pago: 100% del total del primer año facturado a la firma, a 30 días.",
        "Payment terms: 100% advance against pro-forma invoice.",
        "Facturation annuelle, payable en totalité à la commande.",
    ] {
        assert_eq!(
            value(text, Topic::PaymentSchedule),
            Some(Value::InFull),
            "{text}"
        );
    }
    // One payment said plainly, where no word for parts stands.
    assert_eq!(
        value(
            "Fine, one payment in June once the grant lands.",
            Topic::PaymentSchedule
        ),
        Some(Value::InFull)
    );
    assert!(matches!(
        value(
            "Pay in quarterly instalments, not the whole fee in one hit.",
            Topic::PaymentSchedule
        ),
        Some(Value::Instalments { .. })
    ));
}

#[test]
fn shares_at_events_are_parts_in_words_figures_and_other_languages() {
    for text in [
        "On the payment, 40 percent now and 60 percent after the audit.",
        "For the payment: sixty percent when you sign and forty percent at go-live.",
        "Dos pagos: 50% firma / 50% entrega, le dije que sí.",
        "El pago lo dividimos en dos, una parte ahora y la otra mitad en junio.",
        "Forma de pago: 50% de anticipo contra factura y 50% contra entrega.",
    ] {
        assert!(
            matches!(
                value(text, Topic::PaymentSchedule),
                Some(Value::Instalments { .. })
            ),
            "{text}"
        );
    }
    assert!(shares_of_whole("30% a la firma; 70% al cierre"));
    assert!(!shares_of_whole("descuento del 20% y 10% adicional"));
    assert_eq!(instalment_count("pagadera en 3 cuotas mensuales"), Some(3));
    assert_eq!(instalment_count("vous payez en trois fois"), Some(3));
    assert_eq!(instalment_count("em duas parcelas"), Some(2));
    // A discount of two rates is no payment in parts.
    assert_eq!(
        value(
            "Payment: 20% off the licence on signing and 10% on services.",
            Topic::PaymentSchedule
        ),
        None
    );
}

#[test]
fn parts_against_the_whole_amount_conflict() {
    assert!(conflicts_in_pairs(
        "Lo del pago está bien: 50% a la firma y 50% cuando entreguemos.",
        "Forma de pago: 100% anticipado, a la firma de la orden."
    ));
    assert!(conflicts_in_pairs(
        "Paiement en trois fois, c'est d'accord.",
        "Paiement de 100 % du montant à la signature du bon de commande."
    ));
    // Three instalments promised, two in the order form.
    assert!(conflicts_in_pairs(
        "Implementación pagadera en 3 cuotas mensuales sin recargo.",
        "Forma de pago de la implementación: 50% de anticipo y 50% contra entrega."
    ));
    assert!(!conflicts_in_pairs(
        "Pago en dos partes: 50% a la firma y 50% en la entrega.",
        "Forma de pago: 50% a la firma, 50% contra entrega."
    ));
}

#[test]
fn billing_rhythms_are_read_in_romance_and_nordic_words() {
    let every = |text: &str| value(text, Topic::BillingPeriod);
    assert_eq!(every("Paiement mensuel accepté."), Some(Value::Every(2)));
    assert_eq!(
        every("El pago del servicio será trimestral."),
        Some(Value::Every(1))
    );
    assert_eq!(
        every("Pagaríamos por trimestre, como quedamos."),
        Some(Value::Every(1))
    );
    assert_eq!(
        every("Facturation annuelle, payable d'avance."),
        Some(Value::Every(0))
    );
    assert_eq!(
        every("Billing: one annual invoice at the order date."),
        Some(Value::Every(0))
    );
    // Twice a year holds the word for a year: it is not an annual bill too.
    assert_eq!(
        every("Invoiced semi-annually in advance."),
        Some(Value::Every(3))
    );
    assert_eq!(
        every("Betaling halvårlig, faktura i januar."),
        Some(Value::Every(3))
    );
    // The annual fee is a price, not how it is billed.
    assert_eq!(every("The annual fee is payable by bank transfer."), None);
    assert!(conflicts_in_pairs(
        "La licencia te la facturamos mensual.",
        "Forma de pago: licencia anual pagadera por anticipado en una sola cuota."
    ));
    assert!(conflicts_in_pairs(
        "Billing twice a year is fine, invoices in January and July.",
        "Subscription fees are invoiced annually in advance."
    ));
}

#[test]
fn price_holds_and_indexation_are_read_in_more_languages() {
    let held = |text: &str| matches!(value(text, Topic::PriceChange), Some(Value::Held { .. }));
    let rises = |text: &str| matches!(value(text, Topic::PriceChange), Some(Value::Rises { .. }));
    assert!(held(
        "Il canone resta fermo per tre anni, senza adeguamento ISTAT."
    ));
    assert!(held("Prisen per bruker er fast i 3 år."));
    assert!(held("De prijs blijft vast, zonder indexering."));
    assert!(held("No CPI linkage on the fees for the whole term."));
    assert!(rises(
        "I corrispettivi sono adeguati annualmente all'indice ISTAT."
    ));
    assert!(rises("Prisene justeres årlig etter konsumprisindeksen."));
    assert!(rises(
        "Subscription rates shall stand revised by 6% each contract year."
    ));
    assert!(rises(
        "Years 2 and 3 are at the supplier's then-current rates."
    ));
    assert!(rises("Renewal is at the prevailing list price."));
    assert!(rises("All fees escalate annually by CPI plus 1%."));
    assert!(rises("The fee is subject to an increase of 4% each year."));
    // "KPI" is a measure, not a price index.
    assert!(!rises("Fees for the KPI dashboard are listed in Annex B."));
}

#[test]
fn an_index_waived_in_a_list_is_waived() {
    // "no FX or CPI uplift": the waiver opens the list the index closes, so
    // the price is held outright and CPI indexation contradicts it.
    assert_eq!(
        value(
            "Pricing fixed for the whole term, no FX or CPI uplift.",
            Topic::PriceChange
        ),
        Some(Value::Held { indices: 0 })
    );
    assert!(conflicts_in_pairs(
        "Pricing fixed for the whole term, no FX or CPI uplift.",
        "Fees are escalated annually in line with CPI."
    ));
}
