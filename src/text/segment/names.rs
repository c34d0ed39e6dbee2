//! Counting a file's words that are bullet speaker names: a bullet's `Name:`
//! prefix names a speaker when the name's first word appears elsewhere in the
//! file as a word. Done once per file, over the whole text, so it has to be
//! cheap on a long file with many names.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Match, MatchKind, packed};
use foldhash::HashMap;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// The words of `s` as names are counted: maximal runs of alphanumeric chars,
/// `'` and `-`.
fn name_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// Below this many bytes, words are looked up one by one; above it, one
/// Aho-Corasick pass over the text repays building the automaton.
const NAME_SEARCH_MIN: usize = 4096;

/// Adds to each count of `names` the number of words of `text` (see
/// [`name_words`]) equal to the name. The words of the text are those of its
/// lines' bodies, which were counted one by one at first: a body is its line
/// less a quote prefix and spaces, none of them word chars.
pub(super) fn count_name_words(text: &str, names: &mut HashMap<String, usize>) {
    // Names made of other chars never equal a word.
    let keys: Vec<String> = names
        .keys()
        .filter(|k| !k.is_empty() && k.chars().all(is_word_char))
        .cloned()
        .collect();
    if keys.is_empty() {
        return;
    }
    if text.len() >= NAME_SEARCH_MIN
        && let Some(counts) = packed_search_names(text, &keys).or_else(|| search_names(text, &keys))
    {
        for (key, n) in keys.iter().zip(counts) {
            if let Some(count) = names.get_mut(key) {
                *count += n;
            }
        }
        return;
    }
    // Every name opens with a capital (a weak speaker's name is capitalised):
    // words that do not, or that are shorter or longer than every name, are
    // not looked up.
    let shortest = keys.iter().map(String::len).min().unwrap_or(0);
    let longest = keys.iter().map(String::len).max().unwrap_or(0);
    for w in name_words(text) {
        if (shortest..=longest).contains(&w.len())
            && w.starts_with(char::is_uppercase)
            && let Some(n) = names.get_mut(w)
        {
            *n += 1;
        }
    }
}

/// [`search_names`] with a packed (SIMD) searcher, which builds in a fraction
/// of the time an automaton takes, and most files search few names. `None`
/// where there is none (too many names, no SIMD on this CPU).
fn packed_search_names(text: &str, keys: &[String]) -> Option<Vec<usize>> {
    let finder = packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostLongest)
        .builder()
        .extend(keys)
        .build()?;
    Some(count_bounded(text, keys.len(), finder.find_iter(text)))
}

/// How many words of `text` equal each of `keys` (names made of word chars),
/// in one Aho-Corasick pass: a match counts when no word char touches it.
/// `None` if the automaton cannot be built.
///
/// Leftmost-longest matching misses no such word: a match that starts before a
/// word ends before it (keys are made of word chars, and the char ahead of a
/// word is not one), and of the keys that start where a word starts, the
/// longest is the word itself when the word is a key (a longer one would take
/// in the char after the word).
fn search_names(text: &str, keys: &[String]) -> Option<Vec<usize>> {
    // Built for each file: an NFA builds in a fraction of a DFA's time.
    let finder = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(keys)
        .ok()?;
    Some(count_bounded(text, keys.len(), finder.find_iter(text)))
}

/// Counts by pattern of the `matches` (of either searcher) that no word char
/// touches.
fn count_bounded(text: &str, patterns: usize, matches: impl Iterator<Item = Match>) -> Vec<usize> {
    let mut counts = vec![0usize; patterns];
    for m in matches {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
            counts[m.pattern().as_usize()] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::lines::classify_lines;

    /// Counting as first written: every word of every line's body looked up.
    fn count_by_lines(text: &str, names: &[&str]) -> Vec<usize> {
        let mut counts: HashMap<String, usize> = names.iter().map(|n| (n.to_string(), 0)).collect();
        for l in classify_lines(text) {
            for w in name_words(l.body) {
                if let Some(n) = counts.get_mut(w) {
                    *n += 1;
                }
            }
        }
        names.iter().map(|n| counts[*n]).collect()
    }

    fn count_fast(text: &str, names: &[&str]) -> Vec<usize> {
        let mut counts: HashMap<String, usize> = names.iter().map(|n| (n.to_string(), 0)).collect();
        count_name_words(text, &mut counts);
        names.iter().map(|n| counts[*n]).collect()
    }

    const NAMES: &[&str] = &[
        "Keiko",
        "Kei",
        "Keiko-san",
        "Ana",
        "Anna",
        "O'Neill",
        "José",
        "Ⅷ",
        "J.R.",
        "Ana’s",
        "İlker",
        "\u{212a}elvin",
        "Ab",
        "A",
        "Aba",
        "Ba",
    ];

    const TEXTS: &[&str] = &[
        "",
        "Keiko",
        "- Keiko: we'll send it.\nKeiko to send; Keikos no; xKeiko no; Keiko-san yes",
        "> Ana and Anna met AnaAnna, Ana-Anna, 'Ana' and Ana’s dog.\r\n>> Ana\r\n",
        "O'Neill O'Neills -O'Neill- José Josée JoséJosé Ⅷ Ⅷx ⅧⅧ",
        "J.R. said J.R. Ana’s Ana’s",
        "İlker İlkerİlker \u{212a}elvin kelvin",
        "AbaBa Aba Ba AbA Ab A A-A Aba-Ba ABA",
        "\u{a0}Ana\u{2003}Ana\u{3000}Ana\tAna\u{85}Ana",
        "   \t> > Keiko\n\n---\nKeiko: x\n---\nKeiko",
    ];

    #[test]
    fn name_counts_agree_with_looking_up_every_word() {
        let long = "Keiko, Keiko-san's Kei. ".repeat(5_000);
        for text in TEXTS.iter().copied().chain([long.as_str()]) {
            assert_eq!(
                count_fast(text, NAMES),
                count_by_lines(text, NAMES),
                "{text:?}"
            );
        }
    }

    #[test]
    fn both_searchers_agree_with_looking_up_every_word() {
        let pad = "Filler, with words; Keik o Anab. ".repeat(130);
        let many: Vec<String> = (0..300).map(|i| format!("Name{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let mut packed_built = 0;
        for text in TEXTS {
            for padded in [
                format!("{pad}{text}"),
                format!("{text}{pad}"),
                format!("{text}\n{pad}{text} Name7 Name299"),
            ] {
                assert!(padded.len() >= NAME_SEARCH_MIN);
                for names in [NAMES, &NAMES[..1], &NAMES[3..5], &NAMES[12..], &many] {
                    let keys: Vec<&str> = names
                        .iter()
                        .copied()
                        .filter(|k| k.chars().all(is_word_char))
                        .collect();
                    let owned: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
                    let expected = count_by_lines(&padded, &keys);
                    if let Some(counts) = packed_search_names(&padded, &owned) {
                        packed_built += 1;
                        assert_eq!(counts, expected, "packed {keys:?} {padded:?}");
                    }
                    let counts = search_names(&padded, &owned);
                    assert_eq!(counts, Some(expected), "automaton {keys:?} {padded:?}");
                }
            }
        }
        // SSSE3 is what the packed searcher needs here.
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("ssse3") {
            assert!(packed_built >= 4 * TEXTS.len() * 3, "{packed_built}");
        }
    }
}
