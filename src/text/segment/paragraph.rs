//! The paragraph state machine: groups classified lines into paragraphs (a
//! wrapped sentence is one statement, cited at its first line), tracks the
//! heading, email authors and signature blocks that give statements their
//! context, and splits each paragraph into sentences.

use super::email::{author_of_wrote, is_greeting, is_lone_name, is_sign_off, signature_like};
use super::inline::heading_text;
use super::lines::{Class, Line};
use super::lower::with_lower;
use super::names::count_name_words;
use super::sentences::{is_unpunctuated, sentence_bounds};
use super::shapes::{
    is_bracket_note, is_caps_heading, is_colon_heading, is_labelled, is_record, is_short_title,
};
use super::speaker::Speaker;
use super::{Context, Statement, StatementKind};
use foldhash::HashMap;
use std::sync::Arc;

#[derive(Debug)]
struct Para<'a> {
    kind: StatementKind,
    depth: u8,
    marker_indent: usize,
    speaker: Option<Arc<str>>,
    role: Option<Arc<str>>,
    /// Line number and text of each line, borrowed from the classified lines.
    lines: Vec<(u32, &'a str)>,
    /// A record line (log entry, timestamped line): the next line starts anew
    /// unless it clearly continues it.
    closed: bool,
}

/// How many contexts a statement may share with those before it.
const RECENT_CONTEXTS: usize = 4;

pub(super) struct Segmenter<'a> {
    lines: &'a [Line<'a>],
    bullet_names: HashMap<String, usize>,
    next_nonblank: Vec<usize>,
    has_strong_turn: bool,
    /// Most `Name:` lines repeat a name: the file is a dialogue, every such line a turn.
    weak_dialogue: bool,
    /// Speech-to-text or terse notes with almost no sentence ends: each line is
    /// a statement, since nothing else marks where one ends.
    unpunctuated: bool,
    weak_counts: HashMap<String, usize>,
    heading: Option<Arc<str>>,
    authors: Vec<Option<Arc<str>>>,
    /// The contexts of the last statements, for the next ones to share.
    contexts: std::collections::VecDeque<Arc<Context>>,
    para: Option<Para<'a>>,
    /// In a signature block (after a sign-off) at this quote depth.
    signature: Option<u8>,
    out: Vec<Statement>,
    /// Buffers kept from one paragraph to the next: a flushed paragraph's line
    /// list, its joined text and where each of its lines starts in it.
    spare_lines: Vec<(u32, &'a str)>,
    joined: String,
    starts: Vec<(usize, u32)>,
}

impl<'a> Segmenter<'a> {
    /// `lines` are the classified lines of `text`.
    pub(super) fn new(text: &str, lines: &'a [Line<'a>]) -> Self {
        let mut next_nonblank = vec![lines.len(); lines.len()];
        let mut next = lines.len();
        for i in (0..lines.len()).rev() {
            next_nonblank[i] = next;
            if !matches!(lines[i].class, Class::Blank) {
                next = i;
            }
        }
        let mut has_strong_turn = false;
        let mut weak_counts = HashMap::default();
        for l in lines {
            if let Class::Turn { speaker, .. } = &l.class {
                if speaker.strong {
                    has_strong_turn = true;
                } else {
                    with_lower(&speaker.name, |name| match weak_counts.get_mut(name) {
                        Some(n) => *n += 1,
                        None => {
                            weak_counts.insert(name.to_string(), 1usize);
                        }
                    });
                }
            }
        }
        // A bullet's `Name:` prefix names a speaker when the name's first word
        // also appears elsewhere in the file ("- Keiko: we'll ..." and "Keiko to
        // send ..."), not when it is a one-off label ("- Sensitivity: ...").
        let mut firsts: HashMap<String, usize> = HashMap::default();
        for l in lines {
            if let Class::Bullet {
                speaker: Some(s), ..
            } = &l.class
                && !s.strong
            {
                firsts.insert(
                    s.name.split_whitespace().next().unwrap_or("").to_string(),
                    0,
                );
            }
        }
        if !firsts.is_empty() {
            count_name_words(text, &mut firsts);
        }
        let weak_total: usize = weak_counts.values().sum();
        let weak_repeated: usize = weak_counts.values().filter(|&&n| n >= 2).sum();
        let weak_dialogue = weak_total >= 4 && weak_repeated * 2 >= weak_total;
        Segmenter {
            weak_dialogue,
            unpunctuated: is_unpunctuated(text),
            bullet_names: firsts,
            lines,
            next_nonblank,
            has_strong_turn,
            weak_counts,
            heading: None,
            authors: Vec::new(),
            contexts: std::collections::VecDeque::with_capacity(RECENT_CONTEXTS),
            para: None,
            signature: None,
            out: Vec::new(),
            spare_lines: Vec::new(),
            joined: String::new(),
            starts: Vec::new(),
        }
    }

    /// A `Name: text` line is a turn when the name came with a timestamp or role,
    /// when the file has such turns, or when the same name opens two lines or more.
    fn accepts(&self, s: &Speaker) -> bool {
        s.strong
            || self.has_strong_turn
            || self.weak_dialogue
            || with_lower(&s.name, |name| {
                self.weak_counts.get(name).copied().unwrap_or(0) >= 2
            })
    }

    pub(super) fn run(mut self) -> Vec<Statement> {
        let lines = self.lines;
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            let d = line.depth;
            if self.para.as_ref().is_some_and(|p| p.depth != d) {
                self.flush();
            }
            if self.signature.is_some_and(|sd| sd != d) {
                self.signature = None;
            }
            match &line.class {
                Class::Blank => self.flush(),
                Class::Rule(c) => self.rule(*c, d),
                Class::Heading(h) => {
                    self.flush();
                    self.signature = None;
                    self.heading = (!h.is_empty()).then(|| Arc::from(h.as_str()));
                }
                Class::TableSep => self.flush(),
                Class::Table(cells) => {
                    self.flush();
                    self.signature = None;
                    if cells.iter().any(|c| c.chars().any(char::is_alphanumeric)) {
                        let text = cells.join(" | ").into_boxed_str();
                        let mut st =
                            self.statement(line.no, text, StatementKind::TableRow, d, None, None);
                        st.cells = cells.clone().into();
                        self.out.push(st);
                    }
                }
                Class::Bullet {
                    checkbox,
                    text,
                    speaker,
                } => {
                    self.flush();
                    self.signature = None;
                    let kind = if *checkbox {
                        StatementKind::Checkbox
                    } else {
                        StatementKind::Bullet
                    };
                    let mut p = Para {
                        kind,
                        depth: d,
                        marker_indent: line.indent,
                        speaker: speaker
                            .as_ref()
                            .filter(|s| self.bullet_speaker(s, text))
                            .map(|s| Arc::from(s.name.as_str())),
                        role: speaker
                            .as_ref()
                            .filter(|s| self.bullet_speaker(s, text))
                            .and_then(|s| s.role.as_deref().map(Arc::from)),
                        lines: self.para_lines(),
                        closed: false,
                    };
                    if !text.is_empty() {
                        p.lines.push((line.no, text));
                    }
                    self.para = Some(p);
                }
                Class::From(author) => {
                    self.flush();
                    self.signature = None;
                    self.heading = None;
                    // The quoted body an Outlook "Original Message" block
                    // introduces is its sender's (see the helper).
                    let depth = super::email::original_message_body_depth(lines, i).unwrap_or(d);
                    self.set_author(depth, author.clone());
                }
                Class::Header => {
                    self.flush();
                    self.signature = None;
                }
                Class::OnWrote(author) => {
                    self.flush();
                    self.signature = None;
                    self.wrote(i, author.clone());
                }
                Class::Turn {
                    speaker,
                    clean,
                    text_at,
                } => {
                    // `clean` is the line's body with emphasis removed.
                    if self.continues_bullet(line) || !self.accepts(speaker) {
                        i = self.prose(i, clean);
                        continue;
                    }
                    let rest = clean[*text_at..].trim();
                    self.flush();
                    self.signature = None;
                    let mut p = Para {
                        kind: StatementKind::Turn,
                        depth: d,
                        marker_indent: line.indent,
                        speaker: Some(Arc::from(speaker.name.as_str())),
                        role: speaker.role.as_deref().map(Arc::from),
                        lines: self.para_lines(),
                        closed: false,
                    };
                    if !rest.is_empty() {
                        p.lines.push((line.no, rest));
                    }
                    self.para = Some(p);
                }
                Class::Prose(text) => {
                    i = self.prose(i, text);
                    continue;
                }
            }
            i += 1;
        }
        self.flush();
        self.out
    }

    fn bullet_speaker(&self, s: &Speaker, text: &str) -> bool {
        // "- Acme: Maria Chen (COO), Dev Patel (IT)" under "Attendees" lists people.
        let roster = self.heading.as_deref().is_some_and(|h| {
            let h = h.to_lowercase();
            [
                "attendee",
                "present",
                "participant",
                "people",
                "contacts",
                "stakeholder",
                "who",
            ]
            .iter()
            .any(|w| h.contains(w))
        }) || text.matches("), ").nth(0).is_some()
            && text.matches('(').nth(1).is_some();
        if roster {
            return false;
        }
        s.strong
            || self
                .bullet_names
                .get(s.name.split_whitespace().next().unwrap_or(""))
                .copied()
                .unwrap_or(0)
                >= 2
    }

    fn continues_bullet(&self, line: &Line<'_>) -> bool {
        self.para.as_ref().is_some_and(|p| {
            matches!(p.kind, StatementKind::Bullet | StatementKind::Checkbox)
                && line.indent > p.marker_indent
        })
    }

    fn rule(&mut self, c: char, d: u8) {
        if matches!(c, '-' | '=')
            && let Some(p) = &self.para
            && p.kind == StatementKind::Sentence
            && p.lines.len() == 1
        {
            let t = p.lines[0].1.trim();
            if t.chars().count() <= 80 && (c == '=' || !t.ends_with('.')) {
                self.heading = Some(Arc::from(heading_text(t)));
                if let Some(p) = self.para.take() {
                    self.recycle(p.lines);
                }
                return;
            }
        }
        self.flush();
        if c == 's' {
            self.signature = Some(d);
        }
    }

    /// A prose line (or a line whose speaker prefix was not taken as one). Returns
    /// the index of the next line to read.
    fn prose(&mut self, i: usize, text: &'a str) -> usize {
        let line = &self.lines[i];
        let d = line.depth;
        if text.is_empty() {
            return i + 1;
        }
        // `On <date>, Name <addr>` wrapped before `wrote:`.
        if text.starts_with("On ")
            && let Some(j) = self.wrapped_wrote(i)
        {
            self.flush();
            self.signature = None;
            let joined: Vec<&str> = self.lines[i..=j].iter().map(|l| l.body).collect();
            self.wrote(j, author_of_wrote(&joined.join(" ")));
            return j + 1;
        }
        // Continuation of a bullet (indented) or a turn.
        if let Some(p) = &mut self.para {
            let cont = match p.kind {
                StatementKind::Bullet | StatementKind::Checkbox => {
                    let last = p.lines.last().map_or("", |(_, t)| *t);
                    // Once wrapped unindented, an unfinished line goes on
                    // into the next that opens in lower case.
                    let runs_on = p.lines.len() > 1
                        && !last.trim_end().ends_with(['.', '!', '?', ':', ';'])
                        && text.chars().next().is_some_and(char::is_lowercase);
                    line.indent > p.marker_indent
                        || ((ends_open(last) || runs_on) && !is_record(text) && !is_labelled(text))
                }
                StatementKind::Turn => !is_record(text) && !self.unpunctuated,
                _ => false,
            };
            if cont {
                p.lines.push((line.no, text));
                return i + 1;
            }
        }
        if is_sign_off(text) {
            self.flush();
            self.signature = Some(d);
            return i + 1;
        }
        if self.signature == Some(d) {
            if signature_like(text) {
                return i + 1;
            }
            self.signature = None;
        }
        let continues = match &self.para {
            Some(p) if p.kind == StatementKind::Sentence && !self.unpunctuated => {
                let last = p.lines.last().map_or("", |(_, t)| *t);
                let first_char = text.chars().next().unwrap_or(' ');
                let starts_sentence = first_char.is_uppercase() || first_char.is_ascii_digit();
                let closed = p.closed && (starts_sentence || line.indent == 0);
                !(closed
                    || is_record(text)
                    || is_labelled(text)
                    || (starts_sentence && is_short_title(last))
                    || (last.ends_with(['.', '!', '?']) && is_colon_heading(text)))
            }
            _ => false,
        };
        if continues {
            if let Some(p) = &mut self.para {
                p.lines.push((line.no, text));
            }
            return i + 1;
        }
        self.flush();
        if is_greeting(text) || is_bracket_note(text) {
            return i + 1;
        }
        if !is_record(text)
            && (is_colon_heading(text)
                || is_caps_heading(text)
                || self.is_title_before_list(i, text))
        {
            self.heading = Some(Arc::from(heading_text(text)));
            return i + 1;
        }
        let mut lines = self.para_lines();
        lines.push((line.no, text));
        self.para = Some(Para {
            kind: StatementKind::Sentence,
            depth: d,
            marker_indent: line.indent,
            speaker: None,
            role: None,
            lines,
            closed: is_record(text) || is_labelled(text),
        });
        i + 1
    }

    /// The index of the line ending in `wrote:` that completes an `On ...` line at
    /// `i`, within the next three lines of the same depth.
    fn wrapped_wrote(&self, i: usize) -> Option<usize> {
        let d = self.lines[i].depth;
        let mut len = self.lines[i].body.len();
        for j in i + 1..(i + 4).min(self.lines.len()) {
            let l = &self.lines[j];
            if l.depth != d || matches!(l.class, Class::Blank) {
                return None;
            }
            len += l.body.len();
            if len > 400 {
                return None;
            }
            if l.body.ends_with("wrote:") {
                return Some(j);
            }
        }
        None
    }

    /// An `On ... wrote:` line ending at `i` names the author of the quote that
    /// follows: one level deeper (`> text`) or, when the quote carries on at this
    /// depth, this one.
    fn wrote(&mut self, i: usize, author: Option<String>) {
        let d = self.lines[i].depth;
        let j = self.next_nonblank[i];
        let target = match self.lines.get(j) {
            Some(next) if next.depth > d => d + 1,
            _ => d,
        };
        self.heading = None;
        self.set_author(target, author);
    }

    fn set_author(&mut self, depth: u8, author: Option<String>) {
        let depth = usize::from(depth);
        if self.authors.len() <= depth {
            self.authors.resize(depth + 1, None);
        }
        self.authors[depth] = author.map(Arc::from);
        self.authors.truncate(depth + 1);
    }

    fn is_title_before_list(&self, i: usize, text: &str) -> bool {
        // The look at the next line is the cheapest test, so it comes first.
        let j = self.next_nonblank[i];
        let Some(next) = self.lines.get(j) else {
            return false;
        };
        if !(j <= i + 2
            && next.depth == self.lines[i].depth
            && matches!(
                next.class,
                Class::Bullet { .. } | Class::Table(_) | Class::TableSep
            ))
        {
            return false;
        }
        text.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !text.ends_with(['.', '!', '?', ',', ';'])
            && (text.len() <= 50 || text.chars().count() <= 50)
            && text.split_whitespace().nth(6).is_none()
            && !text.trim_end_matches(':').contains(':')
    }

    fn statement(
        &mut self,
        line: u32,
        text: Box<str>,
        kind: StatementKind,
        depth: u8,
        speaker: Option<Arc<str>>,
        speaker_role: Option<Arc<str>>,
    ) -> Statement {
        let context = Context {
            speaker,
            speaker_role,
            author: self.authors.get(usize::from(depth)).cloned().flatten(),
            heading: self.heading.clone(),
        };
        // A dialogue goes back and forth between a few speakers: the last few
        // contexts are looked through before a new one is made.
        let shared = match self.contexts.iter().position(|c| **c == context) {
            Some(i) => self.contexts[i].clone(),
            None => {
                let made = Arc::new(context);
                if self.contexts.len() == RECENT_CONTEXTS {
                    self.contexts.pop_front();
                }
                self.contexts.push_back(made.clone());
                made
            }
        };
        Statement {
            line,
            text,
            kind,
            quote_depth: depth,
            cells: Box::default(),
            context: shared,
        }
    }

    fn flush(&mut self) {
        let Some(p) = self.para.take() else { return };
        if p.lines.is_empty() {
            self.recycle(p.lines);
            return;
        }
        if p.kind == StatementKind::Sentence && p.lines.len() == 1 && is_lone_name(p.lines[0].1) {
            if self
                .authors
                .get(usize::from(p.depth))
                .is_some_and(Option::is_some)
            {
                self.signature = Some(p.depth);
            }
            self.recycle(p.lines);
            return;
        }
        // Join the lines, remembering where each starts (one line is its own
        // text). The buffers are kept from one paragraph to the next.
        let mut joined = std::mem::take(&mut self.joined);
        let mut starts = std::mem::take(&mut self.starts);
        joined.clear();
        starts.clear();
        let text: &str = if let [(no, t)] = p.lines[..] {
            let t = t.trim();
            if !t.is_empty() {
                starts.push((0, no));
            }
            t
        } else {
            for (no, t) in &p.lines {
                let t = t.trim();
                if t.is_empty() {
                    continue;
                }
                if !joined.is_empty() {
                    joined.push(' ');
                }
                starts.push((joined.len(), *no));
                joined.push_str(t);
            }
            &joined
        };
        let mut li = 0;
        for (a, b) in sentence_bounds(text) {
            // `trim` is `trim_start` then `trim_end`; the first gives the lead.
            let from_lead = text[a..b].trim_start();
            let lead = b - from_lead.len();
            let piece = from_lead.trim_end();
            if !piece.chars().any(char::is_alphanumeric) {
                continue;
            }
            while li + 1 < starts.len() && starts[li + 1].0 <= lead {
                li += 1;
            }
            let no = starts.get(li).map(|s| s.1).unwrap_or(p.lines[0].0);
            let st = self.statement(
                no,
                piece.into(),
                p.kind,
                p.depth,
                p.speaker.clone(),
                p.role.clone(),
            );
            self.out.push(st);
        }
        self.joined = joined;
        self.starts = starts;
        self.recycle(p.lines);
    }

    /// A paragraph's line list, empty, reusing the last one's allocation.
    fn para_lines(&mut self) -> Vec<(u32, &'a str)> {
        std::mem::take(&mut self.spare_lines)
    }

    fn recycle(&mut self, mut lines: Vec<(u32, &'a str)>) {
        lines.clear();
        self.spare_lines = lines;
    }
}

/// Words a statement cannot end on: articles, prepositions and conjunctions in
/// English and the languages deals mix in. A list item whose line ends on one
/// ("... to work from the") was wrapped by the writer's editor, not finished,
/// even when the next line is not indented under it.
const OPEN_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "from", "for", "with", "and", "or", "in", "at", "by", "on",
    "into", "as", "than", "de", "la", "le", "les", "des", "du", "el", "los", "las", "del", "y",
    "da", "do", "das", "dos", "em", "der", "die", "den", "dem", "und", "oder", "zu", "mit", "von",
    "für",
];

/// Whether a line ends mid-sentence: on an open word or a comma.
fn ends_open(line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with(',') {
        return true;
    }
    line.rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| OPEN_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w)))
}
