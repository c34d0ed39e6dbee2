//! Line classification: what each line of a file is on its own, before any
//! paragraph is formed. Markdown structure (headings, rules, tables, bullets,
//! front matter), email quote depth, and whether the line opens with a speaker or
//! an email header; everything else is prose.

use super::bytes::{find_byte, holds};
use super::email::header;
use super::inline::{clean_inline, heading_text};
use super::shapes::is_caps_heading;
use super::speaker::{Speaker, speaker_prefix};
use std::borrow::Cow;

/// What a line is on its own. Line texts borrow from the file's text unless
/// emphasis had to be removed.
#[derive(Debug, Clone)]
pub(super) enum Class<'a> {
    Blank,
    /// `---`, `***`, `___`, `===` (the char), or the `-- ` signature delimiter (`'s'`).
    Rule(char),
    Heading(String),
    TableSep,
    Table(Vec<String>),
    Bullet {
        checkbox: bool,
        text: Cow<'a, str>,
        speaker: Option<Speaker>,
    },
    /// `From:` header, with the author it names.
    From(Option<String>),
    /// Other header lines and forward markers: not statements.
    Header,
    /// `On <date>, Name <addr> wrote:` on one line.
    OnWrote(Option<String>),
    /// A line opening with a speaker prefix. `clean` is the whole line
    /// (emphasis removed), `text_at` where the text after the prefix starts.
    Turn {
        speaker: Speaker,
        clean: Cow<'a, str>,
        text_at: usize,
    },
    Prose(Cow<'a, str>),
}

#[derive(Debug)]
pub(super) struct Line<'a> {
    pub(super) no: u32,
    pub(super) depth: u8,
    pub(super) indent: usize,
    /// The line after its quote prefix, trimmed (raw: emphasis not removed).
    pub(super) body: &'a str,
    pub(super) class: Class<'a>,
}

pub(super) fn classify_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(count_newlines(text) + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    for i in 0usize.. {
        let end = find_byte(bytes, start, |w| holds(w, b'\n'));
        let raw = &text[start..end];
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
        if end == bytes.len() {
            break;
        }
        start = end + 1;
    }
    // A trailing newline does not make a line.
    if text.ends_with('\n') {
        lines.pop();
    }
    skip_front_matter(&mut lines);
    lines
}

/// The number of `'\n'` in `text`, counted in chunks too short to overflow a
/// byte counter, which the compiler turns into vector compares.
fn count_newlines(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum()
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

fn classify(body: &str) -> Class<'_> {
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
        return Class::Table(
            cells
                .into_iter()
                .map(|c| clean_inline(&c).into_owned())
                .collect(),
        );
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
    if let Some((speaker, text_at)) = speaker_prefix(&clean) {
        return Class::Turn {
            speaker,
            clean,
            text_at,
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_split_at_newlines() {
        let mut texts: Vec<String> = [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "\r\n\r",
            "> quoted\n>> deeper\r\n  plain  \n",
            "é…\nü\n\n",
        ]
        .map(String::from)
        .to_vec();
        for len in 0..20 {
            for at in 0..len {
                let mut line = "x".repeat(len);
                line.replace_range(at..=at, "\n");
                texts.push(line.repeat(3));
            }
        }
        for text in &texts {
            let got: Vec<(u32, u8, &str)> = classify_lines(text)
                .iter()
                .map(|l| (l.no, l.depth, l.body))
                .collect();
            let mut split: Vec<(u32, u8, &str)> = text
                .split('\n')
                .enumerate()
                .map(|(i, raw)| {
                    let (depth, rest) = quote_prefix(raw.strip_suffix('\r').unwrap_or(raw));
                    (i as u32 + 1, depth, rest.trim())
                })
                .collect();
            if text.ends_with('\n') {
                split.pop();
            }
            assert_eq!(got, split, "{text:?}");
        }
    }

    #[test]
    fn newlines_are_counted_across_chunks() {
        for text in [
            String::new(),
            "\n".to_string(),
            "a\nb\r\n".to_string(),
            "\n".repeat(255),
            "\n".repeat(256),
            "\n".repeat(10_000),
            "é\n…\n".repeat(1_000),
            format!("{}\n{}", "x".repeat(254), "y".repeat(300)),
        ] {
            assert_eq!(count_newlines(&text), text.matches('\n').count());
        }
    }
}
