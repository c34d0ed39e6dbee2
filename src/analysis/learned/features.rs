//! What the learned model sees of one line of the notes: its words (people
//! replaced by their side, figures by their shape), its structure (kind of
//! statement, heading, question or answer), its voice, the deal terms and
//! quantities it states, every lexicon of `rules.toml` that matches it, and the
//! rules' own verdicts. People's names and figures never become features, and
//! `baton train` keeps only features that three bundles share: a model that
//! learned "Acme" or "$48,000" would know one corpus, not the language. (A deal
//! or product name that three bundles share is the one gap left.)

use super::super::model::{Flag, Goal, Side};
use super::super::people::default_voice;
use super::super::quantity::{Quantity, find_quantities_from};
use super::super::{Cited, Reading, facts};
use std::collections::BTreeSet;

/// The rules' findings, by the line they cite: a feature of the line.
#[derive(Default)]
pub struct Verdicts<'f> {
    commitment: foldhash::HashSet<(&'f str, u32)>,
    risk: foldhash::HashSet<(&'f str, u32)>,
    goal: foldhash::HashSet<(&'f str, u32)>,
}

impl<'f> Verdicts<'f> {
    pub fn new(commitments: &'f [Flag], risks: &'f [Flag], goals: &'f [Goal]) -> Self {
        let at = |e: &'f super::super::Evidence| (&*e.file, e.line);
        Self {
            commitment: commitments
                .iter()
                .filter_map(|f| f.evidence.first().map(at))
                .collect(),
            risk: risks
                .iter()
                .filter_map(|f| f.evidence.first().map(at))
                .collect(),
            goal: goals
                .iter()
                .filter_map(|g| g.evidence.first().map(at))
                .collect(),
        }
    }
}

/// One line of the notes (every statement that starts on it) as features.
pub struct Line {
    pub file_index: u32,
    pub line: u32,
    /// Sorted, each once.
    pub features: Vec<String>,
}

/// Every line of the notes that starts a statement, in reading order.
pub fn lines(r: &Reading, verdicts: &Verdicts) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut previous: Option<&Cited> = None;
    for s in &r.said {
        let key = (s.file_index, s.stmt.line);
        let mut features = BTreeSet::new();
        statement(r, s, previous, &mut features);
        let path: &str = r.path(s);
        for (set, name) in [
            (&verdicts.commitment, "rule:commitment"),
            (&verdicts.risk, "rule:risk"),
            (&verdicts.goal, "rule:goal"),
        ] {
            if set.contains(&(path, s.stmt.line)) {
                features.insert(name.to_string());
            }
        }
        previous = Some(s);
        match out
            .iter_mut()
            .rev()
            .take(4)
            .find(|l| (l.file_index, l.line) == key)
        {
            Some(line) => {
                let mut all: BTreeSet<String> = line.features.drain(..).collect();
                all.extend(features);
                line.features = all.into_iter().collect();
            }
            None => out.push(Line {
                file_index: key.0,
                line: key.1,
                features: features.into_iter().collect(),
            }),
        }
    }
    out
}

fn side_name(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Seller) => "seller",
        Some(Side::Customer) => "customer",
        None => "none",
    }
}

/// The features of one statement, added to `out`.
fn statement(r: &Reading, s: &Cited, previous: Option<&Cited>, out: &mut BTreeSet<String>) {
    let lower: &str = &s.lower;
    let voice = side_name(default_voice(&r.people, &s.stmt, r.rules));
    out.insert(format!("voice:{voice}"));
    out.insert(format!("kind:{:?}", s.stmt.kind));
    let words = words(r, lower);
    out.insert(format!(
        "length:{}",
        usize::BITS - words.len().leading_zeros()
    ));
    if let Some(first) = words.first() {
        out.insert(format!("first:{first}"));
    }
    for w in &words {
        out.insert(format!("w:{w}"));
    }
    for pair in words.windows(2) {
        out.insert(format!("b:{} {}", pair[0], pair[1]));
    }
    if lower.trim_end().ends_with('?') {
        out.insert("question".into());
    }
    if let Some(p) = previous.filter(|p| p.file_index == s.file_index) {
        let asked = p.lower.trim_end().ends_with('?');
        let other = p.stmt.speaker() != s.stmt.speaker();
        if asked && other {
            let asker = side_name(default_voice(&r.people, &p.stmt, r.rules));
            out.insert(format!("answers:{asker}"));
        }
    }
    if let Some(heading) = s.stmt.heading() {
        for w in words_of(&super::super::normalise(heading)) {
            out.insert(format!("heading:{w}"));
        }
    }
    for (name, _) in r.rules.matching(&s.lower) {
        // The widenings of a deal term read for the conflict checks alone
        // ([`facts::read_for_pairs`]): the line models see the terms as
        // commitments are found with.
        if name.starts_with("pair_facts.") {
            continue;
        }
        out.insert(format!("lexicon:{name}"));
        out.insert(format!("{voice}&lexicon:{name}"));
    }
    for fact in facts::read(r.rules, &s.lower) {
        out.insert(format!("fact:{:?}", fact.topic));
    }
    for found in find_quantities_from(&s.stmt.text, r.reference) {
        let kind = match found.quantity {
            Quantity::Duration { .. } => "duration",
            Quantity::Date { .. } => "date",
            Quantity::Money { .. } => "money",
            Quantity::Percent { .. } => "percent",
            Quantity::Count { .. } => "count",
        };
        out.insert(format!("quantity:{kind}"));
    }
}

/// The statement's words, each person named replaced by their side
/// (`_seller_`, `_customer_`, `_person_`) and every digit by `0`.
fn words(r: &Reading, lower: &str) -> Vec<String> {
    let mut text = String::with_capacity(lower.len());
    let mut at = 0;
    for (start, end, person) in r.people.mentions(lower) {
        if start < at {
            continue;
        }
        text.push_str(&lower[at..start]);
        text.push_str(match person.side {
            Some(Side::Seller) => " _seller_ ",
            Some(Side::Customer) => " _customer_ ",
            None => " _person_ ",
        });
        at = end;
    }
    text.push_str(&lower[at..]);
    words_of(&text)
}

/// Words of lower-cased text: letters, digits (as `0`), apostrophes inside a
/// word, and the placeholders' underscores.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '_'))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut shaped = String::with_capacity(w.len());
            for c in w.chars() {
                let c = if c.is_ascii_digit() { '0' } else { c };
                // "0000" and "00" are one shape: a number.
                if !(c == '0' && shaped.ends_with('0')) {
                    shaped.push(c);
                }
            }
            shaped
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::words_of;

    #[test]
    fn figures_become_their_shape_and_apostrophes_stay_inside_words() {
        assert_eq!(
            words_of("we'll take 12% off 'til 2027-03-01"),
            ["we'll", "take", "0", "off", "til", "0", "0", "0"]
        );
        assert_eq!(
            words_of("v2.0 _seller_ said"),
            ["v0", "0", "_seller_", "said"]
        );
    }
}
