//! Word-level helpers for comparing a promise with a scope line: content words,
//! a light stemmer, tokens and clipping.

use foldhash::HashSet;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::LazyLock;

const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "is",
    "are",
    "be",
    "will",
    "we",
    "our",
    "they",
    "their",
    "them",
    "it",
    "its",
    "that",
    "this",
    "as",
    "all",
    "any",
    "each",
    "per",
    "up",
    "into",
    "no",
    "not",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "within",
    "after",
    "before",
    "than",
    "told",
    "agreed",
    "confirmed",
    "said",
    "would",
    "can",
    "you",
    "your",
    "her",
    "him",
    "his",
    "she",
    "he",
    "i",
    "me",
    "my",
    "us",
    "have",
    "has",
    "had",
    "was",
    "were",
    "so",
    "if",
    "but",
    "also",
    "include",
    "included",
    "including",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "year",
    "years",
    "hours",
    "hour",
    "get",
    "gets",
    "make",
    "sure",
    "what",
    "which",
    "there",
    "then",
    "when",
    "who",
    "out",
    "over",
    "only",
    "more",
    "less",
    "about",
    "just",
    "do",
    "does",
];

/// Borrowed unless the stem is a new word ("policies" -> "policy"): every
/// word of every promise is stemmed, most of them to a slice of themselves.
pub(super) fn stem(w: &str) -> Cow<'_, str> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.len() > 4 && w.ends_with("ies") {
        Cow::Owned(format!("{}y", &w[..w.len() - 3]))
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        Cow::Borrowed(&w[..w.len() - 1])
    } else {
        Cow::Borrowed(w)
    }
}

pub(super) fn is_stopword(w: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(w)
}

/// Stemmed words that carry the topic of a lower-cased line.
pub(super) fn content_words(lower: &str) -> BTreeSet<String> {
    content_parts(lower).map(Cow::into_owned).collect()
}

/// The words [`content_words`] collects, in order and with repeats.
pub(super) fn content_parts(lower: &str) -> impl Iterator<Item = Cow<'_, str>> {
    // "group-wide" carries "group" too; "go-live" carries "live".
    let parts = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .flat_map(|w| std::iter::once(w).chain(w.split('-').filter(move |_| w.contains('-'))));
    parts
        .filter(|w| w.len() > 2 && !w.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .map(stem)
        .filter(|w| !is_stopword(w) && w.len() > 2)
}

/// Every word of a lower-cased text, as written and stemmed.
pub(super) fn tokens(lower: &str) -> BTreeSet<String> {
    token_parts(lower).map(Cow::into_owned).collect()
}

/// The words [`tokens`] collects, each followed by its stem where that differs.
pub(super) fn token_parts(lower: &str) -> impl Iterator<Item = Cow<'_, str>> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let stemmed = stem(w);
            let other = (stemmed != w).then_some(stemmed);
            std::iter::once(Cow::Borrowed(w)).chain(other)
        })
}

/// Whether `word` (lower-case) appears in `lower` as a whole word.
pub(super) fn has_word(lower: &str, word: &str) -> bool {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| w == word || stem(w) == word)
}

pub(super) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}...", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_stem_plurals_and_drop_stopwords() {
        let words = content_words("two extra admin training sessions for the team");
        assert!(words.contains("session"));
        assert!(words.contains("training"));
        assert!(!words.contains("the"));
    }
}
