//! One claim, many mentions. A deal's evidence says the same thing several
//! times: a call promises six weeks, the recap e-mail repeats it, the CRM
//! record copies it, and each repetition against the signed scope is another
//! conflict. Every mention stays a finding (each is cited and scored); this
//! module groups the mentions of one claim, so the drafts and the review ask
//! for one decision per claim.
//!
//! The grouping is a mechanism, not a list of phrases:
//! - commitments (and risks) are one claim when they have one category,
//!   their typed facts agree (of every kind of figure, duration, date and
//!   deal term both state, the values of one are among the other's) and
//!   they share most content
//!   words: at least half of the shorter one's (a figure weighs two words),
//!   at least two, and a word that is no figure; a word most of the deal's
//!   mentions say (a CRM export's author on every row, a template) does not
//!   count;
//! - conflicts are one claim when they have one category, name no two
//!   different deal terms, and either contradict the same line of the signed
//!   scope or rest on mentions of one commitment claim.
//!
//! Mentions join one at a time, and a mention joins a group only if its facts
//! agree with every member's: "six weeks to all 14 hotels" and "to all 14
//! hotels" group, and "eight weeks to all 14 hotels" then cannot join
//! through the second.

use super::facts::{self, Topic};
use super::model::{Category, Evidence, Flag, FlagKind};
use super::quantity::{self, Quantity};
use crate::rules::Rules;
use foldhash::HashMap;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The mentions of one claim: positions in the analysis' flags, in order.
/// The first names the claim (its text is the one a reviewer reads first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub kind: FlagKind,
    pub flags: Vec<usize>,
}

/// The share of the shorter mention's content words the other must say too.
const MOST: f64 = 0.5;
/// The fewest content words two mentions of one claim share.
const AT_LEAST: usize = 2;
/// The most mentions of one kind a word may be said by before it counts as
/// boilerplate, when there are few mentions (else a quarter of them).
const BOILERPLATE_MENTIONS: usize = 4;
/// A word said by more mentions than this names no claim of its own ("we",
/// the customer's name): it is not used to find candidates, only to compare
/// them, so a 16 MB folder is not compared pair by pair.
const COMMON: usize = 2000;

/// The claims of `flags` that have two or more mentions, in the order of
/// their first mention. A flag in none is a claim of its own.
/// `reference` resolves dates written without a year, as the analysis does.
pub fn group(rules: &Rules, flags: &[Flag], reference: Date) -> Vec<Claim> {
    // A large folder repeats its lines: each distinct text is read once.
    let mut read: HashMap<&str, std::rc::Rc<Said>> = HashMap::default();
    let said: Vec<Option<std::rc::Rc<Said>>> = flags
        .iter()
        .map(|f| {
            (f.kind != FlagKind::Conflict).then(|| {
                read.entry(f.text.as_str())
                    .or_insert_with(|| std::rc::Rc::new(Said::read(rules, &f.text, reference)))
                    .clone()
            })
        })
        .collect();
    drop(read);
    let mut sets = Sets::new(
        said.iter()
            .map(|s| s.as_ref().map(|s| s.terms.clone()).unwrap_or_default())
            .collect(),
    );
    for kind in [FlagKind::Commitment, FlagKind::Risk] {
        join_statements(flags, &said, kind, &mut sets);
    }
    join_conflicts(flags, &said, &mut sets);
    sets.claims(flags)
}

/// For each of `count` flags, the position of the first mention of its
/// claim (its own position when it stands alone).
pub fn leaders(count: usize, claims: &[Claim]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..count).collect();
    for c in claims {
        let Some(&first) = c.flags.first() else {
            continue;
        };
        for &i in c.flags.iter().filter(|&&i| i < count) {
            out[i] = first;
        }
    }
    out
}

/// What a kind of figure is about: two mentions agree on a figure only if
/// they state the same values of each kind both state.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Slot {
    Duration,
    Date,
    Money {
        currency: Option<String>,
        per: Option<String>,
    },
    Percent,
    Count {
        unit: String,
    },
    /// A deal term ([`facts`]): hosting, support hours, payment days...
    Term(Topic),
}

/// The typed facts of a mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
struct Terms {
    figures: BTreeMap<Slot, BTreeSet<String>>,
    /// The deal terms named, whatever their values.
    topics: BTreeSet<Topic>,
}

impl Terms {
    /// Whether two mentions can be one claim: of every kind of figure both
    /// state, the values of one are among the other's (a recap may leave a
    /// date out, never say another), and they name no two different deal
    /// terms.
    fn agrees(&self, other: &Terms) -> bool {
        let same_figures = self.figures.iter().all(|(slot, values)| {
            other
                .figures
                .get(slot)
                .is_none_or(|v| v.is_subset(values) || values.is_subset(v))
        });
        let same_topic = self.topics.is_empty()
            || other.topics.is_empty()
            || !self.topics.is_disjoint(&other.topics);
        same_figures && same_topic
    }
}

/// A commitment or risk as the grouping reads it.
struct Said {
    /// Content words, plus one word per figure ("#Duration=42").
    words: BTreeSet<String>,
    terms: Terms,
}

impl Said {
    fn read(rules: &Rules, text: &str, reference: Date) -> Said {
        let mut words = BTreeSet::new();
        let mut terms = Terms::default();
        // The words a figure is written with ("six", "weeks") are the figure,
        // not content: "6 weeks" and "six weeks" say the same.
        let mut figure_words = BTreeSet::new();
        for found in quantity::find_quantities_from(text, reference) {
            let (slot, value, written) = canonical(&found.quantity);
            figure_words.extend(written.split(|c: char| !c.is_alphanumeric()).map(stem));
            words.insert(format!("#{slot:?}={value}"));
            terms.figures.entry(slot).or_default().insert(value);
        }
        for word in without_digit_groups(text).split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < 2 || is_stop(&word.to_lowercase()) {
                continue;
            }
            let word = stem(word);
            if !figure_words.contains(&word) {
                words.insert(word);
            }
        }
        let lower = rules.cue_text(super::normalise(text));
        for fact in facts::read(rules, &lower) {
            terms.topics.insert(fact.topic);
            terms
                .figures
                .entry(Slot::Term(fact.topic))
                .or_default()
                .insert(format!("{:?}", fact.value));
        }
        Said { words, terms }
    }
}

/// "3,000" as "3000": a number no quantity reads is one word still.
fn without_digit_groups(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let grouped = |i: usize| {
        b[i] == b','
            && i > 0
            && i + 1 < b.len()
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
    };
    if !(0..b.len()).any(grouped) {
        return text.into();
    }
    let kept: Vec<u8> = (0..b.len())
        .filter(|&i| !grouped(i))
        .map(|i| b[i])
        .collect();
    String::from_utf8(kept).map_or(text.into(), Into::into)
}

/// A figure's kind, its value as compared, and its text as written.
fn canonical(q: &Quantity) -> (Slot, String, &str) {
    let n = |x: f64| {
        let s = format!("{x:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    match q {
        Quantity::Duration { days, text, .. } => (Slot::Duration, n(*days), text),
        Quantity::Date { date, text } => (Slot::Date, date.to_string(), text),
        Quantity::Money {
            amount,
            currency,
            per,
            text,
        } => (
            Slot::Money {
                currency: currency.clone(),
                per: per.map(|p| format!("{p:?}")),
            },
            n(*amount),
            text,
        ),
        Quantity::Percent { value, text } => (Slot::Percent, n(*value), text),
        Quantity::Count { value, unit, text } => {
            (Slot::Count { unit: unit.clone() }, n(*value), text)
        }
    }
}

/// Lower case, and the endings of plurals and verb forms cut ("hotels",
/// "deliveries", "reviewing", "approved"), so a recap's wording meets the
/// call's. Both sides are cut alike; what is left need not be a word.
fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    // Every ending cut is ASCII, so a cut is at a character boundary.
    let keeps = |w: &str, ending: &str| w.len() >= ending.len() + 4 && w.ends_with(ending);
    if keeps(&w, "ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if keeps(&w, "ing") {
        w.truncate(w.len() - 3);
    } else if keeps(&w, "ed") {
        w.truncate(w.len() - 2);
    } else if w.len() > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e))
    {
        w.pop();
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// Words every mention may say, and the verbs that make a statement a
/// promise ("agreed", "told"), as written (lower case): they tell no claim
/// from another. Sorted, for the binary search.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "about", "after", "again", "agree", "agreed", "agrees", "all", "also", "am", "an", "and",
    "any", "anything", "are", "aren", "as", "ask", "asked", "asks", "at", "back", "be", "because",
    "been", "before", "being", "both", "but", "by", "can", "commit", "commits", "committed",
    "confirm", "confirmed", "confirms", "could", "couldn", "did", "didn", "do", "does", "doesn",
    "don", "done", "each", "even", "ever", "every", "everything", "for", "from", "get", "go",
    "going", "got", "guarantee", "guaranteed", "guarantees", "had", "hadn", "has", "hasn", "have",
    "haven", "he", "her", "here", "him", "his", "how", "however", "if", "im", "in", "into", "is",
    "isn", "it", "its", "just", "let", "like", "ll", "make", "me", "mention", "mentioned",
    "mentions", "more", "most", "much", "must", "my", "no", "not", "nothing", "now", "of", "off",
    "offer", "offered", "offers", "on", "one", "only", "or", "other", "our", "out", "over", "own",
    "per", "promise", "promised", "promises", "re", "really", "said", "say", "she", "should",
    "shouldn", "since", "so", "some", "something", "still", "such", "sure", "tell", "tells",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things",
    "this", "those", "though", "through", "to", "told", "too", "under", "until", "up", "us", "ve",
    "very", "was", "wasn", "way", "we", "well", "were", "weren", "what", "when", "where", "which",
    "while", "who", "why", "will", "with", "within", "without", "won", "would", "wouldn", "yes",
    "you", "your",
];

fn is_stop(word: &str) -> bool {
    STOP.binary_search(&word).is_ok()
}

/// The content words of one mention, as numbers of an interned vocabulary,
/// sorted.
type Words = Vec<u32>;

/// How much a word of the vocabulary weighs: a figure is written with two
/// words or more ("six weeks", "£65,000 a year") and says more than either.
fn weight(heavy: &[bool], w: u32) -> usize {
    if heavy[w as usize] { 2 } else { 1 }
}

/// Join the commitments (or risks) that are mentions of one claim.
fn join_statements(
    flags: &[Flag],
    said: &[Option<std::rc::Rc<Said>>],
    kind: FlagKind,
    sets: &mut Sets,
) {
    let mut vocabulary: HashMap<&str, u32> = HashMap::default();
    let mut heavy: Vec<bool> = Vec::new();
    // Identical readings are one claim at once; the others are compared.
    let mut distinct: Vec<(usize, Words)> = Vec::new();
    let mut seen: HashMap<(Option<Category>, Words, &Terms), usize> = HashMap::default();
    for (at, flag) in flags.iter().enumerate().filter(|(_, f)| f.kind == kind) {
        let Some(s) = &said[at] else {
            continue;
        };
        let mut words: Words = s
            .words
            .iter()
            .map(|w| {
                let next = vocabulary.len() as u32;
                *vocabulary.entry(w.as_str()).or_insert_with(|| {
                    heavy.push(w.starts_with('#'));
                    next
                })
            })
            .collect();
        words.sort_unstable();
        match seen.entry((flag.category, words.clone(), &s.terms)) {
            std::collections::hash_map::Entry::Occupied(first) => {
                sets.join(*first.get(), at);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(at);
                distinct.push((at, words));
            }
        }
    }
    // Which distinct mentions say each word.
    let mut saying: HashMap<u32, Vec<usize>> = HashMap::default();
    for (d, (_, words)) in distinct.iter().enumerate() {
        for w in words {
            saying.entry(*w).or_default().push(d);
        }
    }
    // A word many of the deal's mentions say is boilerplate (a CRM export's
    // author and date on every row, a template's "at no charge for the
    // customer"): it tells no claim from another. A claim said a few times
    // says its own words a few times, so only a word said by more than four
    // mentions and more than a quarter of them is set aside.
    let boilerplate = BOILERPLATE_MENTIONS.max(distinct.len() / 4);
    saying.retain(|_, by| by.len() <= boilerplate);
    for (_, words) in &mut distinct {
        words.retain(|w| saying.contains_key(w));
    }
    let said_by = |w: &u32| saying.get(w).map_or(0, Vec::len);
    // Each pair of one claim is found from its lighter mention, through
    // either of two sets of its words a pair must share one of: its rarest
    // words, those without which less than `need` is left (by weight), or
    // its words that are no figure. The one that names fewer others is used.
    let mut candidates = Vec::new();
    for (d, (at, words)) in distinct.iter().enumerate() {
        let total: usize = words.iter().map(|&w| weight(&heavy, w)).sum();
        let need = needed(total);
        if total < need {
            continue;
        }
        let mut rarest = words.clone();
        rarest.sort_by_key(|w| (said_by(w), *w));
        let mut left = total;
        let prefix: Vec<u32> = rarest
            .iter()
            .copied()
            .take_while(|&w| {
                let enough = left >= need;
                left -= weight(&heavy, w);
                enough
            })
            .collect();
        let plain: Vec<u32> = words
            .iter()
            .copied()
            .filter(|&w| !heavy[w as usize])
            .collect();
        let reach = |ws: &[u32]| ws.iter().map(said_by).sum::<usize>();
        let probe = if reach(&plain) < reach(&prefix) {
            plain
        } else {
            prefix
        };
        candidates.clear();
        for w in &probe {
            let others = &saying[w];
            if others.len() <= COMMON {
                candidates.extend(others.iter().copied().filter(|&o| o != d));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &o in &candidates {
            let (other, other_words) = &distinct[o];
            if flags[*at].category == flags[*other].category
                && share_most(words, other_words, &heavy)
            {
                sets.join(*at, *other);
            }
        }
    }
}

/// How much of a mention weighing `total` another must say too: at least
/// half, and at least two words.
fn needed(total: usize) -> usize {
    ((MOST * total as f64).ceil() as usize).max(AT_LEAST)
}

/// Whether two mentions share most content words (by weight): at least half
/// of the lighter one's, at least two, and one word that is not a figure.
fn share_most(a: &[u32], b: &[u32], heavy: &[bool]) -> bool {
    let (mut i, mut j, mut shared, mut plain) = (0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weight(heavy, a[i]);
                plain += usize::from(!heavy[a[i] as usize]);
                i += 1;
                j += 1;
            }
        }
    }
    let total = |w: &[u32]| w.iter().map(|&w| weight(heavy, w)).sum::<usize>();
    // A figure alone is no claim: "15% off" the subscription and "15% off"
    // the training are two.
    plain > 0 && shared >= needed(total(a).min(total(b)))
}

/// What two conflicts of one claim have in common.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Anchor<'a> {
    /// The line of the signed scope both contradict.
    ScopeLine(&'a Evidence),
    /// The commitment claim (its first mention) both rest on.
    Promise(usize),
}

/// Join the conflicts that are one claim. A conflict's evidence lists the
/// notes side first and the scope line last; its notes side is a commitment
/// at the same place, whose deal terms say what the conflict is about.
fn join_conflicts(flags: &[Flag], said: &[Option<std::rc::Rc<Said>>], sets: &mut Sets) {
    let mut promise_at: HashMap<&Evidence, usize> = HashMap::default();
    for (at, f) in flags.iter().enumerate() {
        if f.kind == FlagKind::Commitment
            && let Some(e) = f.evidence.first()
        {
            promise_at.entry(e).or_insert(at);
        }
    }
    let mut first: HashMap<(Option<Category>, Anchor), usize> = HashMap::default();
    for (at, f) in flags.iter().enumerate() {
        if f.kind != FlagKind::Conflict {
            continue;
        }
        let promise = f.evidence.first().and_then(|e| promise_at.get(e)).copied();
        let topics = promise
            .and_then(|p| said[p].as_ref())
            .map(|s| s.terms.topics.clone())
            .unwrap_or_default();
        sets.terms[at] = vec![Terms {
            figures: BTreeMap::new(),
            topics,
        }];
        let mut anchors = Vec::new();
        if let [_, .., scope] = f.evidence.as_slice() {
            anchors.push(Anchor::ScopeLine(scope));
        }
        if let Some(p) = promise {
            anchors.push(Anchor::Promise(sets.root(p)));
        }
        for anchor in anchors {
            match first.entry((f.category, anchor)) {
                std::collections::hash_map::Entry::Occupied(o) => {
                    sets.join(*o.get(), at);
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(at);
                }
            }
        }
    }
}

/// Disjoint sets of flags (union-find), each with the facts of its members;
/// the root of a set is its first flag.
struct Sets {
    parent: Vec<usize>,
    /// Per root, the distinct facts of its members (one entry per set
    /// otherwise).
    terms: Vec<Vec<Terms>>,
}

impl Sets {
    fn new(terms: Vec<Terms>) -> Sets {
        Sets {
            parent: (0..terms.len()).collect(),
            terms: terms.into_iter().map(|t| vec![t]).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Put `a` and `b` in one set, unless a member of one disagrees with a
    /// member of the other: agreement is checked member by member, since a
    /// mention without a figure agrees with two that disagree.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return true;
        }
        let agree = self.terms[ra]
            .iter()
            .all(|x| self.terms[rb].iter().all(|y| x.agrees(y)));
        if !agree {
            return false;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        for t in std::mem::take(&mut self.terms[child]) {
            if !self.terms[root].contains(&t) {
                self.terms[root].push(t);
            }
        }
        true
    }

    fn claims(mut self, flags: &[Flag]) -> Vec<Claim> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..flags.len() {
            let r = self.root(i);
            by_root.entry(r).or_default().push(i);
        }
        by_root
            .into_iter()
            .filter(|(_, members)| members.len() > 1)
            .map(|(root, members)| Claim {
                kind: flags[root].kind,
                flags: members,
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
