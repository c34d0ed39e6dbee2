//! Placed glyphs to plain text: what a reader of the printed page sees, in
//! the shape the segmenter reads (one line per printed line, a blank line
//! between paragraphs, `| a | b |` rows for tabular lines).
//!
//! 1. Glyphs become *chunks*: runs on one baseline with no gap wider than an
//!    em (a word gap is a quarter em; a column gutter or a table gap is more).
//! 2. A page whose chunks leave a vertical gutter with prose on both sides is
//!    read column by column; chunks crossing the gutter (a title, a footer)
//!    cut the page into bands, each read left column then right.
//! 3. Chunks on one baseline become a line; a vertical gap wider than the
//!    page's usual leading, or a change of type size, ends a paragraph.
//! 4. Lines repeated at the top or bottom of most pages, and page numbers
//!    there, are running headers and footers: dropped.
//! 5. A word hyphenated across a line end is joined (see [`super::pdf_text`]).

use super::pdf_text::{is_list_marker, join_hyphenated, page_number};
use std::collections::HashMap;

/// One glyph as the content stream placed it, in user space (y grows up).
pub struct Glyph<'t> {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub text: &'t str,
}

#[derive(Debug, Clone, Copy)]
struct Placed {
    x: f32,
    y: f32,
    width: f32,
    size: f32,
    start: u32,
    end: u32,
}

/// The glyphs of one page, their text kept in one buffer.
#[derive(Default)]
pub struct Page {
    glyphs: Vec<Placed>,
    text: String,
    /// The page draws an image: with no text anywhere, a scan.
    pub has_image: bool,
}

impl Page {
    pub fn push(&mut self, g: Glyph<'_>) {
        let start = self.text.len() as u32;
        for c in g.text.chars() {
            // Ligatures are one glyph in the font, two or three letters in a word.
            match c {
                '\u{FB00}' => self.text.push_str("ff"),
                '\u{FB01}' => self.text.push_str("fi"),
                '\u{FB02}' => self.text.push_str("fl"),
                '\u{FB03}' => self.text.push_str("ffi"),
                '\u{FB04}' => self.text.push_str("ffl"),
                '\u{FB05}' | '\u{FB06}' => self.text.push_str("st"),
                // A form feed or other break inside a string is only space.
                c if c.is_control() || c == '\u{A0}' => self.text.push(' '),
                c => self.text.push(c),
            }
        }
        let (x, y, width, size) = (g.x, g.y, g.width, g.size);
        if ![x, y, width, size].iter().all(|v| v.is_finite()) {
            self.text.truncate(start as usize);
            return;
        }
        let end = self.text.len() as u32;
        self.glyphs.push(Placed {
            x,
            y,
            width,
            size,
            start,
            end,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }
}

/// A run of glyphs on one baseline.
#[derive(Debug, Clone)]
struct Chunk {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
}

/// A printed line, in reading order.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) y: f32,
    pub(super) size: f32,
    pub(super) text: String,
    /// The line's chunks stand apart like table cells.
    pub(super) row: bool,
    /// A paragraph ends before this line.
    pub(super) breaks: bool,
}

/// The text of all pages; a page ends a paragraph (the form feed of
/// text-mode extractors), unless a word is hyphenated across it.
pub fn layout(pages: &[Page]) -> String {
    let mut per_page: Vec<Vec<Line>> = pages.iter().map(page_lines).collect();
    let body = body_size(&per_page);
    drop_running_lines(&mut per_page, body);
    let mut lines: Vec<Line> = Vec::new();
    for page in per_page {
        for (i, mut line) in page.into_iter().enumerate() {
            if i == 0 {
                line.breaks = true;
            }
            lines.push(line);
        }
    }
    join_hyphenated(&mut lines);
    let mut out = String::new();
    for line in &lines {
        if line.text.trim().is_empty() {
            continue;
        }
        if line.breaks && !out.is_empty() {
            out.push('\n');
        }
        // Larger type on a short line that is not a sentence: a heading,
        // a block of its own.
        let words = line.text.split_whitespace().count();
        let heading =
            line.size >= body * 1.2 && !line.row && words <= 12 && !line.text.ends_with('.');
        if heading {
            out.push_str("# ");
        }
        out.push_str(line.text.trim_end());
        out.push('\n');
        if heading {
            out.push('\n');
        }
    }
    collapse_blank_lines(&out)
}

fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        if line.trim().is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The type size most of the text is set in.
fn body_size(pages: &[Vec<Line>]) -> f32 {
    let mut weight: HashMap<u32, usize> = HashMap::new();
    for line in pages.iter().flatten() {
        *weight.entry((line.size * 2.0).round() as u32).or_default() += line.text.len();
    }
    weight
        .into_iter()
        .max_by_key(|&(size, n)| (n, std::cmp::Reverse(size)))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

fn page_lines(page: &Page) -> Vec<Line> {
    let chunks = chunks(page);
    let mut lines = Vec::new();
    for group in reading_groups(chunks) {
        lines.extend(group_lines(group));
    }
    mark_breaks(&mut lines);
    lines
}

/// Glyphs in content order to chunks: a glyph continues the chunk before it
/// when it stands on the same baseline, just after it.
fn chunks(page: &Page) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for g in &page.glyphs {
        let text = &page.text[g.start as usize..g.end as usize];
        let blank = text.trim().is_empty();
        let joins = out.last().is_some_and(|c| {
            let em = c.size.max(g.size);
            (c.y - g.y).abs() < 0.3 * em && g.x > c.x1 - 0.5 * em && g.x - c.x1 < em
        });
        if joins {
            let c = out.last_mut().expect("joins implies a chunk");
            if blank {
                if !c.text.ends_with(' ') {
                    c.text.push(' ');
                }
            } else {
                // No space glyph, but a gap wider than letter spacing: a word gap.
                if g.x - c.x1 > 0.15 * c.size.max(g.size) && !c.text.ends_with(' ') {
                    c.text.push(' ');
                }
                c.text.push_str(text);
            }
            c.x1 = c.x1.max(g.x + g.width);
        } else if !blank {
            out.push(Chunk {
                x0: g.x,
                x1: g.x + g.width,
                y: g.y,
                size: g.size,
                text: text.to_string(),
            });
        }
    }
    for c in &mut out {
        let trimmed = c.text.trim_end().len();
        c.text.truncate(trimmed);
    }
    out.retain(|c| !c.text.is_empty());
    out
}

/// Chunks in reading order, in groups each read top to bottom: the whole
/// page, or bands of a two-column page, each band's left column then its
/// right column. Rows that cut across the gutter end a band and are read in
/// place: a chunk crossing it (a title, a footer), or a table row, whose
/// cells on both sides stop short of the gutter and the right margin where
/// the lines of two columns of prose run to them.
fn reading_groups(chunks: Vec<Chunk>) -> Vec<Vec<Chunk>> {
    let Some((g0, g1)) = gutter(&chunks) else {
        return vec![chunks];
    };
    let em = median(chunks.iter().map(|c| c.size).collect()).unwrap_or(10.0);
    let right_max = chunks
        .iter()
        .filter(|c| c.x0 >= g1 - 1.0)
        .map(|c| c.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let left = |c: &Chunk| c.x1 <= g0 + 1.0;
    let right = |c: &Chunk| c.x0 >= g1 - 1.0;
    let cuts = |row: &[Chunk]| {
        let crossing = row.iter().any(|c| !left(c) && !right(c));
        let (l, r): (Vec<&Chunk>, Vec<&Chunk>) = row.iter().partition(|c| left(c));
        let short_cells = !l.is_empty()
            && !r.is_empty()
            && l.iter().all(|c| c.x1 < g0 - 3.0 * em)
            && r.iter().all(|c| c.x1 < right_max - 3.0 * em);
        crossing || short_cells
    };
    let mut groups = Vec::new();
    let (mut band_left, mut band_right) = (Vec::new(), Vec::new());
    for row in baseline_rows(chunks) {
        if cuts(&row) {
            groups.push(std::mem::take(&mut band_left));
            groups.push(std::mem::take(&mut band_right));
            groups.push(row);
        } else {
            for c in row {
                if left(&c) {
                    band_left.push(c);
                } else {
                    band_right.push(c);
                }
            }
        }
    }
    groups.push(band_left);
    groups.push(band_right);
    groups.retain(|g| !g.is_empty());
    groups
}

/// Chunks top to bottom, those sharing a baseline together.
fn baseline_rows(mut chunks: Vec<Chunk>) -> Vec<Vec<Chunk>> {
    chunks.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<Chunk>> = Vec::new();
    for c in chunks {
        match rows.last_mut() {
            Some(row) if (row[0].y - c.y).abs() <= 0.4 * row[0].size.min(c.size) => row.push(c),
            _ => rows.push(vec![c]),
        }
    }
    rows
}

/// The gutter of a two-column page: an x-interval no chunk (or very few,
/// like a centred title) crosses, with prose on both sides at the same
/// heights. Tables also leave gutters, but their cells are a few words each,
/// where a column of prose has lines of many words.
fn gutter(chunks: &[Chunk]) -> Option<(f32, f32)> {
    if chunks.len() < 6 {
        return None;
    }
    let min = chunks.iter().map(|c| c.x0).fold(f32::INFINITY, f32::min);
    let max = chunks
        .iter()
        .map(|c| c.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let width = max - min;
    if !(width > 50.0 && width < 10_000.0) {
        return None;
    }
    let bins = width.ceil() as usize;
    let mut cover = vec![0u32; bins + 1];
    for c in chunks {
        let a = ((c.x0 - min).max(0.0) as usize).min(bins);
        let b = ((c.x1 - min).max(0.0) as usize).min(bins);
        for slot in &mut cover[a..b] {
            *slot += 1;
        }
    }
    // The gutter is the widest run of the least-crossed positions in the
    // middle of the text: nothing crosses it but a few full-width lines.
    let allowance = (chunks.len() / 8).max(3) as u32;
    let (lo, hi) = ((width * 0.2) as usize, (width * 0.8) as usize);
    let least = *cover[lo..hi].iter().min()?;
    if least > allowance {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut i = lo;
    while i < hi {
        if cover[i] != least {
            i += 1;
            continue;
        }
        let start = i;
        while i < hi && cover[i] == least {
            i += 1;
        }
        if best.is_none_or(|(s, e)| i - start > e - s) {
            best = Some((start, i));
        }
    }
    let (s, e) = best?;
    let median_size = median(chunks.iter().map(|c| c.size).collect())?;
    if ((e - s) as f32) < median_size * 0.8 {
        return None;
    }
    let (g0, g1) = (min + s as f32, min + e as f32);
    let left: Vec<&Chunk> = chunks.iter().filter(|c| c.x1 <= g0 + 1.0).collect();
    let right: Vec<&Chunk> = chunks.iter().filter(|c| c.x0 >= g1 - 1.0).collect();
    let prose = |side: &[&Chunk]| {
        side.len() >= 3
            && median(
                side.iter()
                    .map(|c| c.text.split_whitespace().count() as f32)
                    .collect(),
            )
            .is_some_and(|m| m >= 4.0)
    };
    if !prose(&left) || !prose(&right) {
        return None;
    }
    let span = |side: &[&Chunk]| {
        let top = side.iter().map(|c| c.y).fold(f32::NEG_INFINITY, f32::max);
        let bottom = side.iter().map(|c| c.y).fold(f32::INFINITY, f32::min);
        (bottom, top)
    };
    let ((lb, lt), (rb, rt)) = (span(&left), span(&right));
    let overlap = lt.min(rt) - lb.max(rb);
    (overlap > 0.0 && overlap >= 0.5 * (lt - lb).min(rt - rb)).then_some((g0, g1))
}

fn median(mut v: Vec<f32>) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}

/// Chunks of one group to lines: top to bottom, chunks sharing a baseline
/// joined left to right; a gap of two ems or more separates table cells.
fn group_lines(group: Vec<Chunk>) -> Vec<Line> {
    baseline_rows(group)
        .into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let size = row.iter().map(|c| c.size).fold(0.0, f32::max);
            let y = row[0].y;
            let mut cells: Vec<String> = Vec::new();
            let mut prev_x1 = f32::NEG_INFINITY;
            for (i, c) in row.iter().enumerate() {
                let gap = c.x0 - prev_x1;
                // A list marker stands apart from its item by a hanging
                // indent: it opens the item, it is not a cell of a table.
                let after_marker = i == 1 && cells.len() == 1 && is_list_marker(&cells[0]);
                match cells.last_mut() {
                    Some(last) if gap < 2.0 * size || after_marker => {
                        last.push(' ');
                        last.push_str(&c.text);
                    }
                    _ => cells.push(c.text.clone()),
                }
                prev_x1 = c.x1;
            }
            let row = cells.len() > 1;
            let text = if row {
                let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
                format!("| {} |", cells.join(" | "))
            } else {
                cells.pop().unwrap_or_default()
            };
            Line {
                y,
                size,
                text: normalize_marker(text),
                row,
                breaks: false,
            }
        })
        .collect()
}

/// Bullet glyphs of symbol fonts (private-use code points, filled circles)
/// become `-`, the marker the segmenter reads.
fn normalize_marker(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some('\u{F0B7}' | '\u{F0A7}' | '\u{25CF}' | '\u{25CB}' | '\u{25A0}' | '\u{25AA}')
        | Some('\u{27A2}' | '\u{25BA}' | '\u{F076}' | '\u{F0D8}') => {
            format!("- {}", chars.as_str().trim_start())
        }
        _ => text,
    }
}

/// A paragraph ends where the gap to the line above is wider than the
/// page's usual line spacing (the most common gap, but no more than one and
/// a half times the type size: a short page may be mostly paragraph gaps),
/// where the type size changes, and where rows of a table start or stop. A
/// line above the previous one starts a column: the paragraph may run on.
fn mark_breaks(lines: &mut [Line]) {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for w in lines.windows(2) {
        let d = w[0].y - w[1].y;
        if d > 0.0 {
            *counts.entry((d * 2.0).round() as i32).or_default() += 1;
        }
    }
    let common = counts
        .into_iter()
        .max_by_key(|&(gap, n)| (n, std::cmp::Reverse(gap)))
        .map(|(gap, _)| gap as f32 / 2.0);
    for i in 1..lines.len() {
        let (above, line) = (&lines[i - 1], &lines[i]);
        let gap = above.y - line.y;
        let usual = common
            .unwrap_or(f32::INFINITY)
            .min(1.5 * line.size.max(above.size));
        let size_change = (above.size - line.size).abs() > 0.15 * above.size.max(line.size);
        let wide = gap > 0.0 && gap > usual * 1.25;
        let brk = wide || size_change || above.row != line.row || page_number(&line.text);
        lines[i].breaks = brk;
    }
}

/// Running headers and footers: within the first and last two lines of a
/// page (one on a page of five lines or fewer, so that its body is never
/// taken for them), a line (digits aside) found so on more than half the
/// pages, and at least three; and page numbers there, on any page. A line
/// set larger than the body is the title the header repeats: kept.
fn drop_running_lines(pages: &mut [Vec<Line>], body: f32) {
    // Digits vary in a running line ("Page 3", a date): a short line is
    // compared without them. A long one must repeat word for word, so that
    // body lines of one pattern ("Clause 12: ...") at the top of every page
    // are not taken for a header.
    let key = |l: &Line| -> String {
        let short = l.text.split_whitespace().count() <= 8;
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if short && c.is_ascii_digit() {
                    '#'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let zone = |n: usize, i: usize| {
        let k = if n > 5 { 2 } else { 1 };
        i < k || i + k >= n
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<String> = page
            .iter()
            .enumerate()
            .filter(|(i, _)| zone(page.len(), *i))
            .map(|(_, l)| key(l))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let pages_n = pages.len();
    let running = |k: &str| seen.get(k).is_some_and(|&n| n >= 3 && n * 2 > pages_n);
    for page in pages.iter_mut() {
        let n = page.len();
        let mut i = 0;
        page.retain(|l| {
            let title = l.size >= body * 1.2;
            let drop = zone(n, i) && (page_number(&l.text) || (running(&key(l)) && !title));
            i += 1;
            !drop
        });
    }
}
