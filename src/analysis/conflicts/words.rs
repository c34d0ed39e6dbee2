//! Word-level helpers for comparing a promise with a scope line: content words,
//! a light stemmer and the proper nouns a line names.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
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

/// Capitalised words that open sentences or name common things, not proper nouns.
const COMMON_CAPITALS: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Or",
    "Any",
    "All",
    "Each",
    "Our",
    "Your",
    "Their",
    "We",
    "You",
    "They",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "Not",
    "No",
    "None",
    "Integration",
    "Integrations",
    "Customer",
    "Client",
    "Provider",
    "Vendor",
    "Services",
    "Service",
    "Support",
    "Training",
    "Implementation",
    "Onsite",
    "On-site",
    "Remote",
    "Custom",
    "Additional",
    "Other",
    "Phase",
    "Section",
    "Schedule",
    "Appendix",
    "Exhibit",
    "Order",
    "Form",
    "Statement",
    "Work",
    "SOW",
    "Design",
    "Development",
    "Out",
    "Scope",
    "Included",
    "Excluded",
    "Available",
    "Fees",
    "Fee",
    "Price",
    "Pricing",
    "Term",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Priority",
    "Standard",
    "Premium",
    "Professional",
    "Enterprise",
    "Business",
    "Platform",
    "Project",
    "Program",
    "Plan",
    "Sites",
    "Site",
    "Users",
    "User",
    "Seats",
    "Seat",
    "Licences",
    "Licenses",
    "Note",
    "Notes",
    "If",
    "For",
    "With",
    "From",
    "To",
    "In",
    "On",
    "At",
    "By",
    "As",
    "Up",
    "Two-way",
    "One-way",
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

/// Capitalised words of a line that are not common capitals, lower-cased, with
/// whether each opened a sentence (where capitals prove nothing).
fn capitalised(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    each_capitalised(text, |word, opens| {
        if !COMMON_CAPITALS.contains(&word) {
            out.push((word.to_lowercase(), opens));
        }
    });
    out
}

/// Calls `f` with each word of `text` (trimmed of punctuation) that opens with
/// a capital, holds a lower-case letter and is three bytes or longer, and with
/// whether it opened a sentence. Cheapest tests first; an ASCII text is split
/// byte by byte (the vertical tab, white space to `split_whitespace` but not
/// to the ASCII split, sends a text the long way).
fn each_capitalised<'t>(text: &'t str, mut f: impl FnMut(&'t str, bool)) {
    let mut sentence_start = true;
    let mut visit = |raw: &'t str| {
        let opens = sentence_start;
        sentence_start = raw.ends_with(['.', ':', ';']) || !raw.chars().any(char::is_alphabetic);
        // A word opening in lower case or with a digit is none (most words).
        if raw.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()) {
            return;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if word.len() >= 3
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
        {
            f(word, opens);
        }
    };
    if text.is_ascii() && !text.contains('\x0B') {
        text.split_ascii_whitespace().for_each(&mut visit);
    } else {
        text.split_whitespace().for_each(&mut visit);
    }
}

/// The names a bundle uses: words capitalised in the middle of a sentence
/// somewhere in it ("Muncie", "Isah", "KitchenLedger"): what [`names_among`]
/// is held to.
#[cfg(test)]
fn names_in<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    texts
        .flat_map(capitalised)
        .filter(|(_, opens)| !opens)
        .map(|(w, _)| w)
        .collect()
}

/// The words that open a sentence of these lines (where capitals prove nothing).
pub(super) fn openers<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    texts
        .flat_map(capitalised)
        .filter(|(_, opens)| *opens)
        .map(|(w, _)| w)
        .collect()
}

/// Of the `wanted` words, those [`names_in`] finds in `texts`: the same answer
/// for every wanted word, without collecting every name of a large bundle.
pub(super) fn names_among<'a>(
    texts: impl Iterator<Item = &'a str>,
    wanted: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut lower = String::new();
    for text in texts {
        if found.len() == wanted.len() {
            break;
        }
        // Only a word in mid-sentence names; it is lower-cased into one buffer.
        each_capitalised(text, |word, opens| {
            if opens {
                return;
            }
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&word.to_lowercase());
            }
            if wanted.contains(&lower) && !COMMON_CAPITALS.contains(&word) {
                found.insert(lower.clone());
            }
        });
    }
    found
}

/// The names a line mentions, openers included when the bundle uses the word
/// as a name elsewhere.
pub(super) fn proper_nouns(text: &str, names: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for (word, opens) in capitalised(text) {
        if (!opens || names.contains(&word)) && !out.contains(&word) {
            out.push(word);
        }
    }
    out
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
    fn proper_nouns_skip_openers_and_common_words() {
        let none = BTreeSet::new();
        let found = proper_nouns(
            "Integration with KitchenLedger or any other stock system; available under a separate SOW.",
            &none,
        );
        assert_eq!(found, vec!["kitchenledger"]);
        assert!(
            proper_nouns("Any activity at the Venlo plant", &none).contains(&"venlo".to_string())
        );
        // An opener counts only when the bundle uses it as a name elsewhere.
        assert!(proper_nouns("Muncie sensors installed", &none).is_empty());
        let names = names_in(["the Muncie plant"].into_iter());
        assert_eq!(
            proper_nouns("Muncie sensors installed", &names),
            vec!["muncie"]
        );
    }

    #[test]
    fn names_among_agrees_with_names_in() {
        let texts = [
            "Muncie sensors installed. Then the Muncie plant and Toledo.",
            "Kickoff with Isah. Toledo is next.",
        ];
        let wanted = openers(texts.iter().copied());
        let all = names_in(texts.iter().copied());
        let among = names_among(texts.iter().copied(), &wanted);
        let expected: BTreeSet<String> = all.intersection(&wanted).cloned().collect();
        assert_eq!(among, expected);
        assert!(among.contains("muncie") && among.contains("toledo"));
        // Curly quotes, dashes and non-ASCII capitals in the middle of a word.
        let texts = [
            "Zoë plans — then “Zoë” and ZoË again.",
            "Ëmile opens; later ËMILE and the Ëmile team.",
            "Kickoff — Toledo first, then “Toledo”.",
        ];
        let wanted = openers(texts.iter().copied());
        let all = names_in(texts.iter().copied());
        let expected: BTreeSet<String> = all.intersection(&wanted).cloned().collect();
        assert_eq!(names_among(texts.iter().copied(), &wanted), expected);
        assert!(expected.contains("ëmile"), "{expected:?}");
        // Openers, capitals, short words, common capitals in odd case, a final
        // sigma, words glued to punctuation.
        let texts = [
            "Toledo first. Then Toledo, (Muncie) and -Saltillo; ThE plan: Ops.",
            "ΟΔΥΣΣΕΥΣ met Οδυσσευς and Οδυσσευσ. ACME and Acme-Corp; Acme’s team",
            "The Muncie: Isah! Isah said 42 Toledo's \"Muncie\" Al Bo",
            "Met\x0BToledo and\x0CMuncie\rthen Isah\tAcme",
            "",
        ];
        let wanted = openers(texts.iter().copied())
            .into_iter()
            .chain(["the", "acme", "acme-corp", "οδυσσευς", "al", "muncie"].map(String::from))
            .collect();
        let all = names_in(texts.iter().copied());
        let expected: BTreeSet<String> = all.intersection(&wanted).cloned().collect();
        assert_eq!(names_among(texts.iter().copied(), &wanted), expected);
        assert!(
            expected.contains("acme-corp") && expected.contains("οδυσσευς"),
            "{expected:?}"
        );
    }

    #[test]
    fn content_words_stem_plurals_and_drop_stopwords() {
        let words = content_words("two extra admin training sessions for the team");
        assert!(words.contains("session"));
        assert!(words.contains("training"));
        assert!(!words.contains("the"));
    }
}
