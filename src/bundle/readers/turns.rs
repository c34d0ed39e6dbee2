//! Writing transcript turns into a view: what the caption reader and the
//! pasted-transcript reader share.
//!
//! A turn is written as the segmenter reads turns: `[00:01:02] Name (role): words`
//! on the line where its words start, the lines that continue it as they stand.
//! The clock makes the turn certain to the segmenter (a `Name:` line without one
//! is a turn only when the name comes back), and the segmenter strips it with
//! the name, so no timing reaches a statement.

use super::ViewBuilder;
use std::collections::HashMap;

/// How many distinct speaker names are checked against the segmenter; past
/// this a file is not a conversation (a call has a handful of speakers), and
/// what it names is left as text. Bounds the work on hostile input.
const MAX_NAMES: usize = 256;

/// Speaker names as the segmenter reads them, each checked once.
#[derive(Default)]
pub(super) struct Names {
    /// `(name, role)` to the name part of a prefix (`Dana Whitfield (AE)`), or
    /// `None` when no spelling of it is read as that speaker.
    checked: HashMap<(String, Option<String>), Option<String>>,
}

impl Names {
    /// The name part of a turn prefix that the segmenter reads as `name`
    /// (with `role`), or `None` when it would read it as something else: a
    /// label ("Note"), a name it cannot take ("Speaker 1" is written the way
    /// transcription tools write numbered speakers, `Speaker 1 (Speaker 1)`).
    pub(super) fn prefix(&mut self, name: &str, role: Option<&str>) -> Option<String> {
        let key = (name.to_string(), role.map(str::to_string));
        if let Some(found) = self.checked.get(&key) {
            return found.clone();
        }
        if self.checked.len() >= MAX_NAMES {
            return None;
        }
        let found = spellings(name, role)
            .into_iter()
            .find(|(part, read_as)| reads_as(part, read_as, role))
            .map(|(part, _)| part);
        self.checked.insert(key, found.clone());
        found
    }
}

/// Ways to write `name` in a prefix, each with the name the segmenter should
/// read from it: as given; as a numbered speaker; with only the characters a
/// name may hold.
fn spellings(name: &str, role: Option<&str>) -> Vec<(String, String)> {
    let with_role = |n: &str| match role {
        Some(r) => format!("{n} ({r})"),
        None => n.to_string(),
    };
    let mut out = vec![(with_role(name), name.to_string())];
    let lower = name.to_ascii_lowercase();
    let numbered = ["speaker", "participant", "person"].iter().any(|w| {
        lower
            .strip_prefix(w)
            .map(str::trim_start)
            .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
    });
    if numbered {
        let inner = match role {
            Some(r) => format!("{name}, {r}"),
            None => name.to_string(),
        };
        out.push((format!("{name} ({inner})"), name.to_string()));
    }
    let cleaned: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
                .collect::<String>()
        })
        .filter(|w| w.starts_with(char::is_alphabetic))
        .take(4)
        .collect();
    let cleaned = cleaned.join(" ");
    if !cleaned.is_empty() && cleaned != name {
        out.push((with_role(&cleaned), cleaned));
    }
    out
}

/// Whether the segmenter reads `[00:00:00] {part}: x` as a turn of `name`
/// with `role`.
fn reads_as(part: &str, name: &str, role: Option<&str>) -> bool {
    if part.contains(['\n', ':']) {
        return false;
    }
    let read = crate::text::segment(&format!("[00:00:00] {part}: x"));
    matches!(&read[..], [s] if &*s.text == "x"
        && s.speaker() == Some(name)
        && s.speaker_role() == role.map(str::trim))
}

/// A clock for a turn prefix from seconds into the call: `[01:02:03]`.
pub(super) fn clock(seconds: u64) -> String {
    let h = (seconds / 3600).min(99);
    let (m, s) = if seconds / 3600 > 99 {
        (59, 59)
    } else {
        ((seconds / 60) % 60, seconds % 60)
    };
    format!("[{h:02}:{m:02}:{s:02}]")
}

/// Writes turns into a view.
pub(super) struct Turns {
    b: ViewBuilder,
    /// `[clock] Name (role): ` of the speaker holding the floor, when named.
    prefix: Option<String>,
    /// The next line of text opens a paragraph (and so needs the prefix).
    at_start: bool,
    /// One view line per stored line (pasted text): a paragraph break is an
    /// empty line however many there are, and an empty text line is kept.
    one_to_one: bool,
}

impl Turns {
    pub(super) fn new(one_to_one: bool) -> Self {
        Self {
            b: ViewBuilder::new(),
            prefix: None,
            at_start: true,
            one_to_one,
        }
    }

    /// A new turn: `name_part` (from [`Names::prefix`]) speaks from here on,
    /// or, with `None`, someone unnamed. Between turns, a paragraph break at
    /// stored line `at` (captions; pasted text writes its own).
    pub(super) fn open(&mut self, name_part: Option<&str>, clock: &str, at: u32) {
        self.prefix = name_part.map(|n| {
            if clock.is_empty() {
                format!("{n}: ")
            } else {
                format!("{clock} {n}: ")
            }
        });
        if !self.one_to_one {
            self.b.blank(at);
        }
        self.at_start = true;
    }

    /// The floor is nobody's: text from here on is notes, not a turn.
    pub(super) fn close(&mut self) {
        self.prefix = None;
        self.at_start = true;
    }

    /// Whether a named speaker holds the floor.
    pub(super) fn in_turn(&self) -> bool {
        self.prefix.is_some()
    }

    /// A paragraph break inside the turn: the next text repeats the prefix,
    /// so the speaker carries over it.
    pub(super) fn blank(&mut self, at: u32) {
        if self.one_to_one {
            self.b.line("", at);
        } else {
            self.b.blank(at);
        }
        self.at_start = true;
    }

    /// A line of the speaker's words standing on stored line `at`.
    pub(super) fn text(&mut self, text: &str, at: u32) {
        let text = text.trim();
        if text.is_empty() {
            if self.one_to_one {
                self.blank(at);
            }
            return;
        }
        match &self.prefix {
            // A line that would read as something else standing alone (a
            // list item, a log record, another `Name:`) would end the turn:
            // it repeats the prefix instead.
            Some(prefix) if self.at_start || reads_apart(text) => {
                let line = format!("{prefix}{text}");
                self.b.line(&line, at);
            }
            _ => {
                self.b.line(text, at);
            }
        }
        self.at_start = false;
    }

    /// A line as it stands, outside any turn.
    pub(super) fn raw(&mut self, text: &str, at: u32) {
        self.b.line(text, at);
        self.at_start = text.trim().is_empty();
    }

    pub(super) fn finish(self) -> super::View {
        self.b.finish()
    }
}

/// Whether a line, continuing a turn, would be read by the segmenter as
/// something of its own: a heading, a table row, a quote, a list item, a
/// rule, a log record (a date, a time, a bracket), or a `Name:` turn.
pub(super) fn reads_apart(text: &str) -> bool {
    let b = text.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    let at = |i: usize| b.get(i).copied().unwrap_or(b' ');
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    match first {
        b'[' | b'|' | b'>' | b'#' | b'(' => return true,
        b'-' | b'*' | b'+' | b'_' | b'=' => return at(1) == b' ' || at(1) == first,
        b'0'..=b'9' => {
            return (digits <= 3 && matches!(at(digits), b'.' | b')'))
                || (digits <= 2
                    && matches!(at(digits), b'/' | b':')
                    && at(digits + 1).is_ascii_digit())
                || (digits == 4 && at(4) == b'-');
        }
        b'a'..=b'z' | b'A'..=b'Z'
            if (at(1) == b')' || (first.is_ascii_lowercase() && at(1) == b'.'))
                && at(2) == b' ' =>
        {
            return true;
        }
        _ => {}
    }
    if text.starts_with(['•', '◦', '▪', '‣', '–', '·']) {
        return true;
    }
    if text.contains(" | ") && text.matches(" | ").nth(1).is_some() {
        return true;
    }
    // `Name Name: ` at the start: a turn of its own.
    let Some(colon) = b.iter().take(64).position(|&c| c == b':') else {
        return false;
    };
    let label = &text[..colon];
    (colon + 1 == b.len() || at(colon + 1) == b' ')
        && label.split_whitespace().count() <= 4
        && label
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
        && label.starts_with(char::is_uppercase)
}

/// Lower-case words a name may hold ("Pieter de Groot").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "la", "le", "van", "von", "der", "den", "da", "di", "du", "del", "della", "bin", "al",
    "el", "ter", "ten", "y",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_segmenter_reads() {
        let mut n = Names::default();
        assert_eq!(
            n.prefix("Dana Whitfield", None).as_deref(),
            Some("Dana Whitfield")
        );
        assert_eq!(n.prefix("Dana", Some("AE")).as_deref(), Some("Dana (AE)"));
        // A recorder's numbered speaker reads back as it is ("Speaker 1:").
        assert_eq!(n.prefix("Speaker 1", None).as_deref(), Some("Speaker 1"));
        assert_eq!(n.prefix("Note", None), None);
        assert_eq!(
            n.prefix("pieter.degroot", None).as_deref(),
            Some("pieter.degroot")
        );
        assert_eq!(n.prefix("Ünal Öz", None).as_deref(), Some("Ünal Öz"));
        assert_eq!(
            n.prefix("Tom 🙂 Okafor", None).as_deref(),
            Some("Tom Okafor")
        );
    }

    #[test]
    fn clocks() {
        assert_eq!(clock(0), "[00:00:00]");
        assert_eq!(clock(3723), "[01:02:03]");
        assert_eq!(clock(u64::MAX), "[99:59:59]");
    }

    #[test]
    fn lines_that_would_end_a_turn() {
        for t in [
            "[laughs] yes",
            "- item",
            "1. first",
            "10:30 works",
            "2026-11-02 is fine",
            "# heading",
            "a) one",
            "Ines: hello",
            "a | b | c",
        ] {
            assert!(reads_apart(t), "{t}");
        }
        for t in [
            "20% off",
            "we will",
            "So the answer is: yes",
            "2 weeks",
            "I think so",
        ] {
            assert!(!reads_apart(t), "{t}");
        }
    }
}
