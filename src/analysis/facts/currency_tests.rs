//! The currency invoices are issued or fees paid in. Every text is invented.

use super::tests::{conflicts_in_pairs, pair_facts};
use super::*;

/// The currencies a statement says it is invoiced or paid in, by short name.
fn paid_in(text: &str) -> Option<String> {
    let rules = Rules::builtin();
    pair_facts(text)
        .into_iter()
        .find(|f| f.topic == Topic::Currency)
        .map(|f| f.describe(&rules))
}

#[test]
fn the_currency_after_in_of_an_invoice_or_payment_is_read() {
    assert_eq!(
        paid_in("We invoice Northwind in TTD for the licence."),
        Some("invoiced in TTD".into())
    );
    assert_eq!(
        paid_in("You can pay the subscription in kip, at the central bank rate."),
        Some("invoiced in LAK".into())
    );
    assert_eq!(
        paid_in("All fees are invoiced and payable in United States Dollars."),
        Some("invoiced in USD".into())
    );
    assert_eq!(
        paid_in("Amounts in EUR are payable in EUR only."),
        Some("invoiced in EUR".into())
    );
    assert_eq!(
        paid_in("Las facturas se emiten en pesos chilenos."),
        Some("invoiced in CLP".into())
    );
    assert_eq!(
        paid_in("We'll bill you in New Zealand dollars, or NZD if you prefer."),
        Some("invoiced in NZD".into())
    );
    assert_eq!(
        paid_in("Invoices are payable in USD or SRD."),
        Some("invoiced in USD, SRD".into())
    );
    assert_eq!(
        paid_in("Currency of payment: GBP."),
        Some("invoiced in GBP".into())
    );
}

#[test]
fn an_amount_a_statement_without_paying_or_an_indicative_figure_states_none() {
    // A figure attached to the code is an amount.
    assert_eq!(
        paid_in("The fee is USD 25.00 per user, invoiced yearly."),
        None
    );
    assert_eq!(paid_in("Payable: 9,800 EUR on signature."), None);
    // No word for invoicing or paying.
    assert_eq!(paid_in("The dashboard shows revenue in EUR."), None);
    // Shown for information only.
    assert_eq!(
        paid_in("Amounts in GHS are indicative only and are not invoiced."),
        None
    );
    // A code that is not after "in" nor before "only" says nothing of it.
    assert_eq!(
        paid_in("Payment terms are net 30; the EUR price list applies."),
        None
    );
    // A bare "dollar" is no specific currency.
    assert_eq!(
        paid_in("We'll invoice you in dollars."),
        Some("invoiced in dollars".into())
    );
}

#[test]
fn a_currency_the_scope_does_not_grant_conflicts() {
    let scope = "All fees are invoiced and payable in USD.";
    assert!(conflicts_in_pairs(
        "We invoice the distributor in TTD.",
        scope
    ));
    assert!(!conflicts_in_pairs(
        "We invoice the distributor in USD.",
        scope
    ));
    // A scope that grants both currencies grants the promised one.
    assert!(!conflicts_in_pairs(
        "We invoice the distributor in SRD.",
        "Fees are payable in USD; at the Customer's request invoices are issued in SRD."
    ));
    // A currency shown for information is not granted.
    assert!(conflicts_in_pairs(
        "You can pay in GHS, no problem.",
        "Invoices are issued in USD. Amounts in GHS are indicative only."
    ));
    // A shared name conflicts only with currencies it cannot be.
    assert!(conflicts_in_pairs(
        "We will bill you in pesos.",
        "All invoices are payable in USD only."
    ));
    assert!(!conflicts_in_pairs(
        "We will bill you in pesos.",
        "All invoices are payable in COP."
    ));
    assert!(!conflicts_in_pairs(
        "We will bill you in dollars.",
        "Fees are invoiced in NZD."
    ));
}

#[test]
fn currency_is_read_for_pairs_only() {
    let rules = Rules::builtin();
    let lower = rules.cue_text(crate::analysis::normalise("We invoice you in EUR."));
    assert!(
        read(&rules, &lower)
            .iter()
            .all(|f| f.topic != Topic::Currency)
    );
}

#[test]
fn a_currency_refused_in_its_clause_is_not_one_invoiced() {
    assert_eq!(
        paid_in("Billing in rupees isn't something we can do, the licence stays in USD."),
        Some("invoiced in USD".into())
    );
    assert_eq!(
        paid_in("We invoice in EUR, not in GBP."),
        Some("invoiced in EUR".into())
    );
    assert_eq!(paid_in("We cannot bill you in NZD."), None);
}
