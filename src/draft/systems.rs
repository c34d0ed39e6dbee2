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
    let push = |out: &mut Vec<String>, name: String| {
        if !name.is_empty() && !out.iter().any(|n| same_system(n, &name)) {
            out.push(name);
        }
    };
    // Lower-cased once with its cue set: most texts name no system, and the
    // cue set says so without running the list.
    let lowered = rules.cue_text(crate::rules::lower_in_place(text).into_owned());
    for (a, b) in rules.systems.names.find_all(&lowered) {
        let whole_word = !text[b..].chars().next().is_some_and(char::is_alphanumeric);
        if whole_word && let Some(name) = proper_name(&text[a..b]) {
            push(&mut out, name);
        }
    }
    if out.is_empty() {
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            // Only a capitalised word can be a name: the word tests below
            // lower-case three words, so they wait for one.
            let Some(name) = proper_name(w) else {
                continue;
            };
            let after_preposition =
                i > 0 && matches!(words[i - 1].to_lowercase().as_str(), "from" | "into");
            let before_noun = words.get(i + 1).is_some_and(|n| {
                let n = n
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                matches!(
                    n.as_str(),
                    "connector" | "integration" | "sync" | "api" | "interface" | "feed"
                )
            });
            let calendar = CALENDAR_WORDS.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            );
            if (after_preposition || before_noun) && !calendar {
                let mut name = name;
                // "Deltek Vantagepoint": a following capitalised word is part of the name.
                if let Some(next) = words
                    .get(i + 1)
                    .and_then(|n| proper_name(n))
                    .filter(|_| !before_noun)
                {
                    name = format!("{name} {next}");
                }
                push(&mut out, name);
            }
        }
    }
    out
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
fn proper_name(written: &str) -> Option<String> {
    let written = written.trim_matches(|c: char| !c.is_alphanumeric());
    let first = written.chars().next()?;
    let upper = written.chars().filter(|c| c.is_uppercase()).count();
    let acronym_plural = upper >= 2
        && written.ends_with('s')
        && written[..written.len() - 1]
            .chars()
            .all(|c| c.is_uppercase());
    if !first.is_uppercase() || acronym_plural {
        return None;
    }
    let kept: Vec<&str> = written
        .split(' ')
        .take_while(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .collect();
    Some(kept.join(" "))
}

#[cfg(test)]
#[path = "tests/systems.rs"]
mod tests;
