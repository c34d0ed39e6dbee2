//! One cue list compiled for speed: a single lower-case alternation (split
//! when windowed cues would bloat it), with an ASCII-boundary twin.

use super::RulesError;
use super::cues::{CueIndexBuilder, CueSet, CueText, Haystack};
use super::one_line;
use super::word_regex::WordRegex;
use regex::Regex;

/// One list of cues compiled into a single alternation. The alternation is
/// written in lower case and matched against lower-cased text: without a
/// case-insensitive flag the regex engine can skip ahead on literal prefixes,
/// which makes a scan of a large notes folder several times faster.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The whole alternation, in the order the cues are written (for a split
    /// list, see [`Split::whole`]).
    whole: Option<Engines>,
    /// The same cues in two alternations, when a list mixes plain cues with
    /// windowed ones (`if .{0,40}leaves`): together they make the lazy DFA track
    /// every window at every point of every plain cue, so one cache grows to
    /// many megabytes and is rebuilt again and again. Apart, each stays small.
    parts: Option<Box<Split>>,
    /// The list's bit in the rules' [`super::cues::CueIndex`] (0: not indexed).
    bit: CueSet,
    /// The entries as written, for [`Self::families`]: a list whose entries
    /// are word families ("frankfurt|germany") tells which family a text names.
    entries: std::sync::Arc<[String]>,
    /// Each entry compiled alone, on first use by [`Self::families`].
    singles: std::sync::OnceLock<Vec<Option<Engines>>>,
}

/// A compiled alternation and its ASCII-boundary twin.
type Engines = WordRegex;

/// A list compiled as two alternations. The earlier match of the two is the
/// whole alternation's match; only when both start at the same place (and
/// for every match at once) is the whole alternation asked, so it is built
/// on first use: most lists never need it, and it is the largest of the three.
#[derive(Debug, Clone)]
struct Split {
    plain: Engines,
    windows: Engines,
    whole_pattern: String,
    whole: std::sync::OnceLock<Option<Engines>>,
}

impl Split {
    /// The whole alternation. Its program is about the two parts' together,
    /// and each part built under [`build`]'s limit, so it builds under twice
    /// that; `None` (never seen) leaves the callers' fallbacks to decide.
    fn whole(&self) -> Option<&Engines> {
        self.whole
            .get_or_init(|| Engines::build(&self.whole_pattern, build_whole).ok())
            .as_ref()
    }
}

/// A cue with a repetition (`.{0,40}`, `(?:\w+ )*`): a window the lazy DFA must
/// track position by position.
fn is_windowed(pattern: &str) -> bool {
    [".{", ".*", ".+", "){", ")*", ")+", "]{", "]*", "]+"]
        .iter()
        .any(|w| pattern.contains(w))
}

fn alternation<'p>(patterns: impl Iterator<Item = &'p String>) -> String {
    let mut out = String::from("(?:");
    for (i, pattern) in patterns.enumerate() {
        if i > 0 {
            out.push('|');
        }
        out.push_str(&bounded(&lowercase_pattern(pattern)));
    }
    out.push(')');
    out
}

impl Lexicon {
    /// The list compiled from `patterns`. Its alternations are built on first
    /// use unless `eager` (a list a user's rules.toml extends: an alternation
    /// that will not build, a size limit, is reported at load, naming the file).
    pub(super) fn compile(
        name: &str,
        patterns: &[String],
        source: &str,
        index: &mut CueIndexBuilder,
        eager: bool,
    ) -> Result<Self, RulesError> {
        if patterns.is_empty() {
            return Ok(Self::empty());
        }
        for pattern in patterns {
            // Validate each entry alone, so the error names the bad one. A
            // parse is the check `Regex::new` makes first (and the error text
            // it gives), without compiling an automaton for every entry.
            if let Err(e) = regex_syntax::Parser::new().parse(pattern) {
                return Err(RulesError {
                    path: source.to_string(),
                    line: None,
                    message: format!(
                        "{name}: bad pattern {pattern:?}: {}",
                        one_line(&e.to_string())
                    ),
                    bad_pattern: Some(pattern.clone()),
                });
            }
        }
        let error = |e: regex::Error| RulesError {
            path: source.to_string(),
            line: None,
            message: format!("{name}: {}", one_line(&e.to_string())),
            bad_pattern: None,
        };
        let engines = |pattern: &str| {
            if eager {
                Engines::build(pattern, build).map_err(error)
            } else {
                Ok(Engines::lazy(pattern, build))
            }
        };
        let whole_pattern = alternation(patterns.iter());
        let windowed = patterns.iter().filter(|p| is_windowed(p)).count();
        let (whole, parts) = if windowed > 0 && windowed < patterns.len() {
            let plain = alternation(patterns.iter().filter(|p| !is_windowed(p)));
            let windows = alternation(patterns.iter().filter(|p| is_windowed(p)));
            let split = Split {
                plain: engines(&plain)?,
                windows: engines(&windows)?,
                whole_pattern,
                whole: std::sync::OnceLock::new(),
            };
            (None, Some(Box::new(split)))
        } else {
            (Some(engines(&whole_pattern)?), None)
        };
        Ok(Self {
            whole,
            parts,
            bit: index.add(
                patterns
                    .iter()
                    .map(|p| bounded(&lowercase_pattern(p)))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            ),
            entries: patterns.iter().cloned().collect(),
            singles: std::sync::OnceLock::new(),
        })
    }

    /// One pattern built at run time (e.g. from names found in a bundle); the
    /// caller escapes what must be literal.
    pub fn single(pattern: &str) -> Self {
        Self {
            whole: Some(Engines::lazy(&bounded(&lowercase_pattern(pattern)), build)),
            parts: None,
            bit: CueSet::NONE,
            entries: std::sync::Arc::from([pattern.to_string()]),
            singles: std::sync::OnceLock::new(),
        }
    }

    /// Build every alternation of the list now (both forms): the first that
    /// does not build. What a test asks of every shipped list.
    #[cfg(test)]
    pub(crate) fn force(&self) -> Result<(), regex::Error> {
        if let Some(whole) = &self.whole {
            whole.force()?;
        }
        if let Some(split) = &self.parts {
            split.plain.force()?;
            split.windows.force()?;
        }
        Ok(())
    }

    /// Whether each alternation's ASCII twin finds in `text` (lower case,
    /// without non-ASCII word characters) what its Unicode form finds.
    #[cfg(test)]
    pub(crate) fn twin_agrees(&self, text: &str) -> bool {
        let engines = [
            self.whole.as_ref(),
            self.parts.as_deref().map(|s| &s.plain),
            self.parts.as_deref().map(|s| &s.windows),
        ];
        engines.into_iter().flatten().all(|e| e.twin_agrees(text))
    }

    /// An empty lexicon that matches nothing.
    pub fn empty() -> Self {
        Self {
            whole: None,
            parts: None,
            bit: CueSet::NONE,
            entries: std::sync::Arc::from([]),
            singles: std::sync::OnceLock::new(),
        }
    }

    /// How many entries the list holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the list holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry `i` of the list as written.
    pub fn entry(&self, i: usize) -> Option<&str> {
        self.entries.get(i).map(String::as_str)
    }

    /// Which entries of the list match `text`, as bits (entry `i` is bit `i`;
    /// the first 64 entries only): the families a text names, for a list whose
    /// entries are word families ("frankfurt|germany", "ireland|dublin").
    pub fn families<H: Haystack + ?Sized>(&self, text: &H) -> u64 {
        if !self.is_match(text) {
            return 0;
        }
        let singles = self.singles.get_or_init(|| {
            self.entries
                .iter()
                .take(64)
                .map(|e| Some(Engines::lazy(&bounded(&lowercase_pattern(e)), build)))
                .collect()
        });
        self.on_lower(text, |t| {
            singles
                .iter()
                .enumerate()
                .filter(|(_, e)| e.as_ref().is_some_and(|e| e.for_text(t).is_match(t)))
                .fold(0u64, |bits, (i, _)| bits | 1 << i)
        })
        .unwrap_or(0)
    }

    /// Run `f` on `text` lower-cased (see [`lower_in_place`]).
    fn on_lower<R, H: Haystack + ?Sized>(&self, text: &H, f: impl FnOnce(&str) -> R) -> Option<R> {
        if self.whole.is_none() && self.parts.is_none() {
            return None;
        }
        if !text.may_match(self.bit) {
            return None;
        }
        if text.known_lower() {
            return Some(f(text.text()));
        }
        Some(f(&lower_in_place(text.text())))
    }

    pub fn is_match<H: Haystack + ?Sized>(&self, text: &H) -> bool {
        self.on_lower(text, |t| match (&self.whole, self.parts.as_deref()) {
            (_, Some(split)) => {
                split.plain.for_text(t).is_match(t) || split.windows.for_text(t).is_match(t)
            }
            (Some(whole), None) => whole.for_text(t).is_match(t),
            (None, None) => false,
        })
        .unwrap_or(false)
    }

    /// The first match, as (start, end, matched text).
    pub fn find<'t, H: Haystack + ?Sized>(&self, text: &'t H) -> Option<(usize, usize, &'t str)> {
        let (start, end) = self.on_lower(text, |t| {
            let m = match (&self.whole, self.parts.as_deref()) {
                (_, Some(split)) => {
                    let plain = split.plain.for_text(t).find(t);
                    match (plain, split.windows.for_text(t).find(t)) {
                        (Some(a), Some(b)) if a.start() == b.start() => match split.whole() {
                            Some(whole) => whole.for_text(t).find(t),
                            None => Some(if a.end() >= b.end() { a } else { b }),
                        },
                        (Some(a), Some(b)) => Some(if a.start() < b.start() { a } else { b }),
                        (a, b) => a.or(b),
                    }
                }
                (Some(whole), None) => whole.for_text(t).find(t),
                (None, None) => None,
            };
            m.map(|m| (m.start(), m.end()))
        })??;
        Some((start, end, &text.text()[start..end]))
    }

    /// The first match in `text[range]`, as [`Self::find`] finds it there
    /// (offsets from the start of the range). Every match of a list holds one
    /// of the literals it is indexed by, so a list that cannot match `text`
    /// cannot match a part of it.
    pub fn find_in<'t>(
        &self,
        text: &'t CueText,
        range: std::ops::Range<usize>,
    ) -> Option<(usize, usize, &'t str)> {
        let part = Part {
            text: &text[range],
            may: text.may_match(self.bit),
            lower: text.known_lower(),
        };
        let (start, end, _) = self.find(&part)?;
        Some((start, end, &part.text[start..end]))
    }

    /// Every non-overlapping match, as (start, end).
    pub fn find_all<H: Haystack + ?Sized>(&self, text: &H) -> Vec<(usize, usize)> {
        self.on_lower(text, |t| {
            let whole = match (&self.whole, self.parts.as_deref()) {
                (Some(whole), _) => whole,
                (None, Some(split)) => match split.whole() {
                    Some(whole) => whole,
                    None => return split_matches(split, t),
                },
                (None, None) => return Vec::new(),
            };
            whole
                .for_text(t)
                .find_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect()
        })
        .unwrap_or_default()
    }
}

/// Every match of a split list without its whole alternation: the two parts'
/// matches, left to right, each dropped where it overlaps one kept before it.
fn split_matches(split: &Split, t: &str) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = [&split.plain, &split.windows]
        .iter()
        .flat_map(|e| e.for_text(t).find_iter(t).map(|m| (m.start(), m.end())))
        .collect();
    all.sort_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for m in all {
        if kept.last().is_none_or(|last| m.0 >= last.1) {
            kept.push(m);
        }
    }
    kept
}

/// A part of a [`CueText`], marked as the whole is: see [`Lexicon::find_in`].
struct Part<'t> {
    text: &'t str,
    may: bool,
    lower: bool,
}

impl Haystack for Part<'_> {
    fn text(&self) -> &str {
        self.text
    }
    fn may_match(&self, _: CueSet) -> bool {
        self.may
    }
    fn known_lower(&self) -> bool {
        self.lower
    }
}

/// `text` lower-cased (borrowed as is when it already is) with the same byte
/// offsets, so that a match in it points into `text`: how every cue list reads
/// a text.
pub(crate) fn lower_in_place(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_upper(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lower = text.to_lowercase();
    // Lower-casing kept every byte offset (the usual case): match on it.
    if lower.len() == text.len() {
        return std::borrow::Cow::Owned(lower);
    }
    // A rare letter changed length when lower-cased: fold letter by letter,
    // keeping offsets.
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(one), None) if one.len_utf8() == c.len_utf8() => one,
                    _ => c,
                }
            })
            .collect(),
    )
}

/// Asked before every lexicon search, mostly of text already lower-cased: an
/// ASCII text is tested eight bytes at a time, since a byte-by-byte scan of
/// every statement for every lexicon cost more than some of the searches.
pub(super) fn has_upper(text: &str) -> bool {
    if !text.is_ascii() {
        return text.chars().any(char::is_uppercase);
    }
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let word_has_upper = |w: u64| {
        // Every byte is below 0x80, so neither sum carries into the next byte:
        // a byte's high bit is set in `from_a` when it is >= b'A' and in
        // `past_z` when it is > b'Z'.
        let from_a = w + ONES * u64::from(0x80 - b'A');
        let past_z = w + ONES * u64::from(0x80 - b'Z' - 1);
        from_a & !past_z & HIGH != 0
    };
    let chunks = text.as_bytes().chunks_exact(8);
    let tail = chunks.remainder();
    chunks
        .map(|c| u64::from_ne_bytes(c.try_into().expect("eight bytes")))
        .any(word_has_upper)
        || tail.iter().any(u8::is_ascii_uppercase)
}

/// Lower-case the literal letters of a pattern, leaving escapes (`\W`, `\D`,
/// `\p{Lu}`) and flag groups (`(?i)`, `(?-u:...)`) as written.
fn lowercase_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(escaped) = chars.next() {
                    out.push(escaped);
                    // \p{Greek} / \P{Lu}: keep the class name.
                    if matches!(escaped, 'p' | 'P') && chars.peek() == Some(&'{') {
                        for n in chars.by_ref() {
                            out.push(n);
                            if n == '}' {
                                break;
                            }
                        }
                    }
                }
            }
            '(' if chars.peek() == Some(&'?') => {
                out.push(c);
                // Copy a flag group's flags up to ':' or ')'.
                for n in chars.by_ref() {
                    out.push(n);
                    if n == ':' || n == ')' {
                        break;
                    }
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Compile with a lazy-DFA cache large enough for a long alternation, so a big
/// input is scanned without the cache being rebuilt again and again.
fn build(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .size_limit(32 << 20)
        .build()
}

/// [`build`] for the whole alternation of a split list: the sum of its two
/// parts' limits.
fn build_whole(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .size_limit(64 << 20)
        .build()
}

/// Wrap a pattern in word boundaries on the sides that start or end with a word
/// character, so "AE" does not match inside "Michael". ASCII boundaries keep the
/// fast DFA engine in play (a Unicode `\b` makes it fall back on non-ASCII text).
/// An edge letter outside ASCII ("sí", "được", "él") takes a Unicode boundary:
/// an ASCII one never holds next to it (its bytes are no ASCII word), so the
/// cue would never match. The Unicode form is only asked of text that has
/// such letters ([`WordRegex`]).
///
/// A pattern that ends in an escape ("to \\d", "approved \\d") ends in a class,
/// not a letter: a boundary after it would hold only after a last single
/// digit, so "from 9 to 14" and "approved 15%" would never match.
fn bounded(pattern: &str) -> String {
    let edge = |c: Option<char>| match c {
        Some(c) if c.is_ascii_alphanumeric() => r"(?-u:\b)",
        Some(c) if c.is_alphanumeric() => r"\b",
        _ => "",
    };
    let last = if ends_in_escape(pattern) {
        ""
    } else {
        edge(pattern.chars().last())
    };
    format!("{}(?:{}){}", edge(pattern.chars().next()), pattern, last)
}

/// Whether the pattern's last character is escaped (`\d`, `\w`, `\b`): an odd
/// run of backslashes stands before it.
fn ends_in_escape(pattern: &str) -> bool {
    let mut chars = pattern.chars().rev();
    chars.next();
    chars.take_while(|&c| c == '\\').count() % 2 == 1
}

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;
