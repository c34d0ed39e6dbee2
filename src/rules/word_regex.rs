//! Word boundaries without the slow path: the `regex` crate's fast engines
//! give up on a Unicode `\b` at the first non-ASCII byte. Most notes are
//! ASCII but for a dash, a curly quote or a pound sign, none of which is a
//! word character, and there an ASCII `\b` decides exactly what the Unicode
//! one would. [`WordRegex`] keeps both forms and picks per text.

use regex::Regex;
use std::sync::OnceLock;

/// Whether `text` has a non-ASCII character that a Unicode `\w` matches (a
/// letter, mark, digit or connector), where Unicode and ASCII word boundaries
/// can disagree.
pub(crate) fn has_non_ascii_word(text: &str) -> bool {
    static WORD: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").expect("valid class"));
    WORD.is_match(text)
}

/// `pattern` with each Unicode word-boundary assertion (`\b`, `\B`, outside a
/// character class) written as its ASCII form, or `None` when it has none.
pub(crate) fn ascii_word_bounds(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut changed = false;
    let mut class_depth = 0usize;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else {
                    out.push(c);
                    break;
                };
                if class_depth == 0 && matches!(escaped, 'b' | 'B') && !out.ends_with("(?-u:") {
                    out.push_str("(?-u:\\");
                    out.push(escaped);
                    out.push(')');
                    changed = true;
                } else {
                    out.push(c);
                    out.push(escaped);
                }
            }
            '[' => {
                class_depth += 1;
                out.push(c);
                // A `]` or `^]` right after the opening bracket is literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap_or('^'));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap_or(']'));
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            c => out.push(c),
        }
    }
    changed.then_some(out)
}

/// Whether a pattern's ASCII-boundary twin finds in `text` exactly what the
/// pattern finds: no character of `text` is both non-ASCII and a word character.
pub fn ascii_bounds_agree(text: &str) -> bool {
    text.is_ascii() || !has_non_ascii_word(text)
}

/// How a [`WordRegex`] compiles a pattern (a builder with its own limits).
pub type Build = fn(&str) -> Result<Regex, regex::Error>;

/// A regex and, when it has word boundaries, its ASCII-boundary twin.
///
/// Either form may be compiled on first use ([`WordRegex::lazy`]): a run of
/// baton compiles every lexicon of `rules.toml` at start, and most of a short
/// bundle's text never asks most lists (the cue index skips them) nor the
/// Unicode form of any (its text is ASCII). Compiling both forms of every list
/// up front was three quarters of a small bundle's analysis (measured with
/// perf on the release binary: `Rules::compile` 76% of a one-line bundle).
#[derive(Debug, Clone)]
pub struct WordRegex {
    pattern: Box<str>,
    build: Build,
    unicode: OnceLock<Regex>,
    /// The twin, or `None` when the pattern has no word boundary or the twin
    /// does not build (a size limit only costs speed).
    ascii: OnceLock<Option<Regex>>,
}

impl WordRegex {
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Self::build(pattern, Regex::new)
    }

    /// Both forms built now by `build`, so an error is the caller's to report.
    pub fn build(pattern: &str, build: Build) -> Result<Self, regex::Error> {
        let regex = Self::lazy(pattern, build);
        regex.force()?;
        Ok(regex)
    }

    /// Each form built by `build` when first asked for. For a pattern known to
    /// build (the shipped rules, a test builds them all) or one checked with
    /// [`Self::force`]; should it fail after all, it matches nothing.
    pub fn lazy(pattern: &str, build: Build) -> Self {
        Self {
            pattern: pattern.into(),
            build,
            unicode: OnceLock::new(),
            ascii: OnceLock::new(),
        }
    }

    /// Build both forms now: the Unicode form's error, if any.
    pub fn force(&self) -> Result<(), regex::Error> {
        if self.unicode.get().is_none() {
            let built = (self.build)(&self.pattern)?;
            let _ = self.unicode.set(built);
        }
        self.twin();
        Ok(())
    }

    fn unicode(&self) -> &Regex {
        self.unicode.get_or_init(|| {
            (self.build)(&self.pattern).unwrap_or_else(|_| {
                // An empty class: a regex that can never match.
                Regex::new(r"[^\s\S]").expect("an empty class is a valid regex")
            })
        })
    }

    fn twin(&self) -> Option<&Regex> {
        self.ascii
            .get_or_init(|| ascii_word_bounds(&self.pattern).and_then(|p| (self.build)(&p).ok()))
            .as_ref()
    }

    /// The form to run on a text of which [`ascii_bounds_agree`] said `agree`.
    pub fn on(&self, agree: bool) -> &Regex {
        if agree && let Some(twin) = self.twin() {
            return twin;
        }
        self.unicode()
    }

    /// The form to run on `text`.
    pub fn for_text(&self, text: &str) -> &Regex {
        self.on(ascii_bounds_agree(text))
    }

    #[cfg(test)]
    pub(crate) fn has_twin(&self) -> bool {
        self.twin().is_some()
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_twin_only_rewrites_unicode_boundaries() {
        assert_eq!(ascii_word_bounds(r"(?-u:\b)(?:ae)(?-u:\b)"), None);
        assert_eq!(
            ascii_word_bounds(r"\bfree\b|[\b\]x]\\b|\Bz"),
            Some(r"(?-u:\b)free(?-u:\b)|[\b\]x]\\b|(?-u:\B)z".to_string())
        );
    }

    #[test]
    fn twin_finds_what_the_unicode_form_finds_where_it_is_used() {
        let re = WordRegex::new(r"(?i)\b(?:\d+|four) weeks?\b").unwrap();
        for text in [
            "in four weeks — maybe 6 weeks",
            "“4 weeks” at £0",
            "caféfour weeks",
            "four weeksé and 2 week",
            "plain ascii 3 weeks",
        ] {
            let expected: Vec<_> = re.unicode().find_iter(text).map(|m| m.range()).collect();
            let got: Vec<_> = re
                .for_text(text)
                .find_iter(text)
                .map(|m| m.range())
                .collect();
            assert_eq!(got, expected, "{text}");
        }
        assert!(!ascii_bounds_agree("café"));
        assert!(ascii_bounds_agree("a — b “c” £5"));
    }
}
