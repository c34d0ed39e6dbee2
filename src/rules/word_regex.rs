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
/// character class) written as its ASCII form, and each Unicode class of word
/// characters (`\w`, `\d`, `\p{L}`, `\p{Lu}`, `\p{Ll}` and their negations)
/// as its ASCII set; `None` when it has none of them. On a text where no
/// non-ASCII character is a word character ([`ascii_bounds_agree`]) each
/// finds exactly what its Unicode form finds: a digit or a letter is a word
/// character, so there the Unicode classes hold only their ASCII members (and
/// a negation every non-ASCII character, as `[^0-9]` does). The sets are what
/// make the twin cheap: a Unicode `\w` in a window such as `(?:\w+ ){0,3}` is
/// thousands of automaton states, built each run.
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
                let property = match escaped {
                    'p' | 'P' => Some(property_name(&mut chars)),
                    _ => None,
                };
                if class_depth == 0 && matches!(escaped, 'b' | 'B') && !out.ends_with("(?-u:") {
                    out.push_str("(?-u:\\");
                    out.push(escaped);
                    out.push(')');
                    changed = true;
                } else if let Some(set) = ascii_set(escaped, property.as_deref()) {
                    // A nested class inside a class is a union: `[\w-]` is
                    // `[[0-9A-Za-z_]-]`.
                    out.push_str(&set);
                    changed = true;
                } else {
                    out.push(c);
                    out.push(escaped);
                    if let Some(name) = property {
                        out.push_str(&name);
                    }
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

/// The name of a `\p` or `\P` class as written after the letter: `{Lu}` or
/// one letter (`L`).
fn property_name(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut name = String::new();
    if chars.peek() == Some(&'{') {
        for c in chars.by_ref() {
            name.push(c);
            if c == '}' {
                break;
            }
        }
    } else if let Some(c) = chars.next() {
        name.push(c);
    }
    name
}

/// The ASCII set a Unicode class of word characters holds on a text without
/// non-ASCII word characters (`escaped` the letter after the backslash,
/// `property` what follows `\p`/`\P`), or `None` for any other escape.
fn ascii_set(escaped: char, property: Option<&str>) -> Option<String> {
    let members = match (escaped, property) {
        ('w' | 'W', _) => "0-9A-Za-z_",
        ('d' | 'D', _) => "0-9",
        ('p' | 'P', Some("L" | "{L}" | "{Letter}")) => "A-Za-z",
        ('p' | 'P', Some("{Lu}" | "{Uppercase_Letter}")) => "A-Z",
        ('p' | 'P', Some("{Ll}" | "{Lowercase_Letter}")) => "a-z",
        _ => return None,
    };
    let negated = matches!(escaped, 'W' | 'D' | 'P');
    Some(format!("[{}{members}]", if negated { "^" } else { "" }))
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

    /// Whether the form [`Self::for_text`] picks finds what the Unicode form
    /// finds in `text`.
    #[cfg(test)]
    pub(crate) fn twin_agrees(&self, text: &str) -> bool {
        let spans = |re: &Regex| re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
        spans(self.for_text(text)) == spans(self.unicode())
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
    fn ascii_twin_writes_word_classes_as_ascii_sets() {
        assert_eq!(
            ascii_word_bounds(r"(?:\w+ ){0,3}\d|[\w&-]\W\D[^\d.]"),
            Some(
                r"(?:[0-9A-Za-z_]+ ){0,3}[0-9]|[[0-9A-Za-z_]&-][^0-9A-Za-z_][^0-9][^[0-9].]".into()
            )
        );
        assert_eq!(
            ascii_word_bounds(r"\p{Lu}\p{Ll}+ \pL\P{L}\p{Greek}\\w"),
            Some(r"[A-Z][a-z]+ [A-Za-z][^A-Za-z]\p{Greek}\\w".into())
        );
        assert_eq!(ascii_word_bounds(r"a\s.b\\d"), None);
    }

    #[test]
    fn twin_finds_what_the_unicode_form_finds_where_it_is_used() {
        let patterns = [
            r"(?i)\b(?:\d+|four) weeks?\b",
            r"before the (?:\w+ ){1,4}(?:begins|starts)\b",
            r"from \d+(?:[.,]\d+)? ?%? .{0,20}\bto \d",
            r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)? \(([^()]{1,80})\)",
            r"[\w.]+@\w+|\W{2,}|\D\d\D|[^\w\s]+",
        ];
        let texts = [
            "in four weeks — maybe 6 weeks",
            "“4 weeks” at £0",
            "caféfour weeks",
            "four weeksé and 2 week",
            "plain ascii 3 weeks",
            "before the busy summer season begins — or before the Pâques rush starts",
            "from 71% to 85%, from 3,5 % — to 4; from 12 hrs to 3",
            "Ana Müller (CFO) met Jo O’Neil (Acme — “ops”) and Ünal (Head)",
            "mail jo.ng@acme — £5/€6 ‘x’ a1b 2c3 ___ ¿qué? ¡sí!",
            "١٢ ٣ and ½ or ² — digits that are not ASCII",
        ];
        for pattern in patterns {
            let re = WordRegex::new(pattern).unwrap();
            assert!(re.has_twin(), "{pattern}");
            for text in texts {
                let expected: Vec<_> = re.unicode().find_iter(text).map(|m| m.range()).collect();
                let got: Vec<_> = re
                    .for_text(text)
                    .find_iter(text)
                    .map(|m| m.range())
                    .collect();
                assert_eq!(got, expected, "{pattern} on {text}");
            }
        }
        assert!(!ascii_bounds_agree("café"));
        assert!(!ascii_bounds_agree("١٢"));
        assert!(ascii_bounds_agree("a — b “c” £5 ½"));
    }
}
