//! Which scope lines exclude, as the languages order forms come in word it.
//! Every text is invented.

use crate::rules::Rules;

#[test]
fn exclusions_are_read_in_more_languages_and_as_a_separate_order() {
    let rules = Rules::builtin();
    let excludes = |text: &str| rules.scope.exclusion.is_match(text.to_lowercase().as_str());
    for text in [
        "Integracja z systemem Comarch nie wchodzi w zakres niniejszej umowy.",
        "Integrasjon mot regnskapssystemet er ikke inkludert.",
        "La integración con el ERP será objeto de una orden de trabajo separada.",
        "Conector com o sistema fiscal: sujeito a proposta separada.",
        "Import historických záznamů není předmětem plnění.",
        "Physical mounting of the sensors is the Customer's responsibility.",
        "Instalación de antenas a cargo del Cliente.",
    ] {
        assert!(excludes(text), "{text}");
    }
    for text in [
        "Integration with the ERP is included in the implementation fee.",
        "The Customer appoints a project manager.",
    ] {
        assert!(!excludes(text), "{text}");
    }
}
