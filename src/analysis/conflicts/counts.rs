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
    // A row that opens with a bare whole number numbers the row ("| 1 |
    // Central warehouse | ... |"): it counts nothing.
    let row_number = cells
        .first()
        .map(|c| c.trim())
        .filter(|c| cells.len() >= 3 && !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit()))
        .and_then(|c| c.parse::<f64>().ok());
    let mut out: Vec<Counted> = loose_counts(lower)
        .into_iter()
        .enumerate()
        .filter(|(i, c)| !(*i == 0 && Some(c.value) == row_number))
        .map(|(_, c)| Counted::of(rules, c, row))
        .collect();
    // A table row's quantity column counts the row's description.
    if let Some(row) = row {
        let nouns = row_nouns(cells);
        let units = rules.pair_facts.count_units.families(row);
        // A figure with cents is a price, not a count.
        let skip = usize::from(row_number.is_some());
        for cell in cells.iter().skip(skip).filter(|c| !c.contains('.')) {
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
#[path = "counts_tests.rs"]
mod tests;
