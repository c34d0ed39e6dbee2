//! How often something recurs, as minutes between two runs: "every fifteen
//! minutes", "every four (4) hours", "daily", "every evening", "weekly,
//! every Friday", "in real time" (none between). A sync promised every
//! fifteen minutes and a connector that runs every four hours disagree on
//! a rhythm though they share no figure.
//!
//! The named rhythms are word families in `assets/rules.toml`
//! (`pair_facts.frequency`, one family a rhythm, quickest first); spelled
//! intervals ("every N units") are read here, by grammar.

use crate::analysis::quantity::parse_number;
use crate::rules::{CueText, Rules};
use regex::Regex;
use std::sync::LazyLock;

/// Minutes between runs of each `pair_facts.frequency` family, in order.
const NAMED: [f64; 4] = [0.0, 60.0, 1440.0, 10080.0];

/// The one interval `lower` states, in minutes; none when it states none or
/// two that differ ("calculated daily and paid out weekly").
pub(super) fn interval(rules: &Rules, lower: &CueText) -> Option<f64> {
    static EVERY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\bevery (?:(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)(?: \(\d{1,3}\))? )?(minute|min|hour|hr|day|week)s?\b",
        )
        .expect("every-interval pattern compiles")
    });
    let text: &str = lower;
    let mut found: Vec<f64> = Vec::new();
    let families = rules.pair_facts.frequency.families(lower);
    for (i, minutes) in NAMED.iter().enumerate() {
        if families & (1 << i) != 0 {
            found.push(*minutes);
        }
    }
    for c in EVERY.captures_iter(text) {
        let n = match c.get(1) {
            None => 1.0,
            Some(m) => match m.as_str().parse::<f64>() {
                Ok(n) => n,
                Err(_) => match parse_number(m.as_str()) {
                    Some(n) => n,
                    // "every other day", "every single week": no count.
                    None => continue,
                },
            },
        };
        let unit = match &c[2] {
            "minute" | "min" => 1.0,
            "hour" | "hr" => 60.0,
            "day" => 1440.0,
            _ => 10080.0,
        };
        found.push(n * unit);
    }
    found.sort_by(f64::total_cmp);
    found.dedup();
    (found.len() == 1).then(|| found[0])
}
