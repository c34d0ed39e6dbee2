//! The lines that name a speaker in chats and transcripts pasted as text:
//! a header on its own line (`Ines Varga  10:14 AM`, `Tom Okafor  |  14:02`,
//! `[Tom Okafor] 14:02:11`) and a chat line (`02/11/2026, 7:41 pm - Priya:
//! words`, `[02/11/2026, 19:41:03] Priya: words`). Parsed by hand: every line
//! of a note may be looked at, and each test gives up at its first mismatch.

use crate::bundle::readers::captions::{name_prefix, split_role};

/// A speaker header: the words follow on the next lines.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Header<'a> {
    pub(super) name: &'a str,
    pub(super) role: Option<&'a str>,
    /// `[10:14 AM]`, `[0:42]`, `[14:02:11]`.
    pub(super) clock: String,
    /// Set apart by two spaces or more, a tab, a `|` or brackets, as apps
    /// write it, rather than by one space, as a note might.
    pub(super) strong: bool,
}

/// `Name  10:14 AM`, `Name 10:14`, `Name  0:42`, `Name | 14:02`,
/// `[Name] 14:02:11`, `Name (role)  2:14 PM`.
pub(super) fn header(line: &str) -> Option<Header<'_>> {
    let s = line.trim();
    if s.starts_with('[') {
        if let Some(found) = clock_first(s) {
            return Some(found);
        }
    }
    let last = *s.as_bytes().last()?;
    if s.len() > 100 || !(last.is_ascii_digit() || matches!(last, b'm' | b'M' | b'.' | b']')) {
        return None;
    }
    let (head, clock) = clock_suffix(s)?;
    let name_end = head.trim_end();
    let gap = &head[name_end.len()..];
    let (name_part, strong) = if let Some(n) = name_end.strip_suffix('|') {
        (n.trim_end(), true)
    } else if gap.is_empty() {
        return None;
    } else {
        let wide = gap.chars().count() >= 2 || gap.contains(['\t', '\u{a0}']);
        (name_end, wide)
    };
    let (name_part, strong) = match name_part
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
    {
        Some(inner) => (inner.trim(), true),
        None => (name_part, strong),
    };
    let (name, role) = speaker_name(name_part)?;
    Some(Header {
        name,
        role,
        clock,
        strong,
    })
}

/// `[10:42 AM] Ines Varga`, `[06/11/2026 14:02] Tom Okafor`: a Teams chat
/// export puts the clock (and the date) first and the words on the lines after.
fn clock_first(s: &str) -> Option<Header<'_>> {
    let close = s.find(']')?;
    let inner = &s[1..close];
    let (before, clock) = clock_suffix(inner.trim_end())?;
    // Only a date may stand before the clock.
    let dated = before
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'.' | b'-' | b',' | b' '));
    if !dated {
        return None;
    }
    let (name, role) = speaker_name(s[close + 1..].trim())?;
    Some(Header {
        name,
        role,
        clock,
        strong: true,
    })
}

/// A name as chat apps show it: `Ines Varga`, `Dana (AE)`, or a handle
/// (`pieter.degroot`).
fn speaker_name(text: &str) -> Option<(&str, Option<&str>)> {
    if let Some(found) = crate::bundle::readers::captions::name_like(text) {
        return Some(found);
    }
    let handle = !text.is_empty()
        && text.len() <= 40
        && text.starts_with(|c: char| c.is_alphabetic())
        && text
            .chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    handle.then_some((text, None))
}

/// A clock at the end of `s`, and what stands before it.
fn clock_suffix(s: &str) -> Option<(&str, String)> {
    let mut t = s;
    let bracketed = t.ends_with(']');
    if bracketed {
        t = &t[..t.len() - 1];
    }
    let (rest, meridiem) = meridiem_suffix(t);
    t = rest;
    let run = t
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_digit() || *b == b':')
        .count();
    let time = &t[t.len() - run..];
    if !valid_time(time, meridiem.is_some()) {
        return None;
    }
    t = &t[..t.len() - run];
    if bracketed {
        t = t.strip_suffix('[')?;
    }
    let clock = match meridiem {
        Some(m) => format!("[{time} {m}]"),
        None => format!("[{time}]"),
    };
    Some((t, clock))
}

/// `AM`, `pm`, `a.m.` at the end of `t` (with the space before it), as `AM` or `PM`.
fn meridiem_suffix(t: &str) -> (&str, Option<&'static str>) {
    for (suffix, m) in [
        ("a.m.", "AM"),
        ("p.m.", "PM"),
        ("a.m", "AM"),
        ("p.m", "PM"),
        ("am", "AM"),
        ("pm", "PM"),
    ] {
        let n = suffix.len();
        if t.len() >= n
            && t.is_char_boundary(t.len() - n)
            && t[t.len() - n..].eq_ignore_ascii_case(suffix)
        {
            let rest = &t[..t.len() - n];
            let rest = rest
                .strip_suffix([' ', '\u{a0}', '\u{202f}'])
                .unwrap_or(rest);
            return (rest, Some(m));
        }
    }
    (t, None)
}

/// `h:mm`, `hh:mm`, `h:mm:ss`: minutes and seconds under 60; with a.m./p.m.,
/// hours 1 to 12.
fn valid_time(time: &str, meridiem: bool) -> bool {
    let parts: Vec<&str> = time.split(':').collect();
    let num = |p: &str| p.parse::<u32>().unwrap_or(99);
    (2..=3).contains(&parts.len())
        && (1..=2).contains(&parts[0].len())
        && parts[1..].iter().all(|p| p.len() == 2 && num(p) < 60)
        && (!meridiem || (1..=12).contains(&num(parts[0])))
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// A chat line: who wrote it (when a name is there: an app's own notices
/// name nobody), the clock, the words.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Chat<'a> {
    pub(super) speaker: Option<(&'a str, Option<&'a str>)>,
    pub(super) clock: String,
    pub(super) words: &'a str,
}

/// `02/11/2026, 7:41 pm - Priya: words` (WhatsApp on Android),
/// `[02/11/2026, 19:41:03] Priya: words` (on iOS, also iMessage exports).
pub(super) fn chat(line: &str) -> Option<Chat<'_>> {
    let s = line.trim_start_matches(['\u{200e}', '\u{200f}', ' ']);
    let bracketed = s.starts_with('[');
    let mut r = Reader(if bracketed { &s[1..] } else { s });
    r.digits(1, 4)?;
    let sep = r.one_of(b"/.-")?;
    r.digits(1, 2)?;
    r.byte(sep)?;
    r.digits(2, 4)?;
    let _ = r.byte(b',');
    r.spaces();
    let start = r.0;
    r.digits(1, 2)?;
    // Phones set to some locales (Danish, Finnish, Indonesian...) write the
    // clock with a dot: `01.12.26 15.03 - Name: words`.
    let clock_sep = r.one_of(b":.")?;
    r.digits(2, 2)?;
    if r.byte(clock_sep).is_some() {
        r.digits(2, 2)?;
    }
    let time_len = start.len() - r.0.len();
    let (time, after) = start.split_at(time_len);
    let (after_m, meridiem) = meridiem_prefix(after);
    let mut r = Reader(after_m);
    let time = time.replace('.', ":");
    if !valid_time(&time, meridiem.is_some()) {
        return None;
    }
    if bracketed {
        r.byte(b']')?;
        r.spaces();
    } else {
        r.spaces();
        if r.byte(b'-').is_none() {
            r.0 = r.0.strip_prefix('–')?;
        }
        r.spaces();
    }
    let body = r.0.trim_start_matches(['\u{200e}', '\u{200f}']);
    let clock = match meridiem {
        Some(m) => format!("[{time} {m}]"),
        None => format!("[{time}]"),
    };
    let named = name_prefix(body).map(|(n, r, w)| ((n, r), w)).or_else(|| {
        // Chat apps show names as their owners typed them (`Priya 🌸`, a
        // phone number): short text before the first `: `, no word of it
        // in lower case, as a sentence's would be ("Followed up with Mike:").
        let colon = body.as_bytes().iter().take(60).position(|&b| b == b':')?;
        let name = body[..colon].trim();
        let words = body[colon + 1..].strip_prefix(' ')?;
        let ok = !name.is_empty()
            && name.split_whitespace().count() <= 5
            && !name.contains('"')
            && !name
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase));
        ok.then(|| (split_role(name), words))
    });
    Some(match named {
        Some((speaker, words)) => Chat {
            speaker: Some(speaker),
            clock,
            words,
        },
        None => Chat {
            speaker: None,
            clock,
            words: body,
        },
    })
}

/// ` pm`, `\u{202f}PM`, `am` opening `t`: the rest and `AM` / `PM`.
/// Spanish-locale phones write `a. m.` / `p. m.` (a space, often a no-break
/// one, inside): that space is read as none.
fn meridiem_prefix(t: &str) -> (&str, Option<&'static str>) {
    let s = t.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    for (half, m) in [("a.", "AM"), ("p.", "PM")] {
        if let Some(rest) = s
            .get(..2)
            .filter(|h| h.eq_ignore_ascii_case(half))
            .map(|_| &s[2..])
        {
            let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            if let Some(after) = rest
                .get(..2)
                .filter(|x| x.eq_ignore_ascii_case("m."))
                .map(|_| &rest[2..])
            {
                return (after, Some(m));
            }
        }
    }
    for (prefix, m) in [("a.m.", "AM"), ("p.m.", "PM"), ("am", "AM"), ("pm", "PM")] {
        if s.len() >= prefix.len()
            && s.is_char_boundary(prefix.len())
            && s[..prefix.len()].eq_ignore_ascii_case(prefix)
            && !s[prefix.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            return (&s[prefix.len()..], Some(m));
        }
    }
    (t, None)
}

/// A cursor over a line, byte by byte.
struct Reader<'a>(&'a str);

impl Reader<'_> {
    fn digits(&mut self, min: usize, max: usize) -> Option<()> {
        let n = self.0.bytes().take_while(u8::is_ascii_digit).count();
        if !(min..=max).contains(&n) {
            return None;
        }
        self.0 = &self.0[n..];
        Some(())
    }

    fn byte(&mut self, b: u8) -> Option<()> {
        if self.0.as_bytes().first() == Some(&b) {
            self.0 = &self.0[1..];
            return Some(());
        }
        None
    }

    fn one_of(&mut self, set: &[u8]) -> Option<u8> {
        let b = *self.0.as_bytes().first()?;
        set.contains(&b).then(|| {
            self.0 = &self.0[1..];
            b
        })
    }

    fn spaces(&mut self) {
        self.0 = self.0.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(line: &str) -> Option<(String, Option<String>, String, bool)> {
        header(line).map(|h| (h.name.into(), h.role.map(String::from), h.clock, h.strong))
    }

    #[test]
    fn headers() {
        let s = |n: &str, c: &str, strong: bool| Some((n.to_string(), None, c.to_string(), strong));
        assert_eq!(
            h("Ines Varga  10:14 AM"),
            s("Ines Varga", "[10:14 AM]", true)
        );
        assert_eq!(h("Ines Varga 10:14"), s("Ines Varga", "[10:14]", false));
        assert_eq!(h("Ines Varga  0:42"), s("Ines Varga", "[0:42]", true));
        assert_eq!(h("Tom Okafor  |  14:02"), s("Tom Okafor", "[14:02]", true));
        assert_eq!(
            h("[Tom Okafor] 14:02:11"),
            s("Tom Okafor", "[14:02:11]", true)
        );
        assert_eq!(
            h("Tom Okafor   2:14 p.m."),
            s("Tom Okafor", "[2:14 PM]", true)
        );
        assert_eq!(
            h("Tom Okafor 00:03:12"),
            s("Tom Okafor", "[00:03:12]", false)
        );
        assert_eq!(
            h("pieter.degroot  [10:14 AM]"),
            s("pieter.degroot", "[10:14 AM]", true)
        );
        assert_eq!(h("Speaker 1  0:02"), s("Speaker 1", "[0:02]", true));
        assert_eq!(
            h("[10:42 AM] Ines Varga"),
            s("Ines Varga", "[10:42 AM]", true)
        );
        assert_eq!(
            h("[06/11/2026 14:02] Tom Okafor"),
            s("Tom Okafor", "[14:02]", true)
        );
        assert_eq!(
            h("Dana Whitfield (AE)  9:05 AM"),
            Some((
                "Dana Whitfield".into(),
                Some("AE".into()),
                "[9:05 AM]".into(),
                true
            ))
        );
        for no in [
            "Meeting at 10:14",
            "Call moved to 10:14",
            "Budget: 40000",
            "10:14",
            "Ines Varga10:14",
            "Ines Varga  13:14 PM",
            "Ines Varga  10:75",
            "The standup is 9:30",
            "[10:42 AM] Ines Varga: words",
            "[Note 10:42] Ines Varga",
            "[10:42 AM] we will call you back",
        ] {
            assert_eq!(h(no), None, "{no}");
        }
        for odd in ["é 1:00 ", "]", "a [1:00]", "x\u{202f}pm", ":: 1:1:1 am"] {
            let _ = h(odd);
        }
    }

    #[test]
    fn chats() {
        type Speaker<'a> = Option<(&'a str, Option<&'a str>)>;
        fn c(line: &str) -> Option<(Speaker<'_>, String, &str)> {
            chat(line).map(|c| (c.speaker, c.clock, c.words))
        }
        assert_eq!(
            c("01.12.26 15.03 - Priya: We'll sign today"),
            Some((Some(("Priya", None)), "[15:03]".into(), "We'll sign today"))
        );
        assert_eq!(c("01.12.26 15.63 - Priya: no such minute"), None);
        assert_eq!(c("01.12.26 15.03:10 - Priya: mixed clock"), None);
        assert_eq!(
            c("02/11/2026, 7:41 pm - Priya: We'll sign today"),
            Some((
                Some(("Priya", None)),
                "[7:41 PM]".into(),
                "We'll sign today"
            ))
        );
        // A Spanish-locale phone: "p. m." with a (no-break) space inside.
        assert_eq!(
            c("13/10/26, 1:15 p.\u{a0}m. - Lucía Ferrer: Sí, va incluido"),
            Some((
                Some(("Lucía Ferrer", None)),
                "[1:15 PM]".into(),
                "Sí, va incluido"
            ))
        );
        assert_eq!(
            c("13/10/26, 9:05 a. m. - Beto: ok").map(|c| c.1),
            Some("[9:05 AM]".into())
        );
        assert_eq!(
            c("[02/11/2026, 19:41:03] Priya Shah: ok"),
            Some((Some(("Priya Shah", None)), "[19:41:03]".into(), "ok"))
        );
        assert_eq!(
            c("\u{200e}[2/11/26, 7:41:03\u{202f}PM] Me: sent"),
            Some((Some(("Me", None)), "[7:41:03 PM]".into(), "sent"))
        );
        assert_eq!(
            c("2.11.26, 19:41 – +44 7700 900123: hi"),
            Some((Some(("+44 7700 900123", None)), "[19:41]".into(), "hi"))
        );
        assert_eq!(
            c("02/11/2026, 7:40 pm - Messages are end-to-end encrypted."),
            Some((
                None,
                "[7:40 PM]".into(),
                "Messages are end-to-end encrypted."
            ))
        );
        for no in [
            "2026-11-02 notes",
            "[10:02] dana: hi",
            "02/11/2026 was the call",
            "12/10 - Dana: x",
        ] {
            assert_eq!(c(no), None, "{no}");
        }
    }
}
