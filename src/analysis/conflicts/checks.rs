//! The ways a scope line can contradict a promise. Each check returns a scored
//! contradiction or nothing; [`compare`] tries them from the most direct.

use super::guards::{is_signature_field, only_in_lower_case};
use super::words::{has_word, stem};
use super::{Claim, Contradiction, Included, ScopeLine, Support};
use crate::analysis::Reading;
use crate::analysis::model::Category;
use crate::analysis::quantity::Quantity;
use std::collections::BTreeSet;

pub(super) fn compare(
    r: &Reading,
    claim: &Claim,
    line: &ScopeLine,
    overlap: usize,
    support: &Support,
    included: &Included,
) -> Option<Contradiction> {
    // The content words the claim shares with the line.
    let overlap = overlap as f64;
    // Of lines that contradict alike, the one most about the claim is the
    // more direct: "Onsite services are not included" rather than a list of
    // ten exclusions that names onsite services among them.
    let focus = 0.5 * overlap / line.words.len().max(1) as f64;
    let mut found = excluded(r, claim, line, overlap, included, support.granted)
        .or_else(|| term(r, claim, line, overlap, support))
        .or_else(|| outside_listed(r, claim, line, overlap))
        .or_else(|| super::price::price(claim, line, support, overlap))
        .or_else(|| schedule(claim, line, support, overlap))
        .or_else(|| super::figures::figures(r, claim, line, support, overlap))
        .or_else(|| service(claim, line, overlap));
    if let Some(c) = &mut found {
        c.score += focus;
    }
    found
}

pub(super) fn found(
    score: f64,
    category: Category,
    reason: &'static str,
    summary: String,
) -> Option<Contradiction> {
    Some(Contradiction {
        score,
        category,
        reason,
        summary,
    })
}

/// Something promised that an exclusion line of the scope names: a system, a
/// service term, or a proper noun of the line ("Integration with KitchenLedger
/// ... available under a separate SOW").
fn excluded(
    r: &Reading,
    claim: &Claim,
    line: &ScopeLine,
    overlap: f64,
    included: &Included,
    granted: bool,
) -> Option<Contradiction> {
    if !line.excludes || is_signature_field(&line.cited.stmt.text) {
        return None;
    }
    // A system the scope grants elsewhere ("one-way sync" in scope, "two-way
    // sync" excluded): the promise may be the included kind.
    let mut named: Vec<String> = claim
        .terms
        .iter()
        .filter(|t| {
            line.terms
                .iter()
                .any(|l| l.contains(t.as_str()) || t.contains(l.as_str()))
        })
        .filter(|t| !included.terms.contains(*t) && !granted)
        .cloned()
        .collect();
    for (noun, &id) in line.names.iter().zip(&line.name_ids) {
        // A name the scope also grants, for a promise the scope grants, is the
        // granted kind ("Sage" one-way in scope, two-way excluded).
        let also_granted = granted && included.words.contains(noun);
        if claim.holds_name(id)
            && !is_party(r, noun)
            && !named.contains(noun)
            && !also_granted
            && !only_in_lower_case(claim.text, noun)
        {
            named.push(noun.clone());
        }
    }
    let hits: Vec<&String> = line
        .item_words
        .iter()
        .filter(|w| claim.has_word(w))
        .collect();
    if !granted && hits.len() >= 2 && hits.len() * 5 >= line.item_words.len() * 3 {
        named.push(
            hits.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if claim.onsite && line.onsite && !named.iter().any(|n| n == "onsite") {
        named.push("onsite".into());
    }
    named.dedup();
    if named.is_empty() {
        return None;
    }
    found(
        10.0 + overlap,
        claim.category,
        "promised what the scope excludes",
        format!(
            "Notes promise {}; the signed scope excludes it.",
            named
                .iter()
                .map(|n| as_written(n, &line.cited.stmt.text))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

/// A deal term the claim and the line both state, with values that cannot
/// both hold ("support around the clock" against "Monday to Friday, 8-6").
/// A term about one item (which fee is paid in instalments) needs a word of
/// that item in common; a term of the whole deal (hosting, support hours,
/// availability, days to pay) does not, and a delivery term names its service.
/// Something free against a charged line needs two words of the item and a
/// price on the line, and no concession recorded in the scope: a concession the
/// scope records in its figures agrees with it.
fn term(
    r: &Reading,
    claim: &Claim,
    line: &ScopeLine,
    overlap: f64,
    support: &Support,
) -> Option<Contradiction> {
    use crate::analysis::facts::{Topic, Value};
    // A price on the line: money, or a fee table's figure ("2,400.00").
    static FIGURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d[\d,. ]*[.,]\d\d\b|\b\d{1,3}(?:[,.]\d{3})+\b")
            .expect("figure pattern compiles")
    });
    let charges = line
        .quantities
        .iter()
        .any(|q| matches!(q, Quantity::Money { amount, .. } if *amount > 0.0))
        || FIGURE.is_match(&line.cited.stmt.text);
    // The promised value itself, named by a line that excludes it or charges
    // for it ("Telephone support and weekend support are not included",
    // "On-site training is available on request and is chargeable").
    let charged = line
        .facts
        .iter()
        .any(|f| f.topic == Topic::Charge && f.value == Value::Charged);
    if line.excludes || charged {
        let refused = claim.facts.iter().find_map(|c| {
            let priced_only = !line.excludes && c.topic != Topic::Delivery;
            (!priced_only)
                .then(|| line.facts.iter().find(|s| c.names_same(s)))
                .flatten()
                .map(|s| (c, s))
        });
        if let Some((said, signed)) = refused {
            // "On-site training is not included" answers a promise of it more
            // directly than a price list that charges for it; a clause on
            // on-site work in general ("On-site attendance is charged at the
            // day rate") less directly than one on the promised service.
            let general = matches!(
                signed.value,
                Value::OnSite {
                    services: crate::analysis::facts::ALL_SERVICES
                }
            );
            let base = if general { 8.5 } else { 10.5 };
            return found(
                base + overlap + if line.excludes { 1.5 } else { 0.0 },
                said.topic.category(),
                "promised what the scope excludes",
                format!(
                    "Notes promise {}; the signed scope {} it.",
                    said.describe(r.rules),
                    if line.excludes {
                        "excludes"
                    } else {
                        "charges for"
                    }
                ),
            );
        }
    }
    let (said, signed) = claim.facts.iter().find_map(|c| {
        line.facts
            .iter()
            .filter(|s| c.contradicted_by(s))
            .find(|s| match (c.topic, s.value) {
                // A clause granting no concession at all answers any waiver.
                (Topic::Charge, Value::NoConcession) => true,
                // A free item against a priced line of the same item, unless
                // the scope records the concession somewhere. The item is the
                // same by two shared words, or by one and its count in a price
                // table's row ("twenty interlocks" and "Interlock | 20 | $189");
                // a line that names the item thrice charges for it in words.
                (Topic::Charge, _) => {
                    // Names ("Elk Mesa") say where, not which item.
                    let item = line
                        .words
                        .iter()
                        .filter(|w| claim.has_word(w) && !line.names.contains(*w))
                        .count();
                    let same_item = item >= 2 || (item >= 1 && same_row_item(r, claim, line));
                    same_item && (charges || overlap >= 3.0) && !support.concession
                }
                (Topic::SyncDirection, _) => overlap >= 1.0,
                // A fee billed ahead each year ("from year 2, annually in
                // advance") does not answer a split of a one-time fee ("the
                // installation in two parts").
                (Topic::PaymentSchedule, Value::InFull) => {
                    let p = &r.rules.pair_facts;
                    !(p.recurring_in_advance.is_match(&line.cited.lower)
                        && p.one_time_fee.is_match(&claim.lower)
                        && !p.one_time_fee.is_match(&line.cited.lower))
                }
                // A rhythm of the same thing, named by two shared words
                // ("sync inventory ... both warehouses" and "Inventory
                // availability, both warehouses").
                (Topic::Frequency, _) => overlap >= 2.0,
                // A currency some other line of the scope invoices in is
                // granted ("subscription in euros. Implementation in ariary").
                (Topic::Currency, _) => support
                    .currencies
                    .as_ref()
                    .is_none_or(|all| c.contradicted_by(all)),
                // Someone on site for no named service, where the scope
                // grants on-site work, is that work unless the scope
                // delivers every service remotely.
                (Topic::Delivery, Value::Remote { services }) => {
                    !support.onsite_granted
                        || services == crate::analysis::facts::ALL_SERVICES
                        || !matches!(c.value, Value::OnSite { services: 0 })
                }
                _ => true,
            })
            .map(|s| (c, s))
    })?;
    // A delivery term about the same service ("all training is remote"
    // against on-site training) answers the promise more directly than an
    // exclusion of on-site work in general.
    let same_service = matches!(
        (said.value, signed.value),
        (Value::OnSite { services: a }, Value::Remote { services: b })
            if a != 0 && a & b != 0 && b != crate::analysis::facts::ALL_SERVICES
    );
    found(
        // Of two lines setting the term otherwise, the one that excludes is
        // the more direct answer.
        9.0 + overlap
            + if line.excludes { 1.0 } else { 0.0 }
            + if same_service { 1.5 } else { 0.0 },
        said.topic.category(),
        "states a term the scope sets otherwise",
        format!(
            "Notes say {}; the signed scope says {}.",
            said.describe(r.rules),
            signed.describe(r.rules)
        ),
    )
}

/// A count of the claim that a table row states, for an item the row names
/// ("the twelve scanners" and "Handheld scanner (ruggedised) | 12 | $240.00"):
/// the row is about the same thing, though it shares one word with the claim.
fn same_row_item(r: &Reading, claim: &Claim, line: &ScopeLine) -> bool {
    let cells = &line.cited.stmt.cells;
    if cells.is_empty() {
        return false;
    }
    let quantities: Vec<f64> = cells
        .iter()
        .filter_map(|c| c.trim().replace(',', "").parse::<f64>().ok())
        .collect();
    let named: BTreeSet<String> = line
        .words
        .iter()
        .map(|w| super::figures::unit_class(w).to_string())
        .collect();
    let promised = claim
        .promised
        .get_or_init(|| super::counts::promised(r.rules, &claim.lower));
    promised.iter().any(|p| {
        quantities.iter().any(|q| (p.value - q).abs() < 0.5)
            && p.nouns.iter().any(|n| named.contains(n))
    })
}

/// A lower-cased term as the scope writes it ("kitchenledger" -> "KitchenLedger").
fn as_written(term: &str, text: &str) -> String {
    let lower = text.to_lowercase();
    match lower.find(term) {
        Some(at) if lower.len() == text.len() && text.is_char_boundary(at + term.len()) => {
            text[at..at + term.len()].to_string()
        }
        _ => term.to_string(),
    }
}

/// The specific words of the item an exclusion line names ("Custom reports or
/// analytics beyond the standard library" → custom, report, analytic): what a
/// promise must repeat (mostly) to be the excluded thing.
pub(super) fn item_words(r: &Reading, lower: &str) -> BTreeSet<String> {
    const CUTS: &[&str] = &[
        ";",
        " beyond ",
        " available",
        " unless",
        " except",
        " other than ",
        "(",
        " not included",
        " is not",
        " are not",
        " will be",
        " may be",
        " requires",
    ];
    const GENERIC: &[&str] = &[
        "standard", "other", "kind", "any", "service", "item", "activity", "work", "support",
    ];
    let cut = CUTS
        .iter()
        .filter_map(|c| lower.find(c))
        .min()
        .unwrap_or(lower.len());
    super::words::content_words(&lower[..cut])
        .into_iter()
        .filter(|w| !GENERIC.contains(&w.as_str()) && !is_party(r, w))
        .collect()
}

/// "Sources in scope: A and B. Any other source requires a change order", or
/// "Sites in scope: Toledo and Muncie": the promise names one the list lacks.
fn outside_listed(
    r: &Reading,
    claim: &Claim,
    line: &ScopeLine,
    overlap: f64,
) -> Option<Contradiction> {
    let lower = &line.cited.lower;
    if let Some(noun) = &line.any_other
        && !claim.terms.is_empty()
    {
        let unlisted_system = r
            .rules
            .systems
            .names
            .find_all(&claim.lower)
            .iter()
            .any(|&(a, b)| !has_word(lower, &claim.lower[a..b].to_lowercase()));
        if !noun.is_empty()
            && claim.has_word(&stem(noun))
            && unlisted_system
            && !line.name_ids.iter().any(|&id| claim.holds_name(id))
        {
            return found(
                8.0 + overlap,
                claim.category,
                "promised beyond the scope's closed list",
                format!("Notes add a {noun} that the signed scope does not list."),
            );
        }
    }
    // An enumeration in scope ("in scope: Toledo, OH and Muncie, IN") against a
    // promise that lists one of them and another besides.
    if !line.enumerates {
        return None;
    }
    let listed = &line.names;
    let promised = nouns_near_listed(claim.text, listed);
    let common = promised.iter().filter(|p| listed.contains(p)).count();
    let extra: Vec<&String> = promised
        .iter()
        .filter(|p| !listed.contains(p) && !is_party(r, p))
        .collect();
    if common >= 1 && !extra.is_empty() && listed.len() >= 2 {
        return found(
            7.0 + overlap,
            Category::Scope,
            "promised beyond the scope's list",
            format!(
                "Notes include {} beyond what the signed scope lists.",
                extra
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    None
}

/// Proper nouns of the claim that stand within a few words of one the scope
/// lists: the claim's own enumeration ("Toledo, Muncie and Saltillo").
fn nouns_near_listed(text: &str, listed: &[String]) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let anchors: Vec<usize> = (0..words.len())
        .filter(|&i| listed.contains(&clean(words[i])))
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let near = anchors.iter().any(|&a| a.abs_diff(i) <= 4);
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && word.len() > 2;
        if near && capitalised && !out.contains(&clean(word)) {
            out.push(clean(word));
        }
    }
    out
}

/// The customer's or seller's own names, and people, are not things a scope
/// includes or excludes.
fn is_party(r: &Reading, noun: &str) -> bool {
    r.people.find(noun).is_some()
}

/// A go-live date promised against the one the scope sets or counts from a
/// known date, unless another scope line dates it as promised.
fn schedule(
    claim: &Claim,
    line: &ScopeLine,
    support: &Support,
    overlap: f64,
) -> Option<Contradiction> {
    if support.schedule_agreed {
        return None;
    }
    let summary = super::schedule::against(&claim.dues, &line.dues)?;
    found(
        5.5 + overlap,
        Category::Timeline,
        "go-live date against the scope's schedule",
        summary,
    )
}

/// An onsite or dedicated service against a scope that delivers remotely.
fn service(claim: &Claim, line: &ScopeLine, overlap: f64) -> Option<Contradiction> {
    if claim.onsite && line.remote_only {
        return found(
            4.0 + overlap,
            claim.category,
            "service term against the scope's delivery",
            "Notes promise an onsite or dedicated service; the signed scope delivers remotely."
                .into(),
        );
    }
    None
}

/// Systems and service terms a text names, normalised ("Sage 300 CRE" ->
/// "sage300cre", "on-site" -> "onsite").
pub(super) fn terms(r: &Reading, lower: &crate::rules::CueText) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for lexicon in [&r.rules.systems.names, &r.rules.scope.service_terms] {
        for (a, b) in lexicon.find_all(lower) {
            let term = lower[a..b].replace(['-', ' '], "");
            if !out.contains(&term) {
                out.push(term);
            }
        }
    }
    out
}
