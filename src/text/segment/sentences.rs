//! Sentence boundaries in running text: terminal punctuation followed by space
//! and a word that opens a sentence, not after an abbreviation or an initial.

use super::lower::with_lower;
use crate::text::abbreviations::is_abbreviation;

/// Byte ranges of the sentences of `s` (untrimmed; leading space excluded).
///
/// Text written all in lower case ("ok. if they say no ...", a paragraph whose
/// first letter is lower case) also splits before a lower-case word, except after
/// an ellipsis or an abbreviation.
pub(super) fn sentence_bounds(s: &str) -> Vec<(usize, usize)> {
    let casual = s
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    let b = s.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let c = b[i];
        let is_ellipsis = c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6);
        if !(c == b'.' || c == b'!' || c == b'?' || is_ellipsis) {
            i += 1;
            continue;
        }
        // The run of terminal punctuation.
        let run_start = i;
        let mut j = i;
        loop {
            if j < n && matches!(b[j], b'.' | b'!' | b'?') {
                j += 1;
            } else if j + 2 < n && b[j] == 0xE2 && b[j + 1] == 0x80 && b[j + 2] == 0xA6 {
                j += 3;
            } else {
                break;
            }
        }
        let single_dot = j == run_start + 1 && c == b'.';
        // Closing quotes / brackets.
        let mut end = j;
        while end < n {
            let ch = s[end..].chars().next().unwrap_or(' ');
            if matches!(ch, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '*' | '_') {
                end += ch.len_utf8();
            } else {
                break;
            }
        }
        let mut k = end;
        while k < n && (b[k] == b' ' || b[k] == b'\t') {
            k += 1;
        }
        if k == end || k >= n {
            i = j.max(i + 1);
            continue;
        }
        let next = s[k..].chars().next().unwrap_or(' ');
        let run = &b[run_start..j];
        let dots = run.iter().filter(|&&x| x == b'.').count();
        let no_ellipsis = !run.contains(&0xE2) && (dots == 0 || run.len() == 1);
        let opens = next.is_uppercase()
            || (casual && no_ellipsis && next.is_lowercase())
            || next.is_ascii_digit()
            || matches!(next, '"' | '\'' | '“' | '‘' | '(' | '[' | '$' | '€' | '£');
        if !opens || (single_dot && abbreviation_before(s, run_start)) {
            i = j.max(i + 1);
            continue;
        }
        out.push((start, end));
        start = k;
        i = k;
    }
    if start < n {
        out.push((start, n));
    }
    out
}

/// Whether the word before the `.` at `dot` is an abbreviation or an initial.
fn abbreviation_before(s: &str, dot: usize) -> bool {
    let b = s.as_bytes();
    let mut a = dot;
    while a > 0 && dot - a < 12 {
        let c = b[a - 1];
        if c == b' ' || c == b'\t' || c == b'(' || c == b'"' || c == b'\'' || c == b'/' {
            break;
        }
        a -= 1;
    }
    if a > 0 && dot - a >= 12 && !matches!(b[a - 1], b' ' | b'\t' | b'(' | b'"' | b'\'' | b'/') {
        return false;
    }
    let Some(token) = s.get(a..dot) else {
        return false;
    };
    if token.is_empty() {
        return false;
    }
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    with_lower(token, is_abbreviation)
}
