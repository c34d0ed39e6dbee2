//! A scope line read once for every comparison: its words, figures, names,
//! terms, what kind of clause it is (an exclusion, list price, remote only
//! ...) and the deal terms it states, with the terms a table row states by
//! its place (a severity row under a service-level heading, a priced row).

use super::figures::scope_quantities;
use super::words::content_words;
use super::{ScopeLine, checks, names, price, schedule};
use crate::analysis::facts::{self, Fact};
use crate::analysis::{Cited, Reading};
use std::collections::BTreeSet;

pub(super) fn read<'a>(r: &Reading, cited: &'a Cited, names: &BTreeSet<String>) -> ScopeLine<'a> {
    let sx = &r.rules.scope;
    let lower = &cited.lower;
    let heading = cited.stmt.heading().unwrap_or("").to_lowercase();
    let context = r.rules.cue_text(format!("{heading} {lower}"));
    // Only an exclusion's item is compared word by word.
    let excludes = sx.exclusion.is_match(lower) || sx.exclusion_heading.is_match(&heading);
    ScopeLine {
        words: content_words(lower),
        quantities: scope_quantities(&cited.stmt.text, r),
        names: names::proper_nouns(&cited.stmt.text, names),
        name_ids: Vec::new(),
        party_only: false,
        terms: checks::terms(r, &context),
        item_words: if excludes {
            checks::item_words(r, lower)
        } else {
            BTreeSet::new()
        },
        excludes,
        no_discount: sx.no_discount.is_match(lower),
        concession: r.rules.commitment.concession.is_match(lower),
        enumerates: sx.enumeration.is_match(lower),
        bills_from_start: sx.billing_start.is_match(lower),
        price_rises: sx.price_increase.is_match(lower),
        remote_only: sx.remote_only.is_match(lower),
        onsite: r.rules.category.special.is_match(lower),
        from_kickoff: (lower.contains("kickoff") || lower.contains("kick-off"))
            && r.rules.category.timeline.is_match(lower),
        mentions_discount: lower.contains("discount"),
        any_other: lower.find("any other ").map(|at| {
            lower[at + 10..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_string()
        }),
        granted: std::cell::OnceCell::new(),
        facts: scope_facts(r, cited),
        dues: schedule::dues(r, &cited.stmt.text),
        cited,
    }
}

/// The deal terms of a scope line; a row of a price table (a description
/// and its price) charges for what it describes, though no word says so.
fn scope_facts(r: &Reading, cited: &Cited) -> Vec<Fact> {
    let mut out = facts::read_for_pairs(r.rules, &cited.lower);
    // A row of a service-level table names its severity and times, not the
    // word "response": its heading does ("Service levels", "Response times"),
    // or the table's header row ("Priority  Response  Resolution").
    let timed = out.iter().any(|f| f.topic == facts::Topic::Response);
    let about_response = |heading: &str| {
        let heading = r.rules.cue_text(crate::analysis::normalise(heading));
        r.rules.pair_facts.response_heading.is_match(&heading)
            || r.rules.facts.response.is_match(&heading)
    };
    // Only a row that names a severity: a clause after the table ("The
    // availability target is 99.5%") may still sit under its heading.
    let row_of_severity = r.rules.facts.severity.is_match(&cited.lower);
    if !timed && row_of_severity && cited.stmt.heading().is_some_and(about_response) {
        let row = r.rules.cue_text(format!("response: {}", &*cited.lower));
        out.extend(
            facts::read_for_pairs(r.rules, &row)
                .into_iter()
                .filter(|f| f.topic == facts::Topic::Response),
        );
    }
    let row = !cited.stmt.cells.is_empty() || price::ends_in_price(&cited.stmt.text);
    let charge = out.iter().any(|f| f.topic == facts::Topic::Charge);
    if row && !charge && price::names_price(&cited.stmt.text, r) {
        out.push(Fact {
            topic: facts::Topic::Charge,
            value: facts::Value::Charged,
        });
    }
    out
}

/// A scope that offers further languages ("Additional languages are
/// configured on request", "otros idiomas bajo pedido") names its languages
/// as what comes standard, not as a limit: a language promised beyond them is
/// one it offers, so its language facts contradict no promise. Read on the
/// scope's text as a whole, since such a sentence often wraps.
pub(super) fn open_languages(r: &Reading, scope: &mut [ScopeLine]) {
    let text = scope
        .iter()
        .filter(|l| !l.excludes)
        .map(|l| l.cited.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !r.rules.pair_facts.languages_open.is_match(text.as_str()) {
        return;
    }
    for line in scope.iter_mut().filter(|l| !l.excludes) {
        line.facts.retain(|f| f.topic != facts::Topic::Language);
    }
}

/// An exclusion of languages that names none ("Other languages are not
/// included", "Translations into further languages are excluded") leaves
/// the scope the languages its other lines grant: the line states those, so
/// a promise of any other language reads against it.
pub(super) fn other_languages(r: &Reading, scope: &mut [ScopeLine]) {
    use facts::{Topic, Value};
    let granted = scope
        .iter()
        .filter(|l| !l.excludes)
        .flat_map(|l| &l.facts)
        .fold(0u128, |bits, f| match f.value {
            Value::Languages(b) => bits | b,
            _ => bits,
        });
    if granted == 0 {
        return;
    }
    for line in scope.iter_mut() {
        let names_none = !line.facts.iter().any(|f| f.topic == Topic::Language);
        if line.excludes
            && names_none
            && r.rules.pair_facts.language_cue.is_match(&line.cited.lower)
        {
            line.facts.push(Fact {
                topic: Topic::Language,
                value: Value::Languages(granted),
            });
        }
    }
}

#[cfg(test)]
#[path = "scope_lines_tests.rs"]
mod tests;
