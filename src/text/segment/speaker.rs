//! Transcript and chat speakers: the `[00:12:31] Dana Whitfield (AE):`,
//! `Dana:`, `Speaker 2 (Priya Shah, Orbitex):` prefixes that open a turn.

use super::ascii_speaker::{SpeakerMatch, match_ascii_speaker};
use super::inline::prefix_at_boundary;
use super::lower::{lower_in, with_lower};
use crate::text::abbreviations::{NAME_PARTICLES, is_label};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone)]
pub(super) struct Speaker {
    pub(super) name: String,
    pub(super) role: Option<String>,
    /// A timestamp or a role came with the name: certainly a turn.
    pub(super) strong: bool,
    /// The number a recorder gave an unnamed speaker (`Speaker 2`,
    /// `SPEAKER_02`), which a legend may name ([`super::numbered`]).
    pub(super) number: Option<u16>,
}

/// The speaker pattern, for lines that are not ASCII; ASCII lines, the usual
/// case, are matched by hand ([`match_ascii_speaker`]).
pub(super) static SPEAKER_RE: LazyLock<Regex> =
    LazyLock::new(|| speaker_pattern(r"\d", r"\s", r"\p{L}[\p{L}\p{M}'’.\-]*"));

/// [`SPEAKER_RE`] for ASCII lines: on ASCII text its classes match exactly
/// what the Unicode ones do. What [`match_ascii_speaker`] is held to.
#[cfg(test)]
pub(super) static SPEAKER_ASCII_RE: LazyLock<Regex> =
    LazyLock::new(|| speaker_pattern("[0-9]", r"[\t\n\x0B\x0C\r ]", r"[A-Za-z][A-Za-z'.\-]*"));

/// Indices of the groups of [`speaker_pattern`] (looked up by index: by name is
/// a hash look-up per group).
pub(super) const TS1: usize = 1;
pub(super) const NAME: usize = 2;
pub(super) const ROLE: usize = 3;
pub(super) const TS2: usize = 4;

fn speaker_pattern(digit: &str, space: &str, word: &str) -> Regex {
    let ts = format!(r"{digit}{{1,2}}:{digit}{{2}}(?::{digit}{{2}})?(?:{space}?[AaPp]\.?[Mm]\.?)?");
    Regex::new(&format!(
        r"^(?:(?P<ts1>[\[(]{ts}[\])]|{ts})[ \t]*(?:[-–—|][ \t]*)?)?(?P<name>{word}(?:[ \t]+{word}){{0,3}})[ \t]*(?:\((?P<role>[^()]{{1,40}})\)[ \t]*)?(?P<ts2>[\[(]{ts}[\])][ \t]*)?:(?:[ \t]+|$)"
    ))
    .expect("speaker pattern")
}

/// The groups of a match of `speaker` (built by [`speaker_pattern`]).
pub(super) fn match_by_regex(speaker: &Regex, head: &str) -> Option<SpeakerMatch> {
    let caps = speaker.captures(head)?;
    let range = |group: usize| caps.get(group).map(|m| m.range());
    Some(SpeakerMatch {
        ts1: range(TS1),
        name: range(NAME)?,
        role: range(ROLE),
        ts2: range(TS2),
        end: caps.get(0)?.end(),
    })
}

#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// `Speaker 2 (Priya Shah, Orbitex):` from transcription tools: the person is
/// in the parentheses.
static NUMBERED_SPEAKER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?(?i:speaker|participant|person)\s*\d{1,2}\s*\((?P<who>[^(),]{2,60})(?:,\s*(?P<role>[^()]{1,40}))?\)\s*:(?:[ 	]+|$)")
        .expect("numbered speaker pattern")
});

/// Indices of the groups of [`NUMBERED_SPEAKER_RE`].
const NUMBERED_WHO: usize = 1;
const NUMBERED_ROLE: usize = 2;

/// Role words that stand for a speaker in a transcript ("Customer:", "Rep:"),
/// though elsewhere they label a field.
const ROLE_SPEAKERS: &[&str] = &[
    "customer",
    "client",
    "prospect",
    "buyer",
    "rep",
    "sales",
    "ae",
    "se",
    "csm",
    "vendor",
    "seller",
    "interviewer",
];

/// A turn's speaker prefix (`[00:12:31] Dana Whitfield (AE):`, `Dana:`, `dana [10:42]:`),
/// and the byte offset where the turn's text starts.
pub(super) fn speaker_prefix(line: &str) -> Option<(Speaker, usize)> {
    let head = prefix_at_boundary(line, 160);
    let first = head.chars().next()?;
    if !head.contains(':') {
        return None;
    }
    if may_open_numbered(first)
        && head.contains('(')
        && may_name_a_numbered_speaker(head)
        && let Some(found) = numbered_speaker(head)
    {
        return Some(found);
    }
    if !may_open_speaker(first) {
        return None;
    }
    named_speaker(head).or_else(|| {
        // `Speaker 2 [00:00:58]:`, `[00:00:04] SPEAKER_01:`: a number where a
        // name would be. Tried last, so no named turn reads differently.
        head.bytes()
            .take(48)
            .any(|b| b.is_ascii_digit())
            .then(|| super::numbered::numbered_turn(head))
            .flatten()
    })
}

/// `Speaker 2 (Priya Shah, Orbitex):`.
fn numbered_speaker(head: &str) -> Option<(Speaker, usize)> {
    let caps = NUMBERED_SPEAKER_RE.captures(head)?;
    let name = caps.get(NUMBERED_WHO)?.as_str().trim().to_string();
    // `Speaker 6 (00:10:10):` times the turn; it does not name the speaker.
    if name.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let role = caps
        .get(NUMBERED_ROLE)
        .map(|r| r.as_str().trim().to_string());
    Some((
        Speaker {
            name,
            role,
            strong: true,
            number: None,
        },
        caps.get(0)?.end(),
    ))
}

/// `[00:12:31] Dana Whitfield (AE):`, `Dana:`, `dana [10:42]:`, unless the name
/// is a label or a weekday, or (without a timestamp) not capitalised.
fn named_speaker(head: &str) -> Option<(Speaker, usize)> {
    let found = if head.is_ascii() {
        match_ascii_speaker(head.as_bytes())
    } else {
        match_by_regex(&SPEAKER_RE, head)
    };
    speaker_of_match(head, found?)
}

/// The speaker of a match of the speaker pattern in `head`, and where the
/// turn's text starts.
pub(super) fn speaker_of_match(head: &str, found: SpeakerMatch) -> Option<(Speaker, usize)> {
    // `Wanjiru Kamau (00:03:55):` times the turn in parentheses: the time is
    // no role (a role that names no seller title would put the speaker on the
    // customer's side).
    let timed_role = found.role.clone().is_some_and(|r| is_clock_time(&head[r]));
    let has_ts = found.ts1.is_some() || found.ts2.is_some() || timed_role;
    let name = head[found.name].trim();
    let first = name.split_whitespace().next()?;
    let (role_speaker, label) = with_lower(name, |l| (ROLE_SPEAKERS.contains(&l), is_label(l)));
    if !role_speaker && (label || with_lower(first, |f| is_label(f) || WEEKDAYS.contains(&f))) {
        return None;
    }
    if !has_ts {
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised(first)
            || !name
                .split_whitespace()
                .skip(1)
                .all(|w| capitalised(w) || lower_in(w, NAME_PARTICLES))
        {
            return None;
        }
    }
    let role = found
        .role
        .filter(|_| !timed_role)
        .map(|r| head[r].trim().to_string())
        .filter(|r| !r.is_empty());
    let strong = has_ts || role.is_some();
    Some((
        Speaker {
            name: name.to_string(),
            role,
            strong,
            number: None,
        },
        found.end,
    ))
}

/// Whether `text` is a clock time or an offset (`00:03:55`, `3:20`, `10:42 pm`,
/// `1:02.5`): digits with a colon, and nothing but separators and am / pm.
fn is_clock_time(text: &str) -> bool {
    let t = text.trim();
    t.contains(':')
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(c, ':' | '.' | ',' | ' ' | 'a' | 'A' | 'p' | 'P' | 'm' | 'M')
        })
}

/// Whether a line opening with `c` may match [`NUMBERED_SPEAKER_RE`], which
/// starts with `[`, a digit, or `speaker` / `participant` / `person` in any
/// case (`ſ` folds to `s`); a digit (`\d`) is numeric. The pattern also needs a
/// `(`, looked for apart.
fn may_open_numbered(c: char) -> bool {
    matches!(c, '[' | 's' | 'S' | 'ſ' | 'p' | 'P') || c.is_numeric()
}

/// Whether `head` holds the word [`NUMBERED_SPEAKER_RE`] needs where it needs
/// it. In ASCII text its `(?i:speaker|participant|person)` matches only those
/// words in ASCII case (the non-ASCII chars it also takes, `ſ` and KELVIN
/// SIGN, are not there), after at most a timestamp of ten bytes
/// (`[00:12:31]`) and spaces; other text is left to the pattern.
fn may_name_a_numbered_speaker(head: &str) -> bool {
    if !head.is_ascii() {
        return true;
    }
    let b = head.as_bytes();
    let mut last_start = b.len().min(10);
    while b
        .get(last_start)
        .is_some_and(|&c| c.is_ascii_whitespace() || c == 0x0B)
    {
        last_start += 1;
    }
    (0..b.len().min(last_start + 1)).any(|i| {
        matches!(b[i] | 0x20, b's' | b'p')
            && ["speaker", "participant", "person"].iter().any(|word| {
                b[i..]
                    .get(..word.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
            })
    })
}

/// Whether a line opening with `c` may match [`SPEAKER_RE`] (or its ASCII twin),
/// which starts with a bracketed timestamp, a digit or a letter (`\p{L}`, all of
/// them alphabetic).
fn may_open_speaker(c: char) -> bool {
    c == '[' || c == '(' || c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_indices_match_the_group_names() {
        for re in [&*SPEAKER_RE, &*SPEAKER_ASCII_RE] {
            let names: Vec<Option<&str>> = re.capture_names().collect();
            assert_eq!(names[TS1], Some("ts1"));
            assert_eq!(names[NAME], Some("name"));
            assert_eq!(names[ROLE], Some("role"));
            assert_eq!(names[TS2], Some("ts2"));
            assert_eq!(names.len(), 5);
        }
        let names: Vec<Option<&str>> = NUMBERED_SPEAKER_RE.capture_names().collect();
        assert_eq!(names, [None, Some("who"), Some("role")]);
        assert_eq!(names[NUMBERED_WHO], Some("who"));
        assert_eq!(names[NUMBERED_ROLE], Some("role"));
    }
    use crate::text::abbreviations::LABEL_WORDS;

    /// Without the first-char and `(` tests: both patterns tried on every line
    /// with a colon.
    fn by_patterns(line: &str) -> Option<(Speaker, usize)> {
        let head = prefix_at_boundary(line, 160);
        if !head.contains(':') {
            return None;
        }
        numbered_speaker(head).or_else(|| {
            let speaker = if head.is_ascii() {
                &SPEAKER_ASCII_RE
            } else {
                &SPEAKER_RE
            };
            speaker_of_match(head, match_by_regex(speaker, head)?)
        })
    }

    #[test]
    fn prefilters_agree_with_the_patterns() {
        assert!(
            ROLE_SPEAKERS
                .iter()
                .all(|w| !w.contains(char::is_whitespace))
        );
        let mut words: Vec<String> = LABEL_WORDS
            .iter()
            .chain(WEEKDAYS)
            .chain(ROLE_SPEAKERS)
            .map(|w| w.to_string())
            .collect();
        words.extend(["Dana", "O'Neill", "J.R.", "Ana-Maria", "x", "Zed"].map(String::from));
        let mut lines = Vec::new();
        for w in &words {
            let cap = {
                let mut c = w.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            };
            for w in [w.clone(), cap, w.to_uppercase()] {
                for tail in [
                    ": text",
                    ":",
                    ":x",
                    " : text",
                    " Lee: text",
                    " van Dyke Lee: text",
                    " (AE): text",
                    " [10:42]: text",
                    " (10:42): text",
                    "(AE): text",
                    "[10:42]: ok",
                    " one two three four: text",
                    "’s: text",
                    "é: text",
                    " Émile: text",
                    " 3pm: text",
                    ".: text",
                    "-x: text",
                ] {
                    lines.push(format!("{w}{tail}"));
                    lines.push(format!("[10:42] {w}{tail}"));
                    lines.push(format!("{w}{tail}").repeat(20));
                }
            }
        }
        for odd in [
            "(9:05 pm) Lee Ann: ok",
            "12:30 Dana: hi",
            "١٢:٣٠ Person 4 (Di): hm",
            "١٢:٣٠ Dana: hi",
            "-Dana: x",
            "\"Dana\": x",
            "*Dana*: x",
            " Dana: x",
            "Ⅷ Dana: x",
            "Émile (AE): x",
            "émile [10:42]: x",
        ] {
            lines.push(odd.into());
        }
        lines.push("ſpeaker 1 (Ann): hi".into());
        lines.push("speaker 1 (Ann): hi".into());
        lines.push("Speaker 1 (Ann Lee, Ops):".into());
        for numbered in [
            "SPEAKER 2 (Bo): x",
            "[10:42] Person 3 (Cy, Ops): x",
            "12:30 participant 1 (Di): hm",
            "[00:01]speaker 3 (Cy):",
            "Speaker 12 (Ann) : x",
            "Speakers 1 (Ann): x",
            "Spea\u{212a}er 1 (Ann): x",
            "Pers on 1 (Ann): x",
            "Speaker (Ann): x",
            "[10:42] Dana (AE): speaker 1 (Ann): x",
            "[10:42:15]speaker 1 (Ann): x",
            "[10:42:15] speaker 1 (Ann): x",
            "[10:42:15] \t \x0b  speaker 1 (Ann): x",
            "10:42:15 \x0c Person 1 (Ann): x",
            "[10:42:15]] speaker 1 (Ann): x",
            "[10:42:15] x speaker 1 (Ann): x",
            "10:42:15  speaker 1 (Ann): x",
            "[1:42:15]\r\n\tspeaker 1 (Ann): x",
            "0:42 speaker 1 (Ann): x",
            // Shorter than a timestamp: nothing past the end is read.
            "(9:05): x",
            "s(:",
            "[10:42:15](",
        ] {
            lines.push(numbered.into());
            lines.push(numbered.to_lowercase());
            lines.push(numbered.to_uppercase());
        }
        for line in &lines {
            assert_eq!(
                format!("{:?}", speaker_prefix(line)),
                format!("{:?}", by_patterns(line)),
                "{line}"
            );
        }
    }

    #[test]
    fn prefilters_let_through_every_char_that_opens_a_match() {
        let numbered = Regex::new(r"^(?:\[|\d|(?i:s|p))").unwrap();
        let speaker = Regex::new(r"^(?:[\[(]|\d|\p{L})").unwrap();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            if numbered.is_match(&s) {
                assert!(may_open_numbered(c), "{c:?}");
            }
            if speaker.is_match(&s) {
                assert!(may_open_speaker(c), "{c:?}");
            }
        }
        // The first chars above are those of the patterns themselves.
        for line in [
            "ſpeaker 1 (Ann Lee): hi",
            "PARTICIPANT 2 (Bo, Ops): ok",
            "[00:01] speaker 3 (Cy): yes",
            "١٢:٣٠ Person 4 (Di): hm",
        ] {
            assert!(NUMBERED_SPEAKER_RE.is_match(line), "{line}");
            assert!(speaker_prefix(line).is_some(), "{line}");
        }
        for line in ["Ünal Öz: hi", "(9:05 pm) Lee Ann: ok", "١٢:٣٠ Dana: hi"] {
            assert!(SPEAKER_RE.is_match(line), "{line}");
            assert!(speaker_prefix(line).is_some(), "{line}");
        }
    }

    #[test]
    fn ascii_speaker_pattern_agrees_with_the_unicode_one() {
        for line in [
            "[00:12:31] Dana Whitfield (AE): we can do that",
            "Dana: sure",
            "dana [10:42]: ok",
            "10:42 pm - Owen Marsh: noted",
            "(9:05 a.m.) Pieter de Groot (Customer, Ops): fine",
            "O'Neill-Smith Jr.: right",
            "Risk: legal review pending",
            "Note to self: call back",
            "no speaker here",
            "Dana (AE)(10:01): text",
        ] {
            let groups = |re: &Regex| {
                re.captures(line).map(|c| {
                    ["ts1", "name", "role", "ts2"]
                        .map(|g| c.name(g).map(|m| m.range()))
                        .to_vec()
                })
            };
            assert_eq!(groups(&SPEAKER_ASCII_RE), groups(&SPEAKER_RE), "{line}");
        }
    }
}
