//! Statement splitting.
//!
//! One pass classifies every line (quote depth, heading, rule, table row, bullet,
//! email header, transcript turn, prose); a second pass groups lines into
//! paragraphs (a wrapped sentence is one statement, cited at its first line) and
//! splits each paragraph into sentences. Everything is linear in the input: the
//! only look-behind (abbreviations) and the speaker pattern are bounded.

use super::abbreviations::{GREETINGS, NAME_PARTICLES, SIGN_OFFS, is_abbreviation, is_label};
use regex::Regex;
use std::sync::LazyLock;

use std::sync::Arc;

/// What shape of text a statement came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// A sentence of running prose.
    Sentence,
    /// A sentence inside a Markdown bullet or numbered list item.
    Bullet,
    /// A checkbox item (`- [ ]` / `- [x]`).
    Checkbox,
    /// A Markdown table row (not the header separator); `cells` holds its cells.
    TableRow,
    /// A transcript or chat turn (`[00:12:31] Dana:`, `Dana (AE): ...`, `[10:42] dana:`).
    Turn,
}

/// One cited statement of an evidence file. A 16 MB notes folder holds a
/// quarter of a million, so the fields are boxed slices and shared strings.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Statement {
    /// 1-based line on which the statement starts.
    pub line: u32,
    /// The statement with markup removed: list / quote / checkbox markers, the
    /// speaker prefix of a turn, emphasis (`**`, `__`), leading/trailing space.
    pub text: Box<str>,
    pub kind: StatementKind,
    /// Cells of a table row, trimmed, markup removed; empty otherwise.
    pub cells: Box<[String]>,
    /// Speaker of a transcript / chat turn as written, without its role: "Dana".
    /// Shared by the sentences of one turn, like the author and heading.
    pub speaker: Option<Arc<str>>,
    /// Role given with the speaker, e.g. "AE" in `Dana (AE):`.
    pub speaker_role: Option<Arc<str>>,
    /// Email quote depth: the number of leading `>`.
    pub quote_depth: u8,
    /// Author of the email text this statement belongs to, when known: from a
    /// `From:` header for depth 0, from an `On <date>, NAME <addr> wrote:` line for
    /// quoted depths.
    pub author: Option<Arc<str>>,
    /// Text of the nearest heading above (Markdown `#`, or a bold-only / ALL-CAPS
    /// line ending in `:` used as a heading), for context.
    pub heading: Option<Arc<str>>,
}

/// Split one file's text into statements, in file order.
pub fn segment(text: &str) -> Vec<Statement> {
    let lines = classify_lines(text);
    Segmenter::new(&lines).run()
}

/// Split running text into sentences (see [`segment`] for the rules: `.`, `!`, `?`
/// or an ellipsis, then space and an uppercase letter, digit, quote or bracket; not
/// after abbreviations or initials). Returns trimmed slices of `text`.
pub fn split_sentences(text: &str) -> Vec<&str> {
    sentence_bounds(text)
        .into_iter()
        .map(|(a, b)| text[a..b].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------
// Line classification

#[derive(Debug, Clone)]
struct Speaker {
    name: String,
    role: Option<String>,
    /// A timestamp or a role came with the name: certainly a turn.
    strong: bool,
}

#[derive(Debug, Clone)]
enum Class {
    Blank,
    /// `---`, `***`, `___`, `===` (the char), or the `-- ` signature delimiter (`'s'`).
    Rule(char),
    Heading(String),
    TableSep,
    Table(Vec<String>),
    Bullet {
        checkbox: bool,
        text: String,
        speaker: Option<Speaker>,
    },
    /// `From:` header, with the author it names.
    From(Option<String>),
    /// Other header lines and forward markers: not statements.
    Header,
    /// `On <date>, Name <addr> wrote:` on one line.
    OnWrote(Option<String>),
    /// A line opening with a speaker prefix; `rest` is the text after it.
    Turn {
        speaker: Speaker,
        rest: String,
    },
    Prose(String),
}

#[derive(Debug)]
struct Line<'a> {
    no: u32,
    depth: u8,
    indent: usize,
    /// The line after its quote prefix, trimmed (raw: emphasis not removed).
    body: &'a str,
    class: Class,
}

fn classify_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let (depth, rest) = quote_prefix(raw);
        let indent = indent_of(rest);
        let body = rest.trim();
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        lines.push(Line {
            no,
            depth,
            indent,
            body,
            class: classify(body),
        });
    }
    // A trailing newline does not make a line.
    if text.ends_with('\n') {
        lines.pop();
    }
    skip_front_matter(&mut lines);
    lines
}

/// Count `>` markers (spaces allowed between them) and strip them with one space.
fn quote_prefix(line: &str) -> (u8, &str) {
    let bytes = line.as_bytes();
    let mut depth = 0u8;
    let mut i = 0;
    let mut end = 0;
    loop {
        let mut j = i;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') && j - i < 4 {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'>' {
            depth = depth.saturating_add(1);
            i = j + 1;
            end = i;
        } else {
            break;
        }
    }
    if depth == 0 {
        return (0, line);
    }
    let rest = &line[end..];
    (depth, rest.strip_prefix(' ').unwrap_or(rest))
}

fn indent_of(s: &str) -> usize {
    let mut n = 0;
    for b in s.bytes() {
        match b {
            b' ' => n += 1,
            b'\t' => n += 4,
            _ => break,
        }
    }
    n
}

fn skip_front_matter(lines: &mut [Line<'_>]) {
    let Some(first) = lines.first() else { return };
    if first.depth != 0 || !(first.body == "---" || first.body == "+++") || first.indent != 0 {
        return;
    }
    let fence = first.body;
    let close = lines
        .iter()
        .enumerate()
        .skip(1)
        .take(60)
        .find(|(_, l)| l.depth == 0 && (l.body == fence || (fence == "---" && l.body == "...")))
        .map(|(i, _)| i);
    if let Some(close) = close {
        for l in &mut lines[..=close] {
            l.class = Class::Blank;
        }
    }
}

fn classify(body: &str) -> Class {
    if body.is_empty() {
        return Class::Blank;
    }
    if let Some(c) = rule_char(body) {
        return Class::Rule(c);
    }
    if body == "--" {
        return Class::Rule('s');
    }
    if let Some(h) = atx_heading(body) {
        return Class::Heading(h);
    }
    if body.starts_with('|') {
        let cells = table_cells(body);
        if cells.iter().all(|c| is_separator_cell(c)) && cells.iter().any(|c| c.contains('-')) {
            return Class::TableSep;
        }
        return Class::Table(cells.into_iter().map(|c| clean_inline(&c)).collect());
    }
    if let Some(h) = bold_heading(body) {
        return Class::Heading(h);
    }
    if let Some((checkbox, text)) = bullet(body) {
        let text = clean_inline(text);
        // "1. PLATFORM" in a plain-text SOW: a numbered section heading.
        if !checkbox && body.starts_with(|c: char| c.is_ascii_digit()) && is_caps_heading(&text) {
            return Class::Heading(heading_text(body));
        }
        let speaker = speaker_prefix(&text).map(|(s, _)| s);
        return Class::Bullet {
            checkbox,
            text,
            speaker,
        };
    }
    let clean = clean_inline(body);
    if let Some(c) = header(&clean) {
        return c;
    }
    // `--- Tuesday, September 29, 2026 ---`: a dated divider in chat exports.
    if let Some(inner) = clean
        .strip_prefix("---")
        .and_then(|r| r.strip_suffix("---"))
    {
        let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
        if !inner.is_empty() {
            return Class::Heading(heading_text(inner));
        }
    }
    if let Some((speaker, end)) = speaker_prefix(&clean) {
        let rest = clean[end..].trim().to_string();
        return Class::Turn { speaker, rest };
    }
    Class::Prose(clean)
}

/// A thematic break / setext underline: 3+ of one of `-*_=`, spaces allowed.
fn rule_char(body: &str) -> Option<char> {
    let first = body.chars().next()?;
    if !matches!(first, '-' | '*' | '_' | '=') {
        return None;
    }
    let mut n = 0;
    for c in body.chars() {
        if c == first {
            n += 1;
        } else if c != ' ' && c != '\t' {
            return None;
        }
    }
    (n >= 3).then_some(first)
}

fn atx_heading(body: &str) -> Option<String> {
    let hashes = body.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &body[hashes..];
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    let rest = rest.trim().trim_end_matches('#').trim();
    Some(heading_text(rest))
}

/// A line that is entirely bold: `**Pain**`, `**Pain:**`, `**Pain**:`, `__Pain__`.
fn bold_heading(body: &str) -> Option<String> {
    for m in ["**", "__"] {
        let Some(inner) = body.strip_prefix(m) else {
            continue;
        };
        let inner = inner.strip_suffix(':').unwrap_or(inner);
        let Some(inner) = inner.strip_suffix(m) else {
            continue;
        };
        if inner.trim().is_empty() || inner.contains(m) {
            continue;
        }
        return Some(heading_text(inner));
    }
    None
}

/// Heading text: emphasis removed, trailing ':' and spaces trimmed, capped in
/// length (every statement below carries a copy).
fn heading_text(s: &str) -> String {
    cap(clean_inline(prefix_at_boundary(s, 4 * CONTEXT_MAX))
        .trim()
        .trim_end_matches(':')
        .trim_end())
}

/// Longest heading or author kept as context, in bytes.
const CONTEXT_MAX: usize = 200;

fn cap(s: &str) -> String {
    if s.len() <= CONTEXT_MAX {
        return s.to_string();
    }
    format!("{}…", prefix_at_boundary(s, CONTEXT_MAX).trim_end())
}

fn table_cells(body: &str) -> Vec<String> {
    let inner = body.strip_prefix('|').unwrap_or(body);
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cur.push('|');
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            c => cur.push(c),
        }
    }
    let last = cur.trim();
    if !last.is_empty() {
        cells.push(last.to_string());
    }
    cells
}

fn is_separator_cell(c: &str) -> bool {
    !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
}

/// A list marker: returns (is checkbox, text after the marker).
fn bullet(body: &str) -> Option<(bool, &str)> {
    let mut chars = body.char_indices();
    let (_, first) = chars.next()?;
    let after = |i: usize| -> Option<&str> {
        let rest = &body[i..];
        if rest.is_empty() {
            Some(rest)
        } else if rest.starts_with([' ', '\t']) {
            Some(rest.trim_start())
        } else {
            None
        }
    };
    let text = if matches!(first, '-' | '*' | '+' | '•' | '◦' | '▪' | '‣' | '–' | '·') {
        after(first.len_utf8())?
    } else if first.is_ascii_digit() {
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 {
            return None;
        }
        match body.as_bytes().get(digits) {
            Some(b'.')
                if body
                    .as_bytes()
                    .get(digits + 1)
                    .is_some_and(u8::is_ascii_digit) =>
            {
                // A numbered clause, "1.1 Platform" / "2.3.1. Scope": the number,
                // then a capitalised word.
                let num = body
                    .bytes()
                    .take_while(|b| b.is_ascii_digit() || *b == b'.')
                    .count();
                if num > 12 {
                    return None;
                }
                after(num)
                    .filter(|t| t.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '('))?
            }
            Some(b'.' | b')') => after(digits + 1).filter(|t| !t.is_empty())?,
            _ => return None,
        }
    } else if first == '(' {
        let close = body.find(')')?;
        let inner = &body[1..close];
        let ok = (1..=3).contains(&inner.len())
            && (inner.bytes().all(|b| b.is_ascii_digit())
                || inner.bytes().all(|b| b.is_ascii_lowercase()));
        if !ok {
            return None;
        }
        after(close + 1).filter(|t| !t.is_empty())?
    } else if first.is_ascii_alphabetic() {
        let second = *body.as_bytes().get(1)?;
        let ok = second == b')' || (first.is_ascii_lowercase() && second == b'.');
        if !ok {
            return None;
        }
        after(2).filter(|t| !t.is_empty())?
    } else {
        return None;
    };
    for box_ in ["[ ]", "[x]", "[X]", "[]"] {
        if let Some(rest) = text.strip_prefix(box_)
            && (rest.is_empty() || rest.starts_with([' ', '\t']))
        {
            return Some((true, rest.trim_start()));
        }
    }
    Some((false, text))
}

#[rustfmt::skip]
const HEADER_KEYS: &[&str] = &[
    "from", "to", "cc", "bcc", "date", "subject", "sent", "reply-to",
];

/// Email header lines, forward markers and `On ... wrote:` lines.
fn header(body: &str) -> Option<Class> {
    let lower_head: String = body.chars().take(40).flat_map(char::to_lowercase).collect();
    if (lower_head.starts_with("--") || lower_head.starts_with("__"))
        && (lower_head.contains("forwarded message") || lower_head.contains("original message"))
        || lower_head.starts_with("begin forwarded message")
    {
        return Some(Class::Header);
    }
    if let Some(colon) = body.find(':').filter(|&c| c <= 10) {
        let key = body[..colon].trim().to_ascii_lowercase();
        let after = &body[colon + 1..];
        if HEADER_KEYS.contains(&key.as_str())
            && (after.is_empty() || after.starts_with([' ', '\t']))
        {
            if key == "from" {
                return Some(Class::From(author_of_from(after.trim())));
            }
            return Some(Class::Header);
        }
    }
    if lower_head.starts_with("on ") && body.trim_end().ends_with("wrote:") && body.len() < 400 {
        return Some(Class::OnWrote(author_of_wrote(body)));
    }
    None
}

/// The author named by a `From:` value: `Name <addr>`, `"Name" <addr>`,
/// `Name [mailto:addr]`, or a bare address.
fn author_of_from(value: &str) -> Option<String> {
    let value = value.trim();
    let name = match value.find(['<', '[']) {
        Some(i) => {
            let n = value[..i].trim().trim_matches(['"', '\'']).trim();
            if n.is_empty() {
                value[i + 1..]
                    .split(['>', ']'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches("mailto:")
            } else {
                n
            }
        }
        None => value.trim_matches(['"', '\'']),
    };
    let name = clean_inline(prefix_at_boundary(name, 4 * CONTEXT_MAX));
    let name = name.trim();
    (!name.is_empty()).then(|| cap(name))
}

#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "at", "on", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb",
    "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "utc", "gmt", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "bst", "cet",
];

/// The author of `On <date>, Name <addr> wrote:`.
fn author_of_wrote(line: &str) -> Option<String> {
    let s = line.trim();
    let s = s.strip_suffix("wrote:").unwrap_or(s).trim_end();
    let s = s.get(3..).unwrap_or("");
    // Before the address, when there is one.
    let (before, addr) = match s.find('<') {
        Some(i) => (&s[..i], s[i + 1..].split('>').next()),
        None => (s, None),
    };
    let mut words: Vec<&str> = Vec::new();
    for w in before
        .split([' ', '\t', ','])
        .rev()
        .filter(|w| !w.is_empty())
    {
        let bare = w.trim_matches(['"', '\'', '(', ')']);
        let lower = bare.to_lowercase();
        if bare.is_empty()
            || bare.chars().any(|c| c.is_ascii_digit())
            || DATE_WORDS.contains(&lower.as_str())
            || words.len() >= 5
        {
            break;
        }
        if bare.contains('@') && words.is_empty() {
            return Some(cap(bare));
        }
        words.push(bare);
    }
    words.reverse();
    let name = words.join(" ");
    if name.is_empty() {
        return addr.map(|a| cap(a.trim())).filter(|a| !a.is_empty());
    }
    Some(name)
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
fn speaker_prefix(line: &str) -> Option<(Speaker, usize)> {
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
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower = name.to_lowercase();
    let first_lower = words.first()?.to_lowercase();
    let role_speaker = ROLE_SPEAKERS.contains(&lower.as_str());
    if !role_speaker
        && (is_label(&lower) || is_label(&first_lower) || WEEKDAYS.contains(&first_lower.as_str()))
    {
        return None;
    }
    if !has_ts {
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised(words[0])
            || !words[1..]
                .iter()
                .all(|w| capitalised(w) || NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
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

/// At most `max` bytes of `s`, cut at a char boundary.
fn prefix_at_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Remove emphasis markers (`**`, `__`) and trailing space.
fn clean_inline(s: &str) -> String {
    let mut out = if s.contains("**") || s.contains("__") {
        s.replace("**", "").replace("__", "")
    } else {
        s.to_string()
    };
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

// ---------------------------------------------------------------------------
// Paragraphs

#[derive(Debug)]
struct Para {
    kind: StatementKind,
    depth: u8,
    marker_indent: usize,
    speaker: Option<Arc<str>>,
    role: Option<Arc<str>>,
    lines: Vec<(u32, String)>,
    /// A record line (log entry, timestamped line): the next line starts anew
    /// unless it clearly continues it.
    closed: bool,
}

struct Segmenter<'a> {
    lines: &'a [Line<'a>],
    bullet_names: std::collections::HashMap<String, usize>,
    next_nonblank: Vec<usize>,
    has_strong_turn: bool,
    /// Most `Name:` lines repeat a name: the file is a dialogue, every such line a turn.
    weak_dialogue: bool,
    weak_counts: std::collections::HashMap<String, usize>,
    heading: Option<Arc<str>>,
    authors: Vec<Option<Arc<str>>>,
    para: Option<Para>,
    /// In a signature block (after a sign-off) at this quote depth.
    signature: Option<u8>,
    out: Vec<Statement>,
}

impl<'a> Segmenter<'a> {
    fn new(lines: &'a [Line<'a>]) -> Self {
        let mut next_nonblank = vec![lines.len(); lines.len()];
        let mut next = lines.len();
        for i in (0..lines.len()).rev() {
            next_nonblank[i] = next;
            if !matches!(lines[i].class, Class::Blank) {
                next = i;
            }
        }
        let mut has_strong_turn = false;
        let mut weak_counts = std::collections::HashMap::new();
        for l in lines {
            if let Class::Turn { speaker, .. } = &l.class {
                if speaker.strong {
                    has_strong_turn = true;
                } else {
                    *weak_counts
                        .entry(speaker.name.to_lowercase())
                        .or_insert(0usize) += 1;
                }
            }
        }
        // A bullet's `Name:` prefix names a speaker when the name's first word
        // also appears elsewhere in the file ("- Keiko: we'll ..." and "Keiko to
        // send ..."), not when it is a one-off label ("- Sensitivity: ...").
        let mut firsts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
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
            for l in lines {
                for w in l
                    .body
                    .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                {
                    if let Some(n) = firsts.get_mut(w) {
                        *n += 1;
                    }
                }
            }
        }
        let weak_total: usize = weak_counts.values().sum();
        let weak_repeated: usize = weak_counts.values().filter(|&&n| n >= 2).sum();
        let weak_dialogue = weak_total >= 4 && weak_repeated * 2 >= weak_total;
        Segmenter {
            weak_dialogue,
            bullet_names: firsts,
            lines,
            next_nonblank,
            has_strong_turn,
            weak_counts,
            heading: None,
            authors: Vec::new(),
            para: None,
            signature: None,
            out: Vec::new(),
        }
    }

    /// A `Name: text` line is a turn when the name came with a timestamp or role,
    /// when the file has such turns, or when the same name opens two lines or more.
    fn accepts(&self, s: &Speaker) -> bool {
        s.strong
            || self.has_strong_turn
            || self
                .weak_counts
                .get(&s.name.to_lowercase())
                .copied()
                .unwrap_or(0)
                >= 2
            || self.weak_dialogue
    }

    fn run(mut self) -> Vec<Statement> {
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
                        let text = cells.join(" | ");
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
                        lines: Vec::new(),
                        closed: false,
                    };
                    if !text.is_empty() {
                        p.lines.push((line.no, text.clone()));
                    }
                    self.para = Some(p);
                }
                Class::From(author) => {
                    self.flush();
                    self.signature = None;
                    self.heading = None;
                    self.set_author(d, author.clone());
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
                Class::Turn { speaker, rest } => {
                    if self.continues_bullet(line) || !self.accepts(speaker) {
                        i = self.prose(i, &clean_inline(line.body));
                        continue;
                    }
                    self.flush();
                    self.signature = None;
                    let mut p = Para {
                        kind: StatementKind::Turn,
                        depth: d,
                        marker_indent: line.indent,
                        speaker: Some(Arc::from(speaker.name.as_str())),
                        role: speaker.role.as_deref().map(Arc::from),
                        lines: Vec::new(),
                        closed: false,
                    };
                    if !rest.is_empty() {
                        p.lines.push((line.no, rest.clone()));
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
                self.para = None;
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
    fn prose(&mut self, i: usize, text: &str) -> usize {
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
                StatementKind::Bullet | StatementKind::Checkbox => line.indent > p.marker_indent,
                StatementKind::Turn => !is_record(text),
                _ => false,
            };
            if cont {
                p.lines.push((line.no, text.to_string()));
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
            Some(p) if p.kind == StatementKind::Sentence => {
                let last = p.lines.last().map(|(_, t)| t.as_str()).unwrap_or("");
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
                p.lines.push((line.no, text.to_string()));
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
        self.para = Some(Para {
            kind: StatementKind::Sentence,
            depth: d,
            marker_indent: line.indent,
            speaker: None,
            role: None,
            lines: vec![(line.no, text.to_string())],
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
        let words = text.split_whitespace().count();
        if words > 6
            || text.chars().count() > 50
            || text.ends_with(['.', '!', '?', ',', ';'])
            || text.trim_end_matches(':').contains(':')
        {
            return false;
        }
        if !text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return false;
        }
        let j = self.next_nonblank[i];
        let Some(next) = self.lines.get(j) else {
            return false;
        };
        j <= i + 2
            && next.depth == self.lines[i].depth
            && matches!(
                next.class,
                Class::Bullet { .. } | Class::Table(_) | Class::TableSep
            )
    }

    fn statement(
        &self,
        line: u32,
        text: String,
        kind: StatementKind,
        depth: u8,
        speaker: Option<Arc<str>>,
        speaker_role: Option<Arc<str>>,
    ) -> Statement {
        Statement {
            line,
            text: text.into_boxed_str(),
            kind,
            cells: Box::default(),
            speaker,
            speaker_role,
            quote_depth: depth,
            author: self.authors.get(usize::from(depth)).cloned().flatten(),
            heading: self.heading.clone(),
        }
    }

    fn flush(&mut self) {
        let Some(p) = self.para.take() else { return };
        if p.lines.is_empty() {
            return;
        }
        if p.kind == StatementKind::Sentence && p.lines.len() == 1 && is_lone_name(&p.lines[0].1) {
            if self
                .authors
                .get(usize::from(p.depth))
                .is_some_and(Option::is_some)
            {
                self.signature = Some(p.depth);
            }
            return;
        }
        // Join the lines, remembering where each starts.
        let mut joined = String::with_capacity(p.lines.iter().map(|(_, t)| t.len() + 1).sum());
        let mut starts: Vec<(usize, u32)> = Vec::with_capacity(p.lines.len());
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
        let mut li = 0;
        for (a, b) in sentence_bounds(&joined) {
            let piece = joined[a..b].trim();
            if !piece.chars().any(char::is_alphanumeric) {
                continue;
            }
            let lead = a + (joined[a..b].len() - joined[a..b].trim_start().len());
            while li + 1 < starts.len() && starts[li + 1].0 <= lead {
                li += 1;
            }
            let no = starts.get(li).map(|s| s.1).unwrap_or(p.lines[0].0);
            let st = self.statement(
                no,
                piece.to_string(),
                p.kind,
                p.depth,
                p.speaker.clone(),
                p.role.clone(),
            );
            self.out.push(st);
        }
    }
}

/// A log or activity line that stands alone: it opens with a date, a time or a
/// bracket, or holds two ` | ` separators or more.
fn is_record(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if text.starts_with('[') {
        return true;
    }
    if digits == 4 && b.get(4) == Some(&b'-') && b.get(5).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    if (1..=2).contains(&digits)
        && matches!(b.get(digits), Some(b'/' | b':'))
        && b.get(digits + 1).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    text.matches(" | ").nth(1).is_some()
}

/// A `Label: value` line ("Term: 36 months", "Customer: Acme"): one record each,
/// however many follow one another.
fn is_labelled(text: &str) -> bool {
    let Some(colon) = prefix_at_boundary(text, 40).find(':') else {
        return false;
    };
    let label = &text[..colon];
    let after = &text[colon + 1..];
    let words = label.split_whitespace().count();
    (1..=4).contains(&words)
        && label.starts_with(char::is_uppercase)
        && !label.contains([',', '.', '(', '"'])
        && (after.is_empty() || after.starts_with([' ', '\t']))
}

/// A short line with no closing punctuation (a title, a name): the next line that
/// starts with a capital does not continue it.
fn is_short_title(line: &str) -> bool {
    line.chars().count() <= 40
        && line
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == ')')
}

fn is_colon_heading(text: &str) -> bool {
    text.ends_with(':')
        && text.chars().count() <= 60
        && text.split_whitespace().count() <= 10
        && !text.contains(". ")
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_caps_heading(text: &str) -> bool {
    let body = text.strip_suffix(':').unwrap_or(text);
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && body.split_whitespace().count() <= 8
        && !body.contains(':')
        && !body.ends_with(['.', '!', '?'])
        && !body.chars().any(char::is_lowercase)
}

fn first_word_lower(text: &str) -> String {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// "Hi Ana,", "Lena,", "Hello!": a greeting line, not a statement.
fn is_greeting(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 4 || !text.ends_with([',', '!']) {
        return false;
    }
    let lower = text.trim_end_matches([',', '!']).to_lowercase();
    GREETINGS.contains(&first_word_lower(text).as_str())
        || GREETINGS.contains(&lower.as_str())
        || words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "Best,", "Thanks!", "Thanks, Gabe": a sign-off, not a statement.
fn is_sign_off(text: &str) -> bool {
    if text.chars().count() > 40 {
        return false;
    }
    let t = text.trim_end_matches([',', '!', '.', ' ']).to_lowercase();
    if SIGN_OFFS.contains(&t.as_str()) {
        return true;
    }
    if let Some((head, tail)) = text.split_once([',', '!']) {
        let head = head.trim().to_lowercase();
        let tail = tail.trim().trim_end_matches(['.', '!']);
        let words: Vec<&str> = tail.split_whitespace().collect();
        return SIGN_OFFS.contains(&head.as_str())
            && (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            })
            && !tail.contains([',', '.', '?']);
    }
    false
}

/// A line of a signature block: short and not a sentence, or contact details.
fn signature_like(text: &str) -> bool {
    let lower = first_word_lower(text);
    if lower == "ps" || lower == "p.s" || text.starts_with("P.S") {
        return false;
    }
    (text.split_whitespace().count() <= 10 && !text.ends_with(['.', '?', '!', ':']))
        || text.contains('@')
        || text.contains("http")
        || text.contains(" | ")
}

/// A bracketed aside on its own line: `[excerpt ends]`, `[crosstalk]`.
fn is_bracket_note(text: &str) -> bool {
    text.starts_with('[')
        && text.ends_with(']')
        && text.matches(']').count() == 1
        && text.split_whitespace().count() <= 6
}

/// One to three capitalised words, no digits or punctuation: a name on its own
/// line (a signature), not a statement.
fn is_lone_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() == 1
        && text.len() <= 3
        && text.ends_with('.')
        && text.starts_with(char::is_uppercase)
    {
        return true; // an initial: "N."
    }
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
        })
        && !text.ends_with('.')
}

// ---------------------------------------------------------------------------
// Sentences

/// Byte ranges of the sentences of `s` (untrimmed; leading space excluded).
///
/// Text written all in lower case ("ok. if they say no ...", a paragraph whose
/// first letter is lower case) also splits before a lower-case word, except after
/// an ellipsis or an abbreviation.
fn sentence_bounds(s: &str) -> Vec<(usize, usize)> {
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
    is_abbreviation(&token.to_lowercase())
}

#[cfg(test)]
mod tests;
