//! The speaker pattern of `speaker.rs` matched by hand on ASCII lines, the
//! usual case: a capture search of the regex costs a thousand instructions or
//! so on each of the many lines with a colon, this a few dozen.
//!
//! It gives exactly the groups the regex's leftmost-first search gives (the
//! regex is kept in the tests, which hold the two to each other). Most of the
//! pattern leaves no choice: a greedy part that gave back a char would leave a
//! char that nothing after it can match (a word ends before a space, `(`, `[`
//! or `:`, none of them word chars; a timestamp ends before a bracket, a space,
//! a separator or a letter). The choices that remain are tried in the regex's
//! order: a timestamp with its `am` / `pm` before one without (`10:42 pm:`
//! may name `pm`), a role before none.

use std::ops::Range;

/// The groups of a match of the speaker pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SpeakerMatch {
    /// The timestamp before the name, brackets included.
    pub(super) ts1: Option<Range<usize>>,
    pub(super) name: Range<usize>,
    /// Inside the parentheses.
    pub(super) role: Option<Range<usize>>,
    /// The timestamp after the name, brackets and following spaces included.
    pub(super) ts2: Option<Range<usize>>,
    /// Where the match ends: after the `:` and the spaces after it.
    pub(super) end: usize,
}

/// The speaker pattern's match at the start of `head`, an ASCII text.
pub(super) fn match_ascii_speaker(head: &[u8]) -> Option<SpeakerMatch> {
    debug_assert!(head.is_ascii());
    let at = |i: usize| head.get(i).copied();
    match at(0)? {
        b'[' | b'(' => timestamp_ends(head, 1)
            .into_iter()
            .flatten()
            .filter(|&e| matches!(at(e), Some(b']' | b')')))
            .find_map(|e| after_ts1(head, 0..e + 1)),
        b'0'..=b'9' => timestamp_ends(head, 0)
            .into_iter()
            .flatten()
            .find_map(|e| after_ts1(head, 0..e)),
        c if c.is_ascii_alphabetic() => after_name_start(head, None, 0),
        _ => None,
    }
}

/// After the first timestamp: spaces, an optional `-` or `|` separator, the name.
fn after_ts1(head: &[u8], ts1: Range<usize>) -> Option<SpeakerMatch> {
    let mut i = skip_blanks(head, ts1.end);
    if matches!(head.get(i), Some(b'-' | b'|')) {
        i = skip_blanks(head, i + 1);
    }
    if !head.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    after_name_start(head, Some(ts1), i)
}

/// From the first letter of the name (at `start`) to the end of the match.
fn after_name_start(head: &[u8], ts1: Option<Range<usize>>, start: usize) -> Option<SpeakerMatch> {
    let mut end = word_end(head, start);
    for _ in 0..3 {
        let next = skip_blanks(head, end);
        if next == end || !head.get(next).is_some_and(u8::is_ascii_alphabetic) {
            break;
        }
        end = word_end(head, next);
    }
    let name = start..end;
    let i = skip_blanks(head, end);
    let with_role = role_at(head, i).and_then(|role| {
        let after = skip_blanks(head, role.end + 1);
        after_role(head, after).map(|(ts2, end)| (Some(role), ts2, end))
    });
    let (role, ts2, end) = match with_role {
        Some(found) => found,
        None => {
            let (ts2, end) = after_role(head, i)?;
            (None, ts2, end)
        }
    };
    Some(SpeakerMatch {
        ts1,
        name,
        role,
        ts2,
        end,
    })
}

/// `(role)` at `i`: 1 to 40 chars, none a parenthesis. Returns the inside.
fn role_at(head: &[u8], i: usize) -> Option<Range<usize>> {
    if head.get(i) != Some(&b'(') {
        return None;
    }
    let inside = i + 1;
    let close = inside
        + head[inside..]
            .iter()
            .take(41)
            .position(|&b| b == b'(' || b == b')')?;
    ((1..=40).contains(&(close - inside)) && head[close] == b')').then_some(inside..close)
}

/// After the role (or the name): an optional bracketed timestamp with the spaces
/// after it, then the colon. Returns the timestamp's range and the match end.
fn after_role(head: &[u8], i: usize) -> Option<(Option<Range<usize>>, usize)> {
    if matches!(head.get(i), Some(b'[' | b'(')) {
        let ts2 = timestamp_ends(head, i + 1)
            .into_iter()
            .flatten()
            .filter(|&e| matches!(head.get(e), Some(b']' | b')')))
            .find_map(|e| {
                let after = skip_blanks(head, e + 1);
                colon_end(head, after).map(|end| (Some(i..after), end))
            });
        if ts2.is_some() {
            return ts2;
        }
    }
    colon_end(head, i).map(|end| (None, end))
}

/// A `:` at `i` followed by spaces or the end of `head`: where the match ends.
fn colon_end(head: &[u8], i: usize) -> Option<usize> {
    if head.get(i) != Some(&b':') {
        return None;
    }
    let end = skip_blanks(head, i + 1);
    (end > i + 1 || end == head.len()).then_some(end)
}

/// The ends of a timestamp (`9:05`, `10:42:15`, `10:42 pm`, `9:05 a.m.`)
/// starting at `i`, the longer first: with its `am` / `pm`, then without.
fn timestamp_ends(head: &[u8], i: usize) -> [Option<usize>; 2] {
    let digit = |j: usize| head.get(j).is_some_and(u8::is_ascii_digit);
    let hour = head[i.min(head.len())..]
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let colon = i + hour;
    if !(1..=2).contains(&hour) || head.get(colon) != Some(&b':') {
        return [None, None];
    }
    if !(digit(colon + 1) && digit(colon + 2)) {
        return [None, None];
    }
    let mut end = colon + 3;
    if head.get(end) == Some(&b':') && digit(end + 1) && digit(end + 2) {
        end += 3;
    }
    [meridiem_end(head, end), Some(end)]
}

/// The end of ` pm`, `am`, ` p.m.`, `A.M` (an optional space of any kind) at `i`.
fn meridiem_end(head: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if head.get(j).is_some_and(u8::is_ascii_whitespace) || head.get(j) == Some(&0x0B) {
        j += 1;
    }
    if !matches!(head.get(j), Some(b'a' | b'A' | b'p' | b'P')) {
        return None;
    }
    j += 1;
    if head.get(j) == Some(&b'.') {
        j += 1;
    }
    if !matches!(head.get(j), Some(b'm' | b'M')) {
        return None;
    }
    j += 1;
    if head.get(j) == Some(&b'.') {
        j += 1;
    }
    Some(j)
}

/// The end of the word starting at `i`: letters, `'`, `.`, `-`.
fn word_end(head: &[u8], i: usize) -> usize {
    i + head[i..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphabetic() || matches!(b, b'\'' | b'.' | b'-'))
        .count()
}

/// The end of the run of spaces and tabs at `i`.
fn skip_blanks(head: &[u8], i: usize) -> usize {
    i + head
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::speaker::{SPEAKER_ASCII_RE, SPEAKER_RE, match_by_regex};

    /// A small xorshift generator: the same lines on every run.
    struct Lines(u64);

    impl Lines {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    const STAMPS: &[&str] = &[
        "",
        "",
        "[10:42] ",
        "[10:42:15]",
        "(9:05 pm) ",
        "10:42 - ",
        "10:42 pm",
        "9:05 a.m. | ",
        "[1:2:3] ",
        "123:45 ",
        "[10:4]",
        "10:42am",
        "[10:42 PM]",
        "12:30\x0bpm ",
        "10:42 amanda",
        "[10:42)",
        "(10:42]",
        "1:05:3 ",
        "10:42:15 pm\t|\t",
        "10:42 p.m",
        "10:42 a.",
        "10:42\tAM",
        "10:42 - - ",
        "[10:42 pm ]",
        "[9:05a.M.]",
        "09:00 --",
        "7:",
        "[",
        "(",
        "10:42:",
        "1:23 pX",
    ];
    const WORDS: &[&str] = &[
        "Dana",
        "dana",
        "O'Neill",
        "J.R.",
        "Ana-Maria",
        "pm",
        "am",
        "PM",
        "x",
        "de",
        "Lee",
        "a.m.",
        "-x",
        "'s",
        "Risk",
        "Speaker",
        "2",
        "M.",
        "Ab.c-d'e",
        "Q",
        "van",
    ];
    const BLANKS: &[&str] = &[" ", " ", "\t", "  ", "", " \t ", "\x0b", "-"];
    const ROLES: &[&str] = &[
        "",
        "",
        " (AE)",
        "(AE)",
        " (Customer, Ops)",
        " ()",
        " (a(b))",
        " (10:42)",
        " (unclosed",
        " (a: b) ",
        "(x)(y)",
        " ( )",
        " (10:42 pm)",
    ];
    const LATER_STAMPS: &[&str] = &[
        "",
        "",
        " [10:42]",
        "[10:42] ",
        " (10:42 pm)",
        "[10:42:15]  ",
        "[1:2]",
        "(9:05 a.m.)\t",
        "[10:42]]",
        "[10:42 p]",
    ];
    const COLONS: &[&str] = &[
        ":", ":", " :", "", "::", ": ", ":\t", ":x", "\t:  ", ";", ": :",
    ];
    const TAILS: &[&str] = &[
        "",
        "",
        " rest of line",
        "x",
        ": more",
        " (AE): x",
        "\t[10:42]",
    ];

    /// A line built from pieces of the pattern, each in forms that match and
    /// that nearly do.
    fn line_of_pieces(g: &mut Lines) -> String {
        let mut line = g.pick(STAMPS).to_string();
        let words = if g.below(8) == 0 { 6 } else { 3 };
        for w in 0..1 + g.below(words) {
            if w > 0 {
                line.push_str(g.pick(BLANKS));
            }
            line.push_str(g.pick(WORDS));
        }
        line.push_str(g.pick(BLANKS));
        let role = g.pick(ROLES);
        match g.below(8) {
            0 => line.push_str(&format!(" ({})", "r".repeat(38 + g.below(5)))),
            _ => line.push_str(role),
        }
        for piece in [LATER_STAMPS, COLONS, TAILS] {
            line.push_str(g.pick(piece));
        }
        line
    }

    /// `line` with a few bytes replaced, inserted or removed, from those the
    /// pattern cares about.
    fn mutated(g: &mut Lines, line: &str) -> String {
        const BYTES: &[u8] = b"[]()0123456789:.aApPmMxZ -|\t'\x0b,";
        let mut b = line.as_bytes().to_vec();
        for _ in 0..1 + g.below(3) {
            let at = g.below(b.len() + 1);
            let byte = BYTES[g.below(BYTES.len())];
            match g.below(3) {
                0 if at < b.len() => b[at] = byte,
                1 if at < b.len() => {
                    b.remove(at);
                }
                _ => b.insert(at, byte),
            }
        }
        String::from_utf8(b).expect("ASCII")
    }

    fn assert_agrees(line: &str) {
        let by_hand = match_ascii_speaker(line.as_bytes());
        assert_eq!(by_hand, match_by_regex(&SPEAKER_ASCII_RE, line), "{line:?}");
        assert_eq!(by_hand, match_by_regex(&SPEAKER_RE, line), "{line:?}");
    }

    #[test]
    fn agrees_with_the_pattern_on_generated_lines() {
        let mut g = Lines(0x9E37_79B9_7F4A_7C15);
        // Matches with each optional group, and matches in all.
        let mut seen = [0; 4];
        for _ in 0..40_000 {
            let line = line_of_pieces(&mut g);
            assert_agrees(&line);
            if let Some(m) = match_ascii_speaker(line.as_bytes()) {
                seen[0] += usize::from(m.ts1.is_some());
                seen[1] += usize::from(m.role.is_some());
                seen[2] += usize::from(m.ts2.is_some());
                seen[3] += 1;
            }
            assert_agrees(&mutated(&mut g, &line));
        }
        // The pieces make matches often enough for the groups to be compared.
        assert!(seen.iter().all(|&n| n > 500), "{seen:?}");
    }

    #[test]
    fn agrees_with_the_pattern_on_random_bytes() {
        const BYTES: &[u8] = b"[]()0123:.aApPmMx -|\t'\x0b";
        let mut g = Lines(0x2545_F491_4F6C_DD1D);
        for _ in 0..40_000 {
            let len = g.below(24);
            let line: String = (0..len)
                .map(|_| char::from(BYTES[g.below(BYTES.len())]))
                .collect();
            assert_agrees(&line);
        }
    }

    #[test]
    fn agrees_with_the_pattern_on_chosen_lines() {
        let long_role = format!("Dana ({}): x", "r".repeat(40));
        let too_long_role = format!("Dana ({}): x", "r".repeat(41));
        let long = "Dana Lee: ".repeat(30);
        for line in [
            "",
            ":",
            "Dana:",
            "Dana: ",
            "Dana:x",
            "10:42 pm: hi",
            "10:42 amanda: hi",
            "[10:42 pm] Dana: hi",
            "[2:7:4] Tyler Brandt (IT Director): Can you host it?",
            "[00:10:44] Jordan Pike (AE): If it helps",
            "(9:05 a.m.) Pieter de Groot (Customer, Ops): fine",
            "Dana (10:42)(AE): x",
            "Dana (AE) [10:42]: x",
            "Dana (AE)(10:42):",
            "Dana (10:42): x",
            "A B C D: x",
            "A B C D E: x",
            "10:42:15 - Owen Marsh: noted",
            "10:42 | Owen: noted",
            "10:42 -Owen: noted",
            &long_role,
            &too_long_role,
            &long,
            &long[..160],
        ] {
            assert_agrees(line);
        }
        assert!(match_ascii_speaker(b"Dana (AE): x").is_some());
        assert!(match_ascii_speaker(b"Dana (AE) x").is_none());
    }
}
