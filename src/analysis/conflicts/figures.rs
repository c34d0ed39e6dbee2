//! Figures compared across notes and scope: which quantities of a line count,
//! which pairs are comparable, and counts the quantity grammar leaves loose.

use super::checks::found;
use super::numbers::{
    bare_token, bracketed_figure_follows, dot_grouped, number_run, number_words_before,
    token_opens_bracket,
};
use super::words::{content_words, is_stopword, stem};
use super::{Claim, Contradiction, ScopeLine, Support, counts};
use crate::analysis::Reading;
use crate::analysis::model::Category;
use crate::analysis::quantity::{Quantity, find_quantities_from, parse_number};
use std::collections::BTreeSet;

/// The words of a claim without a CRM log's date, type and owner columns, so a
/// log date is not read as a promised date.
pub(crate) fn claim_text(text: &str) -> &str {
    let text = text
        .split(" | ")
        .max_by_key(|cell| cell.len())
        .unwrap_or(text);
    // "[2026-07-15 15:12] NOTE  ..." log prefixes.
    match text.strip_prefix('[').and_then(|t| t.split_once(']')) {
        Some((stamp, rest)) if stamp.starts_with(|c: char| c.is_ascii_digit()) => {
            let rest = rest.trim_start();
            match rest.split_once(char::is_whitespace) {
                Some((kind, tail))
                    if kind.len() > 1 && kind.chars().all(|c| c.is_ascii_uppercase()) =>
                {
                    tail.trim_start()
                }
                _ => rest,
            }
        }
        _ => strip_log_date(text),
    }
}

/// "29-Sep-2026  NOTE  Told Jenny ...": a log line's leading date and activity type.
fn strip_log_date(text: &str) -> &str {
    let mut rest = text.trim_start();
    let first = rest.split_whitespace().next().unwrap_or("");
    let is_date = first.chars().filter(char::is_ascii_digit).count() >= 4
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | ':'));
    if !is_date {
        return text;
    }
    rest = rest[first.len()..].trim_start();
    if let Some((kind, tail)) = rest.split_once(char::is_whitespace)
        && kind.len() > 1
        && kind.chars().all(|c| c.is_ascii_uppercase())
    {
        return tail.trim_start();
    }
    rest
}

/// Words before a count that make it a part, not the whole ("the remaining 12").
const PARTIAL: &[&str] = &[
    "remaining",
    "additional",
    "other",
    "first",
    "further",
    "pilot",
    "extra",
    "next",
    "last",
];

/// Quantities of a scope line, without partial counts, with "week 6" read as a
/// six-week duration.
pub(super) fn scope_quantities(text: &str, r: &Reading) -> Vec<Quantity> {
    let lower = text.to_lowercase();
    let mut out: Vec<Quantity> = find_quantities_from(text, r.reference)
        .into_iter()
        .filter(|f| {
            let previous = lower[..f.start].trim_end().rsplit(' ').next().unwrap_or("");
            !(matches!(f.quantity, Quantity::Count { .. }) && PARTIAL.contains(&previous))
        })
        .map(|f| f.quantity)
        .collect();
    out.extend(week_numbers(&lower).into_iter().map(|(_, _, q)| q));
    out
}

/// "week 6" in a lower-cased line, read as a six-week duration, with its
/// byte span: a scope's schedule counts weeks from the start.
pub(super) fn week_numbers(lower: &str) -> Vec<(usize, usize, Quantity)> {
    let mut out = Vec::new();
    for (i, _) in lower.match_indices("week ") {
        let number: String = lower[i + 5..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = number.parse::<f64>() {
            out.push((
                i,
                i + 5 + number.len(),
                Quantity::Duration {
                    days: n * 7.0,
                    business: false,
                    text: format!("week {number}"),
                },
            ));
        }
    }
    out
}

/// A timeline promise is compared on durations and dates, a discount on
/// percentages; counts are compared whatever the promise is about.
pub(super) fn fits_category(q: &Quantity, category: Category, timed: bool) -> bool {
    match q {
        Quantity::Duration { .. } | Quantity::Date { .. } => {
            category == Category::Timeline || timed
        }
        Quantity::Money { .. } | Quantity::Percent { .. } => category == Category::Discount,
        Quantity::Count { .. } => true,
    }
}

pub(super) fn quantity_category(q: &Quantity) -> Category {
    match q {
        Quantity::Duration { .. } | Quantity::Date { .. } => Category::Timeline,
        Quantity::Money { .. } | Quantity::Percent { .. } => Category::Discount,
        Quantity::Count { .. } => Category::Scope,
    }
}

/// Counts compare only within one class of unit (seats ~ users ~ licences);
/// money is compared by the price checks, not here.
pub(super) fn comparable(a: &Quantity, b: &Quantity) -> bool {
    match (a, b) {
        (Quantity::Count { unit: x, .. }, Quantity::Count { unit: y, .. }) => {
            unit_class(x) == unit_class(y)
        }
        (Quantity::Money { .. }, _) | (_, Quantity::Money { .. }) => false,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// Two figures that cannot both hold. Durations of wholly different scales
/// ("2 months" against "1 business day") measure different things.
pub(super) fn disagree(a: &Quantity, b: &Quantity) -> bool {
    if let (Quantity::Duration { days: x, .. }, Quantity::Duration { days: y, .. }) = (a, b) {
        let ratio = x.max(*y) / x.min(*y).max(1e-9);
        if ratio > 12.0 {
            return false;
        }
    }
    a.agrees_with(b) == Some(false)
}

pub(super) fn unit_class(unit: &str) -> &str {
    match unit {
        "seat" | "user" | "licence" | "license" | "person" | "people" | "cardholder" | "login"
        | "employee" | "member" | "named" | "head" => "seat",
        "site" | "plant" | "location" | "office" | "branch" | "store" | "clinic" | "warehouse"
        | "facility" | "campus" | "hotel" | "restaurant" | "property" => "site",
        "post" | "article" | "blog" | "piece" => "article",
        other => other,
    }
}

/// Words before a number that make it a label ("Priority 1", "Phase 2").
pub(super) const LABEL_WORDS: &[&str] = &[
    "priority",
    "p",
    "severity",
    "sev",
    "tier",
    "level",
    "phase",
    "section",
    "step",
    "wave",
    "stage",
    "version",
    "v",
    "option",
    "item",
    "line",
    "no",
    "number",
    "clause",
    "year",
    "month",
    "week",
    "day",
    "q",
    "soc",
    "iso",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "usd",
    "eur",
    "gbp",
    "cad",
    "aud",
    "nzd",
    "chf",
    "inr",
    "jpy",
];

/// The words that join the ends of a range, in the languages deals mix in.
const RANGE_WORDS: &[&str] = &[
    "to", "till", "until", "through", "-", "–", "a", "à", "al", "hasta", "até", "ao", "au", "bis",
];

/// Units of time: a number followed by one is a duration, not a count.
const TIME_UNITS: &[&str] = &[
    "day", "week", "wk", "month", "mo", "year", "yr", "hour", "hr", "minute", "min", "quarter",
];

/// A loosely written count: the number, whether it is a cap ("up to N"), and
/// the (unit-classed) nouns around it.
pub(crate) struct LooseCount {
    pub value: f64,
    pub capped: bool,
    pub nouns: BTreeSet<String>,
    /// The five words before the number: where a cap ("hingga 35", "up to
    /// one thousand (1,000)") or the unit of a label ("seats raised to 60")
    /// stands.
    pub before: String,
    /// The words after the number, up to the counted noun: the unit as
    /// written ("(twenty-five) merchant tenants", "dokter dan 18").
    pub after: String,
}

/// "all ~140 of their outside counsel firms", "Sites covered: 8", "nine stores".
pub(crate) fn loose_counts(lower: &str) -> Vec<LooseCount> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out = Vec::new();
    // The words of a number written out in several ("eight hundred fifty"),
    // read as one count at its first word.
    let mut read_to = 0;
    for (i, w) in words.iter().enumerate() {
        if i < read_to {
            continue;
        }
        // Markdown emphasis ("**840**") wraps a figure without changing it.
        let token = bare_token(w);
        // "one" alone is as often a pronoun as a count; "one thousand" is not.
        let scaled = words
            .get(i + 1)
            .is_some_and(|n| matches!(bare_token(n), "hundred" | "thousand"));
        let value = if token.chars().all(|c| c.is_ascii_digit() || c == ',') {
            token.replace(',', "").parse::<f64>().ok()
        } else if let Some(n) = dot_grouped(token) {
            Some(n)
        } else if token.len() > 2 && token != "one" || scaled {
            parse_number(token)
        } else {
            None
        };
        let Some(value) = value else {
            continue;
        };
        // "one hundred and thirty (130)": the figure in brackets states the
        // whole number; its words, read one by one, are no count of their own.
        if !token.starts_with(|c: char| c.is_ascii_digit())
            && bracketed_figure_follows(&words[i + 1..])
        {
            continue;
        }
        // A number in words runs on over its words ("two hundred and ten").
        let (value, next) = if token.starts_with(|c: char| c.is_ascii_digit()) {
            (value, i + 1)
        } else {
            number_run(&words, i).unwrap_or((value, i + 1))
        };
        read_to = next;
        // The first number of a range ("nine to one", "8 a 18", "9 bis 17")
        // bounds a span of hours or days; the second carries the noun.
        if words.get(next).is_some_and(|w| RANGE_WORDS.contains(w))
            && words.get(next + 1).is_some_and(|w| {
                let t = bare_token(w);
                t.starts_with(|c: char| c.is_ascii_digit()) || is_number_word(t)
            })
        {
            continue;
        }
        if (token.contains('.') && dot_grouped(token).is_none())
            || token.len() == 4 && (1990.0..2100.0).contains(&value)
        {
            continue;
        }
        let previous = if i > 0 {
            words[i - 1].trim_matches(|c: char| !c.is_alphanumeric())
        } else {
            ""
        };
        // "EDI 214", "SOC 2", "ISO 27001": an acronym before a number names a standard.
        let acronym = i > 0
            && (2..=5).contains(&words[i - 1].len())
            && lower_is_acronym(original_word(lower, words[i - 1]));
        if LABEL_WORDS.contains(&previous) || PARTIAL.contains(&previous) || acronym {
            continue;
        }
        let following: Vec<String> = words[next..(next + 5).min(words.len())]
            .iter()
            .map(|w| {
                // "posts/mo" counts posts.
                let w = w.split('/').next().unwrap_or(w);
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                    .to_string()
            })
            .collect();
        if following.first().is_some_and(|w| {
            TIME_UNITS.contains(&&*stem(w))
                || matches!(w.as_str(), "st" | "nd" | "rd" | "th" | "am" | "pm")
        }) {
            continue;
        }
        // The head of the counted phrase: its first plural noun ("140 of their
        // outside counsel firms" counts firms).
        let mut nouns: BTreeSet<String> = following
            .iter()
            .find(|w| is_plural_noun(w))
            .map(|w| unit_class(&stem(w)).to_string())
            .into_iter()
            .collect();
        // A figure in brackets closes its number in words ("Named users: two
        // hundred and fifty (250)"): the label and the cap stand before the
        // words, not right before the figure.
        let opens = number_words_before(&words[..i], token_opens_bracket(w));
        // "Sites covered: 8": the noun stands before a label's colon.
        if opens > 0 && words[opens - 1].ends_with(':') {
            nouns.extend(
                content_words(&words[opens.saturating_sub(3)..opens].join(" "))
                    .into_iter()
                    .map(|w| unit_class(&w).to_string()),
            );
        }
        if nouns.is_empty() {
            nouns.extend(counted_before(&words[..i]));
        }
        let capped = opens >= 2 && words[opens - 2] == "up" && words[opens - 1] == "to";
        // The unit runs to the counted noun and on through a compound ("5 staff
        // user accounts"), up to punctuation or a small word.
        let mut head = following
            .iter()
            .position(|w| is_plural_noun(w))
            .map_or(following.len().min(3), |at| at + 1);
        while head < following.len()
            && !words[next - 1 + head].ends_with([',', '.', ';', ':'])
            && following[head].chars().all(char::is_alphabetic)
            && !is_stopword(&following[head])
        {
            head += 1;
        }
        out.push(LooseCount {
            value,
            capped,
            nouns,
            before: words[opens.saturating_sub(5)..opens].join(" "),
            after: following[..head].join(" "),
        });
    }
    out
}

/// A word of a number written out: "forty", "ninety-five", "hundred", "and".
pub(super) fn is_number_word(w: &str) -> bool {
    matches!(w, "and" | "hundred" | "thousand")
        || w.split('-')
            .all(|part| !part.is_empty() && parse_number(part).is_some())
}

/// The noun of a count stated noun first: "the total number of named users
/// licensed under this order is 130", "the number of sites shall be four".
/// The counted noun is the first plural after "number of", and a verb of
/// being stands between it and the figure, so "a number of sites, 3 of them
/// new" counts nothing here.
fn counted_before(before: &[&str]) -> Option<String> {
    const BEING: &[&str] = &["is", "are", "be", "was", "totals", "equals", "remains"];
    let window = &before[before.len().saturating_sub(14)..];
    let at = window
        .windows(2)
        .position(|w| w[0] == "number" && w[1] == "of")?;
    let after = &window[at + 2..];
    let noun_at = after
        .iter()
        .take(4)
        .position(|w| is_plural_noun(w.trim_matches(|c: char| !c.is_alphanumeric())))?;
    let between = &after[noun_at + 1..];
    // The number ends the verb's phrase: "is 130", "shall be one hundred and".
    let verb = between.iter().rposition(|w| BEING.contains(w))?;
    let figure_words = &between[verb + 1..];
    if !figure_words.iter().all(|w| is_number_word(w)) {
        return None;
    }
    let noun = after[noun_at].trim_matches(|c: char| !c.is_alphanumeric());
    Some(unit_class(&stem(noun)).to_string())
}

/// Acronyms are known from a fixed list here, because `loose_counts` reads
/// lower-cased text.
fn lower_is_acronym(w: &str) -> bool {
    matches!(
        w,
        "edi" | "soc" | "iso" | "pci" | "hl7" | "sla" | "p1" | "p2" | "sev" | "gdpr" | "hipaa"
    )
}

fn original_word<'a>(_lower: &str, w: &'a str) -> &'a str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

pub(super) fn is_plural_noun(w: &str) -> bool {
    matches!(
        w,
        "people" | "staff" | "personnel" | "children" | "men" | "women"
    ) || (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !is_stopword(w))
}

/// Plural nouns of a table row's description, unit-classed: what its quantity
/// column counts.
pub(super) fn row_nouns(cells: &[String]) -> BTreeSet<String> {
    cells
        .iter()
        .flat_map(|c| c.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| is_plural_noun(w))
        .map(|w| unit_class(&stem(&w)).to_string())
        .collect()
}

/// A figure on the same topic that does not match, of the kind the promise is
/// about; a date against the kickoff plus the scope's duration.
pub(super) fn figures(
    r: &Reading,
    claim: &Claim,
    line: &ScopeLine,
    support: &Support,
    overlap: f64,
) -> Option<Contradiction> {
    // "Toledo by December 3" is not about the line "Muncie within 10 weeks".
    let nouns = &line.names;
    if !nouns.is_empty() && !line.name_ids.iter().any(|&id| claim.holds_name(id)) {
        // Names listed after the line's count are the members of the counted
        // set ("2 (two) insurers, Golden Shield and Ayeyar Life"), not another
        // site or phase: a promise of more of them still exceeds the count.
        return if overlap < 1.0 {
            None
        } else if line.party_only {
            // "Quaich POS for the gift shop: two (2) tills" names the seller's
            // product, not another site: its count still bounds the promise.
            figures_of(r, claim, line, support, overlap, true)
        } else if counts::names_enumerate_count(line) {
            counts::count_mismatch(r, claim, line, overlap)
        } else {
            None
        };
    }
    figures_of(r, claim, line, support, overlap, false)
}

/// The figures of a claim against a line's; `counts_only` compares counts
/// alone (for a line whose names are the parties', see [`figures`]).
fn figures_of(
    r: &Reading,
    claim: &Claim,
    line: &ScopeLine,
    support: &Support,
    overlap: f64,
    counts_only: bool,
) -> Option<Contradiction> {
    let timed = claim.timed;
    let counted = |q: &&Quantity| !counts_only || matches!(q, Quantity::Count { .. });
    for a in claim
        .quantities
        .iter()
        .filter(|q| fits_category(q, claim.category, timed))
        .filter(|_| !counts_only)
    {
        if let Some(summary) = super::schedule::date_after_kickoff(r, a, line) {
            return found(
                5.0 + overlap,
                Category::Timeline,
                "date against the scope's schedule",
                summary,
            );
        }
    }
    if overlap < 1.0 {
        return None;
    }
    for a in claim
        .quantities
        .iter()
        .filter(|q| fits_category(q, claim.category, timed))
        .filter(counted)
    {
        if support.agreed.contains(a) {
            continue;
        }
        // Two dates agree on a topic only when the lines share more than a word.
        if matches!(a, Quantity::Date { .. }) && overlap < 2.0 {
            continue;
        }
        for b in line.quantities.iter().filter(|b| comparable(a, b)) {
            if matches!(b, Quantity::Percent { .. }) && !line.cited.lower.contains("discount") {
                continue;
            }
            // Shares of a payment ("30% / 70%") are no rate to compare.
            if matches!(b, Quantity::Percent { .. })
                && (super::price::payment_split(&claim.quantities)
                    || super::price::payment_split(&line.quantities))
            {
                continue;
            }
            // A day a little before the scope's outer bound keeps it ("live
            // by January 22" against "no later than January 29").
            if let (Quantity::Date { date: x, .. }, Quantity::Date { date: y, .. }) = (a, b)
                && x <= y
                && x.until(*y)
                    .is_ok_and(|s| i64::from(s.get_days()) <= super::schedule::CUSHION_DAYS)
                && line.dues.iter().any(|d| d.outer_bound && d.to == *y)
            {
                continue;
            }
            // A scope count of a part ("a pilot with up to 10 pharmacies",
            // "the first 3 sites") does not bound the whole a promise counts.
            if matches!(b, Quantity::Count { .. })
                && counts::counts_a_part(r.rules, &line.cited.lower, b.text())
            {
                continue;
            }
            if disagree(a, b) {
                return found(
                    5.0 + overlap,
                    quantity_category(a),
                    "figure mismatch",
                    format!(
                        "Notes say {}; the signed scope says {}.",
                        a.text(),
                        b.text()
                    ),
                );
            }
        }
    }
    // A count whose unit only the table row names is the weaker reading: a
    // clause stating the same figure in words is the more direct answer.
    counts::count_mismatch(r, claim, line, overlap)
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
