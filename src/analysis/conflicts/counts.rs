//! Counts compared by what they count. A count's unit is its family in
//! `pair_facts.count_units`, so "8 logins" and "5 staff user accounts" count
//! one thing, as do "forty merchants" and "25 merchant tenants"; a cap is read
//! from the words before the number in the languages the rules list ("hingga
//! 35"); "unlimited X" and "all X" promise a count without bound; a table
//! row's label is the unit of its figure ("| Reviewer seats | five (5) |").

use super::checks::found;
use super::figures::{LooseCount, is_number_word, loose_counts, row_nouns, unit_class};
use super::words::stem;
use super::{Claim, Contradiction, ScopeLine};
use crate::analysis::Reading;
use crate::analysis::model::Category;
use crate::rules::Rules;
use std::collections::BTreeSet;

/// A count with the family of its unit and whether it is a cap.
pub(crate) struct Counted {
    /// The figure; infinite for a count promised without bound.
    pub value: f64,
    pub capped: bool,
    /// "all X": every one of them, which exceeds a cap but may equal a count.
    pub every: bool,
    /// The counted nouns, unit-classed (see [`loose_counts`]).
    pub nouns: BTreeSet<String>,
    /// The `count_units` families of the unit, as bits.
    pub units: u64,
    /// The unit was read off the table row around the figure, not next to
    /// it: a weaker reading than a clause that counts in words.
    pub from_row: bool,
    /// A part of the whole ("pilot at 3 stores", "the first 5 sites"): it
    /// contradicts a count only by exceeding it.
    pub subset: bool,
    /// It counts days, weeks or months ([`is_duration`]): compared only
    /// where both sides speak of go-live.
    pub duration: bool,
}

impl Counted {
    fn of(rules: &Rules, count: LooseCount, row: Option<&str>) -> Self {
        let duration = is_duration(rules, &count);
        let families = &rules.pair_facts.count_units;
        // "one eighty-nine a centre" is a rate, not a count of centres.
        let rate = count
            .after
            .split(' ')
            .next()
            .is_some_and(|w| matches!(w, "a" | "an" | "per" | "each"));
        // The unit follows the number; else, in a table, the row it stands
        // in names it, or a label just before it ("Seats: 60", "seats raised
        // to 60").
        let mut units = if rate {
            0
        } else {
            families.families(count.after.as_str())
        };
        let mut from_row = false;
        if units == 0 && !rate && count.nouns.is_empty() {
            units = row.map_or(0, |row| families.families(row));
            from_row = units != 0;
        }
        if units == 0 && !rate && count.nouns.is_empty() {
            units = families.families(label_before(&count.before));
        }
        let capped = count.capped
            || rules
                .pair_facts
                .count_cap
                .is_match(cap_words(&count.before));
        let subset = rules
            .pair_facts
            .count_subset
            .is_match(count.before.as_str());
        Self {
            value: count.value,
            capped,
            every: false,
            nouns: count.nouns,
            units,
            from_row,
            subset,
            duration,
        }
    }

    /// Whether `self` and `other` count the same thing.
    pub fn same_unit(&self, other: &Counted) -> bool {
        self.units & other.units != 0 || self.nouns.iter().any(|n| other.nouns.contains(n))
    }

    /// Whether a promise of `self` goes past what `granted` grants: above a
    /// cap, or other than an exact count; "all X" only above a cap.
    pub fn exceeds(&self, granted: &Counted) -> bool {
        // A scope's count of a part ("a pilot with up to 10 pharmacies")
        // bounds a promise about that part, not one about the whole.
        if granted.subset && !self.subset {
            return false;
        }
        if self.every {
            return granted.capped;
        }
        if granted.capped || self.subset {
            self.value > granted.value
        } else {
            (self.value - granted.value).abs() > 0.5
        }
    }

    /// The figure as a summary states it.
    pub fn describe(&self) -> String {
        match (self.value.is_finite(), self.every) {
            (true, _) => self.value.to_string(),
            (false, true) => "all of them".into(),
            (false, false) => "an unlimited number".into(),
        }
    }
}

/// Whether the words just before `figure` in `lower` say it counts a part of
/// the whole (`pair_facts.count_subset`: "pilot", "first", "including").
pub(crate) fn counts_a_part(rules: &Rules, lower: &str, figure: &str) -> bool {
    let figure = figure.to_lowercase();
    let Some(at) = lower.find(figure.as_str()) else {
        return false;
    };
    let before = &lower[..at];
    let start = before.rmatch_indices(' ').nth(4).map_or(0, |(i, _)| i + 1);
    rules.pair_facts.count_subset.is_match(&before[start..])
}

/// Whether every name of `line` stands after its first figure: the names
/// list what the line counts ("Sites (4, four): Sumqayit; Zig; ...",
/// "seven (7) clinics, as listed: Toa Payoh, ..."). A name before the figure
/// ("Muncie: 40 users") says whose count it is.
pub(super) fn names_enumerate_count(line: &ScopeLine) -> bool {
    let lower: &str = &line.cited.lower;
    let Some(figure) = lower.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    !line.names.is_empty()
        && line.names.iter().all(|name| {
            // The last mention: a line may open with a word its list repeats
            // ("Insurance claim connectors: 2 insurers, Golden Shield Insurance").
            lower
                .rfind(name.to_lowercase().as_str())
                .is_some_and(|at| at > figure)
        })
}

/// The label a number ends: "seats: 60", "seats raised to 60"; not any
/// noun before it ("the plant was twenty-one lakh").
fn label_before(before: &str) -> &str {
    let last = before.rsplit(' ').next().unwrap_or("");
    if !(last.ends_with(':') || matches!(last, "to" | "=" | "-")) {
        return "";
    }
    let start = before
        .rmatch_indices(' ')
        .nth(2)
        .map_or(0, |(at, _)| at + 1);
    &before[start..]
}

/// The last words before a number's own words: "up to one thousand (1,000)"
/// is capped by "up to", though "thousand" stands right before the figure.
fn cap_words(before: &str) -> &str {
    let mut end = before.len();
    for w in before.rsplit(' ') {
        if !is_number_word(w) {
            break;
        }
        end = end.saturating_sub(w.len() + 1);
    }
    let kept = &before[..end.min(before.len())];
    // Two or three words are enough for "up to", "no more than".
    let start = kept.rmatch_indices(' ').nth(2).map_or(0, |(at, _)| at + 1);
    &kept[start..]
}

/// A figure of days, months or years in any of the languages the rules list
/// (`pair_facts.count_time_units`): a duration, not a count of things on a
/// shared unit ("3 mois sans frais" is no count against "durée : 36 mois"),
/// unless both sides speak of when go-live is due ("12 semaines après le
/// lancement" against "quatorze (14) semaines").
fn is_duration(rules: &Rules, count: &LooseCount) -> bool {
    let first = count.after.split(' ').take(2).collect::<Vec<_>>().join(" ");
    !first.is_empty()
        && rules
            .pair_facts
            .count_time_units
            .find_all(first.as_str())
            .first()
            .is_some_and(|&(start, _)| start == 0)
}

/// The counts a promise states, with counts promised without bound
/// ("unlimited KBA signatures", "semua dokter").
pub(crate) fn promised(rules: &Rules, lower: &str) -> Vec<Counted> {
    let mut out: Vec<Counted> = loose_counts(lower)
        .into_iter()
        .map(|c| Counted::of(rules, c, None))
        .collect();
    let pf = &rules.pair_facts;
    for (lexicon, every) in [(&pf.count_unlimited, false), (&pf.count_all, true)] {
        for (_, end) in lexicon.find_all(lower) {
            let next: Vec<&str> = lower[end..].split_whitespace().take(3).collect();
            // "all 4 campuses" states its figure; the count reads it.
            if next.iter().any(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || is_number_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
            }) {
                continue;
            }
            let units = pf.count_units.families(next.join(" ").as_str());
            if units != 0 {
                out.push(Counted {
                    value: f64::INFINITY,
                    capped: false,
                    every,
                    nouns: BTreeSet::new(),
                    units,
                    from_row: false,
                    subset: false,
                    duration: false,
                });
            }
        }
    }
    // "both warehouses" counts two; "as the fifth site" at least five.
    let ordinal = |at: (usize, usize)| {
        let bits = pf.count_ordinal.families(&lower[at.0..at.1]);
        (bits != 0).then(|| f64::from(bits.trailing_zeros() + 2))
    };
    let both = pf
        .count_both
        .find_all(lower)
        .into_iter()
        .map(|at| (at, Some(2.0), false));
    let nth = pf
        .count_ordinal
        .find_all(lower)
        .into_iter()
        .map(|at| (at, ordinal(at), true));
    for ((_, end), value, at_least) in both.chain(nth) {
        let Some(value) = value else { continue };
        // The counted noun follows at once ("the fifth site", "both the
        // warehouses", "la quinta sede"), not a few words on.
        let next: Vec<&str> = lower[end..].split_whitespace().take(2).collect();
        let units = pf.count_units.families(next.join(" ").as_str());
        if units == 0 {
            continue;
        }
        let noun = next[0].trim_matches(|c: char| !c.is_alphanumeric());
        out.push(Counted {
            value,
            capped: false,
            every: false,
            nouns: BTreeSet::from([unit_class(&stem(noun)).to_string()]),
            units,
            from_row: false,
            subset: at_least,
            duration: false,
        });
    }
    out
}

/// The counts a scope line grants; a table row's figures count its label.
pub(crate) fn granted(rules: &Rules, lower: &str, cells: &[String]) -> Vec<Counted> {
    let row = (!cells.is_empty()).then_some(lower);
    let mut out: Vec<Counted> = loose_counts(lower)
        .into_iter()
        .map(|c| Counted::of(rules, c, row))
        .collect();
    // A table row's quantity column counts the row's description.
    if let Some(row) = row {
        let nouns = row_nouns(cells);
        let units = rules.pair_facts.count_units.families(row);
        // A figure with cents is a price, not a count.
        for cell in cells.iter().filter(|c| !c.contains('.')) {
            if let Ok(n) = cell.trim().replace(',', "").parse::<f64>() {
                out.push(Counted {
                    value: n,
                    capped: false,
                    every: false,
                    nouns: nouns.clone(),
                    units,
                    from_row: true,
                    subset: false,
                    duration: false,
                });
            }
        }
    }
    out
}

/// Counts the grammar leaves loose, compared on a shared unit; a cap ("up to
/// 75") conflicts only when the promise exceeds it. A count whose unit only a
/// table row names scores a little lower than one a clause states.
pub(super) fn count_mismatch(
    r: &Reading,
    claim: &Claim,
    line: &ScopeLine,
    overlap: f64,
) -> Option<Contradiction> {
    let promised = claim
        .promised
        .get_or_init(|| promised(r.rules, &claim.lower));
    let granted = line
        .granted
        .get_or_init(|| granted(r.rules, &line.cited.lower, &line.cited.stmt.cells));
    // Durations compare where both sides speak of go-live, counted from
    // whatever event ("12 semaines après la réunion" against "quatorze (14)
    // semaines").
    let live = |t: &crate::rules::CueText| {
        r.rules.facts.go_live.is_match(t) || r.rules.pair_facts.go_live.is_match(t)
    };
    let on_schedule = live(&claim.lower) && live(&line.cited.lower);
    for p in promised {
        for g in granted {
            if (p.duration || g.duration) && !on_schedule {
                continue;
            }
            if p.same_unit(g) && p.exceeds(g) && p.value > 1.0 {
                let summary = format!(
                    "Notes promise {}; the signed scope grants {}{}.",
                    p.describe(),
                    if g.capped { "up to " } else { "" },
                    g.value
                );
                let base = if g.from_row { 4.0 } else { 4.5 };
                return found(base + overlap, Category::Scope, "count mismatch", summary);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
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
    fn a_table_row_label_is_the_unit_of_its_figure() {
        assert!(clash(
            "fine, nine approver seats on the same licence",
            "approver seats | three (3) | included | n/a",
            &["Approver seats", "three (3)", "Included", "n/a"]
        ));
    }
}
