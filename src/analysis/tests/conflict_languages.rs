//! Conflicts where the signed scope is written in the customer's language
//! (German, Spanish) or grants no concession in words of its own: each test
//! invented, each failing without the word family it names in
//! `assets/rules.toml`.

use super::conflict_terms::conflict_pairs_by_checks;

#[test]
fn a_discount_conflicts_with_a_spanish_list_price_clause() {
    let scope = "\
# Pedido
- Equipos según la lista de precios vigente, sin descuento.
";
    let notes = "- Confirmed with Pilar: 15% off the handheld readers and docks.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn on_site_support_conflicts_with_a_german_remote_only_clause() {
    let scope = "\
# Leistungsbeschreibung
- Sämtliche Leistungen werden remote erbracht. Vor-Ort-Einsätze sind nicht enthalten.
";
    let notes = "- We will provide on-site support at the Linz plant for the first audit.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn on_site_training_conflicts_with_german_remote_training() {
    let scope = "\
# Leistungsbeschreibung
- Schulung: zwei Remote-Schulungen über Teams für die Key User.
";
    let notes = "- We will run the training on site in Linz, two days with the planners.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn an_integration_promised_conflicts_with_a_german_or_portuguese_exclusion() {
    let scope = "\
# Leistungsbeschreibung
- Schnittstelle zu Quellwerk MES: nicht Bestandteil dieses Angebots.
";
    let notes = "- The connector to Quellwerk is part of the project, we build it in phase one.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
    let scope = "\
# Encomenda
- Integração com o ERP Quellwerk: excluída desta encomenda.
";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_price_hold_conflicts_with_german_indexation() {
    let scope = "\
# Preise
- Die Preise der Lizenzen werden jährlich gemäß Verbraucherpreisindex angepasst.
";
    let notes = "- We confirmed the price is fixed for the whole term, no indexation.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_promise_conflicts_with_a_polish_exclusion() {
    let scope = "\
# Zamówienie
1.3 Magazyn Harbour Lane nie jest objęty niniejszym zamówieniem.
";
    let notes = "- Told Ewa we will include the Harbour Lane warehouse at the same price.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_promise_conflicts_with_a_serbian_exclusion() {
    let scope = "\
# Obim
4.2 Modul Tracewell nije uključen u ovu ponudu.
";
    let notes = "- We will include the Tracewell module for Vesna at no cost.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn round_the_clock_support_conflicts_with_french_working_hours() {
    let scope = "\
# Bon de commande
7.1 Support : jours ouvrés, du lundi au vendredi, de 8h00 à 18h00, par téléphone.
";
    let notes = "- For the first two months you call us any time, twenty-four hours, seven days, we will have someone for you.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn a_language_promised_conflicts_with_an_exclusion_of_other_languages() {
    // The exclusion names no language: the scope's other lines grant them.
    let scope = "\
# Order form
- Buyer verification page in English and Arabic.
- Other languages are not included.
";
    // The exclusion answers the promise more directly than the line that
    // grants two other languages.
    let notes = "- Told Reza we'll have it in Persian too, no charge.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 3)]);
}

#[test]
fn a_scope_that_offers_further_languages_on_request_limits_none() {
    let notes =
        "- We'll set up custom letter templates in English, Spanish and Somali for all sites.\n";
    let open = "\
# Order form
- Standard letter templates in English and Spanish. Additional languages
  are configured on request.
";
    assert_eq!(conflict_pairs_by_checks(notes, open), vec![]);
    let closed = "\
# Order form
- Standard letter templates in English and Spanish.
";
    assert_eq!(conflict_pairs_by_checks(notes, closed), vec![(1, 2)]);
}

#[test]
fn an_integration_promised_conflicts_with_a_polish_or_norwegian_exclusion() {
    let notes = "- The connector to Quellwerk is part of the project, we build it in phase one.\n";
    let scope = "\
# Zamówienie
- Integracja z systemem Quellwerk nie wchodzi w zakres niniejszej umowy.
";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
    let scope = "\
# Bestilling
- Integrasjon mot Quellwerk er ikke inkludert og tilbys i eget tilbud.
";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}

#[test]
fn on_site_training_conflicts_with_french_training_at_a_distance() {
    let scope = "\
# Bon de commande
- Formation : deux (2) séances de formation des utilisateurs, dispensées à distance.
";
    let notes = "- We will run the training on site in Tarbes, two days with the planners.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 2)]);
}
