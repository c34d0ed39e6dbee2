//! CRM exports of activities and notes (HubSpot "Notes" / "Activities",
//! Salesforce Activity, Task, Event and Notes reports) as a view.
//!
//! Each row becomes a heading (`## Call, Pricing follow-up, 2026-10-02`) and
//! its note text, written as the author's turn when the export names one.
//! The `csv` crate only reports where a record starts; a quoted cell may run
//! over several physical lines, so every line of a cell is mapped back to its
//! own stored line by counting the line breaks of the cells before it (line
//! breaks only ever stand inside quoted cells, and `""` escapes hold none).

use super::{Unreadable, View, ViewBuilder};
use ::csv::StringRecord;
use std::collections::HashMap;

/// What a column holds, told by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Body,
    Author,
    AuthorTitle,
    Date,
    Kind,
    Subject,
}

/// Header words of each role, best first: a header equal to a phrase beats
/// one that merely contains it, and an earlier phrase beats a later one
/// ("Note body" over "Body preview", "Activity date" over "Last modified date").
const FAMILIES: &[(Column, &[&str])] = &[
    (
        Column::Body,
        &[
            "note body",
            "body",
            "notes",
            "note",
            "full comments",
            "comments",
            "comment",
            "description",
            "call notes",
            "meeting notes",
            "email body",
            "body preview",
            "details",
            "message",
            "content",
            "summary",
            "text",
        ],
    ),
    (
        Column::Author,
        &[
            "created by",
            "activity assigned to",
            "assigned to",
            "assigned",
            "author",
            "logged by",
            "activity owner",
            "owner",
            "sales rep",
            "user",
        ],
    ),
    (
        Column::AuthorTitle,
        &[
            "created by role",
            "owner role",
            "author title",
            "author role",
        ],
    ),
    (
        Column::Date,
        &[
            "activity date",
            "date",
            "start",
            "timestamp",
            "created date",
            "create date",
            "created at",
            "due date",
            "last modified date",
        ],
    ),
    (
        Column::Kind,
        &[
            "activity type",
            "type",
            "task type",
            "event type",
            "engagement type",
            "call outcome",
        ],
    ),
    (
        Column::Subject,
        &["subject", "title", "call title", "meeting name"],
    ),
];

/// How many rows may stand above the header (a report title, a filter line,
/// blank rows).
const HEADER_SEARCH_ROWS: usize = 20;

/// One record with the stored line its first cell starts on.
struct Row {
    cells: StringRecord,
    line: u32,
}

/// The view of a CRM export.
pub fn view(stored: &str) -> Result<View, Unreadable> {
    let text = stored.strip_prefix('\u{feff}').unwrap_or(stored);
    let rows = records(text, delimiter(text))?;
    let Some(h) = (0..rows.len().min(HEADER_SEARCH_ROWS))
        .find(|&i| family_hits(&rows[i].cells) > 0)
        .or_else(|| (0..rows.len().min(HEADER_SEARCH_ROWS)).find(|&i| label_row(&rows[i].cells)))
    else {
        return Err(Unreadable::new(
            "a CSV with no header row naming its columns",
        ));
    };
    let header = &rows[h].cells;
    let data = &rows[h + 1..];
    if data.is_empty() {
        // An export of no activities: nothing to read, and nothing wrong.
        return Ok(View::default());
    }
    let mut taken = vec![false; header.len()];
    // The more specific families claim their columns first: "Created by role"
    // is not the author, "Activity type" is not the body.
    let author_role = pick(header, Column::AuthorTitle, &mut taken);
    let author = pick(header, Column::Author, &mut taken);
    let date = pick(header, Column::Date, &mut taken);
    let kind = pick(header, Column::Kind, &mut taken);
    let subject = pick(header, Column::Subject, &mut taken);
    let body = pick(header, Column::Body, &mut taken)
        .filter(|&c| data.iter().any(|r| r.cells.get(c).is_some_and(has_words)))
        .or_else(|| free_text_column(data, &taken));
    if let Some(b) = body {
        taken[b] = true;
    }
    // A Salesforce field history keeps the old and the new "Next Step", a
    // board its item notes and updates: every column of free text is read,
    // after the note, so no words of the export are dropped.
    let more_text = more_text_columns(header, data, &taken);
    let Some(body) = body else {
        let names: Vec<&str> = header.iter().filter(|c| !c.trim().is_empty()).collect();
        return Err(Unreadable::at(
            rows[h].line,
            format!(
                "a CSV with no column of note text (columns: {})",
                names.join(", ")
            ),
        ));
    };

    // The segmenter takes `Name: words` for a turn when a time came with it or
    // the name opens two lines or more; a one-off name without a time would
    // stay in the text as "Dana:", so such a row is left as the seller's own
    // notes, which is what a note in the seller's CRM is anyway.
    let timed = author.is_some()
        && date.is_some_and(|d| {
            data.iter()
                .any(|r| r.cells.get(d).is_some_and(|c| time_of_day(c).is_some()))
        });
    let mut by_author: HashMap<String, usize> = HashMap::new();
    for row in data {
        if let Some(name) = author.and_then(|a| row.cells.get(a)).and_then(speaker_name) {
            *by_author.entry(name.to_lowercase()).or_default() += 1;
        }
    }
    let mut out = ViewBuilder::new();
    for row in data {
        let cell = |col: Option<usize>| col.and_then(|c| row.cells.get(c)).unwrap_or("");
        let note = cell(Some(body));
        if note.trim().is_empty() && more_text.iter().all(|&c| cell(Some(c)).trim().is_empty()) {
            // A footer ("Generated by ...", "Confidential") or an empty activity.
            continue;
        }
        let mut heading: Vec<&str> = [cell(kind), cell(subject), cell(date)]
            .into_iter()
            .map(|c| c.lines().next().unwrap_or("").trim())
            .filter(|c| !c.is_empty())
            .collect();
        if heading.is_empty() {
            heading.push(header.get(body).unwrap_or("Note").trim());
        }
        out.blank(row.line);
        out.line(&format!("## {}", heading.join(", ")), row.line);
        let at = row
            .line
            .saturating_add(line_breaks_before(&row.cells, body));
        let prefix = speaker_prefix(cell(author), cell(author_role), cell(date)).filter(|_| {
            timed
                || !cell(author_role).trim().is_empty()
                || speaker_name(cell(author))
                    .is_some_and(|n| by_author.get(&n.to_lowercase()).is_some_and(|&k| k >= 2))
        });
        body_lines(&mut out, note, at, prefix.clone());
        for &col in &more_text {
            let text = cell(Some(col));
            if has_words(text) {
                out.blank(row.line);
                let at = row.line.saturating_add(line_breaks_before(&row.cells, col));
                body_lines(&mut out, text, at, prefix.clone());
            }
        }
    }
    Ok(out.finish())
}

/// Header words of columns that hold a label, a key or a figure, never a
/// sentence, though a cell may run to several words ("Opportunity Name",
/// "Account", "Stage", "Status": "Working on it").
const NOT_TEXT: &[&str] = &[
    "name",
    "names",
    "account",
    "company",
    "contact",
    "contacts",
    "email",
    "mail",
    "phone",
    "stage",
    "status",
    "amount",
    "currency",
    "probability",
    "priority",
    "group",
    "id",
    "ids",
    "url",
    "link",
    "domain",
    "industry",
    "city",
    "country",
    "region",
    "website",
    "type",
    "owner",
    "by",
    "to",
    "from",
    "date",
    "time",
    "tags",
    "label",
    "labels",
];

/// The columns besides the note that hold free text: not claimed by a role,
/// not named as a label or key, with a cell of four words or more, and not
/// the same in every row (a deal's name repeated on each row says nothing).
fn more_text_columns(header: &StringRecord, rows: &[Row], taken: &[bool]) -> Vec<usize> {
    (0..taken.len())
        .filter(|&col| !taken[col])
        .filter(|&col| {
            let name = normalise(header.get(col).unwrap_or(""));
            !name
                .split(' ')
                .next_back()
                .is_some_and(|last| last.is_empty() || NOT_TEXT.contains(&last))
        })
        .filter(|&col| {
            let cells = || rows.iter().filter_map(|r| r.cells.get(col));
            let sentence = cells().any(|c| c.split_whitespace().nth(3).is_some() && has_words(c));
            let mut distinct = cells().map(str::trim).filter(|c| !c.is_empty());
            let first = distinct.next();
            sentence && (rows.len() == 1 || distinct.any(|c| Some(c) != first))
        })
        .collect()
}

/// The delimiter the header uses: `,` unless a `sep=` line (Excel) or the
/// header row itself, split by `;` or a tab, names more known columns.
fn delimiter(text: &str) -> u8 {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.clone().next().unwrap_or("");
    if let Some(sep) = first.trim().strip_prefix("sep=")
        && let [b] = sep.as_bytes()
    {
        return *b;
    }
    let mut best = (0, b',');
    for line in lines.by_ref().take(HEADER_SEARCH_ROWS) {
        for d in [b',', b';', b'\t'] {
            let hits = line
                .split(char::from(d))
                .filter(|c| best_phrase(&normalise(c)).is_some())
                .count();
            if hits > best.0 {
                best = (hits, d);
            }
        }
    }
    best.1
}

/// Every record with the stored line it starts on (1-based).
fn records(text: &str, delimiter: u8) -> Result<Vec<Row>, Unreadable> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // Records come in order, so a cursor over the text turns byte offsets
    // into lines in one pass.
    let (mut seen, mut line) = (0usize, 1u32);
    let mut rows = Vec::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let start = record
                    .position()
                    .map_or(seen, |p| usize::try_from(p.byte()).unwrap_or(seen));
                let start = start.clamp(seen, text.len());
                line += count_breaks(&text.as_bytes()[seen..start]);
                seen = start;
                rows.push(Row {
                    cells: record.clone(),
                    line,
                });
            }
            Err(e) => {
                let at = e
                    .position()
                    .map_or(line, |p| u32::try_from(p.line()).unwrap_or(line));
                return Err(Unreadable::at(at, format!("not a readable CSV: {e}")));
            }
        }
    }
    Ok(rows)
}

fn count_breaks(bytes: &[u8]) -> u32 {
    u32::try_from(bytes.iter().filter(|&&b| b == b'\n').count()).unwrap_or(u32::MAX)
}

/// How many physical lines the cells before column `col` span beyond their
/// first: where column `col` starts, counted from the record's first line.
fn line_breaks_before(cells: &StringRecord, col: usize) -> u32 {
    cells
        .iter()
        .take(col)
        .map(|c| count_breaks(c.as_bytes()))
        .fold(0, u32::saturating_add)
}

/// A header cell lower-cased, punctuation to spaces, spaces collapsed.
fn normalise(cell: &str) -> String {
    let lower: String = cell
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The role and rank of the best phrase a normalised header matches: equal
/// to a phrase ranks above containing it as whole words.
fn best_phrase(header: &str) -> Option<(Column, usize)> {
    // "Note ID", "Call recording URL": keys and links, never text.
    let last = header.rsplit(' ').next().unwrap_or("");
    if header.is_empty() || header.len() > 40 || matches!(last, "id" | "ids" | "url" | "link") {
        return None;
    }
    let padded = format!(" {header} ");
    let mut best: Option<(Column, usize)> = None;
    for (role, phrases) in FAMILIES {
        for (i, p) in phrases.iter().enumerate() {
            let rank = if header == *p {
                i
            } else if padded.contains(&format!(" {p} ")) {
                100 + i
            } else {
                continue;
            };
            if best.is_none_or(|(_, r)| rank < r) {
                best = Some((*role, rank));
            }
        }
    }
    best
}

fn family_hits(row: &StringRecord) -> usize {
    row.iter()
        .filter(|c| best_phrase(&normalise(c)).is_some())
        .count()
}

/// A row of two or more short labels and nothing else: a header of columns
/// baton has no word for.
fn label_row(row: &StringRecord) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.len() >= 2
        && cells.iter().all(|c| {
            c.len() <= 40 && !c.contains('\n') && c.starts_with(|ch: char| ch.is_alphabetic())
        })
}

/// The column a role's header words name best, among those not yet taken;
/// marked taken.
fn pick(header: &StringRecord, role: Column, taken: &mut [bool]) -> Option<usize> {
    let col = header
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.get(*i).copied().unwrap_or(true))
        .filter_map(|(i, h)| match best_phrase(&normalise(h)) {
            Some((r, rank)) if r == role => Some((rank, i)),
            _ => None,
        })
        .min()
        .map(|(_, i)| i)?;
    taken[col] = true;
    Some(col)
}

/// A cell with a word in it (not a number, a date or an id).
fn has_words(cell: &str) -> bool {
    cell.split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// The column holding the most free text (cells of three words or more), when
/// no header names the note column.
fn free_text_column(rows: &[Row], taken: &[bool]) -> Option<usize> {
    let mut size = vec![0usize; taken.len()];
    for row in rows {
        for (i, cell) in row.cells.iter().enumerate().take(taken.len()) {
            if cell.split_whitespace().nth(2).is_some() && has_words(cell) {
                size[i] += cell.len();
            }
        }
    }
    (0..taken.len())
        .filter(|&i| !taken[i] && size[i] > 0)
        .max_by_key(|&i| size[i])
}

/// `[14:05] Dana Whitfield (AE): ` for the author of a row, or nothing when
/// the export names none (the row is then the seller's own notes). A time of
/// day in the date column makes the prefix a certain turn for the segmenter;
/// the role is written only when the export gives one.
fn speaker_prefix(author: &str, role: &str, date: &str) -> Option<String> {
    let name = speaker_name(author)?;
    let mut out = String::new();
    if let Some(time) = time_of_day(date) {
        out.push_str(&format!("[{time}] "));
    }
    out.push_str(&name);
    let role = role.trim();
    if !role.is_empty() && role.len() <= 40 && !role.contains(['(', ')', '\n']) {
        out.push_str(&format!(" ({role})"));
    }
    out.push_str(": ");
    Some(out)
}

/// A name the segmenter reads as a speaker: up to four words of letters
/// (`Dana Whitfield`, `dana.whitfield` from an address alone); e-mail
/// addresses in `<>` or `()` dropped.
pub(super) fn speaker_name(raw: &str) -> Option<String> {
    let raw = raw.lines().next().unwrap_or("").trim();
    let raw = raw.split(['<', '(']).next().unwrap_or("").trim();
    let raw = match raw.split_once('@') {
        Some((local, _)) if !raw.contains(' ') => local,
        _ => raw,
    };
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',' || c == '_')
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
        })
        .take(4)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// `14:05` or `2:05 PM` from a date cell such as `2026-10-02 14:05:33` or
/// `10/2/2026, 2:05 PM`.
fn time_of_day(date: &str) -> Option<String> {
    let b = date.as_bytes();
    let colon = date.find(':')?;
    let start = (0..colon)
        .rev()
        .take_while(|&i| b[i].is_ascii_digit())
        .last()?;
    if colon - start > 2 || !b.get(colon + 1..colon + 3)?.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut time = date[start..colon + 3].to_string();
    let rest = date[colon + 3..].trim_start_matches(|c: char| c == ':' || c.is_ascii_digit());
    let rest = rest.trim_start();
    if let Some(m) = rest
        .get(..2)
        .filter(|m| m.eq_ignore_ascii_case("am") || m.eq_ignore_ascii_case("pm"))
    {
        time.push(' ');
        time.push_str(m);
    }
    Some(time)
}

/// The lines of a note cell, each at its own stored line (`at` is the line
/// the cell starts on); the author's prefix opens the first line with words.
fn body_lines(out: &mut ViewBuilder, note: &str, at: u32, mut prefix: Option<String>) {
    let html = looks_html(note);
    for (i, raw) in note.split('\n').enumerate() {
        let stored = at.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        let parts = if html {
            html_lines(raw)
        } else {
            vec![raw.to_string()]
        };
        for part in parts {
            let part = part.trim();
            if part.is_empty() {
                out.blank(stored);
                continue;
            }
            match prefix.take() {
                Some(p) => out.line(&format!("{p}{part}"), stored),
                None => out.line(part, stored),
            };
        }
    }
}

/// HubSpot stores rich-text notes as HTML (and Pipedrive, in its JSON).
pub(super) fn looks_html(cell: &str) -> bool {
    ["<p>", "<p ", "<br", "<div", "</p>", "<span", "<li>", "<ul>"]
        .iter()
        .any(|t| cell.contains(t))
}

/// One physical line of HTML as text lines: block tags break lines, other
/// tags go, entities are decoded.
pub(super) fn html_lines(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        current.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            // A lone `<` ("< 5 users") is text.
            current.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close]
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if BLOCK_TAGS.contains(&tag.as_str()) {
            out.push(unescape_entities(&std::mem::take(&mut current)));
        }
        rest = &rest[open + close + 1..];
    }
    current.push_str(rest);
    out.push(unescape_entities(&current));
    out
}

/// Tags that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "blockquote",
];

/// The HTML entities exports write (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&#39;`, `&nbsp;`); others are left as they stand.
pub(super) fn unescape_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = [
            ("&amp;", "&"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&#39;", "'"),
            ("&#x27;", "'"),
            ("&apos;", "'"),
            ("&nbsp;", " "),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match entity {
            Some((e, c)) => {
                out.push_str(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
