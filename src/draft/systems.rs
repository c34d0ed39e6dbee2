//! Naming the systems a promise connects to, for integration plans and the
//! complexity score.

use crate::rules::Rules;

/// Systems named in a text, as written, first mention first, without repeats.
///
/// The lexicon matches without case, which suits detection but not naming: a
/// name is kept only where it is written as a proper noun ("NetSuite", not the
/// "pings" that `Ping` matches or the "POs" that `POS` matches), and is cut before
/// the first lower-case word (`Sage [A-Z0-9]+` would run on through "Sage 200
/// supplier master"). Where the lexicon knows no name, a capitalised name right
/// after "from"/"into" or before "connector"/"integration"/"sync"/"API" is taken.
pub(crate) fn system_names(rules: &Rules, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Searched as it is, without a cue set: the set's scan for the literals of
    // every list cost more than the one list, which looks for its own names.
    let lowered = crate::rules::lower_in_place(text);
    for (a, b) in rules.systems.names.find_all(&*lowered) {
        let whole_word = !text[b..].chars().next().is_some_and(char::is_alphanumeric);
        if whole_word && let Some(name) = proper_name(&text[a..b]) {
            push(&mut out, name.to_string());
        }
    }
    if out.is_empty() {
        // In ASCII, Unicode white space is ASCII white space and the vertical
        // tab: words split by bytes, not decoded characters, where it agrees.
        if text.is_ascii() && !text.contains('\x0B') {
            named_by_context(text.split_ascii_whitespace(), &mut out);
        } else {
            named_by_context(text.split_whitespace(), &mut out);
        }
    }
    out
}

fn push(out: &mut Vec<String>, name: String) {
    if !name.is_empty() && !out.iter().any(|n| same_system(n, &name)) {
        out.push(name);
    }
}

/// A capitalised name right after "from"/"into" or before a word like
/// "connector", from the words of a text in order.
fn named_by_context<'t>(mut words: impl Iterator<Item = &'t str>, out: &mut Vec<String>) {
    // Words with their neighbours, without collecting them: most flags name
    // no system, and this runs for each of them.
    let mut prev: Option<&str> = None;
    let mut next = words.next();
    while let Some(w) = next {
        next = words.next();
        // Only a capitalised word can be a name, so it is asked first.
        if let Some(name) = proper_name(w) {
            let after_preposition = prev.is_some_and(|p| lower_is(p, &["from", "into"]));
            let before_noun = next.is_some_and(|n| {
                lower_is(
                    n.trim_matches(|c: char| !c.is_alphanumeric()),
                    &[
                        "connector",
                        "integration",
                        "sync",
                        "api",
                        "interface",
                        "feed",
                    ],
                )
            });
            if (after_preposition || before_noun)
                && !lower_is(
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                    CALENDAR_WORDS,
                )
            {
                // "Deltek Vantagepoint": a following capitalised word is part of the name.
                let name = match next.and_then(proper_name).filter(|_| !before_noun) {
                    Some(following) => format!("{name} {following}"),
                    None => name.to_string(),
                };
                push(out, name);
            }
        }
        prev = Some(w);
    }
}

/// Whether `word` lower-cased is one of `words` (all ASCII lower case), without
/// lower-casing an ASCII word into a new string.
fn lower_is(word: &str, words: &[&str]) -> bool {
    if word.is_ascii() {
        words.iter().any(|w| word.eq_ignore_ascii_case(w))
    } else {
        // A non-ASCII letter may lower-case to an ASCII one (the Kelvin sign).
        words.contains(&word.to_lowercase().as_str())
    }
}

/// "from January 1" names a date, not a system.
const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "q1",
    "q2",
    "q3",
    "q4",
    "fy",
    "day",
    "week",
    "month",
];

/// "Vantagepoint" and "Deltek Vantagepoint" are one system.
pub(crate) fn same_system(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a)
}

/// The leading capitalised words of `written`, or `None` when it does not start
/// as a proper noun or is an acronym plural ("POs", "APIs").
fn proper_name(written: &str) -> Option<&str> {
    // A word opening with a lower-case letter or a digit opens the same once
    // trimmed: most words, told apart before trimming.
    if written
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return None;
    }
    let written = written.trim_matches(|c: char| !c.is_alphanumeric());
    // The first letter first: most words are not capitalised.
    if !written.chars().next()?.is_uppercase() {
        return None;
    }
    // Two or more capitals and a final "s": every letter before it a capital.
    let acronym_plural = written
        .strip_suffix('s')
        .is_some_and(|stem| stem.chars().all(char::is_uppercase) && stem.chars().nth(1).is_some());
    if acronym_plural {
        return None;
    }
    // The words up to the first that is not capitalised (or a number); joined
    // back by the single spaces they were split at, they are a prefix.
    let mut end = 0;
    for (at, w) in written.split(' ').scan(0, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    }) {
        if !w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            break;
        }
        end = at + w.len();
    }
    Some(&written[..end])
}

#[cfg(test)]
#[path = "tests/systems.rs"]
mod tests;
