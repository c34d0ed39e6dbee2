use super::*;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(Rules::builtin);

fn clash(promise: &str, scope: &str, cells: &[&str]) -> bool {
    let cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    let p = promised(&RULES, &promise.to_lowercase());
    let g = granted(&RULES, &scope.to_lowercase(), &cells);
    // As [`count_mismatch`] reads two lines that date no go-live.
    p.iter().filter(|p| !p.duration).any(|p| {
        g.iter()
            .filter(|g| !g.duration)
            .any(|g| p.same_unit(g) && p.exceeds(g) && p.value > 1.0)
    })
}

#[test]
fn a_pilot_count_bounds_only_the_pilot() {
    let scope = "Pilot with up to 12 pharmacies before go-live.";
    assert!(!clash(
        "all 450 pharmacies are covered by the fee",
        scope,
        &[]
    ));
    assert!(clash("the pilot will run at 20 pharmacies", scope, &[]));
}

#[test]
fn synonyms_of_a_unit_count_the_same_thing() {
    assert!(clash(
        "I can give you 9 logins at that price",
        "Plan A: 6 staff user accounts, monthly",
        &[]
    ));
    assert!(clash(
        "sixty merchants are included, no extra",
        "Stall merchants: up to 30 (thirty) merchant tenants.",
        &[]
    ));
    assert!(!clash(
        "we'll set up 9 printers",
        "Plan A: 6 staff user accounts",
        &[]
    ));
}

#[test]
fn a_cap_in_another_language_and_past_the_number_words() {
    assert!(clash(
        "tenemos 50 usuarios",
        "Capacidad: hasta 45 usuarios nombrados",
        &[]
    ));
    assert!(!clash(
        "tenemos 40 usuarios",
        "Capacidad: hasta 45 usuarios nombrados",
        &[]
    ));
    assert!(!clash(
        "we'll send 300 envelopes",
        "up to five hundred (500) signature envelopes a year",
        &[]
    ));
}

#[test]
fn a_count_without_bound_against_a_cap() {
    assert!(clash(
        "unlimited e-signatures, no per-envelope fee",
        "up to two hundred (200) signature envelopes a year",
        &[]
    ));
    assert!(clash(
        "ya, semua dokter bisa pakai",
        "Kapasitas: hingga 20 (dua puluh) dokter",
        &[]
    ));
    // A pilot is part of the whole.
    assert!(!clash(
        "a pilot at 3 clinics in May",
        "covers 20 clinics",
        &[]
    ));
    assert!(clash(
        "a pilot at 30 clinics in May",
        "covers 20 clinics",
        &[]
    ));
    // Every one may be the very number the scope counts.
    assert!(!clash("all doctors get a login", "covers 20 doctors", &[]));
}

#[test]
fn a_duration_in_any_language_is_no_count() {
    assert!(!clash(
        "les 3 mois sans frais par billet",
        "Durée : trente-six (36) mois",
        &[]
    ));
    assert!(!clash(
        "go-live em 60 dias do kickoff",
        "três parcelas com vencimento em 30, 60 e 90 dias",
        &[]
    ));
    assert!(!clash(
        "capacitación de 3 días en sitio",
        "Licencia mensual, crédito de 30 días",
        &[]
    ));
    // A count of things still compares.
    assert!(clash(
        "conectamos los 9 equipos",
        "Hasta 6 equipos conectados",
        &[]
    ));
}

#[test]
fn a_number_in_several_words_is_one_count() {
    assert!(clash(
        "all seven hundred twenty pickers we cover, same price",
        "Up to five hundred (500) pickers",
        &[]
    ));
    assert!(clash(
        "three hundred and ten stores are in the price",
        "Stores covered: up to 250 store locations",
        &[]
    ));
    assert!(!clash(
        "three hundred and ten stores are in the price",
        "Stores covered: up to 400 store locations",
        &[]
    ));
}

#[test]
fn the_label_of_a_count_stands_before_its_words() {
    // The label names the unit though the number's words stand between.
    assert!(clash(
        "Agreed, 90 named users.",
        "Named users: seventy-five (75).",
        &[]
    ));
    assert!(!clash(
        "Agreed, 75 named users.",
        "Named users: seventy-five (75).",
        &[]
    ));
    // A cap before the number's words still caps it.
    assert!(!clash(
        "we'll run 40 users",
        "Users: up to sixty (60).",
        &[]
    ));
}

#[test]
fn workers_vessels_and_outlets_are_units() {
    assert!(clash(
        "we cover 900 seasonal workers at peak",
        "Up to 700 active worker profiles per month",
        &[]
    ));
    assert!(clash(
        "cubrimos los 9 barcos de la flota",
        "Vessels in scope: seven (7) vessels",
        &[]
    ));
    assert!(clash(
        "all 15 outlets on the till software",
        "Point of sale software for 11 outlets",
        &[]
    ));
    assert!(!clash(
        "we cover 900 seasonal workers at peak",
        "Up to 700 named users",
        &[]
    ));
}

#[test]
fn both_and_an_ordinal_count_the_thing_they_name() {
    assert!(clash(
        "both warehouses are in the licence price",
        "The licence covers one (1) warehouse.",
        &[]
    ));
    assert!(!clash(
        "both warehouses are in the licence price",
        "The licence covers two (2) warehouses.",
        &[]
    ));
    assert!(clash(
        "we'll add Harbourside as the fifth site, no charge",
        "Sites covered: four (4).",
        &[]
    ));
    assert!(clash(
        "on ajoute Lyon comme cinquième site",
        "Sites couverts : quatre (4) sites",
        &[]
    ));
    // The fifth of a thing is at least five: more in scope agrees.
    assert!(!clash(
        "we'll add Harbourside as the fifth site, no charge",
        "Sites covered: six (6).",
        &[]
    ));
    // An ordinal of no counted thing counts nothing.
    assert!(!clash(
        "the second phase starts in May",
        "Sites covered: one (1).",
        &[]
    ));
}

#[test]
fn a_row_number_counts_nothing() {
    let cells = ["1", "North depot Leeds", "Ring Road"];
    let row = "| 1 | north depot leeds | ring road |";
    assert!(!clash("both depots are in the price", row, &cells));
    // A quantity column still counts.
    let cells = ["North depot licence", "1", "950.00"];
    assert!(clash(
        "both depots are in the price",
        "| north depot licence | 1 | 950.00 |",
        &cells
    ));
}

#[test]
fn the_first_number_of_a_range_counts_nothing() {
    // "nine to one" is a span of hours, not nine branches.
    assert!(!clash(
        "saturdays too, nine to one, when the branches open",
        "Branches enabled: five (5).",
        &[]
    ));
    assert!(clash(
        "all nine branches on the app",
        "Branches enabled: five (5).",
        &[]
    ));
}

#[test]
fn a_table_row_label_is_the_unit_of_its_figure() {
    assert!(clash(
        "fine, nine approver seats on the same licence",
        "approver seats | three (3) | included | n/a",
        &["Approver seats", "three (3)", "Included", "n/a"]
    ));
}
