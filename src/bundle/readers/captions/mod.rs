//! Captions: WebVTT (`.vtt`) and SubRip (`.srt`) files as transcript turns.
//!
//! Timings, cue numbers and identifiers, `NOTE` / `STYLE` / `REGION` blocks
//! and tags are not text. A voice tag (`<v Name>`) or a speaker mark in the
//! text (`Name:`, `- Name:`, `[Name]`) names the speaker, who keeps the floor
//! over the cues that follow until someone else is named (`>>` and a dialogue
//! dash hand it to someone unnamed). The cues of one speaker make one turn,
//! so a sentence running across cues is one statement; each cue line stands
//! in the view on its own line, mapped to its stored line, so the statement
//! is cited where its first words stand.

mod cue;

pub(crate) use cue::{decode_entities, name_like, name_prefix, split_role};

use super::Unreadable;
use super::turns::{Names, Turns, clock};
use super::view::View;
use cue::{Change, pieces, speaker_marks};

/// Read a WebVTT file.
pub fn read_vtt(stored: &str) -> Result<View, Unreadable> {
    read(stored, Kind::Vtt)
}

/// Read a SubRip file.
pub fn read_srt(stored: &str) -> Result<View, Unreadable> {
    read(stored, Kind::Srt)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Vtt,
    Srt,
}

/// Where the line scanner stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between blocks: the next line opens a cue (an identifier or its
    /// timing) or, in WebVTT, a `NOTE` / `STYLE` / `REGION` block.
    Between,
    /// After a cue identifier: its timing line comes next.
    AfterId,
    /// In a cue's text, which started at this many seconds.
    Cue(u64),
    /// In a block that is not text (the header, a note, a malformed cue),
    /// up to the next blank line.
    Skip,
}

fn read(stored: &str, kind: Kind) -> Result<View, Unreadable> {
    let stored = stored.strip_prefix('\u{feff}').unwrap_or(stored);
    let mut writer = CueWriter::new();
    let mut state = State::Between;
    let mut timings = 0usize;
    let mut lines = stored.lines().zip(1u32..).peekable();
    while let Some((raw, no)) = lines.next() {
        let line = raw.trim_end_matches('\r');
        let blank = line.trim().is_empty();
        if no == 1 && kind == Kind::Vtt && line.trim_start().starts_with("WEBVTT") {
            state = State::Skip;
            continue;
        }
        // A timing line opens a cue wherever it stands (a cue whose blank line
        // was lost, a header run into the first cue).
        if let Some(timing) = timing(line) {
            match timing {
                Some(start) => {
                    timings += 1;
                    state = State::Cue(start);
                }
                None => state = State::Skip,
            }
            continue;
        }
        state = match state {
            _ if blank => State::Between,
            State::Skip => State::Skip,
            State::Between if kind == Kind::Vtt && is_block_keyword(line) => State::Skip,
            State::Between => State::AfterId,
            // Text where a timing should be: a malformed cue, skipped.
            State::AfterId => State::Skip,
            State::Cue(start) => {
                // A cue number whose blank line was lost, before the next timing.
                let is_number = line.trim().bytes().all(|b| b.is_ascii_digit());
                if !(is_number && lines.peek().is_some_and(|(l, _)| timing(l).is_some())) {
                    writer.line(line, no, start);
                }
                State::Cue(start)
            }
        };
    }
    if timings == 0 {
        let what = match kind {
            Kind::Vtt => "WebVTT captions",
            Kind::Srt => "SubRip captions",
        };
        return Err(Unreadable::new(format!(
            "not {what}: no cue timing line (`00:00:01.000 --> 00:00:04.000`)"
        )));
    }
    Ok(writer.turns.finish())
}

/// The voices of a line with voice tags (`<v Name>words</v>`) pasted into a
/// note: who (when a tag names them) says what, tags and entities removed.
pub(crate) fn voices(line: &str) -> Vec<(Option<String>, String)> {
    pieces(line)
        .into_iter()
        .map(|p| (p.voice, p.text))
        .collect()
}

/// `NOTE`, `STYLE`, `REGION` open a WebVTT block that is not cue text.
fn is_block_keyword(line: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|k| {
        line.strip_prefix(k)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

/// A timing line `00:01:02.500 --> 00:01:05.000 align:start`: `None` when the
/// line is none; `Some(None)` when it is one but malformed; else the start in
/// whole seconds.
fn timing(line: &str) -> Option<Option<u64>> {
    let (start, end) = line.split_once("-->")?;
    let end = end.split_whitespace().next().unwrap_or("");
    Some(match (seconds(start.trim()), seconds(end)) {
        (Some(s), Some(_)) => Some(s),
        _ => None,
    })
}

/// `[hh:]mm:ss[.ttt]` (`,` in SubRip) in whole seconds.
fn seconds(stamp: &str) -> Option<u64> {
    let (clock, frac) = match stamp.split_once(['.', ',']) {
        Some((c, f)) => (c, Some(f)),
        None => (stamp, None),
    };
    if frac.is_some_and(|f| f.is_empty() || f.len() > 3 || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u64>().ok();
    let (h, m, s) = match parts[..] {
        [m, s] => (0, n(m)?, n(s)?),
        [h, m, s] => (n(h)?, n(m)?, n(s)?),
        _ => return None,
    };
    (m < 60 && s < 60).then_some(h * 3600 + m * 60 + s)
}

/// Cue text to turns: who holds the floor, and whether they have been named.
struct CueWriter {
    turns: Turns,
    names: Names,
    /// The speaker holding the floor, as named (a name the segmenter cannot
    /// read keeps the floor too, written without a prefix); `None` when
    /// nobody named speaks.
    speaker: Option<(String, Option<String>)>,
}

impl CueWriter {
    fn new() -> Self {
        Self {
            turns: Turns::new(false),
            names: Names::default(),
            speaker: None,
        }
    }

    /// One line of cue text on stored line `no`, in a cue starting at `start`.
    fn line(&mut self, line: &str, no: u32, start: u64) {
        for piece in pieces(line) {
            let (marks, text) = speaker_marks(&piece.text);
            // A voice tag names the speaker whatever the text says after it.
            let change = match &piece.voice {
                Some(voice) => {
                    let (name, role) = split_role(voice);
                    Some(Change::Named {
                        name: name.to_string(),
                        role: role.map(str::to_string),
                    })
                }
                None => marks,
            };
            match change {
                Some(Change::Named { name, role }) => {
                    let who = (name, role);
                    if self.speaker.as_ref() != Some(&who) {
                        let part = self.names.prefix(&who.0, who.1.as_deref());
                        self.turns.open(part.as_deref(), &clock(start), no);
                        self.speaker = Some(who);
                    }
                }
                Some(Change::Unnamed) => {
                    self.turns.open(None, "", no);
                    self.speaker = None;
                }
                None => {}
            }
            self.turns.text(text, no);
        }
    }
}

#[cfg(test)]
mod tests;
