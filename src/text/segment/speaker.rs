//! Transcript and chat speakers: the `[00:12:31] Dana Whitfield (AE):`,
//! `Dana:`, `Speaker 2 (Priya Shah, Orbitex):` prefixes that open a turn.

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
}

static SPEAKER_RE: LazyLock<Regex> =
    LazyLock::new(|| speaker_pattern(r"\d", r"\s", r"\p{L}[\p{L}\p{M}'’.\-]*"));

/// [`SPEAKER_RE`] for ASCII lines, the usual case: on ASCII text its classes
/// match exactly what the Unicode ones do, and its far smaller automaton makes
/// the capture search of a matching line several times cheaper.
static SPEAKER_ASCII_RE: LazyLock<Regex> =
    LazyLock::new(|| speaker_pattern("[0-9]", r"[\t\n\x0B\x0C\r ]", r"[A-Za-z][A-Za-z'.\-]*"));

fn speaker_pattern(digit: &str, space: &str, word: &str) -> Regex {
    let ts = format!(r"{digit}{{1,2}}:{digit}{{2}}(?::{digit}{{2}})?(?:{space}?[AaPp]\.?[Mm]\.?)?");
    Regex::new(&format!(
        r"^(?:(?P<ts1>[\[(]{ts}[\])]|{ts})[ \t]*(?:[-–—|][ \t]*)?)?(?P<name>{word}(?:[ \t]+{word}){{0,3}})[ \t]*(?:\((?P<role>[^()]{{1,40}})\)[ \t]*)?(?P<ts2>[\[(]{ts}[\])][ \t]*)?:(?:[ \t]+|$)"
    ))
    .expect("speaker pattern")
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
    if !head.contains(':') {
        return None;
    }
    if let Some(caps) = NUMBERED_SPEAKER_RE.captures(head) {
        let name = caps.name("who")?.as_str().trim().to_string();
        let role = caps.name("role").map(|r| r.as_str().trim().to_string());
        return Some((
            Speaker {
                name,
                role,
                strong: true,
            },
            caps.get(0)?.end(),
        ));
    }
    let speaker = if head.is_ascii() {
        &SPEAKER_ASCII_RE
    } else {
        &SPEAKER_RE
    };
    let caps = speaker.captures(head)?;
    let has_ts = caps.name("ts1").is_some() || caps.name("ts2").is_some();
    let name = caps.name("name")?.as_str().trim();
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
    let role = caps
        .name("role")
        .map(|r| r.as_str().trim().to_string())
        .filter(|r| !r.is_empty());
    let strong = has_ts || role.is_some();
    let end = caps.get(0)?.end();
    Some((
        Speaker {
            name: name.to_string(),
            role,
            strong,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
