//! One pass over a statement that tells which cue lists could match it.
//!
//! Every match of a cue starts or ends with one of a few literals (what the regex
//! parser can prove of the alternation: "we'll", "told them", "promis"...). One
//! Aho-Corasick automaton holds the literals of every list, so one scan of a
//! statement marks the lists that may match; a list not marked is skipped
//! without running its regex. A 16 MB notes folder asks about sixty lists of
//! each of a quarter of a million statements, and most lists match nothing.

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::collections::HashMap;

/// The lists a text may match, one bit per list, up to 256 lists (see
/// [`CueIndex`]). The lexicons number about 190: a list past the index is
/// never skipped, so each run compiled and ran every such list on every
/// statement (all of `pair_facts`, when the index held 128).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CueSet([u128; 2]);

impl CueSet {
    /// No list: a list's set when the index is full (never skipped).
    pub const NONE: Self = Self([0; 2]);
    pub const BITS: u32 = 256;

    /// The set of list `n` alone, or `None` past the width.
    fn bit(n: u32) -> Option<Self> {
        let word = usize::try_from(n / 128).ok().filter(|&w| w < 2)?;
        let mut out = Self::NONE;
        out.0[word] = 1 << (n % 128);
        Some(out)
    }

    pub fn is_empty(self) -> bool {
        self == Self::NONE
    }

    fn intersects(self, other: Self) -> bool {
        self.0[0] & other.0[0] != 0 || self.0[1] & other.0[1] != 0
    }
}

impl std::ops::BitOr for CueSet {
    type Output = Self;
    fn bitor(self, other: Self) -> Self {
        Self([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }
}

impl std::ops::BitOrAssign for CueSet {
    fn bitor_assign(&mut self, other: Self) {
        *self = *self | other;
    }
}

/// What [`LiteralSets`] marks a literal with: a set of bits to OR.
pub(crate) trait Marks: Copy + Default + Eq + std::ops::BitOr<Output = Self> {
    /// Every bit: what a text that cannot be scanned holds.
    const ALL: Self;
}

impl Marks for u128 {
    const ALL: Self = u128::MAX;
}

impl Marks for CueSet {
    const ALL: Self = Self([u128::MAX; 2]);
}

/// How much of each literal the automaton holds. Whole literals (3,400 of
/// them) make a 5.6 MB DFA that falls out of the cache between statements and
/// adds to the peak memory of a large folder; six bytes make 1 MB and mark
/// about six lists a statement instead of four.
const LITERAL_BYTES: usize = 6;

/// Every list: what a text is marked with when it cannot be scanned.
const EVERY: CueSet = <CueSet as Marks>::ALL;

/// The literals of every indexed cue list, and which lists each belongs to.
#[derive(Debug, Clone)]
pub struct CueIndex {
    literals: Option<LiteralSets<CueSet>>,
    /// Lists with no literal to look for (a cue that opens with `\w+`): always
    /// worth running.
    unindexed: CueSet,
}

/// Collects the literals of each list as the lists compile.
#[derive(Debug, Default)]
pub struct CueIndexBuilder {
    lists: u32,
    literals: HashMap<Vec<u8>, CueSet>,
    unindexed: CueSet,
}

impl CueIndexBuilder {
    /// Index the list of `cues` (each as compiled), returning its bit; none
    /// (never skipped) when the index is full.
    pub fn add<'c>(&mut self, cues: impl IntoIterator<Item = &'c str>) -> CueSet {
        let Some(bit) = CueSet::bit(self.lists) else {
            return CueSet::NONE;
        };
        self.lists += 1;
        for cue in cues {
            match contained_literals(cue) {
                Some(literals) => {
                    for mut literal in literals {
                        literal.truncate(LITERAL_BYTES);
                        *self.literals.entry(literal).or_default() |= bit;
                    }
                }
                None => self.unindexed |= bit,
            }
        }
        bit
    }

    pub fn build(self) -> CueIndex {
        let mut pairs: Vec<_> = self.literals.into_iter().collect();
        // Sorted, so the automaton (and its pattern ids) is the same each run.
        pairs.sort();
        let literals = LiteralSets::new(pairs, false);
        CueIndex {
            unindexed: if literals.is_some() {
                self.unindexed
            } else {
                EVERY
            },
            literals,
        }
    }
}

impl CueIndex {
    /// The lists that may match `text` (lower-cased, as the lists are written).
    pub fn scan(&self, text: &str) -> CueSet {
        match &self.literals {
            Some(literals) => self.unindexed | literals.scan(text),
            None => EVERY,
        }
    }
}

/// Literals, each with a set of bits: [`LiteralSets::scan`] ORs the sets of
/// the literals a text holds.
#[derive(Debug, Clone)]
pub(crate) enum LiteralSets<S: Marks = u128> {
    /// The DFA walked byte by byte. Each state is marked with the sets of
    /// every literal that ends there (a state holds the matches of the states
    /// it falls back to), so a walk ORs one mark per byte instead of
    /// reporting every literal occurrence.
    Dfa {
        dfa: Box<aho_corasick::dfa::DFA>,
        /// The mark of each state, at its id shifted right by `shift` (ids are
        /// multiples of a power of two); zero for a state ending no literal.
        marks: Vec<S>,
        shift: u32,
    },
    /// Too many literals for a DFA: every occurrence reported.
    Matches {
        automaton: AhoCorasick,
        sets: Vec<S>,
    },
}

impl<S: Marks> LiteralSets<S> {
    /// `None` when there is no literal or no automaton can hold them.
    pub(crate) fn new(pairs: Vec<(Vec<u8>, S)>, ascii_case_insensitive: bool) -> Option<Self> {
        let (literals, sets): (Vec<Vec<u8>>, Vec<S>) = pairs.into_iter().unzip();
        if literals.is_empty() {
            return None;
        }
        if let Ok(dfa) = aho_corasick::dfa::DFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(ascii_case_insensitive)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .prefilter(false)
            .build(&literals)
        {
            let (marks, shift) = mark_states(&dfa, &sets);
            return Some(Self::Dfa {
                dfa: Box::new(dfa),
                marks,
                shift,
            });
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(ascii_case_insensitive)
            .build(&literals)
            .ok()?;
        Some(Self::Matches { automaton, sets })
    }

    /// The OR of the sets of the literals `text` holds.
    pub(crate) fn scan(&self, text: &str) -> S {
        use aho_corasick::{Anchored, automaton::Automaton};
        match self {
            Self::Dfa { dfa, marks, shift } => {
                let Ok(mut sid) = dfa.start_state(Anchored::No) else {
                    return S::ALL;
                };
                let mut set = S::default();
                for &byte in text.as_bytes() {
                    sid = dfa.next_state(Anchored::No, sid, byte);
                    // Every state the walk can reach has a mark (zero for most).
                    set = set | marks[(sid.as_u32() >> shift) as usize];
                }
                set
            }
            Self::Matches { automaton, sets } => automaton
                .find_overlapping_iter(text)
                .fold(S::default(), |set, m| set | sets[m.pattern().as_usize()]),
        }
    }
}

/// The sets each state of the DFA reports, indexed by state id shifted right
/// by the returned amount: the largest shift that keeps the ids of the
/// states the DFA can reach apart.
fn mark_states<S: Marks>(dfa: &aho_corasick::dfa::DFA, sets: &[S]) -> (Vec<S>, u32) {
    use aho_corasick::{Anchored, automaton::Automaton};
    let Ok(start) = dfa.start_state(Anchored::No) else {
        return (Vec::new(), 0);
    };
    let mut seen = std::collections::HashSet::from([start]);
    let mut todo = vec![start];
    while let Some(sid) = todo.pop() {
        for byte in 0..=255u8 {
            let next = dfa.next_state(Anchored::No, sid, byte);
            if seen.insert(next) {
                todo.push(next);
            }
        }
    }
    let shift = seen
        .iter()
        .map(|sid| sid.as_u32().trailing_zeros())
        .min()
        .unwrap_or(0)
        .min(31);
    let top = seen
        .iter()
        .map(|sid| sid.as_u32() >> shift)
        .max()
        .unwrap_or(0);
    let mut marks = vec![S::default(); top as usize + 1];
    for &sid in &seen {
        if dfa.is_match(sid) {
            marks[(sid.as_u32() >> shift) as usize] = (0..dfa.match_len(sid))
                .map(|i| sets[dfa.match_pattern(sid, i).as_usize()])
                .fold(S::default(), |a, b| a | b);
        }
    }
    (marks, shift)
}

/// Literals one of which every match of `pattern` contains: of the literals it
/// starts with and those it ends with, the set whose shortest is longest (the
/// better filter); `None` when neither can be spelt out.
pub(crate) fn contained_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .filter_map(|kind| {
            let seq = Extractor::new().kind(kind).extract(&hir);
            let literals = seq.literals()?;
            (!literals.iter().any(|l| l.is_empty()))
                .then(|| minimal(literals.iter().map(|l| l.as_bytes().to_vec()).collect()))
        })
        .max_by_key(|set| set.iter().map(Vec::len).min().unwrap_or(0))
}

/// Drop each literal that holds a shorter one: wherever it occurs, so does the
/// shorter one, which the scan looks for anyway.
fn minimal(mut literals: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    literals.sort_by_key(Vec::len);
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(literals.len());
    for literal in literals {
        let held = kept
            .iter()
            .any(|k| literal.windows(k.len()).any(|w| w == k.as_slice()));
        if !held {
            kept.push(literal);
        }
    }
    kept
}

/// A statement lower-cased once, with the cue lists that may match it.
#[derive(Debug, Clone)]
pub struct CueText {
    text: Box<str>,
    may: CueSet,
}

impl CueText {
    pub fn new(index: &CueIndex, text: String) -> Self {
        // A capital left after lower-casing (rare) means a list lower-cases the
        // text again before matching: the scan of this text would not be the
        // text it matches, so every list runs.
        let may = if super::lexicon::has_upper(&text) {
            EVERY
        } else {
            index.scan(&text)
        };
        Self {
            text: text.into_boxed_str(),
            may,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::ops::Deref for CueText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for CueText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Text a cue list searches: any string, or a [`CueText`] that can say at once
/// that a list cannot match.
pub trait Haystack {
    fn text(&self) -> &str;
    /// False only when no match of the list with `bit` can occur.
    fn may_match(&self, bit: CueSet) -> bool;
    /// True only when the text is known to hold no capital letter.
    fn known_lower(&self) -> bool {
        false
    }
}

impl Haystack for str {
    fn text(&self) -> &str {
        self
    }
    fn may_match(&self, _: CueSet) -> bool {
        true
    }
}

impl Haystack for String {
    fn text(&self) -> &str {
        self
    }
    fn may_match(&self, _: CueSet) -> bool {
        true
    }
}

impl Haystack for CueText {
    fn text(&self) -> &str {
        &self.text
    }
    fn may_match(&self, bit: CueSet) -> bool {
        bit.is_empty() || self.may.intersects(bit)
    }
    /// A text with a capital is marked with every list (see [`CueText::new`]),
    /// so any other mark means none.
    fn known_lower(&self) -> bool {
        self.may != EVERY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_what_every_match_starts_or_ends_with() {
        let got = contained_literals(r"(?-u:\b)(?:we'll|we will|promis(?:e|ed))(?-u:\b)").unwrap();
        assert!(got.contains(&b"we'll".to_vec()), "{got:?}");
        assert!(got.contains(&b"we will".to_vec()), "{got:?}");
        assert!(got.iter().any(|l| l.starts_with(b"promis")), "{got:?}");
        // A cue that opens with any word is known by how it ends.
        assert_eq!(
            contained_literals(r"(?:\w+ )*leaves"),
            Some(vec![b"leaves".to_vec()])
        );
        assert_eq!(
            contained_literals(r"\d+ ?% off"),
            Some(vec![b"% off".to_vec()])
        );
        // Neither end spelt out: nothing to look for.
        assert_eq!(contained_literals(r"\w+ \w+"), None);
        assert_eq!(contained_literals(r"(?:x|)"), None);
    }

    #[test]
    fn a_list_is_skipped_only_when_none_of_its_literals_occurs() {
        let mut b = CueIndexBuilder::default();
        let we = b.add(["we'll", "we will"]);
        let any = b.add([r"\w+ \w+"]);
        let price = b.add([r"\d+% off", "discount"]);
        let index = b.build();
        let text = CueText::new(&index, "we will see".into());
        assert!(text.may_match(we));
        assert!(text.may_match(any), "an unindexed list always runs");
        assert!(!text.may_match(price));
        let text = CueText::new(&index, "a 20% off deal".into());
        assert!(!text.may_match(we));
        assert!(text.may_match(price));
        // Overlapping literals of two lists are both seen.
        let mut b = CueIndexBuilder::default();
        let long = b.add(["sso login"]);
        let short = b.add(["so"]);
        let index = b.build();
        let text = CueText::new(&index, "an sso login".into());
        assert!(text.may_match(long) && text.may_match(short));
    }

    /// The DFA walk marks exactly the lists whose literals occur, as reporting
    /// every occurrence does, however the literals overlap or nest.
    #[test]
    fn the_dfa_walk_marks_what_every_occurrence_reports() {
        let lists: [&[&str]; 6] = [
            &["bc", "abcd"],
            &["abc"],
            &["c", "xyz"],
            &["cd e", "d"],
            &["we'll", "\u{2019}ll"],
            &["ab"],
        ];
        let mut b = CueIndexBuilder::default();
        for list in lists {
            b.add(list.iter().copied());
        }
        let index = b.build();
        assert!(
            matches!(index.literals, Some(LiteralSets::Dfa { .. })),
            "a small index is a DFA"
        );
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut sets: Vec<CueSet> = Vec::new();
        for (bit, list) in lists.iter().enumerate() {
            for cue in list.iter() {
                for literal in contained_literals(cue).unwrap() {
                    literals.push(literal);
                    sets.push(CueSet::bit(bit as u32).unwrap());
                }
            }
        }
        let overlapping = CueIndex {
            literals: Some(LiteralSets::Matches {
                automaton: AhoCorasick::new(&literals).unwrap(),
                sets,
            }),
            unindexed: CueSet::NONE,
        };
        let texts = [
            "abcd e",
            "xabcabcd",
            "ccc",
            "we\u{2019}ll we'll",
            "d",
            "",
            "zzz",
            "abab",
            "bcd exyz",
        ];
        for text in texts {
            assert_eq!(index.scan(text), overlapping.scan(text), "{text:?}");
        }
    }

    #[test]
    fn text_with_a_capital_left_runs_every_list() {
        let mut b = CueIndexBuilder::default();
        let bit = b.add(["discount"]);
        let index = b.build();
        assert!(CueText::new(&index, "No Discount".into()).may_match(bit));
        assert!(!CueText::new(&index, "No Discount".into()).known_lower());
        assert!(CueText::new(&index, "no discount".into()).known_lower());
        assert!(
            !"no discount".known_lower(),
            "a plain string is never taken on trust"
        );
    }

    #[test]
    fn lists_past_the_first_128_are_skipped_like_the_others() {
        let mut b = CueIndexBuilder::default();
        let bits: Vec<CueSet> = (0..200)
            .map(|i| b.add([format!("cue{i:03}x").as_str()]))
            .collect();
        let index = b.build();
        let text = CueText::new(&index, "only cue007x and cue199x here".into());
        for (i, bit) in bits.iter().enumerate() {
            assert_eq!(text.may_match(*bit), i == 7 || i == 199, "list {i}");
        }
    }

    #[test]
    fn lists_past_the_index_width_are_never_skipped() {
        let mut b = CueIndexBuilder::default();
        for _ in 0..CueSet::BITS {
            assert!(!b.add(["x"]).is_empty());
        }
        assert!(b.add(["y"]).is_empty());
        let index = b.build();
        assert!(CueText::new(&index, "nothing".into()).may_match(CueSet::NONE));
    }
}
