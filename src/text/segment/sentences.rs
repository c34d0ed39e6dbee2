//! Sentence boundaries in running text: terminal punctuation followed by space
//! and a word that opens a sentence, not after an abbreviation or an initial.

use super::bytes::{find_byte, holds};
use super::lower::with_lower;
use crate::text::abbreviations::is_abbreviation;

/// Byte ranges of the sentences of `s` (untrimmed; leading space excluded), in
/// order.
///
/// Text written all in lower case ("ok. if they say no ...", a paragraph whose
/// first letter is lower case) also splits before a lower-case word, except after
/// an ellipsis or an abbreviation.
/// Whether `text` is speech-to-text or terse notes: forty words or more with
/// fewer than one sentence end (`.`, `?`, `!` closing a word) in forty. A
/// voice memo's lines are its utterances; joined, a whole memo would read as
/// one statement.
pub(super) fn is_unpunctuated(text: &str) -> bool {
    let (mut words, mut ends) = (0usize, 0usize);
    for word in text.split_whitespace() {
        words += 1;
        if word.len() > 1 && word.ends_with(['.', '?', '!']) {
            ends += 1;
        }
    }
    words >= 40 && ends * 40 < words
}

pub(super) fn sentence_bounds(s: &str) -> SentenceBounds<'_> {
    SentenceBounds {
        s,
        casual: s
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase),
        start: 0,
        i: 0,
        done: false,
    }
}

/// The iterator of [`sentence_bounds`].
pub(super) struct SentenceBounds<'s> {
    s: &'s str,
    casual: bool,
    /// Where the current sentence starts.
    start: usize,
    /// Where to look for the next terminal punctuation.
    i: usize,
    done: bool,
}

impl Iterator for SentenceBounds<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let s = self.s;
        let b = s.as_bytes();
        let n = b.len();
        loop {
            let i = next_terminal(b, self.i);
            self.i = i;
            if i >= n {
                break;
            }
            let c = b[i];
            let is_ellipsis =
                c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6);
            if !(c == b'.' || c == b'!' || c == b'?' || is_ellipsis) {
                self.i = i + 1;
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
                self.i = j.max(i + 1);
                continue;
            }
            let next = s[k..].chars().next().unwrap_or(' ');
            let run = &b[run_start..j];
            let dots = run.iter().filter(|&&x| x == b'.').count();
            // Dot leaders ("Severity 1 ........ 2 hours") lead a row's label
            // to its figure: the row goes on.
            if dots >= 4 && dots == run.len() && next.is_ascii_digit() {
                self.i = j;
                continue;
            }
            let no_ellipsis = !run.contains(&0xE2) && (dots == 0 || run.len() == 1);
            let opens = next.is_uppercase()
                || (self.casual && no_ellipsis && next.is_lowercase())
                || next.is_ascii_digit()
                || matches!(next, '"' | '\'' | '“' | '‘' | '(' | '[' | '$' | '€' | '£');
            if !opens || (single_dot && abbreviation_before(s, run_start)) {
                self.i = j.max(i + 1);
                continue;
            }
            let sentence = (self.start, end);
            self.start = k;
            self.i = k;
            return Some(sentence);
        }
        if !self.done {
            self.done = true;
            if self.start < n {
                return Some((self.start, n));
            }
        }
        None
    }
}

/// The first index at or after `i` of a byte that may end a sentence: `.`, `!`,
/// `?`, or 0xE2 (the first byte of `…`); `b.len()` if there is none. Eight bytes
/// at a time while none of them is one.
fn next_terminal(b: &[u8], i: usize) -> usize {
    find_byte(b, i, |w| {
        holds(w, b'.') | holds(w, b'!') | holds(w, b'?') | holds(w, 0xE2)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_terminal_finds_the_first_candidate_byte() {
        let naive = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&j| matches!(b[j], b'.' | b'!' | b'?' | 0xE2))
                .unwrap_or(b.len())
        };
        // Every byte value at every offset of buffers around the chunk size.
        for len in 0..20 {
            for at in 0..len {
                for x in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    b[at] = x;
                    for i in 0..=len {
                        assert_eq!(next_terminal(&b, i), naive(&b, i), "{b:?} from {i}");
                    }
                }
            }
        }
        let text = "Mr. Smith… said “Yes!” — ok? é.ü ".repeat(50);
        let b = text.as_bytes();
        for i in 0..=b.len() {
            assert_eq!(next_terminal(b, i), naive(b, i));
        }
    }
}
