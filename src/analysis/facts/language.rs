//! The languages a product, its training, its documents or its support come
//! in: names from two word families (`pair_facts.languages`, then
//! `more_languages` from bit 64, since the world's languages outnumber a
//! 64-bit set), each in the main languages deals mix in ("Spanish",
//! "espagnol", "Spanisch").

use crate::rules::{CueText, Lexicon, Rules};

/// The languages a statement says something comes in: language names where
/// the statement speaks of language ("bilingual", "other languages"), names
/// one after "in" or "into" ("the crew app in Polish"), or names the thing
/// that comes in it right after the name ("a Tamil dashboard", "Spanish chute
/// app"); a name alone ("Polish crew", "the Korean team") says nothing of a
/// language.
pub(super) fn languages(rules: &Rules, lower: &CueText) -> Option<u128> {
    let p = &rules.pair_facts;
    let bits = bits_of(&p.languages, &p.more_languages, lower);
    if bits == 0 {
        return None;
    }
    if p.language_cue.is_match(lower) {
        return Some(bits);
    }
    // Without a word for language, only the names after "in" count, with
    // those listed after them ("in Spanish and English"), and a name before
    // what comes in it.
    let text: &str = lower;
    let mut found: Vec<(usize, usize)> = p.languages.find_all(lower);
    found.extend(p.more_languages.find_all(lower));
    found.sort_unstable();
    let mut named = 0u128;
    let mut listing = false;
    for (a, b) in found {
        let before = text[..a].trim_end();
        let after_in = IN.iter().any(|w| before.ends_with(w));
        let listed = listing && LISTED.iter().any(|w| before.ends_with(w));
        listing = after_in || listed || names_its_object(rules, before, &text[b..]);
        if listing {
            named |= bits_of(&p.languages, &p.more_languages, &text[a..b]);
        }
    }
    (named != 0).then_some(named)
}

/// "in" before a language, in the languages deals mix in ("en español",
/// "em português", "auf Deutsch", "på svenska").
const IN: &[&str] = &[" in", " into", " en", " em", " auf", " på", " na"];

/// What joins one language of a list to the next.
const LISTED: &[&str] = &[
    " and", " or", " y", " et", " e", " und", " oder", " ou", ",", "/", "&", "+",
];

/// Whether the words by a language name are what comes in it: the next
/// word or the one after it ("Tamil dashboard", "Spanish chute app",
/// "French stubs"), or the word before it, as the Romance languages put the
/// name after the noun ("l'application française", "versión española").
fn names_its_object(rules: &Rules, before: &str, after: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let object = |w: &String| rules.pair_facts.language_object.is_match(w.as_str());
    words(after).iter().take(2).any(object) || words(before).last().is_some_and(object)
}

/// The families of both lists that `text` names, as one bit set.
fn bits_of<H: crate::rules::Haystack + ?Sized>(first: &Lexicon, more: &Lexicon, text: &H) -> u128 {
    u128::from(first.families(text)) | u128::from(more.families(text)) << 64
}

/// The names of the languages `bits` holds, for a summary.
pub(super) fn names(rules: &Rules, bits: u128) -> Vec<String> {
    let p = &rules.pair_facts;
    (0..128)
        .filter(|i| bits & (1u128 << i) != 0)
        .filter_map(|i| {
            if i < 64 {
                p.languages.entry(i)
            } else {
                p.more_languages.entry(i - 64)
            }
        })
        .map(|e| e.split('|').next().unwrap_or(e).to_string())
        .collect()
}
