//! Where the two sides of a conflict disagree, as byte ranges of each line:
//! the figures that differ ("4 weeks" against "week 6"), the deal terms each
//! side sets otherwise ("round the clock" against "Monday to Friday"), what an
//! exclusion excludes and the words that exclude it, a concession against
//! list price. A reviewer's eye goes to these, not to every word one line
//! happens not to share with the other: two lines that say the same thing in
//! a different order differ in most of their words, and agree.
//!
//! The sides are read as the checks read them ([`crate::analysis::quantity`],
//! [`crate::analysis::facts`], the `[scope]` and `[facts]` word families), so
//! what is highlighted is what the analysis compared.

use super::figures::{LABEL_WORDS, comparable, week_numbers};
use super::words::{is_stopword, stem};
use crate::analysis::facts::{self, Fact, Topic};
use crate::analysis::quantity::{Found, Quantity, find_quantities_from};
use crate::rules::{Lexicon, Rules, lower_in_place};
use jiff::civil::Date;
use std::ops::Range;

/// The byte ranges of each side that carry the disagreement, in order and
/// without overlaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Disagreement {
    pub notes: Vec<Range<usize>>,
    pub scope: Vec<Range<usize>>,
}

impl Disagreement {
    fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.scope.is_empty()
    }
}

/// One side of a conflict as the evidence shows it: the cited line, and
/// the heading it stands under ("Out of scope"), which can exclude what the
/// line names.
#[derive(Debug, Clone, Copy, Default)]
pub struct Line<'a> {
    pub text: &'a str,
    pub heading: Option<&'a str>,
}

/// The heading each line of `text` stands under, as the analysis reads it
/// (the nearest Markdown heading or heading-like line above): one file read
/// once for every line asked about.
pub struct Headings {
    /// (first line of a statement, its heading), in file order.
    starts: Vec<(u32, Option<String>)>,
}

impl Headings {
    pub fn of(text: &str) -> Headings {
        Headings {
            starts: crate::text::segment(text)
                .into_iter()
                .map(|s| (s.line, s.heading().map(str::to_string)))
                .collect(),
        }
    }

    /// The heading of line `number` (1-based): that of the statement the
    /// line belongs to.
    pub fn at(&self, number: u32) -> Option<&str> {
        let after = self.starts.partition_point(|(line, _)| *line <= number);
        after
            .checked_sub(1)
            .and_then(|i| self.starts[i].1.as_deref())
    }
}

/// What disagrees between `notes` (the promise's line) and `scope` (the
/// signed scope's line). `reference` resolves dates written without a year,
/// as the analysis did (the deal's close date).
pub fn disagreement(rules: &Rules, notes: &str, scope: Line, reference: Date) -> Disagreement {
    let Line {
        text: scope,
        heading,
    } = scope;
    let mut found = Disagreement::default();
    figures(notes, scope, reference, &mut found);
    let refused = terms(rules, notes, scope, &mut found);
    let excluded_by_heading = heading.is_some_and(|h| {
        rules
            .scope
            .exclusion_heading
            .is_match(lower_in_place(h).as_ref())
    });
    exclusion(
        rules,
        notes,
        scope,
        excluded_by_heading,
        refused,
        &mut found,
    );
    concession(rules, notes, scope, &mut found);
    if found.is_empty() {
        // Nothing the checks know: the words each side has and the other
        // lacks, never a word both use.
        found.notes = words_only_in(notes, scope);
        found.scope = words_only_in(scope, notes);
    }
    found.notes = tidy(found.notes, notes);
    found.scope = tidy(found.scope, scope);
    found
}

/// Figures of one kind that differ: a pair that is comparable (durations,
/// dates, counts of one unit class, percentages, money) and does not agree.
/// A figure that agrees with one on the other side is common ground. Where no
/// pair compares but both sides give a timeline (a date against a duration
/// from kickoff), the timelines are what differ.
fn figures(notes: &str, scope: &str, reference: Date, out: &mut Disagreement) {
    let ours = find_quantities_from(notes, reference);
    let mut theirs = find_quantities_from(scope, reference);
    for (start, end, quantity) in week_numbers(&lower_in_place(scope)) {
        if !theirs.iter().any(|f| f.start < end && start < f.end) {
            theirs.push(Found {
                quantity,
                start,
                end,
            });
        }
    }
    let agrees = |q: &Quantity, others: &[Found]| {
        others
            .iter()
            .any(|o| comparable(q, &o.quantity) && q.agrees_with(&o.quantity) == Some(true))
    };
    let mut any_pair = false;
    for n in ours.iter().filter(|n| !agrees(&n.quantity, &theirs)) {
        for s in theirs.iter().filter(|s| !agrees(&s.quantity, &ours)) {
            if comparable(&n.quantity, &s.quantity)
                && n.quantity.agrees_with(&s.quantity) == Some(false)
            {
                any_pair = true;
                out.notes.push(n.start..n.end);
                out.scope.push(s.start..s.end);
            }
        }
    }
    if !any_pair {
        any_pair = loose_counts(&ours, &theirs, scope, out);
    }
    let timed = |q: &Quantity| matches!(q, Quantity::Duration { .. } | Quantity::Date { .. });
    let timeline = |side: &[Found], other: &[Found]| -> Vec<Range<usize>> {
        side.iter()
            .filter(|f| timed(&f.quantity) && !agrees(&f.quantity, other))
            .map(|f| f.start..f.end)
            .collect()
    };
    if !any_pair {
        let (n, s) = (timeline(&ours, &theirs), timeline(&theirs, &ours));
        if !n.is_empty() && !s.is_empty() {
            out.notes.extend(n);
            out.scope.extend(s);
        }
    }
}

/// A count of the notes that no figure of the scope compares with, against
/// a bare number of the scope ("all 9 stores" against "Sites covered: 8"):
/// both marked where they differ. A number that labels ("Phase 2") is no
/// count.
fn loose_counts(ours: &[Found], theirs: &[Found], scope: &str, out: &mut Disagreement) -> bool {
    let value = |q: &Quantity| match q {
        Quantity::Count { value, .. } => Some(*value),
        _ => None,
    };
    let lower = lower_in_place(scope);
    let mut bare: Vec<(Range<usize>, f64)> = Vec::new();
    let mut at = 0;
    let mut previous = "";
    for word in lower.split_inclusive(|c: char| c.is_whitespace()) {
        let token = word.trim_end();
        let digits = token
            .trim_start_matches('(')
            .trim_end_matches([',', '.', ')', ';', ':']);
        let start = at + (token.len() - token.trim_start_matches('(').len());
        let inside = theirs
            .iter()
            .any(|f| f.start < start + digits.len() && start < f.end);
        let labelled = LABEL_WORDS.contains(&previous.trim_end_matches([':', ',']));
        if !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && !inside
            && !labelled
            && let Ok(n) = digits.parse::<f64>()
        {
            bare.push((start..start + digits.len(), n));
        }
        previous = token;
        at += word.len();
    }
    let mut any = false;
    for f in ours {
        let Some(n) = value(&f.quantity) else {
            continue;
        };
        let compared = theirs.iter().any(|t| comparable(&f.quantity, &t.quantity));
        let differing: Vec<Range<usize>> = bare
            .iter()
            .filter(|(_, b)| (b - n).abs() > 1e-6)
            .map(|(r, _)| r.clone())
            .collect();
        if !compared && !differing.is_empty() {
            any = true;
            out.notes.push(f.start..f.end);
            out.scope.extend(differing);
        }
    }
    any
}

/// The word families that state each deal term's value.
fn families(rules: &Rules, topic: Topic) -> Vec<&Lexicon> {
    let f = &rules.facts;
    let p = &rules.pair_facts;
    match topic {
        Topic::Hosting => vec![&f.places, &f.on_premises],
        Topic::SupportHours => vec![&f.all_hours, &f.limited_hours],
        Topic::SupportChannel => vec![&f.channels],
        Topic::Response => vec![&f.severity],
        Topic::Availability => vec![&f.availability],
        Topic::PaymentDays => vec![&f.payment],
        Topic::PaymentSchedule => vec![&f.instalments, &f.single_payment],
        Topic::Delivery => vec![&f.onsite, &f.remote, &p.onsite, &p.remote],
        Topic::PriceChange => vec![&f.price_held, &f.price_rises, &f.indices],
        Topic::Charge => vec![&f.free, &f.charged, &f.no_concession],
        Topic::SyncDirection => vec![&f.one_way, &f.two_way],
        Topic::BillingPeriod => vec![&p.billing_period],
        Topic::BillingTiming => vec![&p.billing_timing],
        Topic::BillingStart => vec![&p.billed_from_go_live, &p.billed_from_signing],
        Topic::Language => vec![&p.languages, &p.more_languages],
        Topic::SupportDays => vec![&p.weekdays, &p.working_week, &p.weekend, &p.six_day_week],
        Topic::ExchangeRate => vec![&p.exchange, &p.fixed_rate],
        Topic::Frequency => vec![&p.frequency],
        Topic::Currency => vec![&p.currencies, &p.more_currencies, &p.currency_kinds],
    }
}

/// Every match of `lists` in `text`, as ranges of `text`.
fn matches(lists: &[&Lexicon], text: &str) -> Vec<Range<usize>> {
    let lower = lower_in_place(text);
    lists
        .iter()
        .flat_map(|l| l.find_all(lower.as_ref()))
        .map(|(a, b)| a..b)
        .collect()
}

/// A deal term both sides state with values that cannot both hold, or the
/// promised value that the scope names only to exclude or charge for it
/// (then true: the scope's words that refuse it matter too).
fn terms(rules: &Rules, notes: &str, scope: &str, out: &mut Disagreement) -> bool {
    let read = |text: &str| -> Vec<Fact> {
        facts::read_for_pairs(rules, &rules.cue_text(crate::analysis::normalise(text)))
    };
    let (ours, theirs) = (read(notes), read(scope));
    let refuses = rules
        .scope
        .exclusion
        .is_match(lower_in_place(scope).as_ref())
        || theirs
            .iter()
            .any(|f| f.topic == Topic::Charge && f.value == facts::Value::Charged);
    let refused = refuses && ours.iter().any(|n| theirs.iter().any(|s| n.names_same(s)));
    let mut topics: Vec<Topic> = ours
        .iter()
        .filter(|n| {
            theirs
                .iter()
                .any(|s| n.contradicted_by(s) || (refuses && n.names_same(s)))
        })
        .map(|n| n.topic)
        .collect();
    topics.sort();
    topics.dedup();
    for topic in topics {
        let lists = families(rules, topic);
        out.notes.extend(matches(&lists, notes));
        out.scope.extend(matches(&lists, scope));
    }
    refused
}

/// A scope line that excludes something the notes name: the shared names
/// and systems, on both sides, and the words that exclude, on the scope's
/// (also when the excluded thing is a deal term: `refused`).
fn exclusion(
    rules: &Rules,
    notes: &str,
    scope: &str,
    by_heading: bool,
    refused: bool,
    out: &mut Disagreement,
) {
    let scope_lower = lower_in_place(scope);
    let cues = rules.scope.exclusion.find_all(scope_lower.as_ref());
    if cues.is_empty() && !by_heading {
        return;
    }
    let notes_lower = lower_in_place(notes);
    let mut shared = Vec::new();
    // Systems the rules know ("KitchenLedger", "Sage 200") and names the
    // scope capitalises ("Isah"), where the notes name them too.
    for (a, b) in rules.systems.names.find_all(scope_lower.as_ref()) {
        shared.push(scope_lower[a..b].to_string());
    }
    // A capital that opens a sentence names nothing ("Sites covered: 8").
    let mut opens = true;
    for piece in scope.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let bare = piece.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
        let capital_inside = bare.chars().skip(1).any(char::is_uppercase);
        let capital_first = bare.chars().next().is_some_and(char::is_uppercase);
        let lower = bare.to_lowercase();
        if (capital_inside || (capital_first && !opens))
            && bare.chars().count() > 2
            && !is_stopword(&lower)
        {
            shared.push(lower);
        }
        if !bare.is_empty() {
            opens = false;
        }
        if piece[bare.len()..].contains(['.', '!', '?', ':', ';']) {
            opens = true;
        }
    }
    let mut any = false;
    for term in shared {
        let in_notes = whole_words(&notes_lower, &term);
        if in_notes.is_empty() {
            continue;
        }
        any = true;
        out.notes.extend(in_notes);
        out.scope.extend(whole_words(&scope_lower, &term));
    }
    if any || refused {
        out.scope.extend(cues.into_iter().map(|(a, b)| a..b));
    }
}

/// A price concession in the notes (a percentage off, a waiver) against a
/// scope at list price.
fn concession(rules: &Rules, notes: &str, scope: &str, out: &mut Disagreement) {
    let scope_lower = lower_in_place(scope);
    let none = rules.scope.no_discount.find_all(scope_lower.as_ref());
    if none.is_empty() {
        return;
    }
    let notes_lower = lower_in_place(notes);
    let mut granted: Vec<Range<usize>> = rules
        .commitment
        .concession
        .find_all(notes_lower.as_ref())
        .into_iter()
        .map(|(a, b)| a..b)
        .collect();
    granted.extend(
        find_quantities_from(notes, jiff::civil::date(2026, 1, 1))
            .into_iter()
            .filter(|f| matches!(f.quantity, Quantity::Percent { .. }))
            .map(|f| f.start..f.end),
    );
    if granted.is_empty() {
        return;
    }
    out.notes.extend(granted);
    out.scope.extend(none.into_iter().map(|(a, b)| a..b));
}

/// Where `word` (lower-case) stands as a whole word (or a phrase of whole
/// words) in `lower`.
fn whole_words(lower: &str, word: &str) -> Vec<Range<usize>> {
    let is_word = |c: char| c.is_alphanumeric();
    lower
        .match_indices(word)
        .map(|(at, w)| at..at + w.len())
        .filter(|r| {
            !lower[..r.start].chars().next_back().is_some_and(is_word)
                && !lower[r.end..].chars().next().is_some_and(is_word)
        })
        .collect()
}

/// The content words of `text` whose stem `other` lacks.
fn words_only_in(text: &str, other: &str) -> Vec<Range<usize>> {
    let stems = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .map(|w| stem(&w.to_lowercase()).into_owned())
            .collect()
    };
    let theirs = stems(other);
    let mut out = Vec::new();
    let mut at = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let stemmed = stem(&lower);
        if bare.chars().count() > 2
            && !is_stopword(&lower)
            && !is_stopword(&stemmed)
            && !theirs.iter().any(|t| *t == *stemmed)
        {
            out.push(at..at + bare.len());
        }
        at += word.len();
    }
    out
}

/// Sorted, merged and on character boundaries of `text`.
fn tidy(mut ranges: Vec<Range<usize>>, text: &str) -> Vec<Range<usize>> {
    ranges.retain(|r| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    });
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
#[path = "spans_tests.rs"]
mod tests;
