//! Numbers as loose counts write them: a figure grouped in thousands by dots
//! ("1.200"), a number in several words ("eight hundred fifty"), and a
//! number in words closed by its figure in brackets ("two hundred and fifty
//! (250)"), whose label stands before the words.

use super::figures::is_number_word;
use crate::analysis::quantity::parse_number;

/// A word of a count without the brackets, emphasis and punctuation around
/// it ("**840**", "(250).").
pub(super) fn bare_token(word: &str) -> &str {
    word.trim_start_matches(['~', '(', '*', '_'])
        .trim_end_matches([',', ')', '.', ';', ':', '*', '_'])
}

/// A number written in several words from `words[at]` ("eight hundred
/// fifty", "two hundred and ten", "twelve thousand,"), with the index of the
/// word after it; none for a number of one word. The number ends at
/// punctuation, and a run that does not read as one number is cut back to
/// its longest head that does.
pub(super) fn number_run(words: &[&str], at: usize) -> Option<(f64, usize)> {
    let mut run = Vec::new();
    for raw in words.iter().skip(at).take(8) {
        let word = bare_token(raw);
        if !is_number_word(word) {
            break;
        }
        run.push(word);
        if raw.ends_with([',', '.', ';', ':', ')']) {
            break;
        }
    }
    while run.last() == Some(&"and") {
        run.pop();
    }
    (2..=run.len())
        .rev()
        .find_map(|n| parse_number(&run[..n].join(" ")).map(|v| (v, at + n)))
}

/// Whether a word of a count opens a bracket: the figure that restates a
/// number in words ("(250)").
pub(super) fn token_opens_bracket(word: &str) -> bool {
    word.trim_start_matches(['~', '*', '_']).starts_with('(')
}

/// Where the words of a number end before its bracketed figure start:
/// `before.len()` less the number words that end it ("... users: two hundred
/// and fifty" -> the index of "two"), or `before.len()` for a figure that
/// stands alone.
pub(super) fn number_words_before(before: &[&str], bracketed: bool) -> usize {
    if !bracketed {
        return before.len();
    }
    let mut at = before.len();
    while at > 0
        && is_number_word(before[at - 1].trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
    {
        at -= 1;
    }
    // "and" alone is no number.
    while at < before.len() && before[at] == "and" {
        at += 1;
    }
    at
}

/// A whole number grouped in thousands by dots, as much of Europe, Africa
/// and Latin America writes it ("1.200 plugs", "14.500"): every group after
/// the first has exactly three digits. A decimal ("1.5", "99.95") does not.
pub(super) fn dot_grouped(token: &str) -> Option<f64> {
    let mut groups = token.split('.');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    let mut any = false;
    for g in groups {
        if g.len() != 3 || !g.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
        any = true;
    }
    if !any {
        return None;
    }
    digits.parse().ok()
}

/// Whether the words after a number word finish the number with its figure
/// in brackets: "thirty (30)", "hundred and thirty (130)".
pub(super) fn bracketed_figure_follows(rest: &[&str]) -> bool {
    for w in rest {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        if bare.starts_with('(') {
            let inner = bare.trim_start_matches('(').trim_end_matches(')');
            return !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit() || c == ',');
        }
        if !is_number_word(w) {
            return false;
        }
    }
    false
}
