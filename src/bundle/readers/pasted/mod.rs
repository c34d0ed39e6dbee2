//! Chats and transcripts pasted into `.md` / `.txt` notes, and the artefacts
//! Notion and Google Docs leave in Markdown exports.
//!
//! Transcript apps put the speaker on a line of their own, the words on the
//! lines after it (`Ines Varga  10:14 AM`); chat exports put a date before
//! the name (`02/11/2026, 7:41 pm - Priya: words`); an exporter's own words
//! are `Me:`. Each becomes a `[clock] Name: words` turn the segmenter reads,
//! on the stored line its words stand on: the view has one line per stored
//! line. A note with none of these is read as it stands (`None`): every line
//! goes through byte tests that give up at the first mismatch, nothing more.

mod headers;
mod markup;

use super::captions;
use super::turns::{Names, Turns};
use super::view::View;
use headers::{Chat, Header, chat, header};
use std::borrow::Cow;
use std::collections::HashMap;

/// What a line of a note is.
enum Line<'a> {
    /// Words (export artefacts removed), or a header not taken as one.
    Text(Cow<'a, str>),
    Header(Header<'a>),
    Chat(Chat<'a>),
    /// `Me: words`.
    Me(Cow<'a, str>),
    /// A line with voice tags (`<v Name>words</v>`): who says what.
    Voices(Vec<(Option<String>, String)>),
    /// Not evidence: a Notion property.
    Dropped,
}

/// The view of a Markdown or plain-text note, when it holds a pasted chat
/// or transcript, pasted captions, or export artefacts.
pub fn read_pasted(stored: &str) -> Option<View> {
    let stored = stored.strip_prefix('\u{feff}').unwrap_or(stored);
    if let Some(view) = pasted_captions(stored) {
        return Some(view);
    }
    let raw: Vec<&str> = stored.lines().map(|l| l.trim_end_matches('\r')).collect();
    let notion = markup::notion_properties(&raw);
    if notion.is_none() && !raw.iter().any(|l| worth_a_look(l)) {
        return None;
    }
    let mut lines: Vec<Line<'_>> = raw.iter().map(|l| classify(l)).collect();
    if let Some(range) = notion {
        for l in &mut lines[range] {
            *l = Line::Dropped;
        }
    }
    without_callout_icons(&raw, &mut lines);
    let mut names = Names::default();
    if !is_transcript(&raw, &lines, &mut names) {
        // A header not followed by words, or one of too few: the line as written.
        for (l, raw) in lines.iter_mut().zip(&raw) {
            if matches!(l, Line::Header(_)) {
                *l = Line::Text(markup::clean(raw));
            }
        }
    }
    if lines
        .iter()
        .all(|l| matches!(l, Line::Text(Cow::Borrowed(_))))
    {
        return None;
    }
    // A dated line whose name the segmenter would not take is written as it
    // stands: the view may come out the same as the note.
    let view = write(&raw, &lines, &mut names);
    let same = view.len() == raw.len() && view.text().lines().eq(raw.iter().copied());
    (!same).then_some(view)
}

/// The cheap test every line of a note goes through: may it be anything but
/// words as they stand?
fn worth_a_look(line: &str) -> bool {
    let b = line.trim().as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    first.is_ascii_digit()
        || (first == b'[' && b.len() > 8)
        || last.is_ascii_digit()
        || matches!(last, b'm' | b'M' | b']')
        || b.starts_with(b"Me:")
        || markup::may_hold_artefact(line)
}

fn classify(line: &str) -> Line<'_> {
    if !worth_a_look(line) {
        return Line::Text(Cow::Borrowed(line));
    }
    // A dated line naming nobody (an app's notice, a log entry) stays as written.
    if let Some(c) = chat(line).filter(|c| c.speaker.is_some()) {
        return Line::Chat(c);
    }
    if let Some(h) = header(line) {
        return Line::Header(h);
    }
    if let Some(words) = line.trim_start().strip_prefix("Me:")
        && (words.is_empty() || words.starts_with([' ', '\t']))
    {
        return Line::Me(markup::clean(words.trim_start()));
    }
    if line.contains("<v ") || line.contains("<v.") {
        let voices = captions::voices(line);
        if voices.iter().any(|(v, _)| v.is_some()) {
            return Line::Voices(voices);
        }
    }
    Line::Text(markup::clean(line))
}

/// Notion writes a callout's icon before its words (`<aside>` then
/// `💡 words`): a picture, not words. The first words after `<aside>` lose a
/// symbol standing apart at their start.
fn without_callout_icons(raw: &[&str], lines: &mut [Line<'_>]) {
    let mut in_callout = false;
    for (l, raw) in lines.iter_mut().zip(raw) {
        if raw.contains("<aside") {
            in_callout = true;
        }
        let Line::Text(text) = l else { continue };
        if !in_callout || text.trim().is_empty() {
            continue;
        }
        in_callout = false;
        let t = text.trim_start();
        let icon_len = t
            .chars()
            .take_while(|c| !c.is_alphanumeric() && !c.is_ascii() && !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>();
        if icon_len > 0 && t[icon_len..].starts_with([' ', '\u{a0}']) {
            *text = Cow::Owned(t[icon_len..].trim_start().to_string());
        }
    }
}

/// Whether the headers of a note make it a transcript: two or more, each
/// followed by words, and either a name that comes back (a conversation)
/// or app-style headers naming people by full name, handle or as `Me` (a chat).
/// An agenda (`Demo  10:15`) names no one twice. Names the segmenter
/// would not read as a speaker do not count.
fn is_transcript(raw: &[&str], lines: &[Line<'_>], names: &mut Names) -> bool {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut strong = 0;
    let mut full_names = true;
    for (i, l) in lines.iter().enumerate() {
        let Line::Header(h) = l else { continue };
        let next = raw[i + 1..]
            .iter()
            .take(2)
            .position(|l| !l.trim().is_empty())
            .map(|j| &lines[i + 1 + j]);
        if !matches!(next, Some(Line::Text(_)))
            || names.prefix(h.name, role(h.name, h.role)).is_none()
        {
            continue;
        }
        *seen.entry(h.name).or_default() += 1;
        strong += usize::from(h.strong);
        full_names &= h.name.contains([' ', '.', '_']) || role(h.name, None).is_some();
    }
    let total: usize = seen.values().sum();
    total >= 2 && (seen.len() < total || (strong == total && full_names))
}

/// The role a speaker is given: `Me`, in a chat export, is the person who
/// exported it, an account executive keeping the deal's notes.
fn role<'a>(name: &str, role: Option<&'a str>) -> Option<&'a str> {
    role.or_else(|| name.eq_ignore_ascii_case("me").then_some("seller"))
}

/// The view: one line per stored line.
fn write(raw: &[&str], lines: &[Line<'_>], names: &mut Names) -> View {
    let mut t = Turns::new(true);
    for (i, ((line, raw), no)) in lines.iter().zip(raw).zip(1u32..).enumerate() {
        match line {
            Line::Header(h) => {
                let part = names.prefix(h.name, role(h.name, h.role));
                t.open(part.as_deref(), &h.clock, no);
                t.blank(no);
            }
            Line::Chat(c) => {
                t.close();
                match c.speaker.and_then(|(n, r)| names.prefix(n, role(n, r))) {
                    Some(part) => {
                        let words = markup::clean(c.words);
                        t.raw(&format!("{} {part}: {words}", c.clock), no);
                    }
                    // A name the segmenter would not take: the line as written.
                    None => t.raw(&markup::clean(raw), no),
                }
            }
            Line::Me(words) => {
                t.close();
                t.raw(&format!("Me (seller): {words}"), no);
            }
            Line::Voices(voices) => {
                t.close();
                for (voice, words) in voices {
                    let (name, r) = voice.as_deref().map(captions::split_role).unzip();
                    let part = name.and_then(|n| names.prefix(n, role(n, r.flatten())));
                    match part {
                        // A voice tag names the speaker for certain; the
                        // segmenter is certain of a turn that comes with a
                        // clock. None is written here: a zero clock stands
                        // for it, stripped with the name like any clock.
                        Some(part) => t.raw(&format!("[00:00:00] {part}: {}", words.trim()), no),
                        None => t.raw(words.trim(), no),
                    }
                }
            }
            Line::Dropped => t.raw("", no),
            // "Their asks:" over a list: the writer's summary of what the
            // other side wants, read as a heading over its items (as in
            // notes), not as the speaker's own words.
            Line::Text(text) if t.in_turn() && opens_list(text, lines.get(i + 1)) => {
                t.close();
                t.raw(text, no);
            }
            Line::Text(text) if t.in_turn() && ends_turn(text) => {
                t.close();
                t.raw(text, no);
            }
            Line::Text(text) if t.in_turn() => t.text(text, no),
            Line::Text(text) => t.raw(text, no),
        }
    }
    t.finish()
}

/// A label line ending in a colon with a list item right below it.
fn opens_list(text: &str, next: Option<&Line<'_>>) -> bool {
    let item = |t: &str| {
        let t = t.trim_start();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')')))
            || t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("• ")
    };
    text.trim_end().ends_with(':')
        && text.split_whitespace().count() <= 6
        && matches!(next, Some(Line::Text(n)) if item(n))
}

/// A Markdown heading or a rule: the transcript is over.
fn ends_turn(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("# ")
        || t.starts_with("## ")
        || t.starts_with("### ")
        || (t.len() >= 3 && t.bytes().all(|b| b == b'-' || b == b'*' || b == b'='))
}

/// Captions pasted into a note: a `WEBVTT` header, or a SubRip cue number
/// with its timing line.
fn pasted_captions(stored: &str) -> Option<View> {
    let mut first = stored.lines().map(str::trim).filter(|l| !l.is_empty());
    let head = first.next()?;
    if head.starts_with("WEBVTT") {
        return captions::read_vtt(stored).ok();
    }
    if head.bytes().all(|b| b.is_ascii_digit()) && first.next().is_some_and(|l| l.contains("-->")) {
        return captions::read_srt(stored).ok();
    }
    None
}

#[cfg(test)]
mod tests;
