//! Response times per severity: one per row of a service-level clause or
//! table, or one for a statement that names one severity or none.

use super::{Fact, Topic, Value, numbers};
use crate::rules::Rules;

/// The response times a statement states: one per severity where a clause
/// lists several ("Severity 1 — two (2) hours; Severity 2 — four (4) business
/// hours"), else one for the whole statement (of its one severity, if named).
pub(super) fn times(rules: &Rules, text: &str, pairs: bool) -> Vec<Fact> {
    let f = &rules.facts;
    let severity_of = |part: &str| {
        let bits = f.severity.families(part);
        (bits.count_ones() == 1).then(|| bits.trailing_zeros() as u8 + 1)
    };
    // In a pair, a time as spoken ("inside the hour") counts as well.
    let minutes = |part: &str| {
        numbers::response_minutes(part).or_else(|| {
            pairs
                .then(|| numbers::spoken_response_minutes(part))
                .flatten()
        })
    };
    let within =
        |severity, minutes| Fact::new(Topic::Response, Value::Within { severity, minutes });
    let rows = |parts: Vec<&str>| -> Vec<Fact> {
        parts
            .into_iter()
            .filter_map(|part| {
                let severity = severity_of(part)?;
                minutes(part).map(|m| within(Some(severity), m))
            })
            .collect()
    };
    let parts = rows(text.split([';', '|', '\n']).collect());
    if parts.len() > 1 {
        return parts;
    }
    // A table whose rows ran together into one statement ("P1 Service down
    // 4 Working Hours 1 Working Day P2 Major function 8 Working Hours ..."):
    // each severity's row runs to the next severity named.
    if pairs {
        let parts = rows(by_severity(rules, text));
        if parts.len() > 1 {
            return parts;
        }
    }
    minutes(text)
        .map(|m| within(severity_of(text), m))
        .into_iter()
        .collect()
}

/// `text` cut before each severity it names, where it names two or more.
fn by_severity<'t>(rules: &Rules, text: &'t str) -> Vec<&'t str> {
    let starts: Vec<usize> = rules
        .facts
        .severity
        .find_all(text)
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    if starts.len() < 2 {
        return Vec::new();
    }
    starts
        .iter()
        .zip(starts.iter().skip(1).copied().chain([text.len()]))
        .map(|(&a, b)| &text[a..b])
        .collect()
}

/// A severity with its time right after it ("P1 30 min", "Sev 1: four
/// hours"): the shorthand of a service-level promise, which names no verb of
/// answering. The time must open what follows the severity, so "P1 tickets
/// were closed after 3 days of work" is no such statement.
pub(super) fn severity_then_time(rules: &Rules, text: &str) -> bool {
    rules
        .facts
        .severity
        .find_all(text)
        .into_iter()
        .any(|(_, end)| {
            let after = text[end..].trim_start_matches([' ', ':', '-', '–', ',', '=', '|', '(']);
            let opens_with_number = after.split([' ', '-']).next().is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || crate::analysis::quantity::parse_number(w).is_some()
            });
            let window: String = after.chars().take(24).collect();
            opens_with_number && numbers::response_minutes(&window).is_some()
        })
}
