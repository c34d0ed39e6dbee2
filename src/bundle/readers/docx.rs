//! DOCX text: the body of `word/document.xml` as plain text in the shape the
//! segmenter reads: a paragraph per block, `#` headings, `- ` list items,
//! `| a | b |` table rows. Tracked insertions are text, deletions are not;
//! headers, footers and footnotes live in other parts and are not read.
//!
//! The XML is read as a stream of events with explicit stacks (paragraphs in
//! text boxes, tables in cells), never by recursion, and every part is
//! inflated under a cap: a DOCX is a zip, and a zip can be a bomb.

use super::Unreadable;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Larger files, and larger inflated parts, are refused.
pub const MAX_DOCX_BYTES: usize = 64 << 20;
const MAX_PART: u64 = 64 << 20;
const MAX_ENTRIES: usize = 10_000;
/// Paragraphs in text boxes in paragraphs, tables in cells of tables.
const MAX_NESTING: usize = 32;

pub fn extract(bytes: &[u8]) -> Result<String, Unreadable> {
    if bytes.len() > MAX_DOCX_BYTES {
        return Err(Unreadable::new(format!(
            "a DOCX larger than {} MB",
            MAX_DOCX_BYTES >> 20
        )));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Unreadable::new(format!("not a DOCX: not a zip archive ({e})")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(Unreadable::new("not a DOCX: a zip of too many entries"));
    }
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| Unreadable::new("not a DOCX: a zip with no word/document.xml"))?;
    // Styles only say which paragraphs are headings or list items: a DOCX
    // whose styles cannot be read is still read, without them.
    let styles = part(&mut zip, "word/styles.xml")
        .ok()
        .flatten()
        .map(|xml| styles(&xml))
        .unwrap_or_default();
    body(&document, &styles)
        .map_err(|e| Unreadable::new(format!("a broken DOCX: word/document.xml: {e}")))
}

/// One part of the package, inflated under [`MAX_PART`]; `None` when absent.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, Unreadable> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(Unreadable::new(format!("a broken DOCX: {name}: {e}"))),
    };
    let too_big = || {
        Unreadable::new(format!(
            "a DOCX whose {name} inflates to more than {} MB (a zip bomb?)",
            MAX_PART >> 20
        ))
    };
    // The declared size can lie; the read below is capped either way.
    if file.size() > MAX_PART {
        return Err(too_big());
    }
    let mut out = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut out)
        .map_err(|e| Unreadable::new(format!("a broken DOCX: {name}: {e}")))?;
    if out.len() as u64 > MAX_PART {
        return Err(too_big());
    }
    Ok(Some(out))
}

/// What a paragraph style makes of its paragraphs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Style {
    heading: Option<u8>,
    list: bool,
}

/// Paragraph styles by id, from `word/styles.xml`: "heading 1".."heading 9"
/// and "Title" (by name, which Word keeps in English whatever the UI
/// language), an outline level, or numbering (a "List Bullet" style).
fn styles(xml: &[u8]) -> HashMap<String, Style> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_reader(xml);
    let mut current: Option<(String, Style)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    b"style" => current = attr(&e, b"styleId").map(|id| (id, Style::default())),
                    b"name" => {
                        if let (Some((_, st)), Some(name)) = (&mut current, attr(&e, b"val")) {
                            st.heading = st.heading.or(heading_name(&name));
                        }
                    }
                    b"outlineLvl" => {
                        if let (Some((_, st)), Some(l)) = (&mut current, level(&e)) {
                            st.heading = st.heading.or(Some(l));
                        }
                    }
                    b"numPr" => {
                        if let Some((_, st)) = &mut current {
                            st.list = true;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, st)) = current.take()
                    && out.len() < MAX_ENTRIES
                {
                    out.insert(id, st);
                }
            }
            _ => {}
        }
    }
    out
}

fn heading_name(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    if lower == "title" {
        return Some(1);
    }
    let n: u8 = lower.strip_prefix("heading")?.trim().parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

/// `w:outlineLvl w:val="0"` is a level-1 heading; 9 is body text.
fn level(e: &BytesStart<'_>) -> Option<u8> {
    let n: u8 = attr(e, b"val")?.parse().ok()?;
    (n < 9).then_some(n + 1)
}

/// An attribute's value by local name (`w:val` whatever the prefix).
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

#[derive(Default)]
struct Para {
    text: String,
    style: Style,
    /// Inside `w:pPr`: its `w:tab` and `w:br`-like children are settings.
    in_props: bool,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Item,
    Rows,
}

/// Elements whose content is not body text: deleted or moved-away text,
/// field codes, and the fallback copy of content given twice.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"delText",
    b"instrText",
    b"delInstrText",
    b"Fallback",
];

fn body(xml: &[u8], styles: &HashMap<String, Style>) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut blocks: Vec<(Kind, String)> = Vec::new();
    let mut paras: Vec<Para> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut skip = 0usize;
    let mut in_text = false;
    loop {
        let event = reader.read_event()?;
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let local = e.local_name();
                let name = local.as_ref();
                let too_deep = (name == b"p" && paras.len() >= MAX_NESTING)
                    || (name == b"tbl" && tables.len() >= MAX_NESTING);
                if SKIPPED.contains(&name) || too_deep {
                    skip = 1;
                    continue;
                }
                match name {
                    b"p" => paras.push(Para::default()),
                    b"pPr" => set_props(&mut paras, true),
                    b"t" => in_text = true,
                    b"tbl" => tables.push(Table::default()),
                    b"tc" => {
                        if let Some(t) = tables.last_mut() {
                            t.cell = Some(String::new());
                        }
                    }
                    _ => style_element(&e, &mut paras, styles),
                }
            }
            Event::Empty(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    b"p" => {}
                    b"tab" => push_run(&mut paras, "\t"),
                    b"br" | b"cr" => push_run(&mut paras, "\n"),
                    b"noBreakHyphen" => push_run(&mut paras, "-"),
                    _ => style_element(&e, &mut paras, styles),
                }
            }
            Event::Text(t) if in_text => {
                let text = t.decode().unwrap_or_default();
                push_run(&mut paras, &text);
            }
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r as &[u8] {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    push_run(&mut paras, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"pPr" => set_props(&mut paras, false),
                b"p" => {
                    if let Some(p) = paras.pop() {
                        end_paragraph(p, &paras, &mut tables, &mut blocks);
                    }
                }
                b"tc" => {
                    if let Some(t) = tables.last_mut()
                        && let Some(cell) = t.cell.take()
                    {
                        t.row.push(cell);
                    }
                }
                b"tr" => {
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
                b"tbl" => {
                    if let Some(t) = tables.pop() {
                        end_table(t, &mut tables, &mut blocks);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(render(&blocks))
}

fn set_props(paras: &mut [Para], on: bool) {
    if let Some(p) = paras.last_mut() {
        p.in_props = on;
    }
}

/// Run text into the open paragraph (never its properties).
fn push_run(paras: &mut [Para], text: &str) {
    if let Some(p) = paras.last_mut()
        && !p.in_props
    {
        p.text.push_str(text);
    }
}

/// `w:pStyle`, `w:numPr`, `w:numId`, `w:outlineLvl` in a paragraph's properties.
fn style_element(e: &BytesStart<'_>, paras: &mut [Para], styles: &HashMap<String, Style>) {
    let Some(p) = paras.last_mut().filter(|p| p.in_props) else {
        return;
    };
    match e.local_name().as_ref() {
        b"pStyle" => {
            let id = attr(e, b"val").unwrap_or_default();
            let st = styles.get(&id).copied().unwrap_or_default();
            p.style.heading = st.heading.or_else(|| {
                let lower = id.to_ascii_lowercase();
                let n: u8 = lower.strip_prefix("heading")?.parse().ok()?;
                (1..=9).contains(&n).then_some(n)
            });
            p.style.list |= st.list;
        }
        b"numPr" => p.style.list = true,
        // Numbering id 0 removes the numbering a style gave.
        b"numId" if attr(e, b"val").as_deref() == Some("0") => p.style.list = false,
        b"outlineLvl" => p.style.heading = p.style.heading.or(level(e)),
        _ => {}
    }
}

fn end_paragraph(p: Para, open: &[Para], tables: &mut [Table], blocks: &mut Vec<(Kind, String)>) {
    let text = tidy(&p.text);
    // A paragraph of a table cell is part of the cell's text, unless it is in
    // a text box inside a paragraph of that cell.
    if open.is_empty()
        && let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut())
    {
        if !text.is_empty() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text.replace('\n', " "));
        }
        return;
    }
    if text.is_empty() {
        return;
    }
    if let Some(level) = p.style.heading {
        let marks = "#".repeat(usize::from(level.min(6)));
        blocks.push((Kind::Text, format!("{marks} {}", text.replace('\n', " "))));
    } else if p.style.list {
        blocks.push((Kind::Item, format!("- {text}")));
    } else {
        blocks.push((Kind::Text, text));
    }
}

fn end_table(t: Table, outer: &mut [Table], blocks: &mut Vec<(Kind, String)>) {
    let mut rows: Vec<Vec<String>> = t.rows;
    if !t.row.is_empty() {
        rows.push(t.row);
    }
    rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    if rows.is_empty() {
        return;
    }
    // A table in a cell of another: its rows become text of that cell.
    if let Some(cell) = outer.last_mut().and_then(|o| o.cell.as_mut()) {
        let flat: Vec<String> = rows.iter().map(|r| r.join(" ")).collect();
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(&flat.join("; "));
        return;
    }
    let lines: Vec<String> = rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = r.iter().map(|c| c.trim().replace('|', "\\|")).collect();
            format!("| {} |", cells.join(" | "))
        })
        .collect();
    blocks.push((Kind::Rows, lines.join("\n")));
}

/// A paragraph's text: tabs as two spaces (they separate, like cells), each
/// line trimmed, blank lines from breaks dropped.
fn tidy(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| l.replace('\t', "  ").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Blocks separated by a blank line; consecutive list items on consecutive
/// lines, as one list.
fn render(blocks: &[(Kind, String)]) -> String {
    let mut out = String::new();
    let mut prev: Option<Kind> = None;
    for (kind, text) in blocks {
        if let Some(p) = prev
            && !(p == Kind::Item && *kind == Kind::Item)
        {
            out.push('\n');
        }
        out.push_str(text);
        out.push('\n');
        prev = Some(*kind);
    }
    out
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
