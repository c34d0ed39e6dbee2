//! Counting a file's words that are bullet speaker names: a bullet's `Name:`
//! prefix names a speaker when the name's first word appears elsewhere in the
//! file as a word. Done once per file, over the whole text, so it has to be
//! cheap on a long file with many names.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

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
        && let Some(counts) = search_names(text, &keys)
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
    let mut counts = vec![0usize; keys.len()];
    for m in finder.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
            counts[m.pattern().as_usize()] += 1;
        }
    }
    Some(counts)
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

    #[test]
    fn name_counts_agree_with_looking_up_every_word() {
        let names = [
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
        let long = "Keiko, Keiko-san's Kei. ".repeat(5_000);
        for text in [
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
            &long,
        ] {
            assert_eq!(
                count_fast(text, &names),
                count_by_lines(text, &names),
                "{text:?}"
            );
        }
    }
}
